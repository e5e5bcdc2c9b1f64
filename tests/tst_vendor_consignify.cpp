// The Consignify connector: its mappers on the doc's samples, the field notes'
// variants, wrong types and money edge cases; and every resource walked over
// real HTTP against the in-process sandbox, compared with the sandbox's data.
#include "net/httpclient.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxserver.h"
#include "sandboxfixture.h"
#include "testretry.h"
#include "vendors/consignify/consignifyconnector.h"
#include "vendors/consignify/consignifymappers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace ConsignDesk;
using namespace ConsignDesk::Vendors;
using namespace ConsignDesk::Vendors::Consignify;

namespace {

const QString vendor = QStringLiteral("consignify");

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

Context ctx(const char *endpoint)
{
    Context c;
    c.endpoint = QLatin1String(endpoint);
    c.currency = QStringLiteral("GBP");
    return c;
}

/// Exact pence from a sandbox JSON number (which has at most 2 decimals).
qint64 pence(const QJsonValue &value)
{
    return qRound64(value.toDouble() * 100.0);
}

/// Every page of a resource, merged; the error of the first failing page.
struct Walk {
    bool ok = false;
    QString error;
    int pages = 0;
    qint64 rows = 0;
    Records::RecordBatch records;
    QDateTime serverTime;
};

Walk walk(Connector &connector, const QString &resource, int maxPages = 1000)
{
    Walk w;
    QString cursor;
    do {
        PageRequest request;
        request.resource = resource;
        request.cursor = cursor;
        bool done = false;
        PageResult page;
        connector.fetchPage(request, [&](const PageResult &result) {
            page = result;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000)) {
            w.error = QStringLiteral("no answer");
            return w;
        }
        ++w.pages;
        if (!page.ok) {
            w.error = page.error;
            return w;
        }
        w.rows += page.rows;
        w.serverTime = page.serverTime;
        w.records.consignors += page.records.consignors;
        w.records.items += page.records.items;
        w.records.saleLines += page.records.saleLines;
        w.records.payouts += page.records.payouts;
        w.records.payoutLines += page.records.payoutLines;
        cursor = page.nextCursor;
    } while (!cursor.isEmpty() && w.pages < maxPages);
    w.ok = cursor.isEmpty();
    return w;
}

template<typename T>
QHash<QString, T> byId(const QList<T> &list)
{
    QHash<QString, T> map;
    for (const T &record : list)
        map.insert(record.externalId, record);
    return map;
}

} // namespace

class TestVendorConsignify : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // mappers
    void money_data();
    void money();
    void shares();
    void consignorSamples();
    void productSamples();
    void productWrongType();
    void lineItemSample();
    void lineItemMoneyAndErrors();
    void payoutSamples();
    void shareAndConsignorAnswers();

    // against the sandbox
    void resources();
    void consignors();
    void products();
    void lineItems();
    void payouts();
    void wrongTypeFaults();
    void badAnswers();
    void listingThatDoesNotAdvance();

private:
    std::unique_ptr<Connector> connector();
    QJsonObject inspect() { return m_fixture->sandbox().vendor(vendor)->inspect(); }
    QList<QJsonObject> pageAll(const QString &path);
    /// Requests the sandbox answered since resetStatistics(): all, or those with @p status.
    int requests(int status = 0) const { return m_fixture->requests(vendor, status); }

    std::unique_ptr<SandboxFixture> m_fixture;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_client;
};

void TestVendorConsignify::init()
{
    m_fixture.reset();
    m_client.reset();
    const QString test = QString::fromLatin1(QTest::currentTestFunction());
    // The mapper tests need no sandbox.
    static const QStringList live = {QStringLiteral("resources"), QStringLiteral("consignors"), QStringLiteral("products"),
                                     QStringLiteral("lineItems"), QStringLiteral("payouts"), QStringLiteral("wrongTypeFaults"),
                                     QStringLiteral("badAnswers"), QStringLiteral("listingThatDoesNotAdvance")};
    if (!live.contains(test))
        return;
    SandboxFixture::Options options;
    options.items = test == QLatin1String("products") || test == QLatin1String("listingThatDoesNotAdvance") ? 3000 : 600;
    options.seed = 11;
    options.vendors = Sandbox::allVendors();
    m_fixture = std::make_unique<SandboxFixture>(options);
    m_client = std::make_unique<Net::HttpClient>(&m_network);
}

void TestVendorConsignify::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

std::unique_ptr<Connector> TestVendorConsignify::connector()
{
    Connection connection;
    connection.id = QStringLiteral("test-consignify");
    connection.vendor = Vendor::Consignify;
    connection.name = QStringLiteral("Consignify test");
    connection.baseUrl = QUrl(m_fixture->baseUrl(vendor));
    connection.currency = QStringLiteral("GBP");
    const QString key = m_fixture->apiKey(vendor);
    std::unique_ptr<Connector> made = makeConsignifyConnector(connection, *m_client, [key](auto give) { give(key, QString()); });
    made->setRetryPolicy(fastRetries());
    return made;
}

QList<QJsonObject> TestVendorConsignify::pageAll(const QString &path)
{
    QList<QJsonObject> rows;
    QString cursor;
    do {
        QString url = path + QStringLiteral("?limit=250");
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResponse response = m_fixture->get(vendor, url);
        if (response.status != 200)
            return {};
        const QJsonObject page = response.object();
        for (const QJsonValue &row : page.value(QStringLiteral("data")).toArray())
            rows.append(row.toObject());
        cursor = page.value(QStringLiteral("nextCursor")).toString();
    } while (!cursor.isEmpty());
    return rows;
}

// ---- mappers -------------------------------------------------------------

