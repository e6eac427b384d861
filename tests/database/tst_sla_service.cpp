#include "SqlCaseRepository.h"
#include "SqlSlaPolicyRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"

#include "repositories/CasePauseRepository.h"
#include "repositories/CaseRepository.h"
#include "repositories/SlaPolicyRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/CaseService.h"
#include "services/ExtensionService.h"
#include "services/SlaService.h"

#include <QRegularExpression>
#include <QTest>

namespace {
QDateTime at(const char* text)
{
    return Fixtures::at(QString::fromLatin1(text));
}
} // namespace

/** SlaService over a real database: pauses move the due time, the rules are stored and audited (issue 12, "sla"). */
class TestSlaService : public QObject
{
    Q_OBJECT

private slots:
    void pauseAndResumeMoveTheDue_data() { TestDatabase::addBackendRows(); }
    void pauseAndResumeMoveTheDue();
    void refusals_data() { TestDatabase::addBackendRows(); }
    void refusals();
    void policyStoredAndAudited_data() { TestDatabase::addBackendRows(); }
    void policyStoredAndAudited();
    void lookupsUseIndexes_data() { TestDatabase::addBackendRows(); }
    void lookupsUseIndexes();
    void everyDueFromTheEngine_data() { TestDatabase::addBackendRows(); }
    void everyDueFromTheEngine();
    void resolvingEndsThePause_data() { TestDatabase::addBackendRows(); }
    void resolvingEndsThePause();
};

namespace {
/** A window case received at `receivedAt`, not yet answered (its due time is the 48-hour answer). */
qint64 newCase(const Repositories& repos, const Session& clerk, FixedClock& clock, const QDateTime& receivedAt)
{
    clock.set(receivedAt);
    CaseService cases(clerk, repos, clock);
    CaseDraft d = Fixtures::citizenDraft(repos, QStringLiteral("窗口人员态度生硬，材料被退回三次"));
    d.receivedAt = receivedAt;
    const auto created = cases.create(d);
    return created.ok() ? created->id : 0;
}
} // namespace

void TestSlaService::pauseAndResumeMoveTheDue()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at("2026-05-06 14:45"));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const qint64 id = newCase(repos, clerk, clock, at("2026-05-06 14:45"));
    QVERIFY(id != 0);
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT open_due_at FROM cases WHERE id = ?"), {id}).toLongLong(),
             at("2026-05-08 14:45").toSecsSinceEpoch());

    SlaService sla(clerk, repos, clock);
    clock.set(at("2026-05-07 09:00"));
    const auto paused = sla.pause(id, SlaPauseKind::Citizen, QStringLiteral("请市民补交身份证复印件"));
    QINGTING_VERIFY_OK(paused);
    QCOMPARE(paused->pausedAt, at("2026-05-07 09:00"));
    QCOMPARE(paused->dueAt, at("2026-05-08 14:45"));
    // A paused case is not overdue: it leaves the overdue lists until its clocks run again.
    QVERIFY(raw.scalar(QStringLiteral("SELECT open_due_at FROM cases WHERE id = ?"), {id}).isNull());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT paused_at FROM cases WHERE id = ?"), {id}).toLongLong(),
             at("2026-05-07 09:00").toSecsSinceEpoch());

    // While paused, the clocks say so and how much is left.
    clock.set(at("2026-05-07 10:00"));
    const auto during = sla.clocks(id);
    QINGTING_VERIFY_OK(during);
    QCOMPARE(during->clocks.size(), 2);
    QCOMPARE(during->clocks.at(0).kind, SlaClockKind::Answer);
    QCOMPARE(during->clocks.at(0).state, SlaClock::State::Paused);
    QCOMPARE(during->clocks.at(0).explanation,
             QStringLiteral("Paused since 2026-05-07 09:00: 29 h 45 min left of 48 h from receipt."));
    QCOMPARE(during->pauses.size(), 1);
    QCOMPARE(during->pauses.at(0).reason, QStringLiteral("请市民补交身份证复印件"));
    QVERIFY(during->pauses.at(0).isOpen());

    clock.set(at("2026-05-07 11:15"));
    const auto resumed = sla.resume(id, QStringLiteral("材料已补齐"));
    QINGTING_VERIFY_OK(resumed);
    QVERIFY(!resumed->pausedAt.isValid());
    QCOMPARE(resumed->dueAt, at("2026-05-08 17:00"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT open_due_at FROM cases WHERE id = ?"), {id}).toLongLong(),
             at("2026-05-08 17:00").toSecsSinceEpoch());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT resumed_at FROM case_pauses WHERE case_id = ?"), {id}).toLongLong(),
             at("2026-05-07 11:15").toSecsSinceEpoch());

    const auto after = sla.clocks(id);
    QINGTING_VERIFY_OK(after);
    QCOMPARE(after->clocks.at(0).explanation,
             QStringLiteral("Due 2026-05-08 17:00: 48 h from receipt, plus 2 h 15 min paused."));

    // The timeline says why, the audit log who.
    const auto timeline = repos.cases->events(id);
    QINGTING_VERIFY_OK(timeline);
    QCOMPARE(timeline->size(), 3);
    QCOMPARE(timeline->at(1).kind, CaseEventKind::Paused);
    QCOMPARE(timeline->at(1).note, QStringLiteral("→ 补正材料 · 请市民补交身份证复印件"));
    QCOMPARE(timeline->at(2).kind, CaseEventKind::Resumed);
    QCOMPARE(timeline->at(2).note, QStringLiteral("→ 2026-05-08 17:00 · 材料已补齐"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action IN ('case.pause', 'case.resume')"))
                 .toInt(),
             2);

    // A second pause, on a third party, adds up.
    clock.set(at("2026-05-07 15:00"));
    QINGTING_VERIFY_OK(sla.pause(id, SlaPauseKind::ThirdParty, QStringLiteral("等待不动产登记中心回函")));
    clock.set(at("2026-05-07 15:30"));
    const auto again = sla.resume(id, QString());
    QINGTING_VERIFY_OK(again);
    QCOMPARE(again->dueAt, at("2026-05-08 17:30"));
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT kind FROM case_pauses WHERE case_id = ? ORDER BY id DESC"), {id}).toString(),
        QStringLiteral("third_party"));
}

