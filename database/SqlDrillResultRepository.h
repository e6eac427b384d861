#pragma once

#include "SqlSupport.h"
#include "repositories/DrillResultRepository.h"

/** The trainees' drill results in SQL (issue 15, helper "drill15"); see migration 0025_drill_results. */
class SqlDrillResultRepository final : public DrillResultRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlDrillResultRepository)

public:
    explicit SqlDrillResultRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<qint64> insert(const DrillResult& result) override;
    Result<DrillResult> find(qint64 id) override;
    Result<QList<DrillResultSummary>> list(const DrillResultFilter& filter) override;
    Result<QList<MissedCriterion>> missedCriteria(const QDateTime& from, const QDateTime& to,
                                                  qint64 traineeId) override;
    Result<QList<Ref>> trainees() override;

    // The plans of the two reads over many results, for the plan tests.
    Result<QStringList> explainList(const DrillResultFilter& filter) const;
    Result<QStringList> explainMissedCriteria(const QDateTime& from, const QDateTime& to, qint64 traineeId = 0) const;

private:
    static QString listSql(const DrillResultFilter& filter, QVariantList& values);
    static QString missedSql(const QDateTime& from, const QDateTime& to, qint64 traineeId, QVariantList& values);

    const SqlContext& m_sql;
};
