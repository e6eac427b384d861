// Risk at intake, the queue and the alerts (issue 16, helper "riskintake") on SQLite and PostgreSQL: a case's text
// is scored with every write of it (new case, guided intake, staff report, amendment) and the score is stored with
// it; a changed score is a RiskScored event; a case that becomes high raises one alert, not again while it stays
// high; supervisors read the queue (keyset pages over the partial index) and take alerts once; admins save rules
// (validated, audited, in force at once); and a supervisor's NoticeWatcher sees another desk's alert.

#include "Database.h"
#include "SqlCaseRepository.h"
#include "SqlDatabaseConnector.h"
#include "SqlRiskRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "repositories/RiskRepository.h"
#include "risk/RiskScorer.h"
#include "services/CaseService.h"
#include "services/IntakeService.h"
#include "services/RiskService.h"
#include "supervise/NoticeWatcher.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using Fixtures::at;

namespace {
const QDateTime kNow = at(QStringLiteral("2026-03-02 10:00"));

// Real complaints: two explicit threats, an ordinary one, and a negated one that must not fire.
const QString kThreat = QStringLiteral("再不解决我就发到抖音上曝光，还要找律师起诉你们");
const QString kPetition = QStringLiteral("你们再拖下去，我就去信访局上访，还要打电话给电视台");
const QString kOrdinary = QStringLiteral("今天窗口排队时间有点长，希望能多开几个窗口");
const QString kNegated = QStringLiteral("我不会去曝光的，只希望尽快把证件办好");
// One signal each, so that both together score more than either (the score is at most 100).
const QString kMedia = QStringLiteral("再不给我办，我就去找电视台曝光你们。");
const QString kLawyer = QStringLiteral("我已经找好律师了，准备起诉你们");

RiskResult scored(const QString& text)
{
    return RiskScorer().score(text);
}

/** A complete intake (as tst_intake_service fills it) with the given words of the citizen. */
IntakeDraft intakeDraft(const Repositories& repos, const QString& words)
{
    IntakeDraft d;
    d.base = Fixtures::citizenDraft(repos, words);
    d.base.facts = QStringLiteral("工作人员没有说明需要补充的材料");
    d.base.impact = QStringLiteral("白跑一趟，耽误半天工作");
    d.base.receivedAt = kNow.addSecs(-30 * 60);
    d.base.steps = QStringLiteral("由综合受理科核实当时情况，并为您优先办理");
    d.base.promisedAt = kNow.addSecs(24 * 3600);
    d.detail.emotion = EmotionLevel::Calm;
    d.detail.facts.what = QStringLiteral("工作人员没有说明需要补充的材料");
    d.detail.impact.demand = QStringLiteral("今天办完");
    d.detail.impact.severity = Severity::Moderate;
    d.detail.impact.scope = ImpactScope::Individual;
    d.detail.impact.recurrence = Recurrence::First;
    d.detail.impact.reasonableness = Reasonableness::Reasonable;
    d.detail.impact.responsibility = Responsibility::OwnUnit;
    d.confirmed.acknowledgedAt = kNow.addSecs(-25 * 60);
    d.confirmed.factsConfirmedAt = kNow.addSecs(-20 * 60);
    d.confirmed.impactConfirmedAt = kNow.addSecs(-10 * 60);
    d.confirmed.stepsExplainedAt = kNow.addSecs(-60);
    return d;
}

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

int alertsOf(RawConnection& raw, qint64 caseId)
{
    return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM risk_alerts WHERE case_id = ?"), {caseId}).toInt();
}

QString expectedNote(const RiskResult& r)
{
    return CaseEventNotes::withFact(QStringLiteral("%1 %2").arg(r.score).arg(RiskLevels::code(r.level)),
                                    r.signalCodes().join(QLatin1Char(',')));
}

struct Staff
{
    Session clerk;
    Session supervisor;
    Session supervisor2;
    Session admin;
    Session trainer;
};

Staff addStaff(const Repositories& repos)
{
    return {Fixtures::addUser(repos, QStringLiteral("clerk1"), Role::Clerk),
            Fixtures::addUser(repos, QStringLiteral("boss1"), Role::Supervisor),
            Fixtures::addUser(repos, QStringLiteral("boss2"), Role::Supervisor),
            Fixtures::addUser(repos, QStringLiteral("admin1"), Role::Admin),
            Fixtures::addUser(repos, QStringLiteral("trainer1"), Role::Trainer)};
}
} // namespace