void TestSlaService::refusals()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at("2026-05-06 14:45"));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session admin = Fixtures::addUser(repos, QStringLiteral("root"), Role::Admin);
    const qint64 id = newCase(repos, clerk, clock, at("2026-05-06 14:45"));
    QVERIFY(id != 0);
    RawConnection raw(scratch);
    const QString before = raw.dump();
    SlaService sla(clerk, repos, clock);
    clock.set(at("2026-05-07 09:00"));

    auto r = sla.pause(id, SlaPauseKind::Citizen, QStringLiteral("  "));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, QStringLiteral("Say what the case is waiting for."));
    r = sla.resume(id, QString());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, QStringLiteral("The case's clocks are running; there is nothing to resume."));
    r = SlaService(admin, repos, clock).pause(id, SlaPauseKind::Citizen, QStringLiteral("补正"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::PermissionDenied);
    r = sla.pause(id, SlaPauseKind::Citizen, QStringLiteral("补正"), 99);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::Conflict);
    QCOMPARE(raw.dump(), before); // nothing written by any refusal

    QINGTING_VERIFY_OK(sla.pause(id, SlaPauseKind::Citizen, QStringLiteral("补正")));
    r = sla.pause(id, SlaPauseKind::Citizen, QStringLiteral("补正"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, QStringLiteral("The case's clocks are already paused."));
    // The database holds at most one open pause per case, whatever a buggy caller does.
    const QString duplicate = raw.exec(
        QStringLiteral("INSERT INTO case_pauses (case_id, kind, reason, paused_at, paused_by) VALUES (?, 'citizen', "
                       "'x', ?, 'x')"),
        {id, at("2026-05-07 09:30").toSecsSinceEpoch()});
    QVERIFY(!duplicate.isEmpty());
}

