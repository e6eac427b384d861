#include "metrics/Metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Metrics {

namespace {
/** The rank q/100 · (n − 1) as its lower rank and the fraction towards the next (numpy's `linear` method). */
struct Rank
{
    qint64 lower = 0;
    qint64 upper = 0;
    double fraction = 0;
};

Rank rankOf(qint64 n, double q)
{
    const double rank = q / 100.0 * double(n - 1);
    Rank r;
    r.lower = qint64(std::floor(rank));
    r.upper = std::min(r.lower + 1, n - 1);
    r.fraction = rank - double(r.lower);
    return r;
}

} // namespace

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
    const Rank r = rankOf(values.size(), q);
    return values[r.lower] + (values[r.upper] - values[r.lower]) * r.fraction;
}

std::optional<double> median(QList<double> values)
{
    return percentile(std::move(values), 50);
}

namespace {
std::optional<double> ratio(qint64 part, qint64 whole)
{
    return whole == 0 ? std::nullopt : std::optional<double>(double(part) / double(whole));
}

/** Percentile q of the values in `ranked` (seconds), in units of `unit` seconds. */
double percentileOf(qint64 n, double q, const RankedValues& ranked, double unit)
{
    const Rank r = rankOf(n, q);
    const qint64 lower = ranked.value(r.lower);
    const qint64 upper = ranked.value(r.upper);
    return (double(lower) + double(upper - lower) * r.fraction) / unit;
}

Summary summarize(qint64 n, qint64 sum, const RankedValues& ranked, double unit, bool withP90)
{
    Summary s;
    s.n = int(n);
    if (n == 0) {
        return s;
    }
    s.mean = double(sum) / double(n) / unit;
    s.median = percentileOf(n, 50, ranked, unit);
    if (withP90) {
        s.p90 = percentileOf(n, 90, ranked, unit);
    }
    return s;
}

/** Whether one of `times` (sorted) lies in (closed, closed + 30 days]. */
bool recursAfter(const QList<qint64>& times, qint64 closed)
{
    const auto it = std::upper_bound(times.cbegin(), times.cend(), closed);
    return it != times.cend() && *it - closed <= kRecurrenceWindowSecs;
}

/** The values of `values` (sorted here) at the ranks a median and p90 need. */
RankedValues rankedFrom(QList<qint64>& values, bool withP90)
{
    std::sort(values.begin(), values.end());
    RankedValues ranked;
    for (const qint64 rank : ranksNeeded(values.size(), withP90)) {
        ranked.insert(rank, values.at(rank));
    }
    return ranked;
}
} // namespace

QList<qint64> ranksNeeded(qint64 n, bool withP90)
{
    QList<qint64> ranks;
    if (n == 0) {
        return ranks;
    }
    const auto add = [&ranks](const Rank& r) {
        for (const qint64 rank : {r.lower, r.upper}) {
            if (!ranks.contains(rank)) {
                ranks.append(rank);
            }
        }
    };
    add(rankOf(n, 50));
    if (withP90) {
        add(rankOf(n, 90));
    }
    return ranks;
}

Figures finish(const Period& period, const Totals& t, const Ranked& ranked)
{
    Figures f;
    f.period = period;
    f.cases = int(t.cases);
    f.firstResponseMinutes = summarize(t.firstResponseN, t.firstResponseSum, ranked.firstResponse, 60.0, false);
    f.resolutionHours = summarize(t.resolutionN, t.resolutionSum, ranked.resolution, 3600.0, false);
    f.within48hN = int(t.within48Counted);
    f.within48hRate = ratio(t.within48Complied, t.within48Counted);
    f.csatN = int(t.rated);
    f.csat = ratio(t.satisfied, t.rated);
    f.npsN = int(t.npsN);
    if (t.npsN > 0) {
        f.nps = 100.0 * double(t.promoters - t.detractors) / double(t.npsN);
    }
    f.negativeRecurrenceN = int(t.closedWithCitizen);
    f.negativeRecurrenceRate = ratio(t.recurred, t.closedWithCitizen);
    f.waitingMinutes = summarize(t.waitingN, t.waitingSum, ranked.waiting, 60.0, true);
    f.transfersPerCase = ratio(t.transfers, t.cases);

    for (auto it = t.categories.cbegin(); it != t.categories.cend(); ++it) {
        f.byCategory.append(CategoryRow{it.key(), int(it.value()), 0, 0});
    }
    std::sort(f.byCategory.begin(), f.byCategory.end(), [](const CategoryRow& a, const CategoryRow& b) {
        return a.cases != b.cases ? a.cases > b.cases : a.category < b.category;
    });
    qint64 running = 0;
    for (CategoryRow& row : f.byCategory) {
        running += row.cases;
        row.share = double(row.cases) / double(t.cases);
        row.cumulativeShare = double(running) / double(t.cases);
    }
    return f;
}

