// drill15 (issue 15): DrillService on a real database (SQLite and PostgreSQL): the scores stored equal
// DrillScorer's over the stored reply rules, the trainee is always the session's user, every call's permission per
// role (a literal table), validation, the trainee series and the team's missed criteria, and the plans of the reads.

#include "Database.h"
#include "SqlCaseRepository.h"
#include "SqlDrillResultRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/AuditRepository.h"
#include "repositories/ReplyRuleRepository.h"
#include "services/DrillService.h"
#include "training/DrillScorer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using Fixtures::at;

namespace {
const QDateTime kNow = at(QStringLiteral("2026-03-02 10:00"));

TrainingCase sampleCase()
{
    TrainingCase c;
    c.id = 41;
    c.title = QStringLiteral("社保 · 窗口态度");
    c.stages = {
        {DrillStage::Listen, QStringLiteral("我排了两个小时的队，窗口的人还对我爱理不理！"), QStringLiteral("angry"),
         QStringLiteral("非常抱歉让您久等了，我理解您很生气。")},
        {DrillStage::Facts, QStringLiteral("今天上午九点我在3号窗口办社保转移，工作人员一直在看手机，不理我。"),
         QStringLiteral("agitated"), QString()},
        {DrillStage::Impact, QStringLiteral("我请了半天假，转移没办成，下午还得回去上班。"),
         QStringLiteral("dissatisfied"), QString()},
        {DrillStage::Steps, QStringLiteral("你们打算怎么处理？"), QStringLiteral("dissatisfied"), QString()},
    };
    return c;
}

QList<DrillAnswer> sampleAnswers()
{
    return {
        {DrillStage::Listen, QStringLiteral("非常抱歉让您久等了，我理解您很生气。"), 20},
        {DrillStage::Facts,
         QStringLiteral("我跟您确认一下：您今天上午九点在3号窗口办社保转移，工作人员一直看手机，对吗？"), 45},
        {DrillStage::Impact, QStringLiteral("好的。"), 5},
        {DrillStage::Steps, QStringLiteral("这不归我们管，您找社保局去吧。"), 15},
    };
}

/** An audit log that refuses every new entry (as a lost audit key or a failing write would); reads pass through. */
class RefusingAudit final : public AuditRepository
{
public:
    explicit RefusingAudit(AuditRepository& real)
        : m_real(real)
    {}
    Result<AuditEntry> append(AuditEntry) override
    {
        return Error::make(Error::Code::Storage, QStringLiteral("injected: the audit entry could not be written"));
    }
    Result<QList<AuditEntry>> latest(int limit) override { return m_real.latest(limit); }
    Result<AuditVerification> verify(const std::optional<AuditCheckpoint>& checkpoint) override
    {
        return m_real.verify(checkpoint);
    }

private:
    AuditRepository& m_real;
};

bool uses(const QStringList& plan, const QString& index)
{
    static const QRegularExpression fullScan(QStringLiteral("Seq Scan|^SCAN \\w+$"));
    bool found = false;
    for (const QString& line : plan) {
        found = found || line.contains(index);
        if (fullScan.match(line).hasMatch()) {
            return false;
        }
    }
    return found;
}
} // namespace

class TestDrillService : public QObject
{
    Q_OBJECT

private slots:
    void storedScoresEqualTheScorers_data() { TestDatabase::addBackendRows(); }
    void storedScoresEqualTheScorers();
    void traineeIsTheSessionsUser_data() { TestDatabase::addBackendRows(); }
    void traineeIsTheSessionsUser();
    void permissions_data() { TestDatabase::addBackendRows(); }
    void permissions();
    void validation_data() { TestDatabase::addBackendRows(); }
    void validation();
    void seriesAndMissedCriteria_data() { TestDatabase::addBackendRows(); }
    void seriesAndMissedCriteria();
    void plansUseIndexes_data() { TestDatabase::addBackendRows(); }
    void plansUseIndexes();
    void submitIsAudited_data() { TestDatabase::addBackendRows(); }
    void submitIsAudited();
};

