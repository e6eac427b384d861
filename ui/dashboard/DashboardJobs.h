#pragma once

#include "cases/Case.h"
#include "common/Result.h"
#include "dashboard/Dashboard.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>

class Session;
struct WorkerScope;

/** An improvement action past its deadline, as the dashboard lists it (the improvement register fills these). */
struct OverdueAction
{
    QString title;
    QString owner; ///< the owner department
    QDate deadline;
};

/**
 * What the supervisor's dashboard (issue 14) asks of the services, as functions run on the DatabaseWorker (they get
 * its WorkerScope). The app uses service(); GUI tests put fakes in. overdueActions is optional: the dashboard shows
 * its "Overdue improvement actions" panel only when it is set (the lead connects it to the register's service).
 */
struct DashboardJobs
{
    std::function<Result<Dashboard::Snapshot>(const WorkerScope& scope, const Dashboard::Range& range,
                                              const Dashboard::AlertRule& rule)>
        snapshot;
    std::function<Result<QList<qint64>>(const WorkerScope& scope, const Dashboard::Selection& selection)> casesBehind;
    /** The cases with these ids, in the same order (ids it cannot read are left out). */
    std::function<Result<QList<Case>>(const WorkerScope& scope, const QList<qint64>& ids)> readCases;
    std::function<Result<QList<OverdueAction>>(const WorkerScope& scope)> overdueActions;

    /** Whether the session may see the dashboard (Permission::ViewFigures: supervisors). */
    static bool allowed(const Session& session);
    /** DashboardService and CaseService acting for `session` over the worker's connection. */
    static DashboardJobs service(const Session& session);
};