void TestVendorConsignify::money_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("digits");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("0.29") << 0.29 << 2 << qint64(29) << QString();
    QTest::newRow("1067.94") << 1067.94 << 2 << qint64(106794) << QString();
    QTest::newRow("0.1") << 0.1 << 2 << qint64(10) << QString();
    QTest::newRow("785.95") << 785.95 << 2 << qint64(78595) << QString();
    QTest::newRow("whole 275") << 275.0 << 2 << qint64(27500) << QString();
    QTest::newRow("10.5") << 10.5 << 2 << qint64(1050) << QString();
    QTest::newRow("zero") << 0.0 << 2 << qint64(0) << QString();
    QTest::newRow("negative -12.3") << -12.3 << 2 << qint64(-1230) << QString();
    QTest::newRow("1.005") << 1.005 << 2 << qint64(0) << QStringLiteral("more decimals");
    QTest::newRow("0.001") << 0.001 << 2 << qint64(0) << QStringLiteral("more decimals");
    QTest::newRow("JPY 1200") << 1200.0 << 0 << qint64(1200) << QString();
    QTest::newRow("JPY 12.5") << 12.5 << 0 << qint64(0) << QStringLiteral("more decimals");
    QTest::newRow("KWD 1.234") << 1.234 << 3 << qint64(1234) << QString();
    QTest::newRow("2^53 pence") << 90071992547409.92 << 2 << qint64(9007199254740992) << QString();
    QTest::newRow("above 2^53 pence") << 90071992547410.0 << 2 << qint64(0) << QStringLiteral("2^53");
    QTest::newRow("1e20") << 1e20 << 2 << qint64(0) << QStringLiteral("2^53");
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << 2 << qint64(0) << QStringLiteral("2^53");
}

void TestVendorConsignify::money()
{
    QFETCH(double, value);
    QFETCH(int, digits);
    QFETCH(qint64, minor);
    QFETCH(QString, refusal);
    QString reason;
    const std::optional<qint64> result = decimalToMinor(value, digits, &reason);
    if (refusal.isEmpty()) {
        QVERIFY2(result.has_value(), qPrintable(reason));
        QCOMPARE(*result, minor);
    } else {
        QVERIFY(!result.has_value());
        QVERIFY2(reason.contains(refusal), qPrintable(reason));
    }
}

void TestVendorConsignify::shares()
{
    QString reason;
    QCOMPARE(percentToBp(45.5, &reason), std::optional<int>(4550));
    QCOMPARE(percentToBp(50, &reason), std::optional<int>(5000));
    QCOMPARE(percentToBp(0, &reason), std::optional<int>(0));
    QCOMPARE(percentToBp(100, &reason), std::optional<int>(10000));
    QCOMPARE(percentToBp(33.33, &reason), std::optional<int>(3333));
    QVERIFY(!percentToBp(100.5, &reason));
    QVERIFY(reason.contains(QStringLiteral("between 0 and 100")));
    QVERIFY(!percentToBp(-1, &reason));
    QVERIFY(!percentToBp(45.555, &reason));
    QVERIFY(reason.contains(QStringLiteral("more decimals")));
}

void TestVendorConsignify::consignorSamples()
{
    // GET /consignor/{id} in the doc.
    const Mapped<Records::Consignor> full = mapConsignor(object(R"({ "id": "w13vmscy6j5uub1taivtmp5i", "key": "Beethoven", "shopId": "efrus-test-store3.myshopify.com", "givenName": "Docs", "surname": "Sample", "share": null, "email": "hello+beethoven@consignify.shop", "phone": null, "notes": null, "unsoldItemFate": "DONATE", "createdAt": "2025-07-31T15:53:56.499Z", "updatedAt": "2025-07-31T16:40:30.883Z", "archived": false, "portalEnabled": "SHOP_DEFAULT" })"),
                                                         ctx("GET /consignors"));
    QVERIFY2(full.ok(), qPrintable(full.error));
    QCOMPARE(full.value.externalId, QStringLiteral("w13vmscy6j5uub1taivtmp5i"));
    QCOMPARE(full.value.name, QStringLiteral("Docs Sample"));
    QCOMPARE(full.value.firstName, QStringLiteral("Docs"));
    QCOMPARE(full.value.lastName, QStringLiteral("Sample"));
    QCOMPARE(full.value.number, QStringLiteral("Beethoven"));
    QCOMPARE(full.value.email, QStringLiteral("hello+beethoven@consignify.shop"));
    QVERIFY(!full.value.splitBp.has_value());
    QVERIFY(!full.value.archived);
    QCOMPARE(full.value.currency, QStringLiteral("GBP"));
    QCOMPARE(full.value.created, QDateTime(QDate(2025, 7, 31), QTime(15, 53, 56, 499), Qt::UTC));
    QCOMPARE(full.value.updated, QDateTime(QDate(2025, 7, 31), QTime(16, 40, 30, 883), Qt::UTC));

    // The doc's shorter list rows; a share, archived.
    const Mapped<Records::Consignor> brief = mapConsignor(
        object(R"({ "id": "vr0z", "givenName": "Galileo", "surname": "Galilei", "key": "Galileo", "share": 45.5, "archived": true, "extra": [1] })"),
        ctx("GET /consignors"));
    QVERIFY2(brief.ok(), qPrintable(brief.error));
    QCOMPARE(brief.value.name, QStringLiteral("Galileo Galilei"));
    QCOMPARE(brief.value.splitBp, std::optional<int>(4550));
    QVERIFY(brief.value.archived);

    // Only a key (the create sample): the name falls back to it.
    const Mapped<Records::Consignor> keyOnly = mapConsignor(
        object(R"({ "id": "c804crn7lgesjc1fshf3b0bb", "key": "test-123", "givenName": null, "surname": null })"), ctx("GET /consignors"));
    QVERIFY(keyOnly.ok());
    QCOMPARE(keyOnly.value.name, QStringLiteral("test-123"));

    const Mapped<Records::Consignor> wrong = mapConsignor(object(R"({ "id": "abc", "key": "k", "archived": "yes" })"), ctx("GET /consignors"));
    QCOMPARE(wrong.error, QStringLiteral("GET /consignors: consignor abc: field \"archived\" is a string, expected a boolean"));
    const Mapped<Records::Consignor> noId = mapConsignor(object(R"({ "key": "k" })"), ctx("GET /consignors"));
    QCOMPARE(noId.error, QStringLiteral("GET /consignors: consignor ?: field \"id\" is missing"));
    const Mapped<Records::Consignor> badShare = mapConsignor(object(R"({ "id": "abc", "share": 120 })"), ctx("GET /consignors"));
    QVERIFY(badShare.error.startsWith(QStringLiteral("GET /consignors: consignor abc: field \"share\": ")));
}

