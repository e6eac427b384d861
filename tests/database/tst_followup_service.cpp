// Follow-up (回访) and 好差评 on a real database (issue 12, helper "followup"): failed attempts and the unreachable
// mark, a bad rating that opens a rectification with its working-day deadline (核实 → 整改 → 反馈 → 二次回访), the
// original rating kept, appeals decided by a second supervisor (four eyes) after which the rating leaves CSAT and
// NPS, the no-rating rule (off by default, idempotent, audited), permissions, and the plans of the new list shapes.

#include "SqlCaseRepository.h"
#include "SqlFollowUpRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "repositories/FollowUpRepository.h"
#include "repositories/SlaPolicyRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/CaseService.h"
#include "services/FollowUpService.h"
#include "services/SlaService.h"

#include <QTest>

using Fixtures::at;

namespace {
/** A policy store for the tests that change the rules (the real one is helper "sla"'s). */
class FakePolicies final : public SlaPolicyRepository
{
public:
    SlaPolicy policy;
    Result<SlaPolicy> load() override { return policy; }
    Status save(const SlaPolicy& p, const QString&, const QDateTime&) override
    {
        policy = p;
        return {};
    }
};

/** A resolved case with a citizen, received and resolved at the given times. */
qint64 resolvedCase(const Repositories& repos, FixedClock& clock, const Session& clerk, const QDateTime& received,
                    const QDateTime& resolved, bool anonymous = false)
{
    CaseService cases(clerk, repos, clock);
    clock.set(received);
    CaseDraft draft = anonymous ? Fixtures::anonymousDraft(repos, QStringLiteral("窗口人员态度差"))
                                : Fixtures::citizenDraft(repos, QStringLiteral("窗口人员态度差"));
    draft.receivedAt = received;
    const auto c = cases.create(draft);
    if (!c) {
        qWarning() << c.error().message;
        return 0;
    }
    clock.set(received.addSecs(600));
    CaseCommand ack;
    ack.action = CaseAction::Acknowledge;
    if (!cases.perform(c->id, ack)) {
        return 0;
    }
    clock.set(resolved);
    CaseCommand resolve;
    resolve.action = CaseAction::Resolve;
    resolve.note = QStringLiteral("已当面致歉并办结");
    const auto r = cases.perform(c->id, resolve);
    return r ? c->id : 0;
}

QList<CaseEventKind> kinds(const Repositories& repos, qint64 caseId)
{
    QList<CaseEventKind> result;
    for (const auto& e : *repos.cases->events(caseId)) {
        result << e.kind;
    }
    return result;
}

FollowUpInput reached(int rating, std::optional<int> nps = std::nullopt)
{
    FollowUpInput in;
    in.reached = true;
    in.rating = rating;
    in.nps = nps;
    in.note = QStringLiteral("电话回访");
    return in;
}

FollowUpInput notReached(FollowUpMethod method = FollowUpMethod::Phone)
{
    FollowUpInput in;
    in.reached = false;
    in.method = method;
    in.note = QStringLiteral("无人接听");
    return in;
}

int count(RawConnection& raw, const QString& sql, const QVariantList& values = {})
{
    return raw.scalar(sql, values).toInt();
}
} // namespace

class TestFollowUpService : public QObject
{
    Q_OBJECT

private slots:
    void unreachableAfterAttempts_data() { TestDatabase::addBackendRows(); }
    void unreachableAfterAttempts();
    void badRatingRectification_data() { TestDatabase::addBackendRows(); }
    void badRatingRectification();
    void appealFourEyes_data() { TestDatabase::addBackendRows(); }
    void appealFourEyes();
    void noRatingRule_data() { TestDatabase::addBackendRows(); }
    void noRatingRule();
    void permissionsAndValidation_data() { TestDatabase::addBackendRows(); }
    void permissionsAndValidation();
    void listsUseIndexes_data() { TestDatabase::addBackendRows(); }
    void listsUseIndexes();
};

