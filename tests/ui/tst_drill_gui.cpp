// drill15 (issue 15): a trainee runs a drill by key clicks on a TrainingCase value (typed answers, Enter to go on);
// the score page shows the points DrillScorer gives for those answers over the desk's stored reply rules, and the
// stored result (DrillService on the desk's database) equals them. The trainer's results page lists it, charts it
// and counts the missed criteria. A per-stage timer takes the answer as it is when it runs out.

#include "GuiTestSupport.h"
#include "cases/Intake.h"
#include "repositories/ReplyRuleRepository.h"
#include "repositories/TrainingRepository.h"
#include "services/DrillService.h"
#include "training/DrillResultsWidget.h"
#include "training/DrillRunnerWidget.h"
#include "training/DrillScorer.h"
#include "training/DrillsPageWidget.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

using namespace GuiTest;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

TrainingCase trainingCase()
{
    TrainingCase c;
    c.id = 5;
    c.title = QStringLiteral("户籍 · 材料反复退回");
    c.stages = {
        {DrillStage::Listen, QStringLiteral("我的材料被退回三次了，每次说的都不一样！"), QStringLiteral("angry"),
         QStringLiteral("真抱歉让您来回跑，我理解您很生气。")},
        {DrillStage::Facts, QStringLiteral("第一次说缺户口本复印件，第二次说照片不合格，今天又说要居委会证明。"),
         QStringLiteral("agitated"), QStringLiteral("我跟您确认一下……")},
        {DrillStage::Impact, QStringLiteral("我请了三天假，孩子上学的手续也耽误了。"), QStringLiteral("dissatisfied"),
         QStringLiteral("这件事耽误了您……")},
        {DrillStage::Steps, QStringLiteral("你们到底要什么材料？"), QStringLiteral("dissatisfied"),
         QStringLiteral("我马上联系户籍科……")},
    };
    return c;
}

const QStringList kAnswers{
    QStringLiteral("真抱歉让您来回跑了三次，我理解您很生气。"),
    QStringLiteral("我跟您确认一下：第一次说缺户口本复印件，第二次说照片不合格，今天又要居委会证明，对吗？"),
    QStringLiteral("您请了三天假，孩子上学的手续也耽误了，这个影响很大。"),
    QStringLiteral("我马上联系户籍科核实需要的全部材料，由科长负责，今天下午5点前电话告诉您。"),
};
} // namespace

class TestDrillGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void traineeRunsADrillByKeys();
    void trainerSeesTheResults();
    void timerTakesTheAnswerAsItIs();
    void drillsPagePicksRunsAndStores();

private:
    Desk m_desk;
    std::optional<Session> m_trainee;
    std::optional<Session> m_trainer;
    qint64 m_resultId = 0;
};

void TestDrillGui::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_trainee = m_desk.addUser(QStringLiteral("xiaoli"), Role::Clerk, QStringLiteral("小李"), kPassword);
    m_trainer = m_desk.addUser(QStringLiteral("coach"), Role::Trainer, QStringLiteral("周老师"), kPassword);
    QVERIFY(m_trainee && m_trainer);
}

