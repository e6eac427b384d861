#include "metrics/Metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Metrics {

std::optional<double> mean(const QList<double>& values)
{
    if (values.isEmpty()) {
        return std::nullopt;
    }
    return std::accumulate(values.cbegin(), values.cend(), 0.0) / double(values.size());
}

std::optional<double> percentile(QList<double> values, double q)
{
    if (values.isEmpty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const double rank = q / 100.0 * double(values.size() - 1);
    const auto lower = qsizetype(std::floor(rank));
    const qsizetype upper = std::min(lower + 1, values.size() - 1);
    const double fraction = rank - double(lower);
    return values[lower] + (values[upper] - values[lower]) * fraction;
}

std::optional<double> median(QList<double> values)
{
    return percentile(std::move(values), 50);
}

namespace {
Summary summarize(const QList<double>& values, bool withP90)
{
    Summary s;
    s.n = int(values.size());
    s.mean = mean(values);
    s.median = median(values);
    if (withP90) {
        s.p90 = percentile(values, 90);
    }
    return s;
}

std::optional<double> ratio(qint64 part, qint64 whole)
{
    return whole == 0 ? std::nullopt : std::optional<double>(double(part) / double(whole));
}

/** Whether one of `times` (sorted) lies in (closed, closed + 30 days]. */
bool recursAfter(const QList<qint64>& times, qint64 closed)
{
    const auto it = std::upper_bound(times.cbegin(), times.cend(), closed);
    return it != times.cend() && *it - closed <= kRecurrenceWindowSecs;
}
} // namespace

Figures compute(const Period& period, const Input& input)
{
    Figures f;
    f.period = period;
    const qint64 asOf = period.asOf.toSecsSinceEpoch();
    const qint64 begin = period.begin().toSecsSinceEpoch();
    const qint64 end = period.end().toSecsSinceEpoch();
    const auto inPeriod = [begin, end](qint64 secs) {
        return secs >= begin && secs < end;
    };

    // The received times of every citizen's cases, the period's own included, sorted for the recurrence.
    QHash<qint64, QList<qint64>> citizenTimes = input.citizenCases;
    citizenTimes.remove(0);

    QList<double> firstResponse;
    QList<double> resolution;
    qint64 within48Counted = 0;
    qint64 within48Complied = 0;
    qint64 rated = 0;
    qint64 satisfied = 0;
    qint64 npsAnswers = 0;
    qint64 promoters = 0;
    qint64 detractors = 0;
    qint64 transfers = 0;
    QList<const CaseInput*> closedWithCitizen;
    QHash<QString, int> perCategory;

    for (const CaseInput& c : input.cases) {
        if (!inPeriod(c.received)) {
            continue;
        }
        ++f.cases;
        if (c.citizenId != 0) {
            citizenTimes[c.citizenId].append(c.received);
        }
        if (c.acknowledged) {
            firstResponse.append(double(*c.acknowledged - c.received) / 60.0);
        }
        if (c.resolved) {
            resolution.append(double(*c.resolved - c.received) / 3600.0);
        }
        // The 48-hour rule: t = the earlier of answered and resolved.
        std::optional<qint64> t = c.answered;
        if (c.resolved && (!t || *c.resolved < *t)) {
            t = c.resolved;
        }
        if (t || c.received + kAnswerWindowSecs <= asOf) {
            ++within48Counted;
            if (t && *t - c.received <= kAnswerWindowSecs) {
                ++within48Complied;
            }
        }
        if (!c.ratingExcluded) {
            if (c.rating && *c.rating >= 1 && *c.rating <= 5) {
                ++rated;
                satisfied += *c.rating >= 4 ? 1 : 0;
            }
            if (c.nps && *c.nps >= 0 && *c.nps <= 10) {
                ++npsAnswers;
                promoters += *c.nps >= 9 ? 1 : 0;
                detractors += *c.nps <= 6 ? 1 : 0;
            }
        }
        if (c.closed && c.citizenId != 0) {
            closedWithCitizen.append(&c);
        }
        transfers += c.transferCount;
        ++perCategory[c.category];
    }

    for (auto& times : citizenTimes) {
        std::sort(times.begin(), times.end());
    }
    qint64 recurred = 0;
    for (const CaseInput* c : std::as_const(closedWithCitizen)) {
        recurred += recursAfter(citizenTimes.value(c->citizenId), *c->closed) ? 1 : 0;
    }

    QList<double> waiting;
    for (const QueueVisitInput& v : input.visits) {
        if (inPeriod(v.issued) && v.called) {
            waiting.append(double(*v.called - v.issued) / 60.0);
        }
    }

    f.firstResponseMinutes = summarize(firstResponse, false);
    f.resolutionHours = summarize(resolution, false);
    f.within48hN = int(within48Counted);
    f.within48hRate = ratio(within48Complied, within48Counted);
    f.csatN = int(rated);
    f.csat = ratio(satisfied, rated);
    f.npsN = int(npsAnswers);
    if (npsAnswers > 0) {
        f.nps = 100.0 * double(promoters - detractors) / double(npsAnswers);
    }
    f.negativeRecurrenceN = int(closedWithCitizen.size());
    f.negativeRecurrenceRate = ratio(recurred, closedWithCitizen.size());
    f.waitingMinutes = summarize(waiting, true);
    f.transfersPerCase = ratio(transfers, f.cases);

    for (auto it = perCategory.cbegin(); it != perCategory.cend(); ++it) {
        f.byCategory.append(CategoryRow{it.key(), it.value(), 0, 0});
    }
    std::sort(f.byCategory.begin(), f.byCategory.end(), [](const CategoryRow& a, const CategoryRow& b) {
        return a.cases != b.cases ? a.cases > b.cases : a.category < b.category;
    });
    int running = 0;
    for (CategoryRow& row : f.byCategory) {
        running += row.cases;
        row.share = double(row.cases) / double(f.cases);
        row.cumulativeShare = double(running) / double(f.cases);
    }
    return f;
}

} // namespace Metrics