void TestVendorConsignify::productSamples()
{
    const Mapped<ProductRow> row = mapProduct(object(R"({ "id": "14985357918589", "updatedAt": "2025-07-31T15:54:23.392Z", "shopId": "efrus-test-store3.myshopify.com", "consignerId": null, "shopifyUpdatedAt": "2025-07-28T17:58:05.000Z", "consignerShare": null, "status": "ACTIVE", "totalInventory": 8, "title": "The Compare at Price Snowboard" })"),
                                              ctx("GET /products"));
    QVERIFY2(row.ok(), qPrintable(row.error));
    QCOMPARE(row.value.item.externalId, QStringLiteral("14985357918589"));
    QCOMPARE(row.value.item.title, QStringLiteral("The Compare at Price Snowboard"));
    QCOMPARE(row.value.item.status, QStringLiteral("active"));
    QVERIFY(!row.value.item.inactive);
    QCOMPARE(row.value.item.quantity, std::optional<qint64>(8));
    QVERIFY(row.value.hasConsignor);
    QVERIFY(row.value.item.consignorId.isEmpty());
    QCOMPARE(row.value.item.inventoryType, QStringLiteral("retail"));
    QVERIFY(!row.value.hasShare);
    QCOMPARE(row.value.item.priceMinor, 0);
    QCOMPARE(row.value.item.updated, QDateTime(QDate(2025, 7, 31), QTime(15, 54, 23, 392), Qt::UTC));

    const Mapped<ProductRow> consigned = mapProduct(
        object(R"({ "id": 14985358311805, "consignerId": "w13v", "consignerShare": 45.5, "status": "ARCHIVED", "totalInventory": 0, "title": "Board", "price": 12.3 })"),
        ctx("GET /products"));
    QVERIFY2(consigned.ok(), qPrintable(consigned.error));
    QCOMPARE(consigned.value.item.externalId, QStringLiteral("14985358311805")); // numeric id accepted
    QCOMPARE(consigned.value.item.consignorId, QStringLiteral("w13v"));
    QCOMPARE(consigned.value.item.splitBp, std::optional<int>(4550));
    QVERIFY(consigned.value.hasShare);
    QCOMPARE(consigned.value.item.status, QStringLiteral("archived"));
    QVERIFY(consigned.value.item.inactive);
    QCOMPARE(consigned.value.item.inventoryType, QStringLiteral("consignment"));
    QCOMPARE(consigned.value.item.priceMinor, 1230);

    // GET /consignor/{id}/products rows: no consignerId, so the connector asks.
    const Mapped<ProductRow> brief = mapProduct(
        object(R"({ "id": "14985358082429", "title": "The Videographer Snowboard", "status": "DRAFT", "totalInventory": 46, "consignerShare": null, "shopifyUpdatedAt": "2025-07-28T17:58:05.000Z" })"),
        ctx("GET /products"));
    QVERIFY(brief.ok());
    QVERIFY(!brief.value.hasConsignor);
    QCOMPARE(brief.value.item.status, QStringLiteral("draft"));

    // A Shopify-style variant price.
    const Mapped<ProductRow> variant = mapProduct(
        object(R"({ "id": "1", "title": "T", "status": "ACTIVE", "variants": [{ "price": 785.95, "sku": "SKU-1" }] })"), ctx("GET /products"));
    QVERIFY2(variant.ok(), qPrintable(variant.error));
    QCOMPARE(variant.value.item.priceMinor, 78595);
    QCOMPARE(variant.value.item.sku, QStringLiteral("SKU-1"));
}

void TestVendorConsignify::productWrongType()
{
    Mapped<ProductRow> row = mapProduct(object(R"({ "id": "14985357918589", "status": "ACTIVE", "title": 12345 })"), ctx("GET /products"));
    QCOMPARE(row.error, QStringLiteral("GET /products: product 14985357918589: field \"title\" is a number, expected a string"));
    row = mapProduct(object(R"({ "id": "1", "status": "ACTIVE" })"), ctx("GET /products"));
    QCOMPARE(row.error, QStringLiteral("GET /products: product 1: field \"title\" is missing"));
    row = mapProduct(object(R"({ "id": "1", "status": "ACTIVE", "title": "x", "totalInventory": "8" })"), ctx("GET /products"));
    QCOMPARE(row.error, QStringLiteral("GET /products: product 1: field \"totalInventory\" is a string, expected a number"));
    row = mapProduct(object(R"({ "id": "1", "status": "ACTIVE", "title": "x", "consignerShare": "50" })"), ctx("GET /products"));
    QVERIFY(row.error.contains(QStringLiteral("\"consignerShare\" is a string")));
    row = mapProduct(object(R"({ "id": "1", "status": "ACTIVE", "title": "x", "updatedAt": "yesterday" })"), ctx("GET /products"));
    QVERIFY(row.error.contains(QStringLiteral("\"updatedAt\"")));
    row = mapProduct(object(R"({ "id": {"x":1}, "status": "ACTIVE", "title": "x" })"), ctx("GET /products"));
    QVERIFY(row.error.contains(QStringLiteral("field \"id\" is an object")));
}

void TestVendorConsignify::lineItemSample()
{
    const Mapped<Records::SaleLine> line = mapLineItem(object(R"({ "id": "34838143369597", "orderId": "11725356106109", "productId": "14985357918589", "variantId": "55263182029181", "sku": null, "originalQuantity": 1, "currentQuantity": 1, "unitPrice": 785.95, "unitPriceDiscounted": 785.95, "currencyCode": "GBP", "isFulfilled": true, "fulfillmentCreatedAt": "2025-03-04T11:24:56.000Z", "fulfillmentLastUpdatedAt": "2025-03-04T11:24:56.000Z", "itemPayout": null })"),
                                                       ctx("GET /product/14985357918589/items"));
    QVERIFY2(line.ok(), qPrintable(line.error));
    QCOMPARE(line.value.externalId, QStringLiteral("34838143369597"));
    QCOMPARE(line.value.saleId, QStringLiteral("11725356106109"));
    QCOMPARE(line.value.productId, QStringLiteral("14985357918589"));
    QVERIFY(line.value.sku.isEmpty());
    QCOMPARE(line.value.quantity, 1);
    QCOMPARE(line.value.priceMinor, 78595);
    QCOMPARE(line.value.currency, QStringLiteral("GBP"));
    QVERIFY(line.value.fulfilled);
    const QDateTime fulfilled(QDate(2025, 3, 4), QTime(11, 24, 56), Qt::UTC);
    QCOMPARE(line.value.fulfilledAt, fulfilled);
    QCOMPARE(line.value.date, fulfilled);
    QVERIFY(line.value.payoutId.isEmpty());
    QCOMPARE(line.value.status, QStringLiteral("fulfilled"));
}

