#pragma once

#include <QtGlobal>

#include <cstddef>
#include <cstdint>

namespace ConsignDesk::Sandbox {

/// Mixes two values into one well-spread 64-bit value (SplitMix64's finaliser).
constexpr std::uint64_t mix(std::uint64_t a, std::uint64_t b = 0)
{
    std::uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// @short A small deterministic generator (SplitMix64): the same seed gives the
/// same store on every machine, so generated data can be addressed by index.
class Rng
{
public:
    explicit constexpr Rng(std::uint64_t seed) : m_state(seed) {}
    Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) : m_state(mix(mix(seed, stream), index)) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [lo, hi], both included.
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(next() % std::uint64_t(hi - lo + 1)); }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double probability) { return unit() < probability; }
    template<typename T, std::size_t N>
    const T &pick(const T (&items)[N]) { return items[next() % N]; }

private:
    std::uint64_t m_state;
};

} // namespace ConsignDesk::Sandbox
