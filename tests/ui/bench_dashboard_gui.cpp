// bench_dashboard_gui FILE.sqlite [TODAY]: the dashboard (issue 14) in the real main window on a (large) existing
// Qingting SQLite file, with a 10 ms heartbeat in the GUI thread: opening the page (its first load), then every date
// preset, each waited for until its figures are shown. Prints each step's longest GUI-thread stall and how long the
// answer took; exit 0 when the worst stall is within the budget (50 ms), 1 when not, 2 on usage or a file it cannot
// open. Run it through tests/bench/bench_dashboard_gui.sh.

#include "Database.h"
#include "GuiTestSupport.h"
#include "ListStallProbe.h"
#include "SqlDatabaseConnector.h"
#include "common/AppSettings.h"
#include "common/Clock.h"
#include "dashboard/DashboardWidget.h"
#include "mainwindow/MainWindow.h"
#include "repositories/CaseRepository.h"
#include "repositories/UserRepository.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

namespace {
constexpr qint64 kBudgetMs = 50;
constexpr int kStepTimeoutMs = 60000;
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: bench_dashboard_gui FILE.sqlite [TODAY]\n");
        return 2;
    }
    GuiTest::quietOffscreenWarnings();
    const DatabaseLocation location = DatabaseLocation::sqlite(args.at(1));
    std::optional<BenchDesk> desk = openBenchDesk(location, Role::Supervisor);
    if (!desk) {
        return 2;
    }
    const std::unique_ptr<Database> db = std::move(desk->db);
    // "Today" is the day of the newest case unless given, so the presets show the demo's last days.
    QDate today = args.size() == 3 ? QDate::fromString(args.at(2), Qt::ISODate) : QDate();
    if (!today.isValid()) {
        CaseQuery newest;
        newest.limit = 1;
        const auto page = db->repositories().cases->list(newest);
        today = page && !page->cases.isEmpty() ? page->cases.first().receivedAt.date() : QDate::currentDate();
    }
    const FixedClock clock(QDateTime(today, QTime(17, 30)));
    const Session session = desk->session;

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(location), clock, hasher);
    MainWindow window(session, db->repositories(), clock, hasher, settings, worker);
    window.resize(1400, 900);
    Heartbeat heartbeat;
    heartbeat.start();
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "the window did not show\n");
        return 2;
    }
    auto* dashboard = window.findChild<DashboardWidget*>();
    if (!dashboard) {
        std::fprintf(stderr, "no dashboard for this user\n");
        return 2;
    }
    QSignalSpy loaded(dashboard, &DashboardWidget::loaded);
    QSignalSpy failed(dashboard, &DashboardWidget::loadFailed);

    QList<StallStep> steps;
    const auto step = [&](const QString& name, auto&& action) {
        QTest::qWait(200); // let the previous step's repaint settle
        heartbeat.reset();
        loaded.clear();
        QElapsedTimer timer;
        timer.start();
        action();
        StallStep s;
        s.name = name;
        s.finished = loaded.wait(kStepTimeoutMs) || !loaded.isEmpty();
        s.elapsedMs = timer.elapsed();
        QTest::qWait(100); // the charts' repaint after the answer counts too
        s.worstStallMs = heartbeat.worstLatenessMs();
        s.worstBusyMs = heartbeat.worstBusyMs();
        s.rows = dashboard->snapshot() ? int(dashboard->snapshot()->service.size()) : 0; // the chart points
        steps.append(s);
    };
    step(QStringLiteral("open the dashboard (last 30 days)"), [&] { window.showPage(MainWindow::Page::Dashboard); });
    for (const Dashboard::Preset preset :
         {Dashboard::Preset::Today, Dashboard::Preset::Last7Days, Dashboard::Preset::Last30Days,
          Dashboard::Preset::ThisMonth, Dashboard::Preset::ThisQuarter}) {
        auto* button = dashboard->findChild<QAbstractButton*>(QStringLiteral("preset%1").arg(int(preset)));
        if (!button) {
            std::fprintf(stderr, "no button for a preset\n");
            return 2;
        }
        step(QStringLiteral("switch to %1").arg(Dashboard::label(preset)),
             [&] { QTest::mouseClick(button, Qt::LeftButton); });
    }
    step(QStringLiteral("a year, by week"), [&] { dashboard->setCustomRange({today.addDays(-364), today}); });
    heartbeat.stop();

    const bool withinBudget = printStallSteps(steps, kBudgetMs);
    if (!failed.isEmpty()) {
        std::fprintf(stderr, "the dashboard failed to load: %s\n", qPrintable(failed.first().first().toString()));
        return 1;
    }
    window.close();
    return withinBudget ? 0 : 1;
}
