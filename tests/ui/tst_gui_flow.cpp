#include "GuiTestSupport.h"
#include "admin/AddUserDialog.h"
#include "admin/UserAdminWidget.h"
#include "admin/UserTableModel.h"
#include "cases/CaseEvent.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseTableModel.h"
#include "cases/CaseViewWidget.h"
#include "common/AppSettings.h"
#include "intake/IntakeWizard.h"
#include "login/FirstAdminDialog.h"
#include "login/LoginDialog.h"
#include "training/TrainingLibraryWidget.h"
#include "mainwindow/MainWindow.h"
#include "services/AuthService.h"
#include "services/ReferenceService.h"
#include "services/UserService.h"
#include "settings/LanguageManager.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace GuiTest;

namespace {
const QString kAdminPassword = QStringLiteral("Admin-pass-2025");
const QString kClerkPassword = QStringLiteral("Clerk-pass-2025");
const QString kTrainerPassword = QStringLiteral("Trainer-pass-2025");

int rowWithSummary(QAbstractItemModel* model, const QString& text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, static_cast<int>(CaseTableModel::Column::Summary)).data().toString().contains(text)) {
            return row;
        }
    }
    return -1;
}
} // namespace

/**
 * The main flows through the real widgets, as a user drives them: keys and mouse clicks, no slot calls.
 * The test functions build on each other (first admin -> clerk account -> the clerk's case) and run in order.
 */
class TestGuiFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstAdminCreatesClerk();
    void clerkRecordsAndStartsCase();
    void wrongPasswordShowsError();
    void trainerSeesNoCases();

private:
    Desk m_desk;
};