class TestRiskService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scoredOnEveryNewCase_data() { TestDatabase::addBackendRows(); }
    void scoredOnEveryNewCase();
    void amendRescoresAndAlertsOnce_data() { TestDatabase::addBackendRows(); }
    void amendRescoresAndAlertsOnce();
    void takeAlertOnce_data() { TestDatabase::addBackendRows(); }
    void takeAlertOnce();
    void permissions_data() { TestDatabase::addBackendRows(); }
    void permissions();
    void rulesSavedValidatedAndInForce_data() { TestDatabase::addBackendRows(); }
    void rulesSavedValidatedAndInForce();
    void queuePagesAndPlan_data() { TestDatabase::addBackendRows(); }
    void queuePagesAndPlan();
    void explanation_data() { TestDatabase::addBackendRows(); }
    void explanation();
    void watcherSeesAnotherDesksAlert_data() { TestDatabase::addBackendRows(); }
    void watcherSeesAnotherDesksAlert();
};

void TestRiskService::initTestCase()
{
    // The texts are what the tests say they are under the shipped rules.
    QCOMPARE(scored(kThreat).level, RiskLevel::High);
    QVERIFY(scored(kThreat).has(RiskSignalKind::Media) && scored(kThreat).has(RiskSignalKind::Legal));
    QCOMPARE(scored(kPetition).level, RiskLevel::High);
    QCOMPARE(scored(kMedia).level, RiskLevel::High);
    QVERIFY(scored(kMedia + QLatin1Char('\n') + kLawyer).score != scored(kMedia).score);
    QCOMPARE(scored(kOrdinary).level, RiskLevel::Low);
    QCOMPARE(scored(kNegated).score, 0);
    QVERIFY(!scored(kNegated).ignored.isEmpty());
}