Figures compute(const Period& period, const Input& input)
{
    const qint64 asOf = period.asOf.toSecsSinceEpoch();
    const qint64 begin = period.begin().toSecsSinceEpoch();
    const qint64 end = period.end().toSecsSinceEpoch();
    const auto inPeriod = [begin, end](qint64 secs) {
        return secs >= begin && secs < end;
    };

    // The received times of every citizen's cases, the period's own included, sorted for the recurrence.
    QHash<qint64, QList<qint64>> citizenTimes = input.citizenCases;
    citizenTimes.remove(0);

    Totals t;
    QList<qint64> firstResponse;
    QList<qint64> resolution;
    QList<const CaseInput*> closedWithCitizen;

    for (const CaseInput& c : input.cases) {
        if (!inPeriod(c.received)) {
            continue;
        }
        ++t.cases;
        if (c.citizenId != 0) {
            citizenTimes[c.citizenId].append(c.received);
        }
        if (c.acknowledged) {
            firstResponse.append(*c.acknowledged - c.received);
            t.firstResponseSum += *c.acknowledged - c.received;
        }
        if (c.resolved) {
            resolution.append(*c.resolved - c.received);
            t.resolutionSum += *c.resolved - c.received;
        }
        // The 48-hour rule: t = the earlier of answered and resolved.
        std::optional<qint64> answer = c.answered;
        if (c.resolved && (!answer || *c.resolved < *answer)) {
            answer = c.resolved;
        }
        if (answer || c.received + kAnswerWindowSecs <= asOf) {
            ++t.within48Counted;
            if (answer && *answer - c.received <= kAnswerWindowSecs) {
                ++t.within48Complied;
            }
        }
        if (!c.ratingExcluded) {
            if (c.rating && *c.rating >= 1 && *c.rating <= 5) {
                ++t.rated;
                t.satisfied += *c.rating >= 4 ? 1 : 0;
            }
            if (c.nps && *c.nps >= 0 && *c.nps <= 10) {
                ++t.npsN;
                t.promoters += *c.nps >= 9 ? 1 : 0;
                t.detractors += *c.nps <= 6 ? 1 : 0;
            }
        }
        if (c.closed && c.citizenId != 0) {
            closedWithCitizen.append(&c);
        }
        t.transfers += c.transferCount;
        ++t.categories[c.category];
    }
    t.firstResponseN = firstResponse.size();
    t.resolutionN = resolution.size();

    for (auto& times : citizenTimes) {
        std::sort(times.begin(), times.end());
    }
    t.closedWithCitizen = closedWithCitizen.size();
    for (const CaseInput* c : std::as_const(closedWithCitizen)) {
        t.recurred += recursAfter(citizenTimes.value(c->citizenId), *c->closed) ? 1 : 0;
    }

    QList<qint64> waiting;
    for (const QueueVisitInput& v : input.visits) {
        if (inPeriod(v.issued) && v.called) {
            waiting.append(*v.called - v.issued);
            t.waitingSum += *v.called - v.issued;
        }
    }
    t.waitingN = waiting.size();

    Ranked ranked;
    ranked.firstResponse = rankedFrom(firstResponse, false);
    ranked.resolution = rankedFrom(resolution, false);
    ranked.waiting = rankedFrom(waiting, true);
    return finish(period, t, ranked);
}

} // namespace Metrics
