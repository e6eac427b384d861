#include "SqlAuditRepository.h"

namespace {
const QLatin1String kSelect("SELECT seq, at, actor_id, actor, action, entity, entity_id, detail, prev_hash, hash, "
                            "key_id FROM audit_log");
constexpr int kPage = 5000;

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
    e.keyId = q.value(10).toString();
    return e;
}

/** The cells as stored, with their types as the database gives them (AuditChain::cells' order). */
QVariantList storedCells(const QSqlQuery& q)
{
    return {q.value(0), q.value(1), q.value(2), q.value(3), q.value(4),
            q.value(5), q.value(6), q.value(7), q.value(8), q.value(10)};
}
} // namespace

void SqlAuditRepository::setKeys(std::optional<AuditKeyRing> keys, const QString& problem)
{
    m_keys = std::move(keys);
    m_keyProblem = problem;
}

Result<SqlAuditRepository::HeadState> SqlAuditRepository::head()
{
    auto q =
        m_sql.exec(QStringLiteral("SELECT last_seq, last_hash, legacy_until, key_id FROM audit_head WHERE id = 1"));
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::Storage, tr("The audit log's head row is missing."));
    }
    return HeadState{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(),
                     q->value(3).toString()};
}

Status SqlAuditRepository::sealHead()
{
    if (!m_keys) {
        return Error::make(Error::Code::Storage, m_keyProblem);
    }
    const auto h = head();
    if (!h) {
        return h.error();
    }
    if (!h->keyId.isEmpty()) {
        return {};
    }
    const QString keyId = m_keys->currentId();
    const QString mac = m_keys->mac(keyId, AuditChain::headMessage(h->lastSeq, h->lastHash, h->legacyUntil, keyId));
    // Desks that created or migrated the database together all try; the first seal stands (see setUpAuditKey).
    auto sealed =
        m_sql.exec(QStringLiteral("UPDATE audit_head SET key_id = ?, head_mac = ? WHERE id = 1 AND head_mac IS NULL"),
                   {keyId, mac});
    if (!sealed) {
        return sealed.error();
    }
    return {};
}

