#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVariantList>

/** One line of the append-only audit log; `hash` chains it to the line before. */
struct AuditEntry
{
    qint64 seq = 0; ///< 1, 2, 3 ... without gaps
    QDateTime at;
    qint64 actorId = 0;  ///< 0 for the CLI or the system (stored as NULL)
    QString actor;       ///< login, or "cli"
    QString action;      ///< "case.create", "case.acknowledge", "user.add", "user.login", ...
    QString entity;      ///< "case", "user", ...
    qint64 entityId = 0; ///< stored as NULL when 0
    QString detail;      ///< compact JSON
    QString prevHash;    ///< the previous entry's hash, AuditChain::genesis() for the first
    QString hash;        ///< keyed entries: hex MAC (AuditKeyRing) over the typed cells; legacy: hex SHA-256
    QString keyId;       ///< the audit key that sealed the entry; empty for legacy entries (written before keying)

    bool isLegacy() const { return keyId.isEmpty(); }
};

/**
 * The hash chain that makes the audit log tamper-evident. Entries written since the log is keyed carry a MAC under
 * a key that lives outside the database (AuditKeyRing) over a typed canonical encoding of their stored cells;
 * entries written before carry the old plain SHA-256 (legacyHash) and are only trusted up to the head's
 * legacy boundary. docs/ARCHITECTURE.md ("Audit trust model") explains who can forge what.
 */
namespace AuditChain {
/** The prevHash of the first entry. */
QString genesis();
/** Format 1 (schema before keying): SHA-256 over length-prefixed text of the fields, as lowercase hex. */
QString legacyHash(const AuditEntry& entry);
/**
 * The cells of an entry as they are stored, in this order: seq, at, actor_id, actor, action, entity, entity_id,
 * detail, prev_hash, key_id. Ids of 0 are NULL, texts are never NULL, the legacy entry's key_id is NULL.
 */
QVariantList cells(const AuditEntry& entry);
/**
 * The typed canonical encoding of cells: per cell a type tag (N null, I 64-bit integer, T UTF-8 text, B bytes,
 * R real, X anything else), a 4-byte big-endian length, then the bytes. NULL, 0 and "0" never encode alike.
 */
QByteArray canonical(const QVariantList& cells);
/** What a keyed entry's MAC covers: a domain tag and canonical(cells). */
QByteArray entryMessage(const QVariantList& cells);
/** What the head's MAC covers: the last entry, the legacy boundary and the key. */
QByteArray headMessage(qint64 lastSeq, const QString& lastHash, qint64 legacyUntil, const QString& keyId);
/** What a signed checkpoint covers. */
QByteArray checkpointMessage(qint64 seq, const QString& hash, qint64 at, const QString& keyId);
} // namespace AuditChain

/** A point of the chain that is known from outside the database: "entry seq had this hash". */
struct AuditCheckpoint
{
    qint64 seq = 0;
    QString hash;
};

/** What `verify` found. */
struct AuditVerification
{
    bool ok = true;
    qint64 entriesChecked = 0;
    qint64 brokenSeq = 0;           ///< the first entry that does not hold, 0 if none
    QString problem;                ///< translated explanation of the first break
    qint64 legacyEntries = 0;       ///< entries in the old unkeyed format (checked by plain hash)
    qint64 keyedEntries = 0;        ///< entries sealed with an audit key
    bool keyedChecked = false;      ///< every keyed entry and the head's seal were checked with the key
    QString keyNote;                ///< translated: why the keyed check was skipped, empty if it ran
    bool checkpointChecked = false; ///< a checkpoint was given and the chain holds it
    qint64 lastSeq = 0;             ///< the newest entry walked
    QString lastHash;               ///< its hash
};
