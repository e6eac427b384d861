// The guided intake's data side (issue 11) on a real database: IntakeService::submit stores citizen, case, every
// intake field and each confirmation as its own timeline event with its time; anonymous, known-citizen, on-the-spot
// and staff-report cases; later amendments with their version check; validation per page and field key;
// permissions; and a failed write leaves nothing behind.

#include "Migrator.h"
#include "SqlCaseRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "cases/CitizenValidator.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/CaseService.h"
#include "services/IntakeService.h"

#include <QRegularExpression>
#include <QTest>

#include <functional>

using Fixtures::at;

namespace {
const QDateTime kNow = at(QStringLiteral("2026-03-02 10:00"));

/** A complete, valid intake: a citizen, every page filled, confirmations 25, 20, 10 and 1 minutes ago. */
IntakeDraft fullDraft(const Repositories& repos)
{
    IntakeDraft d;
    d.base =
        Fixtures::citizenDraft(repos, QStringLiteral("我今天上午来办营业执照变更，窗口的人爱答不理，让我白跑一趟"));
    d.base.facts.clear(); // composed from the fields
    d.base.receivedAt = kNow.addSecs(-30 * 60);
    d.base.steps = QStringLiteral("由综合受理科核实当时情况，并为您优先办理变更");
    d.base.promisedAt = kNow.addSecs(24 * 3600);
    d.detail.emotion = EmotionLevel::Angry;
    d.detail.facts.what = QStringLiteral("工作人员态度冷淡，没有说明需要补充的材料");
    d.detail.facts.when = QStringLiteral("今天上午十点左右");
    d.detail.facts.where = QStringLiteral("3号窗口");
    d.detail.facts.involved = QStringLiteral("工号0307的工作人员");
    d.detail.impact.affected = QStringLiteral("您本人");
    d.detail.impact.severity = Severity::Moderate;
    d.detail.impact.scope = ImpactScope::Individual;
    d.detail.impact.recurrence = Recurrence::Repeat;
    d.detail.impact.demand = QStringLiteral("今天办完变更，并得到道歉");
    d.detail.impact.reasonableness = Reasonableness::Reasonable;
    d.detail.impact.responsibility = Responsibility::OwnUnit;
    d.detail.steps.remedies = {Remedy::Apology, Remedy::Expedited};
    d.detail.steps.remedyNote = QStringLiteral("当面致歉");
    d.detail.steps.replyText = QStringLiteral("非常抱歉给您带来不便，我们将在明天上午十点前电话回复您。");
    d.detail.queueTicket = QStringLiteral("A023");
    d.confirmed.acknowledgedAt = kNow.addSecs(-25 * 60);
    d.confirmed.factsConfirmedAt = kNow.addSecs(-20 * 60);
    d.confirmed.impactConfirmedAt = kNow.addSecs(-10 * 60);
    d.confirmed.stepsExplainedAt = kNow.addSecs(-60);
    return d;
}

QStringList keys(const QList<FieldProblem>& problems)
{
    QStringList result;
    for (const auto& p : problems) {
        // A problem without a message would show nothing next to its field: make it fail the comparisons.
        result << (p.message.isEmpty() ? QStringLiteral("(no message) ") + p.field : p.field);
    }
    return result;
}

int count(RawConnection& raw, const QString& sql, const QVariantList& values = {})
{
    return raw.scalar(sql, values).toInt();
}
} // namespace

class TestIntakeService : public QObject
{
    Q_OBJECT

private slots:
    void submitStoresEverything_data() { TestDatabase::addBackendRows(); }
    void submitStoresEverything();
    void anonymous_data() { TestDatabase::addBackendRows(); }
    void anonymous();
    void knownCitizenAndLookups_data() { TestDatabase::addBackendRows(); }
    void knownCitizenAndLookups();
    void resolvedOnTheSpot_data() { TestDatabase::addBackendRows(); }
    void resolvedOnTheSpot();
    void staffReport_data() { TestDatabase::addBackendRows(); }
    void staffReport();
    void amend_data() { TestDatabase::addBackendRows(); }
    void amend();
    void validationPerPage_data() { TestDatabase::addBackendRows(); }
    void validationPerPage();
    void permissions_data() { TestDatabase::addBackendRows(); }
    void permissions();
    void failedWriteLeavesNothing_data() { TestDatabase::addBackendRows(); }
    void failedWriteLeavesNothing();
    void migratesOlderData_data();
    void migratesOlderData();
    void lookupsUseIndexes_data() { TestDatabase::addBackendRows(); }
    void lookupsUseIndexes();
};

