#pragma once

#include "common/Result.h"
#include "imports/Import.h"
#include "services/ImportService.h"

#include <functional>

class Session;
struct WorkerScope;

/**
 * What the import dialog asks of ImportService (issue 13), as functions: preview and run go to the database worker
 * (they get its WorkerScope), writeRejects runs where it is called. The app uses service(); GUI tests put fakes in.
 */
struct ImportJobs
{
    using Progress = ImportService::Progress;
    using Cancelled = ImportService::Cancelled;

    std::function<Result<Import::Preview>(const WorkerScope& scope, const QString& path, Import::Kind kind, int rows)>
        preview;
    std::function<Result<Import::Report>(const WorkerScope& scope, const QString& path, const Import::Options& options,
                                         const Progress& progress, const Cancelled& cancelled)>
        run;
    std::function<Status(const QString& path, const QStringList& header, const QList<Import::Reject>& rejects)>
        writeRejects;

    /**
     * Whether the session has the right ImportService checks (Permission::ImportRecords: supervisors and admins);
     * the main window offers the import entries only then.
     */
    static bool allowed(const Session& session);
    /** The real ImportService, acting for `session`, over the worker's connection. */
    static ImportJobs service(const Session& session);
};
