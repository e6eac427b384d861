#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "dashboard/Dashboard.h"
#include "repositories/Repositories.h"
#include "users/Session.h"

#include <QCoreApplication>

/**
 * dashboard (issue 14): everything the supervisor's dashboard shows for a range, in one call the GUI makes on the
 * DatabaseWorker. The headline figures and every chart point's figures come from the metrics engine (the daily
 * aggregates, Metrics::finish); the counts by rating level and channel, the waited minutes, the breakdowns and the
 * systemic alerts from DashboardRepository. Needs Permission::ViewFigures.
 */
class DashboardService
{
    Q_DECLARE_TR_FUNCTIONS(DashboardService)

public:
    /** The longest range the dashboard charts (the review report may cover a year). */
    static constexpr qint64 kMaxRangeDays = 400;
    /** The most cases a click opens. */
    static constexpr int kMaxCasesBehind = 2000;

    DashboardService(Session session, const Repositories& repos, const Clock& clock);

    Result<Dashboard::Snapshot> snapshot(const Dashboard::Range& range, const Dashboard::AlertRule& rule = {});
    /** The cases behind a bar, a point, a row or an alert: ids, newest first, at most kMaxCasesBehind. */
    Result<QList<qint64>> casesBehind(const Dashboard::Selection& selection);

private:
    std::optional<Error> check(const Dashboard::Range& range);
    Result<Metrics::Figures> figures(const Dashboard::Range& range, const QDateTime& asOf);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
};
