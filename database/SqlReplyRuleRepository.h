#pragma once

#include "SqlSupport.h"
#include "repositories/ReplyRuleRepository.h"

/** The reply checker's rules in the table reply_rules (migration 0008). */
class SqlReplyRuleRepository final : public ReplyRuleRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlReplyRuleRepository)

public:
    explicit SqlReplyRuleRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<QList<ReplyRule>> list(bool includeRetired) override;
    Result<ReplyRule> find(qint64 id) override;
    Result<qint64> insert(const ReplyRule& rule, const QString& actor, const QDateTime& at) override;
    Status update(const ReplyRule& rule, const QString& actor, const QDateTime& at) override;

private:
    const SqlContext& m_sql;
};
