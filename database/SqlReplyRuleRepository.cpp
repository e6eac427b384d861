#include "SqlReplyRuleRepository.h"

namespace {
const QLatin1String
    kColumns("id, kind, pattern, is_regex, unless_constructive, advice, active, version, updated_at, updated_by");

ReplyRule ruleFrom(const QSqlQuery& q)
{
    ReplyRule rule;
    rule.id = q.value(0).toLongLong();
    // The CHECK constraint admits only known kinds; an unknown one (a newer build's) reads as defensive, inactive.
    const auto kind = ReplyFindingKinds::fromCode(q.value(1).toString());
    rule.kind = kind.value_or(ReplyFindingKind::Defensive);
    rule.pattern = q.value(2).toString();
    rule.isRegex = q.value(3).toInt() != 0;
    rule.unlessConstructive = q.value(4).toInt() != 0;
    rule.advice = q.value(5).toString();
    rule.active = kind.has_value() && q.value(6).toInt() != 0;
    rule.version = q.value(7).toInt();
    rule.updatedAt = SqlContext::toTime(q.value(8));
    rule.updatedBy = q.value(9).toString();
    return rule;
}
} // namespace

Result<QList<ReplyRule>> SqlReplyRuleRepository::list(bool includeRetired)
{
    auto q = m_sql.exec(QStringLiteral("SELECT %1 FROM reply_rules %2 ORDER BY id")
                            .arg(kColumns, includeRetired ? QString() : QStringLiteral("WHERE active = 1")));
    if (!q) {
        return q.error();
    }
    QList<ReplyRule> rules;
    while (q->next()) {
        rules.append(ruleFrom(*q));
    }
    return rules;
}

Result<ReplyRule> SqlReplyRuleRepository::find(qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT %1 FROM reply_rules WHERE id = ?").arg(kColumns), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("The reply rule %1 no longer exists.").arg(id));
    }
    return ruleFrom(*q);
}

Result<qint64> SqlReplyRuleRepository::insert(const ReplyRule& rule, const QString& actor, const QDateTime& at)
{
    const auto id = m_sql.scalar(
        QStringLiteral(
            "INSERT INTO reply_rules (kind, pattern, is_regex, unless_constructive, advice, active, version, "
            "created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) "
            "RETURNING id"),
        {ReplyFindingKinds::code(rule.kind), rule.pattern, rule.isRegex ? 1 : 0, rule.unlessConstructive ? 1 : 0,
         rule.advice, rule.active ? 1 : 0, SqlContext::time(at), actor, SqlContext::time(at), actor});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlReplyRuleRepository::update(const ReplyRule& rule, const QString& actor, const QDateTime& at)
{
    const auto q = m_sql.exec(
        QStringLiteral(
            "UPDATE reply_rules SET kind = ?, pattern = ?, is_regex = ?, unless_constructive = ?, advice = ?, "
            "active = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?"),
        {ReplyFindingKinds::code(rule.kind), rule.pattern, rule.isRegex ? 1 : 0, rule.unlessConstructive ? 1 : 0,
         rule.advice, rule.active ? 1 : 0, SqlContext::time(at), actor, rule.id, rule.version});
    if (!q) {
        return q.error();
    }
    if (q->numRowsAffected() != 1) {
        if (const auto stored = find(rule.id); !stored) {
            return stored.error();
        }
        return Error::make(Error::Code::Conflict,
                           tr("Someone else changed this reply rule in the meantime. Reload it and try again."));
    }
    return {};
}