void TestDrillService::storedScoresEqualTheScorers()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);

    DrillService service(clerk, repos, clock);
    const auto submitted = service.submit(sampleCase(), sampleAnswers(), kNow.addSecs(-300), 60);
    QINGTING_VERIFY_OK(submitted);
    QVERIFY(submitted->id > 0);

    const auto rules = repos.replyRules->list(false);
    QINGTING_VERIFY_OK(rules);
    const DrillResult expected = DrillScorer(*rules).scoreAll(sampleCase(), sampleAnswers());

    const auto stored = service.find(submitted->id);
    QINGTING_VERIFY_OK(stored);
    QCOMPARE(stored->trainingCaseId, qint64(41));
    QCOMPARE(stored->trainingTitle, QStringLiteral("社保 · 窗口态度"));
    QCOMPARE(stored->startedAt, kNow.addSecs(-300));
    QCOMPARE(stored->finishedAt, kNow);
    QCOMPARE(stored->timeLimitSeconds, 60);
    QCOMPARE(stored->stages.size(), expected.stages.size());
    for (qsizetype i = 0; i < expected.stages.size(); ++i) {
        const StageScore& want = expected.stages.at(i);
        const StageScore& got = stored->stages.at(i);
        QCOMPARE(got.answer.stage, want.answer.stage);
        QCOMPARE(got.answer.text, want.answer.text);
        QCOMPARE(got.answer.seconds, want.answer.seconds);
        QCOMPARE(got.criteria.size(), want.criteria.size());
        for (qsizetype j = 0; j < want.criteria.size(); ++j) {
            QCOMPARE(got.criteria.at(j).criterion, want.criteria.at(j).criterion);
            QCOMPARE(got.criteria.at(j).points, want.criteria.at(j).points);
            QCOMPARE(got.criteria.at(j).maxPoints, want.criteria.at(j).maxPoints);
            QCOMPARE(got.criteria.at(j).reason, want.criteria.at(j).reason);
        }
    }
    QCOMPARE(stored->points(), expected.points());
    QCOMPARE(submitted->points(), expected.points());
    QCOMPARE(stored->maxPoints(), 32);
    // The steps answer is defensive: wording below its maximum is what the checker found.
    QVERIFY(expected.stages.at(3).criteria.at(1).points < DrillScorer::kWordingMax);

    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT points FROM drill_results WHERE id = ?"), {submitted->id}).toInt(),
             expected.points());
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM drill_scores WHERE result_id = ?"), {submitted->id}).toInt(),
        12);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM drill_answers WHERE result_id = ?"), {submitted->id}).toInt(),
        4);

    // The result outlives its training case: no such case is stored, the result keeps the id and the title.
    TrainingCase gone = sampleCase();
    gone.id = 987654;
    const auto orphan = service.submit(gone, sampleAnswers(), kNow.addSecs(-60), 0);
    QINGTING_VERIFY_OK(orphan);
    const auto orphanFound = service.find(orphan->id);
    QINGTING_VERIFY_OK(orphanFound);
    QCOMPARE(orphanFound->trainingCaseId, qint64(987654));
    QCOMPARE(orphanFound->trainingTitle, gone.title);

    const auto mine = service.myResults();
    QINGTING_VERIFY_OK(mine);
    QCOMPARE(mine->size(), 2);
    QCOMPARE(mine->at(1).id, submitted->id); // newest first (same time: by id)
    QCOMPARE(mine->at(1).points, expected.points());
    QCOMPARE(mine->at(1).percent(), expected.percent());
}

