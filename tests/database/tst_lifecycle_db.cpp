#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"
#include "services/TransferService.h"

#include <QTest>

using Fixtures::at;

/** The case lifecycle as CaseService writes it to a real database: legal paths, side moves, refusals. */
class TestLifecycleDb : public QObject
{
    Q_OBJECT

private slots:
    void fullPath_data() { TestDatabase::addBackendRows(); }
    void fullPath();
    void transfer_data() { TestDatabase::addBackendRows(); }
    void transfer();
    void escalateReassignReopen_data() { TestDatabase::addBackendRows(); }
    void escalateReassignReopen();
    void illegalTransitionsWriteNothing_data() { TestDatabase::addBackendRows(); }
    void illegalTransitionsWriteNothing();
    void anonymousCase_data() { TestDatabase::addBackendRows(); }
    void anonymousCase();
    void transitionEffects_data() { TestDatabase::addBackendRows(); }
    void transitionEffects();
};

namespace {
CaseCommand followUp(int rating)
{
    CaseCommand c{CaseAction::FollowUp};
    c.rating = rating;
    c.nps = rating * 2;
    return c;
}

/** The commands that take a new case to each status, in order. */
QList<CaseCommand> pathTo(CaseStatus status)
{
    const QList<CaseCommand> all{{CaseAction::Acknowledge},
                                 {CaseAction::Start},
                                 {CaseAction::Resolve, QStringLiteral("已为市民补办")},
                                 followUp(5),
                                 {CaseAction::Close}};
    return all.mid(0, int(status));
}
} // namespace

void TestLifecycleDb::fullPath()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    const Session supervisor = Fixtures::addUser(repos, QStringLiteral("zhou"), Role::Supervisor);
    CaseService cases(supervisor, repos, clock);
    const auto created = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("办事窗口推诿")));
    QINGTING_VERIFY_OK(created);
    QCOMPARE(created->status, CaseStatus::Received);

    const QList<CaseStatus> expected{CaseStatus::Acknowledged, CaseStatus::InProgress, CaseStatus::Resolved,
                                     CaseStatus::FollowedUp, CaseStatus::Closed};
    const QList<CaseCommand> commands = pathTo(CaseStatus::Closed);
    int version = 0;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        clock.advanceSeconds(3600);
        const auto after = cases.perform(created->id, commands.at(i));
        QINGTING_VERIFY_OK(after);
        QCOMPARE(after->status, expected.at(i));
        QCOMPARE(after->version, ++version);
        QCOMPARE(after->updatedAt, clock.now());
        // What the service returns is what the database holds.
        const auto stored = repos.cases->find(created->id);
        QCOMPARE(stored->status, expected.at(i));
        QCOMPARE(stored->version, version);
    }
    const Case closed = *cases.get(created->id);
    const QDateTime t0 = created->receivedAt;
    QCOMPARE(closed.acknowledgedAt, t0.addSecs(3600));
    QCOMPARE(closed.resolvedAt, t0.addSecs(3 * 3600));
    QCOMPARE(closed.answeredAt, t0.addSecs(3 * 3600));
    QCOMPARE(closed.followedUpAt, t0.addSecs(4 * 3600));
    QCOMPARE(closed.closedAt, t0.addSecs(5 * 3600));
    QCOMPARE(closed.rating, std::optional<int>(5));
    QCOMPARE(closed.transferCount, 0);
    QCOMPARE(closed.escalationLevel, 0);
    QVERIFY(cases.availableActions(closed).contains(CaseAction::Reopen));
    QVERIFY(!cases.availableActions(closed).contains(CaseAction::Escalate));

    const auto timeline = cases.timeline(created->id);
    QCOMPARE(timeline->size(), 6);
    for (qsizetype i = 1; i < timeline->size(); ++i) {
        QCOMPARE(timeline->at(i).fromStatus, timeline->at(i - 1).toStatus);
        QCOMPARE(timeline->at(i).toStatus, std::optional<CaseStatus>(expected.at(i - 1)));
    }
    QCOMPARE(repos.cases->followUps(created->id)->size(), 1);

    // Resolving straight from acknowledged is legal too.
    const auto quick = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("当场解决")));
    QINGTING_VERIFY_OK(cases.perform(quick->id, {CaseAction::Acknowledge}));
    const auto resolved = cases.perform(quick->id, {CaseAction::Resolve, QStringLiteral("当场办结")});
    QINGTING_VERIFY_OK(resolved);
    QCOMPARE(resolved->status, CaseStatus::Resolved);
}

