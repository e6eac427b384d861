// drill15 (issue 15): the rubric of DrillScorer on hand-written answers, with the points written out.
#include "training/DrillScorer.h"

#include <QTest>

namespace {
TrainingCase sampleCase()
{
    TrainingCase c;
    c.id = 7;
    c.title = QStringLiteral("营业执照 · 变更登记");
    c.facts = QStringLiteral("上周三交了营业执照变更材料，说三个工作日可取，今天系统查不到。");
    c.impact = QStringLiteral("请了三次假，扣了工资，新合同签不了。");
    c.stages = {
        {DrillStage::Listen,
         QStringLiteral("我上周三来办营业执照变更，材料交齐了，今天来取却说还没办好，我已经跑了三趟了！"),
         QStringLiteral("angry"), QStringLiteral("非常抱歉让您跑了三趟，我理解您很着急。")},
        {DrillStage::Facts,
         QStringLiteral(
             "上周三上午我在5号窗口交了营业执照变更的材料，工作人员说三个工作日就能取，今天来取说系统里查不到。"),
         QStringLiteral("agitated"), QStringLiteral("我跟您确认一下……")},
        {DrillStage::Impact,
         QStringLiteral("我为了这事请了三次假，扣了工资，店里的新合同也签不了，我要求今天必须给我办好。"),
         QStringLiteral("agitated"), QStringLiteral("这件事耽误了您……")},
        {DrillStage::Steps, QStringLiteral("那你们到底什么时候能办好？"), QStringLiteral("dissatisfied"),
         QStringLiteral("我马上联系审批科……")},
    };
    return c;
}

DrillAnswer answer(DrillStage stage, const QString& text)
{
    DrillAnswer a;
    a.stage = stage;
    a.text = text;
    a.seconds = 30;
    return a;
}

int pointsOf(const StageScore& s, RubricCriterion c)
{
    for (const CriterionScore& cs : s.criteria) {
        if (cs.criterion == c) {
            return cs.points;
        }
    }
    return -1;
}

QString reasonOf(const StageScore& s, RubricCriterion c)
{
    for (const CriterionScore& cs : s.criteria) {
        if (cs.criterion == c) {
            return cs.reason;
        }
    }
    return {};
}

const QString kGoodSteps =
    QStringLiteral("我马上联系审批科核实您的材料，由科长负责跟进，今天下午5点前给您电话答复办理结果。");
} // namespace

class TestDrillScorer : public QObject
{
    Q_OBJECT

private slots:
    void stageCriteria_data();
    void stageCriteria();
    void emptyAnswerScoresNothing();
    void wordingQuotesThePhraseAndAdvice();
    void lengthRanges();
    void recallCountsContentBigrams();
    void scoreAllOrdersStagesAndFillsMissing();
    void calmCitizenNeedsNoNamedFeeling();
    void hallWithoutEmpathyRulesStillChecks();
    void deterministic();
};

// Each row: stage, answer, then the expected points of the stage's own criterion, Wording and Length.
void TestDrillScorer::stageCriteria_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("own");
    QTest::addColumn<int>("wording");
    QTest::addColumn<int>("length");

    QTest::newRow("listen: good") << int(DrillStage::Listen)
                                  << QStringLiteral("非常抱歉让您多跑了几趟，我理解您很着急，也很生气。") << 4 << 2
                                  << 2;
    QTest::newRow("listen: thanks, feeling not named")
        << int(DrillStage::Listen) << QStringLiteral("谢谢您来反映这个情况。") << 3 << 2 << 2;
    QTest::newRow("listen: defensive") << int(DrillStage::Listen)
                                       << QStringLiteral("这不是我们窗口的事，您找工商局去吧。") << 0 << 0 << 2;
    QTest::newRow("facts: restatement recalls the facts")
        << int(DrillStage::Facts)
        << QStringLiteral("我跟您确认一下：您上周三上午在5号窗口交了营业执照变更的材料，当时说三个工作日能取，"
                          "今天来取系统里查不到，对吗？")
        << 4 << 2 << 2;
    QTest::newRow("facts: restatement cue, facts not recalled")
        << int(DrillStage::Facts) << QStringLiteral("我跟您确认一下，您是来反映办事不顺利的问题，对吗？") << 1 << 2
        << 2;
    QTest::newRow("facts: neither") << int(DrillStage::Facts) << QStringLiteral("好的，我明白了，这些我都记下了。") << 0
                                    << 2 << 1;
    QTest::newRow("impact: good") << int(DrillStage::Impact)
                                  << QStringLiteral("这件事让您请了三次假、扣了工资，店里的新合同也签不了，"
                                                    "您的诉求是今天把执照办好，对吗？")
                                  << 4 << 2 << 2;
    QTest::newRow("impact: cue only") << int(DrillStage::Impact) << QStringLiteral("这件事确实给您造成了不小的影响。")
                                      << 1 << 2 << 2;
    QTest::newRow("steps: good") << int(DrillStage::Steps) << kGoodSteps << 4 << 2 << 2;
    QTest::newRow("steps: no time") << int(DrillStage::Steps)
                                    << QStringLiteral("我们会联系审批科核实您的材料，由科长负责跟进，有结果再通知您。")
                                    << 3 << 2 << 2;
    QTest::newRow("steps: over-promising")
        << int(DrillStage::Steps) << QStringLiteral("我保证一定给您办好，百分之百没问题，您就放心吧。") << 0 << 0 << 1;
    QTest::newRow("steps: too long") << int(DrillStage::Steps) << kGoodSteps.repeated(6) << 4 << 2 << 1;
    QTest::newRow("steps: a wall of text") << int(DrillStage::Steps) << kGoodSteps.repeated(12) << 4 << 2 << 0;
}

