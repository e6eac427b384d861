#pragma once

#include "SqlSupport.h"
#include "repositories/RetentionRepository.h"

/** RetentionRepository on SQLite and PostgreSQL (migration 0028_retention). */
class SqlRetentionRepository final : public RetentionRepository
{
public:
    explicit SqlRetentionRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<QList<Due>> due(qint64 closedBefore) override;
    Result<qint64> purgedCount() override;
    Result<QList<qint64>> caseIds(qint64 citizenId) override;
    Result<QList<Text>> recordTexts(const QList<qint64>& caseIds) override;
    Status rewrite(const QList<Text>& texts) override;
    Status erase(qint64 citizenId, qint64 purgedAt) override;

private:
    const SqlContext& m_sql;
};