void TestLifecycleDb::transfer()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(Session::commandLine(), repos, clock);
    ReferenceService reference(Session::commandLine(), repos, clock);
    const qint64 office = Fixtures::referenceId(repos, ReferenceKind::Department, QStringLiteral("政务服务中心办公室"));
    const qint64 it = Fixtures::referenceId(repos, ReferenceKind::Department, QStringLiteral("信息技术科"));
    const qint64 home = Fixtures::referenceId(repos, ReferenceKind::Department, QStringLiteral("综合受理科"));
    const qint64 logistics = Fixtures::referenceId(repos, ReferenceKind::Department, QStringLiteral("后勤保障科"));
    QINGTING_VERIFY_OK(reference.setActive(ReferenceKind::Department, logistics, false));

    const auto c = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("系统报错无法提交")));
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->department.id, home);
    RawConnection raw(scratch);

    const auto refusedWith = [&](const CaseCommand& command) {
        const QString before = raw.dump();
        const auto result = cases.perform(c->id, command);
        const bool refused = !result.ok() && result.error().code == Error::Code::Invalid &&
                             !result.error().message.isEmpty() && raw.dump() == before;
        return refused;
    };
    CaseCommand noNote{CaseAction::Transfer};
    noNote.departmentId = it;
    QVERIFY(refusedWith(noNote));
    CaseCommand noDepartment{CaseAction::Transfer, QStringLiteral("需要技术支持")};
    QVERIFY(refusedWith(noDepartment));
    CaseCommand sameDepartment{CaseAction::Transfer, QStringLiteral("需要技术支持")};
    sameDepartment.departmentId = home;
    QVERIFY(refusedWith(sameDepartment));
    CaseCommand inactive{CaseAction::Transfer, QStringLiteral("需要技术支持")};
    inactive.departmentId = logistics;
    QVERIFY(refusedWith(inactive));
    CaseCommand missing{CaseAction::Transfer, QStringLiteral("需要技术支持")};
    missing.departmentId = 987654;
    QVERIFY(refusedWith(missing));

    // From received: the case stays received, so that the receiving unit still acknowledges the citizen. Counted.
    CaseCommand toIt{CaseAction::Transfer, QStringLiteral("需要技术支持")};
    toIt.departmentId = it;
    const auto first = cases.perform(c->id, toIt);
    QINGTING_VERIFY_OK(first);
    QCOMPARE(first->status, CaseStatus::Received);
    QVERIFY(!first->acknowledgedAt.isValid());
    QCOMPARE(first->department.id, it);
    QCOMPARE(first->department.name, QStringLiteral("信息技术科"));
    QCOMPARE(first->transferCount, 1);
    // Every caller's transfer goes through TransferService (转办, issue 12): it awaits the department's sign-for,
    // with its reason on record, and cannot be passed on before that.
    QCOMPARE(first->transferState, TransferState::AwaitingSign);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT reason FROM case_transfers WHERE case_id = ?"), {c->id}).toString(),
             QStringLiteral("需要技术支持"));

    CaseCommand toOffice{CaseAction::Transfer, QStringLiteral("涉及多个部门")};
    toOffice.departmentId = office;
    QCOMPARE(cases.perform(c->id, toOffice).error().code, Error::Code::InvalidTransition);
    QINGTING_VERIFY_OK(TransferService(Session::commandLine(), repos, clock).signFor(c->id, first->version, {}));
    const auto second = cases.perform(c->id, toOffice);
    QINGTING_VERIFY_OK(second);
    QCOMPARE(second->transferCount, 2);
    QCOMPARE(second->department.id, office);

    const auto events = cases.timeline(c->id);
    QCOMPARE(events->size(), 4);
    QCOMPARE(events->at(1).kind, CaseEventKind::Transferred);
    QCOMPARE(events->at(1).fromStatus, std::optional<CaseStatus>(CaseStatus::Received));
    QCOMPARE(events->at(1).toStatus, std::optional<CaseStatus>(CaseStatus::Received));
    QVERIFY(events->at(1).note.contains(QStringLiteral("信息技术科")));
    QCOMPARE(events->at(2).kind, CaseEventKind::TransferSigned);
    QVERIFY(events->at(3).note.contains(QStringLiteral("涉及多个部门")));
    const QString detail = raw.scalar(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'case.transfer' "
                                                     "ORDER BY seq DESC"))
                               .toString();
    QVERIFY2(detail.contains(QStringLiteral("\"to_department\":%1").arg(office)), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("\"from_department\":%1").arg(it)), qPrintable(detail));

    // Nobody acknowledged the citizen yet: no resolving until the receiving unit does.
    QCOMPARE(cases.perform(c->id, {CaseAction::Resolve, QStringLiteral("已修复")}).error().code,
             Error::Code::InvalidTransition);
    QINGTING_VERIFY_OK(cases.perform(c->id, {CaseAction::Acknowledge}));
    const auto resolved = cases.perform(c->id, {CaseAction::Resolve, QStringLiteral("已修复")});
    QINGTING_VERIFY_OK(resolved);
    QVERIFY(resolved->acknowledgedAt.isValid());

    // A resolved case is no longer open: reopen it first.
    CaseCommand late{CaseAction::Transfer, QStringLiteral("再转一次")};
    late.departmentId = it;
    const QString before = raw.dump();
    const auto refused = cases.perform(c->id, late);
    QCOMPARE(refused.error().code, Error::Code::InvalidTransition);
    QCOMPARE(raw.dump(), before);
}

