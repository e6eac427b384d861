// bench_dashboard (issue 14): DashboardService::snapshot on the benchmark file, as the dashboard calls it on its
// worker: the first snapshot after opening the database (the dashboard opening: last 30 days), then each preset
// switched to three times (median). Prints RESULT lines for run-bench.sh.
//   bench_dashboard FILE.sqlite [TODAY]
// TODAY (YYYY-MM-DD, default: the day of the newest case) stands for the clock's date. The file is opened in place
// (a migration, if any, is applied to it).

#include "BenchSupport.h"
#include "Database.h"
#include "common/AppIdentity.h"
#include "common/Clock.h"
#include "common/LocalTimeZone.h"
#include "repositories/CaseRepository.h"
#include "repositories/DashboardRepository.h"
#include "repositories/MetricsRepository.h"
#include "services/DashboardService.h"

#include <QCoreApplication>

using namespace Bench;

int main(int argc, char* argv[])
{
    LocalTimeZone::pin(); // as qingting and qingting-cli do
    QCoreApplication app(argc, argv);
    AppIdentity::apply();
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 3) {
        err(QStringLiteral("usage: bench_dashboard FILE.sqlite [TODAY]"));
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    auto opened = Database::open(DatabaseLocation::sqlite(args.at(1)));
    if (!opened) {
        err(QStringLiteral("open failed: %1").arg(opened.error().message));
        return 1;
    }
    result(QStringLiteral("dashboard: open the database"), ms(timer), QStringLiteral("ms"));
    const std::unique_ptr<Database> db = std::move(opened).value();
    const Repositories repos = db->repositories();
    QDate today = args.size() == 3 ? QDate::fromString(args.at(2), Qt::ISODate) : QDate();
    if (!today.isValid()) {
        CaseQuery newest; // received, newest first
        newest.limit = 1;
        const auto page = repos.cases->list(newest);
        today = page && !page->cases.isEmpty() ? page->cases.first().receivedAt.date() : QDate::currentDate();
    }
    const FixedClock clock(QDateTime(today, QTime(17, 30)));
    DashboardService service(Session::commandLine(), repos, clock);

    const auto take = [&](Dashboard::Preset preset) -> std::optional<double> {
        timer.restart();
        const auto s = service.snapshot(Dashboard::presetRange(preset, today));
        const double elapsed = ms(timer);
        if (!s) {
            err(s.error().message);
            return std::nullopt;
        }
        err(QStringLiteral("%1: %2 cases, %3 points, %4 alerts, %5 ms")
                .arg(Dashboard::label(preset))
                .arg(s->figures.cases)
                .arg(s->service.size())
                .arg(s->alerts.size())
                .arg(elapsed, 0, 'f', 1));
        return elapsed;
    };
    const auto first = take(Dashboard::Preset::Last30Days);
    if (!first) {
        return 1;
    }
    result(QStringLiteral("dashboard: first snapshot after open (30 days)"), *first, QStringLiteral("ms"),
           QStringLiteral("≤ 500"), 500);
    for (const Dashboard::Preset preset :
         {Dashboard::Preset::Today, Dashboard::Preset::Last7Days, Dashboard::Preset::Last30Days,
          Dashboard::Preset::ThisMonth, Dashboard::Preset::ThisQuarter}) {
        QList<double> times;
        for (int i = 0; i < 3; ++i) {
            const auto t = take(preset);
            if (!t) {
                return 1;
            }
            times << *t;
        }
        result(QStringLiteral("dashboard: switch to %1 (median of 3)").arg(Dashboard::label(preset)), median(times),
               QStringLiteral("ms"), QStringLiteral("≤ 300"), 300);
    }

    // Where a 30-day snapshot's time goes: each read on its own.
    const Dashboard::Range range = Dashboard::presetRange(Dashboard::Preset::Last30Days, today);
    const QDateTime asOf = clock.now();
    double totalsMs = 0;
    double rankedMs = 0;
    double tallies = 0;
    for (const Dashboard::Range& day : Dashboard::buckets(range, Dashboard::Grain::Day)) {
        timer.restart();
        const auto totals = repos.metrics->totals(day.period(asOf));
        totalsMs += ms(timer);
        timer.restart();
        if (totals) {
            (void)repos.metrics->ranked(day.period(asOf), *totals);
        }
        rankedMs += ms(timer);
        timer.restart();
        (void)repos.dashboard->tally(day);
        tallies += ms(timer);
    }
    result(QStringLiteral("dashboard, 30 days: the days' totals"), totalsMs, QStringLiteral("ms"));
    result(QStringLiteral("dashboard, 30 days: the days' ranked values"), rankedMs, QStringLiteral("ms"));
    result(QStringLiteral("dashboard, 30 days: the days' tallies"), tallies, QStringLiteral("ms"));
    for (const Dashboard::Dimension d :
         {Dashboard::Dimension::Window, Dashboard::Dimension::ServiceItem, Dashboard::Dimension::Department}) {
        timer.restart();
        (void)repos.dashboard->breakdown(d, range, asOf);
        result(QStringLiteral("dashboard, 30 days: breakdown by %1").arg(Dashboard::label(d)), ms(timer),
               QStringLiteral("ms"));
    }
    timer.restart();
    (void)repos.dashboard->alerts(range, {});
    result(QStringLiteral("dashboard, 30 days: systemic alerts"), ms(timer), QStringLiteral("ms"));
    return 0;
}