void TestGuiFlow::initTestCase()
{
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestGuiFlow::firstAdminCreatesClerk()
{
    AuthService auth(m_desk.repos(), m_desk.clock(), m_desk.hasher());
    QVERIFY(auth.needsFirstAdmin().value());

    FirstAdminDialog first(m_desk.worker());
    first.show();
    QVERIFY(QTest::qWaitForWindowExposed(&first));
    auto* password = child<QLineEdit>(&first, "passwordLineEdit");
    auto* repeat = child<QLineEdit>(&first, "repeatPasswordLineEdit");
    auto* error = child<QLabel>(&first, "errorLabel");
    QTest::keyClicks(child<QLineEdit>(&first, "loginLineEdit"), QStringLiteral("admin"));
    typeText(child<QLineEdit>(&first, "displayNameLineEdit"), QStringLiteral("王主任"));

    // Two different passwords are refused before anything is stored.
    QTest::keyClicks(password, kAdminPassword);
    QTest::keyClicks(repeat, QStringLiteral("something-else"));
    QTest::keyClick(repeat, Qt::Key_Return);
    QVERIFY(first.isVisible());
    QVERIFY(error->isVisible());
    QVERIFY(auth.needsFirstAdmin().value());

    retype(password, kAdminPassword);
    QTest::keyClicks(repeat, kAdminPassword);
    QTest::keyClick(repeat, Qt::Key_Return);
    // Hashed and stored on the worker: the dialog says so and a second Enter is not a second attempt.
    QVERIFY(first.isChecking());
    QVERIFY(!child<QDialogButtonBox>(&first, "buttonBox")->isEnabled());
    QTest::keyClick(repeat, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!first.isChecking(), kTimeoutMs);
    QCOMPARE(first.result(), int(QDialog::Accepted));
    QVERIFY(first.session().has_value());
    QCOMPARE(first.session()->role(), std::optional<Role>(Role::Admin));
    QCOMPARE(first.session()->displayName(), QStringLiteral("王主任"));
    QVERIFY(!auth.needsFirstAdmin().value());

    const auto window = m_desk.showWindow(*first.session());
    QVERIFY(window);
    QCOMPARE(window->windowTitle(), QStringLiteral("Qingting 倾听台"));
    QVERIFY(!window->hasPage(MainWindow::Page::Cases));
    QVERIFY(window->hasPage(MainWindow::Page::Users));
    QVERIFY(window->hasPage(MainWindow::Page::ReferenceData));
    QVERIFY(window->hasPage(MainWindow::Page::AuditLog));
    QVERIFY(child<QLabel>(window.get(), "sessionLabel")->text().contains(Roles::label(Role::Admin)));

    // Go to Users with a click in the navigation list.
    QVERIFY(openPage(*window, MainWindow::Page::Users));

    auto* users = window->findChild<UserAdminWidget*>();
    QVERIFY(users);
    QVERIFY(users->model()->rowOfLogin(QStringLiteral("admin")) >= 0);
    QTest::mouseClick(child<QPushButton>(users, "addUserButton"), Qt::LeftButton);
    QPointer<AddUserDialog> add;
    QTRY_VERIFY_WITH_TIMEOUT((add = findWindow<AddUserDialog>()) != nullptr, kTimeoutMs);

    QTest::keyClicks(child<QLineEdit>(add, "loginLineEdit"), QStringLiteral("clerk1"));
    typeText(child<QLineEdit>(add, "displayNameLineEdit"), QStringLiteral("李窗口"));
    QCOMPARE(child<QComboBox>(add, "roleComboBox")->currentText(), Roles::label(Role::Clerk));
    QTest::keyClicks(child<QLineEdit>(add, "passwordLineEdit"), kClerkPassword);
    auto* addRepeat = child<QLineEdit>(add, "repeatPasswordLineEdit");
    QTest::keyClicks(addRepeat, kClerkPassword);
    QTest::keyClick(addRepeat, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(add.isNull() || !add->isVisible(), kTimeoutMs);

    const int row = users->model()->rowOfLogin(QStringLiteral("clerk1"));
    QVERIFY(row >= 0);
    QCOMPARE(users->model()->itemAt(row)->role, Role::Clerk);
    QCOMPARE(users->model()->itemAt(row)->displayName, QStringLiteral("李窗口"));
    window->close();
}

void TestGuiFlow::clerkRecordsAndStartsCase()
{
    const auto session = m_desk.logIn(QStringLiteral("clerk1"), kClerkPassword);
    QVERIFY(session.has_value());
    QCOMPARE(session->role(), std::optional<Role>(Role::Clerk));
    QCOMPARE(m_desk.settings().string(AppSettings::Key::LastLogin), QStringLiteral("clerk1"));

    const auto window = m_desk.showWindow(*session);
    QVERIFY(window);
    QVERIFY(window->hasPage(MainWindow::Page::Cases));
    QVERIFY(!window->hasPage(MainWindow::Page::Users));
    QVERIFY(!window->hasPage(MainWindow::Page::ReferenceData));
    QCOMPARE(window->currentPage(), MainWindow::Page::Cases);

    auto* table = child<QTableView>(window.get(), "caseTableView");
    QVERIFY(table);
    auto* list = window->findChild<CaseListWidget*>();
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading(), kTimeoutMs);
    QCOMPARE(table->model()->rowCount(), 0);

    // Record a complaint through the guided intake.
    QTest::mouseClick(child<QPushButton>(window.get(), "newCaseButton"), Qt::LeftButton);
    QPointer<IntakeWizard> intake;
    QTRY_VERIFY_WITH_TIMEOUT((intake = findWindow<IntakeWizard>()) != nullptr, kTimeoutMs);
    QApplication::setActiveWindow(intake);
    QVERIFY(QTest::qWaitForWindowActive(intake));

    auto* category = child<QComboBox>(intake, "categoryComboBox");
    QTest::keyClick(category, Qt::Key_Down); // from "Not specified" to the first category
    QCOMPARE(category->currentText(), QStringLiteral("服务态度"));
    auto* waited = child<QSpinBox>(intake, "waitedMinutesSpinBox");
    QTest::keyClick(waited, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(waited, QStringLiteral("120"));
    QCOMPARE(waited->value(), 120);

    const QString complaint = QStringLiteral("等了两个小时没人叫号，态度也很差");
    auto* complaintEdit = child<QPlainTextEdit>(intake, "complaintTextEdit");
    typeText(complaintEdit, complaint);
    QCOMPARE(complaintEdit->toPlainText(), complaint);

    // A page with a mistake is not left and loses nothing: the reason shows next to the field.
    auto* phone = child<QLineEdit>(intake, "citizenPhoneLineEdit");
    QTest::keyClicks(phone, QStringLiteral("12345"));
    QTest::keyClick(phone, Qt::Key_Return, Qt::ControlModifier);
    auto* phoneError = child<QLabel>(intake, "citizenPhoneLineEditErrorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(phoneError->isVisible(), kTimeoutMs);
    QVERIFY(!phoneError->text().isEmpty());
    QCOMPARE(intake->currentId(), int(IntakeWizard::ListenPageId));
    QCOMPARE(complaintEdit->toPlainText(), complaint);
    QCOMPARE(category->currentText(), QStringLiteral("服务态度"));
    QCOMPARE(waited->value(), 120);

    // Anonymous, then: clear the phone number, complete the intake with the citizen and save it.
    QTest::keyClick(phone, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(phone, Qt::Key_Backspace);
    QVERIFY(phone->text().isEmpty());
    ReferenceService reference(*session, m_desk.repos(), m_desk.clock());
    intake->restore(completedIntake(intake->state(), reference, m_desk.clock().now()));
    QTest::mouseClick(intake->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(intake->savedCase().has_value(), kTimeoutMs);
    QTest::mouseClick(intake->button(QWizard::FinishButton), Qt::LeftButton); // "Close"
    QTRY_VERIFY_WITH_TIMEOUT(intake.isNull() || !intake->isVisible(), kTimeoutMs);

    // The new case shows in the list; open it with a double click.
    QTRY_VERIFY_WITH_TIMEOUT(rowWithSummary(table->model(), complaint) >= 0, kTimeoutMs);
    const int row = rowWithSummary(table->model(), complaint);
    const QModelIndex index = table->model()->index(row, static_cast<int>(CaseTableModel::Column::CaseNo));
    // The intake acknowledged the citizen: the case starts as acknowledged.
    QCOMPARE(table->model()->index(row, static_cast<int>(CaseTableModel::Column::Status)).data().toString(),
             CaseStatuses::label(CaseStatus::Acknowledged));
    table->scrollTo(index);
    const QPoint where = table->visualRect(index).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, where);

    QPointer<CaseViewWidget> view;
    QTRY_VERIFY_WITH_TIMEOUT((view = window->findChild<CaseViewWidget*>()) != nullptr, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(view->isVisible(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), kTimeoutMs);
    QCOMPARE(view->currentCase().complaintText, complaint);
    QCOMPARE(view->currentCase().waitedMinutes, std::optional<int>(120));
    QCOMPARE(child<QPlainTextEdit>(view, "complaintPlainTextEdit")->toPlainText(), complaint);
    QVERIFY(child<QLabel>(view, "citizenNoteLabel")->isVisible()); // anonymous: nothing to show
    auto* timeline = child<QTreeWidget>(view, "timelineTreeWidget");
    // Each confirmation of the intake is on the timeline.
    QStringList kinds;
    for (int i = 0; i < timeline->topLevelItemCount(); ++i) {
        kinds << timeline->topLevelItem(i)->text(2);
    }
    for (CaseEventKind kind : {CaseEventKind::Acknowledged, CaseEventKind::FactsConfirmed,
                               CaseEventKind::ImpactConfirmed, CaseEventKind::StepsConfirmed}) {
        QVERIFY2(kinds.contains(CaseEventKinds::label(kind)), qPrintable(kinds.join(QLatin1Char(','))));
    }
    const int events = timeline->topLevelItemCount();
    QVERIFY(child<QPushButton>(view, "acknowledgeActionButton") == nullptr);

    // Start working on it through the case's own button.
    auto* start = child<QPushButton>(view, "startActionButton");
    QVERIFY(start);
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(timeline->topLevelItemCount(), events + 1, kTimeoutMs);
    QCOMPARE(view->currentCase().status, CaseStatus::InProgress);
    QCOMPARE(timeline->topLevelItem(events)->text(2), CaseEventKinds::label(CaseEventKind::Started));
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(view, "startActionButton") == nullptr, kTimeoutMs);

    // The list shows the new status without a reload.
    QCOMPARE(table->model()->index(row, static_cast<int>(CaseTableModel::Column::Status)).data().toString(),
             CaseStatuses::label(CaseStatus::InProgress));
    window->close();
}

void TestGuiFlow::wrongPasswordShowsError()
{
    LoginDialog dialog(m_desk.worker(), m_desk.settings());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* loginEdit = child<QLineEdit>(&dialog, "loginLineEdit");
    auto* passwordEdit = child<QLineEdit>(&dialog, "passwordLineEdit");
    auto* error = child<QLabel>(&dialog, "errorLabel");
    QCOMPARE(loginEdit->text(), QStringLiteral("clerk1")); // remembered from the last login
    QVERIFY(!error->isVisible());

    QTest::keyClicks(passwordEdit, QStringLiteral("not-the-password"));
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    // Argon2 runs on the worker: the dialog says it is checking, and the password cannot be sent twice.
    QVERIFY(dialog.isChecking());
    QVERIFY(!passwordEdit->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isChecking(), kTimeoutMs);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(!dialog.session().has_value());
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kTimeoutMs);
    QVERIFY(!error->text().isEmpty());
    QVERIFY(passwordEdit->text().isEmpty());
}

void TestGuiFlow::trainerSeesNoCases()
{
    QVERIFY(m_desk.addUser(QStringLiteral("trainer1"), Role::Trainer, QStringLiteral("赵培训"), kTrainerPassword)
                .has_value());

    const auto session = m_desk.logIn(QStringLiteral("trainer1"), kTrainerPassword);
    QVERIFY(session.has_value());
    QCOMPARE(session->role(), std::optional<Role>(Role::Trainer));

    const auto window = m_desk.showWindow(*session);
    QVERIFY(window);
    QVERIFY(!window->hasPage(MainWindow::Page::Cases));
    QVERIFY(!window->hasPage(MainWindow::Page::Users));
    QVERIFY(!window->hasPage(MainWindow::Page::AuditLog));
    QVERIFY(window->hasPage(MainWindow::Page::Training));
    QVERIFY(window->hasPage(MainWindow::Page::Settings));
    QCOMPARE(window->currentPage(), MainWindow::Page::Training);
    QVERIFY(window->caseWorkspace() == nullptr);
    QVERIFY(window->findChild<QTableView*>(QStringLiteral("caseTableView")) == nullptr);
    QVERIFY(window->findChild<TrainingLibraryWidget*>()); // anonymized training cases only
    QCOMPARE(child<QListWidget>(window.get(), "navigationListWidget")->count(), 2);

    // Settings are open to every role: choosing a language stores it and applies it at once.
    QVERIFY(window->showPage(MainWindow::Page::Settings));
    auto* language = child<QComboBox>(window.get(), "languageComboBox");
    QCOMPARE(language->currentIndex(), 0); // system default
    QTest::keyClick(language, Qt::Key_End);
    QCOMPARE(language->currentData().toString(), QStringLiteral("en"));
    QCOMPARE(m_desk.settings().string(AppSettings::Key::Language), QStringLiteral("en"));
    QCOMPARE(LanguageManager::current(), QStringLiteral("en"));
    window->close();
}

QTEST_MAIN(TestGuiFlow)
#include "tst_gui_flow.moc"
