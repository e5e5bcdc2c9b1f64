// The net layer's retry rules and rate-limit models, without a network:
// which answers are retried, Retry-After in all its forms, the jittered
// backoff's bounds, and the limiters paced over a simulated clock.
#include "net/ratelimiter.h"
#include "net/retrypolicy.h"

#include <QTest>

#include <deque>

using namespace ConsignDesk::Net;

namespace {

HttpResult answer(int status, QNetworkReply::NetworkError error = QNetworkReply::NoError)
{
    HttpResult r;
    r.status = status;
    r.error = error;
    return r;
}

// ConsignCloud's bucket as the server keeps it (the sandbox's rules).
struct ServerBucket {
    double level = 0;
    qint64 lastMs = 0;
    bool admit(qint64 nowMs)
    {
        level = std::max(0.0, level - double(nowMs - lastMs) * 10 / 1000.0);
        lastMs = nowMs;
        if (level + 1 > 100 + 1e-9)
            return false;
        level += 1;
        return true;
    }
};

} // namespace

Q_DECLARE_METATYPE(ConsignDesk::Net::HttpResult)

class TestNetRetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryable_data()
    {
        QTest::addColumn<HttpResult>("result");
        QTest::addColumn<bool>("retry");
        QTest::newRow("200") << answer(200) << false;
        QTest::newRow("204") << answer(204) << false;
        QTest::newRow("304") << answer(304) << false;
        QTest::newRow("400") << answer(400, QNetworkReply::ProtocolInvalidOperationError) << false;
        QTest::newRow("401") << answer(401, QNetworkReply::AuthenticationRequiredError) << false;
        QTest::newRow("403") << answer(403, QNetworkReply::ContentAccessDenied) << false;
        QTest::newRow("404") << answer(404, QNetworkReply::ContentNotFoundError) << false;
        QTest::newRow("409") << answer(409, QNetworkReply::ContentConflictError) << false;
        QTest::newRow("422") << answer(422, QNetworkReply::UnknownContentError) << false;
        QTest::newRow("408") << answer(408, QNetworkReply::UnknownContentError) << true;
        QTest::newRow("429") << answer(429, QNetworkReply::UnknownContentError) << true;
        QTest::newRow("500") << answer(500, QNetworkReply::InternalServerError) << true;
        QTest::newRow("502") << answer(502, QNetworkReply::UnknownServerError) << true;
        QTest::newRow("503") << answer(503, QNetworkReply::ServiceUnavailableError) << true;
        QTest::newRow("504") << answer(504, QNetworkReply::UnknownServerError) << true;
        QTest::newRow("599") << answer(599, QNetworkReply::UnknownServerError) << true;
        QTest::newRow("refused") << answer(0, QNetworkReply::ConnectionRefusedError) << true;
        QTest::newRow("closed") << answer(0, QNetworkReply::RemoteHostClosedError) << true;
        QTest::newRow("200 then closed") << answer(200, QNetworkReply::RemoteHostClosedError) << true;
        QTest::newRow("temporary failure") << answer(0, QNetworkReply::TemporaryNetworkFailureError) << true;
        QTest::newRow("tls") << answer(0, QNetworkReply::SslHandshakeFailedError) << false;
        QTest::newRow("aborted, no timeout") << answer(0, QNetworkReply::OperationCanceledError) << false;
        QTest::newRow("unknown scheme") << answer(0, QNetworkReply::ProtocolUnknownError) << false;
        HttpResult timedOut = answer(0, QNetworkReply::OperationCanceledError);
        timedOut.timedOut = true;
        QTest::newRow("timed out") << timedOut << true;
        HttpResult malformed = answer(200);
        malformed.malformedBody = true;
        QTest::newRow("200, body cut short") << malformed << true;
        HttpResult cancelled = answer(0, QNetworkReply::OperationCanceledError);
        cancelled.cancelled = true;
        cancelled.timedOut = true;
        QTest::newRow("cancelled") << cancelled << false;
        HttpResult cancelled503 = answer(503, QNetworkReply::ServiceUnavailableError);
        cancelled503.cancelled = true;
        QTest::newRow("cancelled 503") << cancelled503 << false;
    }
    void retryable()
    {
        QFETCH(HttpResult, result);
        QFETCH(bool, retry);
        QCOMPARE(isRetryable(result), retry);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expected"); // -1: none
        QTest::newRow("2") << QByteArray("2") << qint64(2000);
        QTest::newRow("2.0") << QByteArray("2.0") << qint64(2000);
        QTest::newRow("0.5") << QByteArray("0.5") << qint64(500);
        QTest::newRow("0") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 7 ") << qint64(7000);
        QTest::newRow("imf-fixdate") << QByteArray("Mon, 01 Jun 2026 12:00:30 GMT") << qint64(30000);
        QTest::newRow("rfc 850") << QByteArray("Monday, 01-Jun-26 12:00:10 GMT") << qint64(10000);
        QTest::newRow("asctime") << QByteArray("Mon Jun  1 12:00:05 2026") << qint64(5000);
        QTest::newRow("date in the past") << QByteArray("Mon, 01 Jun 2026 11:59:00 GMT") << qint64(0);
        QTest::newRow("date far ahead") << QByteArray("Tue, 02 Jun 2026 12:00:00 GMT") << qint64(120000);
        QTest::newRow("86400 clamped") << QByteArray("86400") << qint64(120000);
        QTest::newRow("huge") << QByteArray("99999999999999999999999") << qint64(120000);
        QTest::newRow("missing") << QByteArray() << qint64(-1);
        QTest::newRow("blank") << QByteArray("  ") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("two dots") << QByteArray("1.2.3") << qint64(-1);
        QTest::newRow("bad date") << QByteArray("Mon, 41 Jun 2026 12:00:30 GMT") << qint64(-1);
    }
    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
        const std::optional<qint64> wait = retryAfterMs(header, now);
        if (expected < 0) {
            QVERIFY2(!wait, qPrintable(QString::number(wait.value_or(-1))));
        } else {
            QVERIFY(wait.has_value());
            QCOMPARE(*wait, expected);
        }
    }
    void retryAfterClampsToThePolicy()
    {
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(retryAfterMs("86400", now, 5000).value_or(-1), 5000);
        QCOMPARE(retryAfterMs("3", now, 5000).value_or(-1), 3000);
        RetryPolicy policy;
        QCOMPARE(policy.maxRetryAfterMs, 120000);
    }

    void backoffStaysWithinItsCap()
    {
        RetryPolicy policy; // 500 ms base, 60 s cap
        QCOMPARE(backoffCapMs(0, policy), 500);
        QCOMPARE(backoffCapMs(1, policy), 1000);
        QCOMPARE(backoffCapMs(3, policy), 4000);
        QCOMPARE(backoffCapMs(7, policy), 60000);
        QCOMPARE(backoffCapMs(1000, policy), 60000); // no overflow
        QRandomGenerator random(42);
        for (int attempt = 0; attempt < 12; ++attempt) {
            qint64 lowest = std::numeric_limits<qint64>::max();
            qint64 highest = 0;
            for (int i = 0; i < 400; ++i) {
                const qint64 wait = backoffMs(attempt, policy, random);
                QVERIFY(wait >= 0);
                QVERIFY(wait <= backoffCapMs(attempt, policy));
                lowest = std::min(lowest, wait);
                highest = std::max(highest, wait);
            }
            // Full jitter: the draws spread over the whole range.
            const qint64 cap = backoffCapMs(attempt, policy);
            QVERIFY2(lowest < cap / 4 && highest > cap * 3 / 4, qPrintable(QString::number(attempt)));
        }
        policy.baseDelayMs = 0;
        QCOMPARE(backoffMs(3, policy, random), 0);
    }

    void leakyBucketNeverOverflowsAndSustainsTenPerSecond()
    {
        LeakyBucketLimiter limiter(100, 10, 5);
        ServerBucket server;
        std::deque<qint64> sent;
        qint64 now = 0;
        for (int i = 0; i < 500; ++i) {
            const qint64 wait = limiter.delayBeforeNextMs(now);
            QVERIFY(wait >= 0);
            now += wait;
            QCOMPARE(limiter.delayBeforeNextMs(now), 0);
            limiter.recordSent(now);
            QVERIFY2(limiter.level(now) <= 100, qPrintable(QString::number(limiter.level(now))));
            QVERIFY2(server.admit(now + 3), "the server's bucket would refuse it"); // it arrives a little later
            sent.push_back(now);
            now += 2; // the request itself
        }
        // The first 95 leave at once; then the leak paces the rest.
        QVERIFY(sent[94] < 500);
        const double sustained = double(sent.size() - 101) / (double(sent.back() - sent[100]) / 1000.0);
        QVERIFY2(sustained <= 10.0 + 1e-6, qPrintable(QString::number(sustained)));
        QVERIFY2(sustained >= 9.5, qPrintable(QString::number(sustained)));
        // In any one second after the burst, at most 10 (+1 at the edge).
        for (size_t i = 100; i < sent.size(); ++i) {
            size_t j = i;
            while (j < sent.size() && sent[j] < sent[i] + 1000)
                ++j;
            QVERIFY(j - i <= 11);
        }
    }

    void leakyBucketAfterARefusalWaits()
    {
        LeakyBucketLimiter limiter(100, 10, 5);
        limiter.recordSent(0);
        limiter.recordRefused(10);
        QCOMPARE(limiter.level(10), 100.0);
        const qint64 wait = limiter.delayBeforeNextMs(10);
        QCOMPARE(wait, 600); // down to 94, so one more fits under 95
    }

    void slidingWindowKeepsItsMaximum()
    {
        SlidingWindowLimiter limiter(100, 600000, 1000);
        qint64 now = 0;
        std::deque<qint64> sent;
        for (int i = 0; i < 250; ++i) {
            now += limiter.delayBeforeNextMs(now);
            QCOMPARE(limiter.delayBeforeNextMs(now), 0);
            limiter.recordSent(now);
            sent.push_back(now);
            QVERIFY(limiter.inWindow(now) <= 100);
            now += 5;
        }
        // Any ten minutes hold at most 100 of them.
        for (size_t i = 0; i < sent.size(); ++i) {
            size_t j = i;
            while (j < sent.size() && sent[j] < sent[i] + 600000)
                ++j;
            QVERIFY(j - i <= 100);
        }
        // The 101st waits until the first left the window, plus the margin.
        QCOMPARE(sent[100], sent[0] + 600000 + 1000);
        QCOMPARE(sent[200], sent[100] + 600000 + 1000);

        SlidingWindowLimiter perMinute(3, 60000, 0);
        perMinute.recordSent(0);
        perMinute.recordSent(100);
        perMinute.recordSent(200);
        QCOMPARE(perMinute.delayBeforeNextMs(300), 60000 - 300);
        QCOMPARE(perMinute.delayBeforeNextMs(60000), 0);
    }

    void combinedWaitsForTheStrictest()
    {
        auto connection = std::make_shared<SlidingWindowLimiter>(5, 1000, 0);
        auto organisation = std::make_shared<SlidingWindowLimiter>(3, 1000, 0);
        CombinedLimiter both({connection, organisation});
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(both.delayBeforeNextMs(i), 0);
            both.recordSent(i);
        }
        QCOMPARE(both.delayBeforeNextMs(3), 997);
        QCOMPARE(connection->inWindow(3), 3);
        NoLimit none;
        QCOMPARE(none.delayBeforeNextMs(0), 0);
        QVERIFY(consignCloudLimiter());
        QVERIFY(simpleConsignLimiter());
        QVERIFY(consignlyConnectionLimiter());
    }
};

QTEST_GUILESS_MAIN(TestNetRetry)
#include "tst_net_retry.moc"
