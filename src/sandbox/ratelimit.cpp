#include "sandbox/ratelimit.h"

#include <algorithm>

namespace ConsignDesk::Sandbox {

void LeakyBucket::drain(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_level = std::max(0.0, m_level - double(nowMs - m_lastMs) * m_leak / 1000.0);
    m_lastMs = std::max(m_lastMs, nowMs);
}

bool LeakyBucket::admit(qint64 nowMs, double *retryAfterSeconds)
{
    drain(nowMs);
    if (m_level + 1.0 <= m_capacity + 1e-9) {
        m_level += 1.0;
        return true;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = (m_level + 1.0 - m_capacity) / m_leak;
    return false;
}

double LeakyBucket::level(qint64 nowMs)
{
    drain(nowMs);
    return m_level;
}

void LeakyBucket::configure(double capacity, double leakPerSecond)
{
    m_capacity = capacity;
    m_leak = leakPerSecond;
}

bool WindowLimiter::admit(qint64 nowMs, double *retryAfterSeconds)
{
    while (!m_stamps.empty() && m_stamps.front() <= nowMs - m_windowMs)
        m_stamps.pop_front();
    if (int(m_stamps.size()) < m_limit) {
        m_stamps.push_back(nowMs);
        return true;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = double(m_stamps.front() + m_windowMs - nowMs) / 1000.0;
    return false;
}

void WindowLimiter::configure(int limit, qint64 windowMs)
{
    m_limit = limit;
    m_windowMs = windowMs;
    m_stamps.clear();
}

} // namespace ConsignDesk::Sandbox
