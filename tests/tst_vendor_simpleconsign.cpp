// The SimpleConsign connector: its mappers and results scanner on the doc's
// samples, FIELD-NOTES variants, wrong types and money edge cases; and whole
// walks over real HTTP against the in-process sandbox, page by page.
#include "net/httpclient.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/simpleconsign/simpleconsignapi.h"
#include "sandboxfixture.h"
#include "testretry.h"
#include "vendors/simpleconsign/simpleconsignconnector.h"
#include "vendors/simpleconsign/simpleconsignmappers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace ConsignDesk;
using namespace ConsignDesk::Vendors;
using namespace ConsignDesk::Vendors::SimpleConsign;

namespace {

const QString vendor = QStringLiteral("simpleconsign");

QJsonObject object(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QDateTime ms(qint64 value)
{
    return QDateTime::fromMSecsSinceEpoch(value, Qt::UTC);
}

// The doc's first sample, its missing commas put back.
const char *docSample1 = "{\n"
    "    \"consignmentItem\":true, \"consignorId\":\"1234567\", \"startDate\":\"10/03/2012\", \"expireDate\":\"12/02/2012\",\n"
    "    \"status\":\"ACTIVE\", \"sku\":\"K9L28Q\", \"name\":\"Cardigan\", \"description\":\"woman\\u0027s sweater\", \"category\":\"CLOTHING\",\n"
    "    \"quantity\":1, \"cost\":0, \"retail\":1000, \"buyersFee\":100, \"discount\":10, \"currentPrice\":990,\n"
    "    \"doNotDiscount\":false, \"familyGroup\":\"women\", \"brand\":\"Fashionables!\", \"size\":\"med\", \"color\":\"black\",\n"
    "    \"images\":[], \"dateCreated\": 1497289834000, \"lastUpdated\": 1510305307000}";

// The doc's second sample: store stock, the "dicsount" typo, no status.
const char *docSample2 = "{\n"
    "    \"category\":\"GAMES\", \"consignmentItem\":false, \"quantity\":4, \"cost\":718, \"retail\":1512, \"buyersFee\" : 0,\n"
    "    \"dicsount\":0, \"currentPrice\":1512, \"sku\":\"AW5NE7\", \"name\":\"Mario Bros.\",\n"
    "    \"dateCreated\": 1500495930000, \"lastUpdated\": 1501574262000}";

// As the sandbox (and integrators) see it: state, splitPercentage, ecommerce, dimensions.
const char *sandboxItem = "{\n"
    "    \"consignmentItem\":true, \"consignorId\":\"1000437\", \"startDate\":\"03/01/2026\", \"expireDate\":\"05/30/2026\",\n"
    "    \"status\":\"INGRACE\", \"state\":\"I\", \"sku\":\"ZX7K2M\", \"name\":\"Levi\\u0027s Denim Jacket in Navy, Size M\",\n"
    "    \"category\":\"CLOTHING\", \"quantity\":1, \"cost\":0, \"retail\":4500, \"buyersFee\":450, \"discount\":20,\n"
    "    \"currentPrice\":3600, \"doNotDiscount\":false, \"brand\":\"Levi\\u0027s\", \"color\":\"navy\",\n"
    "    \"images\":[\"ZX7K2M_1_3fa94c2e.jpg\",\"ZX7K2M_2_0b1c2d3e.jpg\"], \"ecommerceItem\":true, \"splitPercentage\":40,\n"
    "    \"dimensions\":{\"length\":20.5,\"width\":14,\"height\":2,\"unit\":\"in\"}, \"weight\":{\"value\":1.25,\"unit\":\"lb\"},\n"
    "    \"somethingNew\":[1,2,3], \"dateCreated\":1772323200000, \"lastUpdated\":1779000000000}";

struct Walk {
    QList<PageResult> pages;
    QList<Records::Item> items;
    QString error;
    bool cancelled = false;
};

} // namespace

class TestVendorSimpleConsign : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_client;
    QString m_key;

