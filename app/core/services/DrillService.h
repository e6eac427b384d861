#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "training/Training.h"
#include "users/Session.h"

#include <QCoreApplication>

class Clock;

/**
 * The trainees' drills (issue 15, helper "drill15"): scores a finished drill with DrillScorer over the hall's stored
 * reply rules and stores it for the session's user; lists a trainee's own results (RunDrills) and the team's results,
 * each trainee's percent over time and the criteria most often missed (ViewDrillResults). Every call re-checks the
 * session against the database first (Session::denyNow).
 */
class DrillService
{
    Q_DECLARE_TR_FUNCTIONS(DrillService)

public:
    /** The longest answer stored (characters); a longer one is refused. */
    static constexpr int kMaxAnswerLength = 4000;
    /** The longest per-stage timer (seconds). */
    static constexpr int kMaxTimeLimitSeconds = 3600;

    DrillService(Session session, const Repositories& repos, const Clock& clock);

    /**
     * Scores the answers to the training case, finished now, and stores the result with the session's user as the
     * trainee, in one transaction with its audit entry ("drill.submit": the training case, points and percent); returns
     * it as stored (with its id). Needs RunDrills and a logged-in user. Refused:
     * a stage answered twice, negative seconds, a timer outside 0–kMaxTimeLimitSeconds, an answer over
     * kMaxAnswerLength, a start after now.
     */
    Result<DrillResult> submit(const TrainingCase& trainingCase, const QList<DrillAnswer>& answers,
                               const QDateTime& startedAt, int timeLimitSeconds);
    /** The session's own results (the filter's trainee is always the session's user), newest first; RunDrills. */
    Result<QList<DrillResultSummary>> myResults(DrillResultFilter filter = {});
    /** One result with its answers and scores: the session's own with RunDrills, anyone's with ViewDrillResults. */
    Result<DrillResult> find(qint64 id);
    /** Everyone's results of the filter, newest first; ViewDrillResults. */
    Result<QList<DrillResultSummary>> results(const DrillResultFilter& filter);
    /**
     * Each trainee's percent per drill finished in [from, to) (invalid = open), oldest first, by name; one trainee
     * only when `traineeId` is not 0; ViewDrillResults.
     */
    Result<QList<TraineeSeries>> traineeSeries(const QDateTime& from = {}, const QDateTime& to = {},
                                               qint64 traineeId = 0);
    /**
     * Each criterion scored in [from, to): how often below its maximum across the team (or one trainee when
     * `traineeId` is not 0), the most often missed (by share, then count, then criterion order) first;
     * ViewDrillResults.
     */
    Result<QList<MissedCriterion>> missedCriteria(const QDateTime& from = {}, const QDateTime& to = {},
                                                  qint64 traineeId = 0);
    /** Everyone who has a stored drill result, by name (the results page's trainee filter); ViewDrillResults. */
    Result<QList<Ref>> trainees();

    bool mayRun() const { return m_session.can(Permission::RunDrills); }
    bool mayView() const { return m_session.can(Permission::ViewDrillResults); }

private:
    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
