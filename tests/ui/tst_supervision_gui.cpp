// Views and supervision through the real widgets (supervise, issue 12): the case list's "Due today" and "Overdue"
// views, the deadline column (words, icon and colour together), a supervisor's reminder (督办) sent from the case
// view, and the assignee's desk learning of it in its notification area and opening the case from there.

#include "GuiTestSupport.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseTableModel.h"
#include "cases/CaseViewWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "cases/ReminderDialog.h"
#include "cases/SupervisionPanel.h"
#include "mainwindow/NotificationArea.h"
#include "repositories/CaseRepository.h"
#include "services/CaseService.h"
#include "supervise/Deadline.h"
#include "supervise/NoticeWatcher.h"

#include <QBrush>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTest>

using namespace GuiTest;

class TestSupervisionGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void viewsAndDeadlineColumn();
    void reminderReachesTheAssignee();

private:
    qint64 record(const QString& complaint, CaseStatus status, const QDateTime& due, qint64 assignee);
    static CaseListWidget* list(MainWindow& window) { return window.caseWorkspace()->listWidget(); }

    Desk m_desk;
    std::optional<Session> m_clerk;
    std::optional<Session> m_boss;
    qint64 m_overdue = 0;
    qint64 m_near = 0;
    qint64 m_later = 0;
};

// The clock stands at 2025-06-02 09:30 (Monday).
qint64 TestSupervisionGui::record(const QString& complaint, CaseStatus status, const QDateTime& due, qint64 assignee)
{
    CaseService cases(Session::commandLine(), m_desk.repos(), m_desk.clock());
    CaseDraft draft;
    draft.channel = Channel::Phone;
    draft.complaintText = complaint;
    draft.receivedAt = QDateTime(QDate(2025, 5, 30), QTime(9, 0));
    auto created = cases.create(draft);
    if (!created) {
        qWarning() << created.error().message;
        return 0;
    }
    Case c = *created;
    c.status = status;
    c.dueAt = due;
    c.assignee = {assignee, QString()};
    if (!m_desk.repos().cases->update(c)) {
        return 0;
    }
    return c.id;
}

void TestSupervisionGui::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_clerk =
        m_desk.addUser(QStringLiteral("li"), Role::Clerk, QStringLiteral("李窗口"), QStringLiteral("Li-pass-2025"));
    m_boss = m_desk.addUser(QStringLiteral("wang"), Role::Supervisor, QStringLiteral("王主任"),
                            QStringLiteral("Wang-pass-2025"));
    QVERIFY(m_clerk && m_boss);
    m_overdue = record(QStringLiteral("逾期：材料被退回两次"), CaseStatus::InProgress,
                       QDateTime(QDate(2025, 6, 2), QTime(8, 0)), m_clerk->userId());
    m_near = record(QStringLiteral("临期：窗口人员态度生硬"), CaseStatus::Received,
                    QDateTime(QDate(2025, 6, 2), QTime(11, 0)), m_clerk->userId());
    m_later = record(QStringLiteral("未到期：系统故障"), CaseStatus::InProgress,
                     QDateTime(QDate(2025, 6, 5), QTime(17, 0)), 0);
    QVERIFY(m_overdue && m_near && m_later);
}

void TestSupervisionGui::viewsAndDeadlineColumn()
{
    auto window = m_desk.showWindow(*m_boss);
    QVERIFY(window);
    CaseListWidget* cases = list(*window);
    auto* combo = child<QComboBox>(cases, "statusFilterComboBox");
    QVERIFY(combo);
    CaseTableModel* model = cases->model();
    const int deadline = int(CaseTableModel::Column::Deadline);

    // "Due today": the nearly due case only (the overdue one has its view; the later one is due on Thursday).
    combo->setFocus();
    combo->setCurrentIndex(combo->findText(QStringLiteral("Due today")));
    QTRY_VERIFY_WITH_TIMEOUT(!cases->isLoading() && model->rowCount() == 1, kTimeoutMs);
    QCOMPARE(model->caseAt(0)->id, m_near);
    QModelIndex cell = model->index(0, deadline);
    QCOMPARE(cell.data().toString(), QStringLiteral("Due in 1 h 30 min"));
    QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(cell.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0x8a, 0x4b, 0x00));
    QCOMPARE(cell.data(CaseTableModel::DeadlineStateRole).toInt(), int(DeadlineState::NearDeadline));

    combo->setCurrentIndex(combo->findText(QStringLiteral("Overdue cases")));
    QTRY_VERIFY_WITH_TIMEOUT(!cases->isLoading() && model->rowCount() == 1 && model->caseAt(0)->id == m_overdue,
                             kTimeoutMs);
    cell = model->index(0, deadline);
    QCOMPARE(cell.data().toString(), QStringLiteral("Overdue by 1 h 30 min"));
    QCOMPARE(cell.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xb3, 0x26, 0x1e));

    // All cases: the one due on Thursday says when, with neither icon nor colour.
    combo->setCurrentIndex(combo->findText(QStringLiteral("All cases")));
    QTRY_VERIFY_WITH_TIMEOUT(!cases->isLoading() && model->rowCount() == 3, kTimeoutMs);
    const int row = model->rowOfCase(m_later);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, deadline).data().toString(), QStringLiteral("Due 2025-06-05 17:00"));
    QVERIFY(model->index(row, deadline).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model->index(row, deadline).data(Qt::ForegroundRole).isValid());
}

