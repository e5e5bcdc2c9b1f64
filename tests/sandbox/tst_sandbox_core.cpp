// The sandbox's core: fault specs, rate limiters, JSON writing, routing and
// paging, and the server's fault injection over real HTTP with a small vendor.
#include "sandbox/jsonwriter.h"
#include "sandbox/paging.h"
#include "sandbox/ratelimit.h"
#include "sandbox/vendorapi.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace ConsignDesk::Sandbox;

namespace {

// A vendor of 250 numbered rows behind a keyset cursor, and a counter to write to.
class TinyVendor : public VendorApi
{
public:
    explicit TinyVendor(const GenerationOptions &)
    {
        m_router.add("GET", QStringLiteral("/rows"), [this](Request &request) { return rows(request); });
        m_router.add("POST", QStringLiteral("/counter"), [this](Request &) {
            ++writes;
            return Reply::json(QByteArrayLiteral("{\"writes\":") + QByteArray::number(writes) + '}', 201);
        });
        m_router.add("GET", QStringLiteral("/rows/{id}"), [](Request &request) {
            return Reply::json(QByteArrayLiteral("{\"id\":") + request.param(0).toLatin1() + '}');
        });
    }
    QString name() const override { return QStringLiteral("consigncloud"); }
    QString pathPrefix() const override { return QStringLiteral("/tiny"); }
    const Router &router() const override { return m_router; }
    QJsonObject credentials(const QString &root) const override
    {
        return {{QStringLiteral("base_url"), QString(root + pathPrefix())}, {QStringLiteral("api_key"), QStringLiteral("k")}};
    }
    std::optional<Reply> admit(const Request &, const Route &) override { return std::nullopt; }
    Reply errorReply(int status, const QString &message) const override
    {
        return Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}), status);
    }
    QString wrongTypeField() const override { return QStringLiteral("price"); }
    void setRateLimits(bool) override {}
    void simulateActivity(Rng &, const QDateTime &) override {}
    QJsonObject inspect() const override { return {{QStringLiteral("writes"), writes}}; }

    int writes = 0;

private:
    Reply rows(const Request &request)
    {
        QString error;
        const auto cursor = readCursor(request, 100, 100, &error);
        if (!cursor)
            return errorReply(400, error);
        QList<qint64> keys;
        qint64 id = cursor->after + 1;
        if (!request.hasFault(FaultKind::EmptyPage)) {
            for (; id < 250 && keys.size() < cursor->limit; ++id)
                keys.append(id);
        }
        QByteArray body;
        JsonWriter out(body);
        out.beginObject().key("data").beginArray();
        for (const qint64 key : std::as_const(keys))
            out.beginObject().field("id", key).field("price", key * 100).endObject();
        out.endArray();
        out.optionalField("next_cursor", nextCursor(request, *cursor, keys, id < 250));
        out.endObject();
        return Reply::json(body);
    }

    Router m_router;
};

SandboxFixture::Options tinyOptions()
{
    SandboxFixture::Options options;
    options.vendors = {[](const GenerationOptions &g) { return std::make_unique<TinyVendor>(g); }};
    return options;
}

// Walks /rows to the end; returns the ids seen, or stops after 10 pages.
QList<qint64> walk(SandboxFixture &fixture, int *pages)
{
    QList<qint64> ids;
    QString cursor;
    *pages = 0;
    do {
        const HttpResponse r = fixture.get(QStringLiteral("consigncloud"),
                                           QStringLiteral("/rows?limit=100")
                                               + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
        if (r.status != 200)
            break;
        for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray())
            ids.append(row.toObject().value(QStringLiteral("id")).toInteger());
        cursor = r.object().value(QStringLiteral("next_cursor")).toString();
    } while (!cursor.isEmpty() && ++*pages < 10);
    return ids;
}

} // namespace

class TestSandboxCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faultSpecParses()
    {
        QString error;
        const auto spec = FaultSpec::parse(QStringLiteral("consigncloud:/items:429:retry-after=2:count=3:after=1"), &error);
        QVERIFY2(spec, qPrintable(error));
        QCOMPARE(spec->kind, FaultKind::Status);
        QCOMPARE(spec->status, 429);
        QCOMPARE(spec->retryAfter, QStringLiteral("2"));
        QCOMPARE(spec->count, 3);
        QCOMPARE(spec->after, 1);
        QCOMPARE(spec->endpoint, QStringLiteral("/items"));

        const auto slow = FaultSpec::parse(QStringLiteral("consignly:*:slow:delay=1500"), &error);
        QVERIFY(slow);
        QCOMPARE(slow->kind, FaultKind::Slow);
        QCOMPARE(slow->delayMs, 1500);
        QVERIFY(slow->retryAfter.isNull());
    }

    void faultSpecErrorsSayWhat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("vendor") << QStringLiteral("shopify:/x:500") << QStringLiteral("unknown vendor");
        QTest::newRow("kind") << QStringLiteral("consignify:/x:explode") << QStringLiteral("unknown fault kind");
        QTest::newRow("status") << QStringLiteral("consignify:/x:200") << QStringLiteral("not an HTTP error");
        QTest::newRow("option") << QStringLiteral("consignify:/x:500:often=2") << QStringLiteral("unknown fault option");
        QTest::newRow("number") << QStringLiteral("consignify:/x:500:count=lots") << QStringLiteral("wants a number");
        QTest::newRow("shape") << QStringLiteral("consignify") << QStringLiteral("VENDOR:ENDPOINT:KIND");
    }
    void faultSpecErrorsSayWhat()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!FaultSpec::parse(text, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void injectorCountsAndSkips()
    {
        FaultInjector injector;
        FaultSpec spec;
        spec.vendor = QStringLiteral("consignify");
        spec.endpoint = QStringLiteral("/products");
        spec.method = QStringLiteral("GET");
        spec.count = 2;
        spec.after = 1;
        injector.add(spec);
        QVERIFY(injector.take(QStringLiteral("consignify"), "GET", QStringLiteral("/products")).isEmpty()); // after=1
        QVERIFY(injector.take(QStringLiteral("consignify"), "POST", QStringLiteral("/products")).isEmpty()); // method
        QVERIFY(injector.take(QStringLiteral("consignly"), "GET", QStringLiteral("/products")).isEmpty());   // vendor
        QCOMPARE(injector.take(QStringLiteral("consignify"), "GET", QStringLiteral("/products")).size(), 1);
        QCOMPARE(injector.take(QStringLiteral("consignify"), "GET", QStringLiteral("/products")).size(), 1);
        QVERIFY(injector.take(QStringLiteral("consignify"), "GET", QStringLiteral("/products")).isEmpty()); // used up
        QVERIFY(injector.pending().isEmpty());
    }

    void leakyBucket()
    {
        LeakyBucket bucket(100, 10);
        for (int i = 0; i < 100; ++i)
            QVERIFY(bucket.admit(0, nullptr));
        double wait = 0;
        QVERIFY(!bucket.admit(0, &wait));
        QVERIFY(qAbs(wait - 0.1) < 1e-6);
        // One second drains ten.
        for (int i = 0; i < 10; ++i)
            QVERIFY(bucket.admit(1000, nullptr));
        QVERIFY(!bucket.admit(1000, nullptr));
        QVERIFY(bucket.admit(1100, nullptr));
    }

    void windowLimiter()
    {
        WindowLimiter limiter(3, 600000);
        QVERIFY(limiter.admit(0, nullptr));
        QVERIFY(limiter.admit(1000, nullptr));
        QVERIFY(limiter.admit(2000, nullptr));
        double wait = 0;
        QVERIFY(!limiter.admit(3000, &wait));
        QCOMPARE(wait, 597.0);
        QVERIFY(limiter.admit(600000, nullptr));
    }

    void jsonDecimals_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<int>("digits");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("1067.94") << qint64(106794) << 2 << QByteArray("1067.94");
        QTest::newRow("10.5") << qint64(1050) << 2 << QByteArray("10.5");
        QTest::newRow("0.29") << qint64(29) << 2 << QByteArray("0.29");
        QTest::newRow("0.05") << qint64(5) << 2 << QByteArray("0.05");
        QTest::newRow("0") << qint64(0) << 2 << QByteArray("0");
        QTest::newRow("-0.29") << qint64(-29) << 2 << QByteArray("-0.29");
        QTest::newRow("yen") << qint64(1500) << 0 << QByteArray("1500");
        QTest::newRow("dinar") << qint64(1234) << 3 << QByteArray("1.234");
    }
    void jsonDecimals()
    {
        QFETCH(qint64, minor);
        QFETCH(int, digits);
        QFETCH(QByteArray, text);
        QByteArray out;
        JsonWriter(out).decimal(minor, digits);
        QCOMPARE(out, text);
    }

    void jsonWriterProducesValidJson()
    {
        QByteArray out;
        JsonWriter json(out);
        json.beginObject()
            .field("name", QStringLiteral("Quote \" back\\slash\nnew\x01line ü"))
            .field("n", qint64(-5))
            .field("ok", true)
            .nullField("nothing")
            .key("list")
            .beginArray()
            .value(1)
            .value(2)
            .beginObject()
            .endObject()
            .endArray()
            .endObject();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Quote \" back\\slash\nnew\x01line ü"));
        QCOMPARE(document.object().value(QStringLiteral("list")).toArray().size(), 3);
        QVERIFY(document.object().value(QStringLiteral("nothing")).isNull());
    }

    void routerCapturesSegments()
    {
        Router router;
        router.add("GET", QStringLiteral("/items/{id}/sale/{sale}"), [](Request &) { return Reply::empty(204); });
        QStringList params;
        const Route *route = router.match("GET", QStringLiteral("/items/abc/sale/42"), &params);
        QVERIFY(route);
        QCOMPARE(params, (QStringList{QStringLiteral("abc"), QStringLiteral("42")}));
        QVERIFY(!router.match("POST", QStringLiteral("/items/abc/sale/42"), &params));
        QVERIFY(router.hasPath(QStringLiteral("/items/abc/sale/42")));
        QVERIFY(!router.match("GET", QStringLiteral("/items/abc/sale"), &params));
        QVERIFY(!router.match("GET", QStringLiteral("/items/a/b/sale/42"), &params));
    }

    void pagingWalksEveryRowOnce()
    {
        SandboxFixture fixture(tinyOptions());
        int pages = 0;
        const QList<qint64> ids = walk(fixture, &pages);
        QCOMPARE(ids.size(), 250);
        for (int i = 0; i < ids.size(); ++i)
            QCOMPARE(ids.at(i), qint64(i));
        QCOMPARE(pages, 2); // three pages: two with a next cursor
    }

    void badLimitAndCursorAre400()
    {
        SandboxFixture fixture(tinyOptions());
        QCOMPARE(fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows?limit=101")).status, 400);
        QCOMPARE(fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows?cursor=bm9wZQ")).status, 400);
        QCOMPARE(fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/nowhere")).status, 404);
        QCOMPARE(fixture.call(QStringLiteral("consigncloud"), "DELETE", QStringLiteral("/rows")).status, 405);
    }

    void statusFaultsCarryRetryAfterAsGiven()
    {
        SandboxFixture fixture(tinyOptions());
        QCOMPARE(fixture.control("POST", QStringLiteral("/faults"),
                                 {{QStringLiteral("vendor"), QStringLiteral("consigncloud")},
                                  {QStringLiteral("endpoint"), QStringLiteral("/rows")},
                                  {QStringLiteral("kind"), 429},
                                  {QStringLiteral("retry-after"), QStringLiteral("2")}})
                     .status,
                 201);
        HttpResponse r = fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("Retry-After"), QByteArray("2"));
        r = fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows"));
        QCOMPARE(r.status, 200); // count 1 by default

        fixture.sandbox().faults().add(*FaultSpec::parse(QStringLiteral("consigncloud:/rows:503"), nullptr));
        r = fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows"));
        QCOMPARE(r.status, 503);
        QVERIFY(r.header("Retry-After").isNull());
        const QJsonObject stats = fixture.control("GET", QStringLiteral("/stats")).object();
        const QJsonObject statuses = stats.value(QStringLiteral("consigncloud")).toObject().value(QStringLiteral("status")).toObject();
        QCOMPARE(statuses.value(QStringLiteral("429")).toInt(), 1);
        QCOMPARE(statuses.value(QStringLiteral("503")).toInt(), 1);
        QCOMPARE(statuses.value(QStringLiteral("200")).toInt(), 1);
    }

    void dropsAndWrites()
    {
        SandboxFixture fixture(tinyOptions());
        auto *vendor = static_cast<TinyVendor *>(fixture.sandbox().vendor(QStringLiteral("consigncloud")));
        QString error;
        // QNetworkAccessManager silently re-sends a request whose connection closed
        // before any answer (twice), so the faults here hit every attempt.
        fixture.sandbox().faults().add(*FaultSpec::parse(QStringLiteral("consigncloud:/counter:drop:count=-1"), &error));
        HttpResponse r = fixture.call(QStringLiteral("consigncloud"), "POST", QStringLiteral("/counter"), "{}");
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        QCOMPARE(vendor->writes, 0); // dropped before it was applied

        fixture.sandbox().faults().clear();
        fixture.sandbox().faults().add(
            *FaultSpec::parse(QStringLiteral("consigncloud:/counter:drop-after-write:count=-1"), &error));
        r = fixture.call(QStringLiteral("consigncloud"), "POST", QStringLiteral("/counter"), "{}");
        QCOMPARE(r.status, 0);
        QVERIFY(vendor->writes >= 1); // applied (by each attempt), though the client never heard
        fixture.sandbox().faults().clear();

        fixture.sandbox().faults().add(*FaultSpec::parse(QStringLiteral("consigncloud:/rows:drop-mid-body"), &error));
        r = fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows"));
        QVERIFY(r.error != QNetworkReply::NoError);
        QVERIFY(r.json().isNull());
    }

    void bodyFaults()
    {
        SandboxFixture fixture(tinyOptions());
        QString error;
        fixture.sandbox().faults().add(*FaultSpec::parse(QStringLiteral("consigncloud:/rows:malformed-json"), &error));
        HttpResponse r = fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows"));
        QCOMPARE(r.status, 200);
        QJsonParseError parse;
        QJsonDocument::fromJson(r.body, &parse);
        QVERIFY(parse.error != QJsonParseError::NoError);

        fixture.sandbox().faults().add(*FaultSpec::parse(QStringLiteral("consigncloud:/rows:wrong-type"), &error));
        r = fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows"));
        const QJsonArray rows = r.object().value(QStringLiteral("data")).toArray();
        QVERIFY(rows.at(0).toObject().value(QStringLiteral("price")).isString());
        QVERIFY(rows.at(1).toObject().value(QStringLiteral("price")).isDouble());

        fixture.sandbox().faults().add(
            *FaultSpec::parse(QStringLiteral("consigncloud:/rows/{id}:wrong-type:field=id"), &error));
        r = fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows/7"));
        QVERIFY(r.object().value(QStringLiteral("id")).isString());
    }

    void pagingFaults()
    {
        SandboxFixture fixture(tinyOptions());
        QString error;
        fixture.sandbox().faults().add(
            *FaultSpec::parse(QStringLiteral("consigncloud:/rows:duplicate-rows:count=-1"), &error));
        int pages = 0;
        QList<qint64> ids = walk(fixture, &pages);
        QVERIFY(ids.size() > 250);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), 250); // repeats, nothing missing

        fixture.sandbox().faults().clear();
        fixture.sandbox().faults().add(*FaultSpec::parse(QStringLiteral("consigncloud:/rows:repeat-cursor:count=-1"), &error));
        ids = walk(fixture, &pages);
        QCOMPARE(pages, 10); // a client that trusts the cursor never ends

        fixture.sandbox().faults().clear();
        fixture.sandbox().faults().add(*FaultSpec::parse(QStringLiteral("consigncloud:/rows:empty-page"), &error));
        const HttpResponse r = fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows"));
        QVERIFY(r.object().value(QStringLiteral("data")).toArray().isEmpty());
        QVERIFY(!r.object().value(QStringLiteral("next_cursor")).toString().isEmpty());
    }

    void slowAnswerOutlastsTheClient()
    {
        SandboxFixture fixture(tinyOptions());
        QString error;
        fixture.sandbox().faults().add(*FaultSpec::parse(QStringLiteral("consigncloud:/rows:slow:delay=1500"), &error));
        QElapsedTimer timer;
        timer.start();
        const HttpResponse r = fixture.call(QStringLiteral("consigncloud"), "GET", QStringLiteral("/rows"), {}, true, 400);
        QVERIFY(r.timedOut);
        QVERIFY(timer.elapsed() < 1400);
        QTest::qWait(1300); // the late answer finds its socket gone without harm
        QCOMPARE(fixture.get(QStringLiteral("consigncloud"), QStringLiteral("/rows")).status, 200);
    }

    void controlApiListsAndClearsFaults()
    {
        SandboxFixture fixture(tinyOptions());
        fixture.control("POST", QStringLiteral("/faults"),
                        {{QStringLiteral("vendor"), QStringLiteral("consigncloud")},
                         {QStringLiteral("kind"), QStringLiteral("drop")},
                         {QStringLiteral("count"), -1}});
        QCOMPARE(fixture.control("GET", QStringLiteral("/faults")).json().array().size(), 1);
        QCOMPARE(fixture.control("POST", QStringLiteral("/faults"), {{QStringLiteral("vendor"), QStringLiteral("nobody")}}).status, 400);
        QCOMPARE(fixture.control("DELETE", QStringLiteral("/faults")).status, 204);
        QVERIFY(fixture.control("GET", QStringLiteral("/faults")).json().array().isEmpty());
        QCOMPARE(fixture.control("GET", QStringLiteral("/inspect/consigncloud")).object().value(QStringLiteral("writes")).toInt(), 0);
        QCOMPARE(fixture.control("GET", QStringLiteral("/inspect/nobody")).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSandboxCore)
#include "tst_sandbox_core.moc"
