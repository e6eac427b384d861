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
};

inline auto teamResults(const Session& session, const QDateTime& from, const QDateTime& to)
{
    return [=](const WorkerScope& scope) -> Result<TeamResults> {
        DrillService service(session, scope.repos, scope.clock);
        DrillResultFilter filter;
        filter.from = from;
        filter.to = to;
        TeamResults out;
        auto results = service.results(filter);
        if (!results) {
            return results.error();
        }
        out.results = std::move(results).value();
        auto series = service.traineeSeries(from, to);
        if (!series) {
            return series.error();
        }
        out.series = std::move(series).value();
        auto missed = service.missedCriteria(from, to);
        if (!missed) {
            return missed.error();
        }
        out.missed = std::move(missed).value();
        return out;
    };
}

} // namespace DrillJobs
