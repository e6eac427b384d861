#pragma once

#include "services/IntakeService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

/** Jobs for the database worker that the intake screens run (IntakeService on the worker's connection). */
namespace IntakeJobs {

inline auto findCitizens(const Session& session, const QString& phoneOrId)
{
    return [session, phoneOrId](const WorkerScope& scope) {
        return IntakeService(session, scope.repos, scope.clock).findCitizens(phoneOrId);
    };
}

inline auto citizenCases(const Session& session, qint64 citizenId)
{
    return [session, citizenId](const WorkerScope& scope) {
        return IntakeService(session, scope.repos, scope.clock).citizenCases(citizenId);
    };
}

inline auto similarCases(const Session& session, qint64 serviceItemId, qint64 categoryId)
{
    return [session, serviceItemId, categoryId](const WorkerScope& scope) {
        return IntakeService(session, scope.repos, scope.clock).similarCases(serviceItemId, categoryId);
    };
}

inline auto submit(const Session& session, const IntakeDraft& draft)
{
    return [session, draft](const WorkerScope& scope) {
        return IntakeService(session, scope.repos, scope.clock).submit(draft);
    };
}

inline auto submitStaffReport(const Session& session, const StaffReportDraft& draft)
{
    return [session, draft](const WorkerScope& scope) {
        return IntakeService(session, scope.repos, scope.clock).submitStaffReport(draft);
    };
}

inline auto amend(const Session& session, qint64 caseId, const IntakeAmendment& amendment)
{
    return [session, caseId, amendment](const WorkerScope& scope) {
        return IntakeService(session, scope.repos, scope.clock).amend(caseId, amendment);
    };
}

} // namespace IntakeJobs
