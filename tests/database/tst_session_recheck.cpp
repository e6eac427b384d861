#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/UserRepository.h"
#include "services/AuditService.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"
#include "services/UserService.h"

#include <QElapsedTimer>
#include <QTest>

/**
 * A disabled or demoted user loses their rights at their next action, not at logout: every service call re-reads
 * the account and answers SessionEnded, once told, to every copy of the session.
 */
class TestSessionRecheck : public QObject
{
    Q_OBJECT

private:
    const PasswordHasher m_hasher{PasswordHasher::Strength::Minimal};
    const FixedClock m_clock{Fixtures::at(QStringLiteral("2026-03-02 09:00"))};

private slots:
    void disabledUserIsStoppedAtTheNextCall_data() { TestDatabase::addBackendRows(); }
    void disabledUserIsStoppedAtTheNextCall()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        const Session admin = Fixtures::addUser(repos, QStringLiteral("root"), Role::Admin);
        const Session clerk = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Clerk);
        CaseService asClerk(clerk, repos, m_clock);
        ReferenceService clerkReference(clerk, repos, m_clock);
        const auto created = asClerk.create(Fixtures::citizenDraft(repos, QStringLiteral("排队太久")));
        QINGTING_VERIFY_OK(created);
        QStringList told;
        clerk.setEndedHandler([&told](const QString& reason) { told << reason; });

        UserService asAdmin(admin, repos, m_clock, m_hasher);
        QINGTING_VERIFY_OK(asAdmin.disable(QStringLiteral("chen")));
        RawConnection raw(scratch);
        const QString before = raw.dump();

        const auto listed = asClerk.list(CaseQuery{});
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().code, Error::Code::SessionEnded);
        QVERIFY(!listed.error().message.isEmpty());
        QCOMPARE(told, QStringList{listed.error().message}); // told once, with the same reason
        QVERIFY(clerk.hasEnded());

        QCOMPARE(asClerk.perform(created->id, {CaseAction::Acknowledge}).error().code, Error::Code::SessionEnded);
        QCOMPARE(asClerk.create(Fixtures::citizenDraft(repos, QStringLiteral("再来一件"))).error().code,
                 Error::Code::SessionEnded);
        QCOMPARE(clerkReference.list(ReferenceKind::Window).error().code, Error::Code::SessionEnded);
        QCOMPARE(told.size(), 1);
        QCOMPARE(raw.dump(), before); // nothing written by the ended session

        // Enabling the account again does not revive the old session: its owner logs in again.
        QINGTING_VERIFY_OK(asAdmin.enable(QStringLiteral("chen")));
        QCOMPARE(asClerk.get(created->id).error().code, Error::Code::SessionEnded);
        // A fresh session of the same account works.
        const User chen = *repos.users->findByLogin(QStringLiteral("chen"));
        CaseService again(Session::forUser(chen.id, chen.login, chen.displayName, chen.role), repos, m_clock);
        QINGTING_VERIFY_OK(again.get(created->id));
    }

    void demotedUserIsStoppedAtTheNextCall_data() { TestDatabase::addBackendRows(); }
    void demotedUserIsStoppedAtTheNextCall()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        const Session root = Fixtures::addUser(repos, QStringLiteral("root"), Role::Admin);
        const Session li = Fixtures::addUser(repos, QStringLiteral("li"), Role::Admin);
        const Session zhou = Fixtures::addUser(repos, QStringLiteral("zhou"), Role::Supervisor);
        UserService asRoot(root, repos, m_clock, m_hasher);
        UserService asLi(li, repos, m_clock, m_hasher);
        CaseService asZhou(zhou, repos, m_clock);
        AuditService zhouAudit(zhou, repos);
        QINGTING_VERIFY_OK(zhouAudit.latest(10));

        // A supervisor made a clerk: the audit log (a supervisor's right) is refused at the next call.
        QINGTING_VERIFY_OK(asRoot.setRole(QStringLiteral("zhou"), Role::Clerk));
        const auto audit = zhouAudit.latest(10);
        QCOMPARE(audit.error().code, Error::Code::SessionEnded);
        QVERIFY2(audit.error().message.contains(Roles::label(Role::Clerk)), qPrintable(audit.error().message));
        QCOMPARE(asZhou.list(CaseQuery{}).error().code, Error::Code::SessionEnded);

        // An administrator made a clerk can no longer manage users, not even to strike back.
        QINGTING_VERIFY_OK(asRoot.setRole(QStringLiteral("li"), Role::Clerk));
        QCOMPARE(asLi.list().error().code, Error::Code::SessionEnded);
        QCOMPARE(asLi.disable(QStringLiteral("root")).error().code, Error::Code::SessionEnded);
        QVERIFY(repos.users->findByLogin(QStringLiteral("root"))->active);
        // The administrator who acted is unaffected.
        QINGTING_VERIFY_OK(asRoot.list());
    }

    void theCommandLineIsExempt_data() { TestDatabase::addBackendRows(); }
    void theCommandLineIsExempt()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        CaseService cli(Session::commandLine(), repos, m_clock);
        QINGTING_VERIFY_OK(cli.create(Fixtures::anonymousDraft(repos, QStringLiteral("命令行录入"))));
        QINGTING_VERIFY_OK(cli.list(CaseQuery{}));
        QVERIFY(!Session::commandLine().hasEnded());
    }

    /** What the re-check costs per call: CaseService::get as a clerk (re-checked) and as the command line (not). */
    void recheckCost_data() { TestDatabase::addBackendRows(); }
    void recheckCost()
    {
        if (qEnvironmentVariableIntValue("QINGTING_BENCH") != 1) {
            QSKIP("set QINGTING_BENCH=1 to measure the cost of the re-check");
        }
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        const Session clerk = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Clerk);
        CaseService asClerk(clerk, repos, m_clock);
        CaseService cli(Session::commandLine(), repos, m_clock);
        const auto c = cli.create(Fixtures::citizenDraft(repos, QStringLiteral("计时")));
        QINGTING_VERIFY_OK(c);
        constexpr int kCalls = 2000;
        const auto timeCalls = [&](CaseService& service) {
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < kCalls; ++i) {
                if (!service.get(c->id)) {
                    return qint64(-1);
                }
            }
            return t.nsecsElapsed() / kCalls / 1000;
        };
        timeCalls(cli); // warm up
        const qint64 without = timeCalls(cli);
        const qint64 with = timeCalls(asClerk);
        QVERIFY(without >= 0 && with >= 0);
        qInfo("%s: CaseService::get mean us per call: command line (no re-check) %lld, clerk (re-checked) %lld",
              qPrintable(scratch.backend()), without, with);
    }
};

QTEST_GUILESS_MAIN(TestSessionRecheck)
#include "tst_session_recheck.moc"
