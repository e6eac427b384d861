#pragma once

#include "SqlSupport.h"
#include "metrics/Metrics.h"

#include <QDate>
#include <QList>

#include <QSet>
#include <QStringList>
#include <array>

/**
 * The daily aggregates of the figures (migration 0019_metrics_daily, docs/ARCHITECTURE.md "Daily aggregates"):
 * triggers mark the hours whose base rows changed; flush() rebuilds the local days that hold them from the base
 * rows and is called by every outer commit (SqlUnitOfWork), so the aggregates change in the transaction that
 * changed the cases. A day's rows are a pure function of its base rows: rebuildDay() and verify() run the same
 * statements.
 */
class SqlMetricsDaily
{
    Q_DECLARE_TR_FUNCTIONS(SqlMetricsDaily)

public:
    explicit SqlMetricsDaily(const SqlContext& sql)
        : m_sql(sql)
    {}

    /** Rebuilds the days marked dirty and clears the marks; call inside the write transaction, before COMMIT. */
    Status flush() const;
    /** Rebuilds one local day's rows from the base rows. */
    Status rebuildDay(const QDate& day) const;
    /**
     * Compares every stored day with a recomputation from the base rows (and finds days with data but no row):
     * one line per difference, empty when they agree. Marked days not yet flushed are left out.
     */
    Result<QStringList> verify() const;

    /**
     * The 48-hour rule counts a case without an answer only once received + 48 h <= as-of. The days before
     * `pendingDay` (the one holding the first instant after that cut-off) count whole from the aggregates; the cases
     * received in [from, to) still without an answer are read from `cases` (none when from >= to).
     */
    struct AnswerCutoff
    {
        QDate pendingDay;
        qint64 from = 0;
        qint64 to = 0;
    };
    static AnswerCutoff answerCutoff(const Metrics::Period& period);

    /** The totals of the period's days (the 48-hour rule's pending cases near as-of read from the cases). */
    Result<Metrics::Totals> totals(const Metrics::Period& period) const;
    /** The exact values at ranksNeeded() of each duration in the period, found through the histograms. */
    Result<Metrics::Ranked> ranked(const Metrics::Period& period, const Metrics::Totals& totals) const;

    /** A duration's histogram bucket (seconds → bucket); the SQL expression in bucketSql() is the same function. */
    static int bucketOf(qint64 seconds);
    /** The values [lower, upper) of a bucket. */
    static std::pair<qint64, qint64> bucketRange(int bucket);
    /** bucketOf() in SQL, over an integer expression. */
    static QString bucketSql(const QString& expression);

    /**
     * The groups of metrics_daily_group (migration 0023): a day's cases counted by one of these, with the additive
     * figures of the dashboard's breakdowns. The numbers are stored.
     */
    enum class Group
    {
        Window = 1,        ///< key1: windows.id, 0 = none
        ServiceItem = 2,   ///< key1: service_items.id, 0 = none
        Department = 3,    ///< key1: departments.id, 0 = none
        Channel = 4,       ///< key1: int(Channel)
        RatingLevel = 5,   ///< key1: the rating 1–5 (rated cases not left out by an appeal)
        CategoryItem = 6,  ///< key1: categories.id, key2: service_items.id (cases with both)
        WaitedMinutes = 7, ///< key1: the minutes the complainant waited (cases that recorded them)
    };
    static constexpr int kGroupCount = 7;
    /** The figures of a group row: the table's columns after key2 (kGroupFigures in the .cpp). */
    static constexpr int kGroupValueCount = 8;
    /** Whether a day in [from, to] waits for its groups. */
    Result<bool> hasUnbuiltGroups(const QDate& from, const QDate& to) const;
    /** Builds the groups of the days in [from, to] that wait for them; call inside a write transaction. */
    Status buildGroups(const QDate& from, const QDate& to) const;

    /** The statement that reads one bucket's exact values of a duration in a period (for the plan tests). */
    static QString valuesSql(Metrics::Duration duration);
    Result<QStringList> explainValues(Metrics::Duration duration, const Metrics::Period& period) const;
    /** The statement that reads one day's stored histograms (rebuildDay() deletes by the same condition). */
    static QString storedHistogramSql();
    Result<QStringList> explainStoredHistogram(const QDate& day) const;

private:
    struct GroupRow
    {
        int dimension = 0;
        qint64 key1 = 0;
        qint64 key2 = 0;
        std::array<qint64, kGroupValueCount> values{};
        bool operator==(const GroupRow& other) const = default;
    };
    /** One day's rows as the aggregate tables hold them, computed or stored. */
    struct DayRows
    {
        QList<qint64> daily; ///< the columns of metrics_daily after `day`; empty = no row
        QList<std::pair<QString, qint64>> categories;
        QList<std::tuple<int, int, qint64>> histogram; ///< metric, bucket, n
        QList<GroupRow> groups;                        ///< in key order
        bool operator==(const DayRows& other) const = default;
    };
    /** A day's groups from its cases (the SELECT buildGroups() inserts). */
    Result<QList<GroupRow>> computeGroups(const QDate& day) const;
    /** The rows of a query whose columns are dimension, key1, key2 and kGroupFigures. */
    static QList<GroupRow> readGroups(QSqlQuery& query);
    /** Takes Dialect::dailyFiguresLock() (PostgreSQL) before a rebuild of daily figures. */
    Status lockDailyFigures() const;
    /** A day's rows from the base rows: metrics_daily's, and with `withDetails` its categories and histograms. */
    Result<DayRows> computeDay(const QDate& day, bool withDetails) const;
    Result<DayRows> storedDay(const QDate& day) const;
    /** The local days of the hours metrics_dirty marks. */
    Result<QSet<QDate>> markedDays() const;
    /** The exact values at `ranks` of a duration in the period, through the period's histogram. */
    Status valuesAtRanks(Metrics::Duration duration, const Metrics::Period& period,
                         const QList<std::pair<int, qint64>>& histogram, QList<qint64> ranks,
                         Metrics::RankedValues* out) const;

    const SqlContext& m_sql;
};
