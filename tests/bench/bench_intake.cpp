// bench_intake: saving a guided intake (IntakeService::submit: citizen, case, five timeline events, audit entry, one
// transaction) on a copy of the benchmark file, and the intake's look-ups. Prints RESULT lines for run-bench.sh.
//   bench_intake SOURCE.sqlite [SAVES]
// The source is never written: it is copied into a scratch folder first (opening the copy migrates it if needed,
// and the time that takes is reported too).

#include "BenchSupport.h"
#include "Database.h"
#include "common/AppIdentity.h"
#include "common/Clock.h"
#include "common/LocalTimeZone.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "services/CaseService.h"
#include "services/IntakeService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <functional>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Bench;

namespace {

/** This thread's CPU time in ms: what a save costs, apart from waiting for a core on a busy machine. */
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

qint64 firstId(const Repositories& repos, ReferenceKind kind, int index)
{
    const auto all = repos.reference->list(kind);
    return all && !all->isEmpty() ? all->at(index % all->size()).id : 0;
}

/** A complete intake as a clerk records it: a citizen, every page, confirmations a few minutes apart. */
IntakeDraft draft(const Repositories& repos, const QDateTime& now, int i)
{
    IntakeDraft d;
    d.base.channel = Channel::Window;
    d.base.windowId = firstId(repos, ReferenceKind::Window, i);
    d.base.serviceItemId = firstId(repos, ReferenceKind::ServiceItem, i);
    d.base.categoryId = firstId(repos, ReferenceKind::Category, i);
    d.base.departmentId = firstId(repos, ReferenceKind::Department, i);
    d.base.waitedMinutes = 20 + i % 40;
    d.base.complaintText =
        QStringLiteral("我上午来办营业执照变更，排了四十分钟队，窗口说材料不全又让我回去，之前没人告诉我要带什么。");
    d.base.receivedAt = now.addSecs(-20 * 60);
    d.base.steps = QStringLiteral("由综合受理科核实材料清单，明天上午十点前电话告知您需补充的材料并预约办理");
    d.base.promisedAt = now.addSecs(24 * 3600);
    d.base.citizen.name = QStringLiteral("测试市民%1").arg(i);
    d.base.citizen.phone = QStringLiteral("139%1").arg(10000000 + i, 8, 10, QLatin1Char('0'));
    d.detail.emotion = EmotionLevel::Dissatisfied;
    d.detail.facts.what = QStringLiteral("窗口工作人员未一次性告知所需材料");
    d.detail.facts.when = QStringLiteral("今天上午十点左右");
    d.detail.facts.where = QStringLiteral("3号窗口");
    d.detail.impact.affected = QStringLiteral("您本人");
    d.detail.impact.severity = Severity::Moderate;
    d.detail.impact.scope = ImpactScope::Individual;
    d.detail.impact.recurrence = Recurrence::First;
    d.detail.impact.demand = QStringLiteral("一次性告知材料，尽快办完");
    d.detail.impact.reasonableness = Reasonableness::Reasonable;
    d.detail.impact.responsibility = Responsibility::OwnUnit;
    d.detail.steps.remedies = {Remedy::Apology, Remedy::Expedited};
    d.detail.steps.replyText = QStringLiteral("非常抱歉让您多跑了一趟，我们将在明天上午十点前电话回复您。");
    d.confirmed.acknowledgedAt = now.addSecs(-15 * 60);
    d.confirmed.factsConfirmedAt = now.addSecs(-10 * 60);
    d.confirmed.impactConfirmedAt = now.addSecs(-5 * 60);
    d.confirmed.stepsExplainedAt = now.addSecs(-60);
    return d;
}
} // namespace