void TestFollowUpService::unreachableAfterAttempts()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const qint64 id = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-03-02 09:00")),
                                   at(QStringLiteral("2026-03-03 15:00")));
    QVERIFY(id != 0);
    FollowUpService followUps(clerk, repos, clock);

    clock.set(at(QStringLiteral("2026-03-04 10:00")));
    auto c = followUps.recordFollowUp(id, notReached());
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->status, CaseStatus::Resolved);
    QCOMPARE(c->followUpAttempts, 1);
    QVERIFY(!c->unreachableAt.isValid());
    clock.set(at(QStringLiteral("2026-03-04 16:00")));
    c = followUps.recordFollowUp(id, notReached(FollowUpMethod::Sms));
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->followUpAttempts, 2);
    QVERIFY(!c->unreachableAt.isValid());
    clock.set(at(QStringLiteral("2026-03-05 10:00")));
    c = followUps.recordFollowUp(id, notReached());
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->followUpAttempts, 3);
    QCOMPARE(c->unreachableAt, at(QStringLiteral("2026-03-05 10:00")));
    QCOMPARE(c->status, CaseStatus::Resolved);

    const auto record = followUps.record(id);
    QINGTING_VERIFY_OK(record);
    QCOMPARE(record->attempts.size(), 3);
    QCOMPARE(record->attempts.at(1).method, FollowUpMethod::Sms);
    QCOMPARE(record->attempts.at(2).note, QStringLiteral("无人接听"));
    QVERIFY(record->followUps.isEmpty());

    const auto events = *repos.cases->events(id);
    QCOMPARE(events.size(), 7); // created, acknowledged, resolved, 3 attempts, unreachable
    QCOMPARE(events.at(3).kind, CaseEventKind::FollowUpAttempted);
    QCOMPARE(events.at(3).note, CaseEventNotes::withFact(QStringLiteral("1/3"), QStringLiteral("无人接听")));
    QCOMPARE(events.at(5).note, CaseEventNotes::withFact(QStringLiteral("3/3"), QStringLiteral("无人接听")));
    QCOMPARE(events.at(6).kind, CaseEventKind::MarkedUnreachable);

    // Reached at last: the rating is recorded and the mark cleared.
    clock.set(at(QStringLiteral("2026-03-06 10:00")));
    c = followUps.recordFollowUp(id, reached(4, 9));
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->status, CaseStatus::FollowedUp);
    QCOMPARE(c->rating, std::optional<int>(4));
    QCOMPARE(c->nps, std::optional<int>(9));
    QCOMPARE(c->followUpAttempts, 0);
    QVERIFY(!c->unreachableAt.isValid());
    RawConnection raw(scratch);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.follow_up_attempt'")), 3);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.follow_up'")), 1);
}