void TestIntakeService::submitStoresEverything()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    IntakeService intake(clerk, repos, clock);
    const IntakeDraft draft = fullDraft(repos);
    QCOMPARE(intake.latestPromise(draft), draft.base.receivedAt.addSecs(48 * 3600));

    const auto saved = intake.submit(draft);
    QINGTING_VERIFY_OK(saved);
    const auto stored = repos.cases->find(saved->id);
    QINGTING_VERIFY_OK(stored);
    const Case& c = *stored;
    QCOMPARE(c.status, CaseStatus::Acknowledged);
    QCOMPARE(c.channel, Channel::Window);
    QCOMPARE(c.assignee.id, clerk.userId());
    QCOMPARE(c.complaintText, draft.base.complaintText);
    QCOMPARE(c.receivedAt, draft.base.receivedAt);
    QCOMPARE(c.acknowledgedAt, draft.confirmed.acknowledgedAt);
    QCOMPARE(c.answeredAt, draft.confirmed.stepsExplainedAt);
    QCOMPARE(c.promisedAt, draft.base.promisedAt);
    // The answer was given at the desk (steps explained), so the deadline the desk works to is the resolve clock's
    // (SlaService::recomputeDue): 15 working days after Monday 2026-03-02, i.e. Monday 2026-03-23 at the day's end.
    QCOMPARE(draft.base.receivedAt.date(), QDate(2026, 3, 2));
    QCOMPARE(c.dueAt, QDateTime(QDate(2026, 3, 23), QTime(23, 59, 59)));
    QVERIFY(!c.resolvedAt.isValid());
    QCOMPARE(c.department.id, draft.base.departmentId);
    QCOMPARE(c.steps, draft.base.steps);
    // Restatements composed from the fields, with the service item's name.
    QCOMPARE(c.facts, IntakeService::restateFacts(draft.detail.facts, QStringLiteral("社保业务"), QString()));
    QVERIFY(c.facts.startsWith(QStringLiteral("您反映的是：今天上午十点左右，在3号窗口办理社保业务时，")));
    QCOMPARE(c.impact, IntakeService::restateImpact(draft.detail.impact));

    // Every intake field round-trips.
    const IntakeDetail& d = c.intake;
    QCOMPARE(d.emotion, draft.detail.emotion);
    QCOMPARE(d.facts.what, draft.detail.facts.what);
    QCOMPARE(d.facts.when, draft.detail.facts.when);
    QCOMPARE(d.facts.where, draft.detail.facts.where);
    QCOMPARE(d.facts.involved, draft.detail.facts.involved);
    QCOMPARE(d.facts.involvedWindowId, 0);
    QCOMPARE(d.impact.affected, draft.detail.impact.affected);
    QCOMPARE(d.impact.severity, draft.detail.impact.severity);
    QCOMPARE(d.impact.scope, draft.detail.impact.scope);
    QCOMPARE(d.impact.recurrence, draft.detail.impact.recurrence);
    QCOMPARE(d.impact.demand, draft.detail.impact.demand);
    QCOMPARE(d.impact.reasonableness, draft.detail.impact.reasonableness);
    QCOMPARE(d.impact.responsibility, draft.detail.impact.responsibility);
    QCOMPARE(d.steps.remedies, draft.detail.steps.remedies);
    QCOMPARE(d.steps.remedyNote, draft.detail.steps.remedyNote);
    QCOMPARE(d.steps.replyText, draft.detail.steps.replyText);
    QCOMPARE(d.resolvedOnSpot, false);
    QCOMPARE(d.queueTicket, draft.detail.queueTicket);

    // The citizen, stored with its phone key.
    QVERIFY(c.citizenId != 0);
    const auto citizen = repos.cases->citizen(c.citizenId);
    QINGTING_VERIFY_OK(citizen);
    QCOMPARE(citizen->phone, draft.base.citizen.phone);
    QCOMPARE(citizen->idNumber, draft.base.citizen.idNumber);

    // Each confirmation is its own event, with its own time, in order.
    const auto events = repos.cases->events(c.id);
    QINGTING_VERIFY_OK(events);
    const QList<CaseEventKind> kinds{CaseEventKind::Created, CaseEventKind::Acknowledged, CaseEventKind::FactsConfirmed,
                                     CaseEventKind::ImpactConfirmed, CaseEventKind::StepsConfirmed};
    const QList<QDateTime> times{draft.base.receivedAt, draft.confirmed.acknowledgedAt,
                                 draft.confirmed.factsConfirmedAt, draft.confirmed.impactConfirmedAt,
                                 draft.confirmed.stepsExplainedAt};
    QCOMPARE(events->size(), kinds.size());
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        QCOMPARE(events->at(i).kind, kinds.at(i));
        QCOMPARE(events->at(i).at, times.at(i));
        QCOMPARE(events->at(i).actor.id, clerk.userId());
    }
    QCOMPARE(events->at(1).toStatus, std::optional<CaseStatus>(CaseStatus::Acknowledged));
    QCOMPARE(events->at(2).note, c.facts);

    RawConnection raw(scratch);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.create' AND entity_id = ?"),
                   {c.id}),
             1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT phone_key FROM citizens WHERE id = ?"), {c.citizenId}).toString(),
             QStringLiteral("13800138000"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT remedies FROM cases WHERE id = ?"), {c.id}).toString(),
             QStringLiteral("apology,expedited"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT emotion FROM cases WHERE id = ?"), {c.id}).toString(),
             QStringLiteral("angry"));
    // The stored codes are checked by the database too (SQLite: triggers; PostgreSQL: constraints).
    QVERIFY(!raw.exec(QStringLiteral("UPDATE cases SET emotion = 'furious' WHERE id = ?"), {c.id}).isEmpty());
    QVERIFY(!raw.exec(QStringLiteral("UPDATE cases SET scope = 'everyone' WHERE id = ?"), {c.id}).isEmpty());
    QVERIFY(!raw.exec(QStringLiteral("UPDATE cases SET resolved_on_spot = 2 WHERE id = ?"), {c.id}).isEmpty());
    QCOMPARE(raw.exec(QStringLiteral("UPDATE cases SET severity = 'critical' WHERE id = ?"), {c.id}), QString());
    // … and on INSERT (SQLite: statements of the one cases_insert trigger, migration 0021): a refused row leaves
    // nothing behind, not even its status count; an accepted one counts and marks its hour for the daily figures.
    const QString received = QStringLiteral("SELECT n FROM case_status_counts WHERE status = 'received'");
    const int receivedBefore = count(raw, received);
    const int casesBefore = count(raw, QStringLiteral("SELECT COUNT(*) FROM cases"));
    QCOMPARE(raw.exec(QStringLiteral("CREATE TEMP TABLE copied AS SELECT * FROM cases WHERE id = %1").arg(c.id)),
             QString());
    QCOMPARE(raw.exec(QStringLiteral("UPDATE copied SET id = id + 1000, case_no = case_no || '-copy', "
                                     "status = 'received', received_at = 1767225600")),
             QString()); // 2026-01-01 00:00 UTC, an hour nothing else marks
    const QString copy = QStringLiteral("INSERT INTO cases SELECT * FROM copied");
    QCOMPARE(raw.exec(QStringLiteral("UPDATE copied SET emotion = 'furious'")), QString());
    const QString refused = raw.exec(copy);
    QVERIFY2(refused.contains(QLatin1String("check"), Qt::CaseInsensitive), qPrintable(refused));
    QCOMPARE(raw.exec(QStringLiteral("UPDATE copied SET emotion = 'calm', transfer_state = 'lost'")), QString());
    QVERIFY(!raw.exec(copy).isEmpty());
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM cases")), casesBefore);
    QCOMPARE(count(raw, received), receivedBefore);
    QCOMPARE(raw.exec(QStringLiteral("UPDATE copied SET transfer_state = NULL")), QString());
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM metrics_dirty")), QString());
    QCOMPARE(raw.exec(copy), QString());
    QCOMPARE(count(raw, received), receivedBefore + 1);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM metrics_dirty WHERE utc_hour = 490896")), 1);
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM metrics_dirty")), QString());
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM cases WHERE id = ?"), {c.id + 1000}), QString());
    QCOMPARE(count(raw, received), receivedBefore);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM metrics_dirty WHERE utc_hour = 490896")), 1);
    QCOMPARE(raw.exec(QStringLiteral("DROP TABLE copied")), QString());
    // The case list still reads its own columns only, and finds the new case.
    CaseQuery q;
    const auto page = repos.cases->list(q);
    QINGTING_VERIFY_OK(page);
    QCOMPARE(page->cases.size(), 1);
    QCOMPARE(page->cases.first().caseNo, c.caseNo);

    // A reply that names the case's number ({案件编号}) is stored with the number, which exists only at the save.
    IntakeDraft numbered = fullDraft(repos);
    numbered.detail.steps.replyText = QStringLiteral("您的案件编号是{案件编号}，请留存。");
    const auto second = intake.submit(numbered);
    QINGTING_VERIFY_OK(second);
    QCOMPARE(repos.cases->find(second->id)->intake.steps.replyText,
             QStringLiteral("您的案件编号是%1，请留存。").arg(second->caseNo));
}

