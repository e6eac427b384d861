#include "TestDatabases.h"
#include "common/Clock.h"
#include "repositories/AuditRepository.h"
#include "repositories/UserRepository.h"
#include "services/AuditService.h"
#include "services/AuthService.h"
#include "services/UserService.h"

#include <QTest>

/** Repeated wrong passwords lock an account for a while; a good login or an administrator unlocks it. */
class TestLoginLockout : public QObject
{
    Q_OBJECT

private:
    const PasswordHasher m_hasher{PasswordHasher::Strength::Minimal};

    /** The desk every test logs in at: a fixed clock, the login service and, once added, the clerk "chen". */
    struct Desk
    {
        Desk(const Database& db, const PasswordHasher& hasher)
            : repos(db.repositories())
            , hasher(hasher)
            , auth(repos, clock, hasher)
        {}
        Result<User> addClerk()
        {
            UserService users(Session::commandLine(), repos, clock, hasher);
            return users.add(QStringLiteral("chen"), Role::Clerk, QString(), QStringLiteral("right-password"));
        }
        User clerk() const { return *repos.users->findByLogin(QStringLiteral("chen")); }

        FixedClock clock{QDateTime(QDate(2026, 11, 24), QTime(9, 0))};
        Repositories repos;
        const PasswordHasher& hasher;
        AuthService auth;
    };

    static QStringList actionsSince(AuditRepository& audit, int count)
    {
        QStringList actions;
        const auto entries = audit.latest(count);
        for (const auto& e : *entries) {
            actions.prepend(e.action);
        }
        return actions;
    }

private slots:
    void locksAfterRepeatedFailuresAndUnlocksLater_data() { TestDatabase::addBackendRows(); }
    void locksAfterRepeatedFailuresAndUnlocksLater()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        Desk desk(*db, m_hasher);
        QINGTING_VERIFY_OK(desk.addClerk());
        auto& auth = desk.auth;
        auto& clock = desk.clock;

        for (int i = 1; i < AuthService::kMaxFailedLogins; ++i) {
            const auto r = auth.login(QStringLiteral("chen"), QStringLiteral("wrong-password"));
            QVERIFY(!r.ok());
            QCOMPARE(desk.clerk().failedLogins, i);
        }
        QVERIFY(!auth.login(QStringLiteral("chen"), QStringLiteral("wrong-password")).ok());
        QCOMPARE(desk.clerk().lockedUntil, clock.now().addSecs(AuthService::kLockMinutes * 60));
        QCOMPARE(actionsSince(*desk.repos.audit, 2),
                 (QStringList{QStringLiteral("user.login_failed"), QStringLiteral("user.locked")}));

        // Locked: even the right password is refused, and the message says until when.
        clock.advanceSeconds(60);
        const auto refused = auth.login(QStringLiteral("chen"), QStringLiteral("right-password"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Authentication);
        QVERIFY2(refused.error().message.contains(QLatin1String("09:15")), qPrintable(refused.error().message));

        // After the lock time the right password works and the counter starts again.
        clock.advanceSeconds(AuthService::kLockMinutes * 60);
        QINGTING_VERIFY_OK(auth.login(QStringLiteral("chen"), QStringLiteral("right-password")));
        QCOMPARE(desk.clerk().failedLogins, 0);
        QVERIFY(!desk.clerk().lockedUntil.isValid());
        QINGTING_VERIFY_OK(AuditService(Session::commandLine(), desk.repos).verify());
    }

    void aGoodLoginResetsTheCount_data() { TestDatabase::addBackendRows(); }
    void aGoodLoginResetsTheCount()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        Desk desk(*db, m_hasher);
        QINGTING_VERIFY_OK(desk.addClerk());
        for (int round = 0; round < 3; ++round) {
            for (int i = 1; i < AuthService::kMaxFailedLogins; ++i) {
                QVERIFY(!desk.auth.login(QStringLiteral("chen"), QStringLiteral("typo")).ok());
            }
            QINGTING_VERIFY_OK(desk.auth.login(QStringLiteral("chen"), QStringLiteral("right-password")));
            QCOMPARE(desk.clerk().failedLogins, 0);
        }
    }

    void anAdministratorUnlocks_data() { TestDatabase::addBackendRows(); }
    void anAdministratorUnlocks()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        Desk desk(*db, m_hasher);
        QINGTING_VERIFY_OK(desk.addClerk());
        for (int i = 0; i < AuthService::kMaxFailedLogins; ++i) {
            QVERIFY(!desk.auth.login(QStringLiteral("chen"), QStringLiteral("wrong-password")).ok());
        }
        QVERIFY(!desk.auth.login(QStringLiteral("chen"), QStringLiteral("right-password")).ok());
        UserService admin(Session::forUser(0, QStringLiteral("root"), QString(), Role::Admin), desk.repos, desk.clock,
                          m_hasher);
        QINGTING_VERIFY_OK(admin.resetPassword(QStringLiteral("chen"), QStringLiteral("a-new-password")));
        QINGTING_VERIFY_OK(desk.auth.login(QStringLiteral("chen"), QStringLiteral("a-new-password")));
    }

    void firstAdministratorIsLoggedIn_data() { TestDatabase::addBackendRows(); }
    void firstAdministratorIsLoggedIn()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        Desk desk(*db, m_hasher);
        QINGTING_VERIFY_OK(
            desk.auth.createFirstAdmin(QStringLiteral("root"), QString(), QStringLiteral("first-admin-1")));
        // Creating the first account is its owner's first login: the Users page must not say "never".
        QCOMPARE(desk.repos.users->findByLogin(QStringLiteral("root"))->lastLoginAt, desk.clock.now());
    }

    void unknownLoginsLockNothing_data() { TestDatabase::addBackendRows(); }
    void unknownLoginsLockNothing()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        Desk desk(*db, m_hasher);
        RawConnection raw(scratch);
        const QString before = raw.dump();
        for (int i = 0; i < AuthService::kMaxFailedLogins + 2; ++i) {
            const auto r = desk.auth.login(QStringLiteral("nobody"), QStringLiteral("whatever"));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().message, QStringLiteral("The login or the password is wrong."));
        }
        QCOMPARE(raw.dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestLoginLockout)
#include "tst_login_lockout.moc"