    Connection connection() const
    {
        Connection c;
        c.id = QStringLiteral("sc-test");
        c.vendor = Vendor::SimpleConsign;
        c.name = QStringLiteral("SimpleConsign test");
        c.baseUrl = QUrl(m_sandbox->baseUrl(vendor));
        c.currency = QStringLiteral("USD");
        return c;
    }
    std::unique_ptr<Connector> connector(const QString &key = {})
    {
        const QString secret = key.isEmpty() ? m_key : key;
        std::unique_ptr<Connector> made =
            makeSimpleConsignConnector(connection(), *m_client,
                                       [secret](std::function<void(const QString &, const QString &)> give) {
                                           give(secret, {});
                                       });
        made->setRetryPolicy(fastRetries());
        return made;
    }
    /// Requests the sandbox answered since resetStatistics(): all, or those with @p status.
    int requests(int status = 0) const { return m_sandbox->requests(vendor, status); }
    /// A walk that succeeded, every active item in it.
    void verifyComplete(const Walk &w)
    {
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        QVERIFY(!w.pages.isEmpty());
        for (const PageResult &page : w.pages)
            QVERIFY(page.ok);
        const qint64 active = qint64(inspect().value(QStringLiteral("active_items")).toDouble());
        QCOMPARE(qint64(w.items.size()), active);
        QCOMPARE(qint64(w.pages.size()), (active + pageItems(active) - 1) / pageItems(active));
    }
    static PageResult fetch(Connector &c, const PageRequest &request)
    {
        PageResult result;
        bool done = false;
        c.fetchPage(request, [&](const PageResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            result.error = QStringLiteral("(no answer)");
        return result;
    }
    /// Every page until nextCursor is empty (or a failure).
    static Walk walk(Connector &c, const QDateTime &since = {})
    {
        Walk w;
        PageRequest request;
        request.resource = QStringLiteral("items");
        request.since = since;
        request.runId = 1;
        for (int guard = 0; guard < 10000; ++guard) {
            const PageResult page = fetch(c, request);
            w.pages.append(page);
            if (!page.ok) {
                w.error = page.error;
                w.cancelled = page.cancelled;
                return w;
            }
            w.items.append(page.records.items);
            if (page.nextCursor.isEmpty())
                return w;
            if (page.nextCursor == request.cursor) {
                w.error = QStringLiteral("repeating cursor");
                return w;
            }
            request.cursor = page.nextCursor;
        }
        w.error = QStringLiteral("too many pages");
        return w;
    }
    /// The sandbox's answer read directly, by sku.
    QHash<QString, QJsonObject> direct(const QJsonObject &params)
    {
        QJsonObject body = params;
        body.insert(QStringLiteral("key"), m_key);
        const HttpResponse response = m_sandbox->request(
            "POST", QUrl(m_sandbox->baseUrl(vendor) + QStringLiteral("/inventory")),
            QJsonDocument(body).toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}, {"Accept", "application/json"}});
        QHash<QString, QJsonObject> map;
        const QJsonArray results = response.object().value(QStringLiteral("results")).toArray();
        for (const QJsonValue &value : results)
            map.insert(value.toObject().value(QStringLiteral("sku")).toString(), value.toObject());
        return map;
    }
    QJsonObject inspect() const { return m_sandbox->sandbox().vendor(vendor)->inspect(); }
    void addFault(const QString &kind, const QJsonObject &extra = {})
    {
        QJsonObject fault{{QStringLiteral("vendor"), vendor},
                          {QStringLiteral("endpoint"), QStringLiteral("/app/api/inventory")},
                          {QStringLiteral("kind"), kind}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            fault.insert(it.key(), it.value());
        const HttpResponse added = m_sandbox->control("POST", QStringLiteral("/faults"), fault);
        QVERIFY2(added.status == 201, added.body.constData());
    }
    void addStatusFault(int status)
    {
        const QJsonObject fault{{QStringLiteral("vendor"), vendor},
                                {QStringLiteral("endpoint"), QStringLiteral("/app/api/inventory")},
                                {QStringLiteral("kind"), status}};
        const HttpResponse added = m_sandbox->control("POST", QStringLiteral("/faults"), fault);
        QVERIFY2(added.status == 201, added.body.constData());
    }
    /// Every record against the vendor's own JSON of the same sku, field by field.
    static void compareRecords(const QList<Records::Item> &items, const QHash<QString, QJsonObject> &expected)
    {
        QCOMPARE(qsizetype(items.size()), qsizetype(expected.size()));
        QSet<QString> seen;
        for (const Records::Item &item : items) {
            QVERIFY2(!seen.contains(item.externalId), qPrintable(item.externalId));
            seen.insert(item.externalId);
            QVERIFY2(expected.contains(item.externalId), qPrintable(item.externalId));
            const QJsonObject json = expected.value(item.externalId);
            QCOMPARE(item.sku, json.value(QStringLiteral("sku")).toString());
            QCOMPARE(item.title, json.value(QStringLiteral("name")).toString());
            QCOMPARE(item.priceMinor, qint64(json.value(QStringLiteral("currentPrice")).toDouble()));
            QCOMPARE(item.tagPriceMinor, std::optional<qint64>(qint64(json.value(QStringLiteral("retail")).toDouble())));
            QCOMPARE(item.currency, QStringLiteral("USD"));
            QCOMPARE(item.quantity, std::optional<qint64>(json.value(QStringLiteral("quantity")).toInt()));
            QCOMPARE(item.status, json.value(QStringLiteral("status")).toString().toLower());
            QCOMPARE(item.category, json.value(QStringLiteral("category")).toString());
            QCOMPARE(item.brand, json.value(QStringLiteral("brand")).toString());
            QCOMPARE(item.consignorId, json.value(QStringLiteral("consignorId")).toString());
            const QJsonValue split = json.value(QStringLiteral("splitPercentage"));
            QCOMPARE(item.splitBp, split.isNull() ? std::optional<int>() : std::optional<int>((100 - split.toInt()) * 100));
            QCOMPARE(item.inventoryType, json.value(QStringLiteral("consignmentItem")).toBool() ? QStringLiteral("consignment")
                                                                                               : QStringLiteral("retail"));
            QCOMPARE(item.created, ms(qint64(json.value(QStringLiteral("dateCreated")).toDouble())));
            QCOMPARE(item.updated, ms(qint64(json.value(QStringLiteral("lastUpdated")).toDouble())));
            QCOMPARE(item.expires, QDate::fromString(json.value(QStringLiteral("expireDate")).toString(), QStringLiteral("MM/dd/yyyy")));
            QStringList images;
            for (const QJsonValue &image : json.value(QStringLiteral("images")).toArray())
                images.append(image.toString());
            QCOMPARE(item.images, images);
            QCOMPARE(item.ecommerce, json.value(QStringLiteral("ecommerceItem")).toBool());
            const bool inactive = json.value(QStringLiteral("state")).toString() == QLatin1String("I");
            QCOMPARE(item.inactive, inactive);
            QCOMPARE(item.deleted, inactive ? item.updated : QDateTime());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxFixture::Options options;
        options.items = 6000;
        options.seed = 7;
        options.vendors = {[](const Sandbox::GenerationOptions &g) { return std::make_unique<Sandbox::SimpleConsignApi>(g); }};
        m_sandbox = std::make_unique<SandboxFixture>(options);
        m_client = std::make_unique<Net::HttpClient>(&m_network);
        m_key = m_sandbox->apiKey(vendor);
        QVERIFY(!m_key.isEmpty());
    }

    void cleanup()
    {
        m_sandbox->sandbox().faults().clear();
    }

    // --- mappers -------------------------------------------------------------

    void docSampleConsignment()
    {
        const Mapped<Records::Item> mapped = mapItem(object(docSample1), Context());
        QVERIFY2(mapped.ok(), qPrintable(mapped.error));
        const Records::Item &item = mapped.value;
        QCOMPARE(item.externalId, QStringLiteral("K9L28Q"));
        QCOMPARE(item.sku, QStringLiteral("K9L28Q"));
        QCOMPARE(item.title, QStringLiteral("Cardigan"));
        QCOMPARE(item.description, QStringLiteral("woman's sweater"));
        QCOMPARE(item.consignorId, QStringLiteral("1234567"));
        QCOMPARE(item.category, QStringLiteral("CLOTHING"));
        QCOMPARE(item.status, QStringLiteral("active"));
        QCOMPARE(item.inventoryType, QStringLiteral("consignment"));
        QCOMPARE(item.quantity, std::optional<qint64>(1));
        QCOMPARE(item.priceMinor, qint64(990));
        QCOMPARE(item.tagPriceMinor, std::optional<qint64>(1000));
        QCOMPARE(item.currency, QStringLiteral("USD"));
        QVERIFY(!item.splitBp);
        QCOMPARE(item.brand, QStringLiteral("Fashionables!"));
        QCOMPARE(item.color, QStringLiteral("black"));
        QCOMPARE(item.size, QStringLiteral("med"));
        QVERIFY(item.images.isEmpty());
        QCOMPARE(item.expires, QDate(2012, 12, 2));
        QCOMPARE(item.created, ms(1497289834000));
        QCOMPARE(item.updated, ms(1510305307000));
        QCOMPARE(item.created.timeSpec(), Qt::UTC);
        QVERIFY(!item.inactive);
        QVERIFY(!item.deleted.isValid());
    }

    void docSampleStoreStock()
    {
        const Mapped<Records::Item> mapped = mapItem(object(docSample2), Context());
        QVERIFY2(mapped.ok(), qPrintable(mapped.error));
        QCOMPARE(mapped.value.externalId, QStringLiteral("AW5NE7"));
        QVERIFY(mapped.value.consignorId.isEmpty());
        QCOMPARE(mapped.value.inventoryType, QStringLiteral("retail"));
        QCOMPARE(mapped.value.priceMinor, qint64(1512));
        QCOMPARE(mapped.value.quantity, std::optional<qint64>(4));
        QVERIFY(mapped.value.status.isEmpty());
        QVERIFY(!mapped.value.expires.isValid());
        QVERIFY(!mapped.value.splitBp);
    }

    void sandboxShapedInactiveItem()
    {
        const Mapped<Records::Item> mapped = mapItem(object(sandboxItem), Context());
        QVERIFY2(mapped.ok(), qPrintable(mapped.error));
        const Records::Item &item = mapped.value;
        QCOMPARE(item.splitBp, std::optional<int>(6000)); // the store keeps 40 %
        QCOMPARE(item.status, QStringLiteral("ingrace"));
        QVERIFY(item.inactive);
        QCOMPARE(item.deleted, ms(1779000000000));
        QCOMPARE(item.updated, item.deleted);
        QVERIFY(item.ecommerce);
        QCOMPARE(item.images, (QStringList{QStringLiteral("ZX7K2M_1_3fa94c2e.jpg"), QStringLiteral("ZX7K2M_2_0b1c2d3e.jpg")}));
        QCOMPARE(item.priceMinor, qint64(3600));
        QCOMPARE(item.tagPriceMinor, std::optional<qint64>(4500));
        QCOMPARE(item.expires, QDate(2026, 5, 30));
    }

    void fieldNoteVariants()
    {
        QJsonObject json = object(sandboxItem);
        json.insert(QStringLiteral("images"), QStringLiteral("a.jpg, b.png,,c.gif"));  // the doc's comma list
        json.insert(QStringLiteral("consignorId"), 1000437);                           // a number
        json.insert(QStringLiteral("ecommerceItem"), QStringLiteral("TRUE"));          // a string boolean
        json.insert(QStringLiteral("consignmentItem"), QStringLiteral("true"));
        json.insert(QStringLiteral("lastUpdated"), QStringLiteral("1779000000001"));    // ms as text
        json.insert(QStringLiteral("expireDate"), QStringLiteral("5/3/2026"));
        json.insert(QStringLiteral("size"), 8);
        json.insert(QStringLiteral("state"), QStringLiteral("A"));
        json.insert(QStringLiteral("splitPercentage"), 37.5);
        json.insert(QStringLiteral("status"), QStringLiteral("UNAVAILABLE"));
        const Mapped<Records::Item> mapped = mapItem(json, Context());
        QVERIFY2(mapped.ok(), qPrintable(mapped.error));
        QCOMPARE(mapped.value.images, (QStringList{QStringLiteral("a.jpg"), QStringLiteral("b.png"), QStringLiteral("c.gif")}));
        QCOMPARE(mapped.value.consignorId, QStringLiteral("1000437"));
        QVERIFY(mapped.value.ecommerce);
        QCOMPARE(mapped.value.updated, ms(1779000000001));
        QCOMPARE(mapped.value.expires, QDate(2026, 5, 3));
        QCOMPARE(mapped.value.size, QStringLiteral("8"));
        QVERIFY(!mapped.value.inactive);
        QVERIFY(!mapped.value.deleted.isValid());
        QCOMPARE(mapped.value.splitBp, std::optional<int>(6250));
        QCOMPARE(mapped.value.status, QStringLiteral("unavailable"));

        // Nulls of store stock.
        json.insert(QStringLiteral("consignorId"), QJsonValue::Null);
        json.insert(QStringLiteral("splitPercentage"), QJsonValue::Null);
        json.insert(QStringLiteral("expireDate"), QJsonValue::Null);
        json.insert(QStringLiteral("startDate"), QJsonValue::Null);
        json.insert(QStringLiteral("consignmentItem"), false);
        const Mapped<Records::Item> store = mapItem(json, Context());
        QVERIFY2(store.ok(), qPrintable(store.error));
        QVERIFY(store.value.consignorId.isEmpty());
        QVERIFY(!store.value.splitBp);
        QVERIFY(!store.value.expires.isValid());
        QCOMPARE(store.value.inventoryType, QStringLiteral("retail"));
    }

    void wrongTypes_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        const QString at = QStringLiteral("POST /inventory: item ZX7K2M: field ");
        QTest::newRow("retail string") << QStringLiteral("retail") << QJsonValue(QStringLiteral("4500"))
                                       << at + QStringLiteral("\"retail\" is a string, expected a number");
        QTest::newRow("currentPrice missing") << QStringLiteral("currentPrice") << QJsonValue(QJsonValue::Undefined)
                                              << at + QStringLiteral("\"currentPrice\" is missing");
        QTest::newRow("currentPrice null") << QStringLiteral("currentPrice") << QJsonValue(QJsonValue::Null)
                                           << at + QStringLiteral("\"currentPrice\" is null, expected a number");
        QTest::newRow("quantity string") << QStringLiteral("quantity") << QJsonValue(QStringLiteral("1"))
                                         << at + QStringLiteral("\"quantity\" is a string, expected a number");
        QTest::newRow("quantity fraction") << QStringLiteral("quantity") << QJsonValue(1.5)
                                           << at + QStringLiteral("\"quantity\": 1.5 is not a whole number");
        QTest::newRow("lastUpdated bool") << QStringLiteral("lastUpdated") << QJsonValue(true)
                                          << at + QStringLiteral("\"lastUpdated\" is a boolean, expected a number");
        QTest::newRow("lastUpdated missing") << QStringLiteral("lastUpdated") << QJsonValue(QJsonValue::Undefined)
                                             << at + QStringLiteral("\"lastUpdated\" is missing");
        QTest::newRow("expireDate bad") << QStringLiteral("expireDate") << QJsonValue(QStringLiteral("13/45/2026"))
                                        << at + QStringLiteral("\"expireDate\": \"13/45/2026\" is not a date (MM/dd/yyyy)");
        QTest::newRow("expireDate number") << QStringLiteral("expireDate") << QJsonValue(5)
                                           << at + QStringLiteral("\"expireDate\" is a number, expected a string");
        QTest::newRow("images number") << QStringLiteral("images") << QJsonValue(3)
                                       << at + QStringLiteral("\"images\" is a number, expected an array");
        QTest::newRow("images of numbers") << QStringLiteral("images") << QJsonValue(QJsonArray{1, 2})
                                           << at + QStringLiteral("\"images\" is a number, expected a string");
        QTest::newRow("split string") << QStringLiteral("splitPercentage") << QJsonValue(QStringLiteral("40"))
                                      << at + QStringLiteral("\"splitPercentage\" is a string, expected a number");
        QTest::newRow("split above 100") << QStringLiteral("splitPercentage") << QJsonValue(140)
                                         << at + QStringLiteral("\"splitPercentage\": 140 is out of range");
        QTest::newRow("ecommerce yes") << QStringLiteral("ecommerceItem") << QJsonValue(QStringLiteral("yes"))
                                       << at + QStringLiteral("\"ecommerceItem\" is a string, expected a boolean");
        QTest::newRow("name object") << QStringLiteral("name") << QJsonValue(QJsonObject{})
                                     << at + QStringLiteral("\"name\" is an object, expected a string");
        QTest::newRow("retail half cent") << QStringLiteral("retail") << QJsonValue(4500.5)
                                          << at + QStringLiteral("\"retail\": 4500.5 is not a whole number");
        QTest::newRow("retail above 2^53") << QStringLiteral("retail") << QJsonValue(9007199254740994.0)
                                           << at + QStringLiteral("\"retail\": 9007199254740994 is out of range");
        QTest::newRow("retail 1e300") << QStringLiteral("retail") << QJsonValue(1e300)
                                      << at + QStringLiteral("\"retail\": 1.0000000000000001e+300 is out of range");
    }

    void wrongTypes()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject json = object(sandboxItem);
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);
        const Mapped<Records::Item> mapped = mapItem(json, Context());
        QVERIFY(!mapped.ok());
        QCOMPARE(mapped.error, error);
    }

    void badSku()
    {
        QJsonObject json = object(sandboxItem);
        json.insert(QStringLiteral("sku"), 12345);
        Context context;
        context.position = 41;
        Mapped<Records::Item> mapped = mapItem(json, context);
        QCOMPARE(mapped.error, QStringLiteral("POST /inventory: item #42: field \"sku\" is a number, expected a string"));
        json.insert(QStringLiteral("sku"), QString());
        mapped = mapItem(json, context);
        QCOMPARE(mapped.error, QStringLiteral("POST /inventory: item #42: field \"sku\" is a string, expected a non-empty string"));
        json.remove(QStringLiteral("sku"));
        mapped = mapItem(json, Context());
        QCOMPARE(mapped.error, QStringLiteral("POST /inventory: item ?: field \"sku\" is missing"));
    }

    void money()
    {
        QString reason;
        QCOMPARE(centsToMinor(4242, QStringLiteral("USD"), 2, &reason), std::optional<qint64>(4242));
        QCOMPARE(centsToMinor(-150, QStringLiteral("USD"), 2, &reason), std::optional<qint64>(-150));
        QCOMPARE(centsToMinor(0, QStringLiteral("USD"), 2, &reason), std::optional<qint64>(0));
        QCOMPARE(centsToMinor(9007199254740992.0, QStringLiteral("USD"), 2, &reason), std::optional<qint64>(qint64(1) << 53));
        QVERIFY(!centsToMinor(9007199254740994.0, QStringLiteral("USD"), 2, &reason));
        QCOMPARE(reason, QStringLiteral("9007199254740994 is out of range"));
        QVERIFY(!centsToMinor(0.1, QStringLiteral("USD"), 2, &reason));
        QCOMPARE(reason, QStringLiteral("0.10000000000000001 is not a whole number"));
        QVERIFY(!centsToMinor(29.29, QStringLiteral("USD"), 2, &reason));
        QVERIFY(!centsToMinor(std::numeric_limits<double>::infinity(), QStringLiteral("USD"), 2, &reason));
        QVERIFY(!centsToMinor(std::numeric_limits<double>::quiet_NaN(), QStringLiteral("USD"), 2, &reason));
        // Traxia's "times 100" in currencies without two decimals.
        QCOMPARE(centsToMinor(123400, QStringLiteral("JPY"), 0, &reason), std::optional<qint64>(1234));
        QVERIFY(!centsToMinor(123450, QStringLiteral("JPY"), 0, &reason));
        QCOMPARE(reason, QStringLiteral("1234.5 has more decimals than JPY has (0)"));
        QCOMPARE(centsToMinor(1234, QStringLiteral("KWD"), 3, &reason), std::optional<qint64>(12340));
        QVERIFY(!centsToMinor(double(qint64(1) << 52), QStringLiteral("KWD"), 3, &reason)); // x10 leaves 2^53

        // Through the mapper, in the connection's currency.
        Context yen;
        yen.currency = QStringLiteral("JPY");
        QJsonObject json = object(sandboxItem);
        json.insert(QStringLiteral("retail"), 450000);
        json.insert(QStringLiteral("currentPrice"), 360000);
        Mapped<Records::Item> mapped = mapItem(json, yen);
        QVERIFY2(mapped.ok(), qPrintable(mapped.error));
        QCOMPARE(mapped.value.priceMinor, qint64(3600));
        QCOMPARE(mapped.value.currency, QStringLiteral("JPY"));
        json.insert(QStringLiteral("currentPrice"), 360050);
        mapped = mapItem(json, yen);
        QCOMPARE(mapped.error, QStringLiteral("POST /inventory: item ZX7K2M: field \"currentPrice\": 3600.5 has more decimals than JPY has (0)"));
        Context unknown;
        unknown.currency = QStringLiteral("XXQ");
        QVERIFY(mapItem(object(sandboxItem), unknown).error.contains(QLatin1String("unknown currency")));
    }

    void splits()
    {
        QString reason;
        QCOMPARE(storePercentToConsignorBp(40, &reason), std::optional<int>(6000));
        QCOMPARE(storePercentToConsignorBp(65, &reason), std::optional<int>(3500));
        QCOMPARE(storePercentToConsignorBp(0, &reason), std::optional<int>(10000));
        QCOMPARE(storePercentToConsignorBp(100, &reason), std::optional<int>(0));
        QCOMPARE(storePercentToConsignorBp(0.29, &reason), std::optional<int>(9971));
        QVERIFY(!storePercentToConsignorBp(-1, &reason));
        QVERIFY(!storePercentToConsignorBp(100.5, &reason));
        QVERIFY(!storePercentToConsignorBp(33.333, &reason));
    }

    void scanner_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("elements");
        using O = ResultsScan::Outcome;
        QTest::newRow("plain") << QByteArray("{\"results\":[{\"a\":1},{\"b\":[2,{\"c\":\"]}\"}]},{}]}") << int(O::Ok) << 3;
        QTest::newRow("spaces") << QByteArray(" {\n \"results\" : [ {\"a\":1} ,\r\n\t{ } ] } \n") << int(O::Ok) << 2;
        QTest::newRow("empty") << QByteArray("{\"results\":[]}") << int(O::Ok) << 0;
        QTest::newRow("escapes") << QByteArray("{\"results\":[{\"n\":\"a \\\"quoted]\\\" \\\\\"},{\"n\":\"{[\\\\\\\"\"}]}") << int(O::Ok) << 2;
        QTest::newRow("other keys") << QByteArray("{\"count\":2,\"x\":{\"results\":[1]},\"results\":[{\"a\":1},{\"b\":2}],\"more\":\"]}\"}")
                                    << int(O::Ok) << 2;
        QTest::newRow("scalars") << QByteArray("{\"results\":[1,\"x\",null,true]}") << int(O::Ok) << 4;
        QTest::newRow("cut in element") << QByteArray("{\"results\":[{\"a\":1},{\"b\":2},{\"c\":") << int(O::CutShort) << 2;
        QTest::newRow("cut in string") << QByteArray("{\"results\":[{\"a\":1},{\"b\":\"ab") << int(O::CutShort) << 1;
        QTest::newRow("cut after escape") << QByteArray("{\"results\":[{\"a\":1},{\"b\":\"ab\\") << int(O::CutShort) << 1;
        QTest::newRow("cut before ]") << QByteArray("{\"results\":[{\"a\":1},{\"b\":2}") << int(O::CutShort) << 1;
        QTest::newRow("cut before }") << QByteArray("{\"results\":[{\"a\":1},{\"b\":2}]") << int(O::CutShort) << 2;
        QTest::newRow("only the start") << QByteArray("{\"results\":[") << int(O::CutShort) << 0;
        QTest::newRow("nothing") << QByteArray() << int(O::CutShort) << 0;
        QTest::newRow("html") << QByteArray("<html>oops</html>") << int(O::NotJson) << 0;
        QTest::newRow("trailing garbage") << QByteArray("{\"results\":[]}x") << int(O::NotJson) << 0;
        QTest::newRow("missing comma") << QByteArray("{\"results\":[{\"a\":1} {\"b\":2}]}") << int(O::NotJson) << 0;
        QTest::newRow("no results") << QByteArray("{\"error\":\"Invalid API key\"}") << int(O::NoResults) << 0;
        QTest::newRow("results not array") << QByteArray("{\"results\":{\"a\":1}}") << int(O::NoResults) << 0;
        QTest::newRow("empty object") << QByteArray("{}") << int(O::NoResults) << 0;
        QTest::newRow("array body") << QByteArray("[]") << int(O::NotJson) << 0;
    }

    void scanner()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, outcome);
        QFETCH(int, elements);
        const ResultsScan scan = scanResults(body);
        QCOMPARE(int(scan.outcome), outcome);
        QCOMPARE(int(scan.elements.size()), elements);
        if (scan.ok()) {
            // Every range is one whole JSON value.
            for (const auto &[begin, end] : scan.elements) {
                const QByteArray slice = body.mid(begin, end - begin);
                QJsonParseError error;
                QJsonDocument::fromJson("[" + slice + "]", &error);
                QVERIFY2(error.error == QJsonParseError::NoError, slice.constData());
            }
        }
    }

    void resources()
    {
        const std::unique_ptr<Connector> c = connector();
        QVERIFY(c);
        const QList<ResourceSpec> specs = c->resources();
        QCOMPARE(int(specs.size()), 1);
        QCOMPARE(specs.at(0).name, QStringLiteral("items"));
        QCOMPARE(specs.at(0).tables, QStringList{QStringLiteral("items")});
        QVERIFY(specs.at(0).changeFilter);
        QVERIFY(specs.at(0).vanishOnComplete);
        QVERIFY(!specs.at(0).resumable);
        PageRequest other;
        other.resource = QStringLiteral("sales");
        const PageResult page = fetch(*c, other);
        QVERIFY(!page.ok);
        QVERIFY(page.error.contains(QLatin1String("sales")));
    }

    // --- against the sandbox -------------------------------------------------

    void fullRun()
    {
        m_sandbox->sandbox().server().resetStatistics();
        const std::unique_ptr<Connector> c = connector();
        const Walk w = walk(*c);
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        // One request, cut into pages (of 2,000 at this size).
        QCOMPARE(requests(), 1);
        const QJsonObject facts = inspect();
        const qint64 active = qint64(facts.value(QStringLiteral("active_items")).toDouble());
        const qsizetype perPage = pageItems(active);
        QVERIFY(active > 2 * perPage);
        QCOMPARE(qint64(w.pages.size()), (active + perPage - 1) / perPage);
        for (int i = 0; i < w.pages.size(); ++i) {
            const PageResult &page = w.pages.at(i);
            QCOMPARE(page.total, active);
            QCOMPARE(page.rows, i + 1 < w.pages.size() ? qint64(perPage) : active - qint64(i) * perPage);
            QCOMPARE(qint64(page.records.items.size()), page.rows);
            QVERIFY(page.serverTime.isValid());
            QVERIFY(qAbs(page.serverTime.secsTo(QDateTime::currentDateTimeUtc())) < 120);
            QCOMPARE(page.nextCursor.isEmpty(), i + 1 == w.pages.size());
        }
        // Active items only, sold-out ones too; none soft-deleted.
        qint64 price = 0, tag = 0;
        for (const Records::Item &item : w.items) {
            QVERIFY(!item.inactive && !item.deleted.isValid());
            price += item.priceMinor;
            tag += *item.tagPriceMinor;
        }
        QCOMPARE(price, qint64(facts.value(QStringLiteral("active_sum_current_price")).toDouble()));
        QCOMPARE(tag, qint64(facts.value(QStringLiteral("active_sum_retail")).toDouble()));
        compareRecords(w.items, direct({{QStringLiteral("includeItemsWithQuantityZero"), true}}));
        QVERIFY(std::any_of(w.items.cbegin(), w.items.cend(), [](const Records::Item &i) { return i.quantity == 0; }));
        QVERIFY(std::any_of(w.items.cbegin(), w.items.cend(), [](const Records::Item &i) { return i.splitBp.has_value(); }));
    }

    void everythingSinceLongAgo()
    {
        const std::unique_ptr<Connector> c = connector();
        const Walk w = walk(*c, QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        const QJsonObject facts = inspect();
        QCOMPARE(qint64(w.items.size()), qint64(facts.value(QStringLiteral("items")).toDouble()));
        const qint64 deleted = std::count_if(w.items.cbegin(), w.items.cend(),
                                             [](const Records::Item &i) { return i.deleted.isValid() && i.inactive; });
        QCOMPARE(deleted, qint64(facts.value(QStringLiteral("inactive_items")).toDouble()));
        compareRecords(w.items, direct({{QStringLiteral("includeItemsWithQuantityZero"), true},
                                        {QStringLiteral("includeInactiveItems"), true}}));
    }

    void incrementalRun()
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
        QTest::qWait(5);
        m_sandbox->sandbox().runActivity(30);
        const std::unique_ptr<Connector> c = connector();
        const Walk w = walk(*c, start);
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        QVERIFY(!w.items.isEmpty());
        QCOMPARE(int(w.pages.size()), 1);
        const QHash<QString, QJsonObject> expected =
            direct({{QStringLiteral("includeItemsWithQuantityZero"), true},
                    {QStringLiteral("includeInactiveItems"), true},
                    {QStringLiteral("modifiedSince"), QString::number(start.toMSecsSinceEpoch())}});
        compareRecords(w.items, expected);
        for (const Records::Item &item : w.items)
            QVERIFY(item.updated >= start);
        // Inactivated items may or may not be among 30 steps; the long walk above checked them.
    }

    void cursorWithoutHeldAnswerStartsOver()
    {
        const std::unique_ptr<Connector> first = connector();
        PageRequest request;
        request.resource = QStringLiteral("items");
        request.runId = 3;
        const PageResult one = fetch(*first, request);
        QVERIFY2(one.ok, qPrintable(one.error));
        QVERIFY(one.nextCursor.startsWith(QLatin1String("o:")));

        // A new connector (after a restart) holds no answer: a new request, from the start.
        m_sandbox->sandbox().server().resetStatistics();
        const std::unique_ptr<Connector> second = connector();
        request.cursor = one.nextCursor;
        const PageResult again = fetch(*second, request);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(requests(), 1);
        QCOMPARE(again.records.items.first().externalId, one.records.items.first().externalId);

        // The held answer serves the cursor without a request; another run's request does not use it.
        const PageResult two = fetch(*second, request);
        QVERIFY2(two.ok, qPrintable(two.error));
        QCOMPARE(requests(), 1);
        QVERIFY(two.records.items.first().externalId != one.records.items.first().externalId);
        request.runId = 4;
        const PageResult otherRun = fetch(*second, request);
        QCOMPARE(requests(), 2);
        QCOMPARE(otherRun.records.items.first().externalId, one.records.items.first().externalId);
    }

    void wrongTypeFault()
    {
        addFault(QStringLiteral("wrong-type"));
        const std::unique_ptr<Connector> c = connector();
        Walk w = walk(*c);
        QCOMPARE(int(w.pages.size()), 1);
        QVERIFY(!w.pages.first().ok);
        QVERIFY(w.pages.first().records.isEmpty());
        QVERIFY2(w.error.startsWith(QLatin1String("POST /inventory: item ")), qPrintable(w.error));
        QVERIFY2(w.error.contains(QLatin1String("field \"retail\" is a string, expected a number")), qPrintable(w.error));

        addFault(QStringLiteral("wrong-type"), {{QStringLiteral("field"), QStringLiteral("sku")}});
        w = walk(*c);
        QVERIFY(!w.pages.first().ok);
        QCOMPARE(w.error, QStringLiteral("POST /inventory: item #1: field \"sku\" is a number, expected a string"));
    }

    // The pages after the first are mapped on another thread, each while the
    // one before is written: an item that does not map there still fails the
    // walk at its page, with the same message, and the pages before it stand.
    void anItemThatDoesNotMapFailsItsPage()
    {
        const qint64 active = qint64(inspect().value(QStringLiteral("active_items")).toDouble());
        const qsizetype perPage = pageItems(active);
        QVERIFY(active > 2 * perPage + 10);
        addFault(QStringLiteral("wrong-type"), {{QStringLiteral("record"), 2 * perPage + 9}});
        const std::unique_ptr<Connector> c = connector();
        const Walk w = walk(*c);
        QCOMPARE(int(w.pages.size()), 3);
        QVERIFY(w.pages.at(0).ok && w.pages.at(1).ok);
        QCOMPARE(w.items.size(), 2 * perPage);
        QVERIFY(!w.pages.at(2).ok);
        QVERIFY(w.pages.at(2).records.isEmpty());
        QVERIFY2(w.error.startsWith(QLatin1String("POST /inventory: item ")), qPrintable(w.error));
        QVERIFY2(w.error.contains(QLatin1String("field \"retail\" is a string, expected a number")), qPrintable(w.error));

        // The connector let that answer go: the next walk asks again, and maps it all.
        m_sandbox->sandbox().server().resetStatistics();
        const Walk again = walk(*c);
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(requests(), 1);
        QCOMPARE(qint64(again.items.size()), active);
    }

    void cutShortFaults_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("error");
        // A body cut two thirds in and ended with garbage: not JSON.
        QTest::newRow("malformed-json") << QStringLiteral("malformed-json")
                                        << QStringLiteral("POST /inventory: the answer is not valid JSON (cut short?)");
        QTest::newRow("drop-mid-body") << QStringLiteral("drop-mid-body")
                                       << QStringLiteral("POST /inventory: the answer was cut short after 0 items");
    }

    void cutShortFaults()
    {
        QFETCH(QString, kind);
        QFETCH(QString, error);
        const std::unique_ptr<Connector> c = connector();

        // Once: the inventory search (a POST, but a read) is sent again and the walk is whole.
        addFault(kind);
        m_sandbox->sandbox().server().resetStatistics();
        Walk w = walk(*c);
        verifyComplete(w);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(requests(), 2);
        QCOMPARE(c->client().retriesUsed(), 1);

        // Every time: the page fails after the policy's three sends, saying what came back.
        addFault(kind, {{QStringLiteral("count"), -1}});
        m_sandbox->sandbox().server().resetStatistics();
        w = walk(*c);
        QCOMPARE(int(w.pages.size()), 1);
        QVERIFY(!w.pages.first().ok);
        QVERIFY(!w.pages.first().cancelled);
        QVERIFY(w.pages.first().records.isEmpty());
        QCOMPARE(w.error, error);
        QCOMPARE(requests(), 3);
    }

    void statusFaults_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("503") << 503;
        QTest::newRow("429") << 429;
        QTest::newRow("408") << 408;
    }

    void statusFaults()
    {
        QFETCH(int, status);
        const std::unique_ptr<Connector> c = connector();

        // Once: retried, and the walk is whole.
        addStatusFault(status);
        m_sandbox->sandbox().server().resetStatistics();
        Walk w = walk(*c);
        verifyComplete(w);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(requests(), 2);
        QCOMPARE(requests(status), 1);
        QCOMPARE(c->client().retriesUsed(), 1);

        // Every time: the page fails after three sends, with the status and the vendor's words.
        addFault(QString::number(status), {{QStringLiteral("count"), -1}});
        m_sandbox->sandbox().server().resetStatistics();
        w = walk(*c);
        QCOMPARE(int(w.pages.size()), 1);
        QVERIFY(!w.pages.first().ok);
        QVERIFY2(w.error.startsWith(QStringLiteral("POST /inventory: HTTP %1: ").arg(status)), qPrintable(w.error));
        QCOMPARE(requests(status), 3);
        QCOMPARE(requests(), 3);
    }

    void retryAfterIsHonouredWithinTheCap()
    {
        // A 429 asking for an hour: clamped to the policy's 50 ms, then the walk goes on.
        const std::unique_ptr<Connector> c = connector();
        addFault(QStringLiteral("429"), {{QStringLiteral("retry-after"), QStringLiteral("3600")}});
        m_sandbox->sandbox().server().resetStatistics();
        QElapsedTimer clock;
        clock.start();
        const Walk w = walk(*c);
        verifyComplete(w);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(requests(429), 1);
        QCOMPARE(requests(), 2);
    }

    void clientErrorsFailAtOnce_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("400") << 400;
        QTest::newRow("404") << 404;
        QTest::newRow("422") << 422;
    }

    void clientErrorsFailAtOnce()
    {
        // Not retried: the same request would be refused again.
        QFETCH(int, status);
        const std::unique_ptr<Connector> c = connector();
        addStatusFault(status);
        m_sandbox->sandbox().server().resetStatistics();
        const Walk w = walk(*c);
        QCOMPARE(int(w.pages.size()), 1);
        QVERIFY(!w.pages.first().ok);
        QVERIFY2(w.error.startsWith(QStringLiteral("POST /inventory: HTTP %1: ").arg(status)), qPrintable(w.error));
        QCOMPARE(requests(), 1);
        QCOMPARE(c->client().retriesUsed(), 0);
    }

    void wrongKeyFailsAtOnce()
    {
        m_sandbox->sandbox().server().resetStatistics();
        const std::unique_ptr<Connector> wrongKey = connector(QStringLiteral("not-the-key-0123456789"));
        const Walk w = walk(*wrongKey);
        QCOMPARE(w.error, QStringLiteral("POST /inventory: HTTP 401: Invalid API key"));
        QVERIFY(!w.error.contains(m_key));
        QCOMPARE(requests(401), 1);
        QCOMPARE(requests(), 1);
    }

    void duplicateAndEmptyFaults()
    {
        const std::unique_ptr<Connector> c = connector();
        addFault(QStringLiteral("duplicate-rows"));
        Walk w = walk(*c);
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        QSet<QString> skus;
        qint64 rows = 0;
        for (const PageResult &page : std::as_const(w.pages)) {
            rows += page.rows;
            QSet<QString> onPage;
            for (const Records::Item &item : page.records.items) {
                QVERIFY(!onPage.contains(item.externalId)); // one record per sku and page
                onPage.insert(item.externalId);
                skus.insert(item.externalId);
            }
        }
        QVERIFY(rows > qint64(skus.size())); // sent twice, kept once per page
        QCOMPARE(qint64(skus.size()), qint64(inspect().value(QStringLiteral("active_items")).toDouble()));

        addFault(QStringLiteral("empty-page"));
        w = walk(*c);
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        QCOMPARE(int(w.pages.size()), 1);
        QCOMPARE(w.pages.first().total, qint64(0));
        QVERIFY(w.items.isEmpty());
    }

    void cancelReportsCancelled()
    {
        const std::unique_ptr<Connector> c = connector();
        PageRequest request;
        request.resource = QStringLiteral("items");
        PageResult result;
        bool done = false;
        c->fetchPage(request, [&](const PageResult &r) {
            result = r;
            done = true;
        });
        c->cancel();
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
    }
};

QTEST_MAIN(TestVendorSimpleConsign)
#include "tst_vendor_simpleconsign.moc"
