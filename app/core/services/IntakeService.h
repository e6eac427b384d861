#pragma once

#include "cases/Case.h"
#include "cases/Intake.h"
#include "common/Result.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>

class Clock;

/** The pages of the guided intake, in order; validation is per page. */
enum class IntakePage
{
    Listen,
    Facts,
    Impact,
    Steps,
    Review,
};

/**
 * One problem with one field of the intake, shown next to that field. The field keys are stable (the wizard maps
 * them to its widgets), per page:
 * - Listen: "complaintText", "channel", "waitedMinutes", "receivedAt", "windowId", "serviceItemId", "categoryId",
 *   "queueTicket", "citizenId" (an existing citizen that is gone), "citizen.name", "citizen.phone",
 *   "citizen.idNumber", "citizen.address", "emotion" (required), "acknowledgedAt";
 * - Facts: "facts.what", "facts.involvedWindowId", "factsConfirmedAt";
 * - Impact: "impact.demand", "impact.severity", "impact.scope", "impact.recurrence", "impact.reasonableness",
 *   "impact.responsibility", "impactConfirmedAt";
 * - Steps: "departmentId", "assigneeId", "steps" (next steps, base.steps), "promisedAt", "promiseReason",
 *   "steps.remedies", "steps.remedyNote" (Remedy::Other chosen), "onSpotResolution", "stepsExplainedAt";
 * - Review: all of these; the confirmation times are required there (on their own pages only checked when set).
 * Staff report: "whatHappened", "windowId", "serviceItemId", "categoryId".
 * Amendment: "expectedVersion", the part's own keys above, "restatement" (Steps: the next steps).
 */
struct FieldProblem
{
    QString field;   ///< stable field key, e.g. "complaintText", "acknowledgedAt", "promiseReason"
    QString message; ///< translated, one line
};

/** Everything the wizard collected; submit() turns it into a case with its confirmations. */
struct IntakeDraft
{
    /**
     * Channel, window, item, category, department, waited, words, restatements, promise. An empty receivedAt
     * means "received when the feelings were acknowledged" (confirmed.acknowledgedAt). Empty facts / impact
     * restatements are composed by restateFacts / restateImpact.
     */
    CaseDraft base;
    qint64 citizenId = 0;  ///< an existing citizen found by phone or ID number; 0 = base.citizen (new or empty)
    qint64 assigneeId = 0; ///< 0 = the clerk who records it
    IntakeDetail detail;
    IntakeConfirmations confirmed;
    QString onSpotResolution; ///< detail.resolvedOnSpot: what was done for the citizen (required then)
};

/** A staff member's own report of a problem they saw (员工上报, channel staff_report): non-punitive. */
struct StaffReportDraft
{
    qint64 windowId = 0;
    qint64 serviceItemId = 0;
    qint64 categoryId = 0;
    QString whatHappened; ///< required
    QString suggestion;   ///< optional: what would help
};

/** Which part of an intake a later amendment changes; each amendment is its own timeline event. */
enum class IntakePart
{
    Facts,
    Impact,
    Steps,
};

struct IntakeAmendment
{
    IntakePart part = IntakePart::Facts;
    int expectedVersion = 0; ///< the case version the clerk edited; a newer case refuses the amendment
    QString restatement;     ///< new Case::facts / impact / steps text
    IntakeDetail detail;     ///< the new structured fields (only the part's own fields are read)
    QDateTime promisedAt;    ///< Steps: the new promised time
    QString note;            ///< why it changed (the citizen's correction, ...)
};

/**
 * The guided intake (受理向导) and what it needs from the database: lookup of a known citizen, the citizen's
 * earlier cases and similar recent cases, saving everything in one transaction, the staff report and later
 * amendments. Every call checks the session's permissions; reads of personal data are audited.
 */
class IntakeService
{
    Q_DECLARE_TR_FUNCTIONS(IntakeService)

public:
    /** Days back that "cases of the same service item and category" looks. */
    static constexpr int kSimilarCasesDays = 30;

    IntakeService(Session session, const Repositories& repos, const Clock& clock);

