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
        const Repositories repos = db->repositories();
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(9, 0)));
        UserService users(Session::commandLine(), repos, clock, m_hasher);
        QINGTING_VERIFY_OK(users.add(QStringLiteral("chen"), Role::Clerk, QString(), QStringLiteral("right-password")));
        AuthService auth(repos, clock, m_hasher);

        for (int i = 1; i < AuthService::kMaxFailedLogins; ++i) {
            const auto r = auth.login(QStringLiteral("chen"), QStringLiteral("wrong-password"));
            QVERIFY(!r.ok());
            QCOMPARE(repos.users->findByLogin(QStringLiteral("chen"))->failedLogins, i);
        }
        QVERIFY(!auth.login(QStringLiteral("chen"), QStringLiteral("wrong-password")).ok());
        const User locked = *repos.users->findByLogin(QStringLiteral("chen"));
        QCOMPARE(locked.lockedUntil, clock.now().addSecs(AuthService::kLockMinutes * 60));
        QCOMPARE(actionsSince(*repos.audit, 2),
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
        const User after = *repos.users->findByLogin(QStringLiteral("chen"));
        QCOMPARE(after.failedLogins, 0);
        QVERIFY(!after.lockedUntil.isValid());
        QINGTING_VERIFY_OK(AuditService(Session::commandLine(), repos).verify());
    }

    void aGoodLoginResetsTheCount_data() { TestDatabase::addBackendRows(); }
    void aGoodLoginResetsTheCount()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(9, 0)));
        UserService users(Session::commandLine(), repos, clock, m_hasher);
        QINGTING_VERIFY_OK(users.add(QStringLiteral("chen"), Role::Clerk, QString(), QStringLiteral("right-password")));
        AuthService auth(repos, clock, m_hasher);
        for (int round = 0; round < 3; ++round) {
            for (int i = 1; i < AuthService::kMaxFailedLogins; ++i) {
                QVERIFY(!auth.login(QStringLiteral("chen"), QStringLiteral("typo")).ok());
            }
            QINGTING_VERIFY_OK(auth.login(QStringLiteral("chen"), QStringLiteral("right-password")));
            QCOMPARE(repos.users->findByLogin(QStringLiteral("chen"))->failedLogins, 0);
        }
    }

    void anAdministratorUnlocks_data() { TestDatabase::addBackendRows(); }
    void anAdministratorUnlocks()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(9, 0)));
        UserService admin(Session::forUser(0, QStringLiteral("root"), QString(), Role::Admin), repos, clock, m_hasher);
        QINGTING_VERIFY_OK(admin.add(QStringLiteral("chen"), Role::Clerk, QString(), QStringLiteral("right-password")));
        AuthService auth(repos, clock, m_hasher);
        for (int i = 0; i < AuthService::kMaxFailedLogins; ++i) {
            QVERIFY(!auth.login(QStringLiteral("chen"), QStringLiteral("wrong-password")).ok());
        }
        QVERIFY(!auth.login(QStringLiteral("chen"), QStringLiteral("right-password")).ok());
        QINGTING_VERIFY_OK(admin.resetPassword(QStringLiteral("chen"), QStringLiteral("a-new-password")));
        QINGTING_VERIFY_OK(auth.login(QStringLiteral("chen"), QStringLiteral("a-new-password")));
    }

    void firstAdministratorIsLoggedIn_data() { TestDatabase::addBackendRows(); }
    void firstAdministratorIsLoggedIn()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(9, 0)));
        AuthService auth(db->repositories(), clock, m_hasher);
        const auto session = auth.createFirstAdmin(QStringLiteral("root"), QString(), QStringLiteral("first-admin-1"));
        QINGTING_VERIFY_OK(session);
        // Creating the first account is its owner's first login: the Users page must not say "never".
        QCOMPARE(db->repositories().users->findByLogin(QStringLiteral("root"))->lastLoginAt, clock.now());
    }

    void unknownLoginsLockNothing_data() { TestDatabase::addBackendRows(); }
    void unknownLoginsLockNothing()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        FixedClock clock(QDateTime(QDate(2026, 11, 24), QTime(9, 0)));
        RawConnection raw(scratch);
        const QString before = raw.dump();
        AuthService auth(repos, clock, m_hasher);
        for (int i = 0; i < AuthService::kMaxFailedLogins + 2; ++i) {
            const auto r = auth.login(QStringLiteral("nobody"), QStringLiteral("whatever"));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().message, QStringLiteral("The login or the password is wrong."));
        }
        QCOMPARE(raw.dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestLoginLockout)
#include "tst_login_lockout.moc"
