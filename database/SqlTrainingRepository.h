#pragma once

#include "SqlSupport.h"
#include "repositories/TrainingRepository.h"

/** The training cases in SQL (issue 15, helper "train15"); see migration 0024_training (placeholder number). */
class SqlTrainingRepository final : public TrainingRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlTrainingRepository)

public:
    explicit SqlTrainingRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<qint64> insert(const TrainingCase& trainingCase, qint64 sourceCaseId) override;
    Status update(const TrainingCase& trainingCase) override;
    Status remove(qint64 id) override;
    Result<TrainingCase> find(qint64 id) override;
    Result<QList<TrainingSummary>> list(const TrainingFilter& filter) override;
    Result<QStringList> categories() override;
    Result<qint64> sourceCaseId(qint64 id) override;
    Result<qint64> builtFrom(qint64 caseId) override;
    Result<QList<CandidateRow>> candidates(const TrainingCandidateFilter& filter) override;

private:
    Status insertStages(qint64 id, const QList<TrainingStage>& stages);

    const SqlContext& m_sql;
};
