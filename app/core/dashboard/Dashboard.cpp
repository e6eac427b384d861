#include "Dashboard.h"

#include <QCoreApplication>

#include <cmath>

namespace Dashboard {
namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Dashboard", text);
}
} // namespace

QList<Preset> presets()
{
    return {Preset::Today,     Preset::Last7Days,   Preset::Last30Days,
            Preset::ThisMonth, Preset::ThisQuarter, Preset::Custom};
}

QString label(Preset preset)
{
    switch (preset) {
    case Preset::Today:
        return tr("Today");
    case Preset::Last7Days:
        return tr("Last 7 days");
    case Preset::Last30Days:
        return tr("Last 30 days");
    case Preset::ThisMonth:
        return tr("This month");
    case Preset::ThisQuarter:
        return tr("This quarter");
    case Preset::Custom:
        return tr("Custom…");
    }
    return {};
}

Range presetRange(Preset preset, const QDate& today)
{
    switch (preset) {
    case Preset::Today:
        return {today, today};
    case Preset::Last7Days:
        return {today.addDays(-6), today};
    case Preset::Last30Days:
        return {today.addDays(-29), today};
    case Preset::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case Preset::ThisQuarter:
        return {QDate(today.year(), (today.month() - 1) / 3 * 3 + 1, 1), today};
    case Preset::Custom:
        break;
    }
    return {};
}

Range previousRange(const Range& range)
{
    if (!range.isValid()) {
        return {};
    }
    const QDate to = range.from.addDays(-1);
    return {to.addDays(-(range.days() - 1)), to};
}

Grain grainFor(const Range& range)
{
    return range.days() > kMaxDailyPoints ? Grain::Week : Grain::Day;
}

QList<Range> buckets(const Range& range, Grain grain)
{
    QList<Range> result;
    if (!range.isValid()) {
        return result;
    }
    for (QDate day = range.from; day <= range.to;) {
        QDate last = day;
        if (grain == Grain::Week) {
            last = std::min(day.addDays(7 - day.dayOfWeek()), range.to); // to Sunday, within the range
        }
        result.append({day, last});
        day = last.addDays(1);
    }
    return result;
}

QString ratingLabel(int level)
{
    switch (level) {
    case 1:
        return tr("Very dissatisfied");
    case 2:
        return tr("Dissatisfied");
    case 3:
        return tr("Basically satisfied");
    case 4:
        return tr("Satisfied");
    case 5:
        return tr("Very satisfied");
    default:
        return QString::number(level);
    }
}

QString label(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Window:
        return tr("Window");
    case Dimension::ServiceItem:
        return tr("Service item");
    case Dimension::Department:
        return tr("Department");
    }
    return {};
}

QList<Figure> figures()
{
    return {Figure::Cases, Figure::FirstResponseMedian, Figure::ResolutionMedian, Figure::Within48h,       Figure::Csat,
            Figure::Nps,   Figure::NegativeRecurrence,  Figure::WaitingMedian,    Figure::TransfersPerCase};
}

QString label(Figure figure)
{
    switch (figure) {
    case Figure::Cases:
        return tr("Cases");
    case Figure::FirstResponseMedian:
        return tr("First response (median, min)");
    case Figure::ResolutionMedian:
        return tr("Resolution (median, h)");
    case Figure::Within48h:
        return tr("Answered within 48 h");
    case Figure::Csat:
        return tr("CSAT");
    case Figure::Nps:
        return tr("NPS");
    case Figure::NegativeRecurrence:
        return tr("Negative recurrence");
    case Figure::WaitingMedian:
        return tr("Queue waiting (median, min)");
    case Figure::TransfersPerCase:
        return tr("Transfers per case");
    }
    return {};
}

std::optional<double> value(const Metrics::Figures& f, Figure figure)
{
    switch (figure) {
    case Figure::Cases:
        return double(f.cases);
    case Figure::FirstResponseMedian:
        return f.firstResponseMinutes.median;
    case Figure::ResolutionMedian:
        return f.resolutionHours.median;
    case Figure::Within48h:
        return f.within48hRate;
    case Figure::Csat:
        return f.csat;
    case Figure::Nps:
        return f.nps;
    case Figure::NegativeRecurrence:
        return f.negativeRecurrenceRate;
    case Figure::WaitingMedian:
        return f.waitingMinutes.median;
    case Figure::TransfersPerCase:
        return f.transfersPerCase;
    }
    return std::nullopt;
}

bool higherIsBetter(Figure figure)
{
    // More cases is neither good nor bad news; it is shown without a verdict (improved() and worsened() say no).
    return figure == Figure::Within48h || figure == Figure::Csat || figure == Figure::Nps;
}

std::optional<double> Change::delta() const
{
    if (!current || !previous) {
        return std::nullopt;
    }
    return *current - *previous;
}

std::optional<double> Change::relative() const
{
    const auto d = delta();
    if (!d || *previous == 0) {
        return std::nullopt;
    }
    return *d / std::abs(*previous);
}

bool Change::improved() const
{
    const auto d = delta();
    if (!d || *d == 0 || figure == Figure::Cases) {
        return false;
    }
    return higherIsBetter(figure) ? *d > 0 : *d < 0;
}

bool Change::worsened() const
{
    const auto d = delta();
    if (!d || *d == 0 || figure == Figure::Cases) {
        return false;
    }
    return !improved();
}

QList<Change> compare(const Metrics::Figures& current, const Metrics::Figures& previous)
{
    QList<Change> result;
    for (const Figure figure : figures()) {
        result.append({figure, value(current, figure), value(previous, figure)});
    }
    return result;
}

int vitalFew(const QList<Metrics::CategoryRow>& rows)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        // The shares are rounded sums of integer counts: allow for the last bit of a double.
        if (rows.at(i).cumulativeShare >= kParetoShare - 1e-9) {
            return int(i + 1);
        }
    }
    return int(rows.size());
}

} // namespace Dashboard
