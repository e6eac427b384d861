#pragma once

#include "cases/Rectification.h"
#include "common/Result.h"

#include <QDateTime>
#include <QList>

/**
 * Storage of the closed loop after handling (issue 12, helper "followup"): attempts, rectifications, appeals and
 * the rating figures. Writes check nothing: FollowUpService checks permission and validates first, inside its
 * transaction. The follow_ups rows themselves are written by CaseRepository::addFollowUp.
 */
class FollowUpRepository
{
public:
    virtual ~FollowUpRepository() = default;

    virtual Result<FollowUpRecord> record(qint64 caseId) = 0;

    virtual Result<qint64> addAttempt(const FollowUpAttempt& attempt) = 0;

    /** The latest rectification of the case, open or not. */
    virtual Result<std::optional<Rectification>> latestRectification(qint64 caseId) = 0;
    virtual Result<qint64> insertRectification(const Rectification& r) = 0;
    virtual Status updateRectification(const Rectification& r) = 0;

    /** The latest follow-up of the case with a rating (the one cases.rating came from), or id 0. */
    virtual Result<FollowUp> latestFollowUp(qint64 caseId) = 0;
    virtual Status setFollowUpExcluded(qint64 followUpId, bool excluded) = 0;

    virtual Result<RatingAppeal> appeal(qint64 appealId) = 0;
    virtual Result<qint64> insertAppeal(const RatingAppeal& appeal) = 0;
    /** Sets state, decider, time and note; only a pending appeal changes (NotFound otherwise). */
    virtual Status decideAppeal(const RatingAppeal& appeal) = 0;
    /** Pending appeals, oldest first: the second supervisors' queue. */
    virtual Result<QList<RatingAppeal>> pendingAppeals(int limit) = 0;

    /** Resolved, unrated cases with a citizen, resolved at or before `resolvedBefore`, oldest first. */
    virtual Result<QList<qint64>> unratedResolvedCases(const QDateTime& resolvedBefore, int limit) = 0;

    /** CSAT and NPS over the cases received in [from, to). */
    virtual Result<RatingFigures> figures(const QDateTime& from, const QDateTime& to) = 0;
};
