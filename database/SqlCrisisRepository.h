#pragma once

#include "SqlSupport.h"
#include "repositories/CrisisRepository.h"

/** Crisis mode in SQL (issue 16 part B); see migration 0027_crisis. */
class SqlCrisisRepository final : public CrisisRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlCrisisRepository)

public:
    explicit SqlCrisisRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<qint64> insert(const Crisis& crisis) override;
    Status addCase(qint64 crisisId, qint64 caseId) override;
    Result<Crisis> find(qint64 id) override;
    Result<QList<Crisis>> list(bool openOnly, int limit) override;
    Result<qint64> crisisOfCase(qint64 caseId) override;
    Result<qint64> openCrisisOfCase(qint64 caseId) override;
    Result<QList<CrisisCase>> cases(qint64 crisisId) override;
    Result<QList<CrisisStepRecord>> steps(qint64 crisisId) override;
    Status addStep(qint64 crisisId, const CrisisStepRecord& step) override;
    Status setSpokesperson(qint64 crisisId, const QString& name) override;
    Result<QList<CrisisStatement>> statements(qint64 crisisId) override;
    Result<qint64> addStatement(const CrisisStatement& statement) override;
    Status markFirstStatement(qint64 crisisId, const QDateTime& at) override;
    Status close(qint64 crisisId, const QDateTime& at, const Ref& by, const QString& note) override;
    Result<std::optional<CrisisReview>> review(qint64 crisisId) override;
    Status saveReview(qint64 crisisId, const CrisisReview& review) override;

private:
    const SqlContext& m_sql;
};