void TestRiskService::scoredOnEveryNewCase()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    const Staff staff = addStaff(repos);
    RawConnection raw(scratch);

    // The guided intake: the citizen's words are a threat.
    IntakeService intake(staff.clerk, repos, clock);
    const auto high = intake.submit(intakeDraft(repos, kThreat));
    QINGTING_VERIFY_OK(high);
    const auto stored = repos.cases->find(high->id);
    QINGTING_VERIFY_OK(stored);
    const RiskResult expected = RiskScorer().score(RiskInput{RiskService::scoredText(*stored), 0, Channel::Window});
    QCOMPARE(expected.level, RiskLevel::High);
    QCOMPARE(stored->riskScore, std::optional<int>(expected.score));
    QCOMPARE(stored->riskLevel, std::optional<RiskLevel>(RiskLevel::High));
    QCOMPARE(stored->riskSignals, expected.signalCodes());
    QVERIFY(stored->riskSignals.contains(QStringLiteral("media")));
    QVERIFY(stored->riskSignals.contains(QStringLiteral("legal")));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT risk_level FROM cases WHERE id = ?"), {high->id}).toString(),
             QStringLiteral("high"));
    const auto scoredEvents = eventsOf(repos, high->id, CaseEventKind::RiskScored);
    QCOMPARE(scoredEvents.size(), 1);
    QCOMPARE(scoredEvents.at(0).note, expectedNote(expected));
    QCOMPARE(scoredEvents.at(0).actor.id, staff.clerk.userId());
    QCOMPARE(alertsOf(raw, high->id), 1);
    const auto alerts = RiskService(staff.supervisor, repos, clock).openAlerts();
    QINGTING_VERIFY_OK(alerts);
    QCOMPARE(alerts->size(), 1);
    QCOMPARE(alerts->at(0).caseNo, stored->caseNo);
    QCOMPARE(alerts->at(0).score, expected.score);
    QCOMPARE(alerts->at(0).signalCodes, expected.signalCodes());
    QCOMPARE(alerts->at(0).raisedAt, kNow);
    QVERIFY(alerts->at(0).isOpen());

    // The same citizen again, with ordinary words: scored (history counted), low, no alert.
    IntakeDraft again = intakeDraft(repos, kOrdinary);
    again.citizenId = stored->citizenId;
    again.base.citizen = Citizen{};
    const auto second = intake.submit(again);
    QINGTING_VERIFY_OK(second);
    const RiskResult secondExpected =
        RiskScorer().score(RiskInput{RiskService::scoredText(*second), 1, Channel::Window});
    QCOMPARE(second->riskScore, std::optional<int>(secondExpected.score));
    QCOMPARE(second->riskLevel, std::optional<RiskLevel>(secondExpected.level));
    QVERIFY(second->riskLevel != RiskLevel::High);
    QCOMPARE(alertsOf(raw, second->id), 0);
    QCOMPARE(eventsOf(repos, second->id, CaseEventKind::RiskScored).size(), secondExpected.score > 0 ? 1 : 0);

    // A negated threat through the plain case form: stored as 0, low, no event (a new case's 0 is no news).
    CaseService cases(staff.clerk, repos, clock);
    const auto negated = cases.create(Fixtures::anonymousDraft(repos, kNegated));
    QINGTING_VERIFY_OK(negated);
    const RiskResult negatedExpected =
        RiskScorer().score(RiskInput{RiskService::scoredText(*negated), 0, Channel::Online});
    QCOMPARE(negated->riskScore, std::optional<int>(negatedExpected.score));
    QCOMPARE(negated->riskLevel, std::optional<RiskLevel>(negatedExpected.level));
    QCOMPARE(eventsOf(repos, negated->id, CaseEventKind::RiskScored).size(), negatedExpected.score > 0 ? 1 : 0);

    // A staff report is scored too.
    StaffReportDraft report;
    report.windowId = Fixtures::referenceId(repos, ReferenceKind::Window, QStringLiteral("3号窗口"));
    report.serviceItemId = Fixtures::referenceId(repos, ReferenceKind::ServiceItem, QStringLiteral("社保业务"));
    report.categoryId = Fixtures::referenceId(repos, ReferenceKind::Category, QStringLiteral("服务态度"));
    report.whatHappened = QStringLiteral("一位群众在大厅说：") + kPetition;
    const auto staffCase = intake.submitStaffReport(report);
    QINGTING_VERIFY_OK(staffCase);
    const RiskResult staffExpected =
        RiskScorer().score(RiskInput{RiskService::scoredText(*staffCase), 0, Channel::StaffReport});
    QCOMPARE(staffCase->riskScore, std::optional<int>(staffExpected.score));
    QCOMPARE(staffCase->riskSignals, staffExpected.signalCodes());
}

