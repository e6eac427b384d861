#pragma once

#include "SqlSupport.h"
#include "repositories/CasePauseRepository.h"
#include "repositories/SlaPolicyRepository.h"

/** The hall's deadline rules in SQL: one row of sla_policy holding the policy as JSON (issue 12, helper "sla"). */
class SqlSlaPolicyRepository final : public SlaPolicyRepository
{
public:
    explicit SqlSlaPolicyRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<SlaPolicy> load() override;
    Status save(const SlaPolicy& policy, const QString& actor, const QDateTime& at) override;

private:
    const SqlContext& m_sql;
};

/** The stops of cases' SLA clocks in SQL (table case_pauses). */
class SqlCasePauseRepository final : public CasePauseRepository
{
public:
    explicit SqlCasePauseRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<QList<SlaPause>> forCase(qint64 caseId) override;
    Result<qint64> open(const SlaPause& pause, const Ref& actor) override;
    Status close(qint64 pauseId, const QDateTime& at, const Ref& actor, const QString& note) override;

    /** The query plan of forCase, for the plan tests. */
    Result<QStringList> explainForCase(qint64 caseId) const;
    /** The query plan of the case list's "paused" shape (cases.paused_at IS NOT NULL, newest pause first). */
    Result<QStringList> explainPausedCases() const;

private:
    const SqlContext& m_sql;
};