void TestFollowUpService::badRatingRectification()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at(QStringLiteral("2026-04-27 09:00")));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const qint64 id = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-04-27 09:00")),
                                   at(QStringLiteral("2026-04-28 15:00")));
    QVERIFY(id != 0);
    FollowUpService followUps(clerk, repos, clock);

    // 不满意 on Wednesday 29 April: 15 working days across the May Day holiday (1-5 May off, Saturday 9 May works).
    clock.set(at(QStringLiteral("2026-04-29 10:00")));
    auto c = followUps.recordFollowUp(id, reached(2, 3));
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->status, CaseStatus::InProgress);
    QCOMPARE(c->rating, std::optional<int>(2));
    QCOMPARE(c->dueAt, at(QStringLiteral("2026-05-22 23:59:59")));
    QVERIFY(!c->resolvedAt.isValid());
    auto record = followUps.record(id);
    QINGTING_VERIFY_OK(record);
    QVERIFY(record->rectification.has_value());
    QCOMPARE(record->rectification->stage, RectificationStage::Verify);
    QCOMPARE(record->rectification->badRating, 2);
    QCOMPARE(record->rectification->dueAt, at(QStringLiteral("2026-05-22 23:59:59")));
    QCOMPARE(record->rectification->followUpId, record->followUps.at(0).id);
    // The case was resolved before the bad review: its resolve clock stays met, the rectify clock is the one that
    // counts, and the case's deadline is the rectify clock's (one engine for both).
    const auto clocks = SlaService(clerk, repos, clock).clocks(id);
    QINGTING_VERIFY_OK(clocks);
    QStringList states;
    for (const SlaClock& k : clocks->clocks) {
        states << SlaClockKinds::code(k.kind) + QLatin1Char('=') + QString::number(int(k.state));
        if (k.kind == SlaClockKind::Rectify) {
            QCOMPARE(k.due, at(QStringLiteral("2026-05-22 23:59:59")));
        }
    }
    QCOMPARE(states.join(u' '), QStringLiteral("answer=4 resolve=4 rectify=0")); // Met, Met, Running

    // The second follow-up must wait for the stages.
    const auto early = followUps.recordFollowUp(id, reached(5));
    QVERIFY(!early.ok());
    QCOMPARE(early.error().code, Error::Code::InvalidTransition); // the case is being handled, not resolved
    QVERIFY(!followUps.advanceRectification(id, QStringLiteral("  ")).ok());

    clock.set(at(QStringLiteral("2026-04-30 11:00")));
    QINGTING_VERIFY_OK(followUps.advanceRectification(id, QStringLiteral("调取录像，核实窗口人员态度生硬属实")));
    clock.set(at(QStringLiteral("2026-05-07 11:00")));
    QINGTING_VERIFY_OK(followUps.advanceRectification(id, QStringLiteral("对窗口人员批评教育，纳入月度考核")));
    clock.set(at(QStringLiteral("2026-05-08 16:00")));
    c = followUps.advanceRectification(id, QStringLiteral("已电话告知整改结果"));
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->status, CaseStatus::Resolved);
    QCOMPARE(c->resolvedAt, at(QStringLiteral("2026-05-08 16:00")));
    record = followUps.record(id);
    QCOMPARE(record->rectification->stage, RectificationStage::SecondFollowUp);
    QCOMPARE(record->rectification->verifiedAt, at(QStringLiteral("2026-04-30 11:00")));
    QCOMPARE(record->rectification->rectifyNote, QStringLiteral("对窗口人员批评教育，纳入月度考核"));
    // 3 working days after Friday 8 May: Saturday 9 May (调休), Monday 11, Tuesday 12.
    QCOMPARE(record->rectification->secondDueAt, at(QStringLiteral("2026-05-12 23:59:59")));
    QVERIFY(!followUps.advanceRectification(id, QStringLiteral("再次反馈")).ok());

    // The second follow-up: satisfied now; the rectification is done and the original 2 is kept.
    clock.set(at(QStringLiteral("2026-05-11 09:30")));
    c = followUps.recordFollowUp(id, reached(4, 8));
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->status, CaseStatus::FollowedUp);
    QCOMPARE(c->rating, std::optional<int>(4));
    record = followUps.record(id);
    QCOMPARE(record->rectification->stage, RectificationStage::Done);
    QCOMPARE(record->rectification->doneAt, at(QStringLiteral("2026-05-11 09:30")));
    QCOMPARE(record->followUps.size(), 2);
    QCOMPARE(record->followUps.at(0).rating, 2);
    QCOMPARE(record->followUps.at(0).nps, std::optional<int>(3));
    QCOMPARE(record->followUps.at(1).rating, 4);
    QCOMPARE(record->rectification->secondFollowUpId, record->followUps.at(1).id);

    const QList<CaseEventKind> expected{CaseEventKind::Created,
                                        CaseEventKind::Acknowledged,
                                        CaseEventKind::Resolved,
                                        CaseEventKind::FollowedUp,
                                        CaseEventKind::RectificationStarted,
                                        CaseEventKind::RectificationProgressed,
                                        CaseEventKind::RectificationProgressed,
                                        CaseEventKind::RectificationProgressed,
                                        CaseEventKind::FollowedUp,
                                        CaseEventKind::RectificationProgressed};
    QCOMPARE(kinds(repos, id), expected);
    const auto events = *repos.cases->events(id);
    QCOMPARE(events.at(5).note,
             CaseEventNotes::withFact(QStringLiteral("核实"), QStringLiteral("调取录像，核实窗口人员态度生硬属实")));
    QCOMPARE(events.at(9).note, CaseEventNotes::withFact(QStringLiteral("二次回访 → 4/5"), QString()));

    // A bad rating on the second follow-up of another case opens no second rectification.
    const qint64 other = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-05-11 10:00")),
                                      at(QStringLiteral("2026-05-11 12:00")));
    clock.set(at(QStringLiteral("2026-05-12 09:00")));
    QINGTING_VERIFY_OK(followUps.recordFollowUp(other, reached(1)));
    for (const char* stage : {"核实", "整改", "反馈"}) {
        QINGTING_VERIFY_OK(followUps.advanceRectification(other, QString::fromUtf8(stage)));
    }
    c = followUps.recordFollowUp(other, reached(2));
    QINGTING_VERIFY_OK(c);
    QCOMPARE(c->status, CaseStatus::FollowedUp);
    RawConnection raw(scratch);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM rectifications WHERE case_id = ?"), {other}), 1);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.rectification'")), 6);

    // Resolved through the case's own Resolve during the rectification: the stages still complete it.
    const qint64 third = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-05-12 10:00")),
                                      at(QStringLiteral("2026-05-12 11:00")));
    clock.set(at(QStringLiteral("2026-05-13 09:00")));
    QINGTING_VERIFY_OK(followUps.recordFollowUp(third, reached(2)));
    CaseCommand resolve;
    resolve.action = CaseAction::Resolve;
    resolve.note = QStringLiteral("已重新办理");
    clock.set(at(QStringLiteral("2026-05-13 15:00")));
    QINGTING_VERIFY_OK(CaseService(clerk, repos, clock).perform(third, resolve));
    QCOMPARE(followUps.recordFollowUp(third, reached(4)).error().code, Error::Code::Invalid);
    for (const char* stage : {"核实", "整改", "反馈"}) {
        QINGTING_VERIFY_OK(followUps.advanceRectification(third, QString::fromUtf8(stage)));
    }
    c = repos.cases->find(third);
    QCOMPARE(c->status, CaseStatus::Resolved);
    QCOMPARE(c->resolvedAt, at(QStringLiteral("2026-05-13 15:00")));
    QINGTING_VERIFY_OK(followUps.recordFollowUp(third, reached(4)));
    QCOMPARE(followUps.record(third)->rectification->stage, RectificationStage::Done);
}

