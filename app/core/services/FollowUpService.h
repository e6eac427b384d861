#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "cases/Rectification.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "sla/SlaPolicy.h"
#include "users/Session.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>

class Clock;
class WorkCalendar;

/** What the clerk on the phone records: how, whether the citizen was reached, and what they said. */
struct FollowUpInput
{
    FollowUpMethod method = FollowUpMethod::Phone;
    bool reached = true;
    std::optional<int> rating; ///< 1 非常不满意 … 5 非常满意; required when reached
    std::optional<int> nps;    ///< 0-10, optional
    QString note;
};

/**
 * Follow-up (回访) and 好差评 (issue 12, helper "followup"): attempts and the unreachable mark, the rating, the
 * rectification a bad rating opens (差评整改: 核实 → 整改 → 反馈 → 二次回访), appeals against a rating decided by a
 * second supervisor (申诉复核), the no-rating rule and the figures (CSAT, NPS) without appealed ratings.
 * Every operation checks permission, validates and writes the case, its timeline event and an audit entry in one
 * transaction, like CaseService::perform. The rules are in docs/ARCHITECTURE.md ("Follow-up and 好差评").
 */
class FollowUpService
{
    Q_DECLARE_TR_FUNCTIONS(FollowUpService)

public:
    FollowUpService(Session session, const Repositories& repos, const Clock& clock);

    const Session& session() const { return m_session; }

    /** A rating of 不满意 (2) or 非常不满意 (1) is a bad review that opens a rectification. */
    static bool isBadRating(int rating) { return rating >= 1 && rating <= 2; }

    /** The attempts, ratings, rectification and appeals of one case. */
    Result<FollowUpRecord> record(qint64 caseId);

    /**
     * One follow-up on a resolved case. Not reached: an attempt; the policy's number of them marks the case
     * unreachable (失联). Reached: the rating (and NPS) is stored and the case followed up; a bad rating reopens it
     * for rectification, unless it is the second follow-up of a rectification (then the rectification is done).
     */
    Result<Case> recordFollowUp(qint64 caseId, const FollowUpInput& input);
    /** Completes the open rectification's current stage (核实, 整改 or 反馈) with what was done. */
    Result<Case> advanceRectification(qint64 caseId, const QString& note);

    /** A supervisor asks that the case's current rating be left out of the figures. */
    Result<RatingAppeal> requestAppeal(qint64 caseId, AppealReason kind, const QString& reason);
    /** A second supervisor (never the one who asked) approves or refuses a pending appeal. */
    Result<RatingAppeal> decideAppeal(qint64 appealId, bool approve, const QString& note);
    /** Pending appeals, oldest first (supervisors). */
    Result<QList<RatingAppeal>> pendingAppeals(int limit = 200);
    /** Whether this session may ask for or decide appeals. */
    bool canAppeal() const { return m_session.can(Permission::ApproveCase); }

    /**
     * The no-rating rule (默认评价), when the policy enables it: every resolved case with a citizen and no rating
     * whose resolution lies noRatingDays or more in the past is rated noRatingLevel, followed up, with a
     * RatingDefaulted event and an audit entry each. Supervisors only; idempotent (a rated case is never touched
     * again). At most `limit` cases a call; returns how many were rated. A disabled rule rates none.
     */
    Result<int> applyNoRatingRule(int limit = 500);

    /** CSAT and NPS over the cases received on the days [from, to], without ratings left out by an appeal. */
    Result<RatingFigures> figures(const QDate& from, const QDate& to);

private:
    /** Inside the caller's write transaction: the permission checked now, then the case as stored. */
    Result<Case> lockedCase(qint64 caseId, Permission permission);
    /** Updates the case (its version checked), adds the events and the audit entry. */
    Status writeCase(const Case& c, const QList<CaseEvent>& events, const QString& auditAction,
                     const QJsonObject& detail);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