void TestIntakeService::anonymous()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    IntakeService intake(Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk), repos, clock);
    IntakeDraft draft = fullDraft(repos);
    draft.base.citizen = Citizen{};
    draft.base.receivedAt = {}; // received when the feelings were acknowledged
    const auto saved = intake.submit(draft);
    QINGTING_VERIFY_OK(saved);
    QVERIFY(saved->isAnonymous());
    QCOMPARE(saved->receivedAt, draft.confirmed.acknowledgedAt);
    QCOMPARE(intake.latestPromise(draft), draft.confirmed.acknowledgedAt.addSecs(48 * 3600));
    RawConnection raw(scratch);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM citizens")), 0);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM case_events WHERE case_id = ?"), {saved->id}), 5);
}

void TestIntakeService::knownCitizenAndLookups()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow.addDays(-40));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    IntakeService intake(clerk, repos, clock);

    // An old case, 40 days ago, by the same citizen (too old to be "similar").
    IntakeDraft old = fullDraft(repos);
    old.base.receivedAt = old.base.receivedAt.addDays(-40);
    old.base.promisedAt = old.base.promisedAt.addDays(-40);
    old.confirmed = {old.confirmed.acknowledgedAt.addDays(-40), old.confirmed.factsConfirmedAt.addDays(-40),
                     old.confirmed.impactConfirmedAt.addDays(-40), old.confirmed.stepsExplainedAt.addDays(-40)};
    old.base.citizen.phone = QStringLiteral("+86 13800138000"); // typed with the country code
    const auto first = intake.submit(old);
    QINGTING_VERIFY_OK(first);

    clock.set(kNow);
    RawConnection raw(scratch);
    const int readsBefore = count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'citizen.read'"));
    for (const QString& typed : {QStringLiteral("13800138000"), QStringLiteral("138-0013-8000"),
                                 QStringLiteral("+86 138 0013 8000"), QStringLiteral("11010519491231002x")}) {
        const auto found = intake.findCitizens(typed);
        QINGTING_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, first->citizenId);
        QCOMPARE(found->first().name, QStringLiteral("张三"));
    }
    // Each citizen returned is an audited read.
    QCOMPARE(count(raw,
                   QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'citizen.read' AND entity = "
                                  "'citizen' AND entity_id = ?"),
                   {first->citizenId}),
             readsBefore + 4);
    QCOMPARE(intake.findCitizens(QStringLiteral("13900000000"))->size(), 0);
    QCOMPARE(intake.findCitizens(QStringLiteral("张三"))->size(), 0); // a name is no key

    // The same citizen again: linked, not copied.
    IntakeDraft again = fullDraft(repos);
    again.citizenId = first->citizenId;
    again.base.citizen = Citizen{};
    const auto second = intake.submit(again);
    QINGTING_VERIFY_OK(second);
    QCOMPARE(second->citizenId, first->citizenId);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM citizens")), 1);

    // Another category: not similar.
    IntakeDraft other = fullDraft(repos);
    other.base.categoryId = Fixtures::referenceId(repos, ReferenceKind::Category, QStringLiteral("办事效率/等候时间"));
    QVERIFY(other.base.categoryId != 0);
    other.base.citizen = Citizen{};
    const auto third = intake.submit(other);
    QINGTING_VERIFY_OK(third);

    const auto history = intake.citizenCases(first->citizenId);
    QINGTING_VERIFY_OK(history);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).id, second->id); // newest first
    QCOMPARE(history->at(1).id, first->id);
    QVERIFY(history->at(0).facts.isEmpty()); // list columns only

    const auto similar = intake.similarCases(again.base.serviceItemId, again.base.categoryId);
    QINGTING_VERIFY_OK(similar);
    QCOMPARE(similar->size(), 1);
    QCOMPARE(similar->first().id, second->id);
    QCOMPARE(intake.similarCases(again.base.serviceItemId, other.base.categoryId)->size(), 1);
    QCOMPARE(intake.similarCases(again.base.serviceItemId, 0)->size(), 0);
}