void TestVendorConsignify::lineItemMoneyAndErrors()
{
    const Context c = ctx("GET /product/1/items");
    // Discounted unit price x current quantity, exact: 3 x 0.29 = 87 pence (not 86.99999).
    Mapped<Records::SaleLine> line = mapLineItem(
        object(R"({ "id": "2", "orderId": 11725356106110, "productId": "1", "originalQuantity": 4, "currentQuantity": 3, "unitPrice": 0.5, "unitPriceDiscounted": 0.29, "isFulfilled": false, "fulfillmentCreatedAt": null, "itemPayout": { "id": "pl1", "lineItemId": "2", "consignerSharePct": 45.5, "quantity": 3, "amount": 0.4, "payout": { "id": "ovfj", "reference": "#R1001" } } })"),
        c);
    QVERIFY2(line.ok(), qPrintable(line.error));
    QCOMPARE(line.value.saleId, QStringLiteral("11725356106110"));
    QCOMPARE(line.value.priceMinor, 87);
    QCOMPARE(line.value.quantity, 3);
    QVERIFY(!line.value.fulfilled);
    QVERIFY(!line.value.fulfilledAt.isValid());
    QCOMPARE(line.value.payoutId, QStringLiteral("ovfj"));
    QCOMPARE(line.value.splitBp, std::optional<int>(4550));
    QCOMPARE(line.value.consignorAmountMinor, std::optional<qint64>(40));
    QCOMPARE(line.value.currency, QStringLiteral("GBP")); // the connection's, as the row names none

    // A full return: quantity 0, price 0.
    line = mapLineItem(object(R"({ "id": "3", "orderId": "9", "productId": "1", "originalQuantity": 2, "currentQuantity": 0, "unitPriceDiscounted": 10, "isFulfilled": true, "fulfillmentCreatedAt": "2025-03-04T11:24:56.000Z" })"), c);
    QVERIFY(line.ok());
    QCOMPARE(line.value.priceMinor, 0);
    QCOMPARE(line.value.status, QStringLiteral("returned"));

    line = mapLineItem(object(R"({ "id": "4", "orderId": "9", "productId": "1", "currentQuantity": 1, "unitPriceDiscounted": "785.95" })"), c);
    QCOMPARE(line.error, QStringLiteral("GET /product/1/items: line item 4: field \"unitPriceDiscounted\" is a string, expected a number"));
    line = mapLineItem(object(R"({ "id": "4", "orderId": "9", "productId": "1", "currentQuantity": 1, "unitPriceDiscounted": 1.234 })"), c);
    QVERIFY(line.error.startsWith(QStringLiteral("GET /product/1/items: line item 4: field \"unitPriceDiscounted\": 1.234 has more decimals")));
    line = mapLineItem(object(R"({ "id": "4", "orderId": "9", "productId": "1", "currentQuantity": 1, "unitPriceDiscounted": 1e300 })"), c);
    QVERIFY(line.error.contains(QStringLiteral("2^53")));
    line = mapLineItem(object(R"({ "id": "4", "orderId": "9", "productId": "1", "currentQuantity": 1.5, "unitPriceDiscounted": 1 })"), c);
    QVERIFY(line.error.contains(QStringLiteral("\"currentQuantity\"")));
    line = mapLineItem(object(R"({ "id": "4", "orderId": "9", "productId": "1", "currentQuantity": 1000000, "unitPriceDiscounted": 90000000000 })"), c);
    QVERIFY(line.error.contains(QStringLiteral("2^53")));
    line = mapLineItem(object(R"({ "id": "4", "orderId": "9", "productId": "1", "currentQuantity": 1, "unitPriceDiscounted": 1, "itemPayout": "paid" })"), c);
    QVERIFY(line.error.contains(QStringLiteral("field \"itemPayout\" is a string")));
    line = mapLineItem(object(R"({ "id": "4", "productId": "1", "currentQuantity": 1, "unitPriceDiscounted": 1 })"), c);
    QCOMPARE(line.error, QStringLiteral("GET /product/1/items: line item 4: field \"orderId\" is missing"));
    // JPY rows: no minor unit.
    line = mapLineItem(object(R"({ "id": "5", "orderId": "9", "productId": "1", "currentQuantity": 2, "unitPriceDiscounted": 1200, "currencyCode": "JPY" })"), c);
    QVERIFY(line.ok());
    QCOMPARE(line.value.priceMinor, 2400);
    QCOMPARE(line.value.currency, QStringLiteral("JPY"));
}

void TestVendorConsignify::payoutSamples()
{
    const Context c = ctx("GET /payouts");
    const Mapped<Records::Payout> payout = mapPayout(object(R"({ "id": "ovfjhrqu1e6on4eta4wqq6sw", "shopId": "efrus-test-store3.myshopify.com", "reference": "#R1001", "amount": 1067.94, "adjustment": 0, "currencyCode": "GBP", "paidAt": "2025-07-31T15:55:01.660Z", "signatureId": null, "createdAt": "2025-07-31T15:55:01.662Z", "note": "", "updatedAt": "2025-07-31T15:55:03.624Z", "consignerId": "w13vmscy6j5uub1taivtmp5i", "receiptSentAt": "2025-07-31T15:55:03.623Z", "receiptStatus": "SENT", "receiptStatusReason": null })"),
                                                     c);
    QVERIFY2(payout.ok(), qPrintable(payout.error));
    QCOMPARE(payout.value.amountMinor, 106794);
    QCOMPARE(payout.value.adjustmentMinor, 0);
    QCOMPARE(payout.value.reference, QStringLiteral("#R1001"));
    QCOMPARE(payout.value.consignorId, QStringLiteral("w13vmscy6j5uub1taivtmp5i"));
    QCOMPARE(payout.value.currency, QStringLiteral("GBP"));
    QCOMPARE(payout.value.date, QDateTime(QDate(2025, 7, 31), QTime(15, 55, 1, 660), Qt::UTC));
    QVERIFY(payout.value.note.isEmpty());

    const Mapped<Records::PayoutLine> line = mapPayoutLine(
        object(R"({ "id": "pl1", "payoutId": "ovfjhrqu1e6on4eta4wqq6sw", "lineItemId": "34838143369597", "productId": "14985357918589", "consignerSharePct": 45.5, "quantity": 2, "amount": 715.21 })"),
        payout.value, ctx("GET /payout/ovfjhrqu1e6on4eta4wqq6sw"));
    QVERIFY2(line.ok(), qPrintable(line.error));
    QCOMPARE(line.value.payoutId, payout.value.externalId);
    QCOMPARE(line.value.saleLineId, QStringLiteral("34838143369597"));
    QCOMPARE(line.value.productId, QStringLiteral("14985357918589"));
    QCOMPARE(line.value.splitBp, std::optional<int>(4550));
    QCOMPARE(line.value.quantity, 2);
    QCOMPARE(line.value.amountMinor, 71521);

    Mapped<Records::Payout> bad = mapPayout(object(R"({ "id": "p", "consignerId": "c", "amount": "1067.94" })"), c);
    QCOMPARE(bad.error, QStringLiteral("GET /payouts: payout p: field \"amount\" is a string, expected a number"));
    bad = mapPayout(object(R"({ "id": "p", "consignerId": "c" })"), c);
    QCOMPARE(bad.error, QStringLiteral("GET /payouts: payout p: field \"amount\" is missing"));
    bad = mapPayout(object(R"({ "id": "p", "consignerId": "c", "amount": -5.5, "adjustment": -0.5 })"), c);
    QVERIFY(bad.ok());
    QCOMPARE(bad.value.amountMinor, -550);
    QCOMPARE(bad.value.adjustmentMinor, -50);
}

void TestVendorConsignify::shareAndConsignorAnswers()
{
    const Context c = ctx("GET /product/1/share");
    QCOMPARE(mapShare(QJsonValue(object(R"({"share": 50})")), QStringLiteral("1"), c).value, std::optional<int>(5000));
    QCOMPARE(mapShare(QJsonValue(object(R"({"share": 45.5})")), QStringLiteral("1"), c).value, std::optional<int>(4550));
    const Mapped<std::optional<int>> none = mapShare(QJsonValue(object(R"({"share": null})")), QStringLiteral("1"), c);
    QVERIFY(none.ok());
    QVERIFY(!none.value.has_value());
    QCOMPARE(mapShare(QJsonValue(object(R"({"share": "50"})")), QStringLiteral("1"), c).error,
             QStringLiteral("GET /product/1/share: product 1: field \"share\" is a string, expected a number"));

    const Context cc = ctx("GET /product/1/consignor");
    const Mapped<QString> nobody = mapProductConsignor(QJsonValue(QJsonValue::Null), QStringLiteral("1"), cc);
    QVERIFY(nobody.ok());
    QVERIFY(nobody.value.isEmpty());
    QCOMPARE(mapProductConsignor(QJsonValue(object(R"({"id": "w13v", "key": "Beethoven"})")), QStringLiteral("1"), cc).value,
             QStringLiteral("w13v"));
    QVERIFY(!mapProductConsignor(QJsonValue(object(R"({"id": 12.5})")), QStringLiteral("1"), cc).ok());
    QVERIFY(!mapProductConsignor(QJsonValue(QStringLiteral("w13v")), QStringLiteral("1"), cc).ok());
}

// ---- against the sandbox ---------------------------------------------------

void TestVendorConsignify::resources()
{
    const std::unique_ptr<Connector> c = connector();
    QVERIFY(c);
    QHash<QString, ResourceSpec> specs;
    for (const ResourceSpec &spec : c->resources())
        specs.insert(spec.name, spec);
    QCOMPARE(specs.size(), 4);
    QCOMPARE(specs.value(QStringLiteral("consignors")).tables, QStringList{QStringLiteral("consignors")});
    QCOMPARE(specs.value(QStringLiteral("products")).tables, QStringList{QStringLiteral("items")});
    QCOMPARE(specs.value(QStringLiteral("line_items")).tables, QStringList{QStringLiteral("sale_lines")});
    QCOMPARE(specs.value(QStringLiteral("payouts")).tables, (QStringList{QStringLiteral("payouts"), QStringLiteral("payout_lines")}));
    for (const ResourceSpec &spec : specs) {
        QVERIFY(!spec.changeFilter);
        QVERIFY(spec.vanishOnComplete);
    }
    PageRequest unknown;
    unknown.resource = QStringLiteral("nothing");
    bool done = false;
    c->fetchPage(unknown, [&](const PageResult &page) {
        QVERIFY(!page.ok);
        QVERIFY(page.error.contains(QStringLiteral("nothing")));
        done = true;
    });
    QVERIFY(done);
}

void TestVendorConsignify::consignors()
{
    const std::unique_ptr<Connector> c = connector();
    const Walk w = walk(*c, QStringLiteral("consignors"));
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(w.pages, 1);
    const QJsonObject summary = inspect();
    QCOMPARE(w.records.consignors.size(), summary.value(QStringLiteral("consignors")).toInteger());
    QVERIFY(w.serverTime.isValid());
    const QHash<QString, Records::Consignor> got = byId(w.records.consignors);
    qint64 archived = 0;
    int withShare = 0;
    for (const QJsonValue &value : m_fixture->get(vendor, QStringLiteral("/consignors")).json().array()) {
        const QJsonObject json = value.toObject();
        const Records::Consignor consignor = got.value(json.value(QStringLiteral("id")).toString());
        QCOMPARE(consignor.number, json.value(QStringLiteral("key")).toString());
        QString name = json.value(QStringLiteral("givenName")).toString() + u' ' + json.value(QStringLiteral("surname")).toString();
        name = name.trimmed();
        QCOMPARE(consignor.name, name);
        QCOMPARE(consignor.email, json.value(QStringLiteral("email")).toString());
        QCOMPARE(consignor.archived, json.value(QStringLiteral("archived")).toBool());
        if (json.value(QStringLiteral("share")).isNull()) {
            QVERIFY(!consignor.splitBp);
        } else {
            ++withShare;
            QCOMPARE(qint64(consignor.splitBp.value_or(-1)), pence(json.value(QStringLiteral("share"))));
        }
        QCOMPARE(consignor.updated, QDateTime::fromString(json.value(QStringLiteral("updatedAt")).toString(), Qt::ISODateWithMs));
        archived += consignor.archived ? 1 : 0;
    }
    QCOMPARE(archived, summary.value(QStringLiteral("consignors_archived")).toInteger());
    QVERIFY(withShare > 0);
}

void TestVendorConsignify::products()
{
    const std::unique_ptr<Connector> c = connector();
    const Walk w = walk(*c, QStringLiteral("products"));
    QVERIFY2(w.ok, qPrintable(w.error));
    const QJsonObject summary = inspect();
    const qint64 expected = summary.value(QStringLiteral("products")).toInteger();
    QCOMPARE(expected, 300);
    QCOMPARE(w.pages, 2); // 250 a page
    QCOMPARE(w.records.items.size(), expected);
    QCOMPARE(w.rows, expected);
    const QHash<QString, Records::Item> got = byId(w.records.items);
    QCOMPARE(got.size(), expected);
    qint64 consigned = 0;
    int checkedShares = 0;
    int archived = 0;
    for (const QJsonObject &json : pageAll(QStringLiteral("/products"))) {
        const QString id = json.value(QStringLiteral("id")).toString();
        QVERIFY(got.contains(id));
        const Records::Item item = got.value(id);
        QCOMPARE(item.title, json.value(QStringLiteral("title")).toString());
        QCOMPARE(item.status, json.value(QStringLiteral("status")).toString().toLower());
        QCOMPARE(item.inactive, json.value(QStringLiteral("status")).toString() == QLatin1String("ARCHIVED"));
        archived += item.inactive ? 1 : 0;
        QCOMPARE(item.quantity.value_or(-1), json.value(QStringLiteral("totalInventory")).toInteger());
        QCOMPARE(item.consignorId, json.value(QStringLiteral("consignerId")).toString());
        QCOMPARE(item.currency, QStringLiteral("GBP"));
        if (item.consignorId.isEmpty()) {
            QVERIFY(!item.splitBp);
            continue;
        }
        ++consigned;
        QVERIFY2(item.splitBp.has_value(), qPrintable(id));
        if (!json.value(QStringLiteral("consignerShare")).isNull())
            QCOMPARE(qint64(*item.splitBp), pence(json.value(QStringLiteral("consignerShare"))));
        if (checkedShares < 15) {
            // The effective share, as the vendor computes it.
            ++checkedShares;
            const QJsonObject share = m_fixture->get(vendor, QStringLiteral("/product/%1/share").arg(id)).object();
            QCOMPARE(qint64(*item.splitBp), pence(share.value(QStringLiteral("share"))));
        }
    }
    QCOMPARE(consigned, summary.value(QStringLiteral("products_consigned")).toInteger());
    QVERIFY(checkedShares > 0);
    Q_UNUSED(archived);
}

void TestVendorConsignify::lineItems()
{
    const std::unique_ptr<Connector> c = connector();
    const Walk w = walk(*c, QStringLiteral("line_items"));
    QVERIFY2(w.ok, qPrintable(w.error));
    const QJsonObject summary = inspect();
    QCOMPARE(w.records.saleLines.size(), summary.value(QStringLiteral("line_items")).toInteger());
    const QHash<QString, Records::SaleLine> got = byId(w.records.saleLines);
    QCOMPARE(got.size(), w.records.saleLines.size());
    qint64 fulfilled = 0;
    for (const Records::SaleLine &line : w.records.saleLines)
        fulfilled += line.fulfilled ? 1 : 0;
    QCOMPARE(fulfilled, summary.value(QStringLiteral("line_items_fulfilled")).toInteger());

    // Several products' lines field by field, money exact.
    const QList<QJsonObject> products = pageAll(QStringLiteral("/products"));
    int checked = 0;
    int paid = 0;
    for (qsizetype p = 0; p < products.size() && checked < 60; p += 3) {
        const QJsonObject product = products.at(p);
        const QString productId = product.value(QStringLiteral("id")).toString();
        const QJsonObject page
            = m_fixture->get(vendor, QStringLiteral("/product/%1/items?limit=250").arg(productId)).object();
        for (const QJsonValue &value : page.value(QStringLiteral("data")).toArray()) {
            const QJsonObject json = value.toObject();
            const QString id = json.value(QStringLiteral("id")).toString();
            QVERIFY(got.contains(id));
            const Records::SaleLine line = got.value(id);
            QCOMPARE(line.saleId, json.value(QStringLiteral("orderId")).toString());
            QCOMPARE(line.productId, productId);
            QCOMPARE(line.title, product.value(QStringLiteral("title")).toString());
            QCOMPARE(line.sku, json.value(QStringLiteral("sku")).toString());
            QCOMPARE(line.consignorId, product.value(QStringLiteral("consignerId")).toString());
            QCOMPARE(line.quantity, json.value(QStringLiteral("currentQuantity")).toInteger());
            QCOMPARE(line.priceMinor, pence(json.value(QStringLiteral("unitPriceDiscounted"))) * line.quantity);
            QCOMPARE(line.currency, QStringLiteral("GBP"));
            QCOMPARE(line.fulfilled, json.value(QStringLiteral("isFulfilled")).toBool());
            const QDateTime fulfilledAt
                = QDateTime::fromString(json.value(QStringLiteral("fulfillmentCreatedAt")).toString(), Qt::ISODateWithMs);
            QCOMPARE(line.fulfilledAt, fulfilledAt);
            QCOMPARE(line.date, fulfilledAt);
            const QJsonObject payout = json.value(QStringLiteral("itemPayout")).toObject();
            QCOMPARE(line.payoutId, payout.value(QStringLiteral("payout")).toObject().value(QStringLiteral("id")).toString());
            if (!payout.isEmpty()) {
                ++paid;
                QCOMPARE(line.consignorAmountMinor.value_or(-1), pence(payout.value(QStringLiteral("amount"))));
            }
            ++checked;
        }
    }
    QVERIFY(checked > 10);
    QVERIFY(paid > 0);
}

void TestVendorConsignify::payouts()
{
    const std::unique_ptr<Connector> c = connector();
    const Walk w = walk(*c, QStringLiteral("payouts"));
    QVERIFY2(w.ok, qPrintable(w.error));
    const QJsonObject summary = inspect();
    QCOMPARE(w.records.payouts.size(), summary.value(QStringLiteral("payouts")).toInteger());
    QCOMPARE(w.records.payoutLines.size(), summary.value(QStringLiteral("payout_lines")).toInteger());
    qint64 sum = 0;
    for (const Records::Payout &payout : w.records.payouts)
        sum += payout.amountMinor;
    QCOMPARE(sum, summary.value(QStringLiteral("sum_payouts_minor")).toInteger());
    qint64 lineSum = 0;
    QHash<QString, qint64> perPayout;
    for (const Records::PayoutLine &line : w.records.payoutLines) {
        lineSum += line.amountMinor;
        perPayout[line.payoutId] += line.amountMinor;
    }
    QCOMPARE(lineSum, summary.value(QStringLiteral("sum_payout_lines_minor")).toInteger());
    for (const Records::Payout &payout : w.records.payouts)
        QCOMPARE(perPayout.value(payout.externalId) + payout.adjustmentMinor, payout.amountMinor);

    // A few payouts field by field.
    const QHash<QString, Records::Payout> got = byId(w.records.payouts);
    const QHash<QString, Records::PayoutLine> lines = byId(w.records.payoutLines);
    const QList<QJsonObject> listed = pageAll(QStringLiteral("/payouts"));
    QVERIFY(!listed.isEmpty());
    for (qsizetype i = 0; i < listed.size(); i += qMax<qsizetype>(1, listed.size() / 8)) {
        const QString id = listed.at(i).value(QStringLiteral("id")).toString();
        const QJsonObject detail = m_fixture->get(vendor, QStringLiteral("/payout/") + id).object();
        const Records::Payout payout = got.value(id);
        QCOMPARE(payout.consignorId, detail.value(QStringLiteral("consignerId")).toString());
        QCOMPARE(payout.amountMinor, pence(detail.value(QStringLiteral("amount"))));
        QCOMPARE(payout.adjustmentMinor, pence(detail.value(QStringLiteral("adjustment"))));
        QCOMPARE(payout.reference, detail.value(QStringLiteral("reference")).toString());
        QCOMPARE(payout.note, detail.value(QStringLiteral("note")).toString());
        QCOMPARE(payout.date, QDateTime::fromString(detail.value(QStringLiteral("paidAt")).toString(), Qt::ISODateWithMs));
        QCOMPARE(payout.currency, QStringLiteral("GBP"));
        for (const QJsonValue &value : detail.value(QStringLiteral("payoutLineItems")).toArray()) {
            const QJsonObject json = value.toObject();
            const Records::PayoutLine line = lines.value(json.value(QStringLiteral("id")).toString());
            QCOMPARE(line.payoutId, id);
            QCOMPARE(line.saleLineId, json.value(QStringLiteral("lineItemId")).toString());
            QCOMPARE(line.productId, json.value(QStringLiteral("productId")).toString());
            QCOMPARE(line.quantity, json.value(QStringLiteral("quantity")).toInteger());
            QCOMPARE(line.amountMinor, pence(json.value(QStringLiteral("amount"))));
            QCOMPARE(qint64(line.splitBp.value_or(-1)), pence(json.value(QStringLiteral("consignerSharePct"))));
        }
    }
}

void TestVendorConsignify::wrongTypeFaults()
{
    const std::unique_ptr<Connector> c = connector();
    auto fault = [this](const QString &endpoint, const QString &field) {
        QJsonObject spec{{QStringLiteral("vendor"), vendor}, {QStringLiteral("endpoint"), endpoint},
                         {QStringLiteral("kind"), QStringLiteral("wrong-type")}};
        if (!field.isEmpty())
            spec.insert(QStringLiteral("field"), field);
        QCOMPARE(m_fixture->control("POST", QStringLiteral("/faults"), spec).status, 201);
    };

    // The default field of the products list: title.
    fault(QStringLiteral("/products"), QString());
    Walk w = walk(*c, QStringLiteral("products"));
    QVERIFY(!w.ok);
    QVERIFY2(w.error.startsWith(QStringLiteral("GET /products: product ")), qPrintable(w.error));
    QVERIFY2(w.error.contains(QStringLiteral("field \"title\" is a number, expected a string")), qPrintable(w.error));
    QCOMPARE(w.records.items.size(), 0);

    // A line item's money, deep in the line_items walk.
    fault(QStringLiteral("/product/{id}/items"), QStringLiteral("unitPriceDiscounted"));
    w = walk(*c, QStringLiteral("line_items"));
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains(QStringLiteral("/items: line item ")), qPrintable(w.error));
    QVERIFY2(w.error.contains(QStringLiteral("field \"unitPriceDiscounted\" is a string, expected a number")), qPrintable(w.error));

    // A consignor's archived flag; a payout's amount in its detail.
    fault(QStringLiteral("/consignors"), QStringLiteral("archived"));
    w = walk(*c, QStringLiteral("consignors"));
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains(QStringLiteral("GET /consignors: consignor ")), qPrintable(w.error));
    QVERIFY2(w.error.contains(QStringLiteral("field \"archived\" is a string, expected a boolean")), qPrintable(w.error));
    fault(QStringLiteral("/payout/{id}"), QStringLiteral("amount"));
    w = walk(*c, QStringLiteral("payouts"));
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains(QStringLiteral("GET /payout/")), qPrintable(w.error));
    QVERIFY2(w.error.contains(QStringLiteral("field \"amount\" is a string, expected a number")), qPrintable(w.error));

    // Faults spent: the walks succeed again.
    w = walk(*c, QStringLiteral("payouts"));
    QVERIFY2(w.ok, qPrintable(w.error));
}

