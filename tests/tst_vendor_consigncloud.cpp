// The ConsignCloud connector: its mappers on the doc's samples, the
// FIELD-NOTES variants, wrong types and money edge cases; and every resource
// walked over real HTTP against the in-process sandbox, compared with the
// sandbox's own data, with injected faults.
#include "net/httpclient.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxserver.h"
#include "sandboxfixture.h"
#include "testretry.h"
#include "vendors/consigncloud/consigncloudconnector.h"
#include "vendors/consigncloud/consigncloudmappers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

using namespace ConsignDesk;
using namespace ConsignDesk::Vendors::ConsignCloud;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString vendor = u"consigncloud"_s;

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

MapContext itemsContext(const QString &currency = u"USD"_s)
{
    return MapContext{u"GET /items"_s, currency};
}

QDateTime utc(int y, int m, int d, int h = 0, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
}

struct Walk {
    Records::RecordBatch records;
    QString error;
    int pages = 0;
    qint64 total = -1;
    bool ok = false;
};

} // namespace

class TestVendorConsignCloud : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_fixture;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_client;
    std::unique_ptr<Vendors::Connector> m_connector;

    SandboxFixture &fx() { return *m_fixture; }
    QJsonObject inspect() { return fx().sandbox().vendor(vendor)->inspect(); }
    /// Requests the sandbox answered since resetStatistics(): all, or those with @p status.
    int requests(int status = 0) { return fx().requests(vendor, status); }
    void addFault(QJsonObject fault)
    {
        fault.insert(u"vendor"_s, vendor);
        const HttpResponse added = fx().control("POST", u"/faults"_s, fault);
        QVERIFY2(added.status == 201, added.body.constData());
    }
    QJsonObject getObject(const QString &path)
    {
        const HttpResponse r = fx().get(vendor, path);
        if (r.status != 200)
            qWarning() << "GET" << path << r.status << r.body.left(200);
        return r.object();
    }

    Vendors::PageResult fetch(const QString &resource, const QString &cursor)
    {
        Vendors::PageRequest request;
        request.resource = resource;
        request.cursor = cursor;
        Vendors::PageResult result;
        bool done = false;
        m_connector->fetchPage(request, [&](const Vendors::PageResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            result.error = u"(no answer)"_s;
        return result;
    }

    /// Every page of @p resource, following nextCursor to the end.
    Walk walk(const QString &resource)
    {
        Walk w;
        QString cursor;
        QSet<QString> cursors;
        for (;;) {
            const Vendors::PageResult page = fetch(resource, cursor);
            ++w.pages;
            if (!page.ok) {
                w.error = page.error;
                return w;
            }
            if (!page.serverTime.isValid()) {
                w.error = u"no server time"_s;
                return w;
            }
            w.total = page.total;
            w.records.consignors += page.records.consignors;
            w.records.items += page.records.items;
            w.records.sales += page.records.sales;
            w.records.saleLines += page.records.saleLines;
            w.records.balanceEntries += page.records.balanceEntries;
            w.records.categories += page.records.categories;
            w.records.locations += page.records.locations;
            w.records.batches += page.records.batches;
            if (page.nextCursor.isEmpty())
                break;
            if (cursors.contains(page.nextCursor)) {
                w.error = u"cursor repeats"_s;
                return w;
            }
            cursors.insert(page.nextCursor);
            cursor = page.nextCursor;
        }
        w.ok = true;
        return w;
    }

    /// The count of a vendor list, from its envelope.
    qint64 listCount(const QString &pathAndQuery) { return getObject(pathAndQuery).value(u"count"_s).toInteger(-1); }

    QDateTime time(const QJsonValue &value)
    {
        return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODate).toUTC() : QDateTime();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxFixture::Options options;
        options.items = 1500;
        options.vendors = Sandbox::allVendors();
        m_fixture = std::make_unique<SandboxFixture>(options);
        m_client = std::make_unique<Net::HttpClient>(&m_network);
        Connection connection;
        connection.id = u"test-consigncloud"_s;
        connection.vendor = Vendor::ConsignCloud;
        connection.name = u"ConsignCloud test"_s;
        connection.baseUrl = QUrl(fx().baseUrl(vendor));
        connection.currency = u"USD"_s;
        const QString key = fx().apiKey(vendor);
        QVERIFY(!key.isEmpty());
        m_connector = Vendors::makeConsignCloudConnector(
            connection, *m_client, [key](std::function<void(const QString &, const QString &)> give) { give(key, {}); });
        QVERIFY(m_connector);
        m_connector->setRetryPolicy(fastRetries());
        // The sandbox runs without its rate limit here, and pacing 600 sale line
        // requests at ConsignCloud's 10 a second would take a minute; the
        // limiter has its own tests (tst_vendorclient, tst_net_retry).
        m_connector->client().setRateLimiter(nullptr);
    }

    void cleanup() { fx().control("DELETE", u"/faults"_s); }

    // ---- mappers -----------------------------------------------------------

    void itemFromDocSample()
    {
        const QJsonObject json = object(R"({"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "title": "Wool coat",)"
            R"( "description": "Navy, size M", "tag_price": 1000, "category": "0b6a2f9e-1f3e-4c1a-9a55-3d2b7c4c9e10",)"
            R"( "account": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "inventory_type": "consignment", "split": 0.5,)"
            R"( "quantity": 1, "status": "available", "location": "9b2d3c4e-5f60-4718-8293-a4b5c6d7e8f9",)"
            R"( "batch": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d", "created": "2025-01-01T00:00:00Z",)"
            R"( "sold": "2025-01-01T00:00:00Z", "custom_fields": [], "something_new": {"x": 1}})");
        Records::Item item;
        QString error;
        QVERIFY2(mapItem(json, itemsContext(), 0, item, &error), qPrintable(error));
        QCOMPARE(item.externalId, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s);
        QCOMPARE(item.title, u"Wool coat"_s);
        QCOMPARE(item.priceMinor, 1000);
        QCOMPARE(item.currency, u"USD"_s);
        QCOMPARE(item.splitBp, 5000);
        QCOMPARE(item.quantity, 1);
        QCOMPARE(item.status, u"available"_s);
        QCOMPARE(item.consignorId, u"3f2504e0-4f89-41d3-9a0c-0305e82c3301"_s);
        QCOMPARE(item.categoryId, u"0b6a2f9e-1f3e-4c1a-9a55-3d2b7c4c9e10"_s);
        QCOMPARE(item.locationId, u"9b2d3c4e-5f60-4718-8293-a4b5c6d7e8f9"_s);
        QCOMPARE(item.batchId, u"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"_s);
        QCOMPARE(item.inventoryType, u"consignment"_s);
        QCOMPARE(item.created, utc(2025, 1, 1));
        QCOMPARE(item.sold, utc(2025, 1, 1));
        QVERIFY(!item.deleted.isValid());
        QVERIFY(!item.expires.isValid());
    }

    void itemVariants()
    {
        // status as unit counts, quantity not included: the status of most units, units counted
        QJsonObject json = object(R"({"id": "a1", "title": "Plates", "tag_price": -250, "status": {"active": 1,)"
            R"( "damaged": 2}, "account": null, "split": null, "category": {"id": "c1", "name": "Kitchen"},)"
            R"( "location": {"id": "l1", "name": "Main"}, "created": "2025-03-04T05:06:07.250Z",)"
            R"( "deleted": "2025-04-01T10:00:00Z", "expires": "2025-06-02", "images": [{"url": "img/2.jpg",)"
            R"( "position": 2}, {"url": "img/1.jpg", "position": 1}]})");
        Records::Item item;
        QString error;
        QVERIFY2(mapItem(json, itemsContext(), 0, item, &error), qPrintable(error));
        QCOMPARE(item.status, u"damaged"_s);
        QCOMPARE(item.quantity, 3);
        QCOMPARE(item.priceMinor, -250);
        QVERIFY(item.consignorId.isEmpty());
        QVERIFY(!item.splitBp);
        QCOMPARE(item.categoryId, u"c1"_s);
        QCOMPARE(item.category, u"Kitchen"_s);
        QCOMPARE(item.locationId, u"l1"_s);
        QCOMPARE(item.created, QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7, 250), Qt::UTC));
        QCOMPARE(item.deleted, utc(2025, 4, 1, 10));
        QCOMPARE(item.expires, QDate(2025, 6, 2));
        QCOMPARE(item.images, (QStringList{u"img/1.jpg"_s, u"img/2.jpg"_s}));

        // a tie goes to the first status of the FIELD-NOTES list; an included quantity is kept
        json = object(R"({"id": "a2", "title": "Cups", "tag_price": 500, "status": {"to_be_returned": 1,)"
            R"( "active": 1}, "quantity": 2, "created": "2025-01-01T00:00:00+02:00"})");
        QVERIFY2(mapItem(json, itemsContext(), 0, item, &error), qPrintable(error));
        QCOMPARE(item.status, u"active"_s);
        QCOMPARE(item.quantity, 2);
        QCOMPARE(item.created, utc(2024, 12, 31, 22));

        // quantity null (not tracked) and negative (oversold)
        json = object(R"({"id": "a3", "title": "T", "tag_price": 0, "status": "sold_on_shopify", "quantity": null})");
        QVERIFY2(mapItem(json, itemsContext(), 0, item, &error), qPrintable(error));
        QVERIFY(!item.quantity);
        QCOMPARE(item.status, u"sold_on_shopify"_s);
        json = object(R"({"id": "a4", "title": "T", "tag_price": 0, "status": "active", "quantity": -2})");
        QVERIFY2(mapItem(json, itemsContext(), 0, item, &error), qPrintable(error));
        QCOMPARE(item.quantity, -2);
    }

    void wrongTypesNameEndpointRecordAndField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("price as string")
            << QByteArray(R"({"id": "6d1f", "title": "T", "tag_price": "12.30", "status": "active"})")
            << u"GET /items: item 6d1f: field \"tag_price\" is a string, expected a number"_s;
        QTest::newRow("price missing") << QByteArray(R"({"id": "6d1f", "title": "T", "status": "active"})")
                                       << u"GET /items: item 6d1f: field \"tag_price\" is missing"_s;
        QTest::newRow("price null") << QByteArray(R"({"id": "6d1f", "title": "T", "tag_price": null, "status": "active"})")
                                    << u"GET /items: item 6d1f: field \"tag_price\" is missing"_s;
        QTest::newRow("id missing") << QByteArray(R"({"title": "T", "tag_price": 1, "status": "active"})")
                                    << u"GET /items: item #1: field \"id\" is missing"_s;
        QTest::newRow("id a number") << QByteArray(R"({"id": 12, "title": "T", "tag_price": 1, "status": "active"})")
                                     << u"GET /items: item #1: field \"id\" is a number, expected a string"_s;
        QTest::newRow("status a number") << QByteArray(R"({"id": "x", "tag_price": 1, "status": 3})")
                                         << u"GET /items: item x: field \"status\" is a number, expected a string or an object"_s;
        QTest::newRow("status count a string") << QByteArray(R"({"id": "x", "tag_price": 1, "status": {"active": "2"}})")
                                               << u"GET /items: item x: field \"status.active\" is a string, expected a whole number"_s;
        QTest::newRow("quantity fractional") << QByteArray(R"({"id": "x", "tag_price": 1, "status": "active", "quantity": 1.5})")
                                             << u"GET /items: item x: field \"quantity\" is a number, expected a whole number"_s;
        QTest::newRow("split too big") << QByteArray(R"({"id": "x", "tag_price": 1, "status": "active", "split": 60})")
                                       << u"GET /items: item x: field \"split\": 60 is not a share from 0 to 1"_s;
        QTest::newRow("price a fraction of a cent")
            << QByteArray(R"({"id": "x", "tag_price": 1000.5, "status": "active"})")
            << u"GET /items: item x: field \"tag_price\": 1000.5 is not an exact amount in USD"_s;
        QTest::newRow("price above 2^53")
            << QByteArray(R"({"id": "x", "tag_price": 9007199254740994, "status": "active"})")
            << u"GET /items: item x: field \"tag_price\": 9007199254740994 is beyond the exact range of ±2^53"_s;
        QTest::newRow("created not a time")
            << QByteArray(R"({"id": "x", "tag_price": 1, "status": "active", "created": "yesterday"})")
            << u"GET /items: item x: field \"created\": \"yesterday\" is not an ISO 8601 date-time"_s;
        QTest::newRow("created a number")
            << QByteArray(R"({"id": "x", "tag_price": 1, "status": "active", "created": 1700000000})")
            << u"GET /items: item x: field \"created\" is a number, expected a string"_s;
        QTest::newRow("expires not a date")
            << QByteArray(R"({"id": "x", "tag_price": 1, "status": "active", "expires": "31/12/2025"})")
            << u"GET /items: item x: field \"expires\": \"31/12/2025\" is not an ISO 8601 date"_s;
        QTest::newRow("account an array")
            << QByteArray(R"({"id": "x", "tag_price": 1, "status": "active", "account": []})")
            << u"GET /items: item x: field \"account\" is an array, expected a string or an object"_s;
        QTest::newRow("expanded account without id")
            << QByteArray(R"({"id": "x", "tag_price": 1, "status": "active", "account": {"first_name": "A"}})")
            << u"GET /items: item x: field \"account.id\" is missing"_s;
    }

    void wrongTypesNameEndpointRecordAndField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        Records::Item item;
        QString message;
        QVERIFY(!mapItem(QJsonDocument::fromJson(json).object(), itemsContext(), 0, item, &message));
        QCOMPARE(message, error);
    }

    void recordNotAnObject()
    {
        Records::Sale sale;
        QString error;
        QVERIFY(!mapSale(QJsonValue(5), MapContext{u"GET /sales"_s, u"USD"_s}, 2, sale, &error));
        QCOMPARE(error, u"GET /sales: sale #3: field \"data\" is a number, expected an object"_s);
    }

    void moneyEdgeCases()
    {
        QString problem;
        QCOMPARE(moneyToMinor(1230, u"USD"_s, &problem), 1230);
        QCOMPARE(moneyToMinor(-29, u"USD"_s, &problem), -29);
        QCOMPARE(moneyToMinor(0, u"USD"_s, &problem), 0);
        QVERIFY(!moneyToMinor(0.1, u"USD"_s, &problem));
        QCOMPARE(problem, u"0.1 is not an exact amount in USD"_s);
        QVERIFY(!moneyToMinor(12.3, u"USD"_s, &problem));
        // always times 100 (FIELD-NOTES): 500 yen arrive as 50000; 1.50 yen cannot be
        QCOMPARE(moneyToMinor(50000, u"JPY"_s, &problem), 500);
        QVERIFY(!moneyToMinor(150, u"JPY"_s, &problem));
        QCOMPARE(problem, u"150 is not an exact amount in JPY"_s);
        // three-digit currencies: a tenth of a cent is a fils
        QCOMPARE(moneyToMinor(1234.5, u"KWD"_s, &problem), 12345);
        QVERIFY(!moneyToMinor(1234.56, u"KWD"_s, &problem));
        // the edge of exact doubles
        QCOMPARE(moneyToMinor(9007199254740992.0, u"USD"_s, &problem), Q_INT64_C(9007199254740992));
        QCOMPARE(moneyToMinor(-9007199254740992.0, u"USD"_s, &problem), -Q_INT64_C(9007199254740992));
        QVERIFY(!moneyToMinor(9007199254740994.0, u"USD"_s, &problem));
        QVERIFY(problem.contains(u"2^53"_s));
        QVERIFY(!moneyToMinor(1e300, u"USD"_s, &problem));
        QVERIFY(!moneyToMinor(std::numeric_limits<double>::infinity(), u"USD"_s, &problem));
        QVERIFY(!moneyToMinor(std::nan(""), u"USD"_s, &problem));
        // 1e400: refused, whether the JSON parser already refuses it or hands on an infinity
        Envelope envelope;
        QString error;
        if (parseEnvelope(R"({"count": 1, "data": [{"id": "x", "tag_price": 1e400, "status": "active"}]})",
                          u"GET /items"_s, envelope, &error)) {
            Records::Item item;
            QVERIFY(!mapItem(envelope.data.at(0), itemsContext(), 0, item, &error));
            QVERIFY2(error.startsWith(u"GET /items: item x: field \"tag_price\""_s), qPrintable(error));
        }

        // fixed point: decimals refused or rounded
        QCOMPARE(fixedPoint(0.29, 2, false, &problem), 29);
        QCOMPARE(fixedPoint(12.30, 2, false, &problem), 1230);
        QCOMPARE(fixedPoint(-0.05, 2, false, &problem), -5);
        QCOMPARE(fixedPoint(1e3, 2, false, &problem), 100000);
        QVERIFY(!fixedPoint(0.001, 2, false, &problem));
        QCOMPARE(fixedPoint(0.00005, 4, true, &problem), 1);
        QCOMPARE(fixedPoint(0.00004, 4, true, &problem), 0);
        QCOMPARE(fixedPoint(-0.33335, 4, true, &problem), -3334);
    }

    void shares()
    {
        QString problem;
        QCOMPARE(fractionToBasisPoints(0.6, &problem), 6000);
        QCOMPARE(fractionToBasisPoints(0.5, &problem), 5000);
        QCOMPARE(fractionToBasisPoints(0, &problem), 0);
        QCOMPARE(fractionToBasisPoints(1, &problem), 10000);
        QCOMPARE(fractionToBasisPoints(0.3333333, &problem), 3333);
        QCOMPARE(fractionToBasisPoints(0.65, &problem), 6500);
        QVERIFY(!fractionToBasisPoints(1.2, &problem));
        QVERIFY(!fractionToBasisPoints(-0.1, &problem));
        QCOMPARE(problem, u"-0.1 is not a share from 0 to 1"_s);
    }

    void accountSaleAndOthers()
    {
        const MapContext accounts{u"GET /accounts"_s, u"USD"_s};
        Records::Consignor consignor;
        QString error;
        QVERIFY2(mapAccount(object(R"({"id": "acc1", "number": "000001", "first_name": "Ada", "last_name": "Lovelace",)"
            R"( "company": null, "email": "ada@example.com", "phone_number": "555-0100", "balance": 1000,)"
            R"( "default_split": 0.6, "default_inventory_type": "consignment", "is_vendor": true,)"
            R"( "created": "2025-01-01T00:00:00Z", "updated": "2025-02-01T00:00:00Z", "deleted": null})"),
                            accounts, 0, consignor, &error),
                 qPrintable(error));
        QCOMPARE(consignor.number, u"000001"_s);
        QCOMPARE(consignor.name, u"Ada Lovelace"_s);
        QCOMPARE(consignor.balanceMinor, 1000);
        QCOMPARE(consignor.splitBp, 6000);
        QCOMPARE(consignor.email, u"ada@example.com"_s);
        QCOMPARE(consignor.phone, u"555-0100"_s);
        QCOMPARE(consignor.updated, utc(2025, 2, 1));
        QVERIFY(!consignor.deleted.isValid());
        QVERIFY2(mapAccount(object(R"({"id": "acc2", "number": 7, "first_name": "", "last_name": null,)"
            R"( "company": "Thrift Co", "balance": 0, "default_split": 0.5, "deleted": "2025-05-05T05:05:05Z"})"),
                            accounts, 0, consignor, &error),
                 qPrintable(error));
        QCOMPARE(consignor.name, u"Thrift Co"_s);
        QCOMPARE(consignor.number, u"7"_s);
        QCOMPARE(consignor.deleted, utc(2025, 5, 5, 5, 5, 5));
        QVERIFY(!mapAccount(object(R"({"id": "acc3", "balance": "10.00"})"), accounts, 0, consignor, &error));
        QCOMPARE(error, u"GET /accounts: account acc3: field \"balance\" is a string, expected a number"_s);

        Records::Sale sale;
        const MapContext sales{u"GET /sales"_s, u"USD"_s};
        QVERIFY2(mapSale(object(R"({"id": "s1", "created": "2025-01-01T00:00:00Z", "total": 1000, "subtotal": 900,)"
            R"( "tax": 100, "customer": "acc1", "location": "l1", "items": [], "payments": [], "status": "completed"})"),
                         sales, 0, sale, &error),
                 qPrintable(error));
        QCOMPARE(sale.totalMinor, 1000);
        QCOMPARE(sale.subtotalMinor, 900);
        QCOMPARE(sale.taxMinor, 100);
        QCOMPARE(sale.customerId, u"acc1"_s);
        QCOMPARE(sale.status, u"completed"_s);
        QCOMPARE(sale.date, utc(2025, 1, 1));
        QVERIFY(sale.paymentType.isEmpty());
        QVERIFY2(mapSale(object(R"({"id": "s2", "number": 12, "total": 2163, "subtotal": 2000, "tax": 163,)"
            R"( "customer": {"id": "acc9", "first_name": "B"}, "payments": [{"type": "cash", "amount": 4000}],)"
            R"( "status": "finalized"})"),
                         sales, 0, sale, &error),
                 qPrintable(error));
        QCOMPARE(sale.paymentType, u"cash"_s);
        QCOMPARE(sale.customerId, u"acc9"_s);
        QCOMPARE(sale.number, u"12"_s);
        QVERIFY(!mapSale(object(R"({"id": "s3", "total": 1, "subtotal": 1, "payments": [{"type": 5}]})"), sales, 0,
                         sale, &error));
        QCOMPARE(error, u"GET /sales: sale s3: field \"payments.type\" is a number, expected a string"_s);

        Records::SaleLine line;
        const MapContext lines{u"GET /sales/s2/line-items"_s, u"USD"_s};
        QVERIFY2(mapLineItem(object(R"({"id": "li1", "sale": "s2", "item": "i1", "title": "Coat", "account": "acc1",)"
            R"( "inventory_type": "consignment", "price": 2000, "split": 0.6, "consignor_amount": 1200,)"
            R"( "status": "finalized", "created": "2025-01-01T00:00:00Z", "updated": "2025-01-02T00:00:00Z"})"),
                             lines, 0, u"s2"_s, line, &error),
                 qPrintable(error));
        QCOMPARE(line.priceMinor, 2000);
        QCOMPARE(line.splitBp, 6000);
        QCOMPARE(line.consignorAmountMinor, 1200);
        QCOMPARE(line.consignorId, u"acc1"_s);
        QCOMPARE(line.itemId, u"i1"_s);
        QCOMPARE(line.quantity, 1);
        QCOMPARE(line.status, u"finalized"_s);

        Records::BalanceEntry entry;
        QVERIFY2(mapBalanceEntry(object(R"({"id": "b1", "account": "acc1", "type": "payout", "amount": -5000,)"
            R"( "balance": 1000, "created": "2025-01-03T00:00:00Z", "sale": null, "item_sale": null,)"
            R"( "payout": {"id": "p1", "amount": 5000, "reference": "CHK-1"}, "description": "Payout"})"),
                                 MapContext{u"GET /balance-entries"_s, u"USD"_s}, 0, entry, &error),
                 qPrintable(error));
        QCOMPARE(entry.amountMinor, -5000);
        QCOMPARE(entry.balanceMinor, 1000);
        QCOMPARE(entry.payoutReference, u"CHK-1"_s);
        QCOMPARE(entry.type, u"payout"_s);

        Records::Batch batch;
        QVERIFY2(mapBatch(object(R"({"id": "bt1", "number": 3, "account": null, "description": "Store stock intake",)"
            R"( "status": "submitted", "location": "l1", "item_count": 12, "created": "2025-01-01T00:00:00Z"})"),
                          MapContext{u"GET /batches"_s, u"USD"_s}, 0, batch, &error),
                 qPrintable(error));
        QCOMPARE(batch.number, u"3"_s);
        QCOMPARE(batch.itemCount, 12);
        Records::Category category;
        QVERIFY2(mapCategory(object(R"({"id": "c2", "name": "Coats", "parent": "c1", "default_expiration_days": 90,)"
            R"( "deleted": "2025-01-01T00:00:00Z"})"),
                             MapContext{u"GET /item-categories"_s, u"USD"_s}, 0, category, &error),
                 qPrintable(error));
        QCOMPARE(category.parentId, u"c1"_s);
        QCOMPARE(category.deleted, utc(2025, 1, 1));
        Records::Location location;
        QVERIFY(!mapLocation(object(R"({"id": "l1", "name": 5})"), MapContext{u"GET /locations"_s, u"USD"_s}, 0,
                             location, &error));
        QCOMPARE(error, u"GET /locations: location l1: field \"name\" is a number, expected a string"_s);
    }

    void envelopes()
    {
        Envelope envelope;
        QString error;
        bool notJson = false;
        QVERIFY(parseEnvelope(R"({"count": 3, "data": [{}, {}], "next_cursor": "YWJj"})", u"GET /items"_s, envelope,
                              &error, &notJson));
        QCOMPARE(envelope.count, 3);
        QCOMPARE(envelope.data.size(), 2);
        QCOMPARE(envelope.nextCursor, u"YWJj"_s);
        QVERIFY(parseEnvelope(R"({"count": 3, "data": [], "next_cursor": null})", u"GET /items"_s, envelope, &error));
        QVERIFY(envelope.nextCursor.isEmpty());
        QVERIFY(!parseEnvelope(R"({"count": 3, "data": [{"id": "a"}, {"i)", u"GET /items"_s, envelope, &error, &notJson));
        QVERIFY(notJson);
        QCOMPARE(error, u"GET /items: the answer is not valid JSON (cut short?)"_s);
        QVERIFY(!parseEnvelope(R"({"count": 3})", u"GET /items"_s, envelope, &error, &notJson));
        QVERIFY(!notJson);
        QCOMPARE(error, u"GET /items: field \"data\" is missing"_s);
        QVERIFY(!parseEnvelope(R"({"data": [], "next_cursor": 5})", u"GET /items"_s, envelope, &error));
        QCOMPARE(error, u"GET /items: field \"next_cursor\" is a number, expected a string"_s);
        QCOMPARE(vendorMessage(R"({"error": "invalid_api_key", "message": "unknown API key"})"),
                 u"unknown API key (invalid_api_key)"_s);
    }

    // ---- over HTTP against the sandbox -----------------------------------

    void resourcesDeclared()
    {
        const QList<Vendors::ResourceSpec> specs = m_connector->resources();
        QStringList names;
        for (const Vendors::ResourceSpec &spec : specs) {
            names.append(spec.name);
            QCOMPARE(spec.tables, QStringList{spec.name});
            QVERIFY(!spec.changeFilter);
            QVERIFY(spec.vanishOnComplete);
            QVERIFY(spec.resumable);
        }
        names.sort();
        QCOMPARE(names, (QStringList{u"balance_entries"_s, u"batches"_s, u"categories"_s, u"consignors"_s, u"items"_s,
                                     u"locations"_s, u"sale_lines"_s, u"sales"_s}));
        QVERIFY(!fetch(u"nonsense"_s, {}).ok);
    }

    void consignors()
    {
        const Walk w = walk(u"consignors"_s);
        QVERIFY2(w.ok, qPrintable(w.error));
        const QJsonObject sandbox = inspect();
        const qint64 all = sandbox.value(u"accounts"_s).toInteger() + sandbox.value(u"deleted_accounts"_s).toInteger();
        QCOMPARE(qint64(w.records.consignors.size()), all);
        QCOMPARE(w.total, all);
        qint64 deleted = 0, balances = 0;
        QSet<QString> ids;
        for (const Records::Consignor &c : w.records.consignors) {
            ids.insert(c.externalId);
            deleted += c.deleted.isValid() ? 1 : 0;
            balances += c.balanceMinor.value_or(0);
            QCOMPARE(c.currency, u"USD"_s);
        }
        QCOMPARE(qint64(ids.size()), all);
        QCOMPARE(deleted, sandbox.value(u"deleted_accounts"_s).toInteger());
        QCOMPARE(balances, sandbox.value(u"sum_balances"_s).toInteger());
        for (int n = 0; n < w.records.consignors.size(); n += std::max<int>(1, w.records.consignors.size() / 7)) {
            const Records::Consignor &c = w.records.consignors.at(n);
            const QJsonObject json = getObject(u"/accounts/"_s + c.externalId);
            QCOMPARE(c.number, json.value(u"number"_s).toString());
            QCOMPARE(c.firstName, json.value(u"first_name"_s).toString());
            QCOMPARE(c.lastName, json.value(u"last_name"_s).toString());
            QCOMPARE(c.email, json.value(u"email"_s).toString());
            QCOMPARE(*c.balanceMinor, json.value(u"balance"_s).toInteger());
            QCOMPARE(*c.splitBp, qRound(json.value(u"default_split"_s).toDouble() * 10000));
            QCOMPARE(c.created, time(json.value(u"created"_s)));
            QCOMPARE(c.deleted, time(json.value(u"deleted"_s)));
        }
    }

    void items()
    {
        const Walk w = walk(u"items"_s);
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(w.pages > 1);
        const QJsonObject sandbox = inspect();
        const qint64 live = sandbox.value(u"items"_s).toInteger();
        const qint64 gone = sandbox.value(u"deleted_items"_s).toInteger();
        QVERIFY(gone > 0);
        QCOMPARE(qint64(w.records.items.size()), live + gone);
        qint64 deleted = 0, sum = 0, multiUnit = 0, untracked = 0;
        QSet<QString> ids;
        const Records::Item *unitItem = nullptr;
        for (const Records::Item &item : w.records.items) {
            ids.insert(item.externalId);
            if (item.deleted.isValid()) {
                ++deleted;
                continue;
            }
            sum += item.priceMinor;
            untracked += item.quantity ? 0 : 1;
            if (item.quantity && *item.quantity > 1) {
                ++multiUnit;
                unitItem = &item;
            }
        }
        QCOMPARE(qint64(ids.size()), live + gone);
        QCOMPARE(deleted, gone);
        QCOMPARE(sum, sandbox.value(u"sum_tag_price"_s).toInteger());
        QVERIFY(multiUnit > 0);
        QVERIFY(untracked > 0);

        QList<const Records::Item *> sample;
        for (int n = 0; n < w.records.items.size(); n += 97)
            sample.append(&w.records.items.at(n));
        sample.append(unitItem);
        for (const Records::Item &item : w.records.items) {
            if (item.deleted.isValid()) {
                sample.append(&item);
                break;
            }
        }
        for (const Records::Item *item : std::as_const(sample)) {
            const QJsonObject json = getObject(u"/items/"_s + item->externalId + u"?include=quantity&include=images"_s);
            QCOMPARE(item->title, json.value(u"title"_s).toString());
            QCOMPARE(item->sku, json.value(u"sku"_s).toString());
            QCOMPARE(item->priceMinor, json.value(u"tag_price"_s).toInteger());
            QCOMPARE(item->consignorId, json.value(u"account"_s).toString());
            QCOMPARE(item->categoryId, json.value(u"category"_s).toString());
            QCOMPARE(item->locationId, json.value(u"location"_s).toString());
            QCOMPARE(item->batchId, json.value(u"batch"_s).toString());
            QCOMPARE(item->inventoryType, json.value(u"inventory_type"_s).toString());
            const QJsonValue split = json.value(u"split"_s);
            QCOMPARE(item->splitBp.has_value(), split.isDouble());
            if (split.isDouble())
                QCOMPARE(*item->splitBp, qRound(split.toDouble() * 10000));
            const QJsonValue quantity = json.value(u"quantity"_s);
            QCOMPARE(item->quantity.has_value(), !quantity.isNull());
            if (!quantity.isNull())
                QCOMPARE(*item->quantity, quantity.toInteger());
            const QJsonValue status = json.value(u"status"_s);
            if (status.isString()) {
                QCOMPARE(item->status, status.toString());
            } else {
                qint64 most = 0;
                const QJsonObject counts = status.toObject();
                for (auto it = counts.begin(); it != counts.end(); ++it)
                    most = std::max(most, it.value().toInteger());
                QCOMPARE(counts.value(item->status).toInteger(), most);
            }
            QCOMPARE(item->images.size(), json.value(u"images"_s).toArray().size());
            QCOMPARE(item->created, time(json.value(u"created"_s)));
            QCOMPARE(item->updated, time(json.value(u"updated"_s)));
            QCOMPARE(item->sold, time(json.value(u"sold"_s)));
            QCOMPARE(item->deleted, time(json.value(u"deleted"_s)));
            QCOMPARE(item->expires, QDate::fromString(json.value(u"expires"_s).toString(), Qt::ISODate));
        }
    }

    void sales()
    {
        const Walk w = walk(u"sales"_s);
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(qint64(w.records.sales.size()), inspect().value(u"sales"_s).toInteger());
        qint64 finalized = 0;
        for (const Records::Sale &sale : w.records.sales) {
            if (sale.status == u"finalized"_s)
                finalized += sale.totalMinor;
            QCOMPARE(sale.totalMinor, sale.subtotalMinor + sale.taxMinor);
            QVERIFY(!sale.paymentType.isEmpty());
        }
        QCOMPARE(finalized, inspect().value(u"sum_finalized_sales_total"_s).toInteger());
        for (int n = 0; n < w.records.sales.size(); n += std::max<int>(1, w.records.sales.size() / 6)) {
            const Records::Sale &sale = w.records.sales.at(n);
            const QJsonObject json = getObject(u"/sales/"_s + sale.externalId);
            QCOMPARE(sale.number, QString::number(json.value(u"number"_s).toInteger()));
            QCOMPARE(sale.totalMinor, json.value(u"total"_s).toInteger());
            QCOMPARE(sale.subtotalMinor, json.value(u"subtotal"_s).toInteger());
            QCOMPARE(sale.taxMinor, json.value(u"tax"_s).toInteger());
            QCOMPARE(sale.status, json.value(u"status"_s).toString());
            QCOMPARE(sale.customerId, json.value(u"customer"_s).toString());
            QCOMPARE(sale.locationId, json.value(u"location"_s).toString());
            QCOMPARE(sale.paymentType,
                     json.value(u"payments"_s).toArray().at(0).toObject().value(u"type"_s).toString());
            QCOMPARE(sale.date, time(json.value(u"created"_s)));
        }
    }

    void saleLines()
    {
        const Walk w = walk(u"sale_lines"_s);
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(qint64(w.records.saleLines.size()), inspect().value(u"sale_lines"_s).toInteger());
        QCOMPARE(w.total, inspect().value(u"sales"_s).toInteger());
        QSet<QString> ids, sales;
        for (const Records::SaleLine &line : w.records.saleLines) {
            ids.insert(line.externalId);
            sales.insert(line.saleId);
        }
        QCOMPARE(ids.size(), w.records.saleLines.size());
        for (const QString &saleId : {*sales.begin(), w.records.saleLines.last().saleId}) {
            const QJsonArray lines = getObject(u"/sales/"_s + saleId + u"/line-items"_s).value(u"data"_s).toArray();
            QVERIFY(!lines.isEmpty());
            for (const QJsonValue &value : lines) {
                const QJsonObject json = value.toObject();
                const auto it = std::find_if(w.records.saleLines.begin(), w.records.saleLines.end(),
                                             [&](const Records::SaleLine &l) {
                                                 return l.externalId == json.value(u"id"_s).toString();
                                             });
                QVERIFY(it != w.records.saleLines.end());
                QCOMPARE(it->saleId, saleId);
                QCOMPARE(it->itemId, json.value(u"item"_s).toString());
                QCOMPARE(it->consignorId, json.value(u"account"_s).toString());
                QCOMPARE(it->priceMinor, json.value(u"price"_s).toInteger());
                QCOMPARE(it->consignorAmountMinor.value_or(-1), json.value(u"consignor_amount"_s).toInteger());
                QCOMPARE(it->status, json.value(u"status"_s).toString());
                const QJsonValue split = json.value(u"split"_s);
                QCOMPARE(it->splitBp.has_value(), split.isDouble());
                if (split.isDouble())
                    QCOMPARE(*it->splitBp, qRound(split.toDouble() * 10000));
            }
        }
    }

    void balanceEntries()
    {
        const Walk w = walk(u"balance_entries"_s);
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(qint64(w.records.balanceEntries.size()), inspect().value(u"balance_entries"_s).toInteger());
        qint64 sum = 0;
        int payouts = 0;
        for (const Records::BalanceEntry &entry : w.records.balanceEntries) {
            sum += entry.amountMinor;
            payouts += entry.type == u"payout"_s ? 1 : 0;
        }
        QCOMPARE(sum, inspect().value(u"sum_balances"_s).toInteger());
        QCOMPARE(qint64(payouts), inspect().value(u"payouts"_s).toInteger());
        const Records::BalanceEntry &first = w.records.balanceEntries.first();
        const QJsonObject json = getObject(u"/balance-entries/"_s + first.externalId);
        QCOMPARE(first.amountMinor, json.value(u"amount"_s).toInteger());
        QCOMPARE(first.balanceMinor, json.value(u"balance"_s).toInteger());
        QCOMPARE(first.consignorId, json.value(u"account"_s).toString());
    }

    void smallTables()
    {
        Walk w = walk(u"batches"_s);
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(qint64(w.records.batches.size()), inspect().value(u"batches"_s).toInteger());
        const Records::Batch &batch = w.records.batches.first();
        const QJsonObject json = getObject(u"/batches/"_s + batch.externalId);
        QCOMPARE(batch.itemCount, json.value(u"item_count"_s).toInteger());
        QCOMPARE(batch.consignorId, json.value(u"account"_s).toString());
        QCOMPARE(batch.status, json.value(u"status"_s).toString());

        w = walk(u"categories"_s);
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(qint64(w.records.categories.size()), listCount(u"/item-categories?include_deleted=true"_s));
        QVERIFY(w.records.categories.size() >= inspect().value(u"categories"_s).toInteger());
        const QJsonObject category = getObject(u"/item-categories/"_s + w.records.categories.last().externalId);
        QCOMPARE(w.records.categories.last().name, category.value(u"name"_s).toString());

        w = walk(u"locations"_s);
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(qint64(w.records.locations.size()), listCount(u"/locations?include_deleted=true"_s));
        const QJsonObject location = getObject(u"/locations/"_s + w.records.locations.first().externalId);
        QCOMPARE(w.records.locations.first().name, location.value(u"name"_s).toString());
        QCOMPARE(w.records.locations.first().address, location.value(u"address"_s).toString());
    }

    void softDeletedCategoryCarriesDeleted()
    {
        const Walk before = walk(u"categories"_s);
        QVERIFY2(before.ok, qPrintable(before.error));
        QString victim;
        for (const Records::Category &c : before.records.categories) {
            if (!c.deleted.isValid()) {
                victim = c.externalId;
                break;
            }
        }
        QVERIFY(!victim.isEmpty());
        QCOMPARE(fx().call(vendor, "DELETE", u"/item-categories/"_s + victim).status, 204);
        const Walk after = walk(u"categories"_s);
        QVERIFY2(after.ok, qPrintable(after.error));
        QCOMPARE(after.records.categories.size(), before.records.categories.size());
        for (const Records::Category &c : after.records.categories) {
            if (c.externalId == victim)
                QVERIFY(c.deleted.isValid());
        }
        QCOMPARE(fx().call(vendor, "POST", u"/item-categories/"_s + victim + u"/restore"_s).status, 200);
    }

    void wrongTypeFaultFailsThePage()
    {
        QCOMPARE(fx().control("POST", u"/faults"_s,
                              {{u"vendor"_s, vendor}, {u"endpoint"_s, u"/items"_s}, {u"kind"_s, u"wrong-type"_s}})
                     .status,
                 201);
        Vendors::PageResult page = fetch(u"items"_s, {});
        QVERIFY(!page.ok);
        QVERIFY(page.records.isEmpty());
        QVERIFY2(page.error.startsWith(u"GET /items: item "_s), qPrintable(page.error));
        QVERIFY2(page.error.contains(u"field \"tag_price\" is a string, expected a number"_s), qPrintable(page.error));

        QCOMPARE(fx().control("POST", u"/faults"_s,
                              {{u"vendor"_s, vendor}, {u"endpoint"_s, u"/sales/{id}/line-items"_s},
                               {u"kind"_s, u"wrong-type"_s}, {u"field"_s, u"price"_s}, {u"after"_s, 3}})
                     .status,
                 201);
        page = fetch(u"sale_lines"_s, {});
        QVERIFY(!page.ok);
        QVERIFY(page.records.isEmpty());
        QVERIFY2(page.error.contains(u"/line-items: line item "_s), qPrintable(page.error));
        QVERIFY2(page.error.contains(u"field \"price\" is a string, expected a number"_s), qPrintable(page.error));

        QCOMPARE(fx().control("POST", u"/faults"_s,
                              {{u"vendor"_s, vendor}, {u"endpoint"_s, u"/accounts"_s}, {u"kind"_s, u"wrong-type"_s},
                               {u"field"_s, u"default_split"_s}})
                     .status,
                 201);
        page = fetch(u"consignors"_s, {});
        QVERIFY(!page.ok);
        QVERIFY2(page.error.contains(u"GET /accounts: account "_s), qPrintable(page.error));
        QVERIFY2(page.error.contains(u"\"default_split\""_s), qPrintable(page.error));
    }

    void transientFaultsAreRetried_data()
    {
        QTest::addColumn<QJsonObject>("fault");
        QTest::newRow("500") << QJsonObject{{u"kind"_s, 500}};
        QTest::newRow("502") << QJsonObject{{u"kind"_s, 502}};
        QTest::newRow("503") << QJsonObject{{u"kind"_s, 503}};
        QTest::newRow("408") << QJsonObject{{u"kind"_s, 408}};
        QTest::newRow("429") << QJsonObject{{u"kind"_s, 429}};
        QTest::newRow("429 asking for an hour") << QJsonObject{{u"kind"_s, 429}, {u"retry-after"_s, u"3600"_s}};
        QTest::newRow("malformed") << QJsonObject{{u"kind"_s, u"malformed-json"_s}};
        QTest::newRow("cut short") << QJsonObject{{u"kind"_s, u"drop-mid-body"_s}};
    }

    void transientFaultsAreRetried()
    {
        // Once: sent again, and the page is the one without the fault.
        QFETCH(QJsonObject, fault);
        const Vendors::PageResult expected = fetch(u"sales"_s, {});
        QVERIFY2(expected.ok, qPrintable(expected.error));
        QVERIFY(!expected.nextCursor.isEmpty());
        fault.insert(u"endpoint"_s, u"/sales"_s);
        addFault(fault);
        fx().sandbox().server().resetStatistics();
        const int retriesBefore = m_connector->client().retriesUsed();
        QElapsedTimer clock;
        clock.start();
        const Vendors::PageResult page = fetch(u"sales"_s, {});
        QVERIFY2(page.ok, qPrintable(page.error));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed()))); // Retry-After is capped
        QCOMPARE(m_connector->client().retriesUsed() - retriesBefore, 1);
        QCOMPARE(requests(), 2);
        if (fault.value(u"kind"_s).isDouble())
            QCOMPARE(requests(fault.value(u"kind"_s).toInt()), 1);
        QCOMPARE(page.nextCursor, expected.nextCursor);
        QCOMPARE(page.total, expected.total);
        QCOMPARE(page.rows, expected.rows);
        QCOMPARE(page.records.sales.size(), expected.records.sales.size());
        QCOMPARE(page.records.sales.first().externalId, expected.records.sales.first().externalId);
        QCOMPARE(page.records.sales.last().externalId, expected.records.sales.last().externalId);
    }

    void transientFaultInSaleLinesIsRetried()
    {
        // One sale's lines answered 503 once, mid-page: the page still has every line.
        const Vendors::PageResult expected = fetch(u"sale_lines"_s, {});
        QVERIFY2(expected.ok, qPrintable(expected.error));
        addFault({{u"endpoint"_s, u"/sales/{id}/line-items"_s}, {u"kind"_s, 503}, {u"after"_s, 3}});
        fx().sandbox().server().resetStatistics();
        const Vendors::PageResult page = fetch(u"sale_lines"_s, {});
        QVERIFY2(page.ok, qPrintable(page.error));
        QCOMPARE(requests(503), 1);
        QCOMPARE(page.records.saleLines.size(), expected.records.saleLines.size());
        QCOMPARE(page.nextCursor, expected.nextCursor);
    }

    void clientErrorsFailAtOnce_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("400") << 400;
        QTest::newRow("403") << 403;
        QTest::newRow("404") << 404;
        QTest::newRow("422") << 422;
    }

    void clientErrorsFailAtOnce()
    {
        // Not sent again: the same request would be refused again.
        QFETCH(int, status);
        addFault({{u"endpoint"_s, u"/locations"_s}, {u"kind"_s, status}});
        fx().sandbox().server().resetStatistics();
        const int retriesBefore = m_connector->client().retriesUsed();
        const Vendors::PageResult page = fetch(u"locations"_s, {});
        QVERIFY(!page.ok);
        QVERIFY2(page.error.startsWith(u"GET /locations: HTTP %1: "_s.arg(status)), qPrintable(page.error));
        QCOMPARE(requests(), 1);
        QCOMPARE(m_connector->client().retriesUsed(), retriesBefore);
    }

    void errorAnswers()
    {
        // Faults every time: three sends, then the page fails naming the endpoint.
        fx().sandbox().server().resetStatistics();
        QCOMPARE(fx().control("POST", u"/faults"_s,
                              {{u"vendor"_s, vendor}, {u"endpoint"_s, u"/sales"_s}, {u"kind"_s, 500}, {u"count"_s, -1}})
                     .status,
                 201);
        Vendors::PageResult page = fetch(u"sales"_s, {});
        QVERIFY(!page.ok);
        QVERIFY2(page.error.startsWith(u"GET /sales: HTTP 500: "_s), qPrintable(page.error));
        QVERIFY2(page.error.contains(u"internal_server_error"_s), qPrintable(page.error));
        QCOMPARE(requests(500), 3);
        QCOMPARE(requests(), 3);
        fx().sandbox().server().resetStatistics();

        QCOMPARE(fx().control("POST", u"/faults"_s,
                              {{u"vendor"_s, vendor}, {u"endpoint"_s, u"/batches"_s}, {u"kind"_s, u"malformed-json"_s},
                               {u"count"_s, -1}})
                     .status,
                 201);
        page = fetch(u"batches"_s, {});
        QVERIFY(!page.ok);
        QCOMPARE(page.error, u"GET /batches: the answer is not valid JSON (cut short?)"_s);
        QCOMPARE(requests(), 3);

        QCOMPARE(fx().control("POST", u"/faults"_s,
                              {{u"vendor"_s, vendor}, {u"endpoint"_s, u"/items"_s}, {u"kind"_s, u"repeat-cursor"_s},
                               {u"after"_s, 1}})
                     .status,
                 201);
        page = fetch(u"items"_s, {});
        QVERIFY2(page.ok, qPrintable(page.error));
        page = fetch(u"items"_s, page.nextCursor);
        QVERIFY(!page.ok);
        QVERIFY2(page.error.contains(u"repeats"_s), qPrintable(page.error));

        // a wrong key: the vendor's 401 and message
        Connection connection = m_connector->connection();
        auto wrongKey = Vendors::makeConsignCloudConnector(
            connection, *m_client, [](std::function<void(const QString &, const QString &)> give) {
                give(u"cc_live_00000000000000000000000000000000"_s, {});
            });
        wrongKey->setRetryPolicy(fastRetries());
        fx().sandbox().server().resetStatistics();
        Vendors::PageResult result;
        bool done = false;
        wrongKey->fetchPage({u"locations"_s, {}, {}, 0}, [&](const Vendors::PageResult &r) {
            result = r;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith(u"GET /locations: HTTP 401: "_s), qPrintable(result.error));
        QVERIFY(!result.error.contains(u"cc_live_0000"_s));
        QCOMPARE(requests(401), 1); // a refused key is not sent again
        QCOMPARE(requests(), 1);

        // no key at all
        auto noKey = Vendors::makeConsignCloudConnector(
            connection, *m_client, [](std::function<void(const QString &, const QString &)> give) {
                give({}, u"the keychain is locked"_s);
            });
        noKey->setRetryPolicy(fastRetries());
        done = false;
        noKey->fetchPage({u"locations"_s, {}, {}, 0}, [&](const Vendors::PageResult &r) {
            result = r;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
        QVERIFY(!result.ok);
        QCOMPARE(result.error, u"GET /locations: the API key could not be read: the keychain is locked"_s);
    }

    void cancelReportsCancelled()
    {
        Vendors::PageResult result;
        bool done = false;
        m_connector->fetchPage({u"sale_lines"_s, {}, {}, 0}, [&](const Vendors::PageResult &r) {
            result = r;
            done = true;
        });
        m_connector->cancel();
        QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
        QVERIFY(result.cancelled);
        QVERIFY(!result.ok);
        // the connector still works afterwards
        QVERIFY(fetch(u"locations"_s, {}).ok);
    }
};

QTEST_MAIN(TestVendorConsignCloud)
#include "tst_vendor_consigncloud.moc"
