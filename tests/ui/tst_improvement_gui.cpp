// The improvement register (整改台账, issue 14, helper "register") driven through the real widgets: a supervisor opens
// the register, creates an action (title, owner, a linked case by its number, a why), edits the fishbone with mouse
// clicks and keys (a cause added on a bone, edited by double-click, another removed with Delete), saves, reopens it
// from the table and finds everything stored; the fishbone exports to PNG and to a PDF whose text holds the problem;
// a dashboard alert opens a pre-filled action.

#include "GuiTestSupport.h"
#include "cases/CaseViewWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "dashboard/Dashboard.h"
#include "dashboard/DashboardWidget.h"
#include "improvement/FishboneWidget.h"
#include "improvement/ImprovementDialog.h"
#include "improvement/ImprovementPickerDialog.h"
#include "improvement/ImprovementRegisterWidget.h"
#include "improvement/ImprovementTableModel.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "services/CaseService.h"
#include "services/ImprovementService.h"
#include "supervise/NoticeWatcher.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace GuiTest;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
const QString kProblem = QStringLiteral("社保窗口等候时间长");

qint64 refId(const Repositories& repos, ReferenceKind kind, const QString& name)
{
    const auto all = repos.reference->list(kind);
    for (const auto& item : *all) {
        if (item.name == name) {
            return item.id;
        }
    }
    return 0;
}

void clickTab(QTabWidget* tabs, int index)
{
    QTabBar* bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
}

/** The dialog that is shown, once it has loaded. */
ImprovementDialog* shownDialog()
{
    ImprovementDialog* dialog = nullptr;
    QTest::qWaitFor(
        [&] {
            dialog = findWindow<ImprovementDialog>();
            return dialog && !dialog->isBusy();
        },
        kTimeoutMs);
    return dialog;
}
} // namespace

class TestImprovementGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createEditFishboneAndReopen();
    void alertOpensPrefilledAction();
    void caseOpensActionOrJoinsOne();
    void registerRefreshesLive();

private:
    qint64 newCase(const QString& text, qint64 categoryId, qint64 itemId);

    Desk m_desk;
    std::optional<Session> m_chief;
};

void TestImprovementGui::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_chief = m_desk.addUser(QStringLiteral("chief"), Role::Supervisor, QStringLiteral("陈主任"), kPassword);
    QVERIFY(m_chief);
}

qint64 TestImprovementGui::newCase(const QString& text, qint64 categoryId, qint64 itemId)
{
    CaseService cases(*m_chief, m_desk.repos(), m_desk.clock());
    CaseDraft draft;
    draft.channel = Channel::Phone;
    draft.complaintText = text;
    draft.categoryId = categoryId;
    draft.serviceItemId = itemId;
    draft.departmentId = refId(m_desk.repos(), ReferenceKind::Department, QStringLiteral("综合受理科"));
    const auto created = cases.create(draft);
    return created ? created->id : 0;
}

