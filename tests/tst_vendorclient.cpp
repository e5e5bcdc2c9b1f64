// VendorClient against the sandbox over real HTTP on loopback: what is
// retried and what is not, Retry-After, timeouts, dropped connections, bodies
// cut short, the retry budget, cancelling, tokens, and ConsignCloud's leaky
// bucket with the sandbox's rate limits on (RELIABILITY.md cases 10-14).
#include "net/accesstoken.h"
#include "net/httpclient.h"
#include "net/ratelimiter.h"
#include "net/vendorclient.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxserver.h"
#include "sandboxfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace ConsignDesk;
using namespace ConsignDesk::Sandbox;

namespace {

// Every message logged while the tests run, to prove no key is among them.
QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

// A test's policy: few attempts, short waits.
Net::RetryPolicy quickPolicy()
{
    Net::RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.baseDelayMs = 20;
    policy.maxDelayMs = 100;
    policy.maxRetryAfterMs = 3000;
    return policy;
}

// Hands out a wrong token first, then the right one.
class FlakyToken : public Net::TokenSource
{
public:
    explicit FlakyToken(QString good, bool everGood = true)
        : m_good(std::move(good))
        , m_everGood(everGood)
    {
    }
    void token(TokenCallback done) override
    {
        ++given;
        done(m_refused == 0 || !m_everGood ? QStringLiteral("not-the-key-%1").arg(given) : m_good, {});
    }
    bool invalidate(const QString &) override
    {
        ++m_refused;
        return true;
    }
    int given = 0;

private:
    QString m_good;
    bool m_everGood;
    int m_refused = 0;
};

} // namespace

class TestVendorClient : public QObject
{
    Q_OBJECT

private:
    Net::HttpRequest consignCloud(const QString &pathAndQuery, const QByteArray &method = "GET", bool withKey = true) const
    {
        Net::HttpRequest request;
        request.method = method;
        request.url = QUrl(m_sandbox->baseUrl(QStringLiteral("consigncloud")) + pathAndQuery);
        request.endpoint = QString::fromLatin1(method) + u' ' + request.url.path();
        request.timeoutMs = 5000;
        request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
        if (withKey) {
            const QString key = m_sandbox->apiKey(QStringLiteral("consigncloud"));
            request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + key.toUtf8())));
            request.secrets.append(key);
        }
        if (method != "GET") {
            request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            request.body = "{}";
        }
        return request;
    }
    // SimpleConsign's read: a POST with the key in the body.
    Net::HttpRequest simpleConsign() const
    {
        Net::HttpRequest request;
        request.method = "POST";
        request.url = QUrl(m_sandbox->baseUrl(QStringLiteral("simpleconsign")) + QStringLiteral("/inventory"));
        request.endpoint = QStringLiteral("POST /inventory");
        request.timeoutMs = 5000;
        const QString key = m_sandbox->apiKey(QStringLiteral("simpleconsign"));
        request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
        request.body = QJsonDocument(QJsonObject{{QStringLiteral("key"), key}}).toJson(QJsonDocument::Compact);
        request.secrets = {key};
        return request;
    }
    Net::HttpResult run(Net::VendorClient &client, const Net::HttpRequest &request, const Net::RequestOptions &options = {})
    {
        Net::HttpResult result;
        bool done = false;
        client.send(request, [&](const Net::HttpResult &r) {
            result = r;
            done = true;
        }, options);
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            result.errorText = QStringLiteral("(no answer)");
        return result;
    }
    std::unique_ptr<Net::VendorClient> client()
    {
        auto vendorClient = std::make_unique<Net::VendorClient>(*m_http);
        vendorClient->setPolicy(quickPolicy());
        vendorClient->setRandomSeed(7);
        return vendorClient;
    }
    void addFault(const QString &vendor, const QString &endpoint, FaultKind kind, int count = 1,
                  const std::function<void(FaultSpec &)> &more = {})
    {
        FaultSpec spec;
        spec.vendor = vendor;
        spec.endpoint = endpoint;
        spec.kind = kind;
        spec.count = count;
        if (more)
            more(spec);
        m_sandbox->sandbox().faults().add(spec);
    }
    void addStatus(const QString &vendor, const QString &endpoint, int status, int count = 1, const QString &retryAfter = {})
    {
        addFault(vendor, endpoint, FaultKind::Status, count, [&](FaultSpec &spec) {
            spec.status = status;
            spec.retryAfter = retryAfter;
        });
    }
    // How often the sandbox answered @p vendor with @p status since init().
    int answered(SandboxFixture &fixture, const QString &vendor, int status)
    {
        return fixture.sandbox().server().statistics().value(vendor).toObject().value(QStringLiteral("status")).toObject()
            .value(QString::number(status)).toInt();
    }
    int answered(const QString &vendor, int status) { return answered(*m_sandbox, vendor, status); }

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_http;