void TestDrillScorer::stageCriteria()
{
    QFETCH(int, stage);
    QFETCH(QString, text);
    QFETCH(int, own);
    QFETCH(int, wording);
    QFETCH(int, length);
    const DrillScorer scorer(ReplyChecker::defaultRules());
    const StageScore s = scorer.score(sampleCase(), answer(DrillStage(stage), text));
    QCOMPARE(s.criteria.size(), 3);
    QCOMPARE(s.criteria.at(0).criterion, DrillScorer::stageCriterion(DrillStage(stage)));
    QCOMPARE(s.criteria.at(1).criterion, RubricCriterion::Wording);
    QCOMPARE(s.criteria.at(2).criterion, RubricCriterion::Length);
    QCOMPARE(s.criteria.at(0).points, own);
    QCOMPARE(s.criteria.at(1).points, wording);
    QCOMPARE(s.criteria.at(2).points, length);
    QCOMPARE(s.maxPoints(), 8);
    QCOMPARE(s.points(), own + wording + length);
    for (const CriterionScore& c : s.criteria) {
        QVERIFY2(!c.reason.isEmpty(), qPrintable(DrillCodes::code(c.criterion)));
    }
}

void TestDrillScorer::emptyAnswerScoresNothing()
{
    const DrillScorer scorer(ReplyChecker::defaultRules());
    for (DrillStage stage : DrillCodes::stages()) {
        const StageScore s = scorer.score(sampleCase(), answer(stage, QStringLiteral("  \n ")));
        QCOMPARE(s.points(), 0);
        QCOMPARE(s.maxPoints(), 8);
        QCOMPARE(s.criteria.at(0).reason, QStringLiteral("No answer was given."));
    }
}

void TestDrillScorer::wordingQuotesThePhraseAndAdvice()
{
    const DrillScorer scorer(ReplyChecker::defaultRules());
    const StageScore s =
        scorer.score(sampleCase(), answer(DrillStage::Listen, QStringLiteral("这不是我们窗口的事，您找工商局去吧。")));
    const QString reason = reasonOf(s, RubricCriterion::Wording);
    QVERIFY2(reason.contains(QStringLiteral("不是我们窗口的事")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("不要把群众推给别人")), qPrintable(reason));
    const StageScore promise = scorer.score(
        sampleCase(), answer(DrillStage::Steps, QStringLiteral("我保证一定给您办好，百分之百没问题，您就放心吧。")));
    QVERIFY(reasonOf(promise, RubricCriterion::Wording).contains(QStringLiteral("百分之百")));
    QVERIFY(reasonOf(promise, RubricCriterion::Wording).startsWith(QStringLiteral("Over-promising")));
}

