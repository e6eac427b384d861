#pragma once

#include "services/RiskService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

/** Jobs for the database worker: risk at intake, the explanation, the queue and the alerts (issue 16). */
namespace RiskJobs {

/** The rules in force, for scoring typed text in the GUI thread. */
inline auto rules(const Session& session)
{
    return [session](const WorkerScope& scope) {
        return RiskService(session, scope.repos, scope.clock).rules();
    };
}

inline auto explain(const Session& session, qint64 caseId)
{
    return [session, caseId](const WorkerScope& scope) {
        return RiskService(session, scope.repos, scope.clock).explain(caseId);
    };
}

/** What the risk queue shows: the open alerts and the first page of medium and high cases. */
struct Queue
{
    QList<RiskAlert> alerts;
    RiskQueuePage page;
};

inline auto queue(const Session& session)
{
    return [session](const WorkerScope& scope) -> Result<Queue> {
        RiskService risk(session, scope.repos, scope.clock);
        auto alerts = risk.openAlerts();
        if (!alerts) {
            return alerts.error();
        }
        auto page = risk.queue();
        if (!page) {
            return page.error();
        }
        return Queue{std::move(alerts).value(), std::move(page).value()};
    };
}

inline auto morePages(const Session& session, const RiskQueueCursor& after)
{
    return [session, after](const WorkerScope& scope) {
        return RiskService(session, scope.repos, scope.clock).queue(after);
    };
}

inline auto takeAlert(const Session& session, qint64 alertId)
{
    return [session, alertId](const WorkerScope& scope) {
        return RiskService(session, scope.repos, scope.clock).takeAlert(alertId);
    };
}

/** What the rules editor shows: the rules in force (nullopt = the built-in ones) and the saved versions. */
struct RulesEditor
{
    std::optional<RiskRulesVersion> current;
    QList<RiskRulesVersion> versions;
};

inline auto rulesEditor(const Session& session)
{
    return [session](const WorkerScope& scope) -> Result<RulesEditor> {
        RiskService risk(session, scope.repos, scope.clock);
        auto current = risk.currentRulesVersion();
        if (!current) {
            return current.error();
        }
        auto versions = risk.rulesVersions();
        if (!versions) {
            return versions.error();
        }
        return RulesEditor{std::move(current).value(), std::move(versions).value()};
    };
}

inline auto saveRules(const Session& session, const QByteArray& json, const QString& note)
{
    return [session, json, note](const WorkerScope& scope) {
        return RiskService(session, scope.repos, scope.clock).saveRules(json, note);
    };
}

} // namespace RiskJobs
