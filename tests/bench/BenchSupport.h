#pragma once

// The output and statistics every bench tool shares: RESULT lines for run-bench.sh on stdout, progress on stderr.

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace Bench {

inline void out(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

inline void err(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : (n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2);
}

/** The value at fraction p (0–1) of the sorted values: the nearest rank at or above, as the bench tools report it. */
inline double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min(values.size() - 1, qsizetype(p * double(values.size()))));
}

/** RESULT|name|value|unit|budget|verdict (ok / FAIL when a limit is given). */
inline void result(const QString& name, double value, const QString& unit, const QString& budget = {},
                   double limit = -1)
{
    const QString verdict = limit < 0 ? QString() : (value <= limit ? QStringLiteral("ok") : QStringLiteral("FAIL"));
    out(QStringLiteral("RESULT|%1|%2|%3|%4|%5").arg(name).arg(value, 0, 'f', 3).arg(unit, budget, verdict));
}

inline double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace Bench