Result<AuditEntry> SqlAuditRepository::append(AuditEntry entry)
{
    if (!m_keys || !m_keyProblem.isEmpty()) {
        return Error::make(Error::Code::Storage,
                           m_keyProblem.isEmpty() ? tr("This desk holds no audit key.") : m_keyProblem);
    }
    // Bumping the head row locks it until commit: concurrent writers queue here and the chain stays linear.
    auto head = m_sql.exec(QStringLiteral("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 "
                                          "RETURNING last_seq, last_hash, legacy_until, key_id"));
    if (!head) {
        return head.error();
    }
    if (!head->next()) {
        return Error::make(Error::Code::Storage, tr("The audit log's head row is missing."));
    }
    entry.seq = head->value(0).toLongLong();
    entry.prevHash = head->value(1).toString();
    const qint64 legacyUntil = head->value(2).toLongLong();
    const QString headKey = head->value(3).toString();
    head->finish();
    if (!headKey.isEmpty() && !m_keys->has(headKey)) {
        // Another desk sealed the log with a key this desk does not hold (a rotation not yet handed out).
        return Error::make(Error::Code::Storage,
                           tr("The audit log is sealed with key %1, which the audit key file %2 does not hold. Copy "
                              "the hall's current audit key file to this desk.")
                               .arg(headKey, m_keys->path()));
    }
    entry.keyId = m_keys->currentId();
    const QVariantList cells = AuditChain::cells(entry);
    entry.hash = m_keys->mac(entry.keyId, AuditChain::entryMessage(cells));
    if (auto q =
            m_sql.exec(QStringLiteral("INSERT INTO audit_log (seq, at, actor_id, actor, action, entity, entity_id, "
                                      "detail, prev_hash, key_id, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       cells + QVariantList{entry.hash});
        !q) {
        return q.error();
    }
    const QString headMac =
        m_keys->mac(entry.keyId, AuditChain::headMessage(entry.seq, entry.hash, legacyUntil, entry.keyId));
    if (auto s =
            m_sql.execOne(QStringLiteral("UPDATE audit_head SET last_hash = ?, key_id = ?, head_mac = ? WHERE id = 1"),
                          {entry.hash, entry.keyId, headMac});
        !s) {
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

Result<AuditVerification> SqlAuditRepository::verify(const std::optional<AuditCheckpoint>& checkpoint)
{
    AuditVerification v;
    const auto broken = [&v](qint64 seq, const QString& problem) {
        v.ok = false;
        v.brokenSeq = seq;
        v.problem = problem;
        return v;
    };

    // The head first: its seal says up to where old unkeyed entries may reach.
    auto headQuery = m_sql.exec(
        QStringLiteral("SELECT last_seq, last_hash, legacy_until, key_id, head_mac FROM audit_head WHERE id = 1"));
    if (!headQuery) {
        return headQuery.error();
    }
    if (!headQuery->next()) {
        return broken(1, tr("The audit log's head row is missing."));
    }
    const qint64 headSeq = headQuery->value(0).toLongLong();
    const QString headHash = headQuery->value(1).toString();
    const qint64 legacyUntil = headQuery->value(2).toLongLong();
    const QString headKey = headQuery->value(3).toString();
    const QString headMac = headQuery->value(4).toString();
    headQuery->finish();

    // Whether the keyed check can run at all; if not, the note says why and only structure and plain hashes count.
    const bool haveKeys = m_keys.has_value();
    if (!haveKeys) {
        v.keyNote = m_keyProblem.isEmpty() ? tr("This desk holds no audit key.") : m_keyProblem;
    } else if (!headKey.isEmpty() && !m_keys->has(headKey)) {
        v.keyNote = tr("The audit log is sealed with key %1; the audit key file %2 holds only %3.")
                        .arg(headKey, m_keys->path(), m_keys->ids().join(QLatin1String(", ")));
    }
    bool headSealOk = false;
    if (haveKeys && v.keyNote.isEmpty() && !headKey.isEmpty()) {
        headSealOk =
            m_keys->checkMac(headKey, AuditChain::headMessage(headSeq, headHash, legacyUntil, headKey), headMac);
    }
    const bool keyedCheck = haveKeys && v.keyNote.isEmpty();
    QStringList missingKeys;

    QString previous = AuditChain::genesis();
    qint64 expectedSeq = 1;
    bool seenKeyed = false;
    bool checkpointSeen = false;
    for (;;) {
        auto q =
            m_sql.exec(kSelect + QStringLiteral(" WHERE seq > ? ORDER BY seq LIMIT %1").arg(kPage), {expectedSeq - 1});
        if (!q) {
            return q.error();
        }
        int rows = 0;
        while (q->next()) {
            ++rows;
            // Only what the walk needs: a full AuditEntry (local-time conversion and all) only for old entries.
            struct
            {
                qint64 seq;
                QString prevHash;
                QString hash;
                QString keyId;
                bool isLegacy() const { return keyId.isEmpty(); }
            } e;
            // Each cell read once (the PostgreSQL driver converts from text on every value() call).
            const QVariantList cells = storedCells(*q);
            e.seq = cells.at(0).toLongLong();
            e.prevHash = cells.at(8).toString();
            e.hash = q->value(9).toString();
            e.keyId = cells.at(9).toString();
            const auto action = [&q] {
                return q->value(4).toString();
            };
            const auto actor = [&q] {
                return q->value(3).toString();
            };
            ++v.entriesChecked;
            if (e.seq != expectedSeq) {
                return broken(expectedSeq, tr("Entry %1 is missing: the log jumps from %2 to %3.")
                                               .arg(expectedSeq)
                                               .arg(expectedSeq - 1)
                                               .arg(e.seq));
            }
            if (e.prevHash != previous) {
                return broken(e.seq, tr("Entry %1 does not link to entry %2: an entry was changed or removed.")
                                         .arg(e.seq)
                                         .arg(e.seq - 1));
            }
            if (e.isLegacy()) {
                ++v.legacyEntries;
                if (seenKeyed || e.seq > legacyUntil) {
                    return broken(e.seq, tr("Entry %1 (%2 by %3) is in the old unkeyed format, but the log was keyed "
                                            "before it was written: the log was re-forged from here.")
                                             .arg(e.seq)
                                             .arg(action(), actor()));
                }
                if (AuditChain::legacyHash(entryFrom(*q)) != e.hash) {
                    return broken(
                        e.seq,
                        tr("Entry %1 (%2 by %3) was altered after it was written.").arg(e.seq).arg(action(), actor()));
                }
            } else {
                ++v.keyedEntries;
                seenKeyed = true;
                if (keyedCheck) {
                    if (!m_keys->has(e.keyId)) {
                        if (!missingKeys.contains(e.keyId)) {
                            missingKeys << e.keyId;
                        }
                    } else if (!m_keys->checkMac(e.keyId, AuditChain::entryMessage(cells), e.hash)) {
                        return broken(e.seq, tr("Entry %1 (%2 by %3) was altered after it was written: its keyed "
                                                "seal does not match.")
                                                 .arg(e.seq)
                                                 .arg(action(), actor()));
                    }
                }
            }
            if (checkpoint && e.seq == checkpoint->seq) {
                if (e.hash != checkpoint->hash) {
                    return broken(e.seq, tr("Entry %1 is not the entry the checkpoint recorded: the log was "
                                            "rewritten up to here.")
                                             .arg(e.seq));
                }
                checkpointSeen = true;
            }
            previous = e.hash;
            ++expectedSeq;
        }
        if (rows < kPage) {
            break;
        }
    }
    v.lastSeq = expectedSeq - 1;
    v.lastHash = previous;

    if (headSeq != expectedSeq - 1) {
        // The first entry that should be there and is not.
        return broken(expectedSeq,
                      tr("The log ends at entry %1 but %2 entries were written: the newest entries were removed.")
                          .arg(expectedSeq - 1)
                          .arg(headSeq));
    }
    if (headHash != previous) {
        return broken(expectedSeq - 1, tr("Entry %1 was replaced after it was written.").arg(expectedSeq - 1));
    }
    if (checkpoint && !checkpointSeen) {
        return broken(expectedSeq, tr("The log ends at entry %1, but a checkpoint recorded entry %2: the newest "
                                      "entries were removed.")
                                       .arg(expectedSeq - 1)
                                       .arg(checkpoint->seq));
    }
    v.checkpointChecked = checkpoint.has_value();
    if (!keyedCheck) {
        if (seenKeyed && v.keyNote.isEmpty()) {
            v.keyNote = tr("This desk holds no audit key.");
        }
        return v;
    }
    if (headKey.isEmpty() && (seenKeyed || headSeq > 0)) {
        return broken(seenKeyed ? expectedSeq : 1,
                      tr("The audit log's head was never sealed with the audit key, or its seal was removed."));
    }
    if (!headKey.isEmpty() && !headSealOk) {
        // Without a keyed entry after them, only the head's seal vouches for old-format entries.
        if (!seenKeyed && v.legacyEntries > 0) {
            return broken(1, tr("Entries 1 to %1 are in the old unkeyed format and the head's keyed seal does not "
                                "match: the whole log may have been re-forged.")
                                 .arg(expectedSeq - 1));
        }
        return broken(expectedSeq, tr("The head's keyed seal does not match entry %1: entries after it were removed "
                                      "or the head was rewritten.")
                                       .arg(expectedSeq - 1));
    }
    if (!missingKeys.isEmpty()) {
        v.keyNote = tr("Some entries are sealed with keys the audit key file %1 does not hold (%2); they were not "
                       "checked.")
                        .arg(m_keys->path(), missingKeys.join(QLatin1String(", ")));
        return v;
    }
    v.keyedChecked = true;
    return v;
}
