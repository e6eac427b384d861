#include "GuiTestSupport.h"
#include "admin/ReferenceDataWidget.h"
#include "admin/ReferenceItemModel.h"
#include "admin/ReferenceNameDialog.h"
#include "cases/CaseTableModel.h"
#include "intake/IntakeWizard.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <vector>

using namespace GuiTest;
using Column = ReferenceItemModel::Column;

namespace {
ReferenceItem item(ReferenceKind kind, qint64 id, const QString& name, qint64 parentId = 0, bool active = true)
{
    ReferenceItem i;
    i.kind = kind;
    i.id = id;
    i.name = name;
    i.parentId = parentId;
    i.active = active;
    return i;
}

QStringList comboTexts(const QComboBox* combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i) {
        texts << combo->itemText(i);
    }
    return texts;
}
} // namespace

/**
 * The Reference data page and its model: an admin adds, renames, deactivates and reactivates entries through the
 * real widgets, and the intake form a clerk opens afterwards offers exactly the active ones.
 */
class TestReferenceData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelShowsCategoryTree();
    void modelIsFlatForOtherKinds();
    void adminEditsAndIntakeFollows();

private:
    /** Clicks the row of the item named so (under parentId) in the page's view of the kind. */
    void clickItem(ReferenceDataWidget* page, ReferenceKind kind, const QString& name, qint64 parentId = 0);
    void clickTab(ReferenceDataWidget* page, int tab);
    /** Opens the name dialog with the button, types the name over what it holds and presses Enter. */
    QPointer<ReferenceNameDialog> enterName(QPushButton* button, const QString& name);
    qint64 idOf(ReferenceKind kind, const QString& name);

    Desk m_desk;
};

void TestReferenceData::initTestCase()
{
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

qint64 TestReferenceData::idOf(ReferenceKind kind, const QString& name)
{
    ReferenceService reference(Session::commandLine(), m_desk.repos(), m_desk.clock());
    const auto items = reference.list(kind, true);
    if (items) {
        for (const auto& i : *items) {
            if (i.name == name) {
                return i.id;
            }
        }
    }
    return 0;
}

void TestReferenceData::modelShowsCategoryTree()
{
    ReferenceItemModel model(ReferenceKind::Category);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    const auto c = ReferenceKind::Category;
    model.setItems({item(c, 1, QStringLiteral("服务态度")), item(c, 2, QStringLiteral("收费")),
                    item(c, 3, QStringLiteral("态度生硬"), 1), item(c, 4, QStringLiteral("推诿"), 1, false),
                    item(c, 5, QStringLiteral("无主类别"), 99), item(c, 6, QStringLiteral("乱收费"), 2)});
    QCOMPARE(model.columnCount(), ReferenceItemModel::kColumnCount);
    QCOMPARE(model.rowCount(), 3); // two top-level categories and one whose parent is missing
    const QModelIndex attitude = model.indexOfId(1);
    QCOMPARE(attitude.data().toString(), QStringLiteral("服务态度"));
    QCOMPARE(model.rowCount(attitude), 2);
    QCOMPARE(model.rowCount(model.index(attitude.row(), int(Column::Status))), 0);

    const QModelIndex inactive = model.indexOfId(4);
    QCOMPARE(inactive.parent(), attitude);
    QCOMPARE(inactive.row(), 1);
    QCOMPARE(model.indexOfName(QStringLiteral("推诿"), 1), inactive);
    QVERIFY(!model.indexOfName(QStringLiteral("推诿")).isValid());
    QCOMPARE(inactive.data(ReferenceItemModel::ActiveRole).toBool(), false);
    QCOMPARE(inactive.data(ReferenceItemModel::ParentIdRole).toLongLong(), qint64(1));
    QVERIFY(inactive.data(Qt::ForegroundRole).isValid()); // greyed
    QVERIFY(!model.indexOfId(3).data(Qt::ForegroundRole).isValid());
    QCOMPARE(inactive.siblingAtColumn(int(Column::Status)).data().toString(), ReferenceItemModel::tr("Inactive"));
    QCOMPARE(model.indexOfId(3).siblingAtColumn(int(Column::Status)).data().toString(),
             ReferenceItemModel::tr("Active"));
    QCOMPARE(model.itemAt(model.indexOfId(6))->name, QStringLiteral("乱收费"));
    QCOMPARE(model.indexOfId(6).parent(), model.indexOfId(2));
    QVERIFY(!model.indexOfId(5).parent().isValid());
    QVERIFY(!model.indexOfId(42).isValid());
    QVERIFY(model.itemAt(QModelIndex()) == nullptr);

    // A reload replaces everything (the tester checks the reset).
    model.setItems({item(c, 2, QStringLiteral("收费")), item(c, 6, QStringLiteral("乱收费"), 2)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.indexOfId(2)), 1);
    model.retranslate();
    model.setItems({});
    QCOMPARE(model.rowCount(), 0);
}

void TestReferenceData::modelIsFlatForOtherKinds()
{
    ReferenceService reference(Session::commandLine(), m_desk.repos(), m_desk.clock());
    for (ReferenceKind kind :
         {ReferenceKind::Window, ReferenceKind::Department, ReferenceKind::ServiceItem, ReferenceKind::Category}) {
        ReferenceItemModel model(kind);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto items = reference.list(kind, true);
        QVERIFY(items.ok());
        model.setItems(*items);
        QCOMPARE(model.rowCount(), int(items->size())); // the seeded data has no sub-categories
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            QCOMPARE(model.rowCount(index), 0);
            QCOMPARE(index.data().toString(), items->at(row).name);
            QCOMPARE(index.data(ReferenceItemModel::IdRole).toLongLong(), items->at(row).id);
        }
    }
}

