// Views and supervision (issue 12, helper "supervise") on SQLite and PostgreSQL: the case list's views return
// exactly their cases and are served by indexes; a reminder (督办) is checked, recorded on the case, its timeline
// and the audit log; what concerns a desk is found among the other desks' events; and a desk's NoticeWatcher hears
// of them (PostgreSQL through LISTEN/NOTIFY alone, SQLite by polling).

#include "Database.h"
#include "SqlCaseRepository.h"
#include "SqlDatabaseConnector.h"
#include "SqlSupervisionRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "services/CaseService.h"
#include "services/ImprovementService.h"
#include "services/SuperviseService.h"
#include "supervise/NoticeWatcher.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QSignalSpy>
#include <QtTest>

using Fixtures::at;

namespace {
const QDateTime kNow = at(QStringLiteral("2026-06-01 10:00"));

struct Desk
{
    Session admin = Session::commandLine();
    Session clerk;
    Session clerk2;
    Session supervisor;
    Session supervisor2;
    QMap<QString, qint64> ids; ///< case letter -> id
    QMap<QString, QString> numbers;
};

/** Sets what the test needs on a stored case, through the repository's own write path. */
void setCase(const Repositories& repos, qint64 id, CaseStatus status, const QString& due, qint64 assigneeId)
{
    auto c = repos.cases->find(id);
    QVERIFY(c.ok());
    c->status = status;
    c->dueAt = at(due);
    c->assignee = {assigneeId, QString()};
    QVERIFY(repos.cases->update(*c).ok());
}

void fill(const TestDatabase& scratch, Database& db, FixedClock& clock, Desk* desk)
{
    const Repositories repos = db.repositories();
    desk->clerk = Fixtures::addUser(repos, QStringLiteral("clerk1"), Role::Clerk);
    desk->clerk2 = Fixtures::addUser(repos, QStringLiteral("clerk2"), Role::Clerk);
    desk->supervisor = Fixtures::addUser(repos, QStringLiteral("boss1"), Role::Supervisor);
    desk->supervisor2 = Fixtures::addUser(repos, QStringLiteral("boss2"), Role::Supervisor);
    CaseService cases(desk->admin, repos, clock);
    struct Row
    {
        const char* letter;
        CaseStatus status;
        const char* due;
        qint64 assignee;
    };
    const qint64 c1 = desk->clerk.userId();
    const Row rows[] = {
        {"A", CaseStatus::InProgress, "2026-06-01 09:00", c1},  // overdue
        {"B", CaseStatus::Received, "2026-06-01 12:00", c1},    // due today, nearly due
        {"C", CaseStatus::Acknowledged, "2026-06-01 23:30", 0}, // due today, on time
        {"D", CaseStatus::InProgress, "2026-06-02 00:00", 0},   // tomorrow
        {"E", CaseStatus::Resolved, "2026-05-30 10:00", 0},     // awaiting follow-up (not overdue: resolved)
        {"F", CaseStatus::Closed, "2026-05-01 10:00", 0},       // nothing
        {"G", CaseStatus::InProgress, "2026-06-03 10:00", c1},  // awaiting sign-for
        {"H", CaseStatus::InProgress, "2026-06-05 10:00", 0},   // paused
    };
    int n = 0;
    for (const Row& row : rows) {
        CaseDraft draft = Fixtures::anonymousDraft(repos, QStringLiteral("第%1号：窗口人员态度生硬").arg(n));
        draft.receivedAt = at(QStringLiteral("2026-05-20 09:00")).addSecs(qint64(n++) * 3600);
        const auto created = cases.create(draft);
        QINGTING_VERIFY_OK(created);
        desk->ids.insert(QLatin1String(row.letter), created->id);
        desk->numbers.insert(QLatin1String(row.letter), created->caseNo);
        setCase(repos, created->id, row.status, QLatin1String(row.due), row.assignee);
    }
    RawConnection raw(scratch);
    QCOMPARE(raw.exec(QStringLiteral("UPDATE cases SET transfer_state = 'awaiting_sign' WHERE id = ?"),
                      {desk->ids.value(QStringLiteral("G"))}),
             QString());
    QCOMPARE(
        raw.exec(QStringLiteral("UPDATE cases SET paused_at = ? WHERE id = ?"),
                 {at(QStringLiteral("2026-05-31 08:00")).toSecsSinceEpoch(), desk->ids.value(QStringLiteral("H"))}),
        QString());
}

/** The letters of the cases a query lists, in the order listed, through pages of 2 and in both shapes. */
QString letters(SqlCaseRepository& repo, const Desk& desk, CaseQuery query)
{
    QString result;
    for (const int smallSet : {1, 1000000}) {
        repo.setPlanThresholds(smallSet, SqlCaseRepository::kDefaultCountCap);
        QString shape;
        query.limit = 2;
        query.after = {};
        for (int guard = 0; guard < 20; ++guard) {
            const auto page = repo.list(query);
            if (!page.ok()) {
                return page.error().message;
            }
            for (const Case& c : page->cases) {
                shape += desk.ids.key(c.id);
            }
            if (page->atEnd) {
                break;
            }
            query.after = page->next;
        }
        if (!result.isEmpty() && shape != result) {
            return QStringLiteral("shapes differ: %1 / %2").arg(result, shape);
        }
        result = shape;
    }
    repo.setPlanThresholds(SqlCaseRepository::kDefaultSmallSet, SqlCaseRepository::kDefaultCountCap);
    return result;
}

CaseQuery dueToday()
{
    CaseQuery q;
    q.dueFrom = kNow;
    q.overdueAt = at(QStringLiteral("2026-06-02 00:00"));
    return q;
}
} // namespace

