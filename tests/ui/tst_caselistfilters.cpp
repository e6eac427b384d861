#include "GuiTestSupport.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseTableModel.h"
#include "cases/CaseViewWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "services/CaseService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace GuiTest;

/**
 * The case list's "Overdue" status entry and "Assigned to me" check box, driven through the real widgets on a
 * fixed clock: they combine with each other, with the status and with the search text, and the count follows.
 */
class TestCaseListFilters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void overdueAndMineFilters();

private:
    /** Records a case as the session's user, received at the time (due kAnswerDueHours later). */
    qint64 record(const Session& as, const QDateTime& receivedAt, const QString& complaint, bool resolve = false);
    /** The complaints of the rows the table shows. */
    QSet<QString> shown() const;
    QString expectedCount(int cases) const { return CaseListWidget::tr("%n case(s)", "", cases); }

    Desk m_desk;
    std::optional<Session> m_zhang; ///< the clerk at the desk
    std::optional<Session> m_liu;   ///< another clerk
    QTableView* m_table = nullptr;
};

namespace {
// Zhang's cases. The clock stands at 2025-06-02 09:30; a case is due 48 hours after it was received.
const QString kZhangOverdue = QStringLiteral("张：工作人员态度生硬"); // due 05-31 09:00: overdue
const QString kZhangDueLater = QStringLiteral("张：材料被退回两次");  // due 06-03 10:00: not yet
const QString kZhangResolved = QStringLiteral("张：排队叫号混乱");    // due 05-30, but resolved
// Liu's cases.
const QString kLiuOverdue = QStringLiteral("刘：服务态度差，不解释"); // due 06-01 08:00: overdue
const QString kLiuRecent = QStringLiteral("刘：系统故障无法取号");    // due 06-04 08:00: not yet
} // namespace

void TestCaseListFilters::initTestCase()
{
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_zhang = m_desk.addUser(QStringLiteral("zhang"), Role::Clerk, QStringLiteral("张窗口"),
                             QStringLiteral("Zhang-pass-2025"));
    m_liu =
        m_desk.addUser(QStringLiteral("liu"), Role::Clerk, QStringLiteral("刘窗口"), QStringLiteral("Liu-pass-2025"));
    QVERIFY(m_zhang && m_liu);

    QVERIFY(record(*m_zhang, QDateTime(QDate(2025, 5, 29), QTime(9, 0)), kZhangOverdue));
    QVERIFY(record(*m_zhang, QDateTime(QDate(2025, 6, 1), QTime(10, 0)), kZhangDueLater));
    QVERIFY(record(*m_zhang, QDateTime(QDate(2025, 5, 28), QTime(9, 0)), kZhangResolved, true));
    QVERIFY(record(*m_liu, QDateTime(QDate(2025, 5, 30), QTime(8, 0)), kLiuOverdue));
    QVERIFY(record(*m_liu, QDateTime(QDate(2025, 6, 2), QTime(8, 0)), kLiuRecent));
}

qint64 TestCaseListFilters::record(const Session& as, const QDateTime& receivedAt, const QString& complaint,
                                   bool resolve)
{
    CaseService cases(as, m_desk.repos(), m_desk.clock());
    CaseDraft draft;
    draft.receivedAt = receivedAt;
    draft.complaintText = complaint;
    const auto created = cases.create(draft);
    if (!created) {
        qWarning("%s", qPrintable(created.error().message));
        return 0;
    }
    if (resolve) {
        CaseCommand acknowledge;
        acknowledge.action = CaseAction::Acknowledge;
        CaseCommand resolved;
        resolved.action = CaseAction::Resolve;
        resolved.note = QStringLiteral("当场协调，重新叫号。");
        if (!cases.perform(created->id, acknowledge) || !cases.perform(created->id, resolved)) {
            return 0;
        }
    }
    return created->id;
}

QSet<QString> TestCaseListFilters::shown() const
{
    QSet<QString> complaints;
    QAbstractItemModel* model = m_table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        complaints.insert(model->index(row, int(CaseTableModel::Column::Summary)).data().toString());
    }
    return complaints;
}

