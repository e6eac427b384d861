#pragma once

#include "SqlMetricsDaily.h"
#include "SqlSupport.h"
#include "repositories/MetricsRepository.h"

/** The inputs of the figures (metrics, issue 13) in SQL: see MetricsRepository, SqlMetricsDaily and migration
 * 0019_metrics_daily. */
class SqlMetricsRepository final : public MetricsRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlMetricsRepository)

public:
    explicit SqlMetricsRepository(const SqlContext& sql)
        : m_sql(sql)
        , m_daily(sql)
    {}

    Result<Metrics::Input> inputs(const Metrics::Period& period) override;
    Result<Metrics::Totals> totals(const Metrics::Period& period) override { return m_daily.totals(period); }
    Result<Metrics::Ranked> ranked(const Metrics::Period& period, const Metrics::Totals& totals) override
    {
        return m_daily.ranked(period, totals);
    }
    Result<bool> hasStaleDays() override;
    const SqlMetricsDaily& daily() const { return m_daily; }

    /** The columns of cases that a Metrics::CaseInput needs, and the input from a row of them (register, issue 14). */
    static QString caseInputColumns();
    static Metrics::CaseInput caseInputFrom(const QSqlQuery& q);

    // The statements and their plans, for the plan tests.
    static QString casesSql();
    static QString visitsSql();
    static QString citizenCasesSql();
    Result<QStringList> explainCases(const Metrics::Period& period) const;
    Result<QStringList> explainVisits(const Metrics::Period& period) const;
    Result<QStringList> explainCitizenCases(const Metrics::Period& period) const;

private:
    const SqlContext& m_sql;
    SqlMetricsDaily m_daily;
};