class TestSupervise : public QObject
{
    Q_OBJECT

private slots:
    void views_data() { TestDatabase::addBackendRows(); }
    void views();
    void viewPlansUseIndexes_data() { TestDatabase::addBackendRows(); }
    void viewPlansUseIndexes();
    void reminders_data() { TestDatabase::addBackendRows(); }
    void reminders();
    void notices_data() { TestDatabase::addBackendRows(); }
    void notices();
    void watcherHearsOtherDesks_data() { TestDatabase::addBackendRows(); }
    void watcherHearsOtherDesks();
    void watcherHearsImprovementWrites_data() { TestDatabase::addBackendRows(); }
    void watcherHearsImprovementWrites();
};

void TestSupervise::views()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    Desk desk;
    fill(scratch, *db, clock, &desk);
    SqlCaseRepository& repo = db->caseRepository();

    // Newest received first (the list's default order): H was received last.
    CaseQuery overdue;
    overdue.overdueAt = kNow;
    QCOMPARE(letters(repo, desk, overdue), QStringLiteral("A"));
    QCOMPARE(letters(repo, desk, dueToday()), QStringLiteral("CB"));
    CaseQuery followUp;
    followUp.statuses = {CaseStatus::Resolved};
    QCOMPARE(letters(repo, desk, followUp), QStringLiteral("E"));
    CaseQuery sign;
    sign.awaitingSignFor = true;
    QCOMPARE(letters(repo, desk, sign), QStringLiteral("G"));
    CaseQuery paused;
    paused.pausedOnly = true;
    QCOMPARE(letters(repo, desk, paused), QStringLiteral("H"));
    CaseQuery mine;
    mine.statuses = {CaseStatus::Received, CaseStatus::Acknowledged, CaseStatus::InProgress};
    mine.assigneeId = desk.clerk.userId();
    QCOMPARE(letters(repo, desk, mine), QStringLiteral("GBA"));
    CaseQuery myDueToday = dueToday();
    myDueToday.assigneeId = desk.clerk.userId();
    QCOMPARE(letters(repo, desk, myDueToday), QStringLiteral("B"));
    CaseQuery signedAndSearched = sign;
    signedAndSearched.text = QStringLiteral("态度");
    QCOMPARE(letters(repo, desk, signedAndSearched), QStringLiteral("G"));
    // Oldest due first works too (sort by status here: B received, C acknowledged).
    CaseQuery byStatus = dueToday();
    byStatus.sortKey = CaseSortKey::Status;
    byStatus.descending = false;
    QCOMPARE(letters(repo, desk, byStatus), QStringLiteral("BC"));

    // The counts under the list agree.
    const QList<QPair<CaseQuery, qint64>> counted{{dueToday(), 2}, {sign, 1}, {paused, 1}, {myDueToday, 1}};
    for (const auto& [query, expected] : counted) {
        const auto n = repo.count(query);
        QINGTING_VERIFY_OK(n);
        QCOMPARE(n->value, expected);
        QVERIFY(n->exact);
    }
}

