#pragma once

#include "repositories/ReferenceRepository.h"
#include "services/ReferenceService.h"
#include "services/TrainingService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

/** Jobs for the database worker: the trainer's library of training cases (issue 15, helper "train15"). */
namespace TrainingJobs {

/** What the library shows: the filtered list and the categories the whole library holds (for the filter). */
struct Library
{
    QList<TrainingSummary> items;
    QStringList categories;
};

inline auto library(const Session& session, const TrainingFilter& filter)
{
    return [session, filter](const WorkerScope& scope) -> Result<Library> {
        TrainingService service(session, scope.repos, scope.clock);
        auto items = service.list(filter);
        if (!items) {
            return items.error();
        }
        auto categories = service.categories();
        if (!categories) {
            return categories.error();
        }
        return Library{std::move(items).value(), std::move(categories).value()};
    };
}

inline auto find(const Session& session, qint64 id)
{
    return [session, id](const WorkerScope& scope) {
        return TrainingService(session, scope.repos, scope.clock).find(id);
    };
}

/** The active categories, for the build dialog's filter. */
inline auto categories(const Session& session)
{
    return [session](const WorkerScope& scope) {
        return ReferenceService(session, scope.repos, scope.clock).list(ReferenceKind::Category);
    };
}

inline auto candidates(const Session& session, const TrainingCandidateFilter& filter)
{
    return [session, filter](const WorkerScope& scope) {
        return TrainingService(session, scope.repos, scope.clock).candidates(filter);
    };
}

inline auto build(const Session& session, qint64 caseId)
{
    return [session, caseId](const WorkerScope& scope) {
        return TrainingService(session, scope.repos, scope.clock).buildFromCase(caseId);
    };
}

inline auto update(const Session& session, qint64 id, int version, const TrainingEdits& edits)
{
    return [session, id, version, edits](const WorkerScope& scope) {
        return TrainingService(session, scope.repos, scope.clock).update(id, version, edits);
    };
}

inline auto remove(const Session& session, qint64 id)
{
    return [session, id](const WorkerScope& scope) -> Result<bool> {
        if (auto s = TrainingService(session, scope.repos, scope.clock).remove(id); !s) {
            return s.error();
        }
        return true;
    };
}

inline auto exportSet(const Session& session, const QList<qint64>& ids)
{
    return [session, ids](const WorkerScope& scope) {
        return TrainingService(session, scope.repos, scope.clock).exportSet(ids);
    };
}

inline auto importSet(const Session& session, const QByteArray& bytes)
{
    return [session, bytes](const WorkerScope& scope) {
        return TrainingService(session, scope.repos, scope.clock).importSet(bytes);
    };
}

} // namespace TrainingJobs
