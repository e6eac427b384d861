#pragma once

#include <QDateTime>
#include <QString>

/** One line of the append-only audit log; `hash` chains it to the line before. */
struct AuditEntry
{
    qint64 seq = 0; ///< 1, 2, 3 ... without gaps
    QDateTime at;
    qint64 actorId = 0; ///< 0 for the CLI or the system
    QString actor;      ///< login, or "cli"
    QString action;     ///< "case.create", "case.acknowledge", "user.add", "user.login", ...
    QString entity;     ///< "case", "user", ...
    qint64 entityId = 0;
    QString detail;   ///< compact JSON
    QString prevHash; ///< hex SHA-256 of the previous entry, AuditChain::genesis() for the first
    QString hash;     ///< hex SHA-256 over prevHash and every field above
};

/** The hash chain that makes the audit log tamper-evident. */
namespace AuditChain {
/** The prevHash of the first entry. */
QString genesis();
/** SHA-256 over the entry's fields and its prevHash, as lowercase hex. */
QString computeHash(const AuditEntry& entry);
} // namespace AuditChain

/** What `verify` found. */
struct AuditVerification
{
    bool ok = true;
    qint64 entriesChecked = 0;
    qint64 brokenSeq = 0; ///< the first entry that does not hold, 0 if none
    QString problem;      ///< translated explanation of the first break
};
