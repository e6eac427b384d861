#pragma once

#include "repositories/ReferenceRepository.h"
#include "services/CrisisService.h"
#include "services/ReferenceService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

/** Jobs for the database worker: crisis mode (issue 16 part B). */
namespace CrisisJobs {

inline auto detail(const Session& session, qint64 id)
{
    return [session, id](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).detail(id);
    };
}

inline auto list(const Session& session, bool openOnly)
{
    return [session, openOnly](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).list(openOnly);
    };
}

inline auto crisisOfCase(const Session& session, qint64 caseId)
{
    return [session, caseId](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).crisisOfCase(caseId);
    };
}

inline auto open(const Session& session, QList<qint64> caseIds, QString title)
{
    return [session, caseIds, title](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).open(caseIds, title);
    };
}

inline auto doStep(const Session& session, qint64 id, CrisisStep step, QString note)
{
    return [session, id, step, note](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).doStep(id, step, note);
    };
}

inline auto check(const Session& session, qint64 id, QString text)
{
    return [session, id, text](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).checkStatement(id, text);
    };
}

inline auto publish(const Session& session, qint64 id, StatementKind kind, QString text)
{
    return [session, id, kind, text](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).publish(id, kind, text);
    };
}

inline auto close(const Session& session, qint64 id, QString note)
{
    return [session, id, note](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).close(id, note);
    };
}

inline auto review(const Session& session, qint64 id, CrisisReviewDraft draft)
{
    return [session, id, draft](const WorkerScope& scope) {
        return CrisisService(session, scope.repos, scope.clock).review(id, draft);
    };
}

/** The active departments, to own the actions of a review's lessons. */
inline auto departments(const Session& session)
{
    return [session](const WorkerScope& scope) -> Result<QList<ReferenceItem>> {
        auto all = ReferenceService(session, scope.repos, scope.clock).list(ReferenceKind::Department);
        if (!all) {
            return all.error();
        }
        QList<ReferenceItem> active;
        for (const ReferenceItem& item : *all) {
            if (item.active) {
                active << item;
            }
        }
        return active;
    };
}

} // namespace CrisisJobs