void TestSupervise::viewPlansUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    Desk desk;
    fill(scratch, *db, clock, &desk);
    RawConnection raw(scratch);
    raw.exec(QStringLiteral("ANALYZE"));
    SqlCaseRepository& repo = db->caseRepository();
    if (scratch.isPostgres()) {
        // A handful of rows would rightly be read whole: show whether an index CAN serve each query.
        QINGTING_VERIFY_OK(repo.setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")));
    }
    CaseQuery overdue;
    overdue.overdueAt = kNow;
    CaseQuery sign;
    sign.awaitingSignFor = true;
    CaseQuery paused;
    paused.pausedOnly = true;
    CaseQuery myDueToday = dueToday();
    myDueToday.assigneeId = desk.clerk.userId();
    const QList<QPair<QString, CaseQuery>> views{{QStringLiteral("overdue"), overdue},
                                                 {QStringLiteral("due today"), dueToday()},
                                                 {QStringLiteral("my due today"), myDueToday},
                                                 {QStringLiteral("awaiting sign-for"), sign},
                                                 {QStringLiteral("paused"), paused}};
    for (const bool walk : {true, false}) {
        repo.setPlanThresholds(walk ? 1 : 1000000, SqlCaseRepository::kDefaultCountCap);
        for (const auto& [name, query] : views) {
            for (const CaseSortKey key : {CaseSortKey::ReceivedAt, CaseSortKey::CaseNo, CaseSortKey::Status}) {
                CaseQuery q = query;
                q.sortKey = key;
                const auto plan = repo.explainList(q);
                QINGTING_VERIFY_OK(plan);
                const QString text = plan->join(QLatin1Char('\n'));
                const QString where = QStringLiteral("%1, sort %2, %3:\n%4")
                                          .arg(name)
                                          .arg(int(key))
                                          .arg(walk ? QStringLiteral("walk") : QStringLiteral("small"), text);
                if (scratch.isPostgres()) {
                    QVERIFY2(!text.contains(QLatin1String("Seq Scan on cases")), qPrintable(where));
                } else {
                    for (const QString& line : *plan) {
                        QVERIFY2(line.trimmed() != QLatin1String("SCAN c"), qPrintable(where));
                    }
                    if (!walk) {
                        // The small shape is driven by the view's own index.
                        const char* index = name == QLatin1String("awaiting sign-for") ? "cases_transfer_state"
                                            : name == QLatin1String("paused")          ? "cases_paused"
                                            : name == QLatin1String("my due today")    ? "cases_assignee_open_due"
                                                                                       : "cases_open_due";
                        QVERIFY2(text.contains(QLatin1String(index)), qPrintable(where));
                    }
                }
            }
        }
    }
    repo.setPlanThresholds(SqlCaseRepository::kDefaultSmallSet, SqlCaseRepository::kDefaultCountCap);

    // What concerns a desk: a range of the events' primary key, never a scan of the timeline.
    SqlSupervisionRepository supervision(db->sqlContext());
    const auto plan = supervision.explainNotices(10, desk.clerk.userId(), SuperviseService::noticeKinds());
    QINGTING_VERIFY_OK(plan);
    const QString text = plan->join(QLatin1Char('\n'));
    if (scratch.isPostgres()) {
        QVERIFY2(!text.contains(QLatin1String("Seq Scan on case_events")), qPrintable(text));
    } else {
        QVERIFY2(text.contains(QLatin1String("SEARCH e USING INTEGER PRIMARY KEY (rowid>?)")), qPrintable(text));
    }
    QINGTING_VERIFY_OK(repo.setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("on")));
}

