// The Consignly connector: its mappers on the doc's samples, the FIELD-NOTES
// variants, wrong types and exact decimals; and whole walks of every resource
// over real HTTP against the in-process sandbox, compared with its data.
#include "net/httpclient.h"
#include "sandbox/consignly/consignlyapi.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxserver.h"
#include "sandboxfixture.h"
#include "testretry.h"
#include "vendors/consignly/consignlyconnector.h"
#include "vendors/consignly/consignlymappers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace ConsignDesk;
using namespace ConsignDesk::Vendors;
using namespace ConsignDesk::Vendors::Consignly;

namespace {

const QString vendorName = QStringLiteral("consignly");
const QString inventoryEndpoint = QStringLiteral("GET /v1/inventory");

QJsonObject parse(const char *json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// The inventory doc's response example, one record.
const char *docInventoryRecord = R"({
  "logisticUnit": {
    "warehouseLogisticUnitId": "550e8400-e29b-41d4-a716-446655441000",
    "partnerId": "550e8400-e29b-41d4-a716-446655441001",
    "partnerName": "Example Client Ltd",
    "logisticUnitNumber": "LU-001",
    "referenceNumber": "REF-001",
    "ssccNumber": "123456789012345678",
    "warehouseLocationId": "550e8400-e29b-41d4-a716-446655441002",
    "warehouseLocationName": "A-01-01",
    "warehouseLocationType": 1,
    "warehouseId": "550e8400-e29b-41d4-a716-446655441003",
    "warehouseName": "Main Warehouse",
    "availableQuantity": 100, "availableVolumeM3": 2.5, "availableWeightKG": 500,
    "onHandQuantity": 100, "onHandVolumeM3": 2.5, "onHandWeightKG": 500
  },
  "products": [
    {
      "warehouseProductId": "550e8400-e29b-41d4-a716-446655441010",
      "partnerId": "550e8400-e29b-41d4-a716-446655441001",
      "partnerName": "Example Client Ltd",
      "partnerProductId": "550e8400-e29b-41d4-a716-446655441011",
      "partnerProductCode": "PROD-A",
      "partnerProductName": "Product A - Premium",
      "isSerialRequired": false,
      "serialTrackingMode": 0,
      "isDangerousGood": false,
      "batch": "BATCH-2024-001",
      "bestBeforeDate": "2025-06-30",
      "expiryDate": "2025-12-31",
      "warehouseLocationId": "550e8400-e29b-41d4-a716-446655441002",
      "warehouseLocationName": "A-01-01",
      "warehouseLocationType": 1,
      "warehouseId": "550e8400-e29b-41d4-a716-446655441003",
      "warehouseName": "Main Warehouse",
      "availableQuantity": 100, "availableVolumeM3": 2.5, "availableWeightKG": 500,
      "onHandQuantity": 100, "onHandVolumeM3": 2.5, "onHandWeightKG": 500,
      "attributes": [{"id": "550e8400-e29b-41d4-a716-446655441020",
                      "productAttributeId": "550e8400-e29b-41d4-a716-446655441021",
                      "name": "Color", "description": "Blue"}]
    }
  ]
})";

QJsonObject docRecord()
{
    return parse(docInventoryRecord);
}

/// The record with the first product line's @p key set to @p value (undefined: removed).
QJsonObject withLineField(const char *key, const QJsonValue &value)
{
    QJsonObject record = docRecord();
    QJsonArray products = record.value(QStringLiteral("products")).toArray();
    QJsonObject line = products.at(0).toObject();
    if (value.isUndefined())
        line.remove(QLatin1String(key));
    else
        line.insert(QLatin1String(key), value);
    products[0] = line;
    record.insert(QStringLiteral("products"), products);
    return record;
}

QString mapError(const QJsonObject &record)
{
    Records::LogisticUnit unit;
    QList<Records::StockLine> lines;
    QString error;
    if (mapInventoryRecord(record, inventoryEndpoint, unit, lines, &error))
        return {};
    return error.isEmpty() ? QStringLiteral("(failed without a message)") : error;
}

std::optional<qint64> fixed(const QJsonValue &value, int decimals, QString *error = nullptr)
{
    return fixedPoint(value, decimals, error);
}

/// A network that watches the pages of GET /v1/inventory: how often each
/// page was asked for and how many of them were open at once. A request is
/// counted when it leaves and open until its reply finished, both in this
/// thread, so the maximum does not depend on timing.
class PageWatchingNetwork : public QNetworkAccessManager
{
public:
    QHash<qint64, int> requests; ///< PageIndex → requests
    int open = 0;
    int maxOpen = 0;
    /// Runs as a page's request leaves, before the server can see it.
    std::function<void(qint64 page)> onPageRequest;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, data);
        if (request.url().path() == QLatin1String("/v1/inventory")) {
            const qint64 page = QUrlQuery(request.url()).queryItemValue(QStringLiteral("PageIndex")).toLongLong();
            ++requests[page];
            maxOpen = std::max(maxOpen, ++open);
            connect(reply, &QNetworkReply::finished, this, [this] { --open; });
            if (onPageRequest)
                onPageRequest(page);
        }
        return reply;
    }
};

/// Every field of the inventory records, in order, one line a record.
QStringList inventoryLines(const Records::RecordBatch &batch)
{
    QStringList lines;
    for (const Records::LogisticUnit &u : batch.logisticUnits) {
        lines << QStringList{QStringLiteral("unit"), u.externalId, u.number, u.ssccNumber, u.warehouseId, u.warehouse,
                             u.locationId, u.location, u.locationType, u.partnerId, u.partner, u.consignmentId,
                             QString::number(u.onHand), QString::number(u.available)}
                     .join(u'|');
    }
    for (const Records::StockLine &l : batch.stockLines) {
        lines << QStringList{QStringLiteral("line"), l.externalId, l.logisticUnitId, l.productId, l.productCode,
                             l.productName, l.warehouse, l.location, l.partner, l.batch, QString::number(l.onHand),
                             QString::number(l.available), l.bestBefore.toString(Qt::ISODate),
                             l.expiry.toString(Qt::ISODate), QString::number(l.dangerousGoods), l.dgClass, l.dgUnNumber,
                             QString::number(l.serialTrackingMode), QString::number(l.serialRequired)}
                     .join(u'|');
    }
    for (const Records::SerialItem &i : batch.serialItems) {
        lines << QStringList{QStringLiteral("item"), i.externalId, i.stockLineId, i.serial, QString::number(i.onHand),
                             QString::number(i.available)}
                     .join(u'|');
    }
    return lines;
}

} // namespace

class TestVendorConsignly : public QObject
{
    Q_OBJECT

private:
    Connection connection(AuthMethod auth = AuthMethod::AccessToken) const
    {
        Connection c;
        c.id = QStringLiteral("consignly-test");
        c.vendor = Vendor::Consignly;
        c.name = QStringLiteral("Consignly test");
        c.baseUrl = QUrl(m_sandbox->baseUrl(vendorName));
        c.currency = QStringLiteral("USD");
        c.auth = auth;
        if (auth == AuthMethod::ClientCredentials) {
            c.clientId = credential("client_id");
            c.tokenUrl = QUrl(credential("token_url"));
        }
        return c;
    }
    QString credential(const char *key) const
    {
        return m_sandbox->credentials(vendorName).value(QLatin1String(key)).toString();
    }
    std::unique_ptr<Connector> connector(AuthMethod auth = AuthMethod::AccessToken)
    {
        const QString secret = credential(auth == AuthMethod::ClientCredentials ? "client_secret" : "api_key");
        auto made = makeConsignlyConnector(connection(auth), *m_http, [this, secret](auto give) {
            ++m_secretReads;
            give(secret, QString());
        });
        made->setRetryPolicy(fastRetries());
        return made;
    }
    /// Requests the sandbox answered since resetStatistics(): all, or those with @p status.
    int requests(int status = 0) const { return m_sandbox->requests(vendorName, status); }
    Sandbox::ConsignlyApi *api() const
    {
        return dynamic_cast<Sandbox::ConsignlyApi *>(m_sandbox->sandbox().vendor(vendorName));
    }
    QJsonObject inspect() const
    {
        return m_sandbox->control("GET", QStringLiteral("/inspect/consignly")).object();
    }

