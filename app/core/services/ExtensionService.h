#pragma once

#include "cases/Case.h"
#include "cases/Transfer.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>

class Clock;

/**
 * Extensions (延期, issue 12). An extension moves the handling deadline: the SLA engine's resolve clock (办结时限),
 * not the 48-hour answer. A clerk asks for one before that deadline, with a reason and a new, later date; a supervisor
 * other than the one who asked approves or refuses it (a refusal says why). On approval the case's due time is the
 * approved date (Case::dueAt and Case::extendedDueAt, which the SLA engine's resolve clock follows). One request awaits
 * a decision at a time. Every step is a timeline event, a case_extensions row and an audit entry, written in one
 * transaction.
 */
class ExtensionService
{
    Q_DECLARE_TR_FUNCTIONS(ExtensionService)

public:
    ExtensionService(Session session, const Repositories& repos, const Clock& clock);

    /** The deadline an extension moves: the resolve clock's due time (an approved extension's date once there is one).
     */
    Result<QDateTime> deadline(qint64 caseId);
    Result<Case> request(qint64 caseId, int expectedVersion, const QDateTime& newDueAt, const QString& reason);
    /** Approves (the case follows the date asked for) or refuses (`note` required) the pending request. */
    Result<Case> decide(qint64 caseId, int expectedVersion, bool approve, const QString& note);

    /** The case's requests, oldest first. */
    Result<QList<CaseExtension>> extensions(qint64 caseId);
    /** The case's request awaiting a decision, if any. */
    Result<std::optional<CaseExtension>> pending(qint64 caseId);
    /** Requests awaiting a decision across all cases (supervisors). */
    Result<QList<CaseExtension>> pendingAcrossCases(int limit);

    bool mayRequest() const { return m_session.can(Permission::WorkCase); }
    bool mayDecide() const { return m_session.can(Permission::ApproveCase); }

private:
    /** deadline() of a case already read; invalid when the case has no counting resolve clock. */
    Result<QDateTime> deadlineOf(const Case& c);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
