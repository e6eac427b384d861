#include "ListStallProbe.h"

#include "Database.h"
#include "GuiTestSupport.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseTableModel.h"
#include "repositories/UserRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <ctime>

Heartbeat::Heartbeat(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(kIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &Heartbeat::tick);
}

void Heartbeat::start()
{
    reset();
    m_timer->start();
}

void Heartbeat::stop()
{
    m_timer->stop();
}

namespace {
/** CPU time this thread has used, in µs. */
qint64 threadCpuUs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
}
} // namespace

void Heartbeat::reset()
{
    m_worstMs = 0;
    m_worstBusyMs = 0;
    m_sinceLastTick.start();
    m_lastCpuUs = threadCpuUs();
}

void Heartbeat::tick()
{
    const qint64 late = m_sinceLastTick.restart() - kIntervalMs;
    const qint64 cpuUs = threadCpuUs();
    m_worstMs = qMax(m_worstMs, late);
    m_worstBusyMs = qMax(m_worstBusyMs, (cpuUs - m_lastCpuUs) / 1000);
    m_lastCpuUs = cpuUs;
}

namespace {
/** Runs `act`, waits until the list has its answer, and records the step. */
template <typename Act, typename Done>
StallStep step(const QString& name, Heartbeat& heartbeat, CaseListWidget& list, int timeoutMs, Act act, Done done)
{
    StallStep s;
    s.name = name;
    QElapsedTimer clock;
    heartbeat.reset();
    clock.start();
    act();
    s.finished = QTest::qWaitFor([&] { return done() && !list.isLoading(); }, timeoutMs);
    s.elapsedMs = clock.elapsed();
    QTest::qWait(3 * Heartbeat::kIntervalMs); // a stall right after the answer counts too
    s.worstStallMs = heartbeat.worstLatenessMs();
    s.worstBusyMs = heartbeat.worstBusyMs();
    s.rows = list.model()->rowCount();
    return s;
}
} // namespace

QList<StallStep> driveCaseList(CaseListWidget& list, Heartbeat& heartbeat, const QString& searchText, int stepTimeoutMs)
{
    QList<StallStep> steps;
    auto* table = list.findChild<QTableView*>(QStringLiteral("caseTableView"));
    auto* status = list.findChild<QComboBox*>(QStringLiteral("statusFilterComboBox"));
    auto* search = list.findChild<QLineEdit*>(QStringLiteral("searchLineEdit"));
    auto* mine = list.findChild<QCheckBox*>(QStringLiteral("assignedToMeCheckBox"));
    CaseTableModel* model = list.model();
    const auto always = [] {
        return true;
    };

    steps.append(step(
        QStringLiteral("first load"), heartbeat, list, stepTimeoutMs, [] {}, always));
    // The floor: a second of nothing. What the heartbeat sees here is the machine (other processes), not the list.
    steps.append(step(
        QStringLiteral("idle 1 s (noise floor)"), heartbeat, list, stepTimeoutMs, [] { QTest::qWait(1000); }, always));
    steps.append(step(
        QStringLiteral("scroll for more"), heartbeat, list, stepTimeoutMs, [&] { table->scrollToBottom(); }, always));

    for (int column = 0; column < CaseTableModel::kColumnCount; ++column) {
        if (!CaseTableModel::isSortable(column)) {
            continue;
        }
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const QString name = QStringLiteral("sort %1 %2")
                                     .arg(model->headerData(column, Qt::Horizontal).toString(),
                                          order == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc"));
            steps.append(step(
                name, heartbeat, list, stepTimeoutMs,
                [&] { table->horizontalHeader()->setSortIndicator(column, order); }, always));
        }
    }
    steps.append(step(
        QStringLiteral("sort newest first"), heartbeat, list, stepTimeoutMs,
        [&] {
            table->horizontalHeader()->setSortIndicator(int(CaseTableModel::Column::ReceivedAt), Qt::DescendingOrder);
        },
        always));

    for (int index = 1; index < status->count(); ++index) {
        steps.append(step(
            QStringLiteral("filter %1").arg(status->itemText(index)), heartbeat, list, stepTimeoutMs,
            [&] { status->setCurrentIndex(index); }, always));
    }
    if (!mine->isHidden()) {
        steps.append(step(
            QStringLiteral("filter assigned to me, open"), heartbeat, list, stepTimeoutMs,
            [&] {
                status->setCurrentIndex(1);
                mine->setChecked(true);
            },
            always));
        steps.append(step(
            QStringLiteral("filter assigned to me, all"), heartbeat, list, stepTimeoutMs,
            [&] { status->setCurrentIndex(0); }, always));
        steps.append(step(
            QStringLiteral("filter anyone's"), heartbeat, list, stepTimeoutMs, [&] { mine->setChecked(false); },
            always));
    } else {
        steps.append(step(
            QStringLiteral("filter all cases"), heartbeat, list, stepTimeoutMs, [&] { status->setCurrentIndex(0); },
            always));
    }

    // Typed key by key, as the desk types: every keystroke restarts the debounce, the last one searches.
    search->setFocus();
    steps.append(step(
        QStringLiteral("search %1").arg(searchText), heartbeat, list, stepTimeoutMs,
        [&] { GuiTest::typeText(search, searchText); }, [&] { return model->filter().text == searchText.trimmed(); }));
    steps.append(step(
        QStringLiteral("search and scroll"), heartbeat, list, stepTimeoutMs, [&] { table->scrollToBottom(); }, always));
    steps.append(step(
        QStringLiteral("clear search"), heartbeat, list, stepTimeoutMs, [&] { GuiTest::retype(search, QString()); },
        [&] { return model->filter().text.isEmpty(); }));
    return steps;
}

std::optional<BenchDesk> openBenchDesk(const DatabaseLocation& location, Role role)
{
    auto opened = Database::open(location, Database::OpenMode::ExistingOnly);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return std::nullopt;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    // The file's first active user of the role, so that the services' re-check of the account passes.
    if (const auto users = db->repositories().users->list(); users) {
        for (const User& u : *users) {
            if (u.active && u.role == role) {
                Session session = Session::forUser(u.id, u.login, u.displayName, u.role);
                return BenchDesk{std::move(db), std::move(session)};
            }
        }
    }
    std::fprintf(stderr, "the file has no active %s (make it with qingting-cli demo)\n", qPrintable(Roles::code(role)));
    return std::nullopt;
}

bool printStallSteps(const QList<StallStep>& steps, qint64 budgetMs)
{
    qint64 worst = 0;
    qint64 worstBusy = 0;
    bool finished = true;
    std::printf("%-40s %11s %11s %12s %7s\n", "step", "stall (ms)", "busy (ms)", "answer (ms)", "rows");
    for (const StallStep& s : steps) {
        std::printf("%-40s %11lld %11lld %12lld %7d%s\n", qPrintable(s.name), s.worstStallMs, s.worstBusyMs,
                    s.elapsedMs, s.rows, s.finished ? "" : "  (no answer in time)");
        worst = qMax(worst, s.worstStallMs);
        worstBusy = qMax(worstBusy, s.worstBusyMs);
        finished = finished && s.finished;
    }
    // stall: how late the 10 ms heartbeat came (wall clock); busy: GUI-thread CPU time inside the worst gap, i.e.
    // the part of a stall that is work on the GUI thread rather than waiting for a core on a loaded machine.
    std::printf("longest GUI-thread stall: %lld ms (budget %lld ms); most GUI-thread work between two ticks: %lld ms\n",
                worst, budgetMs, worstBusy);
    return worst <= budgetMs && finished;
}