void TestFollowUpService::appealFourEyes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session wang = Fixtures::addUser(repos, QStringLiteral("wang"), Role::Supervisor);
    const Session zhao = Fixtures::addUser(repos, QStringLiteral("zhao"), Role::Supervisor);
    // Three rated cases in March: 5 (NPS 10), 4 (NPS 7), and 1 (NPS 0) that is appealed.
    QList<qint64> ids;
    const int ratings[] = {5, 4, 1};
    const int npsAnswers[] = {10, 7, 0};
    FollowUpService byClerk(clerk, repos, clock);
    for (int i = 0; i < 3; ++i) {
        const QDateTime received = at(QStringLiteral("2026-03-02 09:00")).addDays(i);
        const qint64 id = resolvedCase(repos, clock, clerk, received, received.addSecs(3600));
        QVERIFY(id != 0);
        clock.set(received.addSecs(7200));
        QINGTING_VERIFY_OK(byClerk.recordFollowUp(id, reached(ratings[i], npsAnswers[i])));
        ids << id;
    }
    const QDate from(2026, 3, 1);
    const QDate to(2026, 3, 31);
    auto figures = byClerk.figures(from, to);
    QINGTING_VERIFY_OK(figures);
    QCOMPARE(figures->csatN, 3);
    QCOMPARE(figures->satisfied, 2);
    QCOMPARE(figures->npsN, 3);
    QCOMPARE(figures->promoters, 1);
    QCOMPARE(figures->detractors, 1); // 7 is passive
    QCOMPARE(figures->excludedN, 0);

    // A clerk may not appeal; a supervisor asks, with a reason.
    QCOMPARE(byClerk.requestAppeal(ids[2], AppealReason::Malicious, QStringLiteral("辱骂")).error().code,
             Error::Code::PermissionDenied);
    FollowUpService byWang(wang, repos, clock);
    QCOMPARE(byWang.requestAppeal(ids[2], AppealReason::Malicious, QStringLiteral(" ")).error().code,
             Error::Code::Invalid);
    clock.set(at(QStringLiteral("2026-03-10 09:00")));
    const auto appeal =
        byWang.requestAppeal(ids[2], AppealReason::Malicious, QStringLiteral("来电人以差评要挟违规办理，录音为证"));
    QINGTING_VERIFY_OK(appeal);
    QCOMPARE(appeal->state, AppealState::Pending);
    QCOMPARE(appeal->rating, 1);
    QVERIFY(!byWang.requestAppeal(ids[2], AppealReason::Mistaken, QStringLiteral("再次申诉")).ok());
    QCOMPARE(byWang.pendingAppeals()->size(), 1);

    // The same supervisor cannot approve it (four eyes); the database refuses it too.
    const auto self = byWang.decideAppeal(appeal->id, true, QString());
    QVERIFY(!self.ok());
    QCOMPARE(self.error().code, Error::Code::PermissionDenied);
    RawConnection raw(scratch);
    QVERIFY(!raw.exec(QStringLiteral("UPDATE rating_appeals SET decided_by_id = requested_by_id WHERE id = ?"),
                      {appeal->id})
                 .isEmpty());
    figures = byClerk.figures(from, to);
    QCOMPARE(figures->csatN, 3); // still counted while pending

    clock.set(at(QStringLiteral("2026-03-11 09:00")));
    FollowUpService byZhao(zhao, repos, clock);
    const auto decided = byZhao.decideAppeal(appeal->id, true, QStringLiteral("录音核实属实"));
    QINGTING_VERIFY_OK(decided);
    QCOMPARE(decided->state, AppealState::Approved);
    QCOMPARE(decided->decidedBy.id, zhao.userId());
    QVERIFY(!byZhao.decideAppeal(appeal->id, false, QStringLiteral("改判")).ok());

    const auto c = repos.cases->find(ids[2]);
    QVERIFY(c->ratingExcluded);
    QCOMPARE(c->rating, std::optional<int>(1)); // the original is kept
    figures = byClerk.figures(from, to);
    QCOMPARE(figures->csatN, 2);
    QCOMPARE(figures->satisfied, 2);
    QCOMPARE(figures->npsN, 2);
    QCOMPARE(figures->promoters, 1);
    QCOMPARE(figures->detractors, 0);
    QCOMPARE(figures->excludedN, 1);
    QCOMPARE(figures->csat(), 1.0);
    QCOMPARE(figures->nps(), 50.0);
    const auto record = byClerk.record(ids[2]);
    QCOMPARE(record->followUps.size(), 1);
    QVERIFY(record->followUps.at(0).excluded);
    QCOMPARE(record->followUps.at(0).rating, 1);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'rating.appeal.request'")), 1);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'rating.appeal.approve'")), 1);
    QCOMPARE(kinds(repos, ids[2]).mid(5), // after FollowedUp and RectificationStarted (a 1)
             (QList<CaseEventKind>{CaseEventKind::AppealRequested, CaseEventKind::AppealApproved}));

    // A refused appeal leaves the rating in the figures; a refusal needs a reason.
    const auto second = byZhao.requestAppeal(ids[1], AppealReason::Mistaken, QStringLiteral("市民称按错键"));
    QINGTING_VERIFY_OK(second);
    QCOMPARE(byWang.decideAppeal(second->id, false, QString()).error().code, Error::Code::Invalid);
    QINGTING_VERIFY_OK(byWang.decideAppeal(second->id, false, QStringLiteral("录音中市民明确表示满意度为4")));
    QCOMPARE(byClerk.figures(from, to)->csatN, 2);
    QVERIFY(!repos.cases->find(ids[1])->ratingExcluded);
}

