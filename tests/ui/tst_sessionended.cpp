#include "GuiTestSupport.h"
#include "services/UserService.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QTest>

using namespace GuiTest;

/** A clerk disabled while the window is open is told at their next action: the window asks for a new login. */
class TestSessionEnded : public QObject
{
    Q_OBJECT

private slots:
    void disablingAClerkEndsTheirWindow()
    {
        quietOffscreenWarnings();
        Desk desk;
        const QString problem = desk.open();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto admin = desk.addUser(QStringLiteral("root"), Role::Admin, QStringLiteral("管理员"),
                                        QStringLiteral("Admin-pass-2026"));
        const auto clerk = desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李窗口"),
                                        QStringLiteral("Clerk-pass-2026"));
        QVERIFY(admin && clerk);
        const auto window = desk.showWindow(*clerk);
        QVERIFY(window);
        QSignalSpy ended(window.get(), &MainWindow::sessionEnded);
        QVERIFY(openPage(*window, MainWindow::Page::Cases));
        QTest::qWait(50);
        QCOMPARE(ended.count(), 0);

        UserService users(*admin, desk.repos(), desk.clock(), desk.hasher());
        QVERIFY(users.disable(QStringLiteral("clerk1")).ok());
        // The clerk's next action (a filter change reloads the list) finds the account disabled.
        auto* mine = child<QCheckBox>(window.get(), "assignedToMeCheckBox");
        QVERIFY(mine);
        mine->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeoutMs);
        QVERIFY(!ended.first().first().toString().isEmpty());
        // Told once, however many calls fail after it.
        mine->click();
        QTest::qWait(100);
        QCOMPARE(ended.count(), 1);
    }
};

QTEST_MAIN(TestSessionEnded)
#include "tst_sessionended.moc"
