#pragma once

#include "services/DrillService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

/** Jobs for the database worker: the trainees' drills and the trainer's results (issue 15, helper "drill15"). */
namespace DrillJobs {

inline auto submit(const Session& session, const TrainingCase& trainingCase, const QList<DrillAnswer>& answers,
                   const QDateTime& startedAt, int timeLimitSeconds)
{
    return [=](const WorkerScope& scope) {
        return DrillService(session, scope.repos, scope.clock)
            .submit(trainingCase, answers, startedAt, timeLimitSeconds);
    };
}

inline auto myResults(const Session& session)
{
    return [session](const WorkerScope& scope) {
        return DrillService(session, scope.repos, scope.clock).myResults();
    };
}

/** What the trainer's results page shows. */
struct TeamResults
{
    QList<DrillResultSummary> results;
    QList<TraineeSeries> series;
    QList<MissedCriterion> missed;
    QList<Ref> trainees; ///< everyone with a result (the trainee filter), whatever the filter
};

/** The results, series and missed criteria of drills finished in [from, to) by one trainee (0 = everyone). */
inline auto teamResults(const Session& session, const QDateTime& from, const QDateTime& to, qint64 traineeId)
{
    return [=](const WorkerScope& scope) -> Result<TeamResults> {
        DrillService service(session, scope.repos, scope.clock);
        DrillResultFilter filter;
        filter.traineeId = traineeId;
        filter.from = from;
        filter.to = to;
        TeamResults out;
        auto results = service.results(filter);
        if (!results) {
            return results.error();
        }
        out.results = std::move(results).value();
        auto series = service.traineeSeries(from, to, traineeId);
        if (!series) {
            return series.error();
        }
        out.series = std::move(series).value();
        auto missed = service.missedCriteria(from, to, traineeId);
        if (!missed) {
            return missed.error();
        }
        out.missed = std::move(missed).value();
        auto trainees = service.trainees();
        if (!trainees) {
            return trainees.error();
        }
        out.trainees = std::move(trainees).value();
        return out;
    };
}

} // namespace DrillJobs
