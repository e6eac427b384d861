#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "services/AuditService.h"
#include "services/AuthService.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"
#include "services/UserService.h"

#include <QTest>

#include <functional>

using Fixtures::at;

/**
 * The permission matrix through the real services on a real database: every denial is PermissionDenied and
 * writes nothing; every allowed action is written and audited under the user. Also AuthService.
 */
class TestPermissions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void denied_data();
    void denied();
    void allowed_data();
    void allowed();
    void availableActionsFollowTheRole();

    void firstAdminOnlyOnAnEmptyDatabase();
    void loginRefusals();
    void loginSucceedsAndIsAudited();

private:
    /** The cases every row acts on, each in the state where the action itself would be legal. */
    struct Cases
    {
        qint64 received = 0;
        qint64 acknowledged = 0;
        qint64 resolved = 0;
        qint64 followedUp = 0;
        qint64 closed = 0;
    };

    Session sessionFor(const QString& role) const;

    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RawConnection> m_raw;
    std::unique_ptr<FixedClock> m_clock;
    Repositories m_repos;
    QHash<QString, Session> m_sessions;
    Session m_otherClerk;
    Cases m_cases;
};

namespace {
const PasswordHasher& hasher()
{
    static const PasswordHasher minimal(PasswordHasher::Strength::Minimal);
    return minimal;
}

enum class Op
{
    GetCase,
    GetByNumber,
    ListCases,
    CountCases,
    Timeline,
    Citizen,
    CreateCase,
    Acknowledge,
    Resolve,
    Escalate,
    Close,
    Reopen,
    Reassign,
    AssignableUsers,
    ListUsers,
    AddUser,
    DisableUser,
    SetRole,
    ResetPassword,
    AddReference,
    RenameReference,
    DisableReference,
    AuditVerify,
    AuditLatest,
};
} // namespace
Q_DECLARE_METATYPE(Op)

Session TestPermissions::sessionFor(const QString& role) const
{
    return m_sessions.value(role);
}

void TestPermissions::init()
{
    m_scratch = std::make_unique<TestDatabase>(QStringLiteral("sqlite"));
    QVERIFY(m_scratch->setupError().isEmpty());
    auto opened = m_scratch->open();
    QINGTING_VERIFY_OK(opened);
    m_db = std::move(opened).value();
    m_repos = m_db->repositories();
    m_clock = std::make_unique<FixedClock>(at(QStringLiteral("2026-03-02 09:00")));
    m_sessions.clear();
    for (const Role role : Roles::all()) {
        m_sessions.insert(Roles::code(role), Fixtures::addUser(m_repos, Roles::code(role), role));
    }
    m_otherClerk = Fixtures::addUser(m_repos, QStringLiteral("clerk2"), Role::Clerk);

    // Set up through the command line, which may do everything.
    CaseService cli(Session::commandLine(), m_repos, *m_clock);
    const auto make = [&](int steps) -> qint64 {
        const auto c = cli.create(Fixtures::citizenDraft(m_repos, QStringLiteral("权限测试案件")));
        if (!c) {
            return 0;
        }
        const QList<CaseCommand> path{{CaseAction::Acknowledge},
                                      {CaseAction::Resolve, QStringLiteral("已办结")},
                                      {CaseAction::FollowUp, {}, 0, 0, 5},
                                      {CaseAction::Close}};
        for (int i = 0; i < steps; ++i) {
            if (!cli.perform(c->id, path.at(i))) {
                return 0;
            }
        }
        return c->id;
    };
    m_cases = {make(0), make(1), make(2), make(3), make(4)};
    QVERIFY(m_cases.received && m_cases.acknowledged && m_cases.resolved && m_cases.followedUp && m_cases.closed);
    m_raw = std::make_unique<RawConnection>(*m_scratch);
    QVERIFY(m_raw->isOpen());
}

void TestPermissions::cleanup()
{
    m_raw.reset();
    m_db.reset();
    m_scratch.reset();
}

