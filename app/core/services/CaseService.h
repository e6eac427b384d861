#pragma once

#include "cases/Case.h"
#include "cases/CaseCommand.h"
#include "cases/CaseEvent.h"
#include "cases/CaseQuery.h"
#include "cases/Citizen.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"
#include "users/User.h"

#include <QCoreApplication>
#include <QJsonObject>

class Clock;

/**
 * Everything a desk does with cases: record, list, read, act on. Every call checks the session's permissions,
 * every change is validated first and written with its timeline event and audit entry in one transaction.
 */
class CaseService
{
    Q_DECLARE_TR_FUNCTIONS(CaseService)

public:
    /**
     * Hours from receipt within which the citizen is owed a concrete solution or timetable (PRODUCT.md): the limit
     * of an intake's promise. A case's due time comes from SlaService::recomputeDue (the hall's rules).
     */
    static constexpr int kAnswerDueHours = 48;

    CaseService(Session session, const Repositories& repos, const Clock& clock);

    const Session& session() const { return m_session; }

    Result<Case> create(const CaseDraft& draft);
    Result<Case> get(qint64 caseId);
    Result<Case> getByNumber(const QString& caseNo);
    Result<CasePage> list(const CaseQuery& query);
    Result<CaseCount> count(const CaseQuery& query);
    Result<QList<CaseEvent>> timeline(qint64 caseId);
    /** The complainant's personal data; only for roles that may read it. NotFound for anonymous cases. */
    Result<Citizen> citizen(qint64 caseId);

    /** Applies one action: checks permission, lifecycle and input, then writes case, event and audit together. */
    Result<Case> perform(qint64 caseId, const CaseCommand& command);
    /** The actions this session may take on the case now (lifecycle and permissions both allow). */
    QList<CaseAction> availableActions(const Case& c) const;
    /** Active users a case can be reassigned to (clerks and supervisors); for those who may reassign. */
    Result<QList<User>> assignableUsers();
    /** The permission an action needs. */
    static Permission permissionFor(CaseAction action);

    /** Validation alone, without writing: every problem with the draft, translated. Empty = fine. */
    QStringList validate(const CaseDraft& draft);

private:
    friend class IntakeService; // records its cases through store(), the one creation path

    /** A case ready to be stored, as create() and the guided intake build it. */
    struct NewCase
    {
        Case c;                  ///< every field but id and caseNo; citizenId = an existing citizen or 0
        Citizen citizen;         ///< stored first and linked when not empty (c.citizenId is 0 then)
        QDateTime createdAt;     ///< the time of the Created event
        QList<CaseEvent> events; ///< further timeline events after Created, in order (caseId is filled in)
        QJsonObject auditDetail; ///< added to the case.create audit entry
    };
    /**
     * Writes citizen, number, case, its events and the audit entry in one transaction (a savepoint inside an
     * open one), then re-reads the case. Checks nothing: the caller has checked permission and validated.
     */
    Result<Case> store(NewCase n);
    Status validateCommand(const Case& c, const CaseCommand& command);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
