#pragma once

#include "SqlSupport.h"
#include "audit/AuditKeyRing.h"
#include "repositories/AuditRepository.h"

#include <optional>

/**
 * The keyed, hash-chained audit log in SQL; audit_head serialises appends on both databases and carries a MAC of
 * the newest entry (head_mac) so that a removed tail with a rewound head is found.
 */
class SqlAuditRepository final : public AuditRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlAuditRepository)

public:
    explicit SqlAuditRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    /** The desk's audit key, or why it has none that fits this database (appends then fail with that reason). */
    void setKeys(std::optional<AuditKeyRing> keys, const QString& problem);
    const AuditKeyRing* keys() const { return m_keys ? &*m_keys : nullptr; }
    const QString& keyProblem() const { return m_keyProblem; }

    /** The head's state: whether it has been sealed with a key, and which. */
    struct HeadState
    {
        qint64 lastSeq = 0;
        QString lastHash;
        qint64 legacyUntil = 0;
        QString keyId; ///< empty: never sealed
    };
    Result<HeadState> head();
    /** Seals a head that was never sealed (a new or just migrated database): call in a write transaction. */
    Status sealHead();

    using AuditRepository::verify;
    Result<AuditEntry> append(AuditEntry entry) override;
    Result<QList<AuditEntry>> latest(int limit) override;
    Result<AuditVerification> verify(const std::optional<AuditCheckpoint>& checkpoint) override;

private:
    const SqlContext& m_sql;
    std::optional<AuditKeyRing> m_keys;
    QString m_keyProblem;
};
