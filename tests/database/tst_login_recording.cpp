#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/AuthService.h"
#include "services/UserService.h"

#include <QTest>

namespace {
/** A UnitOfWork whose outer commit fails when asked to (as a full disk or a lost server would), rolling back. */
class FailingCommit final : public UnitOfWork
{
public:
    explicit FailingCommit(UnitOfWork& real)
        : m_real(real)
    {}
    Status begin() override { return m_real.begin(); }
    Status commit() override
    {
        if (failCommit && m_real.depth() == 1) {
            m_real.rollback();
            return Error::make(Error::Code::Storage, QStringLiteral("injected: the commit failed"));
        }
        return m_real.commit();
    }
    void rollback() override { m_real.rollback(); }
    int depth() const override { return m_real.depth(); }

    bool failCommit = false;

private:
    UnitOfWork& m_real;
};

/** Makes every `event` (INSERT, UPDATE) on `table` fail from now on, as a database that refuses writes would. */
QString injectFailure(RawConnection& raw, bool postgres, const QString& table, const QString& event)
{
    const QString name = QStringLiteral("qt_fail_%1_%2").arg(table, event.toLower());
    if (!postgres) {
        return raw.exec(QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 BEGIN SELECT RAISE(ABORT, 'injected "
                                       "failure'); END")
                            .arg(name, event, table));
    }
    const QString error = raw.exec(QStringLiteral("CREATE OR REPLACE FUNCTION qt_fail() RETURNS trigger AS $$ BEGIN "
                                                  "RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql"));
    if (!error.isEmpty()) {
        return error;
    }
    return raw.exec(QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW EXECUTE FUNCTION qt_fail()")
                        .arg(name, event, table));
}
} // namespace

/** AuthService::login checks every write: a login that cannot be recorded (counter, audit entry, commit) fails. */
class TestLoginRecording : public QObject
{
    Q_OBJECT

private:
    const PasswordHasher m_hasher{PasswordHasher::Strength::Minimal};

private slots:
    void aWriteFails_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        struct Row
        {
            const char* name;
            const char* table;
            const char* event;
            const char* login;
            const char* password;
        };
        const Row rows[] = {
            {"good password, audit entry fails", "audit_log", "INSERT", "chen", "right-password"},
            {"good password, last login fails", "users", "UPDATE", "chen", "right-password"},
            {"wrong password, audit entry fails", "audit_log", "INSERT", "chen", "wrong-password"},
            {"wrong password, counter fails", "users", "UPDATE", "chen", "wrong-password"},
            {"unknown login, audit entry fails", "audit_log", "INSERT", "nobody", "whatever-pass"},
            {"unknown login, counter fails", "login_failures", "INSERT", "nobody", "whatever-pass"},
        };
        for (const char* backend : {"sqlite", "postgres"}) {
            for (const Row& r : rows) {
                QTest::addRow("%s: %s", backend, r.name)
                    << QString::fromLatin1(backend) << QString::fromLatin1(r.table) << QString::fromLatin1(r.event)
                    << QString::fromLatin1(r.login) << QString::fromLatin1(r.password);
            }
        }
    }

    void aWriteFails()
    {
        QFETCH(QString, table);
        QFETCH(QString, event);
        QFETCH(QString, login);
        QFETCH(QString, password);
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        const FixedClock clock(Fixtures::at(QStringLiteral("2026-11-24 09:00")));
        UserService users(Session::commandLine(), repos, clock, m_hasher);
        QINGTING_VERIFY_OK(users.add(QStringLiteral("chen"), Role::Clerk, QString(), QStringLiteral("right-password")));
        RawConnection raw(scratch);
        const QString injected = injectFailure(raw, scratch.isPostgres(), table, event);
        QVERIFY2(injected.isEmpty(), qPrintable(injected));
        const QString before = raw.dump();

        AuthService auth(repos, clock, m_hasher);
        const auto result = auth.login(login, password);
        QVERIFY2(!result.ok(), "a login that could not be recorded must fail");
        QCOMPARE(result.error().code, Error::Code::Storage);
        QVERIFY2(result.error().message.contains(QLatin1String("could not be recorded")),
                 qPrintable(result.error().message));
        QCOMPARE(raw.dump(), before); // nothing half-written
    }

    void theCommitFails_data() { TestDatabase::addBackendRows(); }
    void theCommitFails()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        Repositories repos = db->repositories();
        const FixedClock clock(Fixtures::at(QStringLiteral("2026-11-24 09:00")));
        UserService users(Session::commandLine(), repos, clock, m_hasher);
        QINGTING_VERIFY_OK(users.add(QStringLiteral("chen"), Role::Clerk, QString(), QStringLiteral("right-password")));
        FailingCommit failing(*repos.unitOfWork);
        repos.unitOfWork = &failing;
        AuthService auth(repos, clock, m_hasher);
        RawConnection raw(scratch);
        const QString before = raw.dump();

        failing.failCommit = true;
        for (const char* login : {"chen", "nobody"}) {
            for (const char* password : {"right-password", "wrong-password"}) {
                const auto result = auth.login(QLatin1String(login), QLatin1String(password));
                QVERIFY2(!result.ok(), login);
                QCOMPARE(result.error().code, Error::Code::Storage);
            }
        }
        QCOMPARE(raw.dump(), before);

        failing.failCommit = false;
        QINGTING_VERIFY_OK(auth.login(QStringLiteral("chen"), QStringLiteral("right-password")));
        QVERIFY(raw.dump() != before);
    }
};

QTEST_GUILESS_MAIN(TestLoginRecording)
#include "tst_login_recording.moc"
