#pragma once

#include <QList>
#include <QtGlobal>

#include <deque>
#include <memory>

namespace ConsignDesk::Net {

/// @short The client's own model of a vendor's rate limit, so requests are
/// paced and never refused. Pure: the caller passes the monotonic time in
/// milliseconds. Usage: wait delayBeforeNextMs(now); when it is 0, send and
/// call recordSent(now).
class RateLimiter
{
public:
    virtual ~RateLimiter() = default;
    /// How long to wait from @p nowMs before the next request may leave; 0: now.
    virtual qint64 delayBeforeNextMs(qint64 nowMs) = 0;
    /// A request left at @p nowMs.
    virtual void recordSent(qint64 nowMs) = 0;
    /// The server refused a request for its rate limit (429) although the
    /// model allowed it (another client on the same key, a clock skew): the
    /// model makes itself stricter.
    virtual void recordRefused(qint64 nowMs) { Q_UNUSED(nowMs) }
};

/// @short No limit (Consignify documents none).
class NoLimit : public RateLimiter
{
public:
    qint64 delayBeforeNextMs(qint64) override { return 0; }
    void recordSent(qint64) override {}
};

/// @short A leaky bucket (ConsignCloud: 100 requests, leaking 10 a second,
/// 429 without Retry-After when it overflows). Each request adds one; the
/// level drains continuously; a request leaves only when the level stays at
/// most capacity - keepFreeSlots, so the server's bucket, which starts
/// counting a little later than ours, never overflows.
class LeakyBucketLimiter : public RateLimiter
{
public:
    explicit LeakyBucketLimiter(double capacity = 100, double leakPerSecond = 10, double keepFreeSlots = 5);

    qint64 delayBeforeNextMs(qint64 nowMs) override;
    void recordSent(qint64 nowMs) override;
    /// The server says its bucket is full: ours is too.
    void recordRefused(qint64 nowMs) override;
    /// The model's level at @p nowMs (requests in the bucket).
    double level(qint64 nowMs);
    double capacity() const { return m_capacity; }

private:
    void drain(qint64 nowMs);

    double m_capacity;
    double m_leakPerMs;
    double m_limit; ///< the level a request may bring the bucket to
    double m_level = 0;
    qint64 m_lastMs = -1;
};

/// @short At most maxRequests in any sliding window of windowMs
/// (SimpleConsign: 100 in ten minutes; Consignly: 600 a minute per access
/// token, 3,000 per organisation). A request's slot frees marginMs after the
/// window, as the server stamps it a little later than we do.
class SlidingWindowLimiter : public RateLimiter
{
public:
    SlidingWindowLimiter(int maxRequests, qint64 windowMs, qint64 marginMs = 1000);

    qint64 delayBeforeNextMs(qint64 nowMs) override;
    void recordSent(qint64 nowMs) override;
    /// Requests the model counts in the window ending at @p nowMs.
    int inWindow(qint64 nowMs);

private:
    void expire(qint64 nowMs);

    int m_maxRequests;
    qint64 m_windowMs;
    qint64 m_marginMs;
    std::deque<qint64> m_sent;
};

/// @short Several limits at once (Consignly's per connection and per
/// organisation); a request waits for the strictest. Parts may be shared
/// with other connections' limiters.
class CombinedLimiter : public RateLimiter
{
public:
    explicit CombinedLimiter(QList<std::shared_ptr<RateLimiter>> parts);

    qint64 delayBeforeNextMs(qint64 nowMs) override;
    void recordSent(qint64 nowMs) override;
    void recordRefused(qint64 nowMs) override;

private:
    QList<std::shared_ptr<RateLimiter>> m_parts;
};

/// The documented limits of each vendor, as limiters for one connection.
std::unique_ptr<RateLimiter> consignCloudLimiter();   ///< leaky bucket 100, 10/s
std::unique_ptr<RateLimiter> simpleConsignLimiter();  ///< 100 in ten minutes
std::unique_ptr<RateLimiter> consignlyConnectionLimiter(); ///< 600 a minute per token (kept below, at 590)

} // namespace ConsignDesk::Net
