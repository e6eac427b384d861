#pragma once

#include "cases/CaseStatus.h"
#include "metrics/Metrics.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <array>
#include <optional>

/**
 * The supervisor's dashboard (issue 14): what it shows, as plain values. Every number is a figure of the metrics
 * engine (Metrics::finish over totals and ranked values) for a range of whole local days, or a count of cases; the
 * SQL that fills these lives in database/, the charts in ui/dashboard. Pure functions only here: presets, the
 * previous period, the chart's buckets, the comparison of two periods' figures, the Pareto cut.
 */
namespace Dashboard {

/** Whole local days [from, to], both included. */
struct Range
{
    QDate from;
    QDate to;

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    qint64 days() const { return isValid() ? from.daysTo(to) + 1 : 0; }
    bool contains(const QDate& day) const { return isValid() && day >= from && day <= to; }
    /** The metrics engine's period over these days, "now" = asOf. */
    Metrics::Period period(const QDateTime& asOf) const { return {from, to, asOf}; }
    bool operator==(const Range& other) const = default;
};

/** The date presets of the dashboard and the review report. */
enum class Preset
{
    Today,
    Last7Days,   ///< today and the six days before it
    Last30Days,  ///< today and the 29 days before it
    ThisMonth,   ///< the 1st of this month to today
    ThisQuarter, ///< the first day of this quarter to today
    Custom,      ///< the user's own from and to
};
QList<Preset> presets();
QString label(Preset preset);
/** The range a preset names on `today`; invalid for Custom. */
Range presetRange(Preset preset, const QDate& today);
/** The range of the same number of days that ends the day before `range` starts: what each figure is compared with. */
Range previousRange(const Range& range);

/** How a chart's points group the days: one point a day, or a week (Monday to Sunday) for long ranges. */
enum class Grain
{
    Day,
    Week,
};
/** Ranges up to this many days are charted by day, longer ones by week. */
constexpr qint64 kMaxDailyPoints = 62;
Grain grainFor(const Range& range);
/** The points of a chart over `range`, in order: each day, or each week clipped to the range. */
QList<Range> buckets(const Range& range, Grain grain);

/** Ratings counted by level: [0] = 1 非常不满意 … [4] = 5 非常满意. */
using LevelCounts = std::array<qint64, 5>;
/** Cases counted by channel: index int(Channel). */
using ChannelCounts = std::array<qint64, kChannelCount>;

/** One point of the waiting-time chart: both sources over the bucket's days, in minutes. */
struct WaitingPoint
{
    Range bucket;
    Metrics::Summary queueMinutes;  ///< queue visits: ticket issued → called (Metrics' waiting time)
    Metrics::Summary waitedMinutes; ///< what complainants said they waited, recorded at intake (cases.waited_minutes)
};

/** One point of the satisfaction chart. */
struct SatisfactionPoint
{
    Range bucket;
    /** Ratings counted by level: [0] = 1 非常不满意 … [4] = 5 非常满意; an approved appeal's rating left out. */
    LevelCounts levels{};
    std::optional<double> csat; ///< as Metrics::Figures::csat over the bucket
    std::optional<double> nps;  ///< as Metrics::Figures::nps over the bucket
    qint64 npsN = 0;
};

/** One point of the service chart. */
struct ServicePoint
{
    Range bucket;
    Metrics::Summary firstResponseMinutes;
    Metrics::Summary resolutionHours;
    std::optional<double> within48hRate;
    qint64 within48hN = 0;
    /** Cases received, by channel: index int(Channel). */
    ChannelCounts casesByChannel{};
};

/** What a breakdown groups by. */
enum class Dimension
{
    Window,
    ServiceItem,
    Department, ///< the department the case is with (cases.department_id)
};
QString label(Dimension dimension);

/** A 好差评 level's name: 1 very dissatisfied … 5 very satisfied (the number itself outside 1–5). */
QString ratingLabel(int level);

/** One row of a breakdown table: the figures of the range's cases with that window, item or department. */
struct BreakdownRow
{
    qint64 id = 0; ///< 0 = none recorded
    QString name;
    qint64 cases = 0;
    std::optional<double> firstResponseMeanMinutes; ///< over its acknowledged cases
    qint64 firstResponseN = 0;
    std::optional<double> within48hRate; ///< the 48-hour rule as Metrics::Figures::within48hRate
    std::optional<double> csat;
    qint64 csatN = 0;
    qint64 transfers = 0;
    qint64 open = 0;    ///< not yet resolved
    qint64 overdue = 0; ///< open and past their due time at as-of
};

/** The systemic-problem rule: the same category and service item at least `minCases` times in `windowDays` days. */
struct AlertRule
{
    int minCases = 3;
    int windowDays = 7;
    bool operator==(const AlertRule& other) const = default;
};

/** A category and service item that met the rule inside the range, with the cases of its latest such window. */
struct SystemicAlert
{
    qint64 categoryId = 0;
    QString category;
    qint64 serviceItemId = 0;
    QString serviceItem;
    QDate windowFrom; ///< the window of windowDays days that ends with the latest case
    QDate windowTo;
    QList<qint64> caseIds; ///< in received order
};

/** Everything the dashboard shows for one range, read in one go off the GUI thread. */
struct Snapshot
{
    Range range;
    Range previous;
    QDateTime asOf;
    Grain grain = Grain::Day;
    Metrics::Figures figures;         ///< the range's figures, as `stats`
    Metrics::Figures previousFigures; ///< the previous range's
    QList<WaitingPoint> waiting;
    QList<SatisfactionPoint> satisfaction;
    QList<ServicePoint> service;
    QList<BreakdownRow> byWindow;
    QList<BreakdownRow> byServiceItem;
    QList<BreakdownRow> byDepartment;
    AlertRule rule;
    QList<SystemicAlert> alerts;
};

/** The headline figures each compared with the previous period. */
enum class Figure
{
    Cases,
    FirstResponseMedian, ///< minutes
    ResolutionMedian,    ///< hours
    Within48h,           ///< rate 0–1
    Csat,                ///< rate 0–1
    Nps,                 ///< −100…100
    NegativeRecurrence,  ///< rate 0–1
    WaitingMedian,       ///< minutes (queue)
    TransfersPerCase,
};
QList<Figure> figures();
QString label(Figure figure);
/** The figure's value in `f`, or nullopt where the contract says null (an empty set). */
std::optional<double> value(const Metrics::Figures& f, Figure figure);
/** Whether a rise is good news (CSAT) or bad (waiting time); the dashboard colours the change by it. */
bool higherIsBetter(Figure figure);

/** A figure now and in the previous period. */
struct Change
{
    Figure figure = Figure::Cases;
    std::optional<double> current;
    std::optional<double> previous;
    /** current − previous; nullopt when either is null. */
    std::optional<double> delta() const;
    /** delta / |previous|; nullopt when either is null or previous is 0. */
    std::optional<double> relative() const;
    /** Whether the change is an improvement (false when there is no change or no value). */
    bool improved() const;
    bool worsened() const;
};
QList<Change> compare(const Metrics::Figures& current, const Metrics::Figures& previous);

/**
 * The Pareto cut: how many of the categories (ranked by cases, as Metrics::Figures::byCategory) make up the first
 * 80 % of the cases, the "vital few": the rows up to and including the first whose cumulative share reaches 0.8.
 */
constexpr double kParetoShare = 0.8;
int vitalFew(const QList<Metrics::CategoryRow>& rows);

/** What a click on a chart or a table asks for: the cases behind a bar, a point or a row. */
struct Selection
{
    Range range;
    std::optional<QString> category; ///< by name, as the Pareto shows it ("" = none)
    std::optional<int> rating;       ///< 1–5
    std::optional<Channel> channel;
    std::optional<Dimension> dimension; ///< with dimensionId
    qint64 dimensionId = 0;
    QList<qint64> caseIds; ///< a systemic alert's cases: exactly these
};

} // namespace Dashboard
