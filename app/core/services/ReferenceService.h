#pragma once

#include "common/Result.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

class Clock;

/** Windows, departments, service items and categories: everyone reads them, only admins change them. */
class ReferenceService
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceService)

public:
    ReferenceService(Session session, const Repositories& repos, const Clock& clock);

    Result<QList<ReferenceItem>> list(ReferenceKind kind, bool includeInactive = false);
    Result<ReferenceItem> add(ReferenceKind kind, const QString& name, qint64 parentId = 0);
    Status rename(ReferenceKind kind, qint64 id, const QString& name);
    Status setActive(ReferenceKind kind, qint64 id, bool active);

    static QString kindCode(ReferenceKind kind);

private:
    /** Permission, lookup, `change`, update and audit entry `action` in one transaction; `change` may refuse. */
    Status changeItem(ReferenceKind kind, qint64 id, const QString& action,
                      const std::function<Status(ReferenceItem&, QJsonObject&)>& change);
    Status checkName(ReferenceKind kind, const QString& name, qint64 parentId, qint64 exceptId);

    Session m_session;
    Repositories m_repos;
    AuditWriter m_audit;
};
