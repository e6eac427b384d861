#include "AuditService.h"

#include "repositories/AuditRepository.h"

AuditService::AuditService(Session session, const Repositories& repos)
    : m_session(std::move(session))
    , m_repos(repos)
{}

Result<QList<AuditEntry>> AuditService::latest(int limit)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewAuditLog)) {
        return *denied;
    }
    return m_repos.audit->latest(limit);
}

Result<AuditVerification> AuditService::verify(const std::optional<AuditCheckpoint>& checkpoint)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewAuditLog)) {
        return *denied;
    }
    return m_repos.audit->verify(checkpoint);
}
