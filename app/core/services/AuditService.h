#pragma once

#include "audit/AuditEntry.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "users/Session.h"

#include <optional>

/** Reading and verifying the audit log; for supervisors, admins and the command line. */
class AuditService
{
public:
    AuditService(Session session, const Repositories& repos);

    Result<QList<AuditEntry>> latest(int limit);
    /** Walks the chain; `checkpoint`, known from outside the database, must be part of it. */
    Result<AuditVerification> verify(const std::optional<AuditCheckpoint>& checkpoint = std::nullopt);

private:
    Session m_session;
    Repositories m_repos;
};