void TestIntakeService::resolvedOnTheSpot()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    IntakeService intake(Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk), repos, clock);
    IntakeDraft draft = fullDraft(repos);
    draft.detail.resolvedOnSpot = true;
    draft.base.steps.clear();
    draft.base.promisedAt = {};
    draft.detail.steps.remedies = {Remedy::OnSiteHelp, Remedy::Apology};
    QVERIFY(keys(intake.validatePage(draft, IntakePage::Steps)).contains(QStringLiteral("onSpotResolution")));
    draft.onSpotResolution = QStringLiteral("值班主任现场帮办，变更当场办结");
    QCOMPARE(keys(intake.validatePage(draft, IntakePage::Review)), QStringList());

    const auto saved = intake.submit(draft);
    QINGTING_VERIFY_OK(saved);
    QCOMPARE(saved->status, CaseStatus::Resolved);
    QCOMPARE(saved->resolvedAt, kNow);
    QCOMPARE(saved->answeredAt, draft.confirmed.stepsExplainedAt);
    QCOMPARE(saved->acknowledgedAt, draft.confirmed.acknowledgedAt);
    QVERIFY(saved->intake.resolvedOnSpot);
    QCOMPARE(saved->steps, draft.onSpotResolution);
    QCOMPARE(saved->intake.steps.remedies, (QList<Remedy>{Remedy::Apology, Remedy::OnSiteHelp}));
    const auto events = repos.cases->events(saved->id);
    QCOMPARE(events->size(), 6);
    QCOMPARE(events->last().kind, CaseEventKind::Resolved);
    QCOMPARE(events->last().at, kNow);
    QCOMPARE(events->last().note, draft.onSpotResolution);
    QCOMPARE(events->last().toStatus, std::optional<CaseStatus>(CaseStatus::Resolved));

    RawConnection raw(scratch);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM cases WHERE resolved_at IS NOT NULL AND "
                                       "acknowledged_at IS NULL")),
             0);
    QCOMPARE(count(raw, QStringLiteral("SELECT n FROM case_status_counts WHERE status = 'resolved'")), 1);
}

void TestIntakeService::staffReport()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("wang"), Role::Clerk);
    IntakeService intake(clerk, repos, clock);
    StaffReportDraft report;
    QCOMPARE(keys(intake.validateStaffReport(report)), QStringList{QStringLiteral("whatHappened")});
    QCOMPARE(intake.submitStaffReport(report).error().code, Error::Code::Invalid);
    report.windowId = Fixtures::referenceId(repos, ReferenceKind::Window, QStringLiteral("3号窗口"));
    report.whatHappened = QStringLiteral("叫号屏下午两点起不显示号码，几位市民错过叫号");
    report.suggestion = QStringLiteral("叫号屏故障时由导办员口头叫号");
    const auto saved = intake.submitStaffReport(report);
    QINGTING_VERIFY_OK(saved);
    QCOMPARE(saved->channel, Channel::StaffReport);
    QCOMPARE(saved->status, CaseStatus::Received);
    QVERIFY(saved->isAnonymous());
    QCOMPARE(saved->createdBy.id, clerk.userId());
    QVERIFY(saved->complaintText.startsWith(report.whatHappened));
    QVERIFY(saved->complaintText.contains(report.suggestion));
    QCOMPARE(saved->dueAt, kNow.addSecs(48 * 3600));
    QCOMPARE(repos.cases->events(saved->id)->size(), 1);
    // Nothing in the stored text points at a culprit.
    for (const QString& word : {QStringLiteral("责任人"), QStringLiteral("处分"), QStringLiteral("过错")}) {
        QVERIFY(!saved->complaintText.contains(word));
    }
    RawConnection raw(scratch);
    QCOMPARE(count(raw,
                   QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.create' AND entity_id = ? "
                                  "AND detail LIKE '%staff_report%'"),
                   {saved->id}),
             1);
}