void TestSupervisionGui::reminderReachesTheAssignee()
{
    // The assignee's desk is open first and watching (a quick tick instead of 15 s, to keep the test short).
    auto clerkWindow = m_desk.showWindow(*m_clerk);
    QVERIFY(clerkWindow);
    auto* notices = clerkWindow->findChild<NotificationArea*>(QStringLiteral("notificationArea"));
    QVERIFY(notices);
    QTRY_VERIFY_WITH_TIMEOUT(notices->watcher()->isStarted(), kTimeoutMs);
    notices->watcher()->setPollInterval(100);
    QCOMPARE(notices->text(), QStringLiteral("Notices"));
    // The text and the menu arrow (drawn in the bottom right corner) both fit: the arrow is not drawn over the text.
    const int arrow = notices->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, notices);
    QTRY_VERIFY_WITH_TIMEOUT(notices->isVisible(), kTimeoutMs);
    QVERIFY2(notices->width() >= notices->fontMetrics().horizontalAdvance(notices->text()) + arrow,
             qPrintable(QString::number(notices->width())));
    QVERIFY(notices->height() >= notices->sizeHint().height());

    auto bossWindow = m_desk.showWindow(*m_boss);
    QVERIFY(bossWindow);
    bossWindow->caseWorkspace()->openCase(m_overdue);
    CaseViewWidget* view = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((view = bossWindow->caseWorkspace()->findChild<CaseViewWidget*>()) && !view->isBusy() &&
                                 view->currentCase().id == m_overdue,
                             kTimeoutMs);
    auto* panel = child<SupervisionPanel>(view, "supervisionPanel");
    QVERIFY(panel);
    auto* deadlineLabel = child<QLabel>(panel, "deadlineLabel");
    QCOMPARE(deadlineLabel->text(), QStringLiteral("Overdue by 1 h 30 min"));
    QVERIFY(child<QLabel>(panel, "deadlineIconLabel")->isVisible());
    auto* send = child<QPushButton>(panel, "sendReminderButton");
    QVERIFY(send->isVisible());
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    ReminderDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = findWindow<ReminderDialog>()));
    auto* note = child<QPlainTextEdit>(dialog, "notePlainTextEdit");
    note->setFocus();
    typeText(note, QStringLiteral("今天下班前答复群众"));
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    auto* reminderLabel = child<QLabel>(panel, "reminderLabel");
    QTRY_COMPARE_WITH_TIMEOUT(reminderLabel->text(), QStringLiteral("Reminded 1× (reminder), last 2025-06-02 09:30"),
                              kTimeoutMs);
    QVERIFY(!findWindow<ReminderDialog>());

    // The assignee's desk hears of it and opens the case from its notification area.
    QTRY_COMPARE_WITH_TIMEOUT(notices->unreadCount(), 1, kTimeoutMs);
    QCOMPARE(notices->text(), QStringLiteral("Notices: 1 new"));
    QVERIFY(notices->notices().constFirst().event.note.contains(QStringLiteral("今天下班前答复群众")));
    QMenu* menu = notices->menu();
    QVERIFY(menu->actions().size() >= 1);
    QVERIFY(menu->actions().constFirst()->text().contains(QStringLiteral("reminder from 王主任")));
    menu->actions().constFirst()->trigger();
    CaseViewWidget* clerkView = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((clerkView = clerkWindow->caseWorkspace()->findChild<CaseViewWidget*>()) &&
                                 !clerkView->isBusy() && clerkView->currentCase().id == m_overdue,
                             kTimeoutMs);
    // Shown to the assignee too; the clerk has no reminder button.
    auto* clerkPanel = child<SupervisionPanel>(clerkView, "supervisionPanel");
    QCOMPARE(child<QLabel>(clerkPanel, "reminderLabel")->text(),
             QStringLiteral("Reminded 1× (reminder), last 2025-06-02 09:30"));
    QVERIFY(!child<QPushButton>(clerkPanel, "sendReminderButton")->isVisible());
}

QTEST_MAIN(TestSupervisionGui)
#include "tst_supervision_gui.moc"
