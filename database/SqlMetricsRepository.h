#pragma once

#include "SqlSupport.h"
#include "repositories/MetricsRepository.h"

/** The inputs of the figures (metrics, issue 13) in SQL: see MetricsRepository and migration 0019_metrics. */
class SqlMetricsRepository final : public MetricsRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlMetricsRepository)

public:
    explicit SqlMetricsRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<Metrics::Input> inputs(const Metrics::Period& period) override;

    // The statements and their plans, for the plan tests.
    static QString casesSql();
    static QString visitsSql();
    static QString citizenCasesSql();
    Result<QStringList> explainCases(const Metrics::Period& period) const;
    Result<QStringList> explainVisits(const Metrics::Period& period) const;
    Result<QStringList> explainCitizenCases(const Metrics::Period& period) const;

private:
    const SqlContext& m_sql;
};
