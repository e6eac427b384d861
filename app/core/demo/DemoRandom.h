#pragma once

#include <QtGlobal>

#include <cstdint>

/**
 * The demo generator's own deterministic PRNG: xoshiro256** seeded through splitmix64. Every draw is defined here
 * (no std::*_distribution, whose output differs between standard libraries), so a seed gives the same data
 * everywhere.
 */
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
    {
        quint64 x = seed;
        for (auto& s : m_s) {
            s = splitmix64(x);
        }
    }

    /** A stream of its own, derived from this one's seed and a label: independent draws per purpose. */
    static DemoRandom derived(quint64 seed, quint64 stream)
    {
        return DemoRandom(seed ^ (stream * 0x9E3779B97F4A7C15ULL));
    }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /** Uniform in [0, n) (Lemire's multiply-shift; the tiny bias is irrelevant for demo data). n > 0. */
    quint32 below(quint32 n) { return quint32(((next() >> 32) * quint64(n)) >> 32); }
    /** Uniform in [lo, hi], both included. */
    int range(int lo, int hi) { return lo + int(below(quint32(hi - lo + 1))); }
    /** Uniform in [0, 1), 53 bits. */
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return uniform() < p; }
    /** An index into a table of non-negative weights (whose sum is `total`). */
    template <typename Weights> int weighted(const Weights& weights, double total)
    {
        double x = uniform() * total;
        int i = 0;
        for (const auto w : weights) {
            if (x < w) {
                return i;
            }
            x -= w;
            ++i;
        }
        return i - 1;
    }

    static quint64 splitmix64(quint64& x)
    {
        quint64 z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4];
};