void TestLifecycleDb::escalateReassignReopen()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Clerk);
    const Session otherClerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session trainer = Fixtures::addUser(repos, QStringLiteral("teacher"), Role::Trainer);
    const Session retired = Fixtures::addUser(repos, QStringLiteral("old"), Role::Clerk, false);
    const Session supervisor = Fixtures::addUser(repos, QStringLiteral("zhou"), Role::Supervisor);
    CaseService asClerk(clerk, repos, clock);
    CaseService asSupervisor(supervisor, repos, clock);

    const auto c = asClerk.create(Fixtures::citizenDraft(repos, QStringLiteral("多次往返未办成")));
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->assignee.id, clerk.userId());
    QINGTING_VERIFY_OK(asClerk.perform(c->id, {CaseAction::Acknowledge}));

    QCOMPARE(asClerk.perform(c->id, {CaseAction::Escalate}).error().code, Error::Code::Invalid);
    for (int level = 1; level <= 2; ++level) {
        const auto escalated = asClerk.perform(c->id, {CaseAction::Escalate, QStringLiteral("市民情绪激动")});
        QINGTING_VERIFY_OK(escalated);
        QCOMPARE(escalated->status, CaseStatus::Acknowledged);
        QCOMPARE(escalated->escalationLevel, level);
    }

    RawConnection raw(scratch);
    const QString before = raw.dump();
    for (const qint64 wrongAssignee : {qint64(0), clerk.userId(), trainer.userId(), retired.userId(), qint64(987654)}) {
        CaseCommand reassign{CaseAction::Reassign};
        reassign.assigneeId = wrongAssignee;
        const auto refused = asSupervisor.perform(c->id, reassign);
        QVERIFY2(!refused.ok() && refused.error().code == Error::Code::Invalid,
                 qPrintable(QStringLiteral("assignee %1").arg(wrongAssignee)));
    }
    QCOMPARE(raw.dump(), before);
    const auto assignable = asSupervisor.assignableUsers();
    QINGTING_VERIFY_OK(assignable);
    QStringList logins;
    for (const User& u : *assignable) {
        logins << u.login;
    }
    QCOMPARE(logins, (QStringList{QStringLiteral("chen"), QStringLiteral("li"), QStringLiteral("zhou")}));

    CaseCommand reassign{CaseAction::Reassign, QStringLiteral("换人跟进")};
    reassign.assigneeId = otherClerk.userId();
    const auto reassigned = asSupervisor.perform(c->id, reassign);
    QINGTING_VERIFY_OK(reassigned);
    QCOMPARE(reassigned->status, CaseStatus::Acknowledged);
    QCOMPARE(reassigned->assignee.id, otherClerk.userId());
    QCOMPARE(reassigned->assignee.name, otherClerk.displayName());
    const auto events = asSupervisor.timeline(c->id);
    QCOMPARE(events->constLast().kind, CaseEventKind::Reassigned);
    QVERIFY(events->constLast().note.contains(otherClerk.displayName()));
    QVERIFY(events->constLast().note.contains(QStringLiteral("换人跟进")));

    // Reopen from resolved, followed up and closed: back to in progress, resolution and closure cleared.
    for (const CaseStatus from : {CaseStatus::Resolved, CaseStatus::FollowedUp, CaseStatus::Closed}) {
        const auto other = asClerk.create(Fixtures::citizenDraft(repos, QStringLiteral("重开测试")));
        for (const CaseCommand& command : pathTo(from)) {
            QINGTING_VERIFY_OK(asSupervisor.perform(other->id, command));
        }
        QCOMPARE(asSupervisor.perform(other->id, {CaseAction::Reopen}).error().code, Error::Code::Invalid);
        clock.advanceSeconds(60);
        const auto reopened = asSupervisor.perform(other->id, {CaseAction::Reopen, QStringLiteral("市民不认可")});
        QINGTING_VERIFY_OK(reopened);
        QCOMPARE(reopened->status, CaseStatus::InProgress);
        QVERIFY(!reopened->resolvedAt.isValid());
        QVERIFY(!reopened->closedAt.isValid());
        const auto timeline = asSupervisor.timeline(other->id);
        QCOMPARE(timeline->constLast().kind, CaseEventKind::Reopened);
        QCOMPARE(timeline->constLast().fromStatus, std::optional<CaseStatus>(from));
        // And it can be resolved again.
        QINGTING_VERIFY_OK(asSupervisor.perform(other->id, {CaseAction::Resolve, QStringLiteral("二次办结")}));
    }
}

