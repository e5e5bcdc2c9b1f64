#include "net/vendorclient.h"

#include "net/accesstoken.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ConsignDesk::Net {

/// One pass over the bytes: one JSON value whose brackets balance, strings
/// closed, nothing but whitespace after. Catches a body cut short (what Qt
/// reports as a complete 200) without building a document of a body that
/// may be hundreds of megabytes; the connectors' parsers judge the rest.
bool isCompleteJson(const QByteArray &body)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool started = false;
    bool ended = false;
    for (const char c : body) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (ended)
            return false; // something after the value
        started = true;
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth < 0)
                return false;
            if (depth == 0)
                ended = true;
        }
    }
    if (!started || inString || depth != 0)
        return false;
    return true;
}


namespace {

constexpr qint64 pauseThresholdMs = 1000; // shorter waits are not worth telling anyone

int seconds(qint64 ms)
{
    return int(std::ceil(double(ms) / 1000.0));
}

bool isSafeMethod(const QByteArray &method)
{
    const QByteArray upper = method.toUpper();
    return upper == "GET" || upper == "HEAD" || upper == "OPTIONS";
}

} // namespace

struct VendorClient::Job {
    HttpRequest request;
    RequestOptions options;
    Callback done;
    int attempt = 0;       ///< sends so far, a token renewal not counted
    bool renewed = false;  ///< the one renewal after a 401 is spent
    bool finished = false; ///< the callback ran or will run; every late answer is ignored
    qint64 notBeforeMs = 0;
    QString token;
    QPointer<QNetworkReply> reply;
    QTimer timer;
};

VendorClient::VendorClient(HttpClient &http, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_random(QRandomGenerator::global()->generate())
{
    m_clock.start();
}

VendorClient::~VendorClient()
{
    QList<JobPtr> jobs = m_active;
    jobs.append(QList<JobPtr>(m_queue.begin(), m_queue.end()));
    m_active.clear();
    m_queue.clear();
    for (const JobPtr &job : std::as_const(jobs)) {
        job->finished = true;
        job->timer.stop();
        if (job->reply)
            job->reply->abort();
    }
}

void VendorClient::setMaxConcurrent(int requests)
{
    m_maxConcurrent = std::max(1, requests);
    schedulePump();
}

void VendorClient::setRetryBudget(int retries)
{
    m_retryBudget = retries;
    m_retriesUsed = 0;
}

int VendorClient::pending() const
{
    return int(m_queue.size()) + int(m_active.size());
}

void VendorClient::send(const HttpRequest &request, Callback done, const RequestOptions &options)
{
    auto job = std::make_shared<Job>();
    job->request = request;
    job->options = options;
    job->done = std::move(done);
    job->timer.setSingleShot(true);
    // The timer's connection dies with the job; the job is held by the queues only.
    std::weak_ptr<Job> weak = job;
    connect(&job->timer, &QTimer::timeout, this, [this, weak] {
        if (const JobPtr job = weak.lock(); job && !job->finished)
            proceed(job);
    });
    m_queue.push_back(std::move(job));
    schedulePump();
}

void VendorClient::schedulePump()
{
    // Never from inside send(), so a callback never runs before send() returned.
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &VendorClient::pump, Qt::QueuedConnection);
}

void VendorClient::pump()
{
    m_pumpScheduled = false;
    while (m_active.size() < m_maxConcurrent && !m_queue.empty()) {
        JobPtr job = std::move(m_queue.front());
        m_queue.pop_front();
        m_active.append(job);
        proceed(job);
    }
}