void TestSupervise::reminders()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    Desk desk;
    fill(scratch, *db, clock, &desk);
    const Repositories repos = db->repositories();
    const qint64 a = desk.ids.value(QStringLiteral("A"));
    const qint64 b = desk.ids.value(QStringLiteral("B"));
    const qint64 c = desk.ids.value(QStringLiteral("C"));
    const qint64 g = desk.ids.value(QStringLiteral("G"));
    SuperviseService boss(desk.supervisor, repos, clock);
    SuperviseService clerk(desk.clerk, repos, clock);
    QCOMPARE(boss.nearDeadlineMinutes(), 240);

    // A clerk may not send reminders.
    const auto stored = repos.cases->find(a);
    QINGTING_VERIFY_OK(stored);
    QVERIFY(!clerk.canRemind(*stored));
    const auto denied = clerk.remind(a, stored->version, QString());
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().code, Error::Code::PermissionDenied);

    // Overdue (A) and nearly due (B: 2 h left) take one; on time (G) and unassigned (C) do not.
    QVERIFY(boss.canRemind(*stored));
    QVERIFY(boss.canRemind(*repos.cases->find(b)));
    QVERIFY(!boss.canRemind(*repos.cases->find(g)));
    QVERIFY(!boss.canRemind(*repos.cases->find(c)));
    const auto onTime = boss.remind(g, repos.cases->find(g)->version, QString());
    QVERIFY(!onTime.ok());
    QCOMPARE(onTime.error().code, Error::Code::Invalid);
    const auto unassigned = boss.remind(c, repos.cases->find(c)->version, QString());
    QVERIFY(!unassigned.ok());
    QCOMPARE(unassigned.error().code, Error::Code::Invalid);
    const auto tooLong = boss.remind(a, stored->version, QString(501, QLatin1Char('x')));
    QVERIFY(!tooLong.ok());
    QCOMPARE(tooLong.error().code, Error::Code::Invalid);

    const auto first = boss.remind(a, stored->version, QStringLiteral("  今天下班前给群众答复  "));
    QINGTING_VERIFY_OK(first);
    QCOMPARE(first->reminderLevel, 1);
    QCOMPARE(first->remindedAt, kNow);
    QCOMPARE(first->status, CaseStatus::InProgress);
    // A stale copy is refused.
    const auto stale = boss.remind(a, stored->version, QString());
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    clock.advanceSeconds(3600);
    const auto second = boss.remind(a, first->version, QString());
    QINGTING_VERIFY_OK(second);
    QCOMPARE(second->reminderLevel, 2);
    QCOMPARE(second->remindedAt, at(QStringLiteral("2026-06-01 11:00")));

    const auto timeline = repos.cases->events(a);
    QINGTING_VERIFY_OK(timeline);
    QList<CaseEvent> reminded;
    for (const CaseEvent& e : *timeline) {
        if (e.kind == CaseEventKind::Reminded) {
            reminded << e;
        }
    }
    QCOMPARE(reminded.size(), 2);
    QCOMPARE(reminded.at(0).note, QStringLiteral("→ clerk1 同志 #1 · 今天下班前给群众答复"));
    QCOMPARE(reminded.at(1).note, QStringLiteral("→ clerk1 同志 #2"));
    QCOMPARE(reminded.at(0).actor.id, desk.supervisor.userId());

    RawConnection raw(scratch);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.remind' AND entity_id = ?"), {a})
            .toInt(),
        2);
    // The list reads the level too.
    CaseQuery overdue;
    overdue.overdueAt = clock.now();
    const auto page = repos.cases->list(overdue);
    QINGTING_VERIFY_OK(page);
    QCOMPARE(page->cases.size(), 1);
    QCOMPARE(page->cases.constFirst().reminderLevel, 2);
}

