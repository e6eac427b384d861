#pragma once

#include "services/ExtensionService.h"
#include "services/TransferService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

/** Jobs for the database worker: transfers and extensions (issue 12, helper "transfer"). */
namespace TransferJobs {

/** What the case view's transfer panel shows: the case's transfers and its extension requests. */
struct PanelData
{
    QList<CaseTransfer> transfers;
    QList<CaseExtension> extensions;
};

inline auto load(const Session& session, qint64 caseId)
{
    return [session, caseId](const WorkerScope& scope) -> Result<PanelData> {
        TransferService transfers(session, scope.repos, scope.clock);
        ExtensionService extensions(session, scope.repos, scope.clock);
        PanelData data;
        auto t = transfers.transfers(caseId);
        if (!t) {
            return t.error();
        }
        data.transfers = std::move(t).value();
        auto e = extensions.extensions(caseId);
        if (!e) {
            return e.error();
        }
        data.extensions = std::move(e).value();
        return data;
    };
}

inline auto transfer(const Session& session, const Case& c, qint64 departmentId, const QString& reason)
{
    return [session, id = c.id, version = c.version, departmentId, reason](const WorkerScope& scope) {
        return TransferService(session, scope.repos, scope.clock).transfer(id, version, departmentId, reason);
    };
}

inline auto signFor(const Session& session, const Case& c, const QString& note)
{
    return [session, id = c.id, version = c.version, note](const WorkerScope& scope) {
        return TransferService(session, scope.repos, scope.clock).signFor(id, version, note);
    };
}

inline auto returnTransfer(const Session& session, const Case& c, const QString& reason)
{
    return [session, id = c.id, version = c.version, reason](const WorkerScope& scope) {
        return TransferService(session, scope.repos, scope.clock).returnTransfer(id, version, reason);
    };
}

/** The deadline an extension moves (the resolve clock's), for the request dialog. */
inline auto extensionDeadline(const Session& session, qint64 caseId)
{
    return [session, caseId](const WorkerScope& scope) {
        return ExtensionService(session, scope.repos, scope.clock).deadline(caseId);
    };
}

inline auto requestExtension(const Session& session, const Case& c, const QDateTime& newDueAt, const QString& reason)
{
    return [session, id = c.id, version = c.version, newDueAt, reason](const WorkerScope& scope) {
        return ExtensionService(session, scope.repos, scope.clock).request(id, version, newDueAt, reason);
    };
}

inline auto decideExtension(const Session& session, const Case& c, bool approve, const QString& note)
{
    return [session, id = c.id, version = c.version, approve, note](const WorkerScope& scope) {
        return ExtensionService(session, scope.repos, scope.clock).decide(id, version, approve, note);
    };
}

/** The supervisors' figures: per department, the flagged cases (with the threshold), the pending extensions. */
struct Figures
{
    QList<DepartmentTransferFigures> departments;
    QList<FlaggedTransferCase> flagged;
    int threshold = 0;
    QList<CaseExtension> pendingExtensions;
};

inline auto figures(const Session& session)
{
    return [session](const WorkerScope& scope) -> Result<Figures> {
        TransferService transfers(session, scope.repos, scope.clock);
        Figures f;
        auto departments = transfers.departmentFigures();
        if (!departments) {
            return departments.error();
        }
        f.departments = std::move(departments).value();
        auto flagged = transfers.flaggedCases(200, &f.threshold);
        if (!flagged) {
            return flagged.error();
        }
        f.flagged = std::move(flagged).value();
        auto pending = ExtensionService(session, scope.repos, scope.clock).pendingAcrossCases(200);
        if (!pending) {
            return pending.error();
        }
        f.pendingExtensions = std::move(pending).value();
        return f;
    };
}

} // namespace TransferJobs
