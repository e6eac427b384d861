#include "Database.h"
#include "GuiTestSupport.h"
#include "common/AppSettings.h"
#include "common/Clock.h"
#include "login/LoginDialog.h"
#include "mainwindow/MainWindow.h"
#include "services/AuthService.h"
#include "services/UserService.h"
#include "users/PasswordHasher.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
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
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AppSettings> m_settings;
    FixedClock m_clock{QDateTime(QDate(2025, 6, 2), QTime(9, 30))};
    PasswordHasher m_hasher{PasswordHasher::Strength::Minimal};
};

void TestChangePassword::initTestCase()
{
    quietOffscreenWarnings();
    QVERIFY(m_dir.isValid());
    auto opened = Database::open(DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("desk.sqlite"))));
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    m_db = std::move(opened).value();
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    UserService admin(Session::commandLine(), m_db->repositories(), m_clock, m_hasher);
    QVERIFY(admin.add(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李窗口"), kOldPassword).ok());
}

void TestChangePassword::cleanupTestCase()
{
    m_settings.reset();
    m_db.reset();
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
    MainWindow window(session, m_db->repositories(), m_clock, m_hasher, *m_settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(clickPage(window, MainWindow::Page::Settings));
    QTRY_COMPARE_WITH_TIMEOUT(window.currentPage(), MainWindow::Page::Settings, kTimeoutMs);
    auto* group = child<QGroupBox>(&window, "passwordGroupBox");
    QVERIFY(group);
    QVERIFY(group->isVisible());
    QVERIFY(!child<QLabel>(group, "passwordErrorLabel")->isVisible());
    QVERIFY(!child<QLabel>(group, "passwordMessageLabel")->isVisible());
    window.close();
}

void TestChangePassword::clerkChangesOwnPassword()
{
    AuthService auth(m_db->repositories(), m_clock, m_hasher);
    const auto session = logIn(auth, *m_settings, QStringLiteral("clerk1"), kOldPassword);
    QVERIFY(session.has_value());

    MainWindow window(*session, m_db->repositories(), m_clock, m_hasher, *m_settings);
    QSignalSpy loggedOut(&window, &MainWindow::logoutRequested);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(clickPage(window, MainWindow::Page::Settings));
    QTRY_COMPARE_WITH_TIMEOUT(window.currentPage(), MainWindow::Page::Settings, kTimeoutMs);

    auto* current = child<QLineEdit>(&window, "currentPasswordLineEdit");
    auto* password = child<QLineEdit>(&window, "newPasswordLineEdit");
    auto* repeat = child<QLineEdit>(&window, "repeatPasswordLineEdit");
    auto* change = child<QPushButton>(&window, "changePasswordButton");
    auto* error = child<QLabel>(&window, "passwordErrorLabel");
    auto* message = child<QLabel>(&window, "passwordMessageLabel");
    QVERIFY(current && password && repeat && change && error && message);
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
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kTimeoutMs);
    QCOMPARE(error->text(), UserService::tr("The current password is wrong."));
    QVERIFY(!message->isVisible());
    QVERIFY(current->text().isEmpty());
    QVERIFY(current->hasFocus());

    // Two different new passwords are refused before the service is asked.
    QTest::keyClicks(current, kOldPassword);
    retype(password, kNewPassword);
    retype(repeat, QStringLiteral("Clerk-typo-2026"));
    QTest::keyClick(repeat, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QLatin1String("differ")));
    QVERIFY(repeat->text().isEmpty());

    // Right this time: a success message, the error gone and every field empty.
    QTest::keyClicks(repeat, kNewPassword);
    QTest::keyClick(repeat, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), kTimeoutMs);
    QVERIFY(!message->text().isEmpty());
    QVERIFY(!error->isVisible());
    QVERIFY(current->text().isEmpty());
    QVERIFY(password->text().isEmpty());
    QVERIFY(repeat->text().isEmpty());

    // File ▸ Log out, with its shortcut.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), kTimeoutMs);

    // The old password no longer opens the desk; the new one does.
    QVERIFY(!logIn(auth, *m_settings, QStringLiteral("clerk1"), kOldPassword).has_value());
    const auto again = logIn(auth, *m_settings, QStringLiteral("clerk1"), kNewPassword);
    QVERIFY(again.has_value());
    QCOMPARE(again->login(), QStringLiteral("clerk1"));
}

QTEST_MAIN(TestChangePassword)
#include "tst_changepassword.moc"