int main(int argc, char* argv[])
{
    LocalTimeZone::pin(); // as qingting and qingting-cli do
    QCoreApplication app(argc, argv);
    AppIdentity::apply(); // the desk's own audit key, as qingting-cli finds it
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 3) {
        err(QStringLiteral("usage: bench_intake SOURCE.sqlite [SAVES]"));
        return 2;
    }
    const int saves = args.size() == 3 ? args.at(2).toInt() : 200;
    QTemporaryDir scratch(QFileInfo(args.at(1)).absolutePath() + QStringLiteral("/bench-intake-XXXXXX"));
    const QString copy = scratch.path() + QStringLiteral("/intake.sqlite");
    QElapsedTimer timer;
    timer.start();
    if (!QFile::copy(args.at(1), copy)) {
        err(QStringLiteral("cannot copy %1 to %2").arg(args.at(1), copy));
        return 1;
    }
    if (QFile::exists(args.at(1) + QStringLiteral("-wal"))) {
        QFile::copy(args.at(1) + QStringLiteral("-wal"), copy + QStringLiteral("-wal"));
    }
    err(QStringLiteral("copied in %1 s").arg(double(timer.elapsed()) / 1000, 0, 'f', 1));

    timer.restart();
    auto opened = Database::open(DatabaseLocation::sqlite(copy));
    if (!opened) {
        err(QStringLiteral("open failed: %1").arg(opened.error().message));
        return 1;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    result(QStringLiteral("intake: open the copy (migrating from v%1)").arg(db->versionFoundOnOpen()),
           double(timer.elapsed()), QStringLiteral("ms"));
    const Repositories repos = db->repositories();
    const SystemClock clock;
    IntakeService intake(Session::commandLine(), repos, clock);

    QList<double> times;
    QList<double> cpu;
    QList<Case> saved;
    for (int i = 0; i < saves + 5; ++i) {
        const IntakeDraft d = draft(repos, clock.now(), i);
        QElapsedTimer call;
        const double cpu0 = cpuMs();
        call.start();
        const auto c = intake.submit(d);
        const double ms = double(call.nsecsElapsed()) / 1e6;
        if (!c) {
            err(QStringLiteral("submit failed: %1").arg(c.error().message));
            return 1;
        }
        if (i >= 5) { // the first few warm the caches and prepare the statements
            times << ms;
            cpu << cpuMs() - cpu0;
        }
        saved << *c;
    }
    result(QStringLiteral("intake: save (median of %1)").arg(times.size()), median(times), QStringLiteral("ms"),
           QStringLiteral("≤ 10"), 10);
    result(QStringLiteral("intake: save (90th percentile)"), percentile(times, 0.9), QStringLiteral("ms"));
    result(QStringLiteral("intake: save (worst)"), percentile(times, 1.0), QStringLiteral("ms"));
    result(QStringLiteral("intake: save, CPU time of the thread (median)"), median(cpu), QStringLiteral("ms"));

    // For comparison, the plain new-case form's save (CaseService::create) on the same file, same moment.
    CaseService cases(Session::commandLine(), repos, clock);
    QList<double> plain;
    for (int i = 0; i < 50; ++i) {
        const IntakeDraft d = draft(repos, clock.now(), saves + i);
        QElapsedTimer call;
        call.start();
        if (const auto c = cases.create(d.base); !c) {
            err(QStringLiteral("create failed: %1").arg(c.error().message));
            return 1;
        }
        plain << double(call.nsecsElapsed()) / 1e6;
    }
    result(QStringLiteral("plain case create, for comparison (median of 50)"), median(plain), QStringLiteral("ms"));

    // The look-ups the wizard makes while the clerk works (off the GUI thread).
    const auto timed = [&](const QString& name, const std::function<bool(int)>& call) {
        QList<double> ms;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            if (!call(i)) {
                err(name + QStringLiteral(" failed"));
                return;
            }
            ms << double(t.nsecsElapsed()) / 1e6;
        }
        result(QStringLiteral("intake: %1 (median of 50)").arg(name), median(ms), QStringLiteral("ms"));
    };
    // A citizen of the demo data (with many cases) and one of ours.
    auto demoCitizen = repos.cases->find(1);
    const qint64 busyCitizen = demoCitizen && demoCitizen->citizenId ? demoCitizen->citizenId : saved.first().citizenId;
    const QString demoPhone = repos.cases->citizen(busyCitizen) ? repos.cases->citizen(busyCitizen)->phone : QString();
    timed(QStringLiteral("find citizen by phone"), [&](int) { return intake.findCitizens(demoPhone).ok(); });
    timed(QStringLiteral("citizen's cases"), [&](int) { return intake.citizenCases(busyCitizen).ok(); });
    timed(QStringLiteral("similar cases, 30 days"), [&](int i) {
        const Case& c = saved.at(i % saved.size());
        return intake.similarCases(c.serviceItem.id, c.category.id).ok();
    });
    return 0;
}
