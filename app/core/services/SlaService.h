#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "sla/SlaEngine.h"
#include "users/Session.h"

#include <QCoreApplication>

class Clock;

/**
 * The SLA clocks of cases and the hall's deadline rules (issue 12, helper "sla"). Pausing and resuming a case's
 * clocks are operations of their own: each checks permission, validates, and writes the pause, the case (paused_at,
 * due_at recomputed through SlaEngine, version), its timeline event and an audit entry in one transaction.
 */
class SlaService
{
    Q_DECLARE_TR_FUNCTIONS(SlaService)

public:
    /** Longest reason or note accepted. */
    static constexpr int kMaxReasonChars = 2000;

    /** Everything the clocks panel shows of one case. */
    struct CaseClocks
    {
        Case value;
        QList<SlaClock> clocks;
        QList<SlaPause> pauses;
    };

    SlaService(Session session, const Repositories& repos, const Clock& clock);

    const Session& session() const { return m_session; }

    /** The hall's rules (everyone who may see cases, and admins). */
    Result<SlaPolicy> policy();
    /** Replaces the rules: admins only (ManageReferenceData), validated, audited ("sla.policy"). */
    Status savePolicy(const SlaPolicy& policy);

    /** The engine over the stored rules and the holiday calendar. */
    Result<SlaEngine> engine();
    /** The engine over the stored rules and calendar of these repositories (no permission check). */
    static Result<SlaEngine> engineOf(const Repositories& repos);
    /**
     * What the engine needs of a case: its times, its timeline (reopening, rectification) and its pauses.
     * `pending`: events of a change being written in the caller's transaction, not stored yet (e.g. the reopening).
     */
    Result<SlaFacts> facts(const Case& c, const QList<CaseEvent>& pending = {});
    /** Every clock of the case as of now, with its explanation. */
    Result<CaseClocks> clocks(qint64 caseId);

    /** Stops the case's clocks (补正材料 / third party) with a reason. `expectedVersion` -1 = any. */
    Result<Case> pause(qint64 caseId, SlaPauseKind kind, const QString& reason, int expectedVersion = -1);
    /**
     * Starts them again; the due time moves by the paused time. Also for a case resolved or closed while paused
     * (CaseService does not end pauses), so that it leaves the "paused" view.
     */
    Result<Case> resume(qint64 caseId, const QString& note, int expectedVersion = -1);

    /**
     * The deadline the desk works to (cases.due_at), as the one engine has it: the earliest due time of the clocks
     * still counting (SlaEngine::caseDue). Every service that creates a case or changes its clocks calls this inside
     * its write transaction, with the events it is about to store in `pending`. When no clock counts any more (a case
     * resolved on the spot), a case without a due time gets the answer clock's, so the list never shows it empty;
     * otherwise due_at stays as it was.
     */
    Status recomputeDue(Case& c, const QList<CaseEvent>& pending = {});

    /**
     * recomputeDue's rule on given facts (no database): the earliest due time of the clocks still counting, or, when
     * none counts and `current` is invalid, the answer clock's; otherwise `current`. The import computes every row's
     * due time with one engine through it.
     */
    static QDateTime dueFrom(const SlaEngine& engine, const SlaFacts& facts, const QDateTime& now,
                             const QDateTime& current);
    /** The facts of a case from its fields, timeline and pauses (no database): for the engine and its tests. */
    static SlaFacts factsFrom(const Case& c, qint64 topCategoryId, const QList<CaseEvent>& timeline,
                              const QList<SlaPause>& pauses);

private:
    /** The case re-read under the write lock, at the expected version. */
    Result<Case> lockedOpenCase(qint64 caseId, int expectedVersion);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