void TestDrillGui::traineeRunsADrillByKeys()
{
    DrillRunnerWidget runner(*m_trainee, m_desk.worker(), m_desk.clock());
    runner.resize(900, 700);
    runner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&runner));
    QSignalSpy finished(&runner, &DrillRunnerWidget::finished);
    runner.start(trainingCase());

    auto* edit = child<QPlainTextEdit>(&runner, "drillAnswerEdit");
    auto* conversation = child<QTextBrowser>(&runner, "drillConversation");
    auto* emotion = child<QLabel>(&runner, "drillEmotionLabel");
    QVERIFY(edit && conversation && emotion);
    QVERIFY(!child<QLabel>(&runner, "drillCountdownLabel")->isVisible()); // untimed
    const QList<DrillStage> stages = DrillCodes::stages();
    for (int i = 0; i < int(stages.size()); ++i) {
        QCOMPARE(runner.currentStage(), stages.at(i));
        // The citizen's words of this stage are shown, with the emotion level.
        QVERIFY(conversation->toPlainText().contains(trainingCase().stages.at(i).citizenText));
        const auto level = IntakeCodes::emotionFromCode(trainingCase().stages.at(i).emotion);
        QVERIFY(emotion->text().contains(IntakeCodes::label(*level)));
        typeText(edit, kAnswers.at(i));
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(conversation->toPlainText().contains(kAnswers.at(i)));
    }
    QVERIFY(QTest::qWaitFor([&] { return runner.showsScore(); }, kTimeoutMs));
    QCOMPARE(finished.count(), 1);

    // The score page shows what the scorer gives for those answers over the stored rules.
    const auto rules = m_desk.repos().replyRules->list(false);
    QVERIFY(rules.ok());
    QList<DrillAnswer> answers;
    for (int i = 0; i < int(stages.size()); ++i) {
        answers << DrillAnswer{stages.at(i), kAnswers.at(i), 0};
    }
    const DrillResult expected = DrillScorer(*rules).scoreAll(trainingCase(), answers);
    QVERIFY(expected.points() > 0 && expected.points() <= expected.maxPoints());
    const QString total = child<QLabel>(&runner, "drillTotalLabel")->text();
    QVERIFY2(total.contains(QStringLiteral("%1 of %2").arg(expected.points()).arg(expected.maxPoints())),
             qPrintable(total));
    const QString page = child<QTextBrowser>(&runner, "drillScoreBrowser")->toPlainText();
    for (const StageScore& stage : expected.stages) {
        QVERIFY(page.contains(stage.answer.text));
        for (const CriterionScore& c : stage.criteria) {
            QVERIFY2(page.contains(c.reason), qPrintable(c.reason));
        }
    }
    for (const TrainingStage& st : trainingCase().stages) {
        QVERIFY(page.contains(st.modelAnswer)); // the model answer beside the trainee's
    }

    // The stored result equals them.
    m_resultId = runner.result().id;
    QVERIFY(m_resultId > 0);
    const auto stored = DrillService(*m_trainee, m_desk.repos(), m_desk.clock()).find(m_resultId);
    QVERIFY(stored.ok());
    QCOMPARE(stored->trainee.id, m_trainee->userId());
    QCOMPARE(stored->points(), expected.points());
    QCOMPARE(stored->maxPoints(), expected.maxPoints());
    for (int i = 0; i < int(expected.stages.size()); ++i) {
        QCOMPARE(stored->stages.at(i).answer.text, expected.stages.at(i).answer.text);
        for (int j = 0; j < int(expected.stages.at(i).criteria.size()); ++j) {
            QCOMPARE(stored->stages.at(i).criteria.at(j).points, expected.stages.at(i).criteria.at(j).points);
            QCOMPARE(stored->stages.at(i).criteria.at(j).reason, expected.stages.at(i).criteria.at(j).reason);
        }
    }
}

void TestDrillGui::trainerSeesTheResults()
{
    QVERIFY(m_resultId > 0);
    DrillResultsWidget results(*m_trainer, m_desk.worker(), m_desk.clock());
    results.resize(1000, 700);
    results.show();
    QVERIFY(QTest::qWaitForWindowExposed(&results));
    QVERIFY(QTest::qWaitFor([&] { return !results.isLoading(); }, kTimeoutMs));
    auto* table = child<QTableWidget>(&results, "drillResultsTable");
    QVERIFY(table->rowCount() >= 1);
    const auto stored = DrillService(*m_trainer, m_desk.repos(), m_desk.clock()).find(m_resultId);
    QVERIFY(stored.ok());
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("小李"));
    QCOMPARE(table->item(0, 1)->text(), trainingCase().title);
    QVERIFY(table->item(0, 3)->text().startsWith(QStringLiteral("%1%").arg(stored->percent())));
    auto* chart = child<QChartView>(&results, "drillTraineeChart")->chart();
    QCOMPARE(chart->series().size(), 1);
    auto* line = qobject_cast<QLineSeries*>(chart->series().at(0));
    QVERIFY(line);
    QCOMPARE(line->name(), QStringLiteral("小李"));
    QCOMPARE(int(line->at(0).y()), stored->percent());
    auto* missed = child<QTableWidget>(&results, "drillMissedTable");
    QCOMPARE(missed->rowCount(), int(DrillCodes::criteria().size()));
}

