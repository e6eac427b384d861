#include "SqlAuditRepository.h"

namespace {
const QLatin1String
    kSelect("SELECT seq, at, actor_id, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log");

AuditEntry entryFrom(const QSqlQuery& q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.at = SqlContext::toTime(q.value(1));
    e.actorId = q.value(2).toLongLong();
    e.actor = q.value(3).toString();
    e.action = q.value(4).toString();
    e.entity = q.value(5).toString();
    e.entityId = q.value(6).toLongLong();
    e.detail = q.value(7).toString();
    e.prevHash = q.value(8).toString();
    e.hash = q.value(9).toString();
    return e;
}
} // namespace

Result<AuditEntry> SqlAuditRepository::append(AuditEntry entry)
{
    // Bumping the head row locks it until commit: concurrent writers queue here and the chain stays linear.
    auto head = m_sql.exec(
        QStringLiteral("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash"));
    if (!head) {
        return head.error();
    }
    if (!head->next()) {
        return Error::make(Error::Code::Storage, tr("The audit log's head row is missing."));
    }
    entry.seq = head->value(0).toLongLong();
    entry.prevHash = head->value(1).toString();
    head->finish();
    entry.hash = AuditChain::computeHash(entry);
    if (auto q =
            m_sql.exec(QStringLiteral("INSERT INTO audit_log (seq, at, actor_id, actor, action, entity, "
                                      "entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {entry.seq, SqlContext::time(entry.at), SqlContext::id(entry.actorId), entry.actor, entry.action,
                        entry.entity, SqlContext::id(entry.entityId), entry.detail, entry.prevHash, entry.hash});
        !q) {
        return q.error();
    }
    if (auto s = m_sql.execOne(QStringLiteral("UPDATE audit_head SET last_hash = ? WHERE id = 1"), {entry.hash}); !s) {
        return s.error();
    }
    return entry;
}

Result<QList<AuditEntry>> SqlAuditRepository::latest(int limit)
{
    auto q = m_sql.exec(kSelect + QStringLiteral(" ORDER BY seq DESC LIMIT %1").arg(std::max(1, limit)));
    if (!q) {
        return q.error();
    }
    QList<AuditEntry> result;
    while (q->next()) {
        result.append(entryFrom(*q));
    }
    return result;
}

Result<AuditVerification> SqlAuditRepository::verify()
{
    AuditVerification v;
    auto q = m_sql.exec(kSelect + QLatin1String(" ORDER BY seq"));
    if (!q) {
        return q.error();
    }
    QString previous = AuditChain::genesis();
    qint64 expectedSeq = 1;
    const auto broken = [&v](qint64 seq, const QString& problem) {
        v.ok = false;
        v.brokenSeq = seq;
        v.problem = problem;
    };
    while (q->next()) {
        const AuditEntry e = entryFrom(*q);
        ++v.entriesChecked;
        if (e.seq != expectedSeq) {
            broken(expectedSeq, tr("Entry %1 is missing: the log jumps from %2 to %3.")
                                    .arg(expectedSeq)
                                    .arg(expectedSeq - 1)
                                    .arg(e.seq));
            return v;
        }
        if (e.prevHash != previous) {
            broken(
                e.seq,
                tr("Entry %1 does not link to entry %2: an entry was changed or removed.").arg(e.seq).arg(e.seq - 1));
            return v;
        }
        if (AuditChain::computeHash(e) != e.hash) {
            broken(e.seq,
                   tr("Entry %1 (%2 by %3) was altered after it was written.").arg(e.seq).arg(e.action, e.actor));
            return v;
        }
        previous = e.hash;
        ++expectedSeq;
    }
    q->finish();
    auto head = m_sql.exec(QStringLiteral("SELECT last_seq, last_hash FROM audit_head WHERE id = 1"));
    if (!head) {
        return head.error();
    }
    if (!head->next()) {
        broken(expectedSeq, tr("The audit log's head row is missing."));
        return v;
    }
    const qint64 written = head->value(0).toLongLong();
    if (written != expectedSeq - 1) {
        // The first entry that should be there and is not.
        broken(expectedSeq, tr("The log ends at entry %1 but %2 entries were written: the newest entries were removed.")
                                .arg(expectedSeq - 1)
                                .arg(written));
    } else if (head->value(1).toString() != previous) {
        broken(expectedSeq - 1, tr("Entry %1 was replaced after it was written.").arg(expectedSeq - 1));
    }
    return v;
}