void VendorClient::proceed(const JobPtr &job)
{
    const qint64 now = nowMs();
    const qint64 ownWait = job->notBeforeMs - now;   // the job's backoff or Retry-After
    const qint64 holdWait = m_holdUntilMs - now;     // a Retry-After that stops everyone
    const qint64 limitWait = m_limiter ? m_limiter->delayBeforeNextMs(now) : 0;
    const qint64 wait = std::max({ownWait, holdWait, limitWait, qint64(0)});
    if (wait <= 0) {
        transmit(job);
        return;
    }
    if (limitWait >= pauseThresholdMs && limitWait >= holdWait && limitWait >= ownWait) {
        const QString name = nameFor(job->request);
        notePause(limitWait, tr("Pausing %1 s for the rate limit of %2.").arg(seconds(limitWait)).arg(name));
    }
    job->timer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void VendorClient::notePause(qint64 waitMs, const QString &reason)
{
    const qint64 until = nowMs() + waitMs;
    // One signal per pause, not one per waiting request.
    if (m_pausedUntilMs >= 0 && until <= m_pausedUntilMs + pauseThresholdMs / 2)
        return;
    m_pausedUntilMs = until;
    qCInfo(lcHttp).noquote() << "paused" << waitMs << "ms:" << reason;
    Q_EMIT paused(waitMs, reason);
}

void VendorClient::transmit(const JobPtr &job)
{
    const qint64 now = nowMs();
    if (m_limiter)
        m_limiter->recordSent(now);
    ++job->attempt;
    if (m_pausedUntilMs >= 0) {
        m_pausedUntilMs = -1;
        QPointer<VendorClient> self(this);
        Q_EMIT resumed();
        if (!self || job->finished)
            return;
    }
    if (!m_tokens) {
        sendHttp(job);
        return;
    }
    QPointer<VendorClient> self(this);
    m_tokens->token([self, job](const QString &token, const QString &error) {
        if (!self || job->finished)
            return;
        if (!error.isEmpty()) {
            HttpResult failed;
            failed.error = QNetworkReply::AuthenticationRequiredError;
            failed.errorText = redact(error, job->request.secrets);
            failed.attempts = job->attempt;
            self->finish(job, failed);
            return;
        }
        job->token = token;
        applyBearer(job->request, token);
        self->sendHttp(job);
    });
}

void VendorClient::sendHttp(const JobPtr &job)
{
    QPointer<VendorClient> self(this);
    job->reply = m_http.send(job->request, [self, job](const HttpResult &result) {
        if (!self || job->finished)
            return;
        job->reply.clear();
        self->answered(job, result);
    });
}

bool VendorClient::mayResend(const Job &job) const
{
    return job.options.idempotent || isSafeMethod(job.request.method);
}

QString VendorClient::nameFor(const HttpRequest &request) const
{
    return m_name.isEmpty() ? request.url.host() : m_name;
}

QString VendorClient::describe(const HttpResult &result) const
{
    if (result.malformedBody)
        return tr("the answer was cut short or is not valid JSON");
    if (result.timedOut)
        return tr("no answer in time");
    if (result.status != 0)
        return tr("status %1").arg(result.status);
    return result.errorText;
}

void VendorClient::answered(const JobPtr &job, HttpResult result)
{
    result.attempts = job->attempt;
    const QString name = nameFor(job->request);
    const QString endpoint = job->request.endpoint.isEmpty()
        ? QString::fromLatin1(job->request.method) + u' ' + job->request.url.path()
        : job->request.endpoint;
    const QString described = redact(endpoint, job->request.secrets);

    // A refused token is renewed once; that is not a retry.
    if (result.status == 401 && m_tokens && !job->renewed && !job->token.isEmpty() && m_tokens->invalidate(job->token)) {
        job->renewed = true;
        --job->attempt;
        qCInfo(lcHttp).noquote() << described << "-> 401; renewing the token once";
        proceed(job);
        return;
    }

    // Also when Qt saw the connection close: the body is what came before.
    if (result.status >= 200 && result.status < 300 && result.status != 204) {
        bool valid = true;
        if (job->options.expectJson)
            valid = isCompleteJson(result.body);
        if (valid && job->options.validate)
            valid = job->options.validate(result);
        if (!valid) {
            result.malformedBody = true;
            result.errorText = tr("The answer of %1 to %2 was cut short or is not valid JSON.").arg(name, described);
        }
    }

    if (!isRetryable(result)) {
        finish(job, result);
        return;
    }
    if (!mayResend(*job)) {
        qCWarning(lcHttp).noquote() << described << "failed:" << describe(result) << "- not sent again, as"
                                    << job->request.method << "is not idempotent";
        finish(job, result);
        return;
    }
    if (job->attempt >= m_policy.maxAttempts) {
        qCWarning(lcHttp).noquote() << described << "failed" << job->attempt << "times; giving up:" << describe(result);
        finish(job, result);
        return;
    }
    if (m_retryBudget >= 0 && m_retriesUsed >= m_retryBudget) {
        qCWarning(lcHttp).noquote() << described << "failed:" << describe(result) << "- the retry budget of"
                                    << m_retryBudget << "is spent";
        finish(job, result);
        return;
    }
    ++m_retriesUsed;

    const qint64 now = nowMs();
    std::optional<qint64> serverWait;
    if (result.status == 429 || result.status == 503) {
        // An HTTP date is measured from the server's own clock when it sent one.
        const QDateTime serverNow = parseHttpDate(result.header("Date")).value_or(QDateTime::currentDateTimeUtc());
        serverWait = retryAfterMs(result.header("Retry-After"), serverNow, m_policy.maxRetryAfterMs);
    }
    if (result.status == 429 && m_limiter)
        m_limiter->recordRefused(now);
    qint64 wait = 0;
    if (serverWait) {
        wait = *serverWait;
        m_holdUntilMs = std::max(m_holdUntilMs, now + wait); // the whole connection waits, not just this request
    } else {
        wait = backoffMs(job->attempt - 1, m_policy, m_random);
    }
    job->notBeforeMs = now + wait;

    const int next = job->attempt + 1;
    const QString reason = tr("%1, %2: %3. Trying again in %4 s (attempt %5 of %6).")
                               .arg(name, described, describe(result))
                               .arg(double(wait) / 1000.0, 0, 'f', 1)
                               .arg(next)
                               .arg(m_policy.maxAttempts);
    qCInfo(lcHttp).noquote() << reason;
    QPointer<VendorClient> self(this);
    Q_EMIT retrying(next, reason);
    if (!self || job->finished)
        return;
    if (serverWait && wait >= pauseThresholdMs) {
        notePause(wait, tr("%1 asked to wait %2 s (status %3).").arg(name).arg(seconds(wait)).arg(result.status));
        if (!self || job->finished)
            return;
    }
    proceed(job);
}

void VendorClient::finish(const JobPtr &job, const HttpResult &result)
{
    job->finished = true;
    job->timer.stop();
    m_active.removeOne(job);
    if (!result.cancelled)
        m_lastUnreachable = result.transportFailed() && !result.tlsFailed();
    const Callback done = std::move(job->done);
    QPointer<VendorClient> self(this);
    if (done)
        done(result);
    if (self)
        schedulePump();
}

void VendorClient::cancelAll()
{
    QList<JobPtr> jobs = std::exchange(m_active, {});
    for (JobPtr &job : m_queue)
        jobs.append(std::move(job));
    m_queue.clear();
    for (const JobPtr &job : std::as_const(jobs)) {
        job->finished = true;
        job->timer.stop();
        if (job->reply)
            job->reply->abort(); // its answer is ignored: the job is finished
    }
    if (!jobs.isEmpty())
        qCInfo(lcHttp) << "cancelled" << jobs.size() << "requests";
    QPointer<VendorClient> self(this);
    if (m_pausedUntilMs >= 0) {
        m_pausedUntilMs = -1;
        Q_EMIT resumed();
    }
    for (const JobPtr &job : std::as_const(jobs)) {
        HttpResult cancelled;
        cancelled.cancelled = true;
        cancelled.error = QNetworkReply::OperationCanceledError;
        cancelled.errorText = tr("Cancelled.");
        cancelled.attempts = job->attempt;
        if (const Callback done = std::move(job->done))
            done(cancelled);
    }
}

} // namespace ConsignDesk::Net
