// Crisis mode (危机处置, issue 16 part B) on a real database, SQLite and PostgreSQL: CrisisService and
// SqlCrisisRepository. Permissions for every call; the golden-hours clock (4 hours, 1 in the strict setting, stopped by
// the first statement); statements with a citizen's personal data refused; every step writes one timeline event per
// case of the crisis and one audit entry; a case in at most one open crisis; review lessons become improvement
// actions.

#include "Database.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "crisis/CrisisStatements.h"
#include "improvement/Improvement.h"
#include "repositories/CaseRepository.h"
#include "repositories/CrisisRepository.h"
#include "repositories/ImprovementRepository.h"
#include "repositories/SlaPolicyRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/CaseService.h"
#include "services/CrisisService.h"
#include "sla/SlaPolicyJson.h"

#include <QTest>

using Fixtures::at;

namespace {
const QDateTime kNow = at(QStringLiteral("2026-11-30 16:30"));

struct World
{
    Repositories repos;
    Session clerk;
    Session boss;
    qint64 caseA = 0;
    qint64 caseB = 0;
    qint64 caseC = 0;
};

World world(const Database& db, FixedClock& clock)
{
    World w;
    w.repos = db.repositories();
    w.clerk = Fixtures::addUser(w.repos, QStringLiteral("li"), Role::Clerk);
    w.boss = Fixtures::addUser(w.repos, QStringLiteral("ma"), Role::Supervisor);
    CaseService cases(w.clerk, w.repos, clock);
    const auto a = cases.create(Fixtures::citizenDraft(w.repos, QStringLiteral("再不解决我就去找电视台曝光")));
    CaseDraft other = Fixtures::citizenDraft(w.repos, QStringLiteral("我们小区二十户都要投诉"));
    other.citizen.name = QStringLiteral("王建国");
    other.citizen.phone = QStringLiteral("13912345678");
    other.citizen.idNumber.clear();
    const auto b = cases.create(other);
    const auto c = cases.create(Fixtures::anonymousDraft(w.repos, QStringLiteral("窗口排队太久")));
    w.caseA = a ? a->id : 0;
    w.caseB = b ? b->id : 0;
    w.caseC = c ? c->id : 0;
    return w;
}

int auditCount(RawConnection& raw, const char* action, qint64 crisisId)
{
    return raw
        .scalar(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity = 'crisis' AND entity_id = ?"),
            {QString::fromLatin1(action), crisisId})
        .toInt();
}

/** The events of that kind on a case's timeline. */
QList<CaseEvent> eventsOf(const Repositories& repos, qint64 caseId, CaseEventKind kind)
{
    QList<CaseEvent> result;
    const auto all = repos.cases->events(caseId);
    if (all) {
        for (const CaseEvent& e : *all) {
            if (e.kind == kind) {
                result << e;
            }
        }
    }
    return result;
}

const QString kHolding =
    QStringLiteral("感谢大家的监督，对给当事群众带来的不便深表歉意。我们已成立专班核实，将在24小时内公布进展，"
                   "当事群众的具体诉求已安排工作人员一对一沟通。");
} // namespace

class TestCrisisService : public QObject
{
    Q_OBJECT

private slots:
    void openWritesEventsAndAudit_data() { TestDatabase::addBackendRows(); }
    void openWritesEventsAndAudit();
    void strictSettingIsOneHour_data() { TestDatabase::addBackendRows(); }
    void strictSettingIsOneHour();
    void permissions_data() { TestDatabase::addBackendRows(); }
    void permissions();
    void checklist_data() { TestDatabase::addBackendRows(); }
    void checklist();
    void statements_data() { TestDatabase::addBackendRows(); }
    void statements();
    void closeAndReview_data() { TestDatabase::addBackendRows(); }
    void closeAndReview();
    void repositoryKeepsOneOpenCrisisPerCase_data() { TestDatabase::addBackendRows(); }
    void repositoryKeepsOneOpenCrisisPerCase();
};

