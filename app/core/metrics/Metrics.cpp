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

    // The received times of every citizen's cases, the period's own included, sorted for the recurrence.
    QHash<qint64, QList<qint64>> citizenTimes;
    const auto addCitizenCase = [&](qint64 citizen, const QDateTime& received) {
        if (citizen != 0 && received.isValid()) {
            citizenTimes[citizen].append(received.toSecsSinceEpoch());
        }
    };
    for (auto it = input.citizenCases.cbegin(); it != input.citizenCases.cend(); ++it) {
        for (const QDateTime& t : it.value()) {
            addCitizenCase(it.key(), t);
        }
    }

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
        if (!period.contains(c.received)) {
            continue;
        }
        ++f.cases;
        addCitizenCase(c.citizenId, c.received);
        const qint64 received = c.received.toSecsSinceEpoch();
        if (c.acknowledged.isValid()) {
            firstResponse.append(double(c.acknowledged.toSecsSinceEpoch() - received) / 60.0);
        }
        if (c.resolved.isValid()) {
            resolution.append(double(c.resolved.toSecsSinceEpoch() - received) / 3600.0);
        }
        // The 48-hour rule: t = the earlier of answered and resolved.
        std::optional<qint64> t;
        for (const QDateTime& candidate : {c.answered, c.resolved}) {
            if (candidate.isValid()) {
                const qint64 secs = candidate.toSecsSinceEpoch();
                t = t ? std::min(*t, secs) : secs;
            }
        }
        if (t || received + kAnswerWindowSecs <= asOf) {
            ++within48Counted;
            if (t && *t - received <= kAnswerWindowSecs) {
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
        if (c.closed.isValid() && c.citizenId != 0) {
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
        recurred += recursAfter(citizenTimes.value(c->citizenId), c->closed.toSecsSinceEpoch()) ? 1 : 0;
    }

    QList<double> waiting;
    for (const QueueVisitInput& v : input.visits) {
        if (period.contains(v.issued) && v.called.isValid()) {
            waiting.append(double(v.called.toSecsSinceEpoch() - v.issued.toSecsSinceEpoch()) / 60.0);
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