void TestSlaService::policyStoredAndAudited()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at("2026-03-02 09:00"));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session admin = Fixtures::addUser(repos, QStringLiteral("root"), Role::Admin);

    // No stored rules: the defaults.
    const auto defaults = SlaService(admin, repos, clock).policy();
    QINGTING_VERIFY_OK(defaults);
    QCOMPARE(defaults->answerHours, 48);
    QCOMPARE(defaults->rectifyWorkingDays, 15);
    QVERIFY(!defaults->workingHoursMode);

    SlaPolicy p;
    p.answerHours = 24;
    p.rectifyWorkingDays = 5;
    p.workingHoursMode = true;
    p.workingPeriods = {{QTime(8, 30), QTime(12, 0)}, {QTime(14, 0), QTime(17, 0)}};
    const qint64 category = Fixtures::referenceId(repos, ReferenceKind::Category, QStringLiteral("服务态度"));
    QVERIFY(category != 0);
    p.resolveWorkingDaysByCategory.insert(category, 5);
    p.noRatingRuleEnabled = true;

    const auto denied = SlaService(clerk, repos, clock).savePolicy(p);
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().code, Error::Code::PermissionDenied);
    SlaPolicy wrong = p;
    wrong.rectifyWorkingDays = 20;
    wrong.workingPeriods = {{QTime(13, 0), QTime(12, 0)}};
    const auto refused = SlaService(admin, repos, clock).savePolicy(wrong);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message, QStringLiteral("The rectification target must be 5 to 15 working days.\n"
                                                     "A working period must end after it starts."));

    QINGTING_VERIFY_OK(SlaService(admin, repos, clock).savePolicy(p));
    const auto stored = repos.slaPolicy->load();
    QINGTING_VERIFY_OK(stored);
    QCOMPARE(stored->answerHours, 24);
    QCOMPARE(stored->rectifyWorkingDays, 5);
    QVERIFY(stored->workingHoursMode);
    QCOMPARE(stored->workingPeriods.size(), 2);
    QCOMPARE(stored->workingPeriods.at(0).from, QTime(8, 30));
    QCOMPARE(stored->workingPeriods.at(1).to, QTime(17, 0));
    QCOMPARE(stored->resolveWorkingDaysByCategory.value(category), 5);
    QVERIFY(stored->noRatingRuleEnabled);
    QINGTING_VERIFY_OK(SlaService(admin, repos, clock).savePolicy(p)); // saved again: the one row is replaced
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sla_policy")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sla.policy'")).toInt(), 2);

    // The clocks follow the stored rules: 24 working hours from Monday 09:00 of 08:30-12:00 and 14:00-17:00
    // (6.5 h a day) end on Thursday at 15:30; the category resolves in 5 working days.
    const qint64 id = newCase(repos, clerk, clock, at("2026-03-02 09:00"));
    clock.set(at("2026-03-02 10:00"));
    const auto clocks = SlaService(clerk, repos, clock).clocks(id);
    QINGTING_VERIFY_OK(clocks);
    QCOMPARE(clocks->clocks.at(0).kind, SlaClockKind::Answer);
    QCOMPARE(clocks->clocks.at(0).due, at("2026-03-05 15:30"));
    QCOMPARE(clocks->clocks.at(1).kind, SlaClockKind::Resolve);
    QCOMPARE(clocks->clocks.at(1).due, at("2026-03-09 23:59:59"));
}

void TestSlaService::lookupsUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at("2026-03-02 09:00"));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        for (int i = 0; i < 300; ++i) {
            Case c;
            c.receivedAt = at("2026-03-02 09:00").addSecs(-qint64(i) * 3600);
            c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
            c.status = CaseStatus::InProgress;
            c.createdBy = {0, QStringLiteral("cli")};
            c.complaintText = QStringLiteral("案件%1").arg(i);
            c.updatedAt = c.receivedAt;
            c.pausedAt = i % 10 == 0 ? c.receivedAt.addSecs(600) : QDateTime();
            const auto id = repos.cases->insert(c);
            QINGTING_VERIFY_OK(id);
            SlaPause p;
            p.caseId = *id;
            p.reason = QStringLiteral("补正");
            p.from = c.receivedAt.addSecs(600);
            QINGTING_VERIFY_OK(repos.casePauses->open(p, clerk.actor()));
        }
        QINGTING_VERIFY_OK(tx.commit());
    }
    RawConnection raw(scratch);
    raw.exec(QStringLiteral("ANALYZE"));
    if (scratch.isPostgres()) {
        // A few hundred rows are rightly read whole and sorted; show whether the index CAN serve range and order.
        for (const char* option : {"enable_seqscan", "enable_bitmapscan", "enable_sort"}) {
            QINGTING_VERIFY_OK(
                db->caseRepository().setSessionOption(QString::fromLatin1(option), QStringLiteral("off")));
        }
    }
    auto* pauses = static_cast<SqlCasePauseRepository*>(repos.casePauses);
    static const QRegularExpression fullScan(QStringLiteral("Seq Scan|^SCAN (cases|case_pauses)\\b|TEMP B-TREE|Sort"),
                                             QRegularExpression::MultilineOption);
    const auto check = [&](const char* what, const Result<QStringList>& plan, const QString& index) {
        QVERIFY2(plan.ok(), plan.ok() ? what : qPrintable(plan.error().message));
        const QString text = plan->join(QLatin1Char('\n'));
        const QString shown = QLatin1String(what) + QStringLiteral(":\n") + text;
        QVERIFY2(text.contains(index), qPrintable(shown));
        QVERIFY2(!fullScan.match(text).hasMatch(), qPrintable(shown));
    };
    check("pauses of a case", pauses->explainForCase(42), QStringLiteral("case_pauses_case"));
    check("paused cases", pauses->explainPausedCases(), QStringLiteral("cases_paused"));
}

