#pragma once

#include "SqlSupport.h"
#include "metrics/Metrics.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QStringList>

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

    /** The statement that reads one bucket's exact values of a duration in a period (for the plan tests). */
    static QString valuesSql(Metrics::Duration duration);
    Result<QStringList> explainValues(Metrics::Duration duration, const Metrics::Period& period) const;
    /** The statement that reads one day's stored histograms (rebuildDay() deletes by the same condition). */
    static QString storedHistogramSql();
    Result<QStringList> explainStoredHistogram(const QDate& day) const;

private:
    /** One day's rows as the aggregate tables hold them, computed or stored. */
    struct DayRows
    {
        QList<qint64> daily; ///< the columns of metrics_daily after `day`; empty = no row
        QList<std::pair<QString, qint64>> categories;
        QList<std::tuple<int, int, qint64>> histogram; ///< metric, bucket, n
        bool operator==(const DayRows& other) const = default;
    };
    /** A day's rows from the base rows: metrics_daily's, and with `withDetails` its categories and histograms. */
    Result<DayRows> computeDay(const QDate& day, bool withDetails) const;
    Result<DayRows> storedDay(const QDate& day) const;
    /** The local days of the hours metrics_dirty marks. */
    Result<QSet<QDate>> markedDays() const;
    Result<qint64> valueAtRank(Metrics::Duration duration, const Metrics::Period& period,
                               const QList<std::pair<int, qint64>>& histogram, qint64 rank) const;

    const SqlContext& m_sql;
};