void TestImprovementGui::createEditFishboneAndReopen()
{
    const qint64 caseId = newCase(QStringLiteral("社保窗口排队两个小时"), 0, 0);
    QVERIFY(caseId != 0);
    const auto stored = m_desk.repos().cases->find(caseId);
    QVERIFY(stored.ok());

    auto window = m_desk.showWindow(*m_chief);
    QVERIFY(window);
    QVERIFY(openPage(*window, MainWindow::Page::Improvements));
    ImprovementRegisterWidget* reg = window->improvementRegister();
    QVERIFY(reg);
    QTRY_VERIFY_WITH_TIMEOUT(!reg->isLoading(), kTimeoutMs);
    QCOMPARE(reg->model()->rowCount(), 0);

    QTest::mouseClick(child<QPushButton>(reg, "newActionButton"), Qt::LeftButton);
    QPointer<ImprovementDialog> dialog = shownDialog();
    QVERIFY(dialog);

    // The action's fields.
    auto* title = child<QLineEdit>(dialog, "titleLineEdit");
    title->setFocus();
    typeText(title, QStringLiteral("优化社保窗口叫号流程"));
    auto* owner = child<QComboBox>(dialog, "ownerComboBox");
    owner->setFocus();
    QTest::keyClick(owner, Qt::Key_Down); // the first department
    QVERIFY(owner->currentData().toLongLong() != 0);
    const QString ownerName = owner->currentText();
    auto* caseNo = child<QLineEdit>(dialog, "caseNoLineEdit");
    caseNo->setFocus();
    typeText(caseNo, stored->caseNo);
    QTest::mouseClick(child<QPushButton>(dialog, "addCaseButton"), Qt::LeftButton);
    auto* cases = child<QTableWidget>(dialog, "casesTableWidget");
    QTRY_COMPARE_WITH_TIMEOUT(cases->rowCount(), 1, kTimeoutMs);
    QCOMPARE(cases->item(0, 0)->text(), stored->caseNo);

    // One why, typed into the table's editor.
    auto* tabs = child<QTabWidget>(dialog, "improvementTabWidget");
    clickTab(tabs, 1);
    QTest::mouseClick(child<QPushButton>(dialog, "addWhyButton"), Qt::LeftButton);
    auto* whys = child<QTableWidget>(dialog, "whysTableWidget");
    QCOMPARE(whys->rowCount(), 1);
    // Add why opens the new row's editor, as a double-click on the cell would.
    QLineEdit* cellEditor = nullptr;
    QTRY_VERIFY((cellEditor = whys->viewport()->findChild<QLineEdit*>()) && cellEditor->isVisible());
    typeText(cellEditor, QStringLiteral("为什么等候时间长？"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    QTRY_COMPARE(whys->item(0, 0)->text(), QStringLiteral("为什么等候时间长？")); // the delegate commits queued
    auto* rootCause = child<QLineEdit>(dialog, "rootCauseLineEdit");
    rootCause->setFocus();
    typeText(rootCause, QStringLiteral("排班不随人流量调整"));

    // The fishbone: the problem, a cause added by a click on the bone 机, edited by a double-click; a cause on 人
    // added and removed again with Delete.
    clickTab(tabs, 2);
    auto* problem = child<QLineEdit>(dialog, "problemLineEdit");
    problem->setFocus();
    typeText(problem, kProblem);
    FishboneWidget* fish = dialog->fishbone();
    QTRY_VERIFY(fish->isVisible());
    QCOMPARE(fish->fishbone().problem, kProblem);
    QTest::mouseClick(fish, Qt::LeftButton, {}, fish->boneLabelRect(FishboneBranch::Machine).center().toPoint());
    QVERIFY(fish->editor());
    typeText(fish->editor(), QStringLiteral("叫号系统故障"));
    QTest::keyClick(fish->editor(), Qt::Key_Return);
    QVERIFY(!fish->editor());
    QCOMPARE(fish->fishbone().causes(FishboneBranch::Machine).size(), 1);
    QCOMPARE(fish->fishbone().causes(FishboneBranch::Machine).at(0).text, QStringLiteral("叫号系统故障"));

    const QPoint causeAt = fish->causeRect(FishboneBranch::Machine, 0).center().toPoint();
    QTest::mouseDClick(fish, Qt::LeftButton, {}, causeAt);
    QVERIFY(fish->editor());
    QCOMPARE(fish->editor()->text(), QStringLiteral("叫号系统故障"));
    retype(fish->editor(), QStringLiteral("叫号系统频繁死机"));
    QTest::keyClick(fish->editor(), Qt::Key_Return);
    QCOMPARE(fish->fishbone().causes(FishboneBranch::Machine).at(0).text, QStringLiteral("叫号系统频繁死机"));

    QTest::mouseClick(fish, Qt::LeftButton, {}, fish->boneLabelRect(FishboneBranch::People).center().toPoint());
    typeText(fish->editor(), QStringLiteral("临时写错的原因"));
    QTest::keyClick(fish->editor(), Qt::Key_Return);
    QCOMPARE(fish->fishbone().causes(FishboneBranch::People).size(), 1);
    QTest::mouseClick(fish, Qt::LeftButton, {}, fish->causeRect(FishboneBranch::People, 0).center().toPoint());
    QVERIFY(fish->selection().has_value());
    QTest::keyClick(fish, Qt::Key_Delete);
    QCOMPARE(fish->fishbone().causes(FishboneBranch::People).size(), 0);

    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs); // closed and deleted once saved
    QTRY_COMPARE_WITH_TIMEOUT(reg->model()->rowCount(), 1, kTimeoutMs);
    const ImprovementAction listed = reg->model()->items().first();
    QCOMPARE(listed.title, QStringLiteral("优化社保窗口叫号流程"));
    QCOMPARE(listed.owner.name, ownerName);
    QCOMPARE(listed.linkedCases, 1);

    // Reopen it: choose its row, then Edit…; everything is back.
    QAbstractItemModelTester tester(reg->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView* view = reg->view();
    const QModelIndex first = view->model()->index(0, ImprovementTableModel::Title);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    QCOMPARE(view->currentIndex().row(), 0);
    QTest::mouseClick(child<QPushButton>(reg, "editActionButton"), Qt::LeftButton);
    dialog = shownDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->actionId(), listed.id);
    QCOMPARE(child<QLineEdit>(dialog, "titleLineEdit")->text(), QStringLiteral("优化社保窗口叫号流程"));
    QCOMPARE(child<QTableWidget>(dialog, "casesTableWidget")->rowCount(), 1);
    QCOMPARE(child<QTableWidget>(dialog, "whysTableWidget")->item(0, 0)->text(), QStringLiteral("为什么等候时间长？"));
    QCOMPARE(child<QLineEdit>(dialog, "rootCauseLineEdit")->text(), QStringLiteral("排班不随人流量调整"));
    QCOMPARE(child<QLineEdit>(dialog, "problemLineEdit")->text(), kProblem);
    const Fishbone reopened = dialog->fishbone()->fishbone();
    QCOMPARE(reopened.causeCount(), 1);
    QCOMPARE(reopened.causes(FishboneBranch::Machine).at(0).text, QStringLiteral("叫号系统频繁死机"));
    // Created today: the effect panel says it is too early.
    QCOMPARE(child<QLabel>(dialog, "casesSentenceLabel")->text(),
             QStringLiteral("Less than a week has passed since the action: too early to judge its effect."));

    // Stored as shown, with its audit entries.
    const auto detail = ImprovementService(*m_chief, m_desk.repos(), m_desk.clock()).detail(listed.id);
    QVERIFY(detail.ok());
    QCOMPARE(detail->fishbone, reopened);
    QCOMPARE(detail->whys.whys.size(), 1);

    // Exports: a PNG and a PDF whose text holds the problem and the cause.
    // QINGTING_FISHBONE_EXPORT_DIR keeps them for a look (pdftoppm); by default they go into a temporary folder.
    QTemporaryDir dir;
    const QString keep = qEnvironmentVariable("QINGTING_FISHBONE_EXPORT_DIR");
    const QString png = (keep.isEmpty() ? dir.path() : keep) + QStringLiteral("/fishbone.png");
    const QString pdf = (keep.isEmpty() ? dir.path() : keep) + QStringLiteral("/fishbone.pdf");
    QVERIFY(dialog->fishbone()->exportPng(png));
    QVERIFY(dialog->fishbone()->exportPdf(pdf, QStringLiteral("Fishbone: %1").arg(kProblem)));
    QVERIFY(QFileInfo(png).size() > 10000);
    QVERIFY(QFileInfo(pdf).size() > 1000);
    QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 900));
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        QSKIP("pdftotext (poppler-utils) is not installed");
    }
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    // Noto CJK's PDF text gives some characters as their radicals: Kangxi radicals (NFKC maps them back) and a
    // few of the CJK Radicals Supplement, which have no decomposition: 长 comes out as ⻓ (U+2ED3).
    const QString extracted = QString::fromUtf8(text.readAllStandardOutput())
                                  .normalized(QString::NormalizationForm_KC)
                                  .replace(QChar(0x2ED3), QChar(0x957F));
    QVERIFY2(extracted.contains(kProblem), qPrintable(extracted));
    QVERIFY2(extracted.contains(QStringLiteral("叫号系统频繁死机")), qPrintable(extracted));
    dialog->reject();
}