void TestRiskService::amendRescoresAndAlertsOnce()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Staff staff = addStaff(repos);
    RawConnection raw(scratch);
    IntakeService intake(staff.clerk, repos, clock);
    const IntakeDraft draft = intakeDraft(repos, kOrdinary);
    auto saved = intake.submit(draft);
    QINGTING_VERIFY_OK(saved);
    Case c = *saved;
    QVERIFY(c.riskLevel != RiskLevel::High);
    const qsizetype eventsAtStart = eventsOf(repos, c.id, CaseEventKind::RiskScored).size();

    const auto amend = [&](IntakePart part, const QString& text) {
        IntakeAmendment a;
        a.part = part;
        a.expectedVersion = c.version;
        a.restatement = text;
        a.detail = draft.detail;
        if (part == IntakePart::Steps) {
            a.promisedAt = kNow.addSecs(24 * 3600);
        }
        clock.advanceSeconds(60);
        auto done = intake.amend(c.id, a);
        if (done) {
            c = *done;
        }
        return done.ok();
    };
    const auto check = [&](const char* step, int alerts, qsizetype events) {
        const RiskResult expected = RiskScorer().score(RiskInput{RiskService::scoredText(c), 0, Channel::Window});
        QVERIFY2(c.riskScore == expected.score, step);
        QVERIFY2(c.riskLevel == expected.level, step);
        QVERIFY2(c.riskSignals == expected.signalCodes(), step);
        QVERIFY2(alertsOf(raw, c.id) == alerts, step);
        const auto scoredEvents = eventsOf(repos, c.id, CaseEventKind::RiskScored);
        QVERIFY2(scoredEvents.size() == events, step);
        QVERIFY2(scoredEvents.constLast().note == expectedNote(expected), step);
        QVERIFY2(scoredEvents.constLast().at == clock.now(), step);
    };

    // The facts become a threat: high, one event, one alert.
    QVERIFY(amend(IntakePart::Facts, kMedia));
    QCOMPARE(c.riskLevel, std::optional<RiskLevel>(RiskLevel::High));
    check("facts high", 1, eventsAtStart + 1);
    // The impact adds a lawsuit: the score changes (an event), the level stays high: no second alert.
    const int before = *c.riskScore;
    QVERIFY(amend(IntakePart::Impact, kLawyer));
    QCOMPARE(c.riskLevel, std::optional<RiskLevel>(RiskLevel::High));
    QVERIFY(*c.riskScore != before);
    check("impact high too", 1, eventsAtStart + 2);
    // The steps are the desk's words, not scored: same score, no event.
    QVERIFY(amend(IntakePart::Steps, QStringLiteral("建议您也可以拨打12345咨询")));
    QCOMPARE(eventsOf(repos, c.id, CaseEventKind::RiskScored).size(), eventsAtStart + 2);
    // Facts and impact ordinary again: no longer high.
    QVERIFY(amend(IntakePart::Facts, kOrdinary));
    QVERIFY(amend(IntakePart::Impact, QStringLiteral("耽误了半天时间")));
    QVERIFY(c.riskLevel != RiskLevel::High);
    QCOMPARE(alertsOf(raw, c.id), 1);
    // High again: a new alert.
    QVERIFY(amend(IntakePart::Facts, kThreat));
    QCOMPARE(c.riskLevel, std::optional<RiskLevel>(RiskLevel::High));
    QCOMPARE(alertsOf(raw, c.id), 2);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT risk_score FROM cases WHERE id = ?"), {c.id}).toInt(), *c.riskScore);
}