void TestCrisisService::openWritesEventsAndAudit()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    const World w = world(*db, clock);
    QVERIFY(w.caseA && w.caseB && w.caseC);
    RawConnection raw(scratch);

    clock.advanceSeconds(600);
    CrisisService service(w.boss, w.repos, clock);
    const auto opened = service.open({w.caseB, w.caseA, w.caseB});
    QINGTING_VERIFY_OK(opened);
    const Crisis& k = opened->crisis;
    QVERIFY(k.id > 0);
    QVERIFY(k.isOpen());
    QCOMPARE(k.goldenHours, 4);
    QCOMPARE(k.openedAt, kNow.addSecs(600));
    QCOMPARE(k.openedBy.id, w.boss.userId());
    QCOMPARE(k.caseCount, 2);
    QCOMPARE(opened->cases.size(), 2);
    QVERIFY(k.title.startsWith(QStringLiteral("舆情处置 QT-")));
    // Wall-clock hours: 16:40 + 4 h = 20:40 the same day.
    QCOMPARE(k.clock().deadline(), at(QStringLiteral("2026-11-30 20:40")));
    QCOMPARE(k.clock().remainingSeconds(clock.now()), 4 * 3600);

    for (qint64 caseId : {w.caseA, w.caseB}) {
        const auto events = eventsOf(w.repos, caseId, CaseEventKind::CrisisOpened);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().at, clock.now());
        QCOMPARE(events.first().actor.id, w.boss.userId());
        QVERIFY2(events.first().note.contains(QStringLiteral("黄金4小时")), qPrintable(events.first().note));
    }
    QVERIFY(eventsOf(w.repos, w.caseC, CaseEventKind::CrisisOpened).isEmpty());
    QCOMPARE(auditCount(raw, "crisis.open", k.id), 1);

    // A case is in at most one open crisis.
    const auto again = service.open({w.caseC, w.caseA}, QStringLiteral("另一起"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QVERIFY2(again.error().message.contains(k.title), qPrintable(again.error().message));
    QVERIFY(eventsOf(w.repos, w.caseC, CaseEventKind::CrisisOpened).isEmpty());

    // Validation.
    QCOMPARE(service.open({}).error().code, Error::Code::Invalid);
    QCOMPARE(service.open({999999}).error().code, Error::Code::Invalid);
    QCOMPARE(service.open({w.caseC}, QString(Crises::kMaxTitleChars + 1, QLatin1Char('x'))).error().code,
             Error::Code::Invalid);

    // The clerk learns that the case is in a crisis.
    const auto ofCase = CrisisService(w.clerk, w.repos, clock).crisisOfCase(w.caseA);
    QINGTING_VERIFY_OK(ofCase);
    QVERIFY(ofCase->has_value());
    QCOMPARE((*ofCase)->id, k.id);
    const auto none = CrisisService(w.clerk, w.repos, clock).crisisOfCase(w.caseC);
    QINGTING_VERIFY_OK(none);
    QVERIFY(!none->has_value());

    const auto list = service.list(true);
    QINGTING_VERIFY_OK(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().id, k.id);
}

void TestCrisisService::strictSettingIsOneHour()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    const World w = world(*db, clock);

    SlaPolicy policy;
    policy.crisisGoldenHours = 1;
    QVERIFY(SlaPolicyJson::problems(policy).isEmpty());
    QINGTING_VERIFY_OK(w.repos.slaPolicy->save(policy, QStringLiteral("admin"), kNow));
    CrisisService service(w.boss, w.repos, clock);
    QCOMPARE(*service.goldenHours(), 1);
    const auto opened = service.open({w.caseA});
    QINGTING_VERIFY_OK(opened);
    QCOMPARE(opened->crisis.goldenHours, 1);
    QCOMPARE(opened->crisis.clock().deadline(), kNow.addSecs(3600));
    clock.advanceSeconds(3601);
    QVERIFY(opened->crisis.clock().isOverdue(clock.now()));
    QVERIFY(eventsOf(w.repos, w.caseA, CaseEventKind::CrisisOpened).first().note.contains(QStringLiteral("黄金1小时")));

    // The setting changes later crises only: the open one keeps its hour.
    policy.crisisGoldenHours = 4;
    QINGTING_VERIFY_OK(w.repos.slaPolicy->save(policy, QStringLiteral("admin"), kNow));
    QCOMPARE(service.detail(opened->crisis.id)->crisis.goldenHours, 1);
    // Only 4 or 1 are settings.
    policy.crisisGoldenHours = 2;
    QCOMPARE(SlaPolicyJson::problems(policy).size(), 1);
}

