#include "SqlSlaPolicyRepository.h"

#include "sla/SlaPolicyJson.h"

#include <QSqlDriver>
#include <QSqlError>

namespace {
const QString kForCase =
    QStringLiteral("SELECT id, case_id, kind, reason, paused_at, paused_by, resumed_at, resumed_by FROM case_pauses "
                   "WHERE case_id = ? ORDER BY paused_at, id");
const QString kPausedCases =
    QStringLiteral("SELECT id FROM cases WHERE paused_at IS NOT NULL ORDER BY paused_at DESC, id DESC LIMIT 50");
} // namespace

Result<SlaPolicy> SqlSlaPolicyRepository::load()
{
    auto q = m_sql.exec(QStringLiteral("SELECT document FROM sla_policy WHERE id = 1"));
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return SlaPolicy{};
    }
    return SlaPolicyJson::fromJson(q->value(0).toString().toUtf8());
}

Status SqlSlaPolicyRepository::save(const SlaPolicy& policy, const QString& actor, const QDateTime& at)
{
    const QVariantList values{QString::fromUtf8(SlaPolicyJson::toJson(policy)), SqlContext::time(at), actor};
    // Portable upsert: both dialects know INSERT ... ON CONFLICT (SQLite 3.24+).
    return m_sql.execOne(
        QStringLiteral("INSERT INTO sla_policy (id, document, updated_at, updated_by) VALUES (1, ?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at, "
                       "updated_by = excluded.updated_by"),
        values);
}

Result<QList<SlaPause>> SqlCasePauseRepository::forCase(qint64 caseId)
{
    auto q = m_sql.exec(kForCase, {caseId});
    if (!q) {
        return q.error();
    }
    QList<SlaPause> result;
    while (q->next()) {
        SlaPause p;
        p.id = q->value(0).toLongLong();
        p.caseId = q->value(1).toLongLong();
        p.kind = SlaPauseKinds::fromCode(q->value(2).toString()).value_or(SlaPauseKind::Citizen);
        p.reason = q->value(3).toString();
        p.from = SqlContext::toTime(q->value(4));
        p.pausedBy = q->value(5).toString();
        p.to = SqlContext::toTime(q->value(6));
        p.resumedBy = q->value(7).toString();
        result.append(p);
    }
    return result;
}

Result<qint64> SqlCasePauseRepository::open(const SlaPause& pause, const Ref& actor)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO case_pauses (case_id, kind, reason, paused_at, paused_by_id, paused_by) "
                       "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        {pause.caseId, SlaPauseKinds::code(pause.kind), pause.reason, SqlContext::time(pause.from),
         SqlContext::id(actor.id), actor.name});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlCasePauseRepository::close(qint64 pauseId, const QDateTime& at, const Ref& actor, const QString& note)
{
    return m_sql.execOne(QStringLiteral("UPDATE case_pauses SET resumed_at = ?, resumed_by_id = ?, resumed_by = ?, "
                                        "resume_note = ? WHERE id = ? AND resumed_at IS NULL"),
                         {SqlContext::time(at), SqlContext::id(actor.id), actor.name, note, pauseId});
}

Result<QStringList> SqlCasePauseRepository::explainForCase(qint64 caseId) const
{
    return m_sql.explain(kForCase, {caseId});
}

Result<QStringList> SqlCasePauseRepository::explainPausedCases() const
{
    return m_sql.explain(kPausedCases, {});
}