void TestRiskService::takeAlertOnce()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Staff staff = addStaff(repos);
    RawConnection raw(scratch);
    const auto saved = IntakeService(staff.clerk, repos, clock).submit(intakeDraft(repos, kThreat));
    QINGTING_VERIFY_OK(saved);
    RiskService boss(staff.supervisor, repos, clock);
    const auto state = boss.alertState();
    QINGTING_VERIFY_OK(state);
    QCOMPARE(state->openCount, 1);
    const auto open = boss.openAlerts();
    QINGTING_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(state->maxOpenId, open->at(0).id);

    clock.advanceSeconds(300);
    const auto taken = boss.takeAlert(open->at(0).id);
    QINGTING_VERIFY_OK(taken);
    QCOMPARE(taken->takenAt, clock.now());
    QCOMPARE(taken->takenBy.id, staff.supervisor.userId());
    QVERIFY(!taken->isOpen());
    const auto events = eventsOf(repos, saved->id, CaseEventKind::RiskAlertTaken);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).actor.id, staff.supervisor.userId());
    QCOMPARE(events.at(0).at, clock.now());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'risk.alert.take' AND "
                                       "entity = 'case' AND entity_id = ?"),
                        {saved->id})
                 .toInt(),
             1);
    const auto after = boss.alertState();
    QINGTING_VERIFY_OK(after);
    QCOMPARE(after->openCount, 0);
    QCOMPARE(after->maxOpenId, 0);

    // Another supervisor (another desk) takes it too: refused, nothing written.
    const int eventsBefore = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM case_events")).toInt();
    const auto twice = RiskService(staff.supervisor2, repos, clock).takeAlert(open->at(0).id);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, Error::Code::Conflict);
    QVERIFY2(twice.error().message.contains(saved->caseNo), qPrintable(twice.error().message));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM case_events")).toInt(), eventsBefore);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT taken_by_id FROM risk_alerts WHERE id = ?"), {open->at(0).id}).toLongLong(),
        staff.supervisor.userId());
    const auto missing = boss.takeAlert(open->at(0).id + 1000);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestRiskService::permissions()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    const Staff staff = addStaff(repos);
    const auto saved = IntakeService(staff.clerk, repos, clock).submit(intakeDraft(repos, kThreat));
    QINGTING_VERIFY_OK(saved);
    const qint64 alertId = RiskService(staff.supervisor, repos, clock).alertState()->maxOpenId;
    QVERIFY(alertId != 0);
    const QByteArray rules = RiskRules::builtInJson();

    const auto denied = [](const auto& result) {
        return !result.ok() && result.error().code == Error::Code::PermissionDenied;
    };
    for (const Session& s : {staff.clerk, staff.admin, staff.trainer}) {
        RiskService risk(s, repos, clock);
        QVERIFY(!risk.maySupervise());
        QVERIFY(denied(risk.queue()));
        QVERIFY(denied(risk.openAlerts()));
        QVERIFY(denied(risk.alertState()));
        QVERIFY(denied(risk.takeAlert(alertId)));
    }
    for (const Session& s : {staff.clerk, staff.supervisor, staff.trainer}) {
        RiskService risk(s, repos, clock);
        QVERIFY(denied(risk.saveRules(rules, QStringLiteral("试试"))));
        QVERIFY(denied(risk.rulesVersions()));
        QVERIFY(denied(risk.currentRulesVersion()));
    }
    // Clerks and supervisors see a case's risk; trainers see no live case, admins no case at all.
    QINGTING_VERIFY_OK(RiskService(staff.clerk, repos, clock).explain(saved->id));
    QINGTING_VERIFY_OK(RiskService(staff.supervisor, repos, clock).explain(saved->id));
    QVERIFY(denied(RiskService(staff.trainer, repos, clock).explain(saved->id)));
    QVERIFY(denied(RiskService(staff.admin, repos, clock).explain(saved->id)));
    // The allowed ones work.
    QINGTING_VERIFY_OK(RiskService(staff.supervisor, repos, clock).queue());
    QINGTING_VERIFY_OK(RiskService(staff.admin, repos, clock).rulesVersions());
    // A supervisor whose account was disabled since login is refused at the next call.
    RawConnection raw(scratch);
    QCOMPARE(raw.exec(QStringLiteral("UPDATE users SET active = 0 WHERE id = ?"), {staff.supervisor2.userId()}),
             QString());
    const auto ended = RiskService(staff.supervisor2, repos, clock).takeAlert(alertId);
    QVERIFY(!ended.ok());
    QCOMPARE(ended.error().code, Error::Code::SessionEnded);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM risk_alerts WHERE taken_at IS NULL")).toInt(), 1);
}

