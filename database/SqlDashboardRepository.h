#pragma once

#include "SqlSupport.h"
#include "repositories/DashboardRepository.h"

/**
 * dashboard (issue 14): DashboardRepository over cases, each statement one range of an index (cases_received, or
 * cases_item_category_received for an alert's cases); the plans are checked in tst_dashboard_db.
 */
class SqlDashboardRepository final : public DashboardRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlDashboardRepository)

public:
    explicit SqlDashboardRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<Tally> tally(const Dashboard::Range& bucket) override;
    Result<QList<Dashboard::BreakdownRow>> breakdown(Dashboard::Dimension dimension, const Dashboard::Range& range,
                                                     const QDateTime& asOf) override;
    Result<QList<Dashboard::SystemicAlert>> alerts(const Dashboard::Range& range,
                                                   const Dashboard::AlertRule& rule) override;
    Result<QList<qint64>> casesBehind(const Dashboard::Selection& selection, int limit) override;

    // The statements and their plans, for the plan tests.
    static QString tallySql();
    static QString breakdownSql(Dashboard::Dimension dimension);
    static QString alertPairsSql();
    static QString alertCasesSql();
    Result<QStringList> explain(const QString& sql, const Dashboard::Range& range) const;

private:
    const SqlContext& m_sql;
};
