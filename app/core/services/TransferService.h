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
 * Transfers that cannot be passed around (转办, issue 12). A transfer names the receiving department and a reason;
 * the case then awaits that department's sign-for (签收) or return (退回, with a reason, back to the sender). While
 * it awaits, it cannot be transferred again. Returns are counted per department and the time to sign is measured
 * (departmentFigures); a case transferred more than the policy's transferFlagThreshold times is flagged to the
 * supervisors (flaggedCases). Each operation checks permission, validates, and writes the case, its timeline event,
 * its case_transfers row and its audit entry in one transaction; a stale copy of the case (version) is refused.
 */
class TransferService
{
    Q_DECLARE_TR_FUNCTIONS(TransferService)

public:
    TransferService(Session session, const Repositories& repos, const Clock& clock);

    /** Transfers the case to the department (CaseAction::Transfer's lifecycle row); it then awaits sign-for. */
    Result<Case> transfer(qint64 caseId, int expectedVersion, qint64 departmentId, const QString& reason);
    /** The receiving department signs for the awaiting transfer; `note` is optional. */
    Result<Case> signFor(qint64 caseId, int expectedVersion, const QString& note);
    /** The receiving department returns the awaiting transfer to the sender, with the reason (required). */
    Result<Case> returnTransfer(qint64 caseId, int expectedVersion, const QString& reason);

    /** The case's transfers, oldest first (anyone who may read cases). */
    Result<QList<CaseTransfer>> transfers(qint64 caseId);
    /** Transfers, sign-fors, returns and time to sign per receiving department (supervisors). */
    Result<QList<DepartmentTransferFigures>> departmentFigures();
    /** Cases transferred more than the policy's threshold times (supervisors); the threshold in `threshold`. */
    Result<QList<FlaggedTransferCase>> flaggedCases(int limit, int* threshold = nullptr);

    /** Whether the session may see the supervisors' figures. */
    bool maySupervise() const { return m_session.can(Permission::ApproveCase); }

private:
    /** Signs for (Signed) or returns (Returned, `text` = the required reason) the awaiting transfer. */
    Result<Case> decide(qint64 caseId, int expectedVersion, TransferState outcome, const QString& text);
    /** The awaiting transfer of a case loaded for a change, or an InvalidTransition error. */
    Result<CaseTransfer> awaiting(const Case& c);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