void TestCrisisService::permissions()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    const World w = world(*db, clock);
    const Session trainer = Fixtures::addUser(w.repos, QStringLiteral("zhou"), Role::Trainer);
    const Session admin = Fixtures::addUser(w.repos, QStringLiteral("root"), Role::Admin);
    RawConnection raw(scratch);

    const auto opened = CrisisService(w.boss, w.repos, clock).open({w.caseA});
    QINGTING_VERIFY_OK(opened);
    const qint64 id = opened->crisis.id;
    const QString before = raw.dump();
    for (const Session& s : {w.clerk, trainer}) {
        CrisisService service(s, w.repos, clock);
        QVERIFY(!service.mayManage());
        QCOMPARE(service.open({w.caseB}).error().code, Error::Code::PermissionDenied);
        QCOMPARE(service.doStep(id, CrisisStep::AssessImpact, QStringLiteral("影响")).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(service.checkStatement(id, kHolding).error().code, Error::Code::PermissionDenied);
        QCOMPARE(service.publish(id, StatementKind::Holding, kHolding).error().code, Error::Code::PermissionDenied);
        QCOMPARE(service.close(id).error().code, Error::Code::PermissionDenied);
        QCOMPARE(service.review(id, {QStringLiteral("经过"), {}, {}, {}}).error().code, Error::Code::PermissionDenied);
        QCOMPARE(service.detail(id).error().code, Error::Code::PermissionDenied);
        QCOMPARE(service.list(true).error().code, Error::Code::PermissionDenied);
    }
    QCOMPARE(raw.dump(), before);
    // A clerk reads whether the case is in a crisis; a trainer reads no live cases at all.
    QINGTING_VERIFY_OK(CrisisService(w.clerk, w.repos, clock).crisisOfCase(w.caseA));
    QCOMPARE(CrisisService(trainer, w.repos, clock).crisisOfCase(w.caseA).error().code, Error::Code::PermissionDenied);
    // Supervisors and admins run crisis mode.
    CrisisService byAdmin(admin, w.repos, clock);
    QVERIFY(byAdmin.mayManage());
    QINGTING_VERIFY_OK(byAdmin.doStep(id, CrisisStep::InformLeadership, QStringLiteral("已报告分管副主任")));
    QINGTING_VERIFY_OK(byAdmin.open({w.caseB}));
    // A supervisor disabled since login is stopped at the next call.
    QINGTING_VERIFY_OK(w.repos.users->setActive(w.boss.userId(), false));
    QCOMPARE(CrisisService(w.boss, w.repos, clock).close(id).error().code, Error::Code::SessionEnded);
}