void TestRiskService::rulesSavedValidatedAndInForce()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    const Staff staff = addStaff(repos);
    RawConnection raw(scratch);
    RiskService admin(staff.admin, repos, clock);
    const auto none = admin.currentRulesVersion();
    QINGTING_VERIFY_OK(none);
    QVERIFY(!none->has_value());

    // Invalid rules are refused with the loader's reason, and nothing is written.
    QJsonObject broken = QJsonDocument::fromJson(RiskRules::builtInJson()).object();
    QJsonObject levels = broken.value(QStringLiteral("levels")).toObject();
    levels.insert(QStringLiteral("high"), 10); // below medium
    broken.insert(QStringLiteral("levels"), levels);
    const QByteArray brokenJson = QJsonDocument(broken).toJson();
    const auto loaderSays = RiskRules::fromJson(brokenJson);
    QVERIFY(!loaderSays.ok());
    const auto refused = admin.saveRules(brokenJson, QStringLiteral("阈值调整"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Invalid);
    QCOMPARE(refused.error().message, loaderSays.error().message);
    const auto notJson = admin.saveRules("{\"version\": ", QString());
    QVERIFY(!notJson.ok());
    QCOMPARE(notJson.error().code, Error::Code::Invalid);
    QVERIFY(!notJson.error().message.isEmpty());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM risk_rules")).toInt(), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'risk.rules.save'")).toInt(), 0);

    // Valid rules with a higher "high" threshold: saved as version 1, audited, in force for the next case.
    QJsonObject stricter = QJsonDocument::fromJson(RiskRules::builtInJson()).object();
    levels = stricter.value(QStringLiteral("levels")).toObject();
    levels.insert(QStringLiteral("high"), 99);
    stricter.insert(QStringLiteral("levels"), levels);
    const QByteArray stricterJson = QJsonDocument(stricter).toJson();
    const auto stricterRules = RiskRules::fromJson(stricterJson);
    QINGTING_VERIFY_OK(stricterRules);
    const QString text =
        RiskService::scoredText(*IntakeService(staff.clerk, repos, clock).submit(intakeDraft(repos, kMedia)));
    const RiskResult underNew = RiskScorer(*stricterRules).score(RiskInput{text, 0, Channel::Window});
    QVERIFY(underNew.level != RiskLevel::High); // precondition: the new rules change the level

    const auto id = admin.saveRules(stricterJson, QStringLiteral("  高风险阈值提高到99  "));
    QINGTING_VERIFY_OK(id);
    const auto current = admin.currentRulesVersion();
    QINGTING_VERIFY_OK(current);
    QVERIFY(current->has_value());
    QCOMPARE((*current)->id, *id);
    QCOMPARE((*current)->json, stricterJson);
    QCOMPARE((*current)->note, QStringLiteral("高风险阈值提高到99"));
    QCOMPARE((*current)->savedBy.id, staff.admin.userId());
    QCOMPARE((*current)->savedAt, kNow);
    const auto versions = admin.rulesVersions();
    QINGTING_VERIFY_OK(versions);
    QCOMPARE(versions->size(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'risk.rules.save' AND "
                                       "entity_id = ?"),
                        {*id})
                 .toInt(),
             1);

    const auto next = IntakeService(staff.clerk, repos, clock).submit(intakeDraft(repos, kMedia));
    QINGTING_VERIFY_OK(next);
    QCOMPARE(next->riskScore, std::optional<int>(underNew.score));
    QCOMPARE(next->riskLevel, std::optional<RiskLevel>(underNew.level));
    QCOMPARE(alertsOf(raw, next->id), 0);
    const auto inForce = RiskService(staff.clerk, repos, clock).rules();
    QINGTING_VERIFY_OK(inForce);
    QCOMPARE(inForce->highFrom, 99);

    // A second version: the newest is in force, both are kept.
    QINGTING_VERIFY_OK(admin.saveRules(RiskRules::builtInJson(), QStringLiteral("恢复默认")));
    QCOMPARE(admin.rulesVersions()->size(), 2);
    QCOMPARE(RiskService(staff.clerk, repos, clock).rules()->highFrom, RiskRules::builtIn().highFrom);
}

