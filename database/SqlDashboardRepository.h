#pragma once

#include "SqlSupport.h"
#include "repositories/DashboardRepository.h"

/**
 * dashboard (issue 14): DashboardRepository over the daily groups of metrics_daily_group (migration 0023, kept by
 * SqlMetricsDaily), so the cost follows the days shown; only the open cases, the cases near as-of still without an
 * answer and a flagged alert's cases are read from `cases`, each through an index. The plans are checked in
 * tst_dashboard_db.
 */
class SqlDashboardRepository final : public DashboardRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlDashboardRepository)

public:
    explicit SqlDashboardRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<bool> groupsPending(const Dashboard::Range& range) override;
    Status buildGroups(const Dashboard::Range& range) override;
    Result<Tally> tally(const Dashboard::Range& bucket) override;
    Result<QList<Dashboard::BreakdownRow>> breakdown(Dashboard::Dimension dimension, const Dashboard::Range& range,
                                                     const QDateTime& asOf) override;
    Result<QList<Dashboard::SystemicAlert>> alerts(const Dashboard::Range& range,
                                                   const Dashboard::AlertRule& rule) override;
    Result<QList<qint64>> casesBehind(const Dashboard::Selection& selection, int limit) override;

    // The statements and their plans, for the plan tests.
    enum class Statement
    {
        Tally,      ///< a chart point's counts by channel, rating level and minutes waited
        Breakdown,  ///< a breakdown's figures
        Pending,    ///< a breakdown's cases near as-of still without an answer
        Open,       ///< a breakdown's open and overdue cases
        AlertPairs, ///< the (category, item) pairs' cases per day
        AlertCases, ///< one flagged pair's cases
    };
    static QString tallySql();
    static QString breakdownSql();
    static QString pendingSql(Dashboard::Dimension dimension);
    static QString openSql(Dashboard::Dimension dimension);
    static QString alertPairsSql();
    static QString alertCasesSql();
    Result<QStringList> explain(Statement statement, const Dashboard::Range& range,
                                Dashboard::Dimension dimension = Dashboard::Dimension::Window) const;

private:
    const SqlContext& m_sql;
};