void TestVendorConsignify::badAnswers()
{
    using Sandbox::FaultKind;
    Sandbox::FaultSpec spec;
    spec.vendor = vendor;

    // Once (a 500, a 429, a body cut short or malformed): sent again, and the walk is whole.
    const Walk clean = walk(*connector(), QStringLiteral("payouts"));
    QVERIFY2(clean.ok, qPrintable(clean.error));
    QVERIFY(!clean.records.payouts.isEmpty());
    const QList<std::pair<FaultKind, int>> transient = {
        {FaultKind::Status, 500}, {FaultKind::Status, 429}, {FaultKind::MalformedJson, 0}, {FaultKind::DropMidBody, 0}};
    for (const auto &[kind, status] : transient) {
        const std::unique_ptr<Connector> c = connector();
        spec.endpoint = QStringLiteral("/payouts");
        spec.kind = kind;
        spec.status = status;
        spec.count = 1;
        m_fixture->sandbox().faults().add(spec);
        m_fixture->sandbox().server().resetStatistics();
        const Walk w = walk(*c, QStringLiteral("payouts"));
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(m_fixture->sandbox().faults().pending().isEmpty()); // the fault was met
        QCOMPARE(c->client().retriesUsed(), 1);
        if (status)
            QCOMPARE(requests(status), 1);
        QCOMPARE(w.records.payouts.size(), clean.records.payouts.size());
        QCOMPARE(w.pages, clean.pages);
    }

    // Every time: three sends, then the page fails naming the endpoint.
    const std::unique_ptr<Connector> c = connector();
    spec.endpoint = QStringLiteral("/payouts");
    spec.kind = FaultKind::MalformedJson;
    spec.count = -1;
    m_fixture->sandbox().faults().add(spec);
    m_fixture->sandbox().server().resetStatistics();
    Walk w = walk(*c, QStringLiteral("payouts"));
    QVERIFY(!w.ok);
    QCOMPARE(w.error, QStringLiteral("GET /payouts: the answer is not valid JSON (cut short?)"));
    QCOMPARE(requests(), 3);
    m_fixture->sandbox().faults().clear();

    spec.kind = FaultKind::Status;
    spec.status = 503;
    m_fixture->sandbox().faults().add(spec);
    m_fixture->sandbox().server().resetStatistics();
    w = walk(*c, QStringLiteral("payouts"));
    QVERIFY(!w.ok);
    QVERIFY2(w.error.startsWith(QStringLiteral("GET /payouts: HTTP 503: ")), qPrintable(w.error));
    QCOMPARE(requests(503), 3);
    QCOMPARE(requests(), 3);
    m_fixture->sandbox().faults().clear();

    // A 400 is not sent again: the same request would be refused again.
    spec.endpoint = QStringLiteral("/consignors");
    spec.status = 400;
    m_fixture->sandbox().faults().add(spec);
    m_fixture->sandbox().server().resetStatistics();
    const int retriesBefore = c->client().retriesUsed();
    w = walk(*c, QStringLiteral("consignors"));
    QVERIFY(!w.ok);
    QVERIFY2(w.error.startsWith(QStringLiteral("GET /consignors: HTTP 400: ")), qPrintable(w.error));
    QCOMPARE(requests(), 1);
    QCOMPARE(c->client().retriesUsed(), retriesBefore);
    m_fixture->sandbox().faults().clear();

    // A wrong key: the vendor's 401 message.
    Connection connection;
    connection.vendor = Vendor::Consignify;
    connection.baseUrl = QUrl(m_fixture->baseUrl(vendor));
    connection.currency = QStringLiteral("GBP");
    const std::unique_ptr<Connector> wrongKey
        = makeConsignifyConnector(connection, *m_client, [](auto give) { give(QStringLiteral("csfy_live_0000"), QString()); });
    wrongKey->setRetryPolicy(fastRetries());
    m_fixture->sandbox().server().resetStatistics();
    w = walk(*wrongKey, QStringLiteral("products"));
    QCOMPARE(requests(401), 1); // a refused key is not sent again
    QCOMPARE(requests(), 1);
    QVERIFY(!w.ok);
    QCOMPARE(w.error, QStringLiteral("GET /products: HTTP 401: Invalid API key"));
    QVERIFY(!w.error.contains(QStringLiteral("csfy_live_0000")));

    // The keychain failing.
    const std::unique_ptr<Connector> noKey
        = makeConsignifyConnector(connection, *m_client, [](auto give) { give(QString(), QStringLiteral("locked")); });
    noKey->setRetryPolicy(fastRetries());
    w = walk(*noKey, QStringLiteral("consignors"));
    QVERIFY(!w.ok);
    QVERIFY(w.error.contains(QStringLiteral("locked")));
}

void TestVendorConsignify::listingThatDoesNotAdvance()
{
    const std::unique_ptr<Connector> c = connector();
    Sandbox::FaultSpec spec;
    spec.vendor = vendor;
    spec.endpoint = QStringLiteral("/products");
    spec.kind = Sandbox::FaultKind::RepeatCursor;
    spec.count = -1;
    m_fixture->sandbox().faults().add(spec);
    Walk w = walk(*c, QStringLiteral("products"), 5);
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains(QStringLiteral("does not advance")), qPrintable(w.error));
    m_fixture->sandbox().faults().clear();

    spec.kind = Sandbox::FaultKind::EmptyPage;
    spec.count = 1;
    m_fixture->sandbox().faults().add(spec);
    w = walk(*c, QStringLiteral("products"), 5);
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains(QStringLiteral("does not advance")), qPrintable(w.error));
}

QTEST_GUILESS_MAIN(TestVendorConsignify)
#include "tst_vendor_consignify.moc"