QTEST_GUILESS_MAIN(TestSlaService)
void TestSlaService::everyDueFromTheEngine()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at("2026-06-09 15:00"));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session admin = Fixtures::addUser(repos, QStringLiteral("root"), Role::Admin);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("wang"), Role::Supervisor);

    // Working-hours mode (9:00-12:00, 13:30-17:30): a case recorded through CaseService gets its due time from the
    // engine, not from a fixed 48 natural hours. Tuesday 9 June 15:00: 2.5 h that day, 7 h on each of the next six
    // working days (Wed, Thu, Fri, Mon, Tue, Wed: 44.5 h), then 3.5 h of Thursday 18 June: 14:00.
    SlaPolicy p;
    p.workingHoursMode = true;
    QINGTING_VERIFY_OK(SlaService(admin, repos, clock).savePolicy(p));
    const qint64 id = newCase(repos, clerk, clock, at("2026-06-09 15:00"));
    QVERIFY(id != 0);
    CaseService cases(clerk, repos, clock);
    QCOMPARE(cases.get(id)->dueAt, at("2026-06-18 14:00"));

    // Reopened on Friday 3 July 10:30 (after a resolution): the answer clock runs again from the reopening, in
    // working hours: Fri 5.5 h, then Mon-Fri 35 h (40.5 h), Monday 13 July 7 h (47.5 h), then 0.5 h: Tuesday 09:30.
    QINGTING_VERIFY_OK(cases.perform(id, {CaseAction::Acknowledge}));
    QINGTING_VERIFY_OK(cases.perform(id, {CaseAction::Resolve, QStringLiteral("已当面解释并致歉")}));
    clock.set(at("2026-07-03 10:30"));
    const auto reopened =
        CaseService(boss, repos, clock).perform(id, {CaseAction::Reopen, QStringLiteral("市民来电表示问题仍未解决")});
    QINGTING_VERIFY_OK(reopened);
    QCOMPARE(reopened->dueAt, at("2026-07-14 09:30"));

    // An approved extension (延期) is the deadline the desk works to, even while the answer clock still counts.
    clock.set(at("2026-07-06 09:00"));
    const auto asked =
        ExtensionService(clerk, repos, clock)
            .request(id, reopened->version, at("2026-07-31 17:00"), QStringLiteral("需调取监控录像核实"));
    QINGTING_VERIFY_OK(asked);
    const auto approved = ExtensionService(boss, repos, clock).decide(id, asked->version, true, QString());
    QINGTING_VERIFY_OK(approved);
    QCOMPARE(approved->dueAt, at("2026-07-31 17:00"));
    const auto clocks = SlaService(clerk, repos, clock).clocks(id);
    QINGTING_VERIFY_OK(clocks);
    QCOMPARE(SlaEngine::caseDue(clocks->clocks), at("2026-07-31 17:00"));
}

void TestSlaService::resolvingEndsThePause()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at("2026-05-06 14:45"));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const qint64 id = newCase(repos, clerk, clock, at("2026-05-06 14:45"));
    QVERIFY(id != 0);
    CaseService cases(clerk, repos, clock);
    QINGTING_VERIFY_OK(cases.perform(id, {CaseAction::Acknowledge}));
    clock.set(at("2026-05-07 09:00"));
    QINGTING_VERIFY_OK(
        SlaService(clerk, repos, clock).pause(id, SlaPauseKind::Citizen, QStringLiteral("等待补交材料")));

    // The citizen brings the papers to the window and the case is resolved there: the pause ends with it.
    clock.set(at("2026-05-07 10:30"));
    const auto resolved = cases.perform(id, {CaseAction::Resolve, QStringLiteral("材料齐全，当场办结")});
    QINGTING_VERIFY_OK(resolved);
    QVERIFY(!resolved->pausedAt.isValid());
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT resumed_at FROM case_pauses WHERE case_id = ?"), {id}).toLongLong(),
             at("2026-05-07 10:30").toSecsSinceEpoch());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE paused_at IS NOT NULL")).toInt(), 0);
    const auto timeline = repos.cases->events(id);
    QINGTING_VERIFY_OK(timeline);
    QCOMPARE(timeline->size(), 5); // created, acknowledged, paused, resumed, resolved
    QCOMPARE(timeline->at(3).kind, CaseEventKind::Resumed);
    QCOMPARE(timeline->at(3).note, QStringLiteral("案件已办结或关闭，暂停随之结束"));
    QCOMPARE(timeline->at(4).kind, CaseEventKind::Resolved);
    // The answer clock stopped in time: 1.5 h of the pause did not count.
    const auto clocks = SlaService(clerk, repos, clock).clocks(id);
    QINGTING_VERIFY_OK(clocks);
    QCOMPARE(clocks->clocks.at(0).kind, SlaClockKind::Answer);
    QCOMPARE(clocks->clocks.at(0).state, SlaClock::State::Met);
    QCOMPARE(clocks->pauses.size(), 1);
    QVERIFY(!clocks->pauses.at(0).isOpen());
}

#include "tst_sla_service.moc"