void TestDrillScorer::lengthRanges()
{
    QCOMPARE(DrillScorer::lengthRange(DrillStage::Listen).min, 10);
    QCOMPARE(DrillScorer::lengthRange(DrillStage::Listen).max, 120);
    QCOMPARE(DrillScorer::lengthRange(DrillStage::Steps).min, 25);
    QCOMPARE(DrillScorer::lengthRange(DrillStage::Steps).max, 220);
    QCOMPARE(DrillScorer::length(QStringLiteral(" 我 理解\n您 ")), 4);
    const DrillScorer scorer(ReplyChecker::defaultRules());
    // 4 characters: under half of the minimum 10.
    QCOMPARE(pointsOf(scorer.score(sampleCase(), answer(DrillStage::Listen, QStringLiteral("对不起啊"))),
                      RubricCriterion::Length),
             0);
    // 5 characters: half of the minimum.
    QCOMPARE(pointsOf(scorer.score(sampleCase(), answer(DrillStage::Listen, QStringLiteral("真对不起啊"))),
                      RubricCriterion::Length),
             1);
}

void TestDrillScorer::recallCountsContentBigrams()
{
    // 营业执照: 营业, 业执, 执照 (3 bigrams); the answer has 营业 and 执照.
    QCOMPARE(DrillScorer::recall(QStringLiteral("营业执照"), QStringLiteral("营业的执照")), 2.0 / 3.0);
    // Function-character bigrams (我们, 的了) do not count; punctuation splits.
    QCOMPARE(DrillScorer::recall(QStringLiteral("我们的了，"), QStringLiteral("我们")), 0.0);
    QCOMPARE(DrillScorer::recall(QStringLiteral("5号窗口"), QStringLiteral("5号窗口")), 1.0);
    QCOMPARE(DrillScorer::recall(QString(), QStringLiteral("任何")), 0.0);
}

void TestDrillScorer::scoreAllOrdersStagesAndFillsMissing()
{
    const DrillScorer scorer(ReplyChecker::defaultRules());
    const QList<DrillAnswer> answers{
        answer(DrillStage::Steps, kGoodSteps),
        answer(DrillStage::Listen, QStringLiteral("非常抱歉让您多跑了几趟，我理解您很着急，也很生气。")),
    };
    const DrillResult r = scorer.scoreAll(sampleCase(), answers);
    QCOMPARE(r.trainingCaseId, qint64(7));
    QCOMPARE(r.trainingTitle, QStringLiteral("营业执照 · 变更登记"));
    QCOMPARE(r.stages.size(), 4);
    QCOMPARE(r.stages.at(0).answer.stage, DrillStage::Listen);
    QCOMPARE(r.stages.at(1).answer.stage, DrillStage::Facts);
    QCOMPARE(r.stages.at(3).answer.stage, DrillStage::Steps);
    QCOMPARE(r.stages.at(1).points(), 0); // not answered
    QCOMPARE(r.points(), 16);
    QCOMPARE(r.maxPoints(), 32);
    QCOMPARE(r.percent(), 50);
}

void TestDrillScorer::calmCitizenNeedsNoNamedFeeling()
{
    TrainingCase c = sampleCase();
    c.stages[0].emotion = QStringLiteral("calm");
    const DrillScorer scorer(ReplyChecker::defaultRules());
    const StageScore s = scorer.score(c, answer(DrillStage::Listen, QStringLiteral("谢谢您来反映这个情况。")));
    QCOMPARE(pointsOf(s, RubricCriterion::Empathy), 4);
}

void TestDrillScorer::hallWithoutEmpathyRulesStillChecks()
{
    QList<ReplyRule> rules = ReplyChecker::defaultRules();
    rules.removeIf([](const ReplyRule& r) { return r.kind == ReplyFindingKind::MissingEmpathy; });
    const DrillScorer scorer(rules);
    const StageScore s = scorer.score(sampleCase(), answer(DrillStage::Listen, QStringLiteral("请问您要办什么业务？")));
    QCOMPARE(pointsOf(s, RubricCriterion::Empathy), 0);
}

void TestDrillScorer::deterministic()
{
    const DrillScorer scorer(ReplyChecker::defaultRules());
    const DrillAnswer a = answer(DrillStage::Facts, QStringLiteral("您是说上周三交了材料，今天查不到？"));
    const StageScore one = scorer.score(sampleCase(), a);
    const StageScore two = DrillScorer(ReplyChecker::defaultRules()).score(sampleCase(), a);
    QCOMPARE(one.criteria.size(), two.criteria.size());
    for (qsizetype i = 0; i < one.criteria.size(); ++i) {
        QCOMPARE(one.criteria.at(i).points, two.criteria.at(i).points);
        QCOMPARE(one.criteria.at(i).reason, two.criteria.at(i).reason);
    }
}

QTEST_GUILESS_MAIN(TestDrillScorer)
#include "tst_drill_scorer.moc"
