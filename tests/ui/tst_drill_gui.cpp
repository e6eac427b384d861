// drill15 (issue 15): a trainee runs a drill by key clicks on a TrainingCase value (typed answers, Enter to go on);
// the score page shows the points DrillScorer gives for those answers over the desk's stored reply rules, and the
// stored result (DrillService on the desk's database) equals them. The trainer's results page lists it, charts it
// and counts the missed criteria. A per-stage timer takes the answer as it is when it runs out.
// train15c: the results page's period and trainee filters drive the table, the chart and the missed criteria; a
// drill that cannot be stored keeps its answers, says why, and is stored by "Submit again".

#include "Database.h"
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
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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

/** Runs one statement on the desk's SQLite file through a connection of its own; the driver's error, or empty. */
QString execOnFile(const QString& path, const QString& sql)
{
    const QString name = QStringLiteral("tst_drill_gui_raw");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                error = q.lastError().text();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}
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
    void resultsFollowPeriodAndTrainee();
    void failedSubmitKeepsAnswersAndRetries();

private:
    /** Types every stage's answer and Enter, as a trainee does. */
    void answerEveryStage(DrillRunnerWidget& runner);

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

void TestDrillGui::answerEveryStage(DrillRunnerWidget& runner)
{
    auto* edit = child<QPlainTextEdit>(&runner, "drillAnswerEdit");
    for (const QString& answer : kAnswers) {
        typeText(edit, answer);
        QTest::keyClick(edit, Qt::Key_Return);
    }
}

void TestDrillGui::resultsFollowPeriodAndTrainee()
{
    // A second trainee with a drill today, and one of 小李's 120 days ago (outside the default 90 days).
    const auto other = m_desk.addUser(QStringLiteral("xiaowang"), Role::Clerk, QStringLiteral("小王"), kPassword);
    QVERIFY(other);
    QList<DrillAnswer> answers;
    for (int i = 0; i < int(kAnswers.size()); ++i) {
        answers << DrillAnswer{DrillCodes::stages().at(i), kAnswers.at(i), 10};
    }
    const QDateTime now = m_desk.clock().now();
    const auto wangsDrill =
        DrillService(*other, m_desk.repos(), m_desk.clock()).submit(trainingCase(), answers.mid(0, 2), now, 0);
    QVERIFY(wangsDrill.ok());
    FixedClock longAgo(now.addDays(-120));
    const auto oldDrill =
        DrillService(*m_trainee, m_desk.repos(), longAgo).submit(trainingCase(), answers, longAgo.now(), 0);
    QVERIFY(oldDrill.ok());
    const auto all = DrillService(*m_trainer, m_desk.repos(), m_desk.clock()).results({});
    QVERIFY(all.ok());

    DrillResultsWidget results(*m_trainer, m_desk.worker(), m_desk.clock());
    results.resize(1100, 760);
    results.show();
    QVERIFY(QTest::qWaitForWindowExposed(&results));
    QVERIFY(QTest::qWaitFor([&] { return !results.isLoading(); }, kTimeoutMs));
    auto* from = child<QDateEdit>(&results, "drillResultsFromDateEdit");
    auto* to = child<QDateEdit>(&results, "drillResultsToDateEdit");
    auto* trainee = child<QComboBox>(&results, "drillResultsTraineeComboBox");
    auto* table = child<QTableWidget>(&results, "drillResultsTable");
    auto* missed = child<QTableWidget>(&results, "drillMissedTable");
    auto* chart = child<QChartView>(&results, "drillTraineeChart");
    QVERIFY(from && to && trainee && table && missed && chart);

    // By default: the last 90 days up to the clock's today, everyone; the old drill is left out.
    QCOMPARE(to->date(), now.date());
    QCOMPARE(from->date(), now.date().addDays(-DrillResultsWidget::kDefaultDays));
    QCOMPARE(table->rowCount(), int(all->size()) - 1);
    for (const DrillResultSummary& r : results.results()) {
        QVERIFY(r.id != oldDrill->id);
    }
    QCOMPARE(chart->chart()->series().size(), 2);

    // The year stepped back with the arrow key: the old drill is in, and in 小李's line.
    from->setFocus();
    QTest::keyClick(from, Qt::Key_Home);
    QTest::keyClick(from, Qt::Key_Down);
    QCOMPARE(from->date(), now.date().addDays(-DrillResultsWidget::kDefaultDays).addYears(-1));
    QTRY_VERIFY_WITH_TIMEOUT(!results.isLoading() && table->rowCount() == int(all->size()), kTimeoutMs);
    int liPoints = 0;
    for (const TraineeSeries& s : results.series()) {
        if (s.trainee.id == m_trainee->userId()) {
            liPoints = int(s.percents.size());
            QCOMPARE(s.finishedAt.first(), longAgo.now()); // oldest first
        }
    }
    QCOMPARE(liPoints, int(all->size()) - 1);

    // One trainee: the table, the chart and the missed criteria are 小王's alone.
    QCOMPARE(trainee->itemText(0), QStringLiteral("All trainees"));
    const int wangIndex = trainee->findText(QStringLiteral("小王"));
    QVERIFY(wangIndex > 0);
    QCOMPARE(trainee->findText(QStringLiteral("周老师")), -1); // the trainer drilled nothing
    trainee->setFocus();
    while (trainee->currentIndex() < wangIndex) {
        QTest::keyClick(trainee, Qt::Key_Down);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!results.isLoading() && table->rowCount() == 1, kTimeoutMs);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("小王"));
    QCOMPARE(results.results().first().id, wangsDrill->id);
    QCOMPARE(chart->chart()->series().size(), 1);
    QCOMPARE(qobject_cast<QLineSeries*>(chart->chart()->series().first())->name(), QStringLiteral("小王"));
    int scored = 0;
    for (const MissedCriterion& m : results.missed()) {
        scored += m.scored;
    }
    int expected = 0;
    for (const StageScore& st : wangsDrill->stages) {
        expected += int(st.criteria.size());
    }
    QCOMPARE(scored, expected);
    QCOMPARE(missed->rowCount(), int(results.missed().size()));

    // "From" after "to": said in words; the table keeps what it showed.
    to->setFocus();
    QTest::keyClick(to, Qt::Key_Home);
    QTest::keyClick(to, Qt::Key_Down);
    QTest::keyClick(to, Qt::Key_Down);
    QVERIFY(to->date() < from->date());
    auto* error = child<QLabel>(&results, "drillResultsErrorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kTimeoutMs);
    QVERIFY2(error->text().contains(QStringLiteral("must not be after")), qPrintable(error->text()));
    QVERIFY(!results.isLoading());
    QCOMPARE(table->rowCount(), 1);
}