void TestCrisisService::checklist()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    const World w = world(*db, clock);
    RawConnection raw(scratch);
    CrisisService service(w.boss, w.repos, clock);
    const auto opened = service.open({w.caseA, w.caseB}, QStringLiteral("社保窗口舆情"));
    QINGTING_VERIFY_OK(opened);
    const qint64 id = opened->crisis.id;

    // The spokesperson's step needs the name.
    QCOMPARE(service.doStep(id, CrisisStep::NameSpokesperson, QStringLiteral("  ")).error().code, Error::Code::Invalid);
    int minute = 0;
    for (CrisisStep step : CrisisSteps::all()) {
        clock.advanceSeconds(60);
        ++minute;
        const QString note = step == CrisisStep::NameSpokesperson ? QStringLiteral("办公室陈主任")
                                                                  : QStringLiteral("备注%1").arg(minute);
        const auto done = service.doStep(id, step, note);
        QINGTING_VERIFY_OK(done);
        const CrisisStepRecord* r = done->step(step);
        QVERIFY(r);
        QCOMPARE(r->doneAt, clock.now());
        QCOMPARE(r->note, note);
        QCOMPARE(r->doneBy.id, w.boss.userId());
        for (qint64 caseId : {w.caseA, w.caseB}) {
            const auto events = eventsOf(w.repos, caseId, CaseEventKind::CrisisStepDone);
            QCOMPARE(events.size(), minute);
            QCOMPARE(events.last().at, clock.now());
            QVERIFY2(events.last().note.contains(CrisisSteps::storedName(step)), qPrintable(events.last().note));
            QVERIFY(events.last().note.contains(note));
        }
        QCOMPARE(auditCount(raw, "crisis.step", id), minute);
        // Done once.
        QCOMPARE(service.doStep(id, step, QStringLiteral("again")).error().code, Error::Code::Invalid);
        QCOMPARE(auditCount(raw, "crisis.step", id), minute);
    }
    const auto detail = service.detail(id);
    QINGTING_VERIFY_OK(detail);
    QCOMPARE(detail->steps.size(), 5);
    QCOMPARE(detail->crisis.spokesperson, QStringLiteral("办公室陈主任"));
    QCOMPARE(
        service.doStep(id, CrisisStep::AssessImpact, QString(Crises::kMaxNoteChars + 1, QLatin1Char('x'))).error().code,
        Error::Code::Invalid);
}

void TestCrisisService::statements()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    const World w = world(*db, clock);
    RawConnection raw(scratch);
    CrisisService service(w.boss, w.repos, clock);
    const auto opened = service.open({w.caseA, w.caseB});
    QINGTING_VERIFY_OK(opened);
    const qint64 id = opened->crisis.id;

    // The citizens of the crisis's cases: their names, phones and IDs are refused, with the reason.
    const QString before = raw.dump();
    const struct
    {
        QString text;
        QString found;
    } refused[] = {
        {QStringLiteral("对张三反映的问题，我们深表歉意，已安排专人一对一沟通。"), QStringLiteral("张三")},
        {QStringLiteral("对王建国反映的问题，我们深表歉意，已安排专人一对一沟通。"), QStringLiteral("王建国")},
        {QStringLiteral("我们深表歉意，已致电139 1234 5678与当事群众沟通。"), QStringLiteral("139 1234 5678")},
        {QStringLiteral("感谢监督，当事人11010519491231002X的诉求已核实。"), QStringLiteral("11010519491231002X")},
    };
    for (const auto& r : refused) {
        const auto check = service.checkStatement(id, r.text);
        QINGTING_VERIFY_OK(check);
        QVERIFY2(!check->publishable(), qPrintable(r.text));
        const auto published = service.publish(id, StatementKind::Holding, r.text);
        QVERIFY(!published.ok());
        QCOMPARE(published.error().code, Error::Code::Invalid);
        QVERIFY2(published.error().message.contains(r.found), qPrintable(published.error().message));
    }
    QCOMPARE(raw.dump(), before);

    // The first statement stops the clock.
    clock.advanceSeconds(75 * 60);
    const QDateTime first = clock.now();
    const auto published = service.publish(id, StatementKind::Holding, kHolding);
    QINGTING_VERIFY_OK(published);
    QCOMPARE(published->crisis.statementAt, first);
    QVERIFY(published->crisis.clock().isStopped());
    QCOMPARE(published->statements.size(), 1);
    QCOMPARE(published->statements.first().text, kHolding);
    QCOMPARE(published->statements.first().kind, StatementKind::Holding);
    clock.advanceSeconds(5 * 3600);
    QCOMPARE(published->crisis.clock().remainingSeconds(clock.now()), 4 * 3600 - 75 * 60);
    QVERIFY(!published->crisis.clock().isOverdue(clock.now()));
    for (qint64 caseId : {w.caseA, w.caseB}) {
        const auto events = eventsOf(w.repos, caseId, CaseEventKind::CrisisStatement);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().at, first);
        QVERIFY2(events.first().note.contains(QStringLiteral("首次发布（黄金时间内）")),
                 qPrintable(events.first().note));
    }
    QCOMPARE(auditCount(raw, "crisis.statement", id), 1);

    // A later statement is kept but leaves the clock where it stopped.
    const QString reply =
        QStringLiteral("关于网友反映的问题，经核实情况基本属实，我们诚恳致歉，已与当事群众当面沟通并协助办结，"
                       "整改措施将在一个月内完成。");
    const auto second = service.publish(id, StatementKind::PublicReply, reply);
    QINGTING_VERIFY_OK(second);
    QCOMPARE(second->crisis.statementAt, first);
    QCOMPARE(second->statements.size(), 2);
    QCOMPARE(second->statements.at(1).kind, StatementKind::PublicReply);
    QCOMPARE(eventsOf(w.repos, w.caseA, CaseEventKind::CrisisStatement).size(), 2);
    QCOMPARE(auditCount(raw, "crisis.statement", id), 2);
}