void TestPermissions::denied_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<Op>("op");
    const struct
    {
        const char* role;
        QList<Op> ops;
    } matrix[] = {
        {"trainer",
         {Op::GetCase, Op::GetByNumber, Op::ListCases, Op::CountCases, Op::Timeline, Op::Citizen, Op::CreateCase,
          Op::Acknowledge, Op::Resolve, Op::Close, Op::Reopen, Op::Reassign, Op::ListUsers, Op::AddUser,
          Op::AddReference, Op::AuditVerify, Op::AuditLatest}},
        {"clerk",
         {Op::Close, Op::Reopen, Op::Reassign, Op::AssignableUsers, Op::ListUsers, Op::AddUser, Op::DisableUser,
          Op::SetRole, Op::ResetPassword, Op::AddReference, Op::RenameReference, Op::DisableReference, Op::AuditVerify,
          Op::AuditLatest}},
        {"supervisor",
         {Op::ListUsers, Op::AddUser, Op::DisableUser, Op::SetRole, Op::ResetPassword, Op::AddReference,
          Op::RenameReference, Op::DisableReference}},
        {"admin",
         {Op::GetCase, Op::GetByNumber, Op::ListCases, Op::CountCases, Op::Timeline, Op::Citizen, Op::CreateCase,
          Op::Acknowledge, Op::Resolve, Op::Escalate, Op::Close, Op::Reopen, Op::Reassign}},
    };
    for (const auto& row : matrix) {
        for (const Op op : row.ops) {
            QTest::addRow("%s op %d", row.role, int(op)) << QString::fromLatin1(row.role) << op;
        }
    }
}

namespace {
/** Runs one operation as `session`; returns the error, or nullopt if it succeeded. */
std::optional<Error> run(Op op, const Session& session, const Repositories& repos, const Clock& clock,
                         qint64 receivedCase, qint64 acknowledgedCase, qint64 followedUpCase, qint64 closedCase,
                         qint64 otherClerk)
{
    CaseService cases(session, repos, clock);
    UserService users(session, repos, clock, hasher());
    ReferenceService reference(session, repos, clock);
    AuditService audit(session, repos);
    const auto errorOf = [](const auto& result) -> std::optional<Error> {
        return result.ok() ? std::nullopt : std::optional<Error>(result.error());
    };
    const qint64 window = Fixtures::referenceId(repos, ReferenceKind::Window, QStringLiteral("1号窗口"));
    switch (op) {
    case Op::GetCase:
        return errorOf(cases.get(receivedCase));
    case Op::GetByNumber:
        return errorOf(cases.getByNumber(QStringLiteral("QT-20260302-0001")));
    case Op::ListCases:
        return errorOf(cases.list({}));
    case Op::CountCases:
        return errorOf(cases.count({}));
    case Op::Timeline:
        return errorOf(cases.timeline(receivedCase));
    case Op::Citizen:
        return errorOf(cases.citizen(receivedCase));
    case Op::CreateCase:
        return errorOf(cases.create(Fixtures::citizenDraft(repos, QStringLiteral("新的投诉"))));
    case Op::Acknowledge:
        return errorOf(cases.perform(receivedCase, {CaseAction::Acknowledge}));
    case Op::Resolve:
        return errorOf(cases.perform(acknowledgedCase, {CaseAction::Resolve, QStringLiteral("已解决")}));
    case Op::Escalate:
        return errorOf(cases.perform(acknowledgedCase, {CaseAction::Escalate, QStringLiteral("升级处理")}));
    case Op::Close:
        return errorOf(cases.perform(followedUpCase, {CaseAction::Close}));
    case Op::Reopen:
        return errorOf(cases.perform(closedCase, {CaseAction::Reopen, QStringLiteral("市民再次反映")}));
    case Op::Reassign: {
        CaseCommand reassign{CaseAction::Reassign};
        reassign.assigneeId = otherClerk;
        return errorOf(cases.perform(acknowledgedCase, reassign));
    }
    case Op::AssignableUsers:
        return errorOf(cases.assignableUsers());
    case Op::ListUsers:
        return errorOf(users.list());
    case Op::AddUser:
        return errorOf(users.add(QStringLiteral("newbie"), Role::Clerk, QStringLiteral("新人"),
                                 QStringLiteral("a-long-password")));
    case Op::DisableUser:
        return errorOf(users.disable(QStringLiteral("clerk2")));
    case Op::SetRole:
        return errorOf(users.setRole(QStringLiteral("clerk2"), Role::Supervisor));
    case Op::ResetPassword:
        return errorOf(users.resetPassword(QStringLiteral("clerk2"), QStringLiteral("another-password")));
    case Op::AddReference:
        return errorOf(reference.add(ReferenceKind::Window, QStringLiteral("新窗口")));
    case Op::RenameReference:
        return errorOf(reference.rename(ReferenceKind::Window, window, QStringLiteral("改名窗口")));
    case Op::DisableReference:
        return errorOf(reference.setActive(ReferenceKind::Window, window, false));
    case Op::AuditVerify:
        return errorOf(audit.verify());
    case Op::AuditLatest:
        return errorOf(audit.latest(10));
    }
    return Error::make(Error::Code::Invalid, QStringLiteral("unknown op"));
}
} // namespace

