#pragma once

#include "cases/CaseEvent.h"
#include "common/Result.h"
#include "crisis/Crisis.h"
#include "crisis/CrisisStatements.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>
#include <optional>

class Clock;

/**
 * Crisis mode (危机处置, issue 16 part B): open a crisis for one case or a group, work its checklist, publish checked
 * statements (the first stops the golden-hours clock), close it and review it (复盘) with lessons that become
 * improvement actions. Supervisors and admins (ManageCrises); anyone who reads cases may ask whether a case is in a
 * crisis. Every write checks the session against the database, validates, and writes the change, one timeline event
 * on every case of the crisis and one audit entry ("crisis." + verb) in one transaction.
 */
class CrisisService
{
    Q_DECLARE_TR_FUNCTIONS(CrisisService)

public:
    CrisisService(Session session, const Repositories& repos, const Clock& clock);

    /** The golden hours a crisis opened now gets: the deadline rules' setting (4, or 1 when strict). */
    Result<int> goldenHours();
    /** Opens a crisis over these cases (none may be in another open crisis); an empty title gets a default one. */
    Result<CrisisDetail> open(const QList<qint64>& caseIds, const QString& title = {});
    /** Records a checklist step once; naming the spokesperson needs the name as the note. */
    Result<CrisisDetail> doStep(qint64 id, CrisisStep step, const QString& note);
    /** What the check of a statement finds for this crisis (reply checker, personal data of its citizens). */
    Result<StatementCheck> checkStatement(qint64 id, const QString& text);
    /** Publishes a statement after the check; refused with the reason when it finds personal data or objects. */
    Result<CrisisDetail> publish(qint64 id, StatementKind kind, const QString& text);
    Result<CrisisDetail> close(qint64 id, const QString& note = {});
    /** The post-crisis review of a closed crisis, once; lessons marked so become improvement actions. */
    Result<CrisisDetail> review(qint64 id, const CrisisReviewDraft& draft);

    Result<CrisisDetail> detail(qint64 id);
    /** Open crises oldest first, or every crisis newest first. */
    Result<QList<Crisis>> list(bool openOnly, int limit = 200);
    /** For anyone who reads cases: the open crisis of the case, or its latest closed one; nullopt = none. */
    Result<std::optional<Crisis>> crisisOfCase(qint64 caseId);

    bool mayManage() const { return m_session.can(Permission::ManageCrises); }

private:
    /** Permission, then the crisis as stored now; `mustBeOpen` refuses a closed one. Inside the transaction. */
    Result<CrisisDetail> loadForChange(qint64 id, bool mustBeOpen);
    Result<CrisisDetail> load(qint64 id);
    Result<StatementChecker> checkerFor(const CrisisDetail& detail);
    /** One event on every case of the crisis, then the audit entry. */
    Status record(const CrisisDetail& detail, CaseEventKind kind, const QString& note, const QString& verb,
                  QJsonObject auditDetail);
    using Change = std::function<Status(CrisisDetail& detail)>;
    Result<CrisisDetail> change(qint64 id, bool mustBeOpen, const Change& apply);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
