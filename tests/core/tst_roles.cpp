#include "common/Result.h"
#include "users/Role.h"
#include "users/Session.h"

#include <QTest>

/** The permission matrix of PRODUCT.md, checked cell by cell, and the Session that applies it. */
class TestRoles : public QObject
{
    Q_OBJECT

private slots:
    void matrix_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("permission");
        QTest::addColumn<bool>("allowed");
        using P = Permission;
        struct Row
        {
            Role role;
            QList<P> allowed;
        };
        const Row rows[] = {
            {Role::Clerk, {P::ViewCases, P::ViewPersonalData, P::CreateCase, P::WorkCase, P::RunDrills}},
            {Role::Supervisor,
             {P::ViewCases, P::ViewPersonalData, P::CreateCase, P::WorkCase, P::ApproveCase, P::ReassignCase,
              P::ReopenCase, P::ViewAuditLog, P::ImportRecords, P::ViewFigures, P::ManageImprovements, P::RunDrills,
              P::ViewDrillResults, P::ManageCrises}},
            {Role::Trainer, {P::ManageTraining, P::RunDrills, P::ViewDrillResults}},
            {Role::Admin,
             {P::ManageUsers, P::ManageReferenceData, P::ViewAuditLog, P::ImportRecords, P::ManageCrises,
              P::PurgePersonalData}},
        };
        for (const Row& r : rows) {
            for (Permission p : Permissions::all()) {
                const QByteArray name = (Roles::code(r.role) + QLatin1Char('/') + Permissions::code(p)).toUtf8();
                QTest::newRow(name.constData()) << int(r.role) << int(p) << r.allowed.contains(p);
            }
        }
    }

    void matrix()
    {
        QFETCH(int, role);
        QFETCH(int, permission);
        QFETCH(bool, allowed);
        QCOMPARE(Permissions::allows(Role(role), Permission(permission)), allowed);
        const Session s = Session::forUser(7, QStringLiteral("u"), QString(), Role(role));
        QCOMPARE(s.can(Permission(permission)), allowed);
        const auto denial = s.deny(Permission(permission));
        QCOMPARE(denial.has_value(), !allowed);
        if (denial) {
            QCOMPARE(denial->code, Error::Code::PermissionDenied);
            QVERIFY(!denial->message.isEmpty());
        }
    }

    void trainerNeverReadsPersonalData()
    {
        QVERIFY(!Permissions::allows(Role::Trainer, Permission::ViewPersonalData));
        QVERIFY(!Permissions::allows(Role::Admin, Permission::ViewPersonalData));
    }

    void commandLineMayDoEverythingAndIsNamedCli()
    {
        const Session cli = Session::commandLine();
        QVERIFY(cli.isCommandLine());
        QCOMPARE(cli.actor().name, QStringLiteral("cli"));
        QCOMPARE(cli.actor().id, 0);
        for (Permission p : Permissions::all()) {
            QVERIFY(cli.can(p));
        }
    }

    void roleCodesRoundTrip()
    {
        for (Role r : Roles::all()) {
            QCOMPARE(Roles::fromCode(Roles::code(r)), std::optional<Role>(r));
        }
        QCOMPARE(Roles::fromCode(QStringLiteral(" Supervisor ")), std::optional<Role>(Role::Supervisor));
        QVERIFY(!Roles::fromCode(QStringLiteral("boss")).has_value());
    }
};

QTEST_APPLESS_MAIN(TestRoles)
#include "tst_roles.moc"
