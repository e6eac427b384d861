#pragma once

#include "cases/CaseCommand.h"
#include "services/CaseService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

/** Jobs for the database worker that more than one screen runs on cases. */
namespace CaseJobs {

/** Applies one action to the case as the session (CaseService::perform on the worker's connection). */
inline auto perform(const Session& session, qint64 caseId, const CaseCommand& command)
{
    return [session, caseId, command](const WorkerScope& scope) {
        CaseService cases(session, scope.repos, scope.clock);
        return cases.perform(caseId, command);
    };
}

} // namespace CaseJobs
