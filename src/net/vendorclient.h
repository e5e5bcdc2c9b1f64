#pragma once

#include "net/httpclient.h"
#include "net/ratelimiter.h"
#include "net/retrypolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

namespace ConsignDesk::Net {

class TokenSource;

/// True when @p body is one JSON value with balanced brackets and closed
/// strings: a cheap check for a body cut short, linear in its size.
bool isCompleteJson(const QByteArray &body);

/// @short How VendorClient treats one request.
struct RequestOptions {
    /// A 2xx answer must be complete JSON; one that is not (a body cut short:
    /// Qt 6.4 reports a chunked body cut mid-way as NoError/200) is treated as
    /// a transport fault, retried, and finally delivered with malformedBody set.
    bool expectJson = false;
    /// May be sent again although its method is not GET/HEAD/OPTIONS: a read
    /// that is a POST (SimpleConsign's inventory search). Never set it on a
    /// write: a payout is never re-sent automatically.
    bool idempotent = false;
    /// A further check of a 2xx answer; false makes it malformed, as expectJson does.
    std::function<bool(const HttpResult &)> validate;
};

/// @short The requests of one connection: queued, paced by the vendor's rate
/// limit, sent with a Bearer token when there is a token source (renewed once
/// on a 401), and tried again on 408/429/5xx, timeouts, dropped connections
/// and cut bodies, waiting Retry-After or a jittered backoff, within the
/// policy's attempts and the run's retry budget. Never blocks: every wait is
/// a timer.
class VendorClient : public QObject
{
    Q_OBJECT
public:
    using Callback = HttpClient::Callback;

    explicit VendorClient(HttpClient &http, QObject *parent = nullptr);
    /// Aborts what is in flight; callbacks not yet run are dropped.
    ~VendorClient() override;

    /// The connection's name in messages (default: the request's host).
    void setName(const QString &name) { m_name = name; }
    void setPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &policy() const { return m_policy; }
    /// The vendor's limit (consignCloudLimiter() …); may be shared between clients. Null: none.
    void setRateLimiter(std::shared_ptr<RateLimiter> limiter) { m_limiter = std::move(limiter); }
    /// Where Bearer tokens come from; not owned, must outlive the requests. Null: the
    /// request carries its own credentials.
    void setTokenSource(TokenSource *tokens) { m_tokens = tokens; }
    /// Requests worked on at once (default 1); a request waiting to be retried holds its place.
    void setMaxConcurrent(int requests);
    int maxConcurrent() const { return m_maxConcurrent; }
    /// Starts a run's retry budget: at most @p retries re-sends in all (negative: no limit
    /// beyond the policy's attempts per request); retriesUsed() starts again at 0.
    void setRetryBudget(int retries);
    int retryBudget() const { return m_retryBudget; }
    int retriesUsed() const { return m_retriesUsed; }
    /// Whether the last request that ended (after its retries) got no HTTP
    /// answer at all: the server could not be reached (refused, no route, name
    /// unknown, timed out). False after any answer, even an error status.
    bool lastRequestUnreachable() const { return m_lastUnreachable; }
    /// Seeds the backoff jitter (tests).
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    /// Queues @p request; @p done runs once, never inside this call, with the
    /// final result: the answer, the last failure after the attempts or the
    /// budget ran out (HttpResult::attempts says how many), or cancelled.
    void send(const HttpRequest &request, Callback done, const RequestOptions &options = {});
    /// Requests queued, waiting or in flight.
    int pending() const;
    /// Ends every queued, waiting and in-flight request (in flight ones are
    /// aborted); each callback runs at once with HttpResult::cancelled.
    void cancelAll();

Q_SIGNALS:
    /// Requests wait @p ms (at least a second) for the rate limit or a server's Retry-After.
    void paused(qint64 ms, const QString &reason);
    /// Requests leave again after paused().
    void resumed();
    /// A request is sent again; @p attempt is the number of the coming send (2 for the first retry).
    void retrying(int attempt, const QString &reason);

private:
    struct Job;
    using JobPtr = std::shared_ptr<Job>;

    void schedulePump();
    void pump();
    void proceed(const JobPtr &job);
    void transmit(const JobPtr &job);
    void sendHttp(const JobPtr &job);
    void answered(const JobPtr &job, HttpResult result);
    void finish(const JobPtr &job, const HttpResult &result);
    void notePause(qint64 waitMs, const QString &reason);
    bool mayResend(const Job &job) const;
    QString nameFor(const HttpRequest &request) const;
    QString describe(const HttpResult &result) const;
    qint64 nowMs() const { return m_clock.elapsed(); }

    HttpClient &m_http;
    QString m_name;
    RetryPolicy m_policy;
    std::shared_ptr<RateLimiter> m_limiter;
    TokenSource *m_tokens = nullptr;
    int m_maxConcurrent = 1;
    int m_retryBudget = -1;
    int m_retriesUsed = 0;
    bool m_lastUnreachable = false;
    QRandomGenerator m_random;
    QElapsedTimer m_clock;

    std::deque<JobPtr> m_queue;
    QList<JobPtr> m_active;
    bool m_pumpScheduled = false;
    qint64 m_holdUntilMs = 0;   ///< a server's Retry-After: nothing leaves before
    qint64 m_pausedUntilMs = -1; ///< paused() was emitted for a wait until then; -1: not paused
};

} // namespace ConsignDesk::Net
