#include "GuiTestSupport.h"
#include "ListStallProbe.h"
#include "SqlDatabaseConnector.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseTableModel.h"
#include "cases/CaseWorkspaceWidget.h"
#include "common/BusyIndicator.h"
#include "intake/IntakeContext.h"
#include "intake/IntakeWizard.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"
#include "workers/DatabaseWorker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace GuiTest;

namespace {
constexpr int kCases = 1200;
/** How long the slow repository takes for every list page and count: far beyond any budget for a GUI stall. */
constexpr int kSlowQueryMs = 300;
/** The worst GUI-thread stall allowed while the list works (the bench's budget on 1 M cases is 50 ms). */
constexpr int kStallBudgetMs = 200;

/** A case repository that takes kSlowQueryMs for every list page and count, as a big table on a busy disk does. */
class SlowCaseRepository final : public CaseRepository
{
public:
    explicit SlowCaseRepository(CaseRepository& inner)
        : m_inner(inner)
    {}

    Result<QString> allocateCaseNo(const QDate& day) override { return m_inner.allocateCaseNo(day); }
    Result<qint64> insert(const Case& c) override { return m_inner.insert(c); }
    Status update(const Case& c) override { return m_inner.update(c); }
    Result<Case> find(qint64 id) override { return m_inner.find(id); }
    Result<Case> findByNumber(const QString& caseNo) override { return m_inner.findByNumber(caseNo); }
    Result<CasePage> list(const CaseQuery& query) override
    {
        QThread::msleep(kSlowQueryMs);
        return m_inner.list(query);
    }
    Result<CaseCount> count(const CaseQuery& query) override
    {
        QThread::msleep(kSlowQueryMs);
        return m_inner.count(query);
    }
    Result<qint64> addEvent(const CaseEvent& event) override { return m_inner.addEvent(event); }
    Result<QList<CaseEvent>> events(qint64 caseId) override { return m_inner.events(caseId); }
    Result<qint64> addFollowUp(const FollowUp& followUp) override { return m_inner.addFollowUp(followUp); }
    Result<QList<FollowUp>> followUps(qint64 caseId) override { return m_inner.followUps(caseId); }
    Result<qint64> insertCitizen(const Citizen& citizen) override { return m_inner.insertCitizen(citizen); }
    Result<Citizen> citizen(qint64 id) override { return m_inner.citizen(id); }
    Result<QList<Citizen>> findCitizens(const QString& phoneKey, const QString& idNumber, int limit) override
    {
        return m_inner.findCitizens(phoneKey, idNumber, limit);
    }
    Result<QList<Case>> citizenCases(qint64 citizenId, int limit) override
    {
        return m_inner.citizenCases(citizenId, limit);
    }
    Result<QList<Case>> similarCases(qint64 serviceItemId, qint64 categoryId, const QDateTime& since,
                                     int limit) override
    {
        return m_inner.similarCases(serviceItemId, categoryId, since, limit);
    }

private:
    CaseRepository& m_inner;
};

/** A real connection whose case repository is slow. */
class SlowConnection final : public DatabaseConnection
{
public:
    explicit SlowConnection(std::unique_ptr<DatabaseConnection> inner)
        : m_inner(std::move(inner))
        , m_cases(*m_inner->repositories().cases)
    {}

    Repositories repositories() const override
    {
        Repositories repos = m_inner->repositories();
        repos.cases = &m_cases;
        return repos;
    }

private:
    std::unique_ptr<DatabaseConnection> m_inner;
    mutable SlowCaseRepository m_cases;
};

class SlowConnector final : public DatabaseConnector
{
public:
    explicit SlowConnector(const DatabaseLocation& location)
        : m_inner(location)
    {}

    Result<std::unique_ptr<DatabaseConnection>> connect() const override
    {
        auto opened = m_inner.connect();
        if (!opened) {
            return opened.error();
        }
        return std::unique_ptr<DatabaseConnection>(std::make_unique<SlowConnection>(std::move(opened).value()));
    }

private:
    SqlDatabaseConnector m_inner;
};
} // namespace

/**
 * Nothing waits on the database in the GUI thread: a 10 ms heartbeat in the GUI thread stays on time while the case
 * list loads, sorts, filters, searches and scrolls over a repository that takes 300 ms per query.
 */
class TestGuiResponsiveness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void heartbeatSeesAStall();
    void caseListNeverStallsTheGuiThread();
    void saveWaitingForAnotherDeskSaysSo();

private:
    Desk m_desk;
    std::optional<Session> m_clerk;
    QString m_path;
};

void TestGuiResponsiveness::initTestCase()
{
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_clerk = m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李窗口"),
                             QStringLiteral("Clerk-pass-2025"));
    QVERIFY(m_clerk);
    CaseService cases(*m_clerk, m_desk.repos(), m_desk.clock());
    const QDateTime first(QDate(2025, 5, 2), QTime(8, 30));
    for (int i = 0; i < kCases; ++i) {
        CaseDraft draft;
        draft.channel = i % 2 ? Channel::Phone : Channel::Window;
        draft.receivedAt = first.addSecs(qint64(i) * 37 * 60);
        draft.waitedMinutes = (i * 7) % 120;
        draft.complaintText = i % 4 == 0 ? QStringLiteral("第%1号：工作人员态度生硬。").arg(i)
                                         : QStringLiteral("第%1号：材料被退回，说法不一。").arg(i);
        const auto created = cases.create(draft);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    }
}

