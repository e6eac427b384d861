// bench_gui_stall FILE.sqlite [SEARCH]: drives the real case list on a (large) existing Qingting SQLite file through
// every sort column, every filter, "assigned to me", a search and scrolling, with a 10 ms heartbeat in the GUI thread,
// and prints each step's longest GUI-thread stall. Exit 0 when the worst stall is within the budget (50 ms), 1 when
// not, 2 on usage or a file it cannot open. Run it through tests/bench/bench_gui_stall.sh.

#include "Database.h"
#include "GuiTestSupport.h"
#include "ListStallProbe.h"
#include "SqlDatabaseConnector.h"
#include "cases/CaseListWidget.h"
#include "common/AppSettings.h"
#include "common/Clock.h"
#include "mainwindow/MainWindow.h"
#include "repositories/UserRepository.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

namespace {
constexpr qint64 kBudgetMs = 50;
constexpr int kStepTimeoutMs = 120000;
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_gui_stall FILE.sqlite [SEARCH]\n");
        return 2;
    }
    GuiTest::quietOffscreenWarnings();
    const DatabaseLocation location = DatabaseLocation::sqlite(args.at(1));
    const QString searchText = args.size() > 2 ? args.at(2) : QStringLiteral("态度");

    // A supervisor at the desk; "assigned to me" is then that supervisor's list.
    std::optional<BenchDesk> desk = openBenchDesk(location, Role::Supervisor);
    if (!desk) {
        return 2;
    }
    const std::unique_ptr<Database> db = std::move(desk->db);
    const Session session = desk->session;

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    const SystemClock clock;
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(location), clock, hasher);
    MainWindow window(session, db->repositories(), clock, hasher, settings, worker);
    Heartbeat heartbeat;
    heartbeat.start();
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "the window did not show\n");
        return 2;
    }
    auto* list = window.findChild<CaseListWidget*>();
    const auto steps = driveCaseList(*list, heartbeat, searchText, kStepTimeoutMs);
    heartbeat.stop();

    const bool withinBudget = printStallSteps(steps, kBudgetMs);
    window.close();
    // A list that showed nothing measured nothing: that is a failed run, not a fast one.
    if (steps.isEmpty() || steps.first().rows == 0) {
        std::fprintf(stderr, "the case list showed no rows: nothing was measured\n");
        return 1;
    }
    return withinBudget ? 0 : 1;
}
