#include "services/CaseChange.h"

#include "repositories/CaseRepository.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

Result<Case> CaseChange::load(const Session& session, const Repositories& repos, qint64 caseId, int expectedVersion,
                              Permission permission)
{
    // Checked under the write lock: an account disabled or demoted a moment ago cannot act any more.
    if (auto denied = session.denyNow(*repos.users, permission)) {
        return *denied;
    }
    auto found = repos.cases->find(caseId);
    if (!found) {
        return found.error();
    }
    if (expectedVersion >= 0 && found->version != expectedVersion) {
        return Error::make(Error::Code::Conflict,
                           tr("Case %1 was changed by someone else after you opened it; reopen it to see the "
                              "changes, then try again.")
                               .arg(found->caseNo));
    }
    return found;
}

Status CaseChange::write(const Session& session, const Repositories& repos, AuditWriter& audit, Case& c,
                         CaseEvent event, const QString& verb, QJsonObject detail)
{
    c.updatedAt = event.at;
    if (auto updated = repos.cases->update(c); !updated) {
        return updated;
    }
    event.caseId = c.id;
    event.actor = session.actor();
    if (auto e = repos.cases->addEvent(event); !e) {
        return e.error();
    }
    detail.insert(QStringLiteral("case_no"), c.caseNo);
    return audit.record(session, QStringLiteral("case.") + verb, QStringLiteral("case"), c.id, detail);
}

Error CaseChange::invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}
