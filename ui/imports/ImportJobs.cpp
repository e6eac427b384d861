#include "imports/ImportJobs.h"

#include "users/Session.h"
#include "workers/DatabaseWorker.h"

bool ImportJobs::allowed(const Session& session)
{
    return session.can(Permission::ImportRecords);
}

ImportJobs ImportJobs::service(const Session& session)
{
    ImportJobs jobs;
    jobs.preview = [session](const WorkerScope& scope, const QString& path, Import::Kind kind, int rows) {
        return ImportService(session, scope.repos, scope.clock).preview(path, kind, rows);
    };
    jobs.run = [session](const WorkerScope& scope, const QString& path, const Import::Options& options,
                         const Progress& progress, const Cancelled& cancelled) {
        return ImportService(session, scope.repos, scope.clock).run(path, options, progress, cancelled);
    };
    jobs.writeRejects = &ImportService::writeRejects;
    return jobs;
}