void TestLifecycleDb::illegalTransitionsWriteNothing()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(Session::commandLine(), repos, clock);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Clerk);
    const qint64 it = Fixtures::referenceId(repos, ReferenceKind::Department, QStringLiteral("信息技术科"));

    QHash<CaseStatus, qint64> byStatus;
    for (const CaseStatus s : CaseStatuses::all()) {
        const auto c =
            cases.create(Fixtures::citizenDraft(repos, QStringLiteral("状态 %1").arg(CaseStatuses::code(s))));
        QINGTING_VERIFY_OK(c);
        for (const CaseCommand& command : pathTo(s)) {
            QINGTING_VERIFY_OK(cases.perform(c->id, command));
        }
        QCOMPARE(cases.get(c->id)->status, s);
        byStatus.insert(s, c->id);
    }

    // Commands that would be valid input, so that only the lifecycle can refuse them.
    CaseCommand transfer{CaseAction::Transfer, QStringLiteral("转办")};
    transfer.departmentId = it;
    CaseCommand reassign{CaseAction::Reassign, QStringLiteral("换人")};
    reassign.assigneeId = clerk.userId();
    const QHash<CaseAction, CaseCommand> commands{
        {CaseAction::Acknowledge, {CaseAction::Acknowledge}},
        {CaseAction::Start, {CaseAction::Start}},
        {CaseAction::Transfer, transfer},
        {CaseAction::Escalate, {CaseAction::Escalate, QStringLiteral("升级")}},
        {CaseAction::Resolve, {CaseAction::Resolve, QStringLiteral("办结")}},
        {CaseAction::FollowUp, followUp(3)},
        {CaseAction::Close, {CaseAction::Close}},
        {CaseAction::Reopen, {CaseAction::Reopen, QStringLiteral("重开")}},
        {CaseAction::Reassign, reassign},
        {CaseAction::AddNote, {CaseAction::AddNote, QStringLiteral("备注")}},
    };
    const QHash<CaseStatus, QList<CaseAction>> illegal{
        {CaseStatus::Received,
         {CaseAction::Start, CaseAction::Resolve, CaseAction::FollowUp, CaseAction::Close, CaseAction::Reopen}},
        {CaseStatus::Acknowledged,
         {CaseAction::Acknowledge, CaseAction::FollowUp, CaseAction::Close, CaseAction::Reopen}},
        {CaseStatus::InProgress,
         {CaseAction::Acknowledge, CaseAction::Start, CaseAction::FollowUp, CaseAction::Close, CaseAction::Reopen}},
        {CaseStatus::Resolved,
         {CaseAction::Acknowledge, CaseAction::Start, CaseAction::Transfer, CaseAction::Resolve, CaseAction::Close}},
        {CaseStatus::FollowedUp,
         {CaseAction::Acknowledge, CaseAction::Start, CaseAction::Transfer, CaseAction::Resolve, CaseAction::FollowUp}},
        {CaseStatus::Closed,
         {CaseAction::Acknowledge, CaseAction::Start, CaseAction::Transfer, CaseAction::Escalate, CaseAction::Resolve,
          CaseAction::FollowUp, CaseAction::Close, CaseAction::Reassign}},
    };

    RawConnection raw(scratch);
    const QString before = raw.dump();
    int checked = 0;
    for (auto it2 = illegal.cbegin(); it2 != illegal.cend(); ++it2) {
        for (const CaseAction action : it2.value()) {
            const QString label =
                QStringLiteral("%1 on %2").arg(CaseActions::code(action), CaseStatuses::code(it2.key()));
            const auto result = cases.perform(byStatus.value(it2.key()), commands.value(action));
            QVERIFY2(!result.ok(), qPrintable(label + QStringLiteral(" was allowed")));
            QVERIFY2(result.error().code == Error::Code::InvalidTransition,
                     qPrintable(label + QStringLiteral(": ") + result.error().message));
            QVERIFY2(!result.error().message.trimmed().isEmpty(), qPrintable(label));
            ++checked;
        }
    }
    QCOMPARE(checked, 32);
    QCOMPARE(raw.dump(), before);

    // Everything the lifecycle offers on each status does go through.
    for (const CaseStatus s : CaseStatuses::all()) {
        const Case c = *cases.get(byStatus.value(s));
        for (const CaseAction action : CaseLifecycle::availableActions(c)) {
            QVERIFY2(
                !illegal.value(s).contains(action),
                qPrintable(QStringLiteral("%1 offered on %2").arg(CaseActions::code(action), CaseStatuses::code(s))));
        }
    }
}