    PageResult fetch(Connector &c, const QString &resource, const QString &cursor = {})
    {
        PageRequest request;
        request.resource = resource;
        request.cursor = cursor;
        PageResult result;
        bool done = false;
        c.fetchPage(request, [&](const PageResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 60000))
            result.error = QStringLiteral("(no answer within a minute)");
        return result;
    }

    struct Walk {
        bool ok = false;
        QString error;
        Records::RecordBatch all;
        int pages = 0;
        qint64 total = -1;
        qint64 rows = 0;
        bool serverTime = true;
    };
    Walk walk(Connector &c, const QString &resource)
    {
        Walk w;
        QString cursor;
        QSet<QString> cursors;
        for (int page = 0; page < 200; ++page) {
            const PageResult result = fetch(c, resource, cursor);
            if (!result.ok) {
                w.error = result.error;
                return w;
            }
            ++w.pages;
            w.total = result.total;
            w.rows += result.rows;
            w.serverTime = w.serverTime && result.serverTime.isValid();
            w.all.logisticUnits += result.records.logisticUnits;
            w.all.stockLines += result.records.stockLines;
            w.all.serialItems += result.records.serialItems;
            w.all.consumables += result.records.consumables;
            if (result.nextCursor.isEmpty()) {
                w.ok = true;
                return w;
            }
            if (cursors.contains(result.nextCursor)) {
                w.error = QStringLiteral("the cursor repeats: ") + result.nextCursor;
                return w;
            }
            cursors.insert(result.nextCursor);
            cursor = result.nextCursor;
        }
        w.error = QStringLiteral("too many pages");
        return w;
    }

    /// Every row of a sandbox list, read directly.
    QJsonArray rawRows(const QString &path, const char *arrayName)
    {
        QJsonArray rows;
        const QString separator = path.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
        for (int index = 1; index < 1000; ++index) {
            const HttpResponse response = m_sandbox->get(vendorName, path + separator + QStringLiteral("PageIndex=%1&PageSize=500").arg(index));
            if (response.status != 200)
                return {};
            const QJsonObject page = response.object();
            const QJsonArray pageRows = page.value(QLatin1String(arrayName)).toArray();
            for (const QJsonValue &row : pageRows)
                rows.append(row);
            if (pageRows.isEmpty() || rows.size() >= page.value(QStringLiteral("total")).toInteger())
                break;
        }
        return rows;
    }