void TestPermissions::denied()
{
    QFETCH(QString, role);
    QFETCH(Op, op);
    const QString before = m_raw->dump();
    const auto error = run(op, sessionFor(role), m_repos, *m_clock, m_cases.received, m_cases.acknowledged,
                           m_cases.followedUp, m_cases.closed, m_otherClerk.userId());
    QVERIFY2(error.has_value(), "the operation was allowed");
    QVERIFY2(error->code == Error::Code::PermissionDenied, qPrintable(error->message));
    QVERIFY(!error->message.isEmpty());
    QCOMPARE(m_raw->dump(), before);

    // The denial left no transaction open: the command line can still write.
    CaseService cli(Session::commandLine(), m_repos, *m_clock);
    QINGTING_VERIFY_OK(cli.perform(m_cases.received, {CaseAction::AddNote, QStringLiteral("仍可写入")}));
}

void TestPermissions::allowed_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("action"); // the audit action it writes; empty for reads (but personal data's)
    const struct
    {
        const char* role;
        Op op;
        const char* action;
    } rows[] = {
        {"clerk", Op::GetCase, ""},
        {"clerk", Op::ListCases, ""},
        {"clerk", Op::Timeline, ""},
        {"clerk", Op::Citizen, "citizen.read"}, // reading personal data is audited
        {"clerk", Op::CreateCase, "case.create"},
        {"clerk", Op::Acknowledge, "case.acknowledge"},
        {"clerk", Op::Resolve, "case.resolve"},
        {"clerk", Op::Escalate, "case.escalate"},
        {"supervisor", Op::Close, "case.close"},
        {"supervisor", Op::Reopen, "case.reopen"},
        {"supervisor", Op::Reassign, "case.reassign"},
        {"supervisor", Op::AssignableUsers, ""},
        {"supervisor", Op::AuditVerify, ""},
        {"admin", Op::ListUsers, ""},
        {"admin", Op::AddUser, "user.add"},
        {"admin", Op::DisableUser, "user.disable"},
        {"admin", Op::SetRole, "user.role"},
        {"admin", Op::ResetPassword, "user.password"},
        {"admin", Op::AddReference, "reference.add"},
        {"admin", Op::RenameReference, "reference.rename"},
        {"admin", Op::DisableReference, "reference.disable"},
        {"admin", Op::AuditLatest, ""},
    };
    for (const auto& row : rows) {
        QTest::addRow("%s op %d", row.role, int(row.op))
            << QString::fromLatin1(row.role) << row.op << QString::fromLatin1(row.action);
    }
}

void TestPermissions::allowed()
{
    QFETCH(QString, role);
    QFETCH(Op, op);
    QFETCH(QString, action);
    const Session session = sessionFor(role);
    const QString before = m_raw->dump();
    const qint64 auditBefore = m_raw->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong();
    const auto error = run(op, session, m_repos, *m_clock, m_cases.received, m_cases.acknowledged, m_cases.followedUp,
                           m_cases.closed, m_otherClerk.userId());
    QVERIFY2(!error.has_value(), qPrintable(error ? error->message : QString()));
    if (action.isEmpty()) {
        QCOMPARE(m_raw->dump(), before);
        return;
    }
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong(), auditBefore + 1);
    const auto last = m_raw->rows(QStringLiteral("SELECT action, actor, actor_id FROM audit_log ORDER BY seq DESC"));
    QCOMPARE(last.constFirst().at(0).toString(), action);
    QCOMPARE(last.constFirst().at(1).toString(), session.login());
    QCOMPARE(last.constFirst().at(2).toLongLong(), session.userId());
}