void TestRiskService::queuePagesAndPlan()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Staff staff = addStaff(repos);
    CaseService cases(staff.clerk, repos, clock);
    const QStringList texts{kThreat, kOrdinary, kPetition, kNegated, QStringLiteral("我要打12345投诉你们")};
    QList<qint64> expected; // medium and high, newest first
    for (int i = 0; i < 25; ++i) {
        CaseDraft d = Fixtures::anonymousDraft(repos, texts.at(i % texts.size()));
        // Pairs received in the same second: the id breaks the tie.
        d.receivedAt = kNow.addSecs(-3600 + (i / 2) * 60);
        const auto c = cases.create(d);
        QINGTING_VERIFY_OK(c);
        if (c->riskLevel == RiskLevel::Medium || c->riskLevel == RiskLevel::High) {
            expected.prepend(c->id);
        }
    }
    QVERIFY(expected.size() >= 10);
    QVERIFY(expected.size() < 25);

    RiskService boss(staff.supervisor, repos, clock);
    QList<qint64> walked;
    std::optional<RiskQueueCursor> cursor;
    int pages = 0;
    do {
        const auto page = boss.queue(cursor, 4);
        QINGTING_VERIFY_OK(page);
        QVERIFY(page->rows.size() <= 4);
        for (const RiskQueueRow& row : page->rows) {
            walked << row.caseId;
            QVERIFY(row.level != RiskLevel::Low);
            QVERIFY(!row.caseNo.isEmpty());
            QVERIFY(!row.signalCodes.isEmpty());
            const auto c = repos.cases->find(row.caseId);
            QCOMPARE(row.status, c->status);
            QCOMPARE(row.score, c->riskScore.value_or(-1));
            QCOMPARE(row.receivedAt, c->receivedAt);
        }
        cursor = page->next;
        ++pages;
    } while (cursor && pages < 100);
    QCOMPARE(walked, expected);
    QCOMPARE(pages, int((expected.size() + 3) / 4));

    // Every page is one range of the partial index cases_risk_queue, never a scan of the cases. PostgreSQL would
    // read a table this small whole, so its planner is told to avoid that (as the other plan tests do).
    SqlRiskRepository& sql = db->riskRepository();
    QINGTING_VERIFY_OK(db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")));
    QINGTING_VERIFY_OK(
        db->caseRepository().setSessionOption(QStringLiteral("enable_bitmapscan"), QStringLiteral("off")));
    for (const auto& after :
         {std::optional<RiskQueueCursor>(), std::optional<RiskQueueCursor>(RiskQueueCursor{kNow, 10})}) {
        const auto plan = sql.explainQueue(after);
        QINGTING_VERIFY_OK(plan);
        const QString text = plan->join(QLatin1Char('\n'));
        if (scratch.isPostgres()) {
            QVERIFY2(text.contains(QLatin1String("cases_risk_queue")), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("Sort")), qPrintable(text));
        } else {
            QVERIFY2(text.contains(QLatin1String("USING INDEX cases_risk_queue")), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("SCAN c\n")) && !text.endsWith(QLatin1String("SCAN c")),
                     qPrintable(text));
        }
    }
    QINGTING_VERIFY_OK(db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("on")));
    QINGTING_VERIFY_OK(
        db->caseRepository().setSessionOption(QStringLiteral("enable_bitmapscan"), QStringLiteral("on")));
    const auto alertPlan = sql.explainOpenAlertState();
    QINGTING_VERIFY_OK(alertPlan);
    if (!scratch.isPostgres()) {
        QVERIFY2(alertPlan->join(QLatin1Char('\n')).contains(QLatin1String("risk_alerts_open")),
                 qPrintable(alertPlan->join(QLatin1Char('\n'))));
    }
}