void TestLifecycleDb::anonymousCase()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(Session::commandLine(), repos, clock);
    const auto c = cases.create(Fixtures::anonymousDraft(repos, QStringLiteral("大厅空调不制冷")));
    QINGTING_VERIFY_OK(c);
    QVERIFY(c->isAnonymous());
    QINGTING_VERIFY_OK(cases.perform(c->id, {CaseAction::Acknowledge}));
    QINGTING_VERIFY_OK(cases.perform(c->id, {CaseAction::Resolve, QStringLiteral("已报修")}));

    RawConnection raw(scratch);
    const QString before = raw.dump();
    const auto refused = cases.perform(c->id, followUp(4));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::InvalidTransition);
    QVERIFY(!refused.error().message.isEmpty());
    QCOMPARE(raw.dump(), before);
    QVERIFY(!cases.availableActions(*cases.get(c->id)).contains(CaseAction::FollowUp));
    QVERIFY(cases.availableActions(*cases.get(c->id)).contains(CaseAction::Close));

    const auto closed = cases.perform(c->id, {CaseAction::Close});
    QINGTING_VERIFY_OK(closed);
    QCOMPARE(closed->status, CaseStatus::Closed);
    QVERIFY(!closed->followedUpAt.isValid());
    QVERIFY(repos.cases->followUps(c->id)->isEmpty());

    // A named case resolved the same way may not skip the follow-up.
    const auto named = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("有名有姓")));
    QINGTING_VERIFY_OK(cases.perform(named->id, {CaseAction::Acknowledge}));
    QINGTING_VERIFY_OK(cases.perform(named->id, {CaseAction::Resolve, QStringLiteral("已报修")}));
    QCOMPARE(cases.perform(named->id, {CaseAction::Close}).error().code, Error::Code::InvalidTransition);
}

