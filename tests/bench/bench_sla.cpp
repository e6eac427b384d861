// bench_sla (issue 12, helper "sla"): the SLA engine and SlaService on a copy of the benchmark file. Prints RESULT
// lines for run-bench.sh.
//   bench_sla SOURCE.sqlite [CASES]
// The source is never written: it is copied into a scratch folder first (opening the copy migrates it, and the time
// that takes, migration 0014_sla included, is reported too).

#include "BenchSupport.h"
#include "Database.h"
#include "common/AppIdentity.h"
#include "common/Clock.h"
#include "common/LocalTimeZone.h"
#include "repositories/CalendarRepository.h"
#include "repositories/CaseRepository.h"
#include "services/SlaService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Bench;

int main(int argc, char* argv[])
{
    LocalTimeZone::pin(); // as qingting and qingting-cli do
    QCoreApplication app(argc, argv);
    AppIdentity::apply(); // the desk's own audit key, as qingting-cli finds it
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 3) {
        err(QStringLiteral("usage: bench_sla SOURCE.sqlite [CASES]"));
        return 2;
    }
    const int count = args.size() == 3 ? args.at(2).toInt() : 200;
    QTemporaryDir scratch(QFileInfo(args.at(1)).absolutePath() + QStringLiteral("/bench-sla-XXXXXX"));
    const QString copy = scratch.path() + QStringLiteral("/sla.sqlite");
    QElapsedTimer timer;
    timer.start();
    if (!QFile::copy(args.at(1), copy)) {
        err(QStringLiteral("cannot copy %1 to %2").arg(args.at(1), copy));
        return 1;
    }
    err(QStringLiteral("copied in %1 s").arg(double(timer.elapsed()) / 1000, 0, 'f', 1));
    timer.restart();
    auto opened = Database::open(DatabaseLocation::sqlite(copy));
    if (!opened) {
        err(QStringLiteral("open failed: %1").arg(opened.error().message));
        return 1;
    }
    result(QStringLiteral("sla_open_and_migrate"), ms(timer), QStringLiteral("ms"));
    const std::unique_ptr<Database> db = std::move(opened).value();
    const Repositories repos = db->repositories();
    const SystemClock clock;
    SlaService sla(Session::commandLine(), repos, clock);

    CaseQuery query;
    query.statuses = {CaseStatus::Received, CaseStatus::Acknowledged, CaseStatus::InProgress};
    query.limit = count;
    const auto page = repos.cases->list(query);
    if (!page || page->cases.isEmpty()) {
        err(QStringLiteral("no open cases"));
        return 1;
    }

    // The engine alone: every clock of a case with two pauses, in working-hours mode (the costlier one).
    auto engine = sla.engine();
    if (!engine) {
        err(engine.error().message);
        return 1;
    }
    SlaPolicy policy = engine->policy();
    policy.workingHoursMode = true;
    const SlaEngine working(policy, engine->calendar());
    QList<double> pure;
    for (const Case& c : page->cases) {
        SlaFacts f = SlaService::factsFrom(c, c.category.id, {}, {});
        f.pauses = {
            SlaPause{0, c.id, SlaPauseKind::Citizen, {}, c.receivedAt.addSecs(3600), c.receivedAt.addSecs(7200)},
            SlaPause{0, c.id, SlaPauseKind::ThirdParty, {}, c.receivedAt.addDays(2), c.receivedAt.addDays(4)}};
        timer.restart();
        const auto clocks = working.clocks(f, c.receivedAt.addDays(1));
        pure << ms(timer);
        if (clocks.isEmpty()) {
            err(QStringLiteral("no clocks"));
            return 1;
        }
    }
    result(QStringLiteral("sla_engine_clocks_median"), median(pure), QStringLiteral("ms"));

    QList<double> reads;
    QList<double> pauses;
    QList<double> resumes;
    for (const Case& c : page->cases) {
        timer.restart();
        const auto clocks = sla.clocks(c.id);
        reads << ms(timer);
        if (!clocks) {
            err(clocks.error().message);
            return 1;
        }
        timer.restart();
        const auto paused = sla.pause(c.id, SlaPauseKind::Citizen, QStringLiteral("请补交材料"));
        pauses << ms(timer);
        if (!paused) {
            err(paused.error().message);
            return 1;
        }
        timer.restart();
        const auto resumed = sla.resume(c.id, QStringLiteral("已补交"));
        resumes << ms(timer);
        if (!resumed) {
            err(resumed.error().message);
            return 1;
        }
    }
    result(QStringLiteral("sla_clocks_read_median"), median(reads), QStringLiteral("ms"));
    result(QStringLiteral("sla_clocks_read_p90"), percentile(reads, 0.9), QStringLiteral("ms"));
    result(QStringLiteral("sla_pause_median"), median(pauses), QStringLiteral("ms"));
    result(QStringLiteral("sla_pause_p90"), percentile(pauses, 0.9), QStringLiteral("ms"));
    result(QStringLiteral("sla_resume_median"), median(resumes), QStringLiteral("ms"));
    result(QStringLiteral("sla_resume_p90"), percentile(resumes, 0.9), QStringLiteral("ms"));
    err(QStringLiteral("%1 cases").arg(page->cases.size()));
    return 0;
}