void TestRiskService::explanation()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(kNow);
    const Staff staff = addStaff(repos);
    IntakeDraft draft = intakeDraft(repos, kThreat);
    draft.base.facts = kNegated;
    const auto saved = IntakeService(staff.clerk, repos, clock).submit(draft);
    QINGTING_VERIFY_OK(saved);
    const auto e = RiskService(staff.clerk, repos, clock).explain(saved->id);
    QINGTING_VERIFY_OK(e);
    QCOMPARE(e->c.id, saved->id);
    QVERIFY(e->text.startsWith(kThreat));
    QVERIFY(e->text.contains(kNegated));
    QCOMPARE(e->result.score, saved->riskScore.value_or(-1));
    const RiskSignal* media = e->result.signal(RiskSignalKind::Media);
    QVERIFY(media);
    bool found = false;
    for (const RiskEvidence& ev : media->evidence) {
        if (ev.source == RiskEvidence::Source::Text) {
            QCOMPARE(e->text.mid(ev.start, ev.length), ev.words);
            found = found || ev.words.contains(QStringLiteral("曝光"));
        }
    }
    QVERIFY(found);
    // The negated 曝光 of the facts is set aside, with its cue.
    bool negated = false;
    for (const RiskIgnored& ig : e->result.ignored) {
        negated = negated || (ig.reason == RiskIgnored::Reason::Negated && ig.start > kThreat.size());
    }
    QVERIFY(negated);
}

void TestRiskService::watcherSeesAnotherDesksAlert()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Staff staff = addStaff(repos);
    PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(scratch.location()), clock, hasher);
    DatabaseWorker clerkWorker(std::make_shared<SqlDatabaseConnector>(scratch.location()), clock, hasher);
    NoticeWatcher bossWatcher(worker, staff.supervisor);
    NoticeWatcher clerkWatcher(clerkWorker, staff.clerk);
    // PostgreSQL: no polling within the test, so the alert can only be seen through NOTIFY. SQLite: a fast tick.
    for (NoticeWatcher* w : {&bossWatcher, &clerkWatcher}) {
        w->setPollInterval(scratch.isPostgres() ? 3600 * 1000 : 200);
    }
    QSignalSpy bossStarted(&bossWatcher, &NoticeWatcher::started);
    QSignalSpy clerkStarted(&clerkWatcher, &NoticeWatcher::started);
    QSignalSpy alerts(&bossWatcher, &NoticeWatcher::riskAlertsChanged);
    QSignalSpy clerkAlerts(&clerkWatcher, &NoticeWatcher::riskAlertsChanged);
    bossWatcher.start();
    clerkWatcher.start();
    QTRY_COMPARE(bossStarted.size(), 1);
    QTRY_COMPARE(clerkStarted.size(), 1);
    QCOMPARE(alerts.size(), 1); // the state at start: none open
    QCOMPARE(alerts.at(0).at(0).toInt(), 0);

    // Another desk (this test's own connection) records a high-risk intake.
    const auto saved = IntakeService(staff.clerk, repos, clock).submit(intakeDraft(repos, kThreat));
    QINGTING_VERIFY_OK(saved);
    QTRY_COMPARE_WITH_TIMEOUT(alerts.size(), 2, 10000);
    QCOMPARE(alerts.at(1).at(0).toInt(), 1);

    // Taken on yet another desk: the count goes back to 0.
    RiskService boss2(staff.supervisor2, repos, clock);
    QINGTING_VERIFY_OK(boss2.takeAlert(boss2.alertState()->maxOpenId));
    QTRY_COMPARE_WITH_TIMEOUT(alerts.size(), 3, 10000);
    QCOMPARE(alerts.at(2).at(0).toInt(), 0);
    // Clerks are not told of alerts.
    QCOMPARE(clerkAlerts.size(), 0);
}

QTEST_GUILESS_MAIN(TestRiskService)
#include "tst_risk_service.moc"