    /** Problems with one page's fields (empty = the page may be left). Review checks every page. */
    QList<FieldProblem> validatePage(const IntakeDraft& draft, IntakePage page) const;
    /**
     * The latest promised time the SLA allows: received + CaseService::kAnswerDueHours (received: base.receivedAt,
     * else confirmed.acknowledgedAt, else now).
     */
    QDateTime latestPromise(const IntakeDraft& draft) const;

    /** "您反映的是：……，对吗？" composed from the facts (names resolved by the caller). */
    static QString restateFacts(const IntakeFacts& facts, const QString& serviceItemName, const QString& windowName);
    /** The impact restated in one sentence for the citizen to confirm. */
    static QString restateImpact(const IntakeImpact& impact);
    /** A restatement as what was agreed, for the receipt: "您反映的是：X，对吗？" becomes "X。". Other text unchanged.
     */
    static QString agreedStatement(const QString& restatement);

    /**
     * Citizens whose phone or ID number is exactly this (both normalised: "138-0013-8000", "+86 13800138000" and
     * "13800138000" are one number); newest first, at most 20. Needs ViewPersonalData; every citizen returned is
     * an audited read ("citizen.read").
     */
    Result<QList<Citizen>> findCitizens(const QString& phoneOrIdNumber);
    /** The citizen's earlier cases, newest first (no personal data in the rows). */
    Result<QList<Case>> citizenCases(qint64 citizenId, int limit = 50);
    /** Cases of this service item and category received in the last kSimilarCasesDays days, newest first. */
    Result<QList<Case>> similarCases(qint64 serviceItemId, qint64 categoryId, int limit = 50);

    /**
     * Needs CreateCase. Validates every page (Invalid, with every message), then writes citizen (new, the known
     * citizenId, or none), case, the events Created (at receipt), Acknowledged, FactsConfirmed, ImpactConfirmed and
     * StepsConfirmed (each at its confirmation time) and the audit entry in one transaction (a savepoint inside an
     * open one). The case is acknowledged; with detail.resolvedOnSpot it is resolved now, with a Resolved event
     * whose note is onSpotResolution.
     */
    Result<Case> submit(const IntakeDraft& draft);
    /** Problems with a staff report (keys "whatHappened", "windowId", "serviceItemId", "categoryId"). */
    QList<FieldProblem> validateStaffReport(const StaffReportDraft& draft) const;
    /** Records a staff report as a case (channel staff_report, status received, no citizen). */
    Result<Case> submitStaffReport(const StaffReportDraft& draft);
    /**
     * Needs WorkCase. Changes facts, impact or steps of a case that is not closed, with a FactsAmended /
     * ImpactAmended / StepsAmended event and a case.amend_* audit entry. Refused with Conflict when the case is no
     * longer at amendment.expectedVersion (someone changed it meanwhile), Invalid with the part's problems. An empty
     * restatement of facts or impact is composed from the fields; Steps keep their text when it is empty.
     */
    Result<Case> amend(qint64 caseId, const IntakeAmendment& amendment);

    /** Problems with an amendment's fields, for the case as it is stored; see FieldProblem for the keys. */
    QList<FieldProblem> validateAmendment(const IntakeAmendment& amendment, const Case& c) const;

    /** Every problem's message, one per line: the text of the Invalid error submit() returns. */
    static QString joined(const QList<FieldProblem>& problems);

private:
    QDateTime receivedAt(const IntakeDraft& draft) const;
    void checkReference(QList<FieldProblem>* problems, const char* field, ReferenceKind kind, qint64 id) const;
    void checkConfirmation(QList<FieldProblem>* problems, const char* field, const QDateTime& at,
                           const QDateTime& earliest, bool required) const;
    void validateFacts(QList<FieldProblem>* problems, const IntakeFacts& facts) const;
    void validateImpact(QList<FieldProblem>* problems, const IntakeImpact& impact) const;
    void validatePromise(QList<FieldProblem>* problems, const QDateTime& promisedAt, const QDateTime& received,
                         const QString& promiseReason, bool required) const;
    QString referenceName(ReferenceKind kind, qint64 id) const;

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
