#include "TestDatabases.h"
#include "TestFixtures.h"
#include "common/Clock.h"
#include "repositories/AuditRepository.h"
#include "repositories/UserRepository.h"
#include "services/AuditService.h"
#include "services/AuthService.h"
#include "services/UserService.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

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
        UserService admin(Fixtures::addUser(desk.repos, QStringLiteral("root"), Role::Admin), desk.repos, desk.clock,
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

    void unknownLoginsAreThrottledLikeKnownOnes_data() { TestDatabase::addBackendRows(); }
    void unknownLoginsAreThrottledLikeKnownOnes()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        Desk desk(*db, m_hasher);
        QINGTING_VERIFY_OK(desk.addClerk());
        RawConnection raw(scratch);
        const auto auditCount = [&] {
            return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt();
        };

        // Try by try, a real login with wrong passwords and a made-up one get the same answer and leave the same
        // trace (one audit entry each, and one more when the lock starts).
        for (int i = 1; i <= AuthService::kMaxFailedLogins + 1; ++i) {
            const int before = auditCount();
            const auto known = desk.auth.login(QStringLiteral("chen"), QStringLiteral("wrong-password"));
            const int knownEntries = auditCount() - before;
            const auto unknown = desk.auth.login(QStringLiteral("nobody"), QStringLiteral("wrong-password"));
            const int unknownEntries = auditCount() - before - knownEntries;
            QVERIFY(!known.ok());
            QVERIFY(!unknown.ok());
            QCOMPARE(unknown.error().code, known.error().code);
            QCOMPARE(unknown.error().message, known.error().message);
            QCOMPARE(knownEntries, i == AuthService::kMaxFailedLogins ? 2 : 1);
            QCOMPARE(unknownEntries, 1);
            if (i > AuthService::kMaxFailedLogins) {
                QVERIFY2(unknown.error().message.contains(QLatin1String("09:15")), qPrintable(unknown.error().message));
            }
        }
        const auto locked = desk.repos.users->unknownLoginFailures(QStringLiteral("nobody"));
        QINGTING_VERIFY_OK(locked);
        QCOMPARE(locked->lockedUntil, desk.clock.now().addSecs(AuthService::kLockMinutes * 60));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT actor FROM audit_log ORDER BY seq DESC")).toString(),
                 QStringLiteral("(unknown)"));
        QVERIFY(raw.scalar(QStringLiteral("SELECT actor_id FROM audit_log ORDER BY seq DESC")).isNull());

        // After the lock time both answer "wrong" again, and a counter of another name is its own.
        desk.clock.advanceSeconds(AuthService::kLockMinutes * 60 + 1);
        const auto again = desk.auth.login(QStringLiteral("nobody"), QStringLiteral("x"));
        QCOMPARE(again.error().message, QStringLiteral("The login or the password is wrong."));
        QCOMPARE(desk.repos.users->unknownLoginFailures(QStringLiteral("nobody"))->failures, 1);
        QCOMPARE(desk.repos.users->unknownLoginFailures(QStringLiteral("somebody"))->failures, 0);
        QINGTING_VERIFY_OK(AuditService(Session::commandLine(), desk.repos).verify());

        // Counters of unknown names are forgotten a day after their last failure.
        desk.clock.advanceSeconds(qint64(AuthService::kForgetUnknownHours) * 3600 + 1);
        QVERIFY(!desk.auth.login(QStringLiteral("somebody"), QStringLiteral("x")).ok());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE login = 'nobody'")).toInt(), 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM login_failures")).toInt(), 1);
    }

    /**
     * The timing classes with the real (interactive) Argon2 limits: medians of wrong passwords and of locked
     * attempts, for a real login and an unknown one. Measured only with QINGTING_BENCH=1 (figures in
     * docs/BENCHMARKS.md); the comparison holds either way.
     */
    void timingClassesMatch_data() { TestDatabase::addBackendRows(); }
    void timingClassesMatch()
    {
        if (qEnvironmentVariableIntValue("QINGTING_BENCH") != 1) {
            QSKIP("set QINGTING_BENCH=1 to measure login timing with the interactive Argon2 limits");
        }
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const PasswordHasher real;
        Desk desk(*db, real);
        QINGTING_VERIFY_OK(desk.addClerk());
        const auto median = [&](const QString& login) {
            QList<qint64> wrong;
            QList<qint64> locked;
            for (int i = 0; i < AuthService::kMaxFailedLogins + 5; ++i) {
                QElapsedTimer t;
                t.start();
                const auto r = desk.auth.login(login, QStringLiteral("wrong-password"));
                (i < AuthService::kMaxFailedLogins ? wrong : locked) << t.nsecsElapsed() / 1000;
                if (r.ok()) {
                    return std::pair<qint64, qint64>(-1, -1);
                }
            }
            std::sort(wrong.begin(), wrong.end());
            std::sort(locked.begin(), locked.end());
            return std::pair<qint64, qint64>(wrong.at(wrong.size() / 2), locked.at(locked.size() / 2));
        };
        desk.auth.login(QStringLiteral("warm-up"), QStringLiteral("x")); // makes the dummy hash once
        const auto [knownWrong, knownLocked] = median(QStringLiteral("chen"));
        const auto [unknownWrong, unknownLocked] = median(QStringLiteral("nobody"));
        qInfo("%s: median us: known wrong %lld, unknown wrong %lld; known locked %lld, unknown locked %lld",
              qPrintable(scratch.backend()), knownWrong, unknownWrong, knownLocked, unknownLocked);
        // A wrong password costs one Argon2 verification either way; a locked attempt none, either way.
        QVERIFY(knownLocked * 3 < knownWrong);
        QVERIFY(unknownLocked * 3 < unknownWrong);
        QVERIFY(unknownWrong * 2 > knownWrong && knownWrong * 2 > unknownWrong);
    }
};

QTEST_GUILESS_MAIN(TestLoginLockout)
#include "tst_login_lockout.moc"