void TestDrillService::traineeIsTheSessionsUser()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session li = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session wang = Fixtures::addUser(repos, QStringLiteral("wang"), Role::Clerk);

    DrillService asLi(li, repos, clock);
    DrillService asWang(wang, repos, clock);
    const auto liResult = asLi.submit(sampleCase(), sampleAnswers(), kNow.addSecs(-60), 0);
    QINGTING_VERIFY_OK(liResult);
    QCOMPARE(liResult->trainee.id, li.userId());
    const auto wangResult = asWang.submit(sampleCase(), {}, kNow.addSecs(-60), 0);
    QINGTING_VERIFY_OK(wangResult);
    QCOMPARE(wangResult->trainee.id, wang.userId());
    QCOMPARE(wangResult->points(), 0);

    // myResults lists the session's own whatever trainee the caller asks for.
    DrillResultFilter other;
    other.traineeId = li.userId();
    const auto wangs = asWang.myResults(other);
    QINGTING_VERIFY_OK(wangs);
    QCOMPARE(wangs->size(), 1);
    QCOMPARE(wangs->at(0).id, wangResult->id);
    QCOMPARE(wangs->at(0).trainee.id, wang.userId());
    // A clerk may read their own result, not a colleague's.
    QINGTING_VERIFY_OK(asWang.find(wangResult->id));
    const auto colleague = asWang.find(liResult->id);
    QVERIFY(!colleague);
    QCOMPARE(colleague.error().code, Error::Code::PermissionDenied);
    // The command line is no trainee.
    DrillService cli(Session::commandLine(), repos, clock);
    const auto fromCli = cli.submit(sampleCase(), sampleAnswers(), kNow.addSecs(-60), 0);
    QVERIFY(!fromCli);
    QCOMPARE(fromCli.error().code, Error::Code::Invalid);
}

void TestDrillService::permissions()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);

    // role → may submit / myResults, may results / traineeSeries / missedCriteria (the literal table).
    struct Row
    {
        const char* login;
        Role role;
        bool run;
        bool view;
    };
    const Row table[] = {
        {"clerk1", Role::Clerk, true, false},
        {"boss1", Role::Supervisor, true, true},
        {"coach1", Role::Trainer, true, true},
        {"root1", Role::Admin, false, false},
    };
    for (const Row& row : table) {
        const Session s = Fixtures::addUser(repos, QString::fromLatin1(row.login), row.role);
        DrillService service(s, repos, clock);
        const auto submitted = service.submit(sampleCase(), sampleAnswers(), kNow.addSecs(-60), 0);
        QVERIFY2(submitted.ok() == row.run, row.login);
        QVERIFY2(service.myResults().ok() == row.run, row.login);
        QVERIFY2(service.results({}).ok() == row.view, row.login);
        QVERIFY2(service.traineeSeries().ok() == row.view, row.login);
        QVERIFY2(service.missedCriteria().ok() == row.view, row.login);
        QVERIFY2(service.trainees().ok() == row.view, row.login);
        if (!row.run) {
            QCOMPARE(submitted.error().code, Error::Code::PermissionDenied);
        }
        const auto listed = service.results({});
        if (!row.view) {
            QCOMPARE(listed.error().code, Error::Code::PermissionDenied);
        }
    }
    // A disabled account's session ends on the next call.
    const Session gone = Fixtures::addUser(repos, QStringLiteral("gone"), Role::Trainer, false);
    DrillService service(gone, repos, clock);
    const auto refused = service.submit(sampleCase(), sampleAnswers(), kNow.addSecs(-60), 0);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::SessionEnded);
    QVERIFY(!service.results({}));
}

void TestDrillService::validation()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    DrillService service(clerk, repos, clock);
    RawConnection raw(scratch);

    QList<DrillAnswer> twice = sampleAnswers();
    twice << DrillAnswer{DrillStage::Listen, QStringLiteral("再答一次"), 3};
    QList<DrillAnswer> negative = sampleAnswers();
    negative[1].seconds = -1;
    QList<DrillAnswer> huge = sampleAnswers();
    huge[2].text = QString(DrillService::kMaxAnswerLength + 1, QChar(0x597D));
    const auto a = service.submit(sampleCase(), twice, kNow.addSecs(-60), 0);
    const auto b = service.submit(sampleCase(), negative, kNow.addSecs(-60), 0);
    const auto c = service.submit(sampleCase(), huge, kNow.addSecs(-60), 0);
    const auto d = service.submit(sampleCase(), sampleAnswers(), kNow.addSecs(60), 0);
    const auto e = service.submit(sampleCase(), sampleAnswers(), kNow.addSecs(-60), -5);
    const auto f = service.submit(sampleCase(), sampleAnswers(), QDateTime(), 0);
    for (const auto* r : {&a, &b, &c, &d, &e, &f}) {
        QVERIFY(!*r);
        QCOMPARE(r->error().code, Error::Code::Invalid);
        QVERIFY(!r->error().message.isEmpty());
    }
    QVERIFY(a.error().message.contains(DrillCodes::label(DrillStage::Listen)));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM drill_results")).toInt(), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM drill_scores")).toInt(), 0);
}

