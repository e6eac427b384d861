#include "dashboard/DashboardJobs.h"

#include "services/CaseService.h"
#include "services/DashboardService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

bool DashboardJobs::allowed(const Session& session)
{
    return session.can(Permission::ViewFigures);
}

DashboardJobs DashboardJobs::service(const Session& session)
{
    DashboardJobs jobs;
    jobs.snapshot = [session](const WorkerScope& scope, const Dashboard::Range& range,
                              const Dashboard::AlertRule& rule) {
        return DashboardService(session, scope.repos, scope.clock).snapshot(range, rule);
    };
    jobs.casesBehind = [session](const WorkerScope& scope, const Dashboard::Selection& selection) {
        return DashboardService(session, scope.repos, scope.clock).casesBehind(selection);
    };
    jobs.readCases = [session](const WorkerScope& scope, const QList<qint64>& ids) -> Result<QList<Case>> {
        CaseService cases(session, scope.repos, scope.clock);
        QList<Case> found;
        found.reserve(ids.size());
        for (const qint64 id : ids) {
            auto c = cases.get(id);
            if (c) {
                found.append(std::move(c).value());
            } else if (c.error().code != Error::Code::NotFound) {
                return c.error();
            }
        }
        return found;
    };
    return jobs;
}