void TestDrillGui::timerTakesTheAnswerAsItIs()
{
    DrillRunnerWidget runner(*m_trainee, m_desk.worker(), m_desk.clock());
    runner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&runner));
    runner.start(trainingCase(), 1);
    auto* countdown = child<QLabel>(&runner, "drillCountdownLabel");
    QVERIFY(countdown->isVisible());
    auto* edit = child<QPlainTextEdit>(&runner, "drillAnswerEdit");
    typeText(edit, QStringLiteral("您好"));
    // The one-second timer runs out: the half-typed answer is taken and the next stage comes.
    QVERIFY(QTest::qWaitFor([&] { return runner.currentStage() == DrillStage::Facts; }, 3000));
    QVERIFY(child<QTextBrowser>(&runner, "drillConversation")->toPlainText().contains(QStringLiteral("您好")));
}

void TestDrillGui::drillsPagePicksRunsAndStores()
{
    // A training case in the library (stored straight through the repository; building one is train15's test).
    TrainingCase stored = trainingCase();
    stored.id = 0;
    stored.createdAt = m_desk.clock().now();
    stored.updatedAt = stored.createdAt;
    stored.createdBy = {m_trainer->userId(), m_trainer->login()};
    stored.version = 1;
    const auto id = m_desk.repos().training->insert(stored, 0);
    QVERIFY(id.ok());

    DrillsPageWidget page(*m_trainee, m_desk.worker(), m_desk.clock());
    page.resize(900, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(QTest::qWaitFor([&] { return !page.isLoading(); }, kTimeoutMs));
    auto* cases = child<QTableWidget>(&page, "drillCasesTable");
    QCOMPARE(cases->rowCount(), 1);
    QCOMPARE(cases->item(0, 0)->text(), stored.title);
    auto* mine = child<QTableWidget>(&page, "drillMyResultsTable");
    const int before = mine->rowCount();
    cases->selectRow(0);
    QTest::mouseClick(child<QPushButton>(&page, "drillStartButton"), Qt::LeftButton);
    DrillRunnerWidget* runner = page.runner();
    QVERIFY(QTest::qWaitFor([&] { return runner->isRunning() && runner->isVisible(); }, kTimeoutMs));
    auto* edit = child<QPlainTextEdit>(runner, "drillAnswerEdit");
    for (const QString& answer : kAnswers) {
        typeText(edit, answer);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    QVERIFY(QTest::qWaitFor([&] { return runner->showsScore(); }, kTimeoutMs));
    QCOMPARE(runner->result().trainingCaseId, *id);
    const auto found = DrillService(*m_trainee, m_desk.repos(), m_desk.clock()).find(runner->result().id);
    QVERIFY(found.ok());
    QCOMPARE(found->points(), runner->result().points());
    QCOMPARE(found->trainingTitle, stored.title);
    // Back on the pick page, the own results list the new drill.
    QTest::mouseClick(child<QPushButton>(runner, "drillBackButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !page.isLoading() && mine->rowCount() == before + 1; }, kTimeoutMs));
    QCOMPARE(mine->item(0, 0)->data(Qt::UserRole).toLongLong(), found->id);
}

QTEST_MAIN(TestDrillGui)
#include "tst_drill_gui.moc"