void TestPermissions::availableActionsFollowTheRole()
{
    const Case followedUp = *m_repos.cases->find(m_cases.followedUp);
    const Case acknowledged = *m_repos.cases->find(m_cases.acknowledged);
    const auto actions = [&](const QString& role, const Case& c) {
        return CaseService(sessionFor(role), m_repos, *m_clock).availableActions(c);
    };
    QVERIFY(!actions(QStringLiteral("clerk"), followedUp).contains(CaseAction::Close));
    QVERIFY(actions(QStringLiteral("supervisor"), followedUp).contains(CaseAction::Close));
    QVERIFY(!actions(QStringLiteral("clerk"), followedUp).contains(CaseAction::Reopen));
    QVERIFY(actions(QStringLiteral("supervisor"), followedUp).contains(CaseAction::Reopen));
    QVERIFY(actions(QStringLiteral("clerk"), acknowledged).contains(CaseAction::Resolve));
    QVERIFY(!actions(QStringLiteral("clerk"), acknowledged).contains(CaseAction::Reassign));
    QVERIFY(actions(QStringLiteral("trainer"), acknowledged).isEmpty());
    QVERIFY(actions(QStringLiteral("admin"), acknowledged).isEmpty());
}

void TestPermissions::firstAdminOnlyOnAnEmptyDatabase()
{
    TestDatabase scratch(QStringLiteral("sqlite"));
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    AuthService auth(repos, *m_clock, hasher());
    QCOMPARE(*auth.needsFirstAdmin(), true);

    QCOMPARE(
        auth.createFirstAdmin(QStringLiteral("root"), QStringLiteral("管理员"), QStringLiteral("short")).error().code,
        Error::Code::Invalid);
    QCOMPARE(auth.createFirstAdmin(QStringLiteral("cli"), QString(), QStringLiteral("long-enough-1")).error().code,
             Error::Code::Invalid);
    QCOMPARE(*auth.needsFirstAdmin(), true);

    const auto admin =
        auth.createFirstAdmin(QStringLiteral("root"), QStringLiteral("管理员"), QStringLiteral("s3cret-pass"));
    QINGTING_VERIFY_OK(admin);
    QCOMPARE(admin->role(), std::optional<Role>(Role::Admin));
    QCOMPARE(admin->login(), QStringLiteral("root"));
    QCOMPARE(*auth.needsFirstAdmin(), false);

    RawConnection raw(scratch);
    const QString before = raw.dump();
    const auto second = auth.createFirstAdmin(QStringLiteral("root2"), QString(), QStringLiteral("s3cret-pass"));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, Error::Code::PermissionDenied);
    QCOMPARE(raw.dump(), before);
    const auto entries = raw.rows(QStringLiteral("SELECT action, actor, detail FROM audit_log ORDER BY seq"));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).at(0).toString(), QStringLiteral("user.add"));
    QCOMPARE(entries.at(0).at(1).toString(), QStringLiteral("root"));
    QVERIFY(entries.at(0).at(2).toString().contains(QLatin1String("first_admin")));
    // The stored hash is Argon2id, never the password.
    const QString hash = raw.scalar(QStringLiteral("SELECT password_hash FROM users WHERE login = 'root'")).toString();
    QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
    QVERIFY(!hash.contains(QLatin1String("s3cret-pass")));
}