void TestCrisisService::closeAndReview()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    const World w = world(*db, clock);
    RawConnection raw(scratch);
    CrisisService service(w.boss, w.repos, clock);
    const auto opened = service.open({w.caseA, w.caseB});
    QINGTING_VERIFY_OK(opened);
    const qint64 id = opened->crisis.id;
    const CrisisReviewDraft draft{
        QStringLiteral("市民在短视频平台发布排队视频，两小时内转发过千。"),
        QStringLiteral("半小时内发布情况通报。"),
        QStringLiteral("法务介入较晚。"),
        {{QStringLiteral("高峰时段增开社保窗口"), true,
          Fixtures::referenceId(w.repos, ReferenceKind::Department, QStringLiteral("综合受理科")), QDate(2026, 12, 31)},
         {QStringLiteral("  "), true, 0, {}},
         {QStringLiteral("舆情发生时第一时间通知法务"), false, 0, {}}}};

    // Review only after closing.
    QCOMPARE(service.review(id, draft).error().code, Error::Code::Invalid);
    clock.advanceSeconds(3600);
    const auto closed = service.close(id, QStringLiteral("舆情平息"));
    QINGTING_VERIFY_OK(closed);
    QCOMPARE(closed->crisis.closedAt, clock.now());
    QVERIFY(!closed->crisis.isOpen());
    QCOMPARE(eventsOf(w.repos, w.caseA, CaseEventKind::CrisisClosed).size(), 1);
    QCOMPARE(eventsOf(w.repos, w.caseB, CaseEventKind::CrisisClosed).size(), 1);
    QCOMPARE(auditCount(raw, "crisis.close", id), 1);
    // A closed crisis takes no more steps, statements or closing.
    QCOMPARE(service.doStep(id, CrisisStep::AssessImpact, {}).error().code, Error::Code::Invalid);
    QCOMPARE(service.publish(id, StatementKind::Holding, kHolding).error().code, Error::Code::Invalid);
    QCOMPARE(service.close(id).error().code, Error::Code::Invalid);
    // Its cases may be in a new crisis; the clerk then sees the open one.
    const auto next = service.open({w.caseA});
    QINGTING_VERIFY_OK(next);
    QCOMPARE((*CrisisService(w.clerk, w.repos, clock).crisisOfCase(w.caseA))->id, next->crisis.id);
    QCOMPARE((*CrisisService(w.clerk, w.repos, clock).crisisOfCase(w.caseB))->id, id);

    // A lesson marked as an action needs its owner department.
    CrisisReviewDraft noOwner = draft;
    noOwner.lessons[0].ownerDepartmentId = 0;
    QCOMPARE(service.review(id, noOwner).error().code, Error::Code::Invalid);
    QCOMPARE(service.review(id, {QStringLiteral(" "), {}, {}, {}}).error().code, Error::Code::Invalid);

    clock.advanceSeconds(86400);
    const auto reviewed = service.review(id, draft);
    QINGTING_VERIFY_OK(reviewed);
    QVERIFY(reviewed->review.has_value());
    const CrisisReview& r = *reviewed->review;
    QCOMPARE(r.whatHappened, draft.whatHappened);
    QCOMPARE(r.whatDidNot, QStringLiteral("法务介入较晚。"));
    QCOMPARE(r.reviewedAt, clock.now());
    QCOMPARE(r.lessons.size(), 2); // the blank one is dropped
    QVERIFY(r.lessons.at(0).improvementId > 0);
    QCOMPARE(r.lessons.at(1).improvementId, 0);
    // The lesson became an improvement action linked to the crisis's cases.
    const auto action = w.repos.improvements->find(r.lessons.at(0).improvementId);
    QINGTING_VERIFY_OK(action);
    QCOMPARE(action->title, QStringLiteral("高峰时段增开社保窗口"));
    QCOMPARE(action->deadline, QDate(2026, 12, 31));
    QCOMPARE(action->owner.name, QStringLiteral("综合受理科"));
    QCOMPARE(action->linkedCases, 2);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'improvement.create'")).toInt(),
             1);
    QCOMPARE(auditCount(raw, "crisis.review", id), 1);
    for (qint64 caseId : {w.caseA, w.caseB}) {
        const auto events = eventsOf(w.repos, caseId, CaseEventKind::CrisisReviewed);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().at, clock.now());
    }
    // Once.
    QCOMPARE(service.review(id, draft).error().code, Error::Code::Invalid);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM improvement_actions")).toInt(), 1);
}