private Q_SLOTS:
    void initTestCase()
    {
        SandboxFixture::Options options;
        options.items = 50;
        options.vendors = allVendors();
        m_sandbox = std::make_unique<SandboxFixture>(options);
        m_http = std::make_unique<Net::HttpClient>(&m_network);
        QLoggingCategory::setFilterRules(QStringLiteral("consigndesk.net.*.debug=true"));
        previousHandler = qInstallMessageHandler(captureMessage);
    }
    void cleanupTestCase()
    {
        qInstallMessageHandler(previousHandler);
        QMutexLocker lock(&logMutex);
        QVERIFY(!capturedLog.isEmpty());
        for (const QString &vendor : {QStringLiteral("consigncloud"), QStringLiteral("simpleconsign")}) {
            const QString key = m_sandbox->apiKey(vendor);
            for (const QString &line : std::as_const(capturedLog))
                QVERIFY2(!line.contains(key), qPrintable(line));
        }
    }
    void init()
    {
        m_sandbox->sandbox().faults().clear();
        m_sandbox->sandbox().server().resetStatistics();
    }

    void serverErrorThenSuccessIsRetried()
    {
        addStatus(QStringLiteral("consigncloud"), QStringLiteral("/items"), 500);
        auto vc = client();
        QSignalSpy retrying(vc.get(), &Net::VendorClient::retrying);
        const Net::HttpResult r = run(*vc, consignCloud(QStringLiteral("/items?limit=1")), {true, false, {}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 2);
        QVERIFY(!r.malformedBody);
        QCOMPARE(retrying.size(), 1);
        QCOMPARE(retrying.at(0).at(0).toInt(), 2);
        QVERIFY(retrying.at(0).at(1).toString().contains(QLatin1String("500")));
        QCOMPARE(vc->retriesUsed(), 1);
        QCOMPARE(answered(QStringLiteral("consigncloud"), 500), 1);
        QCOMPARE(answered(QStringLiteral("consigncloud"), 200), 1);
    }

    void serviceUnavailableGivesUpAfterTheAttempts()
    {
        addStatus(QStringLiteral("consigncloud"), QStringLiteral("/items"), 503, -1);
        auto vc = client();
        const Net::HttpResult r = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.attempts, 3);
        QCOMPARE(answered(QStringLiteral("consigncloud"), 503), 3);
    }

    void retryAfterIsHonoured()
    {
        addStatus(QStringLiteral("consigncloud"), QStringLiteral("/items"), 429, 1, QStringLiteral("1"));
        auto vc = client();
        QSignalSpy paused(vc.get(), &Net::VendorClient::paused);
        QSignalSpy resumed(vc.get(), &Net::VendorClient::resumed);
        QElapsedTimer timer;
        timer.start();
        const Net::HttpResult r = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 2);
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(paused.size(), 1);
        QCOMPARE(paused.at(0).at(0).toLongLong(), 1000);
        QVERIFY(!paused.at(0).at(1).toString().isEmpty());
        QCOMPARE(resumed.size(), 1);
    }

    void retryAfterIsClampedOrIgnoredWhenGarbage()
    {
        auto vc = client();
        Net::RetryPolicy policy = quickPolicy();
        policy.maxRetryAfterMs = 300;
        vc->setPolicy(policy);
        addStatus(QStringLiteral("consigncloud"), QStringLiteral("/items"), 429, 1, QStringLiteral("86400"));
        QElapsedTimer timer;
        timer.start();
        Net::HttpResult r = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        QCOMPARE(r.status, 200);
        QVERIFY2(timer.elapsed() >= 280 && timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));

        addStatus(QStringLiteral("consigncloud"), QStringLiteral("/items"), 503, 1, QStringLiteral("whenever"));
        timer.restart();
        r = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 2);
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    }

    void clientErrorsAreNotRetried()
    {
        auto vc = client();
        QSignalSpy retrying(vc.get(), &Net::VendorClient::retrying);
        Net::HttpResult r = run(*vc, consignCloud(QStringLiteral("/items/no-such-item")));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.attempts, 1);
        addStatus(QStringLiteral("consigncloud"), QStringLiteral("/items"), 400, -1);
        r = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.attempts, 1);
        m_sandbox->sandbox().faults().clear();
        r = run(*vc, consignCloud(QStringLiteral("/items?limit=1"), "GET", false));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(retrying.size(), 0);
        QCOMPARE(vc->retriesUsed(), 0);
    }

    void aHangingServerTimesOutAndRetriesAreBounded()
    {
        addFault(QStringLiteral("consigncloud"), QStringLiteral("/accounts"), FaultKind::Slow, -1,
                 [](FaultSpec &spec) { spec.delayMs = 4000; });
        auto vc = client();
        Net::HttpRequest request = consignCloud(QStringLiteral("/accounts?limit=1"));
        request.timeoutMs = 300;
        QElapsedTimer timer;
        timer.start();
        const Net::HttpResult r = run(*vc, request);
        QVERIFY(r.timedOut);
        QCOMPARE(r.status, 0);
        QCOMPARE(r.attempts, 3);
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    }

    void theRetryBudgetBoundsARun()
    {
        addStatus(QStringLiteral("consigncloud"), QStringLiteral("/items"), 500, -1);
        auto vc = client();
        Net::RetryPolicy policy = quickPolicy();
        policy.maxAttempts = 5;
        vc->setPolicy(policy);
        vc->setRetryBudget(3);
        const Net::HttpResult first = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        const Net::HttpResult second = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        QCOMPARE(first.status, 500);
        QCOMPARE(first.attempts, 4);
        QCOMPARE(second.status, 500);
        QCOMPARE(second.attempts, 1);
        QCOMPARE(vc->retriesUsed(), 3);
        QCOMPARE(answered(QStringLiteral("consigncloud"), 500), 5);
        vc->setRetryBudget(3); // the next run
        QCOMPARE(vc->retriesUsed(), 0);
    }

    void aDroppedConnectionIsRetried()
    {
        // QNetworkAccessManager re-sends by itself when a connection closes
        // before any answer, so the drop hits every send until it is lifted.
        addFault(QStringLiteral("consigncloud"), QStringLiteral("/items"), FaultKind::Drop, -1);
        auto vc = client();
        connect(vc.get(), &Net::VendorClient::retrying, this, [this] { m_sandbox->sandbox().faults().clear(); });
        Net::HttpResult r = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 2);
        QVERIFY(answered(QStringLiteral("consigncloud"), 0) >= 1);

        vc->disconnect(this);
        addFault(QStringLiteral("consigncloud"), QStringLiteral("/items"), FaultKind::Drop, -1);
        r = run(*vc, consignCloud(QStringLiteral("/items?limit=1")));
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        QCOMPARE(r.attempts, 3);
    }

    void aBodyCutShortIsRetriedThenReported()
    {
        auto vc = client();
        Net::RequestOptions read;
        read.expectJson = true;
        read.idempotent = true;
        addFault(QStringLiteral("simpleconsign"), QStringLiteral("/app/api/inventory"), FaultKind::DropMidBody);
        Net::HttpResult r = run(*vc, simpleConsign(), read);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 2);
        QVERIFY(!r.malformedBody);
        QVERIFY(QJsonDocument::fromJson(r.body).isArray() || QJsonDocument::fromJson(r.body).isObject());

        addFault(QStringLiteral("simpleconsign"), QStringLiteral("/app/api/inventory"), FaultKind::MalformedJson, -1);
        r = run(*vc, simpleConsign(), read);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 3);
        QVERIFY(r.malformedBody);
        QVERIFY(!r.errorText.isEmpty());

        // Without the check a cut body is an answer like any other.
        r = run(*vc, simpleConsign(), {false, true, {}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 1);
        QVERIFY(!r.malformedBody);

        // A validator of the caller's own.
        m_sandbox->sandbox().faults().clear();
        int checks = 0;
        Net::RequestOptions picky;
        picky.idempotent = true;
        picky.validate = [&checks](const Net::HttpResult &) { return ++checks > 1; };
        r = run(*vc, simpleConsign(), picky);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(checks, 2);
    }

    void aPostIsNeverResentUnlessMarkedIdempotent()
    {
        auto vc = client();
        addFault(QStringLiteral("consigncloud"), QStringLiteral("/items"), FaultKind::Status, -1,
                 [](FaultSpec &spec) {
                     spec.status = 503;
                     spec.method = QStringLiteral("POST");
                 });
        Net::HttpResult r = run(*vc, consignCloud(QStringLiteral("/items"), "POST"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(answered(QStringLiteral("consigncloud"), 503), 1);
        QCOMPARE(vc->retriesUsed(), 0);

        addStatus(QStringLiteral("simpleconsign"), QStringLiteral("/app/api/inventory"), 500);
        r = run(*vc, simpleConsign(), {true, true, {}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 2);
    }

    void aTokenIsRenewedOnceOnA401()
    {
        auto vc = client();
        FlakyToken tokens(m_sandbox->apiKey(QStringLiteral("consigncloud")));
        vc->setTokenSource(&tokens);
        Net::HttpResult r = run(*vc, consignCloud(QStringLiteral("/items?limit=1"), "GET", false));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(tokens.given, 2);

        FlakyToken never(QString(), false);
        vc->setTokenSource(&never);
        r = run(*vc, consignCloud(QStringLiteral("/items?limit=1"), "GET", false));
        QCOMPARE(r.status, 401);
        QCOMPARE(never.given, 2);
        QCOMPARE(answered(QStringLiteral("consigncloud"), 401), 3);
        vc->setTokenSource(nullptr);
    }

    void cancelAllEndsQueuedAndInFlightRequests()
    {
        addFault(QStringLiteral("consigncloud"), QStringLiteral("/accounts"), FaultKind::Slow, -1,
                 [](FaultSpec &spec) { spec.delayMs = 5000; });
        auto vc = client();
        vc->setMaxConcurrent(2);
        QList<Net::HttpResult> results;
        for (int i = 0; i < 4; ++i)
            vc->send(consignCloud(QStringLiteral("/accounts?limit=1")), [&](const Net::HttpResult &r) { results.append(r); });
        QCOMPARE(vc->pending(), 4);
        QTest::qWait(200);
        QVERIFY(results.isEmpty());
        QElapsedTimer timer;
        timer.start();
        vc->cancelAll();
        QCOMPARE(results.size(), 4);
        QVERIFY(timer.elapsed() < 500);
        QCOMPARE(vc->pending(), 0);
        for (const Net::HttpResult &r : std::as_const(results)) {
            QVERIFY(r.cancelled);
            QVERIFY(!Net::isRetryable(r));
        }
        QTest::qWait(100);
        QCOMPARE(results.size(), 4); // no late second callback
    }

    void requestsRunConcurrentlyUpToTheLimit()
    {
        addFault(QStringLiteral("consigncloud"), QStringLiteral("/accounts"), FaultKind::Slow, -1,
                 [](FaultSpec &spec) { spec.delayMs = 300; });
        auto vc = client();
        vc->setMaxConcurrent(3);
        int done = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 6; ++i)
            vc->send(consignCloud(QStringLiteral("/accounts?limit=1")), [&](const Net::HttpResult &r) {
                QCOMPARE(r.status, 200);
                ++done;
            });
        QVERIFY(QTest::qWaitFor([&] { return done == 6; }, 10000));
        // Two rounds of three, not six one after the other.
        QVERIFY2(timer.elapsed() >= 550 && timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    }

    void theRateLimiterPausesAndResumes()
    {
        auto vc = client();
        vc->setRateLimiter(std::make_shared<Net::SlidingWindowLimiter>(2, 1200, 0));
        QSignalSpy paused(vc.get(), &Net::VendorClient::paused);
        QSignalSpy resumed(vc.get(), &Net::VendorClient::resumed);
        int done = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 3; ++i)
            vc->send(consignCloud(QStringLiteral("/locations")), [&](const Net::HttpResult &r) {
                QCOMPARE(r.status, 200);
                ++done;
            });
        QVERIFY(QTest::qWaitFor([&] { return done == 3; }, 10000));
        QVERIFY2(timer.elapsed() >= 1150, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(paused.size(), 1);
        QVERIFY(paused.at(0).at(0).toLongLong() >= 1000);
        QCOMPARE(resumed.size(), 1);
    }

    void consignCloudsBucketNeverOverflows()
    {
        // A sandbox of its own with the rate limits on, so earlier tests did not fill the bucket.
        SandboxFixture::Options options;
        options.items = 50;
        options.rateLimits = true;
        options.vendors = allVendors();
        SandboxFixture limited(options);
        const QString key = limited.apiKey(QStringLiteral("consigncloud"));
        auto vc = client();
        vc->setRateLimiter(Net::consignCloudLimiter());
        QSignalSpy retrying(vc.get(), &Net::VendorClient::retrying);
        QList<int> statuses;
        for (int i = 0; i < 150; ++i) {
            Net::HttpRequest request;
            request.url = QUrl(limited.baseUrl(QStringLiteral("consigncloud")) + QStringLiteral("/items?limit=1"));
            request.endpoint = QStringLiteral("GET /items");
            request.headers = {{"Authorization", "Bearer " + key.toUtf8()}, {"Accept", "application/json"}};
            request.secrets = {key};
            vc->send(request, [&](const Net::HttpResult &r) { statuses.append(r.status); });
        }
        QVERIFY(QTest::qWaitFor([&] { return statuses.size() == 150; }, 20000));
        QCOMPARE(statuses.count(200), 150);
        QCOMPARE(retrying.size(), 0);
        QCOMPARE(answered(limited, QStringLiteral("consigncloud"), 429), 0);
        QCOMPARE(answered(limited, QStringLiteral("consigncloud"), 200), 150);
    }
};

QTEST_GUILESS_MAIN(TestVendorClient)
#include "tst_vendorclient.moc"
