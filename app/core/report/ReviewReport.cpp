#include "report/ReviewReport.h"

#include "cases/CaseStatus.h"

#include <cmath>

namespace Report {

std::optional<double> MetricRow::delta() const
{
    if (!current || !previous) {
        return std::nullopt;
    }
    return *current - *previous;
}

std::optional<double> MetricRow::relative() const
{
    if (!current || !previous || *previous == 0) {
        return std::nullopt;
    }
    return (*current - *previous) / std::abs(*previous);
}

namespace {
std::optional<double> count(qint64 n)
{
    return double(n);
}
} // namespace

QList<MetricRow> metricRows(const Metrics::Figures& c, const Metrics::Figures& p)
{
    QList<MetricRow> rows;
    const auto add = [&rows](const char* key, const QString& label, Unit unit, std::optional<double> now,
                             std::optional<double> before) {
        rows.append({QString::fromLatin1(key), label, unit, now, before});
    };
    add("cases", Text::tr("Cases received"), Unit::Count, count(c.cases), count(p.cases));
    add("first_response_minutes.mean", Text::tr("First response, mean (minutes)"), Unit::Minutes,
        c.firstResponseMinutes.mean, p.firstResponseMinutes.mean);
    add("first_response_minutes.median", Text::tr("First response, median (minutes)"), Unit::Minutes,
        c.firstResponseMinutes.median, p.firstResponseMinutes.median);
    add("first_response_minutes.n", Text::tr("First response, cases counted"), Unit::Count,
        count(c.firstResponseMinutes.n), count(p.firstResponseMinutes.n));
    add("resolution_hours.mean", Text::tr("Resolution, mean (hours)"), Unit::Hours, c.resolutionHours.mean,
        p.resolutionHours.mean);
    add("resolution_hours.median", Text::tr("Resolution, median (hours)"), Unit::Hours, c.resolutionHours.median,
        p.resolutionHours.median);
    add("resolution_hours.n", Text::tr("Resolution, cases counted"), Unit::Count, count(c.resolutionHours.n),
        count(p.resolutionHours.n));
    add("within_48h_rate", Text::tr("Answered within 48 hours"), Unit::Rate, c.within48hRate, p.within48hRate);
    add("within_48h_n", Text::tr("48-hour rule, cases counted"), Unit::Count, count(c.within48hN), count(p.within48hN));
    add("csat", Text::tr("CSAT (rated 4 or 5)"), Unit::Rate, c.csat, p.csat);
    add("csat_n", Text::tr("Rated cases"), Unit::Count, count(c.csatN), count(p.csatN));
    add("nps", Text::tr("NPS"), Unit::Nps, c.nps, p.nps);
    add("nps_n", Text::tr("NPS answers"), Unit::Count, count(c.npsN), count(p.npsN));
    add("negative_recurrence_rate", Text::tr("Recurrence within 30 days of closing"), Unit::Rate,
        c.negativeRecurrenceRate, p.negativeRecurrenceRate);
    add("negative_recurrence_n", Text::tr("Closed cases with a citizen"), Unit::Count, count(c.negativeRecurrenceN),
        count(p.negativeRecurrenceN));
    add("waiting_minutes.mean", Text::tr("Waiting in the queue, mean (minutes)"), Unit::Minutes, c.waitingMinutes.mean,
        p.waitingMinutes.mean);
    add("waiting_minutes.median", Text::tr("Waiting in the queue, median (minutes)"), Unit::Minutes,
        c.waitingMinutes.median, p.waitingMinutes.median);
    add("waiting_minutes.p90", Text::tr("Waiting in the queue, p90 (minutes)"), Unit::Minutes, c.waitingMinutes.p90,
        p.waitingMinutes.p90);
    add("waiting_minutes.n", Text::tr("Queue visits called"), Unit::Count, count(c.waitingMinutes.n),
        count(p.waitingMinutes.n));
    add("transfers_per_case", Text::tr("Transfers per case"), Unit::Ratio, c.transfersPerCase, p.transfersPerCase);
    return rows;
}

QString Text::title()
{
    return tr("Review report (复盘报告)");
}

QString Text::unitLabel(Unit unit)
{
    switch (unit) {
    case Unit::Count:
        return tr("count");
    case Unit::Minutes:
        return tr("minutes");
    case Unit::Hours:
        return tr("hours");
    case Unit::Rate:
        return tr("rate");
    case Unit::Nps:
        return tr("NPS");
    case Unit::Ratio:
        return tr("ratio");
    }
    return {};
}

QString Text::checkLabel(AuditCheck check)
{
    switch (check) {
    case AuditCheck::Held:
        return tr("verified: the chain holds");
    case AuditCheck::Broken:
        return tr("BROKEN: the chain does not hold");
    case AuditCheck::NotChecked:
        return tr("not verified");
    }
    return {};
}

QString Text::grainLabel(Dashboard::Grain grain)
{
    return grain == Dashboard::Grain::Day ? tr("per day") : tr("per week");
}

QString Text::channelLabel(int channel)
{
    const QList<Channel> all = Channels::all();
    for (const Channel c : all) {
        if (int(c) == channel) {
            return Channels::label(c);
        }
    }
    return QString::number(channel);
}

} // namespace Report
