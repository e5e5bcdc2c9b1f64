#pragma once

#include <QtGlobal>

#include <deque>

namespace ConsignDesk::Sandbox {

/// @short ConsignCloud's leaky bucket: each request adds one; the bucket
/// drains at a steady rate; a request that would overflow it is refused.
class LeakyBucket
{
public:
    LeakyBucket(double capacity = 100, double leakPerSecond = 10) : m_capacity(capacity), m_leak(leakPerSecond) {}

    /// Admits a request at @p nowMs, or returns false with the seconds until one would fit.
    bool admit(qint64 nowMs, double *retryAfterSeconds);
    double level(qint64 nowMs);
    void configure(double capacity, double leakPerSecond);

private:
    void drain(qint64 nowMs);

    double m_capacity;
    double m_leak;
    double m_level = 0;
    qint64 m_lastMs = -1;
};

/// @short At most `limit` requests in any sliding window (SimpleConsign's
/// ten minutes, Consignly's minute).
class WindowLimiter
{
public:
    WindowLimiter(int limit = 100, qint64 windowMs = 600000) : m_limit(limit), m_windowMs(windowMs) {}

    bool admit(qint64 nowMs, double *retryAfterSeconds);
    void configure(int limit, qint64 windowMs);

private:
    int m_limit;
    qint64 m_windowMs;
    std::deque<qint64> m_stamps;
};

} // namespace ConsignDesk::Sandbox
