#pragma once

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

/**
 * The figures of `qingting-cli stats` (CLI.md, "stats --json"), computed in one place from plain inputs: the CLI,
 * and later the dashboard and the reports, only read them from the database (MetricsRepository) and format them.
 * Every definition below is the contract's; docs/ARCHITECTURE.md ("Metrics") explains where each input comes from.
 */
namespace Metrics {

/** The period: whole local days [from, to]; `asOf` is "now" (the 48-hour rule). */
struct Period
{
    QDate from;
    QDate to;
    QDateTime asOf;

    /** The first instant of the period: `from` at 00:00 local time. */
    QDateTime begin() const { return from.startOfDay(); }
    /** The first instant after the period: the day after `to` at 00:00 local time (exclusive). */
    QDateTime end() const { return to.addDays(1).startOfDay(); }
};

/**
 * What the figures need of one case. Times are seconds since the epoch (as stored): a year of cases is hundreds of
 * thousands of them, and QDateTime's local-time conversions would cost more than all the rest.
 */
struct CaseInput
{
    qint64 received = 0;
    std::optional<qint64> acknowledged; ///< nullopt: not yet
    std::optional<qint64> answered;
    std::optional<qint64> resolved;
    std::optional<qint64> closed;
    std::optional<int> rating;   ///< 1–5, the case's current rating
    bool ratingExcluded = false; ///< left out by an approved appeal (cases.rating_excluded): no CSAT, no NPS
    std::optional<int> nps;      ///< 0–10
    QString category;            ///< the category's name ("" = none)
    qint64 citizenId = 0;        ///< 0 = no citizen
    int transferCount = 0;
};

/** One ticket of the hall's queue system (seconds since the epoch). */
struct QueueVisitInput
{
    qint64 issued = 0;
    std::optional<qint64> called; ///< nullopt: never called
};

struct Input
{
    /** The cases received in the period (others are ignored). */
    QList<CaseInput> cases;
    /** The queue visits issued in the period (others are ignored). */
    QList<QueueVisitInput> visits;
    /**
     * For the recurrence: the received times of the cases of each citizen of the period's closed cases, at least
     * those received after the earliest close and no more than 30 days after the latest one (in or outside the
     * period). The period's own cases need not be repeated here, but may be.
     */
    QHash<qint64, QList<qint64>> citizenCases;
};

/** mean and median (and p90 where asked) over n values; all null when n is 0. */
struct Summary
{
    std::optional<double> mean;
    std::optional<double> median;
    std::optional<double> p90;
    int n = 0;
};

struct CategoryRow
{
    QString category;
    int cases = 0;
    double share = 0;
    double cumulativeShare = 0;
};

struct Figures
{
    Period period;
    int cases = 0;
    Summary firstResponseMinutes;
    Summary resolutionHours;
    std::optional<double> within48hRate;
    int within48hN = 0;
    std::optional<double> csat;
    int csatN = 0;
    std::optional<double> nps;
    int npsN = 0;
    std::optional<double> negativeRecurrenceRate;
    int negativeRecurrenceN = 0;
    Summary waitingMinutes;
    std::optional<double> transfersPerCase;
    QList<CategoryRow> byCategory;
};

/**
 * The additive part of a period's figures: counts and integer sums (seconds), what the daily aggregates hold
 * (docs/ARCHITECTURE.md, "Daily aggregates") and what compute() tallies from the raw inputs. Summing seconds as
 * integers makes both roads give the same double, digit for digit.
 */
struct Totals
{
    qint64 cases = 0;
    qint64 firstResponseN = 0;
    qint64 firstResponseSum = 0; ///< seconds
    qint64 resolutionN = 0;
    qint64 resolutionSum = 0; ///< seconds
    qint64 within48Counted = 0;
    qint64 within48Complied = 0;
    qint64 rated = 0;
    qint64 satisfied = 0;
    qint64 npsN = 0;
    qint64 promoters = 0;
    qint64 detractors = 0;
    qint64 closedWithCitizen = 0;
    qint64 recurred = 0;
    qint64 transfers = 0;
    qint64 waitingN = 0;
    qint64 waitingSum = 0;             ///< seconds
    QHash<QString, qint64> categories; ///< cases per category name ("" = none)
};

/** The three durations whose median (and p90) the figures need. */
enum class Duration
{
    FirstResponse = 1, ///< acknowledged − received
    Resolution = 2,    ///< resolved − received
    Waiting = 3,       ///< called − issued
};

/** Exact durations in seconds by their rank (0-based, ascending) among the period's n values. */
using RankedValues = QHash<qint64, qint64>;

/** The ranks whose values a median (and p90) over n values need: at most four, none for n = 0. */
QList<qint64> ranksNeeded(qint64 n, bool withP90);

/** The values at ranksNeeded() of each duration. */
struct Ranked
{
    RankedValues firstResponse;
    RankedValues resolution;
    RankedValues waiting;
};

/** The figures from the totals and the ranked values: the one place every figure's formula lives. */
Figures finish(const Period& period, const Totals& totals, const Ranked& ranked);

/** The recurrence window: a later case received after the close and at most this long after it counts. */
constexpr qint64 kRecurrenceWindowSecs = 30LL * 24 * 3600;
/** The 48-hour rule. */
constexpr qint64 kAnswerWindowSecs = 48LL * 3600;

/** Every figure of `stats` over the period. */
Figures compute(const Period& period, const Input& input);

// The statistics over plain values, for callers that hold a list (and the tests). The figures go through finish(),
// which uses the same rank rule (rankOf in Metrics.cpp) on exact values in seconds.
std::optional<double> mean(const QList<double>& values);
/** The middle value, or the mean of the two middle values. */
std::optional<double> median(QList<double> values);
/** Percentile q (0–100), linear between closest ranks: numpy's default (`linear`) method. */
std::optional<double> percentile(QList<double> values, double q);

} // namespace Metrics