void TestIntakeService::amend()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    IntakeService intake(Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk), repos, clock);
    const auto saved = intake.submit(fullDraft(repos));
    QINGTING_VERIFY_OK(saved);
    RawConnection raw(scratch);

    clock.advanceSeconds(3600);
    IntakeAmendment facts;
    facts.part = IntakePart::Facts;
    facts.expectedVersion = saved->version;
    facts.detail.facts = saved->intake.facts;
    facts.detail.facts.when = QStringLiteral("今天上午九点半");
    facts.note = QStringLiteral("市民回电更正了时间");
    const auto amended = intake.amend(saved->id, facts);
    QINGTING_VERIFY_OK(amended);
    QCOMPARE(amended->version, saved->version + 1);
    QCOMPARE(amended->intake.facts.when, QStringLiteral("今天上午九点半"));
    QVERIFY(amended->facts.contains(QStringLiteral("今天上午九点半")));
    QCOMPARE(amended->intake.impact.demand, saved->intake.impact.demand); // other parts untouched
    QCOMPARE(amended->status, saved->status);
    auto events = repos.cases->events(saved->id);
    QCOMPARE(events->last().kind, CaseEventKind::FactsAmended);
    QCOMPARE(events->last().at, clock.now());
    QVERIFY(events->last().note.contains(facts.note));
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.amend_facts'")), 1);

    // A stale copy is refused, and nothing changes.
    const QString before = raw.dump();
    IntakeAmendment stale = facts;
    stale.detail.facts.when = QStringLiteral("昨天");
    const auto refused = intake.amend(saved->id, stale);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY(refused.error().message.contains(saved->caseNo));
    QCOMPARE(raw.dump(), before);

    // Impact, then steps: a later promise needs its reason.
    IntakeAmendment impact;
    impact.part = IntakePart::Impact;
    impact.expectedVersion = amended->version;
    impact.detail.impact = amended->intake.impact;
    impact.detail.impact.scope = ImpactScope::Group;
    impact.detail.impact.recurrence = Recurrence::Systemic;
    const auto second = intake.amend(saved->id, impact);
    QINGTING_VERIFY_OK(second);
    QCOMPARE(second->intake.impact.scope, std::optional<ImpactScope>(ImpactScope::Group));
    QCOMPARE(second->impact, IntakeService::restateImpact(impact.detail.impact));
    QCOMPARE(repos.cases->events(saved->id)->last().kind, CaseEventKind::ImpactAmended);

    IntakeAmendment steps;
    steps.part = IntakePart::Steps;
    steps.expectedVersion = second->version;
    steps.detail.steps = second->intake.steps;
    steps.restatement = QStringLiteral("转信息技术科排查系统问题，周五前答复");
    steps.promisedAt = second->receivedAt.addDays(4);
    const auto noReason = intake.amend(saved->id, steps);
    QCOMPARE(noReason.error().code, Error::Code::Invalid);
    QCOMPARE(keys(intake.validateAmendment(steps, *second)), QStringList{QStringLiteral("promiseReason")});
    steps.detail.steps.promiseReason = QStringLiteral("需要厂商排查系统日志");
    const auto third = intake.amend(saved->id, steps);
    QINGTING_VERIFY_OK(third);
    QCOMPARE(third->promisedAt, steps.promisedAt);
    QCOMPARE(third->steps, steps.restatement);
    QCOMPARE(third->intake.steps.promiseReason, steps.detail.steps.promiseReason);
    QCOMPARE(repos.cases->events(saved->id)->last().kind, CaseEventKind::StepsAmended);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'case.amend_%'")), 3);
}

