#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "report/ReviewReport.h"
#include "repositories/Repositories.h"
#include "users/Session.h"

#include <QCoreApplication>

#include <functional>

/**
 * The review report (复盘报告, issue 14, helper "report"): assembles a Report::ReviewReport for a range of whole days
 * from the services the dashboard and `stats` use (MetricsService, DashboardService, the improvement register, the
 * case list's overdue query, the audit chain's head). Needs Permission::ViewFigures; reads only, logs nothing.
 * Cancellable between steps; reports its progress.
 */
class ReportService
{
    Q_DECLARE_TR_FUNCTIONS(ReportService)

public:
    struct Options
    {
        QString hallName;              ///< AppSettings::HallName; "" = a generic name
        std::optional<QDateTime> asOf; ///< "now" for the figures (stats --as-of); default: the clock's now
        bool verifyAudit = true;       ///< walk the audit chain (verify); false: read its head only
        Dashboard::AlertRule rule;     ///< the systemic-alert rule, as the dashboard's
        int maxOverdueCases = Report::kMaxOverdueCases; ///< the list's cap; the rest is counted ("and N more")
        int maxActions = Report::kMaxActions;
    };
    /** Called after each step: percent 0–100 and what comes next (translated). */
    using Progress = std::function<void(int percent, const QString& step)>;
    /** Asked between steps; true stops the work with an error saying so. */
    using Cancelled = std::function<bool()>;

    ReportService(Session session, const Repositories& repos, const Clock& clock);

    Result<Report::ReviewReport> build(const Dashboard::Range& range, const Options& options,
                                       const Progress& progress = {}, const Cancelled& cancelled = {});

    /** The message of a cancelled build (the callers tell it apart from a failure by their own flag). */
    static QString cancelledMessage();
    /** The message for a range over Report::kMaxRangeDays. */
    static QString tooLongMessage();

private:
    Status addOverdueCases(Report::ReviewReport& report, int cap);
    Status addAlerts(Report::ReviewReport& report, const QList<Dashboard::SystemicAlert>& alerts);
    Status addActions(Report::ReviewReport& report, int cap);
    Status addAudit(Report::ReviewReport& report, bool verify);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
};
