#pragma once

#include "audit/AuditEntry.h"
#include "common/Result.h"

#include <QList>

#include <optional>

/** The append-only, hash-chained audit log. There is no update and no delete. */
class AuditRepository
{
public:
    virtual ~AuditRepository() = default;

    /**
     * Appends an entry: assigns seq, prevHash, keyId and hash (a MAC under the desk's audit key) under a lock that
     * serialises writers. Fails when this desk holds no usable audit key. Call inside the transaction of the
     * change it records.
     */
    virtual Result<AuditEntry> append(AuditEntry entry) = 0;
    /** The newest entries, newest first. */
    virtual Result<QList<AuditEntry>> latest(int limit) = 0;
    /**
     * Walks the whole chain (streaming, in pages) and reports the first entry that does not hold; with the audit
     * key it checks every keyed entry's MAC and the head's seal, and `checkpoint` (known from outside the
     * database) must be part of the chain.
     */
    virtual Result<AuditVerification> verify(const std::optional<AuditCheckpoint>& checkpoint) = 0;
    Result<AuditVerification> verify() { return verify(std::nullopt); }
};