void TestCrisisService::repositoryKeepsOneOpenCrisisPerCase()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    FixedClock clock(kNow);
    const World w = world(*db, clock);
    CrisisRepository& repo = *w.repos.crises;
    Crisis k;
    k.title = QStringLiteral("t");
    k.openedAt = kNow;
    k.openedBy = w.boss.actor();
    k.goldenHours = 4;
    {
        WriteTransaction tx(*w.repos.unitOfWork);
        const auto first = repo.insert(k);
        QINGTING_VERIFY_OK(first);
        QINGTING_VERIFY_OK(repo.addCase(*first, w.caseA));
        QINGTING_VERIFY_OK(tx.commit());
    }
    const qint64 first = *repo.openCrisisOfCase(w.caseA);
    QVERIFY(first > 0);
    // The database itself refuses a second open crisis for the case (the partial unique index).
    {
        WriteTransaction tx(*w.repos.unitOfWork);
        const auto second = repo.insert(k);
        QINGTING_VERIFY_OK(second);
        const Status added = repo.addCase(*second, w.caseA);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, Error::Code::Conflict);
    }
    // The first statement is marked once.
    {
        WriteTransaction tx(*w.repos.unitOfWork);
        QINGTING_VERIFY_OK(repo.markFirstStatement(first, kNow.addSecs(60)));
        QINGTING_VERIFY_OK(repo.markFirstStatement(first, kNow.addSecs(120)));
        QINGTING_VERIFY_OK(repo.close(first, kNow.addSecs(180), w.boss.actor(), QStringLiteral("done")));
        QINGTING_VERIFY_OK(tx.commit());
    }
    const auto found = repo.find(first);
    QINGTING_VERIFY_OK(found);
    QCOMPARE(found->statementAt, kNow.addSecs(60));
    QCOMPARE(found->closedAt, kNow.addSecs(180));
    QCOMPARE(found->closedBy.id, w.boss.userId());
    QCOMPARE(found->closeNote, QStringLiteral("done"));
    QCOMPARE(*repo.openCrisisOfCase(w.caseA), 0);
    QCOMPARE(*repo.crisisOfCase(w.caseA), first);
    QCOMPARE(repo.find(first + 1000).error().code, Error::Code::NotFound);
    QVERIFY(repo.list(true, 10)->isEmpty());
    QCOMPARE(repo.list(false, 10)->size(), 1); // the refused second crisis went with its transaction
}

QTEST_GUILESS_MAIN(TestCrisisService)
#include "tst_crisis_service.moc"
