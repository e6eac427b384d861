#pragma once

#include "audit/AuditEntry.h"
#include "common/Result.h"

#include <QList>

/** The append-only, hash-chained audit log. There is no update and no delete. */
class AuditRepository
{
public:
    virtual ~AuditRepository() = default;

    /**
     * Appends an entry: assigns seq, prevHash and hash (AuditChain) under a lock that serialises writers.
     * Call inside the transaction of the change it records.
     */
    virtual Result<AuditEntry> append(AuditEntry entry) = 0;
    /** The newest entries, newest first. */
    virtual Result<QList<AuditEntry>> latest(int limit) = 0;
    /** Walks the whole chain and reports the first entry that does not hold. */
    virtual Result<AuditVerification> verify() = 0;
};