void TestPermissions::loginRefusals()
{
    const Session cli = Session::commandLine();
    UserService admin(cli, m_repos, *m_clock, hasher());
    QINGTING_VERIFY_OK(
        admin.add(QStringLiteral("li.na"), Role::Clerk, QStringLiteral("李娜"), QStringLiteral("correct-horse")));
    QINGTING_VERIFY_OK(admin.add(QStringLiteral("gone"), Role::Clerk, QString(), QStringLiteral("correct-horse")));
    QINGTING_VERIFY_OK(admin.disable(QStringLiteral("gone")));
    AuthService auth(m_repos, *m_clock, hasher());
    QCOMPARE(*auth.needsFirstAdmin(), false);
    QCOMPARE(auth.createFirstAdmin(QStringLiteral("root"), QString(), QStringLiteral("s3cret-pass")).error().code,
             Error::Code::PermissionDenied);

    const qint64 auditBefore = m_raw->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong();
    const auto wrong = auth.login(QStringLiteral("li.na"), QStringLiteral("wrong-horse"));
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, Error::Code::Authentication);
    const auto unknown = auth.login(QStringLiteral("nobody"), QStringLiteral("correct-horse"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, Error::Code::Authentication);
    // The same message for both, so that it does not reveal which logins exist.
    QCOMPARE(unknown.error().message, wrong.error().message);
    const auto disabled = auth.login(QStringLiteral("gone"), QStringLiteral("correct-horse"));
    QVERIFY(!disabled.ok());
    QCOMPARE(disabled.error().code, Error::Code::Authentication);

    const auto failures = m_raw->rows(
        QStringLiteral("SELECT action, actor, detail FROM audit_log WHERE seq > ? ORDER BY seq"), {auditBefore});
    QCOMPARE(failures.size(), 3);
    QCOMPARE(failures.at(0).at(0).toString(), QStringLiteral("user.login_failed"));
    QCOMPARE(failures.at(0).at(1).toString(), QStringLiteral("li.na"));
    QVERIFY(failures.at(0).at(2).toString().contains(QLatin1String("password")));
    // An unknown login is recorded too (it is counted like a real one), under no account's name.
    QCOMPARE(failures.at(1).at(0).toString(), QStringLiteral("user.login_failed"));
    QCOMPARE(failures.at(1).at(1).toString(), QStringLiteral("(unknown)"));
    QVERIFY(failures.at(1).at(2).toString().contains(QLatin1String("nobody")));
    QCOMPARE(failures.at(2).at(1).toString(), QStringLiteral("gone"));
    QVERIFY(failures.at(2).at(2).toString().contains(QLatin1String("disabled")));
    QVERIFY(!m_repos.users->findByLogin(QStringLiteral("li.na"))->lastLoginAt.isValid());
}

void TestPermissions::loginSucceedsAndIsAudited()
{
    UserService admin(Session::commandLine(), m_repos, *m_clock, hasher());
    QINGTING_VERIFY_OK(
        admin.add(QStringLiteral("li.na"), Role::Supervisor, QStringLiteral("李娜"), QStringLiteral("correct-horse")));
    m_clock->set(at(QStringLiteral("2026-03-02 10:20:30")));
    AuthService auth(m_repos, *m_clock, hasher());
    const auto session = auth.login(QStringLiteral(" li.na "), QStringLiteral("correct-horse"));
    QINGTING_VERIFY_OK(session);
    QCOMPARE(session->login(), QStringLiteral("li.na"));
    QCOMPARE(session->displayName(), QStringLiteral("李娜"));
    QCOMPARE(session->role(), std::optional<Role>(Role::Supervisor));
    QVERIFY(session->userId() != 0);
    QVERIFY(!session->isCommandLine());
    QCOMPARE(m_repos.users->find(session->userId())->lastLoginAt, at(QStringLiteral("2026-03-02 10:20:30")));

    const auto last = m_raw->rows(QStringLiteral("SELECT action, actor, actor_id, entity_id, at FROM audit_log "
                                                 "ORDER BY seq DESC"));
    QCOMPARE(last.constFirst().at(0).toString(), QStringLiteral("user.login"));
    QCOMPARE(last.constFirst().at(1).toString(), QStringLiteral("li.na"));
    QCOMPARE(last.constFirst().at(2).toLongLong(), session->userId());
    QCOMPARE(last.constFirst().at(3).toLongLong(), session->userId());
    QCOMPARE(last.constFirst().at(4).toLongLong(), at(QStringLiteral("2026-03-02 10:20:30")).toSecsSinceEpoch());

    // The session it returns carries the role's permissions into the services.
    CaseService cases(*session, m_repos, *m_clock);
    QINGTING_VERIFY_OK(cases.perform(m_cases.followedUp, {CaseAction::Close}));
    const auto verified = AuditService(*session, m_repos).verify();
    QINGTING_VERIFY_OK(verified);
    QVERIFY(verified->ok);
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
