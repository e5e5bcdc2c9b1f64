// The net layer's handling of credentials, against the sandbox over loopback:
// Consignly access tokens kept in memory and renewed before they expire or on
// a 401, and no key, secret or token ever in a log line or an error message.
#include "net/accesstoken.h"
#include "net/httpclient.h"
#include "sandbox/consignly/consignlyapi.h"
#include "sandbox/sandbox.h"
#include "sandboxfixture.h"
#include "vendors/connectionprobe.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ConsignDesk;

namespace {

// Every message any category logs while a test runs.
QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

QUrl below(const QString &base, const QString &pathAndQuery)
{
    return QUrl(base + pathAndQuery);
}

} // namespace

class TestNetAuth : public QObject
{
    Q_OBJECT

private:
    QString consignly(const char *field) const
    {
        return m_sandbox->credentials(QStringLiteral("consignly")).value(QLatin1String(field)).toString();
    }
    Sandbox::ConsignlyApi *consignlyApi() const
    {
        return dynamic_cast<Sandbox::ConsignlyApi *>(m_sandbox->sandbox().vendor(QStringLiteral("consignly")));
    }
    std::unique_ptr<Net::ClientCredentialsToken> clientCredentials(const QString &secret)
    {
        return std::make_unique<Net::ClientCredentialsToken>(
            *m_client, QUrl(consignly("token_url")), consignly("client_id"),
            [this, secret](const Net::TokenSource::TokenCallback &give) {
                ++m_secretReads;
                give(secret, {});
            });
    }
    QString waitForToken(Net::TokenSource &tokens, QString *error = nullptr)
    {
        QString token;
        QString why;
        bool done = false;
        tokens.token([&](const QString &t, const QString &e) {
            token = t;
            why = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            why = QStringLiteral("(no answer)");
        if (error)
            *error = why;
        return token;
    }
    Net::HttpResult inventory(Net::TokenSource &tokens)
    {
        Net::HttpRequest request;
        request.url = below(consignly("base_url"), QStringLiteral("/v1/inventory?PageIndex=1&PageSize=1"));
        request.endpoint = QStringLiteral("GET /v1/inventory");
        Net::HttpResult result;
        bool done = false;
        Net::sendWithToken(*m_client, tokens, request, [&](const Net::HttpResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            result.errorText = QStringLiteral("(no answer)");
        return result;
    }
    void assertLogFreeOf(const QStringList &secrets)
    {
        QMutexLocker lock(&logMutex);
        QVERIFY2(!capturedLog.isEmpty(), "the HTTP client logged nothing; the check would prove nothing");
        for (const QString &line : std::as_const(capturedLog)) {
            for (const QString &secret : secrets) {
                QVERIFY2(!line.contains(secret), qPrintable(QStringLiteral("a secret in the log: ") + line));
                const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
                QVERIFY2(!line.contains(encoded), qPrintable(QStringLiteral("an encoded secret in the log: ") + line));
            }
        }
    }

    std::unique_ptr<SandboxFixture> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_client;
    int m_secretReads = 0;

private Q_SLOTS:
    void initTestCase()
    {
        SandboxFixture::Options options;
        options.items = 50;
        options.vendors = Sandbox::allVendors();
        m_sandbox = std::make_unique<SandboxFixture>(options);
        m_client = std::make_unique<Net::HttpClient>(&m_network);
        QLoggingCategory::setFilterRules(QStringLiteral("consigndesk.*.debug=true"));
        previousHandler = qInstallMessageHandler(captureMessage);
    }
    void cleanupTestCase() { qInstallMessageHandler(previousHandler); }
    void init()
    {
        m_secretReads = 0;
        QMutexLocker lock(&logMutex);
        capturedLog.clear();
        consignlyApi()->setTokenLifetime(3600);
    }

    void renewMarginIsATenthOfTheLifetimeAtMostAMinute()
    {
        QCOMPARE(Net::ClientCredentialsToken::renewMarginMs(3600 * 1000), 60 * 1000);
        QCOMPARE(Net::ClientCredentialsToken::renewMarginMs(300 * 1000), 30 * 1000);
        QCOMPARE(Net::ClientCredentialsToken::renewMarginMs(0), 0);
    }

    void oneTokenServesManyRequestsAndWaitingCallersShareOneFetch()
    {
        auto tokens = clientCredentials(consignly("client_secret"));
        QStringList seen;
        int answered = 0;
        for (int i = 0; i < 3; ++i) {
            tokens->token([&](const QString &token, const QString &error) {
                QVERIFY2(error.isEmpty(), qPrintable(error));
                seen.append(token);
                ++answered;
            });
        }
        QVERIFY(QTest::qWaitFor([&] { return answered == 3; }, 15000));
        QCOMPARE(tokens->fetches(), 1);
        QCOMPARE(m_secretReads, 1);
        QVERIFY(!seen.first().isEmpty());
        QCOMPARE(seen.count(seen.first()), 3);

        for (int i = 0; i < 3; ++i)
            QCOMPARE(inventory(*tokens).status, 200);
        QCOMPARE(tokens->fetches(), 1);
        QCOMPARE(m_secretReads, 1); // the secret is read only when a token is needed
    }

    void tokenIsRenewedShortlyBeforeItExpires()
    {
        auto tokens = clientCredentials(consignly("client_secret"));
        qint64 now = 1000;
        tokens->setClock([&now] { return now; });
        const QString first = waitForToken(*tokens);
        QVERIFY(!first.isEmpty());

        const qint64 lifetime = 3600 * 1000;
        now = 1000 + lifetime - Net::ClientCredentialsToken::renewMarginMs(lifetime) - 1;
        QCOMPARE(waitForToken(*tokens), first);
        QCOMPARE(tokens->fetches(), 1);

        now += 2; // inside the margin: renewed before the server would refuse it
        const QString second = waitForToken(*tokens);
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
        QCOMPARE(tokens->fetches(), 2);
        QCOMPARE(inventory(*tokens).status, 200);
    }

    void a401RenewsTheTokenOnceAndSendsAgain()
    {
        auto tokens = clientCredentials(consignly("client_secret"));
        QCOMPARE(inventory(*tokens).status, 200);
        QCOMPARE(tokens->fetches(), 1);

        consignlyApi()->expireAllTokens(); // e.g. revoked on the server before its time
        const Net::HttpResult result = inventory(*tokens);
        QCOMPARE(result.status, 200);
        QCOMPARE(tokens->fetches(), 2);
    }

    void aSecond401IsReturnedNotRetriedForever()
    {
        consignlyApi()->setTokenLifetime(0); // every new token is already expired
        auto tokens = clientCredentials(consignly("client_secret"));
        const Net::HttpResult result = inventory(*tokens);
        QCOMPARE(result.status, 401);
        QCOMPARE(tokens->fetches(), 2); // the first and one renewal
    }

    void aReadyTokenRefusedIsReportedWithoutRetry()
    {
        // A token made now stands for one pasted by the manager.
        auto issuer = clientCredentials(consignly("client_secret"));
        const QString token = waitForToken(*issuer);
        QVERIFY(!token.isEmpty());
        int reads = 0;
        Net::StaticToken tokens([&](const Net::TokenSource::TokenCallback &give) {
            ++reads;
            give(token, {});
        });
        QCOMPARE(inventory(tokens).status, 200);
        consignlyApi()->expireAllTokens();
        QCOMPARE(inventory(tokens).status, 401);
        QCOMPARE(reads, 2); // one per request: nothing to renew
        assertLogFreeOf({token});
    }

    void aWrongClientSecretSaysSoWithoutTheSecret()
    {
        const QString wrong = QStringLiteral("wrong+secret&x=1 %");
        auto tokens = clientCredentials(wrong);
        QString error;
        QVERIFY(waitForToken(*tokens, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("refused the client id or secret")), qPrintable(error));
        QVERIFY(!error.contains(wrong));

        const Net::HttpResult result = inventory(*tokens);
        QCOMPARE(result.status, 0);
        QVERIFY(result.errorText.contains(QStringLiteral("refused the client id or secret")));
        assertLogFreeOf({wrong});
    }

    // Every vendor's probe, with the right key and a wrong one: the key (in a
    // header, in SimpleConsign's body, as Consignly's client secret) and any
    // token made from it appear in no log line and no message.
    void probesKeepEverySecretOutOfLogsAndMessages_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<bool>("rightKey");
        for (const char *vendor : {"consigncloud", "simpleconsign", "consignify", "consignly"}) {
            QTest::addRow("%s right key", vendor) << QString::fromLatin1(vendor) << true;
            QTest::addRow("%s wrong key", vendor) << QString::fromLatin1(vendor) << false;
        }
    }
    void probesKeepEverySecretOutOfLogsAndMessages()
    {
        QFETCH(QString, vendor);
        QFETCH(bool, rightKey);
        const QJsonObject credentials = m_sandbox->credentials(vendor);
        Connection connection;
        connection.vendor = *Vendors::fromId(vendor);
        connection.baseUrl = QUrl(credentials.value(QStringLiteral("base_url")).toString());
        QString secret = credentials.value(QStringLiteral("api_key")).toString();
        if (vendor == QLatin1String("consignly")) {
            connection.auth = AuthMethod::ClientCredentials;
            connection.clientId = credentials.value(QStringLiteral("client_id")).toString();
            connection.tokenUrl = QUrl(credentials.value(QStringLiteral("token_url")).toString());
            secret = credentials.value(QStringLiteral("client_secret")).toString();
        }
        if (!rightKey)
            secret = QStringLiteral("sk_wrong_") + secret;

        Vendors::ConnectionProbe probe(*m_client);
        const Vendors::ProbeOutcome outcome = probe.runAndWait(connection, secret);
        QCOMPARE(outcome.ok(), rightKey);
        if (!rightKey)
            QCOMPARE(outcome.kind, Vendors::ProbeOutcome::Kind::BadKey);
        QVERIFY(!outcome.message.contains(secret));
        QStringList secrets{secret};
        if (vendor == QLatin1String("consignly") && rightKey) {
            // The tokens the sandbox issued during this probe must not show either.
            secrets.append(consignlyApi()->issuedTokens());
        }
        assertLogFreeOf(secrets);
    }

    // A secret that ends up in a URL (a query key, as some proxies want) is
    // redacted in the log line and the error message, raw and percent-encoded.
    void secretsInAUrlAreRedacted()
    {
        const QString secret = QStringLiteral("sk/live+query key");
        Net::HttpRequest request;
        request.url = QUrl(m_sandbox->sandbox().rootUrl() + QStringLiteral("/no-such-path"));
        request.url.setQuery(QStringLiteral("key=") + QString::fromLatin1(QUrl::toPercentEncoding(secret)));
        request.headers = {{"Authorization", "Bearer " + secret.toUtf8()}};
        request.secrets = {secret};
        const Net::HttpResult result = m_client->sendAndWait(request);
        QCOMPARE(result.status, 404);
        QVERIFY(!result.errorText.contains(secret));
        assertLogFreeOf({secret});
        QMutexLocker lock(&logMutex);
        for (const QString &line : std::as_const(capturedLog)) // nor any half-decoded form of it
            QVERIFY2(!line.contains(QStringLiteral("live")), qPrintable(line));
        lock.unlock();

        QCOMPARE(Net::redact(QStringLiteral("GET /x?key=sk%2Flive%2Bquery%20key"), {secret}),
                 QStringLiteral("GET /x?key=[redacted]"));
    }
};

QTEST_MAIN(TestNetAuth)
#include "tst_net_auth.moc"