void TestGuiResponsiveness::heartbeatSeesAStall()
{
    // The probe itself: one slow query on the GUI thread shows as a stall of about its length.
    Heartbeat heartbeat;
    heartbeat.start();
    QTest::qWait(50);
    QThread::msleep(kSlowQueryMs);
    QTest::qWait(50);
    heartbeat.stop();
    QVERIFY2(heartbeat.worstLatenessMs() >= kSlowQueryMs - 2 * Heartbeat::kIntervalMs,
             qPrintable(QString::number(heartbeat.worstLatenessMs())));
}

void TestGuiResponsiveness::caseListNeverStallsTheGuiThread()
{
    auto slow = std::make_shared<SlowConnector>(m_desk.location());
    DatabaseWorker worker(slow, m_desk.clock(), m_desk.hasher());
    MainWindow window(*m_clerk, m_desk.repos(), m_desk.clock(), m_desk.hasher(), m_desk.settings(), worker);
    Heartbeat heartbeat;
    heartbeat.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* list = window.findChild<CaseListWidget*>();
    QVERIFY(list);

    const auto steps = driveCaseList(*list, heartbeat, QStringLiteral("态度"), kTimeoutMs);
    heartbeat.stop();
    QVERIFY(steps.size() > 10);
    QList<qint64> stalls;
    for (const StallStep& s : steps) {
        qInfo("%-40s worst stall %4lld ms, answer after %5lld ms, %d rows", qPrintable(s.name), s.worstStallMs,
              s.elapsedMs, s.rows);
        QVERIFY2(s.finished, qPrintable(s.name));
        // Every answer came from the slow repository, so it took at least one slow query...
        QVERIFY2(s.elapsedMs >= kSlowQueryMs - Heartbeat::kIntervalMs || s.name == QLatin1String("first load") ||
                     s.name.startsWith(QLatin1String("idle")),
                 qPrintable(s.name));
        stalls.append(s.worstStallMs);
    }
    // ...while the GUI thread never waited for it: a query on the GUI thread would stall every step by 300 ms or
    // more. One step may see a scheduling spike of the shared 2-core machine (builds running beside the test).
    std::sort(stalls.begin(), stalls.end());
    const qint64 secondWorst = stalls.at(stalls.size() - 2);
    const qint64 median = stalls.at(stalls.size() / 2);
    qInfo("GUI stalls: median %lld ms, second worst %lld ms, worst %lld ms", median, secondWorst, stalls.last());
    QVERIFY2(secondWorst < kStallBudgetMs, qPrintable(QStringLiteral("second worst GUI stall %1 ms").arg(secondWorst)));
    QVERIFY2(median < kSlowQueryMs / 4, qPrintable(QStringLiteral("median GUI stall %1 ms").arg(median)));

    // The answers are right: the search found every fourth case.
    const auto search = std::find_if(steps.begin(), steps.end(),
                                     [](const StallStep& s) { return s.name.startsWith(QLatin1String("search")); });
    QVERIFY(search != steps.end());
    QCOMPARE(search->rows, CaseTableModel::kPageSize);
    QTRY_VERIFY_WITH_TIMEOUT(list->total().has_value(), kTimeoutMs);
    window.close();
}

void TestGuiResponsiveness::saveWaitingForAnotherDeskSaysSo()
{
    ReferenceService reference(*m_clerk, m_desk.repos(), m_desk.clock());
    IntakeContext context;
    context.session = *m_clerk;
    context.repos = m_desk.repos();
    context.clock = &m_desk.clock();
    context.worker = &m_desk.worker();
    context.reference = &reference;
    context.settings = &m_desk.settings();
    IntakeWizard wizard(context);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // A complete intake, as the clerk has it on the Review page.
    const QString complaint = QStringLiteral("另一个窗口正在保存时登记的投诉");
    IntakeDraftState state;
    state.draft.base.complaintText = complaint;
    state.anonymous = true;
    wizard.restore(completedIntake(state, reference, m_desk.clock().now()));
    QCOMPARE(wizard.currentId(), int(IntakeWizard::ReviewPageId));
    auto* label = child<QLabel>(&wizard, "saveStatusLabel");

    // Another desk holds the write lock (BEGIN IMMEDIATE on a connection of its own).
    UnitOfWork& otherDesk = *m_desk.repos().unitOfWork;
    QVERIFY(otherDesk.begin().ok());
    Heartbeat heartbeat;
    heartbeat.start();
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(wizard.isSaving());
    QCOMPARE(label->text(), BusyIndicator::savingText());
    // After a moment the wizard says that it waits for another desk; the window goes on meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), BusyIndicator::waitingText(), kTimeoutMs);
    QVERIFY(label->isVisible());
    QVERIFY(wizard.isSaving());
    QTest::keyClick(&wizard, Qt::Key_Escape); // the case may be stored any moment: Escape does not drop it
    QVERIFY(wizard.isVisible());
    QTest::qWait(300);
    otherDesk.rollback();

    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isSaving(), kTimeoutMs);
    heartbeat.stop();
    QVERIFY(wizard.savedCase().has_value());
    QCOMPARE(wizard.savedCase()->complaintText, complaint);
    QVERIFY(wizard.isVisible()); // open for the receipt
    QVERIFY2(heartbeat.worstLatenessMs() < kStallBudgetMs,
             qPrintable(QStringLiteral("GUI stall %1 ms while the save waited").arg(heartbeat.worstLatenessMs())));
}

QTEST_MAIN(TestGuiResponsiveness)
#include "tst_gui_responsiveness.moc"