void TestFollowUpService::noRatingRule()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    Repositories repos = db->repositories();
    FakePolicies policies;
    repos.slaPolicy = &policies;
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session wang = Fixtures::addUser(repos, QStringLiteral("wang"), Role::Supervisor);
    // Resolved 2 March 10:00 (8 days before), 5 March 10:00 (5 days), an anonymous one on 2 March.
    const qint64 old = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-03-02 09:00")),
                                    at(QStringLiteral("2026-03-02 10:00")));
    const qint64 recent = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-03-05 09:00")),
                                       at(QStringLiteral("2026-03-05 10:00")));
    const qint64 anonymous = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-03-02 09:00")),
                                          at(QStringLiteral("2026-03-02 10:00")), true);
    QVERIFY(old && recent && anonymous);
    clock.set(at(QStringLiteral("2026-03-10 10:00")));
    FollowUpService byWang(wang, repos, clock);

    // Off by default: nothing happens.
    QCOMPARE(*byWang.applyNoRatingRule(), 0);
    QCOMPARE(repos.cases->find(old)->status, CaseStatus::Resolved);

    policies.policy.noRatingRuleEnabled = true; // 7 days → 非常满意 (5)
    QCOMPARE(FollowUpService(clerk, repos, clock).applyNoRatingRule().error().code, Error::Code::PermissionDenied);
    const auto applied = byWang.applyNoRatingRule();
    QINGTING_VERIFY_OK(applied);
    QCOMPARE(*applied, 1);
    const auto c = repos.cases->find(old);
    QCOMPARE(c->status, CaseStatus::FollowedUp);
    QCOMPARE(c->rating, std::optional<int>(5));
    QCOMPARE(c->followedUpAt, at(QStringLiteral("2026-03-10 10:00")));
    QCOMPARE(kinds(repos, old).last(), CaseEventKind::RatingDefaulted);
    QCOMPARE(repos.cases->find(recent)->status, CaseStatus::Resolved);
    QCOMPARE(repos.cases->find(anonymous)->status, CaseStatus::Resolved);
    // Idempotent: a second run rates nothing and writes nothing.
    QCOMPARE(*byWang.applyNoRatingRule(), 0);
    RawConnection raw(scratch);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.rating_default'")), 1);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = ?"),
                   {CaseEventKinds::code(CaseEventKind::RatingDefaulted)}),
             1);
    // Two days later the recent one is due too, at level 3 now.
    policies.policy.noRatingLevel = 3;
    clock.set(at(QStringLiteral("2026-03-12 10:00")));
    QCOMPARE(*byWang.applyNoRatingRule(), 1);
    QCOMPARE(repos.cases->find(recent)->rating, std::optional<int>(3));
}

