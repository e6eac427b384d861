// bench_intake_gui FILE.sqlite [REPEAT]: opens the guided intake (受理向导) on a (large) existing Qingting SQLite
// file REPEAT times and reports how long it took to show, then drives every page by key presses with a 10 ms
// heartbeat in the GUI thread and reports each page's longest GUI-thread stall; the case is saved at the end.
// Budgets: open ≤ 200 ms (median), no stall > 50 ms. Exit 0 within budgets, 1 over, 2 on usage or a bad file.
// Run it through tests/bench/bench_intake_gui.sh; never part of ./test.

#include "Database.h"
#include "GuiTestSupport.h"
#include "ListStallProbe.h"
#include "SqlDatabaseConnector.h"
#include "common/AppIdentity.h"
#include "common/AppSettings.h"
#include "common/Clock.h"
#include "intake/IntakeContext.h"
#include "intake/IntakeImpactPage.h"
#include "intake/IntakeStepsPage.h"
#include "intake/IntakeWizard.h"
#include "repositories/UserRepository.h"
#include "services/ReferenceService.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {
constexpr qint64 kOpenBudgetMs = 200;
constexpr qint64 kStallBudgetMs = 50;
constexpr int kTimeoutMs = 120000;

void type(QWidget* w, const QString& text)
{
    w->setFocus();
    GuiTest::typeText(w, text);
}

void down(QWidget* w)
{
    w->setFocus();
    QTest::keyClick(w, Qt::Key_Down);
}

