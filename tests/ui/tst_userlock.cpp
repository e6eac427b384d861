#include "GuiTestSupport.h"
#include "admin/UserTableModel.h"
#include "services/AuthService.h"

#include <QAbstractProxyModel>
#include <QTableView>
#include <QTest>

using namespace GuiTest;

/** An account locked by wrong passwords shows as locked on the Users page, until the lock runs out. */
class TestUserLock : public QObject
{
    Q_OBJECT

private slots:
    void lockedAccountShowsOnTheUsersPage()
    {
        Desk desk;
        const QString problem = desk.open();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto admin = desk.addUser(QStringLiteral("root"), Role::Admin, QStringLiteral("管理员"),
                                        QStringLiteral("Admin-pass-2026"));
        QVERIFY(admin);
        QVERIFY(desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李窗口"),
                             QStringLiteral("Clerk-pass-2026")));
        AuthService auth(desk.repos(), desk.clock(), desk.hasher());
        for (int i = 0; i < AuthService::kMaxFailedLogins; ++i) {
            QVERIFY(!auth.login(QStringLiteral("clerk1"), QStringLiteral("guess-%1").arg(i)).ok());
        }

        const auto window = desk.showWindow(*admin);
        QVERIFY(window);
        QVERIFY(openPage(*window, MainWindow::Page::Users));
        auto* view = child<QTableView>(window.get(), "userTableView");
        QVERIFY(view);
        auto* proxy = qobject_cast<QAbstractProxyModel*>(view->model());
        auto* model = qobject_cast<UserTableModel*>(proxy ? proxy->sourceModel() : view->model());
        QVERIFY(model);
        const int row = model->rowOfLogin(QStringLiteral("clerk1"));
        QVERIFY(row >= 0);
        const QModelIndex status = model->index(row, int(UserTableModel::Column::Status));
        const QString until =
            desk.clock().now().addSecs(AuthService::kLockMinutes * 60).toString(QStringLiteral("HH:mm"));
        QCOMPARE(status.data().toString(), QStringLiteral("Locked until %1").arg(until));
        QVERIFY(!status.data(Qt::ToolTipRole).toString().isEmpty());
        const QModelIndex rootStatus = model->index(model->rowOfLogin(QStringLiteral("root")), status.column());
        QCOMPARE(rootStatus.data().toString(), QStringLiteral("Active"));

        // Once the lock has run out the account reads as active again, without anyone touching it.
        desk.clock().advanceSeconds(AuthService::kLockMinutes * 60 + 1);
        QCOMPARE(status.data().toString(), QStringLiteral("Active"));
    }
};

QTEST_MAIN(TestUserLock)
#include "tst_userlock.moc"
