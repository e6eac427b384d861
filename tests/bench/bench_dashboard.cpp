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

    // Longer custom ranges, charted by week: the whole previous quarter and the last 365 days.
    const QDate quarterStart = Dashboard::presetRange(Dashboard::Preset::ThisQuarter, today).from;
    const struct
    {
        QString name;
        Dashboard::Range range;
    } custom[] = {
        {QStringLiteral("the previous quarter, by week"), {quarterStart.addMonths(-3), quarterStart.addDays(-1)}},
        {QStringLiteral("the last 365 days, by week"), {today.addDays(-364), today}}};
    for (const auto& [name, range] : custom) {
        QList<double> times;
        for (int i = 0; i < 3; ++i) {
            timer.restart();
            const auto s = service.snapshot(range);
            times << ms(timer);
            if (!s) {
                err(s.error().message);
                return 1;
            }
            err(QStringLiteral("%1: %2 cases, %3 points, %4 ms")
                    .arg(name)
                    .arg(s->figures.cases)
                    .arg(s->service.size())
                    .arg(times.last(), 0, 'f', 1));
        }
        result(QStringLiteral("dashboard: switch to %1 (median of 3)").arg(name), median(times), QStringLiteral("ms"),
               QStringLiteral("≤ 300"), 300);
    }

    // Where a snapshot's time goes, for 30 days by day and 365 days by week: each read on its own.
    const QDateTime asOf = clock.now();
    const auto split = [&](const QString& name, const Dashboard::Range& range) {
        const auto measure = [&](const QString& what, auto&& read) {
            timer.restart();
            read();
            result(QStringLiteral("dashboard, %1: %2").arg(name, what), ms(timer), QStringLiteral("ms"));
        };
        const Metrics::Period whole = range.period(asOf);
        measure(QStringLiteral("the headline figures' ranked values"), [&] {
            if (const auto totals = repos.metrics->totals(whole)) {
                (void)repos.metrics->ranked(whole, *totals);
            }
        });
        double totalsMs = 0;
        double rankedMs = 0;
        double tallies = 0;
        for (const Dashboard::Range& bucket : Dashboard::buckets(range, Dashboard::grainFor(range))) {
            timer.restart();
            const auto totals = repos.metrics->totals(bucket.period(asOf));
            totalsMs += ms(timer);
            timer.restart();
            if (totals) {
                (void)repos.metrics->ranked(bucket.period(asOf), *totals);
            }
            rankedMs += ms(timer);
            timer.restart();
            (void)repos.dashboard->tally(bucket);
            tallies += ms(timer);
        }
        result(QStringLiteral("dashboard, %1: the points' totals").arg(name), totalsMs, QStringLiteral("ms"));
        result(QStringLiteral("dashboard, %1: the points' ranked values").arg(name), rankedMs, QStringLiteral("ms"));
        result(QStringLiteral("dashboard, %1: the points' tallies").arg(name), tallies, QStringLiteral("ms"));
        for (const Dashboard::Dimension d :
             {Dashboard::Dimension::Window, Dashboard::Dimension::ServiceItem, Dashboard::Dimension::Department}) {
            measure(QStringLiteral("breakdown by %1").arg(Dashboard::label(d)),
                    [&] { (void)repos.dashboard->breakdown(d, range, asOf); });
        }
        measure(QStringLiteral("systemic alerts"), [&] { (void)repos.dashboard->alerts(range, {}); });
    };
    split(QStringLiteral("30 days"), Dashboard::presetRange(Dashboard::Preset::Last30Days, today));
    split(QStringLiteral("365 days"), {today.addDays(-364), today});
    return 0;
}