void TestSupervise::notices()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    Desk desk;
    fill(scratch, *db, clock, &desk);
    const Repositories repos = db->repositories();
    SuperviseService clerkDesk(desk.clerk, repos, clock);
    SuperviseService clerk2Desk(desk.clerk2, repos, clock);
    SuperviseService boss(desk.supervisor, repos, clock);
    const auto start = clerkDesk.latestEventId();
    QINGTING_VERIFY_OK(start);
    QVERIFY(*start > 0);
    auto none = clerkDesk.noticesAfter(*start);
    QINGTING_VERIFY_OK(none);
    QVERIFY(none->isEmpty());

    // The supervisor reminds clerk1 on A and reassigns D to clerk1; clerk1 notes on A (its own doing).
    const qint64 a = desk.ids.value(QStringLiteral("A"));
    const qint64 d = desk.ids.value(QStringLiteral("D"));
    QINGTING_VERIFY_OK(boss.remind(a, repos.cases->find(a)->version, QStringLiteral("请尽快处理")));
    CaseService bossCases(desk.supervisor, repos, clock);
    CaseCommand reassign;
    reassign.action = CaseAction::Reassign;
    reassign.assigneeId = desk.clerk.userId();
    QINGTING_VERIFY_OK(bossCases.perform(d, reassign));
    CaseService clerkCases(desk.clerk, repos, clock);
    CaseCommand note;
    note.action = CaseAction::AddNote;
    note.note = QStringLiteral("已联系群众");
    QINGTING_VERIFY_OK(clerkCases.perform(a, note));
    // A transfer returned to clerk1's case by someone else (the transfer helper writes this kind).
    CaseEvent returned;
    returned.caseId = desk.ids.value(QStringLiteral("G"));
    returned.at = kNow;
    returned.kind = CaseEventKind::TransferReturned;
    returned.actor = desk.clerk2.actor();
    returned.note = QStringLiteral("→ 信息技术科 · 不属本科职责");
    QINGTING_VERIFY_OK(repos.cases->addEvent(returned));

    const auto mine = clerkDesk.noticesAfter(*start);
    QINGTING_VERIFY_OK(mine);
    QCOMPARE(mine->size(), 3);
    QCOMPARE(mine->at(0).event.kind, CaseEventKind::Reminded);
    QCOMPARE(mine->at(0).caseNo, desk.numbers.value(QStringLiteral("A")));
    QCOMPARE(mine->at(0).event.note, QStringLiteral("→ clerk1 同志 #1 · 请尽快处理"));
    QCOMPARE(mine->at(0).event.actor.name, QStringLiteral("boss1 同志"));
    QCOMPARE(mine->at(1).event.kind, CaseEventKind::Reassigned);
    QCOMPARE(mine->at(1).caseNo, desk.numbers.value(QStringLiteral("D")));
    QCOMPARE(mine->at(2).event.kind, CaseEventKind::TransferReturned);
    QCOMPARE(mine->at(2).caseNo, desk.numbers.value(QStringLiteral("G")));
    // From the second notice on, only the later ones.
    const auto later = clerkDesk.noticesAfter(mine->at(1).event.id);
    QINGTING_VERIFY_OK(later);
    QCOMPARE(later->size(), 1);
    // Nothing of it concerns clerk2 or the supervisor.
    QVERIFY(clerk2Desk.noticesAfter(*start)->isEmpty());
    QVERIFY(boss.noticesAfter(*start)->isEmpty());
}

