#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "users/Role.h"

#include <QCoreApplication>
#include <QJsonObject>

class AuditWriter;
class Session;

/**
 * The steps TransferService and ExtensionService share for one change of a case (issue 12, helper "transfer"):
 * inside the caller's WriteTransaction, the session is checked against the database, the case is read under the
 * write lock and must be the version the user saw; afterwards the case, its event and the audit entry are written.
 */
class CaseChange
{
    Q_DECLARE_TR_FUNCTIONS(CaseChange)

public:
    /** Permission, then the case as stored now, which must still be at `expectedVersion` (-1: any version). */
    static Result<Case> load(const Session& session, const Repositories& repos, qint64 caseId, int expectedVersion,
                             Permission permission);

    /** Writes the case (updatedAt = event.at), then the event (caseId filled in), then the audit entry "case." + verb.
     */
    static Status write(const Session& session, const Repositories& repos, AuditWriter& audit, Case& c, CaseEvent event,
                        const QString& verb, QJsonObject detail);

    static Error invalid(const QString& message);
};