void TestImprovementGui::alertOpensPrefilledAction()
{
    const Repositories repos = m_desk.repos();
    const qint64 category = refId(repos, ReferenceKind::Category, QStringLiteral("服务态度"));
    const qint64 item = refId(repos, ReferenceKind::ServiceItem, QStringLiteral("社保业务"));
    Dashboard::SystemicAlert alert;
    alert.categoryId = category;
    alert.category = QStringLiteral("服务态度");
    alert.serviceItemId = item;
    alert.serviceItem = QStringLiteral("社保业务");
    alert.windowFrom = m_desk.clock().now().date().addDays(-6);
    alert.windowTo = m_desk.clock().now().date();
    for (int i = 0; i < 3; ++i) {
        alert.caseIds.append(newCase(QStringLiteral("窗口人员态度生硬 %1").arg(i), category, item));
    }

    auto window = m_desk.showWindow(*m_chief);
    QVERIFY(window);
    QVERIFY(openPage(*window, MainWindow::Page::Improvements));
    ImprovementRegisterWidget* reg = window->improvementRegister();
    QTRY_VERIFY_WITH_TIMEOUT(!reg->isLoading(), kTimeoutMs);
    const int before = reg->model()->rowCount();
    QPointer<ImprovementDialog> dialog = reg->newFromAlert(alert);
    QTRY_VERIFY_WITH_TIMEOUT(dialog && !dialog->isBusy(), kTimeoutMs);
    QCOMPARE(child<QLineEdit>(dialog, "titleLineEdit")->text(),
             QStringLiteral("服务态度 · 社保业务: 3 repeated complaint(s)"));
    QCOMPARE(child<QComboBox>(dialog, "categoryComboBox")->currentData().toLongLong(), category);
    QCOMPARE(child<QComboBox>(dialog, "serviceItemComboBox")->currentData().toLongLong(), item);
    auto* cases = child<QTableWidget>(dialog, "casesTableWidget");
    QCOMPARE(cases->rowCount(), 3);
    const auto firstCase = m_desk.repos().cases->find(alert.caseIds.first());
    QVERIFY(firstCase.ok());
    QCOMPARE(cases->item(0, 0)->text(), firstCase->caseNo); // listed by number before the action is saved

    // Without an owner the save is refused, with the reason.
    auto* save = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
    QTRY_COMPARE(child<QLabel>(dialog, "errorLabel")->text(),
                 QStringLiteral("Choose the department that owns the action."));
    auto* owner = child<QComboBox>(dialog, "ownerComboBox");
    owner->setFocus();
    QTest::keyClick(owner, Qt::Key_Down);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(reg->model()->rowCount(), before + 1, kTimeoutMs);
    bool found = false;
    for (const ImprovementAction& a : reg->model()->items()) {
        if (a.source == ImprovementSource::Alert) {
            found = true;
            QCOMPARE(a.linkedCases, 3);
            QCOMPARE(a.category.id, category);
            QCOMPARE(a.serviceItem.id, item);
        }
    }
    QVERIFY(found);
}