template <typename T> T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QString::fromLatin1(name));
}
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    AppIdentity::apply(); // the desk's own audit key, as qingting and qingting-cli find it
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_intake_gui FILE.sqlite [REPEAT]\n");
        return 2;
    }
    GuiTest::quietOffscreenWarnings();
    const int repeat = args.size() > 2 ? qMax(1, args.at(2).toInt()) : 10;
    const DatabaseLocation location = DatabaseLocation::sqlite(args.at(1));
    // A clerk at the desk.
    std::optional<BenchDesk> desk = openBenchDesk(location, Role::Clerk);
    if (!desk) {
        return 2;
    }
    const std::unique_ptr<Database> db = std::move(desk->db);
    const Session session = desk->session;
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setValue(AppSettings::Key::DraftFolder, dir.filePath(QStringLiteral("drafts")));
    const SystemClock clock;
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(location), clock, hasher);
    ReferenceService reference(session, db->repositories(), clock);
    IntakeContext context;
    context.session = session;
    context.repos = db->repositories();
    context.clock = &clock;
    context.worker = &worker;
    context.reference = &reference;
    context.settings = &settings;

    // 1. Opening: from the click to a shown, usable first page (the same work as the workspace's newCase()).
    QList<qint64> openMs;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        auto* wizard = new IntakeWizard(context);
        wizard->show();
        QCoreApplication::processEvents();
        openMs << t.elapsed();
        QTest::qWaitForWindowExposed(wizard);
        QTest::qWait(50);
        delete wizard;
    }
    std::sort(openMs.begin(), openMs.end());
    const qint64 openMedian = openMs.at(openMs.size() / 2);

    // 2. Every page, driven by keys, with the heartbeat.
    Heartbeat heartbeat;
    heartbeat.start();
    IntakeWizard wizard(context);
    wizard.show();
    QTest::qWaitForWindowExposed(&wizard);
    struct Step
    {
        QString name;
        qint64 stall = 0;
        qint64 busy = 0;
        qint64 elapsed = 0;
    };
    QList<Step> steps;
    const auto measure = [&](const QString& name, const std::function<void()>& act, const std::function<bool()>& done) {
        heartbeat.reset();
        QElapsedTimer t;
        t.start();
        act();
        QTest::qWaitFor(done, kTimeoutMs);
        QTest::qWait(30); // a few more ticks after the answer
        steps.append({name, heartbeat.worstLatenessMs(), heartbeat.worstBusyMs(), t.elapsed()});
    };
    const auto idle = [&] {
        return worker.pendingJobs() == 0;
    };

    measure(
        QStringLiteral("listen: type the words"),
        [&] {
            type(child<QPlainTextEdit>(&wizard, "complaintTextEdit"),
                 QStringLiteral("排了两个小时队，窗口说材料不全，态度也不好"));
        },
        idle);
    measure(
        QStringLiteral("listen: emotion, scripts load"),
        [&] {
            auto* emotion = child<QWidget>(&wizard, "emotionComboBox");
            down(emotion);
            down(emotion);
        },
        idle);
    measure(
        QStringLiteral("listen: window, item, category"),
        [&] {
            down(child<QWidget>(&wizard, "windowComboBox"));
            down(child<QWidget>(&wizard, "serviceItemComboBox"));
            down(child<QWidget>(&wizard, "categoryComboBox"));
        },
        idle);
    measure(
        QStringLiteral("listen: look up a citizen"),
        [&] {
            auto* lookup = child<QLineEdit>(&wizard, "citizenLookupLineEdit");
            type(lookup, QStringLiteral("13800138000"));
            QTest::keyClick(lookup, Qt::Key_Return);
        },
        idle);
    measure(
        QStringLiteral("listen: acknowledged"),
        [&] { QTest::keyClick(child<QWidget>(&wizard, "acknowledgedButton"), Qt::Key_Space); }, idle);
    measure(
        QStringLiteral("→ facts"), [&] { wizard.next(); }, idle);
    measure(
        QStringLiteral("facts: type, restated live"),
        [&] {
            type(child<QLineEdit>(&wizard, "whenLineEdit"), QStringLiteral("今天上午十点"));
            type(child<QLineEdit>(&wizard, "whereLineEdit"), QStringLiteral("三号窗口"));
            QTest::keyClick(child<QWidget>(&wizard, "factsAgreedButton"), Qt::Key_Space);
        },
        idle);
    measure(
        QStringLiteral("→ impact: two lists load"), [&] { wizard.next(); },
        [&] { return !wizard.impactPage()->isLoading() && idle(); });
    measure(
        QStringLiteral("impact: fields"),
        [&] {
            type(child<QLineEdit>(&wizard, "affectedLineEdit"), QStringLiteral("本人"));
            for (const char* name : {"severityComboBox", "scopeComboBox", "recurrenceComboBox",
                                     "reasonablenessComboBox", "responsibilityComboBox"}) {
                down(child<QWidget>(&wizard, name));
            }
            type(child<QPlainTextEdit>(&wizard, "demandTextEdit"), QStringLiteral("今天办完"));
            QTest::keyClick(child<QWidget>(&wizard, "impactAgreedButton"), Qt::Key_Space);
        },
        idle);
    measure(
        QStringLiteral("→ steps: reply assembled"), [&] { wizard.next(); },
        [&] { return !wizard.stepsPage()->isAssembling() && idle(); });
    measure(
        QStringLiteral("steps: type the reply (checked live)"),
        [&] {
            down(child<QWidget>(&wizard, "departmentComboBox"));
            type(child<QPlainTextEdit>(&wizard, "nextStepsTextEdit"), QStringLiteral("今天下午补办"));
            auto* reply = child<QPlainTextEdit>(&wizard, "replyTextEdit");
            reply->moveCursor(QTextCursor::End);
            type(reply, QStringLiteral("不好意思，这个不归我们管，请尽快去其他部门问问。"));
            QTest::keyClick(child<QWidget>(&wizard, "stepsExplainedButton"), Qt::Key_Space);
        },
        idle);
    measure(
        QStringLiteral("→ review"), [&] { wizard.next(); }, idle);
    measure(
        QStringLiteral("review: save"), [&] { wizard.button(QWizard::FinishButton)->click(); },
        [&] { return !wizard.isSaving() && idle(); });
    heartbeat.stop();

    std::printf("open the wizard: median %lld ms, max %lld ms over %d (budget %lld ms)\n", openMedian, openMs.last(),
                int(openMs.size()), kOpenBudgetMs);
    std::printf("%-40s %11s %11s %12s\n", "step", "stall (ms)", "busy (ms)", "answer (ms)");
    qint64 worst = 0;
    for (const Step& s : steps) {
        std::printf("%-40s %11lld %11lld %12lld\n", qPrintable(s.name), s.stall, s.busy, s.elapsed);
        worst = qMax(worst, s.stall);
    }
    if (wizard.savedCase()) {
        std::printf("saved: %s\n", qPrintable(wizard.savedCase()->caseNo));
    } else {
        // A bench whose save failed measured less than a clerk's save: say why, and fail below.
        const auto* error = child<QLabel>(&wizard, "reviewErrorLabel");
        std::printf("saved: no, on page %d: %s\n", wizard.currentId(),
                    error ? qPrintable(error->text()) : "(no message)");
    }
    std::printf("longest GUI-thread stall: %lld ms (budget %lld ms)\n", worst, kStallBudgetMs);
    std::printf("RESULT|intake: open the wizard (median)|%lld|ms|%lld|%s\n", openMedian, kOpenBudgetMs,
                openMedian <= kOpenBudgetMs ? "ok" : "FAIL");
    std::printf("RESULT|intake: longest GUI-thread stall|%lld|ms|%lld|%s\n", worst, kStallBudgetMs,
                worst <= kStallBudgetMs ? "ok" : "FAIL");
    return openMedian <= kOpenBudgetMs && worst <= kStallBudgetMs && wizard.savedCase() ? 0 : 1;
}