void TestDrillService::seriesAndMissedCriteria()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session li = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session wang = Fixtures::addUser(repos, QStringLiteral("wang"), Role::Clerk);
    const Session coach = Fixtures::addUser(repos, QStringLiteral("coach"), Role::Trainer);

    // li: an empty drill on day 1, the sample answers on day 2; wang: the sample answers on day 2.
    QINGTING_VERIFY_OK(DrillService(li, repos, clock).submit(sampleCase(), {}, kNow.addSecs(-60), 0));
    clock.advanceSeconds(86400);
    const auto liSecond =
        DrillService(li, repos, clock).submit(sampleCase(), sampleAnswers(), clock.now().addSecs(-60), 0);
    QINGTING_VERIFY_OK(liSecond);
    const auto wangFirst =
        DrillService(wang, repos, clock).submit(sampleCase(), sampleAnswers(), clock.now().addSecs(-60), 0);
    QINGTING_VERIFY_OK(wangFirst);

    DrillService trainer(coach, repos, clock);
    const auto series = trainer.traineeSeries();
    QINGTING_VERIFY_OK(series);
    QCOMPARE(series->size(), 2);
    const TraineeSeries& liSeries = series->at(0).trainee.id == li.userId() ? series->at(0) : series->at(1);
    QCOMPARE(liSeries.percents.size(), 2);
    QCOMPARE(liSeries.percents.at(0), 0); // oldest first
    QCOMPARE(liSeries.percents.at(1), liSecond->percent());
    QCOMPARE(liSeries.finishedAt.at(0), kNow);

    // Only the last day: li's second and wang's first drill (24 scores each criterion-stage pair counted).
    const auto missed = trainer.missedCriteria(kNow.addSecs(3600), QDateTime());
    QINGTING_VERIFY_OK(missed);
    int expectedWordingMissed = 0;
    int expectedEmpathyMissed = 0;
    for (const StageScore& s : liSecond->stages) {
        for (const CriterionScore& c : s.criteria) {
            if (c.points < c.maxPoints) {
                expectedWordingMissed += c.criterion == RubricCriterion::Wording ? 2 : 0;
                expectedEmpathyMissed += c.criterion == RubricCriterion::Empathy ? 2 : 0;
            }
        }
    }
    int total = 0;
    for (const MissedCriterion& m : *missed) {
        total += m.scored;
        if (m.criterion == RubricCriterion::Wording) {
            QCOMPARE(m.scored, 8); // four stages, two drills
            QCOMPARE(m.missed, expectedWordingMissed);
        }
        if (m.criterion == RubricCriterion::Empathy) {
            QCOMPARE(m.scored, 2);
            QCOMPARE(m.missed, expectedEmpathyMissed);
        }
    }
    QCOMPARE(total, 24);
    for (qsizetype i = 1; i < missed->size(); ++i) {
        QVERIFY(missed->at(i - 1).share() >= missed->at(i).share());
    }
    // The whole period counts li's empty drill too: every criterion missed there.
    const auto all = trainer.missedCriteria();
    QINGTING_VERIFY_OK(all);
    int allScored = 0;
    for (const MissedCriterion& m : *all) {
        allScored += m.scored;
    }
    QCOMPARE(allScored, 36);

    DrillResultFilter onlyWang;
    onlyWang.traineeId = wang.userId();
    const auto wangs = trainer.results(onlyWang);
    QINGTING_VERIFY_OK(wangs);
    QCOMPARE(wangs->size(), 1);
    QCOMPARE(wangs->at(0).id, wangFirst->id);
    QCOMPARE(wangs->at(0).trainee.name, QStringLiteral("wang 同志"));

    // One trainee: the series and the missed criteria follow the trainee filter.
    const auto wangSeries = trainer.traineeSeries({}, {}, wang.userId());
    QINGTING_VERIFY_OK(wangSeries);
    QCOMPARE(wangSeries->size(), 1);
    QCOMPARE(wangSeries->at(0).trainee.id, wang.userId());
    QCOMPARE(wangSeries->at(0).percents, QList<int>{wangFirst->percent()});
    const auto liDayTwo = trainer.traineeSeries(kNow.addSecs(3600), {}, li.userId());
    QINGTING_VERIFY_OK(liDayTwo);
    QCOMPARE(liDayTwo->size(), 1);
    QCOMPARE(liDayTwo->at(0).percents, QList<int>{liSecond->percent()});
    auto scoredOf = [](const QList<MissedCriterion>& rows) {
        int scored = 0;
        int missedCount = 0;
        for (const MissedCriterion& m : rows) {
            scored += m.scored;
            missedCount += m.missed;
        }
        return std::pair{scored, missedCount};
    };
    const auto liMissed = trainer.missedCriteria({}, {}, li.userId());
    QINGTING_VERIFY_OK(liMissed);
    const auto wangMissed = trainer.missedCriteria({}, {}, wang.userId());
    QINGTING_VERIFY_OK(wangMissed);
    QCOMPARE(scoredOf(*liMissed).first, 24); // two drills
    QCOMPARE(scoredOf(*wangMissed).first, 12);
    QCOMPARE(scoredOf(*liMissed).second + scoredOf(*wangMissed).second, scoredOf(*all).second);
    const auto nobody = trainer.missedCriteria({}, {}, coach.userId());
    QINGTING_VERIFY_OK(nobody);
    QVERIFY(nobody->isEmpty());

    // The trainee filter's choices: everyone with a result, by name.
    const auto trainees = trainer.trainees();
    QINGTING_VERIFY_OK(trainees);
    QCOMPARE(trainees->size(), 2);
    QCOMPARE(trainees->at(0).id, li.userId());
    QCOMPARE(trainees->at(0).name, QStringLiteral("li 同志"));
    QCOMPARE(trainees->at(1).id, wang.userId());
}

