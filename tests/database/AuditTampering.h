#pragma once

#include "TestDatabases.h"
#include "audit/AuditEntry.h"

/** What the audit tests do as an attacker with write access: read raw entries, get past the append-only triggers. */
namespace AuditTampering {

/** The stored entry with this seq, read around Qingting's repository; an empty entry if there is none. */
inline AuditEntry entryAt(RawConnection& raw, qint64 seq)
{
    const auto rows = raw.rows(QStringLiteral("SELECT seq, at, actor_id, actor, action, entity, entity_id, detail, "
                                              "prev_hash, hash, key_id FROM audit_log WHERE seq = ?"),
                               {seq});
    AuditEntry e;
    if (rows.isEmpty()) {
        return e;
    }
    const QVariantList& r = rows.constFirst();
    e.seq = r.at(0).toLongLong();
    e.at = QDateTime::fromSecsSinceEpoch(r.at(1).toLongLong());
    e.actorId = r.at(2).toLongLong();
    e.actor = r.at(3).toString();
    e.action = r.at(4).toString();
    e.entity = r.at(5).toString();
    e.entityId = r.at(6).toLongLong();
    e.detail = r.at(7).toString();
    e.prevHash = r.at(8).toString();
    e.hash = r.at(9).toString();
    e.keyId = r.at(10).toString();
    return e;
}

/** Drops (SQLite) or disables (PostgreSQL) the row triggers that keep audit_log append-only; the driver's error. */
inline QString disableAppendOnly(RawConnection& raw, bool postgres)
{
    if (postgres) {
        return raw.exec(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"));
    }
    QString e = raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
    return e.isEmpty() ? raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")) : e;
}

} // namespace AuditTampering