void TestIntakeService::validationPerPage()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    IntakeService intake(Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk), repos, clock);
    const IntakeDraft valid = fullDraft(repos);
    for (IntakePage page :
         {IntakePage::Listen, IntakePage::Facts, IntakePage::Impact, IntakePage::Steps, IntakePage::Review}) {
        QCOMPARE(keys(intake.validatePage(valid, page)), QStringList());
    }

    struct Case_
    {
        const char* key;
        IntakePage page;
        std::function<void(IntakeDraft&)> spoil;
    };
    const QDateTime future = kNow.addSecs(120);
    const QList<Case_> cases{
        {"complaintText", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.complaintText = QStringLiteral("  ");
         }},
        {"channel", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.channel = Channel::StaffReport;
         }},
        {"waitedMinutes", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.waitedMinutes = -1;
         }},
        {"receivedAt", IntakePage::Listen,
         [&](IntakeDraft& d) {
             d.base.receivedAt = future;
         }},
        {"windowId", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.windowId = 987654;
         }},
        {"serviceItemId", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.serviceItemId = 987654;
         }},
        {"categoryId", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.categoryId = 987654;
         }},
        {"queueTicket", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.detail.queueTicket = QString(40, QLatin1Char('A'));
         }},
        {"citizenId", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.citizenId = 987654;
         }},
        {"citizen.name", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.citizen.name = QString(101, QChar(0x5f20));
         }},
        {"citizen.phone", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.citizen.phone = QStringLiteral("12");
         }},
        {"citizen.idNumber", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.citizen.idNumber = QStringLiteral("110105194912310021");
         }},
        {"citizen.address", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.base.citizen.address = QString(301, QChar(0x8def));
         }},
        {"emotion", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.detail.emotion.reset();
         }},
        {"acknowledgedAt", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.confirmed.acknowledgedAt = {};
         }},
        {"acknowledgedAt", IntakePage::Listen,
         [](IntakeDraft& d) {
             d.confirmed.acknowledgedAt = d.base.receivedAt.addSecs(-60);
         }},
        {"facts.what", IntakePage::Facts,
         [](IntakeDraft& d) {
             d.detail.facts.what.clear();
         }},
        {"facts.involvedWindowId", IntakePage::Facts,
         [](IntakeDraft& d) {
             d.detail.facts.involvedWindowId = 987654;
         }},
        {"factsConfirmedAt", IntakePage::Facts,
         [](IntakeDraft& d) {
             d.confirmed.factsConfirmedAt = d.confirmed.acknowledgedAt.addSecs(-1);
         }},
        {"factsConfirmedAt", IntakePage::Facts,
         [&](IntakeDraft& d) {
             d.confirmed.factsConfirmedAt = future;
         }},
        {"impact.demand", IntakePage::Impact,
         [](IntakeDraft& d) {
             d.detail.impact.demand = QStringLiteral(" ");
         }},
        {"impact.severity", IntakePage::Impact,
         [](IntakeDraft& d) {
             d.detail.impact.severity.reset();
         }},
        {"impact.scope", IntakePage::Impact,
         [](IntakeDraft& d) {
             d.detail.impact.scope.reset();
         }},
        {"impact.recurrence", IntakePage::Impact,
         [](IntakeDraft& d) {
             d.detail.impact.recurrence.reset();
         }},
        {"impact.reasonableness", IntakePage::Impact,
         [](IntakeDraft& d) {
             d.detail.impact.reasonableness.reset();
         }},
        {"impact.responsibility", IntakePage::Impact,
         [](IntakeDraft& d) {
             d.detail.impact.responsibility.reset();
         }},
        {"impactConfirmedAt", IntakePage::Impact,
         [](IntakeDraft& d) {
             d.confirmed.impactConfirmedAt = d.confirmed.factsConfirmedAt.addSecs(-1);
         }},
        {"departmentId", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.base.departmentId = 0;
         }},
        {"departmentId", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.base.departmentId = 987654;
         }},
        {"assigneeId", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.assigneeId = 987654;
         }},
        {"steps", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.base.steps.clear();
         }},
        {"promisedAt", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.base.promisedAt = {};
         }},
        {"promisedAt", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.base.promisedAt = d.base.receivedAt;
         }},
        {"promiseReason", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.base.promisedAt = d.base.receivedAt.addSecs(48 * 3600 + 60);
         }},
        {"steps.remedyNote", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.detail.steps.remedies = {Remedy::Other};
             d.detail.steps.remedyNote.clear();
         }},
        {"onSpotResolution", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.detail.resolvedOnSpot = true;
         }},
        {"steps.remedies", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.detail.resolvedOnSpot = true;
             d.onSpotResolution = QStringLiteral("当场办结");
             d.detail.steps.remedies.clear();
         }},
        {"stepsExplainedAt", IntakePage::Steps,
         [](IntakeDraft& d) {
             d.confirmed.stepsExplainedAt = d.confirmed.impactConfirmedAt.addSecs(-1);
         }},
        {"stepsExplainedAt", IntakePage::Review,
         [](IntakeDraft& d) {
             d.confirmed.stepsExplainedAt = {};
         }},
        {"factsConfirmedAt", IntakePage::Review,
         [](IntakeDraft& d) {
             d.confirmed.factsConfirmedAt = {};
         }},
    };
    RawConnection raw(scratch);
    const QString before = raw.dump();
    for (const auto& c : cases) {
        IntakeDraft d = valid;
        c.spoil(d);
        const QString label = QStringLiteral("%1 on page %2").arg(QLatin1String(c.key)).arg(int(c.page));
        const QStringList onPage = keys(intake.validatePage(d, c.page));
        QVERIFY2(onPage.contains(QLatin1String(c.key)),
                 qPrintable(label + QStringLiteral(": ") + onPage.join(QLatin1Char(','))));
        QVERIFY2(keys(intake.validatePage(d, IntakePage::Review)).contains(QLatin1String(c.key)), qPrintable(label));
        // Only the page of the field complains (a missing confirmation time only on Review).
        for (IntakePage other : {IntakePage::Listen, IntakePage::Facts, IntakePage::Impact, IntakePage::Steps}) {
            if (other != c.page) {
                QVERIFY2(!keys(intake.validatePage(d, other)).contains(QLatin1String(c.key)),
                         qPrintable(label + QStringLiteral(" also on page %1").arg(int(other))));
            }
        }
        const auto refused = intake.submit(d);
        QVERIFY2(!refused.ok(), qPrintable(label));
        QCOMPARE(refused.error().code, Error::Code::Invalid);
        QVERIFY(!refused.error().message.isEmpty());
    }
    // A later promise with its reason is fine.
    IntakeDraft later = valid;
    later.base.promisedAt = later.base.receivedAt.addDays(3);
    later.detail.steps.promiseReason = QStringLiteral("需要上级部门会商");
    QCOMPARE(keys(intake.validatePage(later, IntakePage::Steps)), QStringList());
    QCOMPARE(raw.dump(), before);
}