void TestDrillService::plansUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    DrillService service(clerk, repos, clock);
    QINGTING_VERIFY_OK(service.submit(sampleCase(), sampleAnswers(), kNow.addSecs(-60), 0));
    // A team's worth of results (written raw, for speed): 12 trainees, 25 drills each over 25 days.
    RawConnection raw(scratch);
    QList<qint64> trainees{clerk.userId()};
    for (int t = 1; t < 12; ++t) {
        trainees << Fixtures::addUser(repos, QStringLiteral("trainee%1").arg(t), Role::Clerk).userId();
    }
    QStringList rows;
    for (qint64 trainee : trainees) {
        for (int day = 0; day < 25; ++day) {
            const qint64 finished = kNow.addDays(-day).toSecsSinceEpoch();
            rows << QStringLiteral("(41, 'x', %1, %2, %3, 0, 10, 32)").arg(trainee).arg(finished - 300).arg(finished);
        }
    }
    QCOMPARE(raw.exec(QStringLiteral("INSERT INTO drill_results (training_case_id, training_title, trainee_id, "
                                     "started_at, finished_at, time_limit_seconds, points, max_points) VALUES ") +
                      rows.join(QStringLiteral(", "))),
             QString());
    // Each with its four stages' wording scores.
    QCOMPARE(raw.exec(QStringLiteral(
                 "INSERT INTO drill_scores (result_id, stage, criterion, points, max_points, reason) "
                 "SELECT r.id, st.stage, 'wording', 1, 2, '' FROM drill_results r CROSS JOIN (SELECT 'listen' AS stage "
                 "UNION ALL SELECT 'facts' UNION ALL SELECT 'impact' UNION ALL SELECT 'steps') st "
                 "WHERE r.training_title = 'x'")),
             QString());
    raw.exec(QStringLiteral("ANALYZE"));
    if (scratch.isPostgres()) {
        // Three rows: PostgreSQL would scan them whatever the indexes; ask which index it would use.
        QINGTING_VERIFY_OK(
            db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")));
    }
    auto& sql = static_cast<SqlDrillResultRepository&>(*repos.drillResults);
    DrillResultFilter mine;
    mine.traineeId = clerk.userId();
    mine.from = kNow.addDays(-30);
    const auto minePlan = sql.explainList(mine);
    QINGTING_VERIFY_OK(minePlan);
    QVERIFY2(uses(*minePlan, QStringLiteral("drill_results_trainee")), qPrintable(minePlan->join(QLatin1Char('\n'))));
    DrillResultFilter team;
    team.from = kNow.addDays(-2);
    team.to = kNow.addDays(1);
    const auto teamPlan = sql.explainList(team);
    QINGTING_VERIFY_OK(teamPlan);
    QVERIFY2(uses(*teamPlan, QStringLiteral("drill_results_finished")), qPrintable(teamPlan->join(QLatin1Char('\n'))));
    const auto missedPlan = sql.explainMissedCriteria(kNow.addDays(-2), kNow.addDays(1));
    QINGTING_VERIFY_OK(missedPlan);
    QVERIFY2(uses(*missedPlan, QStringLiteral("drill_results_finished")),
             qPrintable(missedPlan->join(QLatin1Char('\n'))));
    const auto oneTraineePlan = sql.explainMissedCriteria(kNow.addDays(-30), kNow.addDays(1), clerk.userId());
    QINGTING_VERIFY_OK(oneTraineePlan);
    QVERIFY2(uses(*oneTraineePlan, QStringLiteral("drill_results_trainee")),
             qPrintable(oneTraineePlan->join(QLatin1Char('\n'))));
}