    bool addFault(const QJsonObject &fault)
    {
        return m_sandbox->control("POST", QStringLiteral("/faults"), fault).status == 201;
    }
    void clearFaults() { m_sandbox->sandbox().faults().clear(); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_http;
    int m_secretReads = 0;
    std::optional<PageResult> m_secondPage; ///< page 2 of the inventory without faults

private Q_SLOTS:
    void initTestCase()
    {
        SandboxFixture::Options options;
        options.items = 11000;
        options.seed = 11;
        options.rateLimits = false;
        options.vendors = Sandbox::allVendors();
        m_sandbox = std::make_unique<SandboxFixture>(options);
        m_http = std::make_unique<Net::HttpClient>(&m_network);
    }
    void init() { clearFaults(); }
    void cleanup() { clearFaults(); }

    // ---- mappers ---------------------------------------------------------

    void docSampleInventoryRecord()
    {
        Records::LogisticUnit unit;
        QList<Records::StockLine> lines;
        QString error;
        QVERIFY2(mapInventoryRecord(docRecord(), inventoryEndpoint, unit, lines, &error), qPrintable(error));
        QCOMPARE(unit.externalId, QStringLiteral("550e8400-e29b-41d4-a716-446655441000"));
        QCOMPARE(unit.number, QStringLiteral("LU-001"));
        QCOMPARE(unit.ssccNumber, QStringLiteral("123456789012345678"));
        QCOMPARE(unit.warehouseId, QStringLiteral("550e8400-e29b-41d4-a716-446655441003"));
        QCOMPARE(unit.warehouse, QStringLiteral("Main Warehouse"));
        QCOMPARE(unit.locationId, QStringLiteral("550e8400-e29b-41d4-a716-446655441002"));
        QCOMPARE(unit.location, QStringLiteral("A-01-01"));
        QCOMPARE(unit.locationType, QStringLiteral("racking"));
        QCOMPARE(unit.partnerId, QStringLiteral("550e8400-e29b-41d4-a716-446655441001"));
        QCOMPARE(unit.partner, QStringLiteral("Example Client Ltd"));
        QCOMPARE(unit.onHand, 100);
        QCOMPARE(unit.available, 100);

        QCOMPARE(lines.size(), 1);
        const Records::StockLine &line = lines.first();
        QCOMPARE(line.externalId, QStringLiteral("550e8400-e29b-41d4-a716-446655441010"));
        QCOMPARE(line.logisticUnitId, unit.externalId);
        QCOMPARE(line.productId, QStringLiteral("550e8400-e29b-41d4-a716-446655441011"));
        QCOMPARE(line.productCode, QStringLiteral("PROD-A"));
        QCOMPARE(line.productName, QStringLiteral("Product A - Premium"));
        QCOMPARE(line.warehouse, QStringLiteral("Main Warehouse"));
        QCOMPARE(line.location, QStringLiteral("A-01-01"));
        QCOMPARE(line.partner, QStringLiteral("Example Client Ltd"));
        QCOMPARE(line.batch, QStringLiteral("BATCH-2024-001"));
        QCOMPARE(line.onHand, 100);
        QCOMPARE(line.available, 100);
        QCOMPARE(line.bestBefore, QDate(2025, 6, 30));
        QCOMPARE(line.expiry, QDate(2025, 12, 31));
        QVERIFY(!line.dangerousGoods);
        QCOMPARE(line.serialTrackingMode, 1); // the sample's 0 is None
        QVERIFY(!line.serialRequired);
        QVERIFY(!hasSerialItems(line));
    }

    void fieldNotesVariants()
    {
        // Mode numbering 1-3, optional fields null or absent, DG fields, a date-time date.
        QJsonObject record = withLineField("serialTrackingMode", 3);
        QJsonArray products = record.value(QStringLiteral("products")).toArray();
        QJsonObject line = products.at(0).toObject();
        line.insert(QStringLiteral("isSerialRequired"), true);
        line.insert(QStringLiteral("batch"), QJsonValue::Null);
        line.remove(QStringLiteral("bestBeforeDate"));
        line.insert(QStringLiteral("expiryDate"), QStringLiteral("2026-01-15T00:00:00Z"));
        line.insert(QStringLiteral("isDangerousGood"), true);
        line.insert(QStringLiteral("dgUnNumber"), 3480);
        line.insert(QStringLiteral("dgHazchemFireCode"), 2);
        line.insert(QStringLiteral("dgHazchemSafetyCode"), 6);
        line.insert(QStringLiteral("dgHazchemEvacuate"), false);
        line.insert(QStringLiteral("dgHazardClassId"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
        line.insert(QStringLiteral("someFutureField"), QJsonObject{{QStringLiteral("x"), 1}});
        line.remove(QStringLiteral("warehouseName")); // taken from the unit
        products[0] = line;
        record.insert(QStringLiteral("products"), products);

        Records::LogisticUnit unit;
        QList<Records::StockLine> lines;
        QString error;
        QVERIFY2(mapInventoryRecord(record, inventoryEndpoint, unit, lines, &error), qPrintable(error));
        const Records::StockLine &mapped = lines.first();
        QCOMPARE(mapped.serialTrackingMode, 3);
        QVERIFY(mapped.serialRequired);
        QVERIFY(hasSerialItems(mapped));
        QVERIFY(mapped.batch.isEmpty());
        QVERIFY(!mapped.bestBefore.isValid());
        QCOMPARE(mapped.expiry, QDate(2026, 1, 15));
        QVERIFY(mapped.dangerousGoods);
        QCOMPARE(mapped.dgUnNumber, QStringLiteral("3480"));
        QCOMPARE(mapped.dgClass, QStringLiteral("11111111-2222-3333-4444-555555555555"));
        QCOMPARE(mapped.warehouse, QStringLiteral("Main Warehouse"));

        // Depleted serial-tracked lines have no items to fetch.
        Records::StockLine depleted = mapped;
        depleted.onHand = 0;
        QVERIFY(!hasSerialItems(depleted));

        QCOMPARE(locationTypeName(3), QStringLiteral("quarantine"));
        QCOMPARE(locationTypeName(9), QStringLiteral("9"));
    }

    void wrongTypesNameEndpointRecordAndField()
    {
        QString error = mapError(withLineField("onHandQuantity", QStringLiteral("100")));
        QCOMPARE(error, QStringLiteral("GET /v1/inventory: product line 550e8400-e29b-41d4-a716-446655441010: "
                                       "field \"onHandQuantity\" is a string, expected a whole number"));
        error = mapError(withLineField("availableQuantity", 2.5));
        QVERIFY2(error.contains(QLatin1String("\"availableQuantity\" is 2.5, expected a whole number")), qPrintable(error));
        error = mapError(withLineField("warehouseProductId", QJsonValue::Undefined));
        QVERIFY2(error.contains(QLatin1String("field \"warehouseProductId\" is missing")), qPrintable(error));
        error = mapError(withLineField("serialTrackingMode", 7));
        QVERIFY2(error.contains(QLatin1String("\"serialTrackingMode\" is 7")), qPrintable(error));
        error = mapError(withLineField("isSerialRequired", QStringLiteral("false")));
        QVERIFY2(error.contains(QLatin1String("\"isSerialRequired\" is a string, expected true or false")), qPrintable(error));
        error = mapError(withLineField("expiryDate", QStringLiteral("31/12/2025")));
        QVERIFY2(error.contains(QLatin1String("\"expiryDate\" is \"31/12/2025\", expected a date (YYYY-MM-DD)")), qPrintable(error));

        // The sandbox's wrong-type fault: products as an object.
        QJsonObject record = docRecord();
        record.insert(QStringLiteral("products"), QJsonObject{});
        error = mapError(record);
        QCOMPARE(error, QStringLiteral("GET /v1/inventory: logistic unit 550e8400-e29b-41d4-a716-446655441000: "
                                       "field \"products\" is an object, expected an array"));
        record = docRecord();
        QJsonObject unit = record.value(QStringLiteral("logisticUnit")).toObject();
        unit.insert(QStringLiteral("onHandQuantity"), QJsonValue::Null);
        record.insert(QStringLiteral("logisticUnit"), unit);
        error = mapError(record);
        QVERIFY2(error.contains(QLatin1String("logistic unit 550e8400-e29b-41d4-a716-446655441000: field \"onHandQuantity\" is missing")),
                 qPrintable(error));
        error = mapError(QJsonObject{{QStringLiteral("products"), QJsonArray{}}});
        QVERIFY2(error.contains(QLatin1String("field \"logisticUnit\" is missing")), qPrintable(error));

        Records::LogisticUnit u;
        QList<Records::StockLine> lines;
        QVERIFY(!mapInventoryRecord(QJsonValue(42), inventoryEndpoint, u, lines, &error));
        QVERIFY2(error.contains(QLatin1String("is a number, expected an object")), qPrintable(error));
    }

    void serialItemDocSample()
    {
        const QJsonObject json = parse(R"({"warehouseProductItemId": "550e8400-e29b-41d4-a716-446655441100",
            "serial": "SN-2024-001", "availableQuantity": 1, "availableVolumeM3": 0.025, "availableWeightKG": 5,
            "transferableQuantity": 1, "transferableVolumeM3": 0.025, "transferableWeightKG": 5,
            "onHandQuantity": 1, "onHandVolumeM3": 0.025, "onHandWeightKG": 5})");
        Records::SerialItem item;
        QString error;
        const QString endpoint = QStringLiteral("GET /v1/inventory/x/items");
        QVERIFY2(mapSerialItem(json, endpoint, QStringLiteral("line-1"), item, &error), qPrintable(error));
        QCOMPARE(item.externalId, QStringLiteral("550e8400-e29b-41d4-a716-446655441100"));
        QCOMPARE(item.stockLineId, QStringLiteral("line-1"));
        QCOMPARE(item.serial, QStringLiteral("SN-2024-001"));
        QCOMPARE(item.onHand, 1);
        QCOMPARE(item.available, 1);

        QJsonObject bad = json;
        bad.insert(QStringLiteral("availableQuantity"), QStringLiteral("1"));
        QVERIFY(!mapSerialItem(bad, endpoint, QStringLiteral("line-1"), item, &error));
        QCOMPARE(error, QStringLiteral("GET /v1/inventory/x/items: serial item 550e8400-e29b-41d4-a716-446655441100: "
                                       "field \"availableQuantity\" is a string, expected a whole number"));
    }

    void consumablesDocSample()
    {
        const QByteArray body = R"json({"consumables": [
            {"consumableTypeId": "550e8400-e29b-41d4-a716-446655440900", "name": "Pallet", "value": 4},
            {"consumableTypeId": "550e8400-e29b-41d4-a716-446655440901", "name": "Shrink Wrap (m)", "value": 25.5},
            {"consumableTypeId": "550e8400-e29b-41d4-a716-446655440902", "name": "Carton Labels", "value": 120}]})json";
        const ConsignmentRef consignment{QStringLiteral("550e8400-e29b-41d4-a716-446655440000"), QStringLiteral("CN-000001")};
        QList<Records::Consumable> list;
        QString error;
        const QString endpoint = QStringLiteral("GET /v1/consignments/550e8400-e29b-41d4-a716-446655440000/consumables");
        QVERIFY2(mapConsumables(body, endpoint, consignment, list, &error), qPrintable(error));
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0).externalId, QStringLiteral("550e8400-e29b-41d4-a716-446655440000/550e8400-e29b-41d4-a716-446655440900"));
        QCOMPARE(list.at(0).consignmentId, consignment.id);
        QCOMPARE(list.at(0).consignmentNumber, QStringLiteral("CN-000001"));
        QCOMPARE(list.at(0).typeId, QStringLiteral("550e8400-e29b-41d4-a716-446655440900"));
        QCOMPARE(list.at(0).name, QStringLiteral("Pallet"));
        QCOMPARE(list.at(0).valueThousandths, 4000);
        QCOMPARE(list.at(1).valueThousandths, 25500);
        QCOMPARE(list.at(2).valueThousandths, 120000);

        // The consignment detail's spelling.
        Records::Consumable one;
        QVERIFY2(mapConsumable(parse(R"({"id": "550e8400-e29b-41d4-a716-446655440910",
            "consumableTypeId": "550e8400-e29b-41d4-a716-446655440900", "consumableTypeName": "Pallet", "value": 0.29})"),
                               endpoint, consignment, one, &error),
                 qPrintable(error));
        QCOMPARE(one.name, QStringLiteral("Pallet"));
        QCOMPARE(one.valueThousandths, 290);

        // Wrong types and too many decimals.
        QVERIFY(!mapConsumable(parse(R"({"consumableTypeId": "t1", "value": "4"})"), endpoint, consignment, one, &error));
        QCOMPARE(error, endpoint + QStringLiteral(": consumable 550e8400-e29b-41d4-a716-446655440000/t1: field \"value\" is a string, expected a number"));
        QVERIFY(!mapConsumable(parse(R"({"consumableTypeId": "t1", "value": 1.2345})"), endpoint, consignment, one, &error));
        QVERIFY2(error.contains(QLatin1String("field \"value\": 1.2345 has more than 3 decimal places")), qPrintable(error));
        QVERIFY(!mapConsumable(parse(R"({"consumableTypeId": "t1"})"), endpoint, consignment, one, &error));
        QVERIFY2(error.contains(QLatin1String("field \"value\" is missing")), qPrintable(error));
        QVERIFY(!mapConsumable(parse(R"({"value": 1})"), endpoint, consignment, one, &error));
        QVERIFY2(error.contains(QLatin1String("field \"consumableTypeId\" is missing")), qPrintable(error));

        bool notJson = false;
        QVERIFY(!mapConsumables(R"({"consumables": [)", endpoint, consignment, list, &error, &notJson));
        QVERIFY(notJson);
        QCOMPARE(error, endpoint + QStringLiteral(": the answer is not valid JSON (cut short?)"));
        QVERIFY(!mapConsumables(R"({"consumables": {}})", endpoint, consignment, list, &error, &notJson));
        QVERIFY(!notJson);
        QVERIFY2(error.contains(QLatin1String("field \"consumables\" is an object, expected an array")), qPrintable(error));
        QVERIFY(mapConsumables(R"({"consumables": []})", endpoint, consignment, list, &error));
        QVERIFY(list.isEmpty());
    }

    void exactDecimals()
    {
        QCOMPARE(fixed(QJsonValue(0.1), 2), 10);
        QCOMPARE(fixed(QJsonValue(0.29), 2), 29);
        QCOMPARE(fixed(QJsonValue(1.005), 3), 1005);
        QCOMPARE(fixed(QJsonValue(-5.5), 2), -550);
        QCOMPARE(fixed(QJsonValue(0), 3), 0);
        QCOMPARE(fixed(QJsonValue(1000000000.0), 3), 1000000000000);
        QCOMPARE(fixed(QJsonValue(QStringLiteral("12.30")), 2), 1230);
        QCOMPARE(fixed(QJsonValue(QStringLiteral("-0.07")), 2), -7);
        QCOMPARE(fixed(QJsonValue(QStringLiteral("7")), 0), 7);
        QCOMPARE(fixed(QJsonDocument::fromJson("[25.500]").array().at(0), 3), 25500);

        QString error;
        QVERIFY(!fixed(QJsonValue(QStringLiteral("1.234")), 2, &error));
        QCOMPARE(error, QStringLiteral("1.234 has more than 2 decimal places"));
        QVERIFY(!fixed(QJsonValue(0.5), 0, &error));
        QCOMPARE(error, QStringLiteral("0.5 has more than 0 decimal places"));
        QVERIFY(!fixed(QJsonValue(9007199254740992.0), 0, &error)); // 2^53
        QVERIFY2(error.contains(QLatin1String("too large")), qPrintable(error));
        QVERIFY(!fixed(QJsonValue(QStringLiteral("123456789012345678")), 0, &error));
        QVERIFY2(error.contains(QLatin1String("too large")), qPrintable(error));
        QVERIFY(!fixed(QJsonValue(1e300), 3, &error));
        QVERIFY(!fixed(QJsonValue(QStringLiteral("12,30")), 2, &error));
        QVERIFY2(error.contains(QLatin1String("not a decimal number")), qPrintable(error));
        QVERIFY(!fixed(QJsonValue(QStringLiteral("1e3")), 2, &error));
        QVERIFY(!fixed(QJsonValue(QStringLiteral(".5")), 2, &error));
        QVERIFY(!fixed(QJsonValue(true), 2, &error));
        QVERIFY(!fixed(QJsonValue(QJsonValue::Null), 2, &error));
        // 1e400 does not parse as a finite number.
        QVERIFY(!fixed(QJsonDocument::fromJson("[1e400]").array().at(0), 3, &error));
    }

    void envelopesAndMessages()
    {
        Envelope envelope;
        QString error;
        bool notJson = false;
        QVERIFY(parseEnvelope(R"({"index": 2, "total": 7, "items": [{}, {}]})", QStringLiteral("GET /x"), QStringLiteral("items"),
                              envelope, &error, &notJson));
        QCOMPARE(envelope.index, 2);
        QCOMPARE(envelope.total, 7);
        QCOMPARE(envelope.rows.size(), 2);
        QVERIFY(!parseEnvelope(R"({"index": 2, "total": 7, "items": [{})", QStringLiteral("GET /x"), QStringLiteral("items"),
                               envelope, &error, &notJson));
        QVERIFY(notJson);
        QCOMPARE(error, QStringLiteral("GET /x: the answer is not valid JSON (cut short?)"));
        QVERIFY(!parseEnvelope(R"({"index": 2, "items": []})", QStringLiteral("GET /x"), QStringLiteral("items"), envelope, &error));
        QCOMPARE(error, QStringLiteral("GET /x: field \"total\" is missing"));
        QVERIFY(!parseEnvelope(R"({"index": 2, "total": "7", "items": []})", QStringLiteral("GET /x"), QStringLiteral("items"),
                               envelope, &error));
        QCOMPARE(error, QStringLiteral("GET /x: field \"total\" is a string, expected a whole number"));
        QVERIFY(!parseEnvelope(R"({"index": 1, "total": 0, "inventory": {}})", QStringLiteral("GET /x"), QStringLiteral("inventory"),
                               envelope, &error));
        QCOMPARE(error, QStringLiteral("GET /x: field \"inventory\" is an object, expected an array"));

        QCOMPARE(vendorMessage(R"({"ErrorType": "NotFound", "ErrorMessages": ["Consignment not found"]})"),
                 QStringLiteral("NotFound: Consignment not found"));
        QCOMPARE(vendorMessage(R"({"error": "invalid_client", "error_description": "bad secret"})"),
                 QStringLiteral("invalid_client: bad secret"));
        QCOMPARE(vendorMessage("<html>Bad Gateway</html>"), QStringLiteral("<html>Bad Gateway</html>"));
    }

    void cursors()
    {
        QCOMPARE(parseCursor(QString())->page, 1);
        QCOMPARE(parseCursor(QString())->firstTotal, -1);
        const auto c = parseCursor(QStringLiteral("p:3:t:1200:l:abc-def"));
        QVERIFY(c);
        QCOMPARE(c->page, 3);
        QCOMPARE(c->firstTotal, 1200);
        QCOMPARE(c->lastId, QStringLiteral("abc-def"));
        QCOMPARE(formatCursor(*c), QStringLiteral("p:3:t:1200:l:abc-def"));
        QCOMPARE(parseCursor(QStringLiteral("p:2"))->page, 2);
        QVERIFY(!parseCursor(QStringLiteral("p:0")));
        QVERIFY(!parseCursor(QStringLiteral("p:x")));
        QVERIFY(!parseCursor(QStringLiteral("t:5")));
        QVERIFY(!parseCursor(QStringLiteral("garbage")));
    }

    // ---- against the sandbox --------------------------------------------

    void resources()
    {
        auto c = connector();
        QVERIFY(c);
        const QList<ResourceSpec> specs = c->resources();
        QCOMPARE(specs.size(), 2);
        QCOMPARE(specs.at(0).name, QStringLiteral("inventory"));
        QCOMPARE(specs.at(0).tables, (QStringList{QStringLiteral("logistic_units"), QStringLiteral("stock_lines"), QStringLiteral("serial_items")}));
        QVERIFY(!specs.at(0).changeFilter);
        QVERIFY(specs.at(0).vanishOnComplete);
        QVERIFY(!specs.at(0).resumable);
        QCOMPARE(specs.at(1).name, QStringLiteral("consumables"));
        QCOMPARE(specs.at(1).tables, QStringList{QStringLiteral("consumables")});
        QVERIFY(!specs.at(1).changeFilter);
        QVERIFY(specs.at(1).vanishOnComplete);
        QVERIFY(!specs.at(1).resumable);

        const PageResult unknown = fetch(*c, QStringLiteral("sales"));
        QVERIFY(!unknown.ok);
        QVERIFY(!unknown.error.isEmpty());
        const PageResult badCursor = fetch(*c, QStringLiteral("inventory"), QStringLiteral("nonsense"));
        QVERIFY(!badCursor.ok);
        QVERIFY(badCursor.error.contains(QLatin1String("nonsense")));
    }

    void inventoryEqualsTheSandbox()
    {
        const QJsonObject summary = inspect();
        auto c = connector();
        const Walk w = walk(*c, QStringLiteral("inventory"));
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(w.serverTime);
        QVERIFY2(w.pages >= 2, "the test should cross a page boundary");
        QCOMPARE(w.total, summary.value(QStringLiteral("logistic_units")).toInteger());
        QCOMPARE(w.rows, w.total);
        QCOMPARE(qint64(w.all.logisticUnits.size()), summary.value(QStringLiteral("logistic_units")).toInteger());
        QCOMPARE(qint64(w.all.stockLines.size()), summary.value(QStringLiteral("product_lines")).toInteger());
        QCOMPARE(qint64(w.all.serialItems.size()), summary.value(QStringLiteral("serial_items")).toInteger());
        QVERIFY(summary.value(QStringLiteral("serial_items")).toInteger() > 0);
        QVERIFY(summary.value(QStringLiteral("depleted_lines")).toInteger() > 0);

        qint64 onHand = 0, available = 0;
        QSet<QString> unitIds, lineIds, itemIds;
        QHash<QString, const Records::StockLine *> lineById;
        for (const auto &unit : w.all.logisticUnits)
            unitIds.insert(unit.externalId);
        for (const auto &line : w.all.stockLines) {
            onHand += line.onHand;
            available += line.available;
            lineIds.insert(line.externalId);
            lineById.insert(line.externalId, &line);
            QVERIFY(unitIds.contains(line.logisticUnitId));
        }
        QHash<QString, qint64> itemsPerLine;
        for (const auto &item : w.all.serialItems) {
            itemIds.insert(item.externalId);
            ++itemsPerLine[item.stockLineId];
            QVERIFY(lineIds.contains(item.stockLineId));
        }
        QCOMPARE(qint64(unitIds.size()), qint64(w.all.logisticUnits.size()));
        QCOMPARE(qint64(lineIds.size()), qint64(w.all.stockLines.size()));
        QCOMPARE(qint64(itemIds.size()), qint64(w.all.serialItems.size()));
        QCOMPARE(onHand, summary.value(QStringLiteral("sum_on_hand")).toInteger());
        QCOMPARE(available, summary.value(QStringLiteral("sum_available")).toInteger());
        for (auto it = itemsPerLine.cbegin(); it != itemsPerLine.cend(); ++it) {
            const Records::StockLine *line = lineById.value(it.key());
            QVERIFY(line);
            QVERIFY(line->serialTrackingMode == 2 || line->serialTrackingMode == 3);
            QCOMPARE(it.value(), line->onHand);
        }

        // Exact values against the listing read directly, for several records.
        const QJsonArray raw = rawRows(QStringLiteral("/v1/inventory?IncludeDepleted=true"), "inventory");
        QCOMPARE(qint64(raw.size()), qint64(w.all.logisticUnits.size()));
        QHash<QString, qsizetype> unitAt;
        for (qsizetype i = 0; i < w.all.logisticUnits.size(); ++i)
            unitAt.insert(w.all.logisticUnits.at(i).externalId, i);
        int checkedTracked = 0, checkedDg = 0, checkedDated = 0;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            const QJsonObject json = raw.at(i).toObject();
            const QJsonObject lu = json.value(QStringLiteral("logisticUnit")).toObject();
            const QString id = lu.value(QStringLiteral("warehouseLogisticUnitId")).toString();
            QVERIFY(unitAt.contains(id));
            const Records::LogisticUnit &unit = w.all.logisticUnits.at(unitAt.value(id));
            QCOMPARE(unit.number, lu.value(QStringLiteral("logisticUnitNumber")).toString());
            QCOMPARE(unit.ssccNumber, lu.value(QStringLiteral("ssccNumber")).toString());
            QCOMPARE(unit.partner, lu.value(QStringLiteral("partnerName")).toString());
            QCOMPARE(unit.partnerId, lu.value(QStringLiteral("partnerId")).toString());
            QCOMPARE(unit.location, lu.value(QStringLiteral("warehouseLocationName")).toString());
            QCOMPARE(unit.warehouse, lu.value(QStringLiteral("warehouseName")).toString());
            QCOMPARE(unit.locationType, locationTypeName(lu.value(QStringLiteral("warehouseLocationType")).toInt()));
            QCOMPARE(unit.onHand, lu.value(QStringLiteral("onHandQuantity")).toInteger());
            QCOMPARE(unit.available, lu.value(QStringLiteral("availableQuantity")).toInteger());
            for (const QJsonValue &value : json.value(QStringLiteral("products")).toArray()) {
                const QJsonObject p = value.toObject();
                const Records::StockLine *line = lineById.value(p.value(QStringLiteral("warehouseProductId")).toString());
                QVERIFY(line);
                QCOMPARE(line->logisticUnitId, id);
                QCOMPARE(line->productId, p.value(QStringLiteral("partnerProductId")).toString());
                QCOMPARE(line->productCode, p.value(QStringLiteral("partnerProductCode")).toString());
                QCOMPARE(line->productName, p.value(QStringLiteral("partnerProductName")).toString());
                QCOMPARE(line->batch, p.value(QStringLiteral("batch")).toString());
                QCOMPARE(line->onHand, p.value(QStringLiteral("onHandQuantity")).toInteger());
                QCOMPARE(line->available, p.value(QStringLiteral("availableQuantity")).toInteger());
                QCOMPARE(line->serialTrackingMode, p.value(QStringLiteral("serialTrackingMode")).toInt());
                QCOMPARE(line->serialRequired, p.value(QStringLiteral("isSerialRequired")).toBool());
                QCOMPARE(line->dangerousGoods, p.value(QStringLiteral("isDangerousGood")).toBool());
                QCOMPARE(line->bestBefore, QDate::fromString(p.value(QStringLiteral("bestBeforeDate")).toString(), Qt::ISODate));
                QCOMPARE(line->expiry, QDate::fromString(p.value(QStringLiteral("expiryDate")).toString(), Qt::ISODate));
                if (line->dangerousGoods) {
                    ++checkedDg;
                    QCOMPARE(line->dgUnNumber.toInt(), p.value(QStringLiteral("dgUnNumber")).toInt());
                    QCOMPARE(line->dgClass, p.value(QStringLiteral("dgHazardClassId")).toString());
                }
                checkedDated += line->expiry.isValid() || line->bestBefore.isValid() ? 1 : 0;
                if (hasSerialItems(*line) && checkedTracked < 3) {
                    ++checkedTracked;
                    const QJsonArray items = rawRows(QStringLiteral("/v1/inventory/%1/items").arg(line->externalId), "items");
                    QCOMPARE(qint64(items.size()), line->onHand);
                    QHash<QString, const Records::SerialItem *> mine;
                    for (const auto &item : w.all.serialItems) {
                        if (item.stockLineId == line->externalId)
                            mine.insert(item.externalId, &item);
                    }
                    QCOMPARE(qint64(mine.size()), line->onHand);
                    for (const QJsonValue &itemValue : items) {
                        const Records::SerialItem *item = mine.value(itemValue[QStringLiteral("warehouseProductItemId")].toString());
                        QVERIFY(item);
                        QCOMPARE(item->serial, itemValue[QStringLiteral("serial")].toString());
                        QCOMPARE(item->available, itemValue[QStringLiteral("availableQuantity")].toInteger());
                        QCOMPARE(item->onHand, itemValue[QStringLiteral("onHandQuantity")].toInteger());
                    }
                }
            }
        }
        QCOMPARE(checkedTracked, 3);
        QVERIFY(checkedDg > 0);
        QVERIFY(checkedDated > 0);
    }

    void consumablesEqualTheSandbox()
    {
        const QJsonObject summary = inspect();
        auto c = connector();
        const Walk w = walk(*c, QStringLiteral("consumables"));
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(w.serverTime);
        QCOMPARE(w.total, summary.value(QStringLiteral("consignments")).toInteger());
        QCOMPARE(w.rows, w.total);
        QCOMPARE(qint64(w.all.consumables.size()), summary.value(QStringLiteral("consumables")).toInteger());
        qint64 sum = 0;
        QSet<QString> ids;
        QHash<QString, const Records::Consumable *> byId;
        for (const auto &consumable : w.all.consumables) {
            sum += consumable.valueThousandths;
            ids.insert(consumable.externalId);
            byId.insert(consumable.externalId, &consumable);
            QCOMPARE(consumable.externalId, consumable.consignmentId + u'/' + consumable.typeId);
        }
        QCOMPARE(qint64(ids.size()), qint64(w.all.consumables.size()));
        QCOMPARE(sum, summary.value(QStringLiteral("sum_consumable_value_milli")).toInteger());

        // Exact values of several consignments read directly.
        const QJsonArray consignments = rawRows(QStringLiteral("/v1/consignments"), "consignments");
        QCOMPARE(qint64(consignments.size()), w.total);
        int checked = 0, fractional = 0;
        for (qsizetype i = 0; i < consignments.size(); i += qMax<qsizetype>(1, consignments.size() / 7)) {
            const QString id = consignments.at(i)[QStringLiteral("id")].toString();
            const QString number = consignments.at(i)[QStringLiteral("consignmentNumber")].toString();
            const QJsonArray list = m_sandbox->get(vendorName, QStringLiteral("/v1/consignments/%1/consumables").arg(id))
                                        .object().value(QStringLiteral("consumables")).toArray();
            for (const QJsonValue &value : list) {
                const auto *mine = byId.value(id + u'/' + value[QStringLiteral("consumableTypeId")].toString());
                QVERIFY(mine);
                QCOMPARE(mine->consignmentNumber, number);
                QCOMPARE(mine->name, value[QStringLiteral("name")].toString());
                // The sandbox writes thousandths as a decimal; compare as text, not as a double.
                const QString text = QString::number(value[QStringLiteral("value")].toDouble(), 'f', 3);
                QCOMPARE(mine->valueThousandths, QString(text).remove(u'.').toLongLong());
                fractional += mine->valueThousandths % 1000 != 0 ? 1 : 0;
                ++checked;
            }
        }
        QVERIFY(checked > 0);
        Q_UNUSED(fractional);
    }

    void wrongTypeFaultsFailThePage()
    {
        auto c = connector();
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName}, {QStringLiteral("endpoint"), QStringLiteral("/v1/inventory")},
                          {QStringLiteral("kind"), QStringLiteral("wrong-type")}}));
        PageResult page = fetch(*c, QStringLiteral("inventory"));
        QVERIFY(!page.ok);
        QVERIFY(page.records.isEmpty());
        QVERIFY2(page.error.startsWith(inventoryEndpoint + QStringLiteral(": logistic unit ")), qPrintable(page.error));
        QVERIFY2(page.error.contains(QLatin1String("field \"products\" is an object, expected an array")), qPrintable(page.error));

        clearFaults();
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName},
                          {QStringLiteral("endpoint"), QStringLiteral("/v1/inventory/{warehouseProductId}/items")},
                          {QStringLiteral("kind"), QStringLiteral("wrong-type")},
                          {QStringLiteral("field"), QStringLiteral("availableQuantity")}}));
        page = fetch(*c, QStringLiteral("inventory"));
        QVERIFY(!page.ok);
        QVERIFY(page.records.isEmpty());
        QVERIFY2(page.error.startsWith(QStringLiteral("GET /v1/inventory/")) && page.error.contains(QLatin1String("/items: serial item ")),
                 qPrintable(page.error));
        QVERIFY2(page.error.contains(QLatin1String("field \"availableQuantity\" is a string, expected a whole number")), qPrintable(page.error));

        clearFaults();
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName},
                          {QStringLiteral("endpoint"), QStringLiteral("/v1/consignments/{consignmentId}/consumables")},
                          {QStringLiteral("kind"), QStringLiteral("wrong-type")},
                          {QStringLiteral("field"), QStringLiteral("value")}}));
        page = fetch(*c, QStringLiteral("consumables"));
        QVERIFY(!page.ok);
        QVERIFY(page.records.isEmpty());
        QVERIFY2(page.error.contains(QLatin1String("/consumables: consumable ")) && page.error.contains(QLatin1String("field \"value\"")),
                 qPrintable(page.error));
    }

    /// The cursor to page 2 of the inventory, from page 1 read directly (its
    /// serial items would only cost time).
    QString secondInventoryPage()
    {
        const QJsonObject raw = m_sandbox->get(vendorName, QStringLiteral("/v1/inventory?IncludeDepleted=true&PageIndex=1&PageSize=500")).object();
        const qint64 total = raw.value(QStringLiteral("total")).toInteger();
        if (total <= 500)
            return {};
        return QStringLiteral("p:2:t:%1:l:%2").arg(total).arg(
            raw.value(QStringLiteral("inventory")).toArray().last()[QStringLiteral("logisticUnit")][QStringLiteral("warehouseLogisticUnitId")].toString());
    }

    void transientFaultsAreRetried_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QJsonObject>("fault");
        const QString inventory = QStringLiteral("/v1/inventory");
        QTest::newRow("malformed") << inventory << QJsonObject{{QStringLiteral("kind"), QStringLiteral("malformed-json")}};
        QTest::newRow("cut short") << inventory << QJsonObject{{QStringLiteral("kind"), QStringLiteral("drop-mid-body")}};
        QTest::newRow("500") << inventory << QJsonObject{{QStringLiteral("kind"), 500}};
        QTest::newRow("429 asking for an hour") << inventory
                                                << QJsonObject{{QStringLiteral("kind"), 429}, {QStringLiteral("retry-after"), QStringLiteral("3600")}};
        QTest::newRow("503 on serial items") << QStringLiteral("/v1/inventory/{warehouseProductId}/items")
                                             << QJsonObject{{QStringLiteral("kind"), 503}};
    }

    void transientFaultsAreRetried()
    {
        // Once: sent again, and the page is the same as without the fault.
        QFETCH(QString, endpoint);
        QFETCH(QJsonObject, fault);
        const QString cursor = secondInventoryPage();
        QVERIFY(!cursor.isEmpty());
        if (!m_secondPage) {
            auto clean = connector();
            m_secondPage = fetch(*clean, QStringLiteral("inventory"), cursor);
        }
        const PageResult &expected = *m_secondPage;
        QVERIFY2(expected.ok, qPrintable(expected.error));
        QVERIFY(!expected.records.serialItems.isEmpty()); // the page reads serial items too

        auto c = connector();
        fault.insert(QStringLiteral("vendor"), vendorName);
        fault.insert(QStringLiteral("endpoint"), endpoint);
        QVERIFY(addFault(fault));
        m_sandbox->sandbox().server().resetStatistics();
        QElapsedTimer clock;
        clock.start();
        const PageResult page = fetch(*c, QStringLiteral("inventory"), cursor);
        QVERIFY2(page.ok, qPrintable(page.error));
        QVERIFY(m_sandbox->sandbox().faults().pending().isEmpty()); // the fault was met
        QCOMPARE(c->client().retriesUsed(), 1);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed()))); // Retry-After is capped
        if (fault.value(QStringLiteral("kind")).isDouble())
            QCOMPARE(requests(fault.value(QStringLiteral("kind")).toInt()), 1);
        QCOMPARE(page.nextCursor, expected.nextCursor);
        QCOMPARE(page.total, expected.total);
        QCOMPARE(page.rows, expected.rows);
        QCOMPARE(page.records.logisticUnits.size(), expected.records.logisticUnits.size());
        QCOMPARE(page.records.stockLines.size(), expected.records.stockLines.size());
        QCOMPARE(page.records.serialItems.size(), expected.records.serialItems.size());
    }

    void badAnswersFailThePage()
    {
        // Malformed every time: three sends, then the page fails naming the endpoint.
        auto c = connector();
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName}, {QStringLiteral("endpoint"), QStringLiteral("/v1/inventory")},
                          {QStringLiteral("kind"), QStringLiteral("malformed-json")}, {QStringLiteral("count"), -1}}));
        m_sandbox->sandbox().server().resetStatistics();
        PageResult page = fetch(*c, QStringLiteral("inventory"));
        QVERIFY(!page.ok);
        QVERIFY(page.records.isEmpty());
        QCOMPARE(page.error, inventoryEndpoint + QStringLiteral(": the answer is not valid JSON (cut short?)"));
        QCOMPARE(requests(), 3);

        // A 5xx every time: the same, with the status and the vendor's words.
        clearFaults();
        c = connector();
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName}, {QStringLiteral("endpoint"), QStringLiteral("/v1/consignments")},
                          {QStringLiteral("kind"), 503}, {QStringLiteral("count"), -1}}));
        m_sandbox->sandbox().server().resetStatistics();
        page = fetch(*c, QStringLiteral("consumables"));
        QVERIFY(!page.ok);
        QVERIFY2(page.error.startsWith(QStringLiteral("GET /v1/consignments: HTTP 503: ")), qPrintable(page.error));
        QCOMPARE(requests(503), 3);
        QCOMPARE(requests(), 3);

        // A 422 is not sent again: the same request would be refused again.
        clearFaults();
        c = connector();
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName}, {QStringLiteral("endpoint"), QStringLiteral("/v1/consignments")},
                          {QStringLiteral("kind"), 422}}));
        m_sandbox->sandbox().server().resetStatistics();
        page = fetch(*c, QStringLiteral("consumables"));
        QVERIFY(!page.ok);
        QVERIFY2(page.error.startsWith(QStringLiteral("GET /v1/consignments: HTTP 422: UnprocessableEntity")), qPrintable(page.error));
        QCOMPARE(requests(), 1);
        QCOMPARE(c->client().retriesUsed(), 0);
    }

    void pagingFaultsAreDetected()
    {
        // Page 1 read directly (its serial items would only cost time): the cursor to page 2.
        auto c = connector();
        const QJsonObject raw = m_sandbox->get(vendorName, QStringLiteral("/v1/inventory?IncludeDepleted=true&PageIndex=1&PageSize=500")).object();
        PageResult first;
        first.total = raw.value(QStringLiteral("total")).toInteger();
        QVERIFY(first.total > 500);
        first.nextCursor = QStringLiteral("p:2:t:%1:l:%2").arg(first.total).arg(
            raw.value(QStringLiteral("inventory")).toArray().last()[QStringLiteral("logisticUnit")][QStringLiteral("warehouseLogisticUnitId")].toString());

        // The total moved between the first page and this one.
        const auto cursor = parseCursor(first.nextCursor);
        QVERIFY(cursor);
        Cursor changed = *cursor;
        changed.firstTotal = first.total + 1;
        PageResult page = fetch(*c, QStringLiteral("inventory"), formatCursor(changed));
        QVERIFY(!page.ok);
        QCOMPARE(page.error, QStringLiteral("GET /v1/inventory: the listing changed while it was read (total %1 → %2); "
                                            "the next run reads it again").arg(first.total + 1).arg(first.total));

        // The page before served again.
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName}, {QStringLiteral("endpoint"), QStringLiteral("/v1/inventory")},
                          {QStringLiteral("kind"), QStringLiteral("repeat-cursor")}}));
        page = fetch(*c, QStringLiteral("inventory"), first.nextCursor);
        QVERIFY(!page.ok);
        QVERIFY2(page.error.contains(QLatin1String("asked for page 2, the answer is page 1")), qPrintable(page.error));

        // An empty page that claims more.
        clearFaults();
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName}, {QStringLiteral("endpoint"), QStringLiteral("/v1/inventory")},
                          {QStringLiteral("kind"), QStringLiteral("empty-page")}}));
        page = fetch(*c, QStringLiteral("inventory"), first.nextCursor);
        QVERIFY(!page.ok);
        QVERIFY2(page.error.contains(QLatin1String("page 2 has 0 records, yet the listing claims")), qPrintable(page.error));

        // A shifted listing: page 2 begins with the last record of page 1.
        clearFaults();
        QVERIFY(addFault({{QStringLiteral("vendor"), vendorName}, {QStringLiteral("endpoint"), QStringLiteral("/v1/inventory")},
                          {QStringLiteral("kind"), QStringLiteral("duplicate-rows")}}));
        page = fetch(*c, QStringLiteral("inventory"), first.nextCursor);
        QVERIFY(!page.ok);
        QVERIFY2(page.error.contains(QLatin1String("the listing shifted while it was read")), qPrintable(page.error));

        // A page past the end.
        clearFaults();
        Cursor past;
        past.page = first.total / 500 + 3;
        past.firstTotal = first.total;
        page = fetch(*c, QStringLiteral("inventory"), formatCursor(past));
        QVERIFY(!page.ok);
        QVERIFY2(page.error.contains(QLatin1String("past the end of the listing")), qPrintable(page.error));

        // Without faults the same cursor reads fine.
        page = fetch(*c, QStringLiteral("inventory"), first.nextCursor);
        QVERIFY2(page.ok, qPrintable(page.error));
    }

    void pagesAheadAreFetchedTogether()
    {
        // A sandbox of its own (about a hundred logistic units, this test changes
        // its data) and pages of 20: several pages, few serial item lists.
        SandboxFixture::Options options;
        options.items = 2000;
        options.seed = 5;
        options.rateLimits = false;
        options.vendors = {[](const Sandbox::GenerationOptions &o) { return std::make_unique<Sandbox::ConsignlyApi>(o); }};
        SandboxFixture small(options);
        auto *smallApi = dynamic_cast<Sandbox::ConsignlyApi *>(small.sandbox().vendor(vendorName));
        QVERIFY(smallApi);
        const auto units = [smallApi] { return smallApi->inspect().value(QStringLiteral("logistic_units")).toInteger(); };
        Tuning tuning;
        tuning.pageSize = 20;
        const qint64 pages = (units() + tuning.pageSize - 1) / tuning.pageSize;
        QVERIFY2(pages >= 5, qPrintable(QString::number(pages))); // more pages than are fetched ahead

        PageWatchingNetwork network;
        Net::HttpClient http(&network);
        Connection c = connection();
        c.baseUrl = QUrl(small.baseUrl(vendorName));
        const QString secret = small.credentials(vendorName).value(QStringLiteral("api_key")).toString();
        const auto make = [&](const Tuning &t) {
            auto made = makeConsignlyConnector(c, http, [secret](auto give) { give(secret, QString()); }, t);
            made->setRetryPolicy(fastRetries());
            return made;
        };

        // One page at a time: the records to compare with.
        Tuning serial = tuning;
        serial.prefetchPages = 0;
        auto one = make(serial);
        one->client().setMaxConcurrent(1);
        const Walk alone = walk(*one, QStringLiteral("inventory"));
        QVERIFY2(alone.ok, qPrintable(alone.error));
        QCOMPARE(alone.pages, int(pages));
        QCOMPARE(network.maxOpen, 1);
        QVERIFY(!alone.all.serialItems.isEmpty());

        // Pages fetched ahead: the same records in the same order, each page
        // asked for once, and the pages ahead open together.
        network.requests.clear();
        network.maxOpen = 0;
        auto together = make(tuning);
        QCOMPARE(together->client().maxConcurrent(), 4);
        const Walk w = walk(*together, QStringLiteral("inventory"));
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(w.pages, alone.pages);
        QCOMPARE(w.total, alone.total);
        QCOMPARE(w.rows, alone.rows);
        QCOMPARE(inventoryLines(w.all), inventoryLines(alone.all));
        QCOMPARE(network.maxOpen, 3); // pages 2 to 4, requested as page 1 gave the total
        QCOMPARE(network.requests.size(), int(pages));
        for (qint64 page = 1; page <= pages; ++page)
            QCOMPARE(network.requests.value(page), 1);

        // The listing grows as the pages ahead are requested: the first of them
        // fails as a page read on its own would, from the answer fetched ahead.
        network.requests.clear();
        bool changed = false;
        qint64 grownTo = -1;
        network.onPageRequest = [&](qint64 page) {
            if (page != 2 || changed)
                return;
            changed = true;
            const qint64 before = units();
            for (int step = 0; step < 500 && units() == before; ++step)
                small.sandbox().runActivity(1); // a receipt now and then adds a logistic unit
            grownTo = units();
        };
        auto grown = make(tuning);
        const PageResult first = fetch(*grown, QStringLiteral("inventory"));
        network.onPageRequest = nullptr;
        QVERIFY2(first.ok, qPrintable(first.error));
        QTRY_VERIFY(changed);
        QVERIFY2(grownTo > first.total, qPrintable(QStringLiteral("%1 → %2").arg(first.total).arg(grownTo)));
        const PageResult second = fetch(*grown, QStringLiteral("inventory"), first.nextCursor);
        QVERIFY(!second.ok);
        QVERIFY(second.records.isEmpty());
        QCOMPARE(second.error, QStringLiteral("GET /v1/inventory: the listing changed while it was read (total %1 → %2); "
                                              "the next run reads it again")
                                   .arg(first.total)
                                   .arg(grownTo));
        QCOMPARE(network.requests.value(2), 1); // served from the page fetched ahead

        // cancel() and a new run drop what was fetched ahead: the page is asked for again.
        network.requests.clear();
        auto dropped = make(tuning);
        const PageResult restart = fetch(*dropped, QStringLiteral("inventory"));
        QVERIFY2(restart.ok, qPrintable(restart.error));
        QTRY_COMPARE(network.requests.value(2), 1); // fetched ahead
        dropped->cancel();
        const PageResult again = fetch(*dropped, QStringLiteral("inventory"), restart.nextCursor);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(network.requests.value(2), 2);
        // Page 2 asked for the pages after it as it left; a new run asks for page 3 again.
        const int askedForThird = network.requests.value(3);
        QVERIFY(askedForThird >= 2);
        PageRequest nextRun;
        nextRun.resource = QStringLiteral("inventory");
        nextRun.cursor = again.nextCursor;
        nextRun.runId = 2;
        bool answered = false;
        PageResult third;
        dropped->fetchPage(nextRun, [&](const PageResult &r) {
            third = r;
            answered = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return answered; }, 60000));
        QVERIFY2(third.ok, qPrintable(third.error));
        QCOMPARE(network.requests.value(3), askedForThird + 1);
    }

    // Last: expiring the tokens also ends the sandbox's ready api_key token.
    void clientCredentialsAndA401MidRun()
    {
        // Page 2, the last (page 1 reads a hundred serial item lists, which would only cost time).
        m_secretReads = 0;
        const QString cursor = secondInventoryPage();
        QVERIFY(!cursor.isEmpty());
        auto c = connector(AuthMethod::ClientCredentials);
        const PageResult first = fetch(*c, QStringLiteral("inventory"), cursor);
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY2(first.nextCursor.isEmpty(), qPrintable(first.nextCursor));
        QCOMPARE(first.rows, first.total - 500);
        QVERIFY(first.rows > 0);
        QCOMPARE(m_secretReads, 1);
        api()->expireAllTokens(); // the token dies mid-run: renewed once, the page still read
        m_sandbox->sandbox().server().resetStatistics();
        const PageResult second = fetch(*c, QStringLiteral("inventory"), cursor);
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.rows, first.rows);
        QCOMPARE(second.records.logisticUnits.size(), first.records.logisticUnits.size());
        QCOMPARE(requests(401), 1); // refused once, with the dead token
        QCOMPARE(c->client().retriesUsed(), 0); // a renewal, not a retry
        QCOMPARE(m_secretReads, 1); // the secret is read once per connector

        // A wrong client secret: a clear error naming the endpoint.
        auto wrong = makeConsignlyConnector(connection(AuthMethod::ClientCredentials), *m_http,
                                            [](auto give) { give(QStringLiteral("not-the-secret"), QString()); });
        wrong->setRetryPolicy(fastRetries());
        const PageResult refused = fetch(*wrong, QStringLiteral("inventory"));
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.startsWith(inventoryEndpoint), qPrintable(refused.error));
        QVERIFY2(!refused.error.contains(QLatin1String("not-the-secret")), qPrintable(refused.error));

        // A static token the server does not know.
        Connection staticConnection = connection(AuthMethod::AccessToken);
        auto unknown = makeConsignlyConnector(staticConnection, *m_http,
                                              [](auto give) { give(QStringLiteral("cly_00000000000000000000000000000000"), QString()); });
        unknown->setRetryPolicy(fastRetries());
        const PageResult unauthorized = fetch(*unknown, QStringLiteral("inventory"));
        QVERIFY(!unauthorized.ok);
        QVERIFY2(unauthorized.error.startsWith(inventoryEndpoint + QStringLiteral(": HTTP 401: Unauthorized")), qPrintable(unauthorized.error));
        QVERIFY2(!unauthorized.error.contains(QLatin1String("cly_0000")), qPrintable(unauthorized.error));
    }
};

QTEST_GUILESS_MAIN(TestVendorConsignly)
#include "tst_vendor_consignly.moc"
