#pragma once

#include "audit/AuditEntry.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "users/Session.h"

/** Reading and verifying the audit log; for supervisors, admins and the command line. */
class AuditService
{
public:
    AuditService(Session session, const Repositories& repos);

    Result<QList<AuditEntry>> latest(int limit);
    Result<AuditVerification> verify();

private:
    Session m_session;
    Repositories m_repos;
};