void TestIntakeService::permissions()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    IntakeService clerk(Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk), repos, clock);
    const auto saved = clerk.submit(fullDraft(repos));
    QINGTING_VERIFY_OK(saved);
    RawConnection raw(scratch);
    const QString before = raw.dump();

    for (Role role : {Role::Trainer, Role::Admin}) {
        IntakeService denied(Fixtures::addUser(repos, QStringLiteral("u%1").arg(int(role)), role), repos, clock);
        const QString afterUser = raw.dump();
        QCOMPARE(denied.submit(fullDraft(repos)).error().code, Error::Code::PermissionDenied);
        StaffReportDraft report;
        report.whatHappened = QStringLiteral("饮水机没水了");
        QCOMPARE(denied.submitStaffReport(report).error().code, Error::Code::PermissionDenied);
        QCOMPARE(denied.findCitizens(QStringLiteral("13800138000")).error().code, Error::Code::PermissionDenied);
        IntakeAmendment amendment;
        amendment.part = IntakePart::Impact;
        amendment.expectedVersion = saved->version;
        amendment.detail.impact = saved->intake.impact;
        QCOMPARE(denied.amend(saved->id, amendment).error().code, Error::Code::PermissionDenied);
        if (role == Role::Admin) {
            QCOMPARE(denied.citizenCases(saved->citizenId).error().code, Error::Code::PermissionDenied);
            QCOMPARE(denied.similarCases(1, 1).error().code, Error::Code::PermissionDenied);
        }
        QCOMPARE(raw.dump(), afterUser);
    }
    QVERIFY(before != raw.dump()); // the users were added; nothing else (checked above)
}

void TestIntakeService::failedWriteLeavesNothing()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    IntakeService intake(Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk), repos, clock);
    RawConnection raw(scratch);
    // The last confirmation's event cannot be written: everything before it in the transaction must go too.
    if (scratch.isPostgres()) {
        QCOMPARE(raw.exec(QStringLiteral("CREATE FUNCTION refuse_steps() RETURNS trigger LANGUAGE plpgsql AS $$ "
                                         "BEGIN RAISE EXCEPTION 'disk full'; END $$")),
                 QString());
        QCOMPARE(raw.exec(QStringLiteral("CREATE TRIGGER refuse_steps BEFORE INSERT ON case_events FOR EACH ROW "
                                         "WHEN (NEW.kind = 'steps_confirmed') EXECUTE FUNCTION refuse_steps()")),
                 QString());
    } else {
        QCOMPARE(raw.exec(QStringLiteral("CREATE TRIGGER refuse_steps BEFORE INSERT ON case_events "
                                         "WHEN NEW.kind = 'steps_confirmed' BEGIN SELECT RAISE(ABORT, 'disk full'); "
                                         "END")),
                 QString());
    }
    const QString before = raw.dump();
    const auto failed = intake.submit(fullDraft(repos));
    QVERIFY(!failed.ok());
    QCOMPARE(raw.dump(), before);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM cases")), 0);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM citizens")), 0);
    QCOMPARE(repos.unitOfWork->depth(), 0);

    // Inside an outer transaction the intake is a savepoint: its failure leaves the outer work intact.
    QCOMPARE(raw.exec(QStringLiteral("DROP TRIGGER refuse_steps") +
                      (scratch.isPostgres() ? QStringLiteral(" ON case_events") : QString())),
             QString());
    {
        WriteTransaction outer(*repos.unitOfWork);
        QINGTING_VERIFY_OK(outer.started());
        const auto inner = intake.submit(fullDraft(repos));
        QINGTING_VERIFY_OK(inner);
        // Not committed: rolled back with the outer transaction.
    }
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM cases")), 0);
}

void TestIntakeService::migratesOlderData_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("version");
    for (const QString& backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
        for (int v = 1; v < Migrator::latestVersion(); ++v) {
            QTest::addRow("%s from v%d", qPrintable(backend), v) << backend << v;
        }
    }
}

void TestIntakeService::migratesOlderData()
{
    QFETCH(int, version);
    QINGTING_TEST_DATABASE(scratch);
    {
        // A citizen and a case written by a desk that still ran the older schema.
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        const Migrator::Report report = Migrator(raw.db()).migrate(version);
        QVERIFY2(!report.refused(), qPrintable(report.message));
        // A desk from before the intake kept the phone and ID number as typed; one from after it (the column
        // phone_key exists) stored the normalised forms, as CitizenValidator does.
        const bool normalises = raw.exec(QStringLiteral("SELECT phone_key FROM citizens WHERE 1 = 0")).isEmpty();
        QCOMPARE(raw.exec(normalises
                              ? QStringLiteral("INSERT INTO citizens (name, phone, phone_key, id_number, address, "
                                               "created_at) VALUES ('李四', '+86 138-0013-8000', '13800138000', "
                                               "'11010519491231002X', '', 1767225600)")
                              : QStringLiteral("INSERT INTO citizens (name, phone, id_number, address, created_at) "
                                               "VALUES ('李四', '+86 138-0013-8000', ' 11010519491231002x', '', "
                                               "1767225600)")),
                 QString());
        QCOMPARE(raw.exec(QStringLiteral("INSERT INTO cases (case_no, status, channel, created_by, citizen_id, "
                                         "complaint_text, received_at, acknowledged_at, resolved_at, updated_at) "
                                         "VALUES ('QT-20260101-0001', 'resolved', 'window', 'early', "
                                         "(SELECT MAX(id) FROM citizens), '老案件', 1767225600, 1767225700, "
                                         "1767229200, 1767229200)")),
                 QString());
    }
    QINGTING_OPEN_DATABASE(db, scratch);
    QCOMPARE(db->versionFoundOnOpen(), version);
    const Repositories repos = db->repositories();
    const auto old = repos.cases->findByNumber(QStringLiteral("QT-20260101-0001"));
    QINGTING_VERIFY_OK(old);
    QCOMPARE(old->complaintText, QStringLiteral("老案件"));
    QVERIFY(!old->intake.emotion);
    QVERIFY(!old->intake.impact.severity);
    QVERIFY(old->intake.steps.remedies.isEmpty());
    QVERIFY(!old->intake.resolvedOnSpot);
    QVERIFY(old->intake.facts.what.isEmpty());

    // The stored phone and ID number are found in their normalised forms.
    const FixedClock clock(kNow);
    IntakeService intake(Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk), repos, clock);
    for (const QString& typed : {QStringLiteral("13800138000"), QStringLiteral("11010519491231002X")}) {
        const auto found = intake.findCitizens(typed);
        QINGTING_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, old->citizenId);
    }
    QCOMPARE(intake.citizenCases(old->citizenId)->size(), 1);

    // The old case takes the intake's fields.
    IntakeAmendment amendment;
    amendment.part = IntakePart::Impact;
    amendment.expectedVersion = old->version;
    amendment.detail.impact = fullDraft(repos).detail.impact;
    const auto amended = intake.amend(old->id, amendment);
    QINGTING_VERIFY_OK(amended);
    QCOMPARE(amended->intake.impact.severity, amendment.detail.impact.severity);
    QCOMPARE(amended->intake.impact.demand, amendment.detail.impact.demand);
}

