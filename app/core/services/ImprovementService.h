#pragma once

#include "common/Result.h"
#include "improvement/Improvement.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

class Clock;
namespace Dashboard {
struct SystemicAlert;
}

/**
 * The improvement register (整改台账, issue 14, helper "register"): actions with an owner department and a deadline,
 * their linked cases, their root-cause analyses (5 whys, fishbone 人机料法环测) and the effect check. Writing needs
 * ManageImprovements, reading ViewFigures or ManageImprovements. Each write checks the session against the database,
 * validates, refuses a stale copy (version), and writes the action and its audit entry in one transaction.
 */
class ImprovementService
{
    Q_DECLARE_TR_FUNCTIONS(ImprovementService)

public:
    ImprovementService(Session session, const Repositories& repos, const Clock& clock);

    /** Records a new action (status open) with its linked cases and analyses. */
    Result<ImprovementAction> create(const ImprovementDraft& draft);
    /** An action from a dashboard alert: Improvements::draftFromAlert with the owner and the deadline given. */
    Result<ImprovementAction> createFromAlert(const Dashboard::SystemicAlert& alert, qint64 ownerDepartmentId,
                                              const QDate& deadline);
    /**
     * An action opened from one case (a systemic cause seen on it): Improvements::draftFromCase with the owner and
     * the deadline given (an invalid date keeps 30 days on).
     */
    Result<ImprovementAction> createFromCase(qint64 caseId, qint64 ownerDepartmentId, const QDate& deadline);
    /**
     * "Add to an existing action" from a case: links the case to the action as stored now (no version: the picker
     * only names the action). Refused when the action is done or cancelled or already links the case.
     */
    Result<ImprovementAction> addCase(qint64 id, qint64 caseId);
    /** Writes the fields (title, description, owner, deadline, category, item) of the action seen at that version. */
    Result<ImprovementAction> update(qint64 id, int expectedVersion, const ImprovementDraft& fields);
    /** Done sets done_at; open or in progress again (reopen) clears it. */
    Result<ImprovementAction> setStatus(qint64 id, int expectedVersion, ImprovementStatus status);
    Result<ImprovementAction> linkCase(qint64 id, int expectedVersion, qint64 caseId);
    /** Links the case with that number (as a user types it). */
    Result<ImprovementAction> linkCaseNo(qint64 id, int expectedVersion, const QString& caseNo);
    Result<ImprovementAction> unlinkCase(qint64 id, int expectedVersion, qint64 caseId);
    Result<ImprovementAction> saveWhys(qint64 id, int expectedVersion, const FiveWhys& whys);
    Result<ImprovementAction> saveFishbone(qint64 id, int expectedVersion, const Fishbone& fishbone);
    /**
     * What the action dialog's Save does: the fields, the set of linked cases (draft.caseIds), the whys and the
     * fishbone in one transaction and one new version; an audit entry for each part that changed.
     */
    Result<ImprovementAction> save(qint64 id, int expectedVersion, const ImprovementDraft& draft);

    Result<ImprovementAction> find(qint64 id);
    Result<ImprovementDetail> detail(qint64 id);
    Result<QList<ImprovementAction>> list(const ImprovementFilter& filter);
    /** For the dashboard: open and in-progress actions whose deadline lies before `today`, soonest first. */
    Result<QList<ImprovementAction>> overdue(const QDate& today, int limit = 100);
    /**
     * The register's change counter: grows with every write of any action (a new action, a new version), whoever
     * wrote it; desks compare it to refresh their lists. One small aggregate over the register.
     */
    Result<qint64> changeStamp();
    /** A case by its number, to link it (readers of the register see case numbers, not case text). */
    Result<LinkedCase> caseByNumber(const QString& caseNo);
    /** The cases with these ids as the dialog lists them (an alert's cases before the action is saved). */
    Result<QList<LinkedCase>> casesByIds(const QList<qint64>& caseIds);
    /**
     * The effect check: the action's category and service item, `weeks` weeks before the day it was created
     * against the weeks since (until today at most), through Metrics::compute.
     */
    Result<EffectCheck> effect(qint64 id, int weeks = Improvements::kDefaultEffectWeeks);

    /** The draft that saves a stored action unchanged (the dialog starts from it). */
    static ImprovementDraft draftOf(const ImprovementDetail& detail);

    bool mayRead() const;
    bool mayWrite() const { return m_session.can(Permission::ManageImprovements); }

private:
    std::optional<Error> denyRead();
    /** Permission and the action as stored now, which must be at `expectedVersion`. Call inside the transaction. */
    Result<ImprovementAction> loadForChange(qint64 id, int expectedVersion);
    /** Checks owner, category and item exist; fills their names into `a`. */
    Status applyFields(ImprovementAction& a, const ImprovementDraft& fields);
    Status checkCases(const QList<qint64>& caseIds);
    /** Bumps the version, stamps updated_at and writes the row. */
    Status writeChange(ImprovementAction& a);
    Status audit(const QString& verb, const ImprovementAction& a, QJsonObject detail = {});
    Result<ImprovementAction> reload(qint64 id);
    /** What a change does to the loaded action; fills the audit entry's detail. */
    using Change = std::function<Status(ImprovementAction& action, QJsonObject& detail)>;
    /** One change of a stored action: load at the version, apply, new version, audit "improvement." + verb, commit. */
    Result<ImprovementAction> change(qint64 id, int expectedVersion, const QString& verb, const Change& apply);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
