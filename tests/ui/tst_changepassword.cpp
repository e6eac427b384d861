#include "GuiTestSupport.h"
#include "services/UserService.h"
#include "settings/SettingsWidget.h"
#include "users/PasswordHasher.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace GuiTest;

namespace {
const QString kOldPassword = QStringLiteral("Clerk-pass-2025");
const QString kNewPassword = QStringLiteral("Clerk-new-2026");
} // namespace

/** Settings ▸ Change my password, as a clerk types it: refused attempts say why, the accepted one takes effect. */
class TestChangePassword : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyRoleHasTheGroup_data();
    void everyRoleHasTheGroup();
    void clerkChangesOwnPassword();

private:
    Desk m_desk;
};

void TestChangePassword::initTestCase()
{
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李窗口"), kOldPassword).has_value());
}

void TestChangePassword::everyRoleHasTheGroup_data()
{
    QTest::addColumn<int>("role");
    for (Role role : Roles::all()) {
        QTest::newRow(qPrintable(Roles::code(role))) << static_cast<int>(role);
    }
}

void TestChangePassword::everyRoleHasTheGroup()
{
    QFETCH(int, role);
    const Session session =
        Session::forUser(1, QStringLiteral("someone"), QStringLiteral("某人"), static_cast<Role>(role));
    const auto window = m_desk.showWindow(session);
    QVERIFY(window);
    QVERIFY(openPage(*window, MainWindow::Page::Settings));
    auto* group = child<QGroupBox>(window.get(), "passwordGroupBox");
    QVERIFY(group);
    QVERIFY(group->isVisible());
    QVERIFY(!child<QLabel>(group, "passwordErrorLabel")->isVisible());
    QVERIFY(!child<QLabel>(group, "passwordMessageLabel")->isVisible());
    window->close();
}

void TestChangePassword::clerkChangesOwnPassword()
{
    const auto session = m_desk.logIn(QStringLiteral("clerk1"), kOldPassword);
    QVERIFY(session.has_value());

    const auto window = m_desk.showWindow(*session);
    QVERIFY(window);
    QSignalSpy loggedOut(window.get(), &MainWindow::logoutRequested);
    QVERIFY(openPage(*window, MainWindow::Page::Settings));

    auto* current = child<QLineEdit>(window.get(), "currentPasswordLineEdit");
    auto* password = child<QLineEdit>(window.get(), "newPasswordLineEdit");
    auto* repeat = child<QLineEdit>(window.get(), "repeatPasswordLineEdit");
    auto* change = child<QPushButton>(window.get(), "changePasswordButton");
    auto* error = child<QLabel>(window.get(), "passwordErrorLabel");
    auto* message = child<QLabel>(window.get(), "passwordMessageLabel");
    auto* page = window->findChild<SettingsWidget*>();
    QVERIFY(current && password && repeat && change && error && message && page);
    QCOMPARE(current->echoMode(), QLineEdit::Password);

    // A wrong current password: the service refuses, the form says so and asks for it again.
    QTest::keyClicks(current, QStringLiteral("not-my-password"));
    QTest::keyClick(current, Qt::Key_Return); // moves on to the new password
    QVERIFY(password->hasFocus());
    QTest::keyClicks(password, kNewPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(repeat->hasFocus());
    QTest::keyClicks(repeat, kNewPassword);
    QTest::mouseClick(change, Qt::LeftButton);
    // Checked on the worker: the form says so and takes no second submit meanwhile.
    QVERIFY(page->isChangingPassword());
    QVERIFY(!change->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isChangingPassword(), kTimeoutMs);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), UserService::tr("The current password is wrong."));
    QVERIFY(!message->isVisible());
    QVERIFY(current->text().isEmpty());
    QVERIFY(current->hasFocus());

    // A short new password is refused before the service is asked, for the reason the service would give.
    QTest::keyClicks(current, kOldPassword);
    retype(password, QStringLiteral("short"));
    retype(repeat, QStringLiteral("short"));
    QTest::keyClick(repeat, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), PasswordHasher::weakness(QStringLiteral("short")).value_or(QString()));
    QVERIFY(repeat->text().isEmpty());
    QVERIFY(password->hasFocus());
    QCOMPARE(current->text(), kOldPassword);

    // So are two different new passwords.
    retype(password, kNewPassword);
    retype(repeat, QStringLiteral("Clerk-typo-2026"));
    QTest::keyClick(repeat, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QLatin1String("differ")));
    QVERIFY(repeat->text().isEmpty());

    // Right this time: a success message, the error gone and every field empty.
    QTest::keyClicks(repeat, kNewPassword);
    QTest::keyClick(repeat, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isChangingPassword(), kTimeoutMs);
    QVERIFY(message->isVisible());
    QVERIFY(!message->text().isEmpty());
    QVERIFY(!error->isVisible());
    QVERIFY(current->text().isEmpty());
    QVERIFY(password->text().isEmpty());
    QVERIFY(repeat->text().isEmpty());

    // File ▸ Log out, with its shortcut.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), kTimeoutMs);

    // The old password no longer opens the desk; the new one does.
    QVERIFY(!m_desk.logIn(QStringLiteral("clerk1"), kOldPassword).has_value());
    const auto again = m_desk.logIn(QStringLiteral("clerk1"), kNewPassword);
    QVERIFY(again.has_value());
    QCOMPARE(again->login(), QStringLiteral("clerk1"));
}

QTEST_MAIN(TestChangePassword)
#include "tst_changepassword.moc"