void TestImprovementGui::caseOpensActionOrJoinsOne()
{
    // issue 14 (helper "polish"): on a case, a supervisor opens an improvement action from it (pre-filled, source
    // "case", the case linked), and adds another case to that action from the picker; the dashboard's overdue panel
    // shows the saved action at once. A clerk has neither.
    const Repositories repos = m_desk.repos();
    const qint64 category = refId(repos, ReferenceKind::Category, QStringLiteral("办事效率/等候时间"));
    const qint64 item = refId(repos, ReferenceKind::ServiceItem, QStringLiteral("不动产登记"));
    QVERIFY(category != 0 && item != 0);
    const qint64 first = newCase(QStringLiteral("不动产登记窗口叫号混乱，排了三次队"), category, item);
    const qint64 second = newCase(QStringLiteral("不动产登记又让跑第二趟"), category, item);
    QVERIFY(first != 0 && second != 0);

    auto window = m_desk.showWindow(*m_chief);
    QVERIFY(window);
    CaseViewWidget* view = openCaseView(*window, first);
    QVERIFY(view);
    auto* button = child<QPushButton>(view, "improvementButton");
    QVERIFY(button->isVisible());
    QVERIFY(button->isEnabled());
    QVERIFY(button->menu()->actions().contains(view->newImprovementAction()));
    view->newImprovementAction()->trigger();
    QPointer<ImprovementDialog> dialog = shownDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->actionId(), 0);
    QCOMPARE(child<QLineEdit>(dialog, "titleLineEdit")->text(),
             QStringLiteral("办事效率/等候时间 · 不动产登记: systemic cause"));
    QCOMPARE(child<QComboBox>(dialog, "categoryComboBox")->currentData().toLongLong(), category);
    QCOMPARE(child<QComboBox>(dialog, "serviceItemComboBox")->currentData().toLongLong(), item);
    QCOMPARE(child<QLabel>(dialog, "sourceLabel")->text(), ImprovementSources::label(ImprovementSource::Case));
    auto* cases = child<QTableWidget>(dialog, "casesTableWidget");
    QCOMPARE(cases->rowCount(), 1);
    QCOMPARE(cases->item(0, 0)->text(), view->currentCase().caseNo);
    auto* owner = child<QComboBox>(dialog, "ownerComboBox");
    owner->setFocus();
    QTest::keyClick(owner, Qt::Key_Down);
    // A deadline already past, so that the dashboard lists it as overdue.
    child<QDateEdit>(dialog, "deadlineDateEdit")->setDate(m_desk.clock().now().date().addDays(-1));
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);

    ImprovementService service(*m_chief, repos, m_desk.clock());
    ImprovementFilter all;
    const auto actions = service.list(all);
    QVERIFY(actions.ok());
    const auto created = std::find_if(actions->cbegin(), actions->cend(),
                                      [](const ImprovementAction& a) { return a.source == ImprovementSource::Case; });
    QVERIFY(created != actions->cend());
    QCOMPARE(created->linkedCases, 1);
    QCOMPARE(created->category.id, category);
    // The dashboard's overdue panel was read again after the save, without a reload of the figures.
    QTreeWidget* overdue = window->dashboard()->overdueTree();
    QTRY_VERIFY_WITH_TIMEOUT(!overdue->findItems(created->title, Qt::MatchExactly, 0).isEmpty(), kTimeoutMs);

    // The second case joins that action: the picker lists the actions of its category and item first.
    CaseViewWidget* secondView = openCaseView(*window, second);
    QVERIFY(secondView);
    secondView->addToImprovementAction()->trigger();
    ImprovementPickerDialog* picker = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((picker = findWindow<ImprovementPickerDialog>()) && !picker->isBusy(), kTimeoutMs);
    QVERIFY(picker->list()->topLevelItemCount() >= 1);
    QCOMPARE(picker->list()->topLevelItem(0)->text(0), created->title);
    QCOMPARE(picker->chosenId(), created->id);
    QPointer<ImprovementPickerDialog> guard = picker;
    QTest::mouseClick(child<QDialogButtonBox>(picker, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kTimeoutMs); // closed and deleted once added
    QCOMPARE(service.find(created->id)->linkedCases, 2);
    // Again: refused in the picker, which stays open.
    secondView->addToImprovementAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((picker = findWindow<ImprovementPickerDialog>()) && !picker->isBusy(), kTimeoutMs);
    QTest::mouseClick(child<QDialogButtonBox>(picker, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(picker, "errorLabel")->text().isEmpty(), kTimeoutMs);
    QVERIFY(child<QLabel>(picker, "errorLabel")->text().contains(QStringLiteral("is already linked")));
    QVERIFY(picker->isVisible());
    picker->reject();
    QCOMPARE(service.find(created->id)->linkedCases, 2);

    // A clerk sees no such button.
    const auto clerk = m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李四"), kPassword);
    QVERIFY(clerk);
    window.reset();
    auto clerkWindow = m_desk.showWindow(*clerk);
    QVERIFY(clerkWindow);
    CaseViewWidget* clerkView = openCaseView(*clerkWindow, first);
    QVERIFY(clerkView);
    QVERIFY(!child<QPushButton>(clerkView, "improvementButton")->isVisible());
}

void TestImprovementGui::registerRefreshesLive()
{
    // issue 14 (helper "polish"): another desk writes actions; the desk's NoticeWatcher sees the register's change
    // counter move and the register reloads in place (the selected action and the scroll position kept), the
    // dashboard's overdue panel with it.
    const Repositories repos = m_desk.repos();
    const auto other =
        m_desk.addUser(QStringLiteral("deputy"), Role::Supervisor, QStringLiteral("王副主任"), kPassword);
    QVERIFY(other);
    ImprovementService otherDesk(*other, repos, m_desk.clock());
    const QDate today = m_desk.clock().now().date();
    const qint64 owner = refId(repos, ReferenceKind::Department, QStringLiteral("综合受理科"));
    for (int i = 0; i < 40; ++i) {
        ImprovementDraft d;
        d.title = QStringLiteral("窗口服务整改 %1").arg(i, 2, 10, QLatin1Char('0'));
        d.ownerDepartmentId = owner;
        d.deadline = today.addDays(10 + i);
        QVERIFY(otherDesk.create(d).ok());
    }

    auto window = m_desk.showWindow(*m_chief);
    QVERIFY(window);
    auto* watcher = window->findChild<NoticeWatcher*>();
    QVERIFY(watcher);
    QTRY_VERIFY_WITH_TIMEOUT(watcher->isStarted(), kTimeoutMs);
    QVERIFY(openPage(*window, MainWindow::Page::Improvements));
    ImprovementRegisterWidget* reg = window->improvementRegister();
    QTRY_VERIFY_WITH_TIMEOUT(!reg->isLoading() && reg->model()->rowCount() >= 40, kTimeoutMs);
    const int rows = reg->model()->rowCount();
    QTableView* view = reg->view();
    QTRY_VERIFY_WITH_TIMEOUT(view->verticalScrollBar()->maximum() > 0, kTimeoutMs); // the geometry is laid out lazily
    const QModelIndex target = view->model()->index(rows - 8, ImprovementTableModel::Title);
    view->scrollTo(target);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(target).center());
    const qint64 selected = view->currentIndex().data(ImprovementTableModel::IdRole).toLongLong();
    QVERIFY(selected != 0);
    const int scroll = view->verticalScrollBar()->value();
    QVERIFY(scroll > 0);

    // Another desk adds an action due last (sorted below the selection) and one already overdue.
    ImprovementDraft late;
    late.title = QStringLiteral("社保卡补办材料一次性告知清单");
    late.ownerDepartmentId = owner;
    late.deadline = today.addDays(200);
    QVERIFY(otherDesk.create(late).ok());
    ImprovementDraft overdueDraft = late;
    overdueDraft.title = QStringLiteral("优化不动产登记窗口叫号分流");
    overdueDraft.deadline = today.addDays(-3);
    QVERIFY(otherDesk.create(overdueDraft).ok());
    QSignalSpy loaded(reg, &ImprovementRegisterWidget::loaded);
    watcher->check(); // what its tick (SQLite) or a NOTIFY (PostgreSQL) does
    QTRY_COMPARE_WITH_TIMEOUT(reg->model()->rowCount(), rows + 2, kTimeoutMs);
    QTRY_VERIFY(!loaded.isEmpty());
    QCOMPARE(view->currentIndex().data(ImprovementTableModel::IdRole).toLongLong(), selected);
    QCOMPARE(view->verticalScrollBar()->value(), scroll);
    QTreeWidget* overdue = window->dashboard()->overdueTree();
    QTRY_VERIFY_WITH_TIMEOUT(!overdue->findItems(overdueDraft.title, Qt::MatchExactly, 0).isEmpty(), kTimeoutMs);
}

QTEST_MAIN(TestImprovementGui)
#include "tst_improvement_gui.moc"
