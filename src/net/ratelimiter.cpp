#include "net/ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace ConsignDesk::Net {

LeakyBucketLimiter::LeakyBucketLimiter(double capacity, double leakPerSecond, double keepFreeSlots)
    : m_capacity(std::max(1.0, capacity))
    , m_leakPerMs(std::max(1e-6, leakPerSecond) / 1000.0)
    , m_limit(std::clamp(capacity - std::max(0.0, keepFreeSlots), 1.0, std::max(1.0, capacity)))
{
}

void LeakyBucketLimiter::drain(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_level = std::max(0.0, m_level - double(nowMs - m_lastMs) * m_leakPerMs);
    m_lastMs = std::max(m_lastMs, nowMs);
}

qint64 LeakyBucketLimiter::delayBeforeNextMs(qint64 nowMs)
{
    drain(nowMs);
    const double excess = m_level + 1.0 - m_limit;
    if (excess <= 1e-9)
        return 0;
    return std::max<qint64>(1, qint64(std::ceil(excess / m_leakPerMs)));
}

void LeakyBucketLimiter::recordSent(qint64 nowMs)
{
    drain(nowMs);
    m_level += 1.0;
}

void LeakyBucketLimiter::recordRefused(qint64 nowMs)
{
    drain(nowMs);
    m_level = std::max(m_level, m_capacity);
}

double LeakyBucketLimiter::level(qint64 nowMs)
{
    drain(nowMs);
    return m_level;
}

SlidingWindowLimiter::SlidingWindowLimiter(int maxRequests, qint64 windowMs, qint64 marginMs)
    : m_maxRequests(std::max(1, maxRequests))
    , m_windowMs(std::max<qint64>(1, windowMs))
    , m_marginMs(std::max<qint64>(0, marginMs))
{
}

void SlidingWindowLimiter::expire(qint64 nowMs)
{
    // A request sent at t counts until t + window + margin.
    while (!m_sent.empty() && m_sent.front() + m_windowMs + m_marginMs <= nowMs)
        m_sent.pop_front();
}

qint64 SlidingWindowLimiter::delayBeforeNextMs(qint64 nowMs)
{
    expire(nowMs);
    if (int(m_sent.size()) < m_maxRequests)
        return 0;
    // The request whose leaving brings the count below the maximum.
    const qint64 frees = m_sent[m_sent.size() - size_t(m_maxRequests)] + m_windowMs + m_marginMs;
    return std::max<qint64>(1, frees - nowMs);
}

void SlidingWindowLimiter::recordSent(qint64 nowMs)
{
    expire(nowMs);
    m_sent.push_back(nowMs);
}

int SlidingWindowLimiter::inWindow(qint64 nowMs)
{
    expire(nowMs);
    return int(m_sent.size());
}

CombinedLimiter::CombinedLimiter(QList<std::shared_ptr<RateLimiter>> parts)
    : m_parts(std::move(parts))
{
    m_parts.removeAll(nullptr);
}

qint64 CombinedLimiter::delayBeforeNextMs(qint64 nowMs)
{
    qint64 delay = 0;
    for (const auto &part : std::as_const(m_parts))
        delay = std::max(delay, part->delayBeforeNextMs(nowMs));
    return delay;
}

void CombinedLimiter::recordSent(qint64 nowMs)
{
    for (const auto &part : std::as_const(m_parts))
        part->recordSent(nowMs);
}

void CombinedLimiter::recordRefused(qint64 nowMs)
{
    for (const auto &part : std::as_const(m_parts))
        part->recordRefused(nowMs);
}

std::unique_ptr<RateLimiter> consignCloudLimiter()
{
    return std::make_unique<LeakyBucketLimiter>(100, 10, 5);
}

std::unique_ptr<RateLimiter> simpleConsignLimiter()
{
    return std::make_unique<SlidingWindowLimiter>(100, 10 * 60 * 1000);
}

std::unique_ptr<RateLimiter> consignlyConnectionLimiter()
{
    return std::make_unique<SlidingWindowLimiter>(590, 60 * 1000);
}

} // namespace ConsignDesk::Net