void TestSupervise::watcherHearsOtherDesks()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    Desk desk;
    fill(scratch, *db, clock, &desk);
    PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(scratch.location()), clock, hasher);
    NoticeWatcher watcher(worker, desk.clerk);
    // PostgreSQL: no polling at all within the test, so a notice can only come through NOTIFY. SQLite: a fast tick.
    watcher.setPollInterval(scratch.isPostgres() ? 3600 * 1000 : 200);
    QSignalSpy started(&watcher, &NoticeWatcher::started);
    QSignalSpy arrived(&watcher, &NoticeWatcher::noticesArrived);
    QSignalSpy advanced(&watcher, &NoticeWatcher::eventsAdvanced); // dashboard (issue 14): any desk's change
    watcher.start();
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(watcher.isListening(), scratch.isPostgres());

    // Another desk (this test's own connection) reminds clerk1.
    const Repositories repos = db->repositories();
    const qint64 a = desk.ids.value(QStringLiteral("A"));
    SuperviseService boss(desk.supervisor, repos, clock);
    QINGTING_VERIFY_OK(boss.remind(a, repos.cases->find(a)->version, QString()));
    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);
    const auto notices = arrived.at(0).at(0).value<QList<Notice>>();
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).event.kind, CaseEventKind::Reminded);
    QCOMPARE(notices.at(0).caseNo, desk.numbers.value(QStringLiteral("A")));
    QVERIFY(!advanced.isEmpty());
    QCOMPARE(advanced.last().at(0).toLongLong(), watcher.lastSeenEventId());
}

void TestSupervise::watcherHearsImprovementWrites()
{
    // issue 14 (helper "polish"): the register refreshes live. Any desk's write of an action changes the register's
    // counter; the watcher of a role that reads the register says so (PostgreSQL: through NOTIFY alone), a clerk's
    // watcher never does.
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    Desk desk;
    fill(scratch, *db, clock, &desk);
    PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    // One watcher per worker, as in the app (a connection has one listener).
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(scratch.location()), clock, hasher);
    DatabaseWorker clerkWorker(std::make_shared<SqlDatabaseConnector>(scratch.location()), clock, hasher);
    NoticeWatcher bossWatcher(worker, desk.supervisor);
    NoticeWatcher clerkWatcher(clerkWorker, desk.clerk);
    for (NoticeWatcher* w : {&bossWatcher, &clerkWatcher}) {
        w->setPollInterval(scratch.isPostgres() ? 3600 * 1000 : 200);
    }
    QSignalSpy bossStarted(&bossWatcher, &NoticeWatcher::started);
    QSignalSpy clerkStarted(&clerkWatcher, &NoticeWatcher::started);
    QSignalSpy changed(&bossWatcher, &NoticeWatcher::improvementsChanged);
    QSignalSpy clerkChanged(&clerkWatcher, &NoticeWatcher::improvementsChanged);
    bossWatcher.start();
    clerkWatcher.start();
    QTRY_COMPARE(bossStarted.size(), 1);
    QTRY_COMPARE(clerkStarted.size(), 1);

    // Another desk (this test's own connection) creates an action, then changes its status.
    const Repositories repos = db->repositories();
    ImprovementService other(desk.supervisor2, repos, clock);
    const auto stamp0 = other.changeStamp();
    QINGTING_VERIFY_OK(stamp0);
    ImprovementDraft draft;
    draft.title = QStringLiteral("优化社保窗口叫号分流");
    draft.ownerDepartmentId = Fixtures::referenceId(repos, ReferenceKind::Department, QStringLiteral("综合受理科"));
    draft.deadline = kNow.date().addDays(30);
    const auto created = other.create(draft);
    QINGTING_VERIFY_OK(created);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    const auto stamp1 = other.changeStamp();
    QVERIFY(*stamp1 > *stamp0);
    QINGTING_VERIFY_OK(other.setStatus(created->id, created->version, ImprovementStatus::InProgress));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 10000);
    QVERIFY(*other.changeStamp() > *stamp1);
    // An unchanged save writes nothing, so nothing is announced.
    const auto detail = other.detail(created->id);
    QINGTING_VERIFY_OK(detail);
    QINGTING_VERIFY_OK(other.save(created->id, detail->action.version, ImprovementService::draftOf(*detail)));
    bossWatcher.check();
    QTest::qWait(scratch.isPostgres() ? 500 : 600);
    QCOMPARE(changed.size(), 2);
    QVERIFY(clerkChanged.isEmpty());
}

QTEST_GUILESS_MAIN(TestSupervise)
#include "tst_supervise.moc"