void TestDrillService::submitIsAudited()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    RawConnection raw(scratch);

    const auto submitted =
        DrillService(clerk, repos, clock).submit(sampleCase(), sampleAnswers(), kNow.addSecs(-90), 0);
    QINGTING_VERIFY_OK(submitted);
    // One entry, written with the result: the trainee as actor, the result as entity, what was drilled and the score.
    const QList<QVariantList> rows = raw.rows(QStringLiteral(
        "SELECT at, actor_id, actor, entity, entity_id, detail FROM audit_log WHERE action = 'drill.submit'"));
    QCOMPARE(rows.size(), 1);
    const QVariantList& entry = rows.first();
    QCOMPARE(entry.at(0).toLongLong(), kNow.toSecsSinceEpoch());
    QCOMPARE(entry.at(1).toLongLong(), clerk.userId());
    QCOMPARE(entry.at(2).toString(), QStringLiteral("li"));
    QCOMPARE(entry.at(3).toString(), QStringLiteral("drill_result"));
    QCOMPARE(entry.at(4).toLongLong(), submitted->id);
    const QJsonObject detail = QJsonDocument::fromJson(entry.at(5).toString().toUtf8()).object();
    QCOMPARE(detail.value(QStringLiteral("training_case_id")).toInteger(), qint64(41));
    QCOMPARE(detail.value(QStringLiteral("training_title")).toString(), sampleCase().title);
    QCOMPARE(detail.value(QStringLiteral("points")).toInt(), submitted->points());
    QCOMPARE(detail.value(QStringLiteral("max_points")).toInt(), submitted->maxPoints());
    QCOMPARE(detail.value(QStringLiteral("percent")).toInt(), submitted->percent());
    // No answer text in the audit log: it is the trainee's, kept with the result.
    QVERIFY(!entry.at(5).toString().contains(sampleAnswers().at(0).text));
    const auto chain = repos.audit->verify();
    QINGTING_VERIFY_OK(chain);
    QVERIFY(chain->ok);

    // One transaction: when the entry cannot be written, no result is stored either.
    const QString before = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM drill_results")).toString() +
                           raw.scalar(QStringLiteral("SELECT COUNT(*) FROM drill_scores")).toString();
    RefusingAudit refusing(*repos.audit);
    repos.audit = &refusing;
    const auto refused = DrillService(clerk, repos, clock).submit(sampleCase(), sampleAnswers(), kNow.addSecs(-90), 0);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Storage);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM drill_results")).toString() +
                 raw.scalar(QStringLiteral("SELECT COUNT(*) FROM drill_scores")).toString(),
             before);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'drill.submit'")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestDrillService)
#include "tst_drill_service.moc"