void TestCaseListFilters::overdueAndMineFilters()
{
    const auto window = m_desk.showWindow(*m_zhang);
    QVERIFY(window);
    QCOMPARE(window->currentPage(), MainWindow::Page::Cases);

    m_table = child<QTableView>(window.get(), "caseTableView");
    auto* status = child<QComboBox>(window.get(), "statusFilterComboBox");
    auto* mine = child<QCheckBox>(window.get(), "assignedToMeCheckBox");
    auto* search = child<QLineEdit>(window.get(), "searchLineEdit");
    auto* count = child<QLabel>(window.get(), "countLabel");
    QVERIFY(m_table && status && mine && search && count);
    QVERIFY(!mine->isHidden());
    QVERIFY(!mine->isChecked());

    const QSet<QString> everything{kZhangOverdue, kZhangDueLater, kZhangResolved, kLiuOverdue, kLiuRecent};
    QTRY_COMPARE_WITH_TIMEOUT(shown(), everything, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expectedCount(5), kTimeoutMs);

    // "Overdue cases" is the entry after "Open cases": open and past due, whoever works them.
    QCOMPARE(status->currentIndex(), 0);
    QTest::keyClick(status, Qt::Key_Down);
    QTest::keyClick(status, Qt::Key_Down);
    QCOMPARE(status->currentText(), CaseListWidget::tr("Overdue cases"));
    QTRY_COMPARE_WITH_TIMEOUT(shown(), (QSet<QString>{kZhangOverdue, kLiuOverdue}), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expectedCount(2), kTimeoutMs);
    for (int row = 0; row < m_table->model()->rowCount(); ++row) {
        QVERIFY(m_table->model()->index(row, 0).data(CaseTableModel::OverdueRole).toBool());
    }

    // Combined with "Assigned to me": only the overdue case Zhang works; Liu's is not his.
    QTest::mouseClick(mine, Qt::LeftButton, {}, QPoint(8, mine->height() / 2));
    QVERIFY(mine->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(shown(), QSet<QString>{kZhangOverdue}, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expectedCount(1), kTimeoutMs);

    // "Assigned to me" with every status: all of Zhang's cases, the resolved one too.
    QTest::keyClick(status, Qt::Key_Home);
    QTRY_COMPARE_WITH_TIMEOUT(shown(), (QSet<QString>{kZhangOverdue, kZhangDueLater, kZhangResolved}), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expectedCount(3), kTimeoutMs);

    // And with the search text: 态度 is in one of Zhang's complaints and in one of Liu's.
    search->setFocus();
    typeText(search, QStringLiteral("态度"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(shown(), QSet<QString>{kZhangOverdue}, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expectedCount(1), kTimeoutMs);
    QTest::keyClick(mine, Qt::Key_Space);
    QVERIFY(!mine->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(shown(), (QSet<QString>{kZhangOverdue, kLiuOverdue}), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expectedCount(2), kTimeoutMs);

    // A day later, the case due on 06-03 10:00 is overdue as well once the filter is chosen again.
    retype(search, QString());
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(shown(), everything, kTimeoutMs);
    m_desk.clock().set(QDateTime(QDate(2025, 6, 3), QTime(11, 0)));
    QTest::keyClick(status, Qt::Key_Down);
    QTest::keyClick(status, Qt::Key_Down);
    QCOMPARE(status->currentText(), CaseListWidget::tr("Overdue cases"));
    QTRY_COMPARE_WITH_TIMEOUT(shown(), (QSet<QString>{kZhangOverdue, kZhangDueLater, kLiuOverdue}), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expectedCount(3), kTimeoutMs);

    // Nothing matches: the empty state says how to see more.
    QTest::keyClick(mine, Qt::Key_Space);
    typeText(search, QStringLiteral("不存在的投诉"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_table->model()->rowCount(), 0, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), expectedCount(0), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(window.get(), "emptyStateLabel")->isVisible(), kTimeoutMs);

    // The opened case says it is overdue by the same rule (Case::isOverdue on the clock).
    retype(search, QString());
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(shown(), (QSet<QString>{kZhangOverdue, kZhangDueLater}), kTimeoutMs);
    const QModelIndex first = m_table->model()->index(0, int(CaseTableModel::Column::CaseNo));
    m_table->setFocus();
    m_table->setCurrentIndex(first);
    QTest::keyClick(m_table, Qt::Key_Return);
    const qint64 openedId = first.data(CaseTableModel::CaseIdRole).toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(window->caseWorkspace()->viewOf(openedId) != nullptr, kTimeoutMs);
    CaseViewWidget* view = window->caseWorkspace()->viewOf(openedId);
    QTRY_VERIFY_WITH_TIMEOUT(view->isVisible(), kTimeoutMs);
    // It says so once: the supervision panel's badge (icon and coloured text), no second label in the header.
    auto* badge = child<QLabel>(view, "deadlineLabel");
    QTRY_VERIFY_WITH_TIMEOUT(badge->isVisible(), kTimeoutMs);
    QVERIFY2(badge->text().startsWith(QStringLiteral("Overdue by ")), qPrintable(badge->text()));
    QVERIFY(child<QLabel>(view, "deadlineIconLabel")->isVisible());
    QVERIFY(view->findChild<QLabel*>(QStringLiteral("overdueLabel")) == nullptr);
    int overdueLabels = 0;
    for (const QLabel* label : view->findChildren<QLabel*>()) {
        overdueLabels += label->isVisible() && label->text().contains(QStringLiteral("Overdue")) ? 1 : 0;
    }
    QCOMPARE(overdueLabels, 1);
    window->close();
}

QTEST_MAIN(TestCaseListFilters)
#include "tst_caselistfilters.moc"