void TestFollowUpService::permissionsAndValidation()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session trainer = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Trainer);
    const qint64 id = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-03-02 09:00")),
                                   at(QStringLiteral("2026-03-02 11:00")));
    const qint64 anonymous = resolvedCase(repos, clock, clerk, at(QStringLiteral("2026-03-02 09:00")),
                                          at(QStringLiteral("2026-03-02 11:00")), true);
    FollowUpService byClerk(clerk, repos, clock);
    QCOMPARE(FollowUpService(trainer, repos, clock).recordFollowUp(id, reached(5)).error().code,
             Error::Code::PermissionDenied);
    QCOMPARE(byClerk.recordFollowUp(id, reached(0)).error().code, Error::Code::Invalid);
    QCOMPARE(byClerk.recordFollowUp(id, reached(6)).error().code, Error::Code::Invalid);
    QCOMPARE(byClerk.recordFollowUp(id, reached(4, 11)).error().code, Error::Code::Invalid);
    FollowUpInput unreachedWithRating = notReached();
    unreachedWithRating.rating = 3;
    QCOMPARE(byClerk.recordFollowUp(id, unreachedWithRating).error().code, Error::Code::Invalid);
    QCOMPARE(byClerk.recordFollowUp(anonymous, reached(5)).error().code, Error::Code::InvalidTransition);
    QCOMPARE(byClerk.advanceRectification(id, QStringLiteral("核实")).error().code, Error::Code::Invalid);
    QCOMPARE(byClerk.figures(QDate(2026, 3, 31), QDate(2026, 3, 1)).error().code, Error::Code::Invalid);
    // Nothing was written by the refused calls.
    RawConnection raw(scratch);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM follow_ups")), 0);
    QCOMPARE(count(raw, QStringLiteral("SELECT COUNT(*) FROM follow_up_attempts")), 0);
    QCOMPARE(repos.cases->find(id)->status, CaseStatus::Resolved);
}

void TestFollowUpService::listsUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    auto* repo = dynamic_cast<SqlFollowUpRepository*>(repos.followUps);
    QVERIFY(repo);
    RawConnection raw(scratch);
    raw.exec(QStringLiteral("ANALYZE"));
    if (scratch.isPostgres()) {
        // An empty table is rightly read whole; show whether an index CAN serve, as it must at a million rows.
        QVERIFY(db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")).ok());
    }
    const auto check = [](const char* what, const Result<QStringList>& plan, const QStringList& indexes) {
        QVERIFY2(plan.ok(), plan.ok() ? what : qPrintable(plan.error().message));
        const QString text = plan->join(QLatin1Char('\n'));
        for (const QString& index : indexes) {
            QVERIFY2(text.contains(index), qPrintable(QLatin1String(what) + QStringLiteral(":\n") + text));
        }
        QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")) && !text.contains(QStringLiteral("Sort")),
                 qPrintable(QLatin1String(what) + QStringLiteral(" sorts:\n") + text));
    };
    check("pending appeals", repo->explainPendingAppeals(), {QStringLiteral("rating_appeals_pending")});
    check("no-rating sweep", repo->explainUnratedResolved(at(QStringLiteral("2026-03-01 00:00"))),
          {QStringLiteral("cases_unrated_resolved")});
    check("one case's rows", repo->explainCaseRows(),
          {QStringLiteral("follow_up_attempts_case"), QStringLiteral("rectifications_case"),
           QStringLiteral("rating_appeals_case")});
}

QTEST_GUILESS_MAIN(TestFollowUpService)
#include "tst_followup_service.moc"