void TestDrillGui::failedSubmitKeepsAnswersAndRetries()
{
    const auto before = DrillService(*m_trainee, m_desk.repos(), m_desk.clock()).myResults();
    QVERIFY(before.ok());
    // The database refuses new results (as a full disk or a lost server would) until the trigger goes.
    const QString path = m_desk.location().sqlitePath;
    QCOMPARE(execOnFile(path, QStringLiteral("CREATE TRIGGER tst_refuse_drill BEFORE INSERT ON drill_results "
                                             "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")),
             QString());

    DrillRunnerWidget runner(*m_trainee, m_desk.worker(), m_desk.clock());
    runner.resize(900, 700);
    runner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&runner));
    QSignalSpy finished(&runner, &DrillRunnerWidget::finished);
    runner.start(trainingCase());
    answerEveryStage(runner);
    QVERIFY(QTest::qWaitFor([&] { return runner.awaitsRetry(); }, kTimeoutMs));

    // The reason in words, the answers still there, and a way to send them again.
    auto* error = child<QLabel>(&runner, "drillErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("could not be stored")) &&
                 error->text().contains(QStringLiteral("injected failure")),
             qPrintable(error->text()));
    QVERIFY(!runner.showsScore());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(runner.answers().size(), kAnswers.size());
    const QString conversation = child<QTextBrowser>(&runner, "drillConversation")->toPlainText();
    for (int i = 0; i < int(kAnswers.size()); ++i) {
        QCOMPARE(runner.answers().at(i).text, kAnswers.at(i));
        QVERIFY(conversation.contains(kAnswers.at(i)));
    }
    auto* retry = child<QPushButton>(&runner, "drillRetryButton");
    QVERIFY(retry->isVisible() && retry->isEnabled());
    QVERIFY(!child<QPushButton>(&runner, "drillAnswerButton")->isVisible());
    const auto during = DrillService(*m_trainee, m_desk.repos(), m_desk.clock()).myResults();
    QCOMPARE(during->size(), before->size()); // nothing half-stored

    // A second failure says so again and still offers the retry.
    QTest::keyClick(retry, Qt::Key_Space);
    QVERIFY(QTest::qWaitFor([&] { return !runner.isSubmitting() && runner.awaitsRetry(); }, kTimeoutMs));
    QVERIFY(error->isVisible());

    // The database is back: Submit again stores the same answers once.
    QCOMPARE(execOnFile(path, QStringLiteral("DROP TRIGGER tst_refuse_drill")), QString());
    QTest::keyClick(retry, Qt::Key_Space);
    QVERIFY(QTest::qWaitFor([&] { return runner.showsScore(); }, kTimeoutMs));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!error->isVisible());
    const auto stored = DrillService(*m_trainee, m_desk.repos(), m_desk.clock()).find(runner.result().id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->stages.size(), kAnswers.size());
    for (int i = 0; i < int(kAnswers.size()); ++i) {
        QCOMPARE(stored->stages.at(i).answer.text, kAnswers.at(i));
    }
    const auto after = DrillService(*m_trainee, m_desk.repos(), m_desk.clock()).myResults();
    QCOMPARE(after->size(), before->size() + 1);
}

QTEST_MAIN(TestDrillGui)
#include "tst_drill_gui.moc"