void TestReferenceData::clickTab(ReferenceDataWidget* page, int tab)
{
    auto* tabs = child<QTabWidget>(page, "referenceTabWidget");
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(tab).center());
}

void TestReferenceData::clickItem(ReferenceDataWidget* page, ReferenceKind kind, const QString& name, qint64 parentId)
{
    QTreeView* view = page->view(kind);
    const QModelIndex index = page->model(kind)->indexOfName(name, parentId);
    QVERIFY2(index.isValid(), qPrintable(name));
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(view->currentIndex().siblingAtColumn(0), index);
}

QPointer<ReferenceNameDialog> TestReferenceData::enterName(QPushButton* button, const QString& name)
{
    QPointer<ReferenceNameDialog> dialog;
    if (!button->isVisible() || !button->isEnabled()) {
        return dialog;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return (dialog = findWindow<ReferenceNameDialog>()) != nullptr; }, kTimeoutMs)) {
        return dialog;
    }
    auto* edit = child<QLineEdit>(dialog, "nameLineEdit");
    retype(edit, name);
    QTest::keyClick(edit, Qt::Key_Return);
    return dialog;
}

void TestReferenceData::adminEditsAndIntakeFollows()
{
    const auto adminSession = m_desk.addUser(QStringLiteral("admin"), Role::Admin, QStringLiteral("王主任"),
                                             QStringLiteral("Admin-pass-2025"));
    const auto clerkSession = m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李窗口"),
                                             QStringLiteral("Clerk-pass-2025"));
    QVERIFY(adminSession && clerkSession);

    // A case recorded at window 5 before that window closes.
    const QString oldComplaint = QStringLiteral("五号窗口午休时无人值守");
    {
        CaseService cases(*clerkSession, m_desk.repos(), m_desk.clock());
        CaseDraft draft;
        draft.windowId = idOf(ReferenceKind::Window, QStringLiteral("5号窗口"));
        QVERIFY(draft.windowId != 0);
        draft.complaintText = oldComplaint;
        QVERIFY(cases.create(draft).ok());
    }

    const auto window = m_desk.showWindow(*adminSession);
    QVERIFY(window);
    QVERIFY(window->hasPage(MainWindow::Page::ReferenceData));
    QVERIFY(openPage(*window, MainWindow::Page::ReferenceData));
    auto* page = window->findChild<ReferenceDataWidget*>();
    QVERIFY(page);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (ReferenceKind kind :
         {ReferenceKind::Window, ReferenceKind::Department, ReferenceKind::ServiceItem, ReferenceKind::Category}) {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            page->model(kind), QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    auto* add = child<QPushButton>(page, "addButton");
    auto* addSub = child<QPushButton>(page, "addSubCategoryButton");
    auto* rename = child<QPushButton>(page, "renameButton");
    auto* toggle = child<QPushButton>(page, "toggleActiveButton");
    auto* message = child<QLabel>(page, "messageLabel");
    auto* error = child<QLabel>(page, "errorLabel");
    QCOMPARE(page->currentKind(), ReferenceKind::Window);
    QVERIFY(!addSub->isVisible());
    QVERIFY(!rename->isEnabled());
    QVERIFY(!error->isVisible());

    // Add a window.
    const QString newWindow = QStringLiteral("6号窗口");
    QPointer<ReferenceNameDialog> dialog = enterName(add, newWindow);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    ReferenceItemModel* windows = page->model(ReferenceKind::Window);
    QVERIFY(windows->indexOfName(newWindow).isValid());
    QVERIFY(windows->indexOfName(newWindow).data(ReferenceItemModel::ActiveRole).toBool());
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(newWindow));

    // A name that exists is refused inside the dialog, which keeps what was typed.
    dialog = enterName(add, QStringLiteral("1号窗口"));
    QVERIFY(dialog);
    auto* dialogError = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(dialogError->isVisible(), kTimeoutMs);
    QVERIFY(dialogError->text().contains(QStringLiteral("1号窗口")));
    QVERIFY(dialog->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, "nameLineEdit")->text(), QStringLiteral("1号窗口"));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    QCOMPARE(windows->rowCount(), 7);

    // Deactivate window 5: it stays in the list, greyed, and can be reactivated.
    clickItem(page, ReferenceKind::Window, QStringLiteral("5号窗口"));
    QCOMPARE(toggle->text(), ReferenceDataWidget::tr("&Deactivate"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        !windows->indexOfName(QStringLiteral("5号窗口")).data(ReferenceItemModel::ActiveRole).toBool(), kTimeoutMs);
    QVERIFY(windows->indexOfName(QStringLiteral("5号窗口")).data(Qt::ForegroundRole).isValid());
    QCOMPARE(windows->rowCount(), 7);
    QCOMPARE(toggle->text(), ReferenceDataWidget::tr("Reac&tivate"));
    QVERIFY(!error->isVisible());

    // Window 4 goes and comes back.
    clickItem(page, ReferenceKind::Window, QStringLiteral("4号窗口"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        !windows->indexOfName(QStringLiteral("4号窗口")).data(ReferenceItemModel::ActiveRole).toBool(), kTimeoutMs);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        windows->indexOfName(QStringLiteral("4号窗口")).data(ReferenceItemModel::ActiveRole).toBool(), kTimeoutMs);
    QCOMPARE(toggle->text(), ReferenceDataWidget::tr("&Deactivate"));

    // Rename a department on its tab.
    clickTab(page, 1);
    QTRY_COMPARE_WITH_TIMEOUT(page->currentKind(), ReferenceKind::Department, kTimeoutMs);
    clickItem(page, ReferenceKind::Department, QStringLiteral("后勤保障科"));
    dialog = enterName(rename, QStringLiteral("后勤服务科"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    ReferenceItemModel* departments = page->model(ReferenceKind::Department);
    QVERIFY(departments->indexOfName(QStringLiteral("后勤服务科")).isValid());
    QVERIFY(!departments->indexOfName(QStringLiteral("后勤保障科")).isValid());
    QVERIFY(message->text().contains(QStringLiteral("后勤服务科")));

    // A sub-category under 服务态度, on the categories tab.
    clickTab(page, 3);
    QTRY_COMPARE_WITH_TIMEOUT(page->currentKind(), ReferenceKind::Category, kTimeoutMs);
    QVERIFY(addSub->isVisible());
    QVERIFY(!addSub->isEnabled());
    const QString attitude = QStringLiteral("服务态度");
    const QString rude = QStringLiteral("态度生硬");
    clickItem(page, ReferenceKind::Category, attitude);
    QVERIFY(addSub->isEnabled());
    dialog = enterName(addSub, rude);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    ReferenceItemModel* categories = page->model(ReferenceKind::Category);
    const qint64 attitudeId = idOf(ReferenceKind::Category, attitude);
    const QModelIndex sub = categories->indexOfName(rude, attitudeId);
    QVERIFY(sub.isValid());
    QCOMPARE(sub.parent(), categories->indexOfName(attitude));
    QVERIFY(page->view(ReferenceKind::Category)->isExpanded(sub.parent()));
    QCOMPARE(page->view(ReferenceKind::Category)->currentIndex().siblingAtColumn(0), sub);
    QVERIFY(!addSub->isEnabled()); // two levels only
    QCOMPARE(categories->rowCount(), 8);
    window->close();

    // The clerk's intake form offers the new entries and no longer the deactivated window.
    const auto clerkWindow = m_desk.showWindow(*clerkSession);
    QVERIFY(clerkWindow);
    auto* table = child<QTableView>(clerkWindow.get(), "caseTableView");
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, kTimeoutMs); // the list loads on the database worker
    // The case recorded at window 5 keeps it.
    QCOMPARE(table->model()->index(0, int(CaseTableModel::Column::Window)).data().toString(),
             QStringLiteral("5号窗口"));

    QTest::mouseClick(child<QPushButton>(clerkWindow.get(), "newCaseButton"), Qt::LeftButton);
    QPointer<IntakeWizard> intake;
    QTRY_VERIFY_WITH_TIMEOUT((intake = findWindow<IntakeWizard>()) != nullptr, kTimeoutMs);
    auto* windowCombo = child<QComboBox>(intake, "windowComboBox");
    const QStringList windowChoices = comboTexts(windowCombo);
    QVERIFY2(windowChoices.contains(newWindow), qPrintable(windowChoices.join(QLatin1Char(','))));
    QVERIFY(windowChoices.contains(QStringLiteral("4号窗口")));
    QVERIFY(!windowChoices.contains(QStringLiteral("5号窗口")));
    const QStringList categoryChoices = comboTexts(child<QComboBox>(intake, "categoryComboBox"));
    QVERIFY2(categoryChoices.contains(attitude + QStringLiteral(" / ") + rude),
             qPrintable(categoryChoices.join(QLatin1Char(','))));
    const QStringList departmentChoices = comboTexts(child<QComboBox>(intake, "departmentComboBox"));
    QVERIFY(departmentChoices.contains(QStringLiteral("后勤服务科")));
    QVERIFY(!departmentChoices.contains(QStringLiteral("后勤保障科")));

    // Record a case at the new window, chosen with the keyboard.
    for (int i = 0; i < windowCombo->count() && windowCombo->currentText() != newWindow; ++i) {
        QTest::keyClick(windowCombo, Qt::Key_Down);
    }
    QCOMPARE(windowCombo->currentText(), newWindow);
    const QString complaint = QStringLiteral("新开的6号窗口没有叫号屏");
    typeText(child<QPlainTextEdit>(intake, "complaintTextEdit"), complaint);
    // The rest of the intake as the clerk completes it with the citizen; then save and close.
    ReferenceService reference(*clerkSession, m_desk.repos(), m_desk.clock());
    intake->restore(completedIntake(intake->state(), reference, m_desk.clock().now()));
    QTest::mouseClick(intake->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(intake->savedCase().has_value(), kTimeoutMs);
    QCOMPARE(intake->savedCase()->window.id, windowCombo->currentData().toLongLong());
    QTest::mouseClick(intake->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(intake.isNull() || !intake->isVisible(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, kTimeoutMs);
    bool found = false;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, int(CaseTableModel::Column::Summary)).data().toString() == complaint) {
            QCOMPARE(table->model()->index(row, int(CaseTableModel::Column::Window)).data().toString(), newWindow);
            found = true;
        }
    }
    QVERIFY(found);
    clerkWindow->close();
}

QTEST_MAIN(TestReferenceData)
#include "tst_referencedata.moc"