namespace {
/** The case columns that the lifecycle may touch (the lead's sort-key columns may come and go beside them). */
const char* const kLifecycleColumns[] = {"status",           "department_id", "assignee_id", "acknowledged_at",
                                         "answered_at",      "due_at",        "resolved_at", "followed_up_at",
                                         "closed_at",        "updated_at",    "version",     "transfer_count",
                                         "escalation_level", "rating",        "nps"};

QMap<QString, QVariant> lifecycleColumns(RawConnection& raw, qint64 caseId)
{
    QMap<QString, QVariant> row;
    for (const char* column : kLifecycleColumns) {
        row.insert(
            QLatin1String(column),
            raw.scalar(QStringLiteral("SELECT %1 FROM cases WHERE id = ?").arg(QLatin1String(column)), {caseId}));
    }
    return row;
}

QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
} // namespace

void TestLifecycleDb::transitionEffects()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(Session::commandLine(), repos, clock);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Clerk);
    const qint64 it = Fixtures::referenceId(repos, ReferenceKind::Department, QStringLiteral("信息技术科"));
    RawConnection raw(scratch);

    struct Effect
    {
        CaseStatus from;
        CaseAction action;
        const char* changed; ///< exactly the columns whose value changes
        const char* cleared; ///< of those, the ones that become NULL
        const char* event;   ///< the timeline event's kind
    };
    using S = CaseStatus;
    using A = CaseAction;
    // clang-format off
    const Effect table[] = {
        {S::Received,     A::Acknowledge, "status acknowledged_at updated_at version", "", "acknowledged"},
        {S::Acknowledged, A::Start,       "status updated_at version", "", "started"},
        {S::Received,     A::Transfer,    "department_id transfer_count updated_at version", "", "transferred"},
        {S::Acknowledged, A::Transfer,    "status department_id transfer_count updated_at version", "", "transferred"},
        {S::InProgress,   A::Escalate,    "escalation_level updated_at version", "", "escalated"},
        {S::InProgress,   A::Resolve,     "status answered_at resolved_at updated_at version", "", "resolved"},
        {S::Resolved,     A::FollowUp,    "status followed_up_at rating nps updated_at version", "", "followed_up"},
        {S::FollowedUp,   A::Close,       "status closed_at updated_at version", "", "closed"},
        {S::Resolved,     A::Reopen,      "status due_at resolved_at updated_at version", "resolved_at", "reopened"},
        {S::FollowedUp,   A::Reopen,      "status due_at resolved_at followed_up_at rating nps updated_at version",
                                          "resolved_at followed_up_at rating nps", "reopened"},
        {S::Closed,       A::Reopen,      "status due_at resolved_at followed_up_at closed_at rating nps updated_at version",
                                          "resolved_at followed_up_at closed_at rating nps", "reopened"},
        {S::Acknowledged, A::Reassign,    "assignee_id updated_at version", "", "reassigned"},
        {S::Closed,       A::AddNote,     "updated_at version", "", "note"},
    };
    // clang-format on

    for (const Effect& e : table) {
        const QString label = CaseStatuses::code(e.from) + QStringLiteral(" x ") + CaseActions::code(e.action);
        const auto c = cases.create(Fixtures::citizenDraft(repos, label));
        QINGTING_VERIFY_OK(c);
        for (const CaseCommand& command : pathTo(e.from)) {
            clock.advanceSeconds(600);
            QINGTING_VERIFY_OK(cases.perform(c->id, command));
        }
        CaseCommand command{e.action, QStringLiteral("说明")};
        command.departmentId = it;
        command.assigneeId = clerk.userId();
        if (e.action == A::FollowUp) {
            command = followUp(2);
        }
        const auto before = lifecycleColumns(raw, c->id);
        const qint64 events =
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE case_id = ?"), {c->id}).toLongLong();
        const qint64 followUps =
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM follow_ups WHERE case_id = ?"), {c->id}).toLongLong();
        const qint64 audits = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong();
        clock.advanceSeconds(3600);
        const auto after = cases.perform(c->id, command);
        QVERIFY2(after.ok(),
                 qPrintable(label + QStringLiteral(": ") + (after.ok() ? QString() : after.error().message)));
        const auto now = lifecycleColumns(raw, c->id);

        QStringList changed;
        QStringList cleared;
        for (auto col = before.cbegin(); col != before.cend(); ++col) {
            const QVariant& value = now.value(col.key());
            if (value.isNull() != col.value().isNull() || value.toString() != col.value().toString()) {
                changed << col.key();
                if (value.isNull()) {
                    cleared << col.key();
                }
            }
        }
        QStringList expectedChanged = words(e.changed);
        QStringList expectedCleared = words(e.cleared);
        changed.sort();
        cleared.sort();
        expectedChanged.sort();
        expectedCleared.sort();
        QVERIFY2(changed == expectedChanged, qPrintable(label + QStringLiteral(": changed ") + changed.join(u' ')));
        QVERIFY2(cleared == expectedCleared, qPrintable(label + QStringLiteral(": cleared ") + cleared.join(u' ')));
        QCOMPARE(now.value(QStringLiteral("version")).toInt(), before.value(QStringLiteral("version")).toInt() + 1);
        QCOMPARE(now.value(QStringLiteral("updated_at")).toLongLong(), clock.now().toSecsSinceEpoch());
        if (e.action == A::Reopen) {
            // A new answer is owed within the policy's 48 h of reopening; the first answer stays on record.
            QCOMPARE(now.value(QStringLiteral("due_at")).toLongLong(),
                     clock.now().toSecsSinceEpoch() + qint64(48) * 3600);
            QVERIFY(!now.value(QStringLiteral("answered_at")).isNull());
        }

        // One event of the right kind, one audit entry naming the action and the case; history kept.
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE case_id = ?"), {c->id}).toLongLong(),
                 events + 1);
        const auto last = raw.rows(QStringLiteral("SELECT kind, from_status, to_status FROM case_events WHERE "
                                                  "case_id = ? ORDER BY id DESC"),
                                   {c->id});
        QCOMPARE(last.first().at(0).toString(), QString::fromLatin1(e.event));
        QCOMPARE(last.first().at(1).toString(), CaseStatuses::code(e.from));
        QCOMPARE(last.first().at(2).toString(), now.value(QStringLiteral("status")).toString());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong(), audits + 1);
        const auto audit =
            raw.rows(QStringLiteral("SELECT action, entity, entity_id FROM audit_log ORDER BY seq DESC"));
        QCOMPARE(audit.first().at(0).toString(), QStringLiteral("case.") + CaseActions::code(e.action));
        QCOMPARE(audit.first().at(1).toString(), QStringLiteral("case"));
        QCOMPARE(audit.first().at(2).toLongLong(), c->id);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM follow_ups WHERE case_id = ?"), {c->id}).toLongLong(),
                 followUps + (e.action == A::FollowUp ? 1 : 0));
    }
}

QTEST_GUILESS_MAIN(TestLifecycleDb)
#include "tst_lifecycle_db.moc"