void TestIntakeService::lookupsUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const QList<ReferenceItem> items = *repos.reference->list(ReferenceKind::ServiceItem);
    const QList<ReferenceItem> categories = *repos.reference->list(ReferenceKind::Category);
    QVERIFY(items.size() > 1 && categories.size() > 1);
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        QList<qint64> citizens;
        for (int i = 0; i < 40; ++i) {
            const auto id = repos.cases->insertCitizen(
                Citizen{0, QStringLiteral("市民%1").arg(i), QStringLiteral("1380000%1").arg(i, 4, 10, QLatin1Char('0')),
                        QString(), QString()});
            QINGTING_VERIFY_OK(id);
            citizens << *id;
        }
        for (int i = 0; i < 800; ++i) {
            Case c;
            c.receivedAt = kNow.addSecs(-qint64(i) * 4000);
            c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
            c.status = CaseStatus::Closed;
            c.citizenId = i % 3 == 0 ? 0 : citizens.at(i % citizens.size());
            c.serviceItem.id = items.at(i % items.size()).id;
            c.category.id = categories.at(i % categories.size()).id;
            c.createdBy = {0, QStringLiteral("cli")};
            c.complaintText = QStringLiteral("案件%1").arg(i);
            c.updatedAt = c.receivedAt;
            QINGTING_VERIFY_OK(repos.cases->insert(c));
        }
        QINGTING_VERIFY_OK(tx.commit());
    }
    RawConnection raw(scratch);
    raw.exec(QStringLiteral("ANALYZE"));
    SqlCaseRepository& repo = db->caseRepository();
    if (scratch.isPostgres()) {
        // A small table is rightly read whole; show whether an index CAN serve, as it must at a million rows.
        QINGTING_VERIFY_OK(repo.setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")));
    }
    const auto check = [&](const char* what, const Result<QStringList>& plan, const QStringList& indexes) {
        QVERIFY2(plan.ok(), plan.ok() ? what : qPrintable(plan.error().message));
        const QString text = plan->join(QLatin1Char('\n'));
        const QString shown = QLatin1String(what) + QStringLiteral(":\n") + text;
        for (const QString& index : indexes) {
            QVERIFY2(text.contains(index), qPrintable(shown));
        }
        // Read in the index's order: no sort step, no full scan.
        if (!scratch.isPostgres() && !indexes.first().startsWith(QLatin1String("citizens"))) {
            QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(shown));
        }
        static const QRegularExpression fullScan(QStringLiteral("Seq Scan|^SCAN (c|citizens)\\b"),
                                                 QRegularExpression::MultilineOption);
        QVERIFY2(!fullScan.match(text).hasMatch(), qPrintable(shown));
        // PostgreSQL may sort the few rows of a small range (a bitmap scan, then a sort): still one index range
        // on every column of the condition, which the Index Cond line shows.
        if (scratch.isPostgres() && indexes.first().startsWith(QLatin1String("cases_item"))) {
            QVERIFY2(text.contains(QLatin1String("Index Cond: ((service_item_id = ")) &&
                         text.contains(QLatin1String("AND (received_at >= ")),
                     qPrintable(shown));
        }
    };
    check("citizen's cases", repo.explainCitizenCases(2), {QStringLiteral("cases_citizen_received")});
    check("similar cases", repo.explainSimilarCases(items.at(1).id, categories.at(1).id, kNow.addDays(-365)),
          {QStringLiteral("cases_item_category_received")});
    check("similar cases, recent", repo.explainSimilarCases(items.at(1).id, categories.at(1).id, kNow.addDays(-30)),
          {QStringLiteral("cases_item_category_received")});
    check("citizens", repo.explainFindCitizens(QStringLiteral("13800000007"), QStringLiteral("11010519491231002X")),
          {QStringLiteral("citizens_phone_key"), QStringLiteral("citizens_id_number")});
    check("citizens by phone", repo.explainFindCitizens(QStringLiteral("13800000007"), QString()),
          {QStringLiteral("citizens_phone_key")});
    QINGTING_VERIFY_OK(repo.setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("on")));
}

QTEST_GUILESS_MAIN(TestIntakeService)
#include "tst_intake_service.moc"
