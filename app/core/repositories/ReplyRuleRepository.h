#pragma once

#include "common/Result.h"
#include "reply/ReplyChecker.h"

#include <QList>

/** Storage of the reply checker's rules (table reply_rules): rows are retired, never deleted. */
class ReplyRuleRepository
{
public:
    virtual ~ReplyRuleRepository() = default;

    /** The rules in id order (the order the checker applies them); retired ones too when `includeRetired`. */
    virtual Result<QList<ReplyRule>> list(bool includeRetired) = 0;
    virtual Result<ReplyRule> find(qint64 id) = 0;
    /** Stores a new rule (version 1) changed by `actor` at `at`; returns its id. */
    virtual Result<qint64> insert(const ReplyRule& rule, const QString& actor, const QDateTime& at) = 0;
    /** Writes the rule if its stored version is still rule.version (Conflict otherwise) and counts the version on. */
    virtual Status update(const ReplyRule& rule, const QString& actor, const QDateTime& at) = 0;
};
