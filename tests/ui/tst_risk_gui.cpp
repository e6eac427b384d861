// Risk at intake through the real widgets (issue 16, helper "riskintake"): typing a high-risk complaint in the
// guided intake shows the level, the signals and the advice to report to the duty supervisor, and a negated one
// does not; the case view's risk badge opens the explanation, which lists the words, their signal and weight and
// the matches set aside; a supervisor's desk shows a banner when another desk records a high case, the risk queue
// lists it, and taking the alert there clears the banner and writes the timeline.

#include "GuiTestSupport.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseViewWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "intake/IntakeFactsPage.h"
#include "intake/IntakeListenPage.h"
#include "intake/IntakeWizard.h"
#include "mainwindow/NotificationArea.h"
#include "repositories/CaseRepository.h"
#include "risk/RiskAlertBanner.h"
#include "risk/RiskExplanationDialog.h"
#include "risk/RiskPanel.h"
#include "risk/RiskQueueModel.h"
#include "risk/RiskQueueWidget.h"
#include "risk/RiskRulesWidget.h"
#include "risk/RiskScorer.h"
#include "services/CaseService.h"
#include "services/RiskService.h"
#include "supervise/NoticeWatcher.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTreeWidget>

using namespace GuiTest;

namespace {
const QString kPassword = QStringLiteral("Qingting-test-2025!");
const QString kThreat = QStringLiteral("再不解决我就发到抖音上曝光，还要找律师起诉你们");
const QString kNegated = QStringLiteral("我不会去曝光的，只希望尽快把证件办好");

QStringList treeTexts(QTreeWidget* tree)
{
    QStringList texts;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        for (int column = 0; column < tree->columnCount(); ++column) {
            texts << (*it)->text(column);
        }
    }
    return texts;
}
} // namespace

class TestRiskGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void intakeShowsTheRiskLive();
    void caseViewExplainsTheScore();
    void supervisorSeesAndTakesTheAlert();
    void adminSavesCheckedRules();

private:
    qint64 record(const QString& complaint);

    Desk m_desk;
    std::optional<Session> m_clerk;
    std::optional<Session> m_boss;
};

void TestRiskGui::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_clerk = m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("王小明"), kPassword);
    m_boss = m_desk.addUser(QStringLiteral("boss1"), Role::Supervisor, QStringLiteral("王主任"), kPassword);
    QVERIFY(m_clerk && m_boss);
}

qint64 TestRiskGui::record(const QString& complaint)
{
    // Another desk records the case (the test's own connection, as the clerk).
    CaseService cases(*m_clerk, m_desk.repos(), m_desk.clock());
    CaseDraft draft;
    draft.channel = Channel::Phone;
    draft.complaintText = complaint;
    const auto saved = cases.create(draft);
    return saved ? saved->id : 0;
}

void TestRiskGui::intakeShowsTheRiskLive()
{
    auto window = m_desk.showWindow(*m_clerk);
    QVERIFY(window);
    auto* table = child<QWidget>(window.get(), "caseTableView");
    table->setFocus();
    QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier);
    QPointer<IntakeWizard> wizard;
    QTRY_VERIFY_WITH_TIMEOUT((wizard = findWindow<IntakeWizard>()) != nullptr, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->riskRulesLoaded(), kTimeoutMs);

    RiskPanel* panel = wizard->listenPage()->riskPanel();
    QVERIFY(panel);
    auto* advice = child<QLabel>(panel, "riskAdviceLabel");
    auto* level = child<QLabel>(panel, "riskLevelLabel");
    auto* signalWords = child<QLabel>(panel, "riskSignalsLabel");
    auto* words = child<QPlainTextEdit>(wizard.data(), "complaintTextEdit");
    QTRY_VERIFY_WITH_TIMEOUT(words->hasFocus(), kTimeoutMs);

    // A negated threat: nothing fires, no advice.
    typeText(words, kNegated);
    QCOMPARE(wizard->risk().level, RiskLevel::Low);
    QVERIFY(advice->isHidden());
    QVERIFY(level->text().contains(RiskLevels::label(RiskLevel::Low)));

    // The clerk types the citizen's threat: high, with its words, and the advice to report now.
    words->selectAll();
    QTest::keyClick(words, Qt::Key_Delete);
    typeText(words, kThreat);
    const RiskResult expected = RiskScorer().score(kThreat);
    QCOMPARE(expected.level, RiskLevel::High);
    QCOMPARE(wizard->risk().score, expected.score);
    QVERIFY(!advice->isHidden());
    QCOMPARE(advice->text(), QStringLiteral("High risk: report to the duty supervisor now."));
    QVERIFY(level->text().contains(RiskLevels::label(RiskLevel::High)));
    QVERIFY(level->text().contains(QString::number(expected.score)));
    QVERIFY2(signalWords->text().contains(RiskSignalKinds::label(RiskSignalKind::Media)),
             qPrintable(signalWords->text()));
    QVERIFY2(signalWords->text().contains(QStringLiteral("曝光")), qPrintable(signalWords->text()));
    QVERIFY2(signalWords->text().contains(QStringLiteral("律师")), qPrintable(signalWords->text()));
    // The Facts page shows the same.
    QCOMPARE(child<QLabel>(wizard->factsPage()->riskPanel(), "riskAdviceLabel")->text(), advice->text());
    wizard->reject();
    window->close();
}

void TestRiskGui::caseViewExplainsTheScore()
{
    const qint64 id = record(kThreat + QStringLiteral("。") + kNegated);
    QVERIFY(id != 0);
    auto window = m_desk.showWindow(*m_clerk);
    QVERIFY(window);
    window->caseWorkspace()->openCase(id);
    CaseViewWidget* view = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((view = window->caseWorkspace()->findChild<CaseViewWidget*>()) && !view->isBusy() &&
                                 view->currentCase().id == id,
                             kTimeoutMs);
    const Case& c = view->currentCase();
    QCOMPARE(c.riskLevel, std::optional<RiskLevel>(RiskLevel::High));
    auto* badge = child<QLabel>(view, "riskBadgeLabel");
    QVERIFY(badge->text().contains(RiskLevels::label(RiskLevel::High)));
    QVERIFY(badge->text().contains(QString::number(*c.riskScore)));

    QSignalSpy opened(view, &CaseViewWidget::riskExplanationOpened);
    auto* button = child<QPushButton>(view, "riskExplainButton");
    QVERIFY(button->isVisible() && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(opened.size(), 1);
    QPointer<RiskExplanationDialog> dialog = opened.at(0).at(0).value<RiskExplanationDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
    const QStringList fired = treeTexts(dialog->signalsTree());
    QVERIFY2(fired.contains(RiskSignalKinds::label(RiskSignalKind::Media)), qPrintable(fired.join(u'|')));
    QVERIFY2(fired.contains(RiskSignalKinds::label(RiskSignalKind::Legal)), qPrintable(fired.join(u'|')));
    QVERIFY2(fired.join(u'|').contains(QStringLiteral("曝光")), qPrintable(fired.join(u'|')));
    QVERIFY2(fired.join(u'|').contains(QStringLiteral("律师")), qPrintable(fired.join(u'|')));
    // Each signal shows its weight as scored.
    const RiskResult expected = RiskScorer().score(c.complaintText);
    const RiskSignal* media = expected.signal(RiskSignalKind::Media);
    QVERIFY(media);
    QVERIFY(fired.contains(QString::number(media->weight)));
    // The negated 曝光 is set aside, with its reason and cue.
    const QStringList ignored = treeTexts(dialog->ignoredTree());
    QVERIFY2(ignored.contains(QStringLiteral("negated")), qPrintable(ignored.join(u'|')));
    QVERIFY2(ignored.contains(QStringLiteral("曝光")), qPrintable(ignored.join(u'|')));
    // The counted words are marked in the text.
    QVERIFY(dialog->textBrowser()->toHtml().contains(QStringLiteral("曝光")));
    QVERIFY(dialog->textBrowser()->toPlainText().contains(kNegated));
    dialog->close();
    window->close();
}

void TestRiskGui::supervisorSeesAndTakesTheAlert()
{
    auto window = m_desk.showWindow(*m_boss);
    QVERIFY(window);
    auto* notices = window->findChild<NotificationArea*>(QStringLiteral("notificationArea"));
    QVERIFY(notices);
    QTRY_VERIFY_WITH_TIMEOUT(notices->watcher()->isStarted(), kTimeoutMs);
    notices->watcher()->setPollInterval(100);
    RiskAlertBanner* banner = window->riskAlertBanner();
    QVERIFY(banner);
    // The earlier test's high case raised an alert: it is still open, so the banner shows at once.
    QTRY_COMPARE_WITH_TIMEOUT(banner->openCount(), 1, kTimeoutMs);

    // Another desk records a new high-risk case: the banner says two, on this desk, without any click.
    const qint64 id = record(QStringLiteral("你们再拖下去，我就去信访局上访，还要打电话给电视台"));
    QVERIFY(id != 0);
    QTRY_COMPARE_WITH_TIMEOUT(banner->openCount(), 2, kTimeoutMs);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->label()->text().contains(QLatin1String("2")));

    // The banner's button opens the risk queue: the alerts at the top, the cases below.
    QTest::mouseClick(child<QPushButton>(banner, "riskAlertOpenButton"), Qt::LeftButton);
    QCOMPARE(window->currentPage(), MainWindow::Page::RiskQueue);
    RiskQueueWidget* queue = window->riskQueue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->openAlerts().size(), 2, kTimeoutMs);
    const auto stored = m_desk.repos().cases->find(id);
    QVERIFY(stored);
    QCOMPARE(queue->alertsTable()->item(0, 0)->text(), stored->caseNo); // newest first
    QTRY_VERIFY_WITH_TIMEOUT(queue->queueModel()->rowCount() >= 2, kTimeoutMs);
    QCOMPARE(queue->queueModel()->itemAt(0)->caseId, id);

    // Take the newest alert.
    queue->alertsTable()->selectRow(0);
    QVERIFY(queue->takeButton()->isEnabled());
    QTest::mouseClick(queue->takeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(queue->openAlerts().size(), 1, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(banner->openCount(), 1, kTimeoutMs);
    const auto timeline = m_desk.repos().cases->events(id);
    QVERIFY(timeline);
    int taken = 0;
    for (const CaseEvent& e : *timeline) {
        taken += e.kind == CaseEventKind::RiskAlertTaken && e.actor.id == m_boss->userId() ? 1 : 0;
    }
    QCOMPARE(taken, 1);
    // And the other one: the banner goes away.
    queue->alertsTable()->selectRow(0);
    QTest::mouseClick(queue->takeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(banner->openCount(), 0, kTimeoutMs);
    QVERIFY(!banner->isVisible());

    // Double-click in the queue opens the case.
    QTableView* view = queue->queueView();
    const QModelIndex first = view->model()->index(0, 0);
    view->scrollTo(first);
    const QPoint where = view->visualRect(first).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, where);
    QTRY_COMPARE_WITH_TIMEOUT(window->currentPage(), MainWindow::Page::Cases, kTimeoutMs);
    CaseViewWidget* caseView = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((caseView = window->caseWorkspace()->findChild<CaseViewWidget*>()) &&
                                 !caseView->isBusy() && caseView->currentCase().id == id,
                             kTimeoutMs);
    window->close();
}

void TestRiskGui::adminSavesCheckedRules()
{
    const auto admin = m_desk.addUser(QStringLiteral("admin1"), Role::Admin, QStringLiteral("管理员"), kPassword);
    QVERIFY(admin);
    auto window = m_desk.showWindow(*admin);
    QVERIFY(window);
    QVERIFY(openPage(*window, MainWindow::Page::RiskRules));
    auto* rules = window->findChild<RiskRulesWidget*>();
    QVERIFY(rules);
    QTRY_VERIFY_WITH_TIMEOUT(!rules->isLoading(), kTimeoutMs);
    auto* editor = child<QPlainTextEdit>(rules, "riskRulesPlainTextEdit");
    auto* message = child<QLabel>(rules, "riskRulesMessageLabel");
    auto* save = child<QPushButton>(rules, "saveRiskRulesButton");
    // Nothing saved yet: the built-in rules are shown, and they are valid.
    QCOMPARE(editor->toPlainText(), QString::fromUtf8(RiskRules::builtInJson()));
    QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), kTimeoutMs);

    // A stray character at the end: the loader's message, and no saving.
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    typeText(editor, QStringLiteral("x"));
    const auto refused = RiskRules::fromJson(editor->toPlainText().toUtf8());
    QVERIFY(!refused.ok());
    QTRY_COMPARE_WITH_TIMEOUT(message->text(), refused.error().message, kTimeoutMs);
    QVERIFY(!save->isEnabled());
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), kTimeoutMs);

    // Saved with a note: a new version, listed, in force.
    auto* note = child<QLineEdit>(rules, "riskRulesNoteLineEdit");
    note->setFocus();
    typeText(note, QStringLiteral("首版规则"));
    QTest::mouseClick(save, Qt::LeftButton);
    auto* versions = child<QTreeWidget>(rules, "riskRulesVersionsTreeWidget");
    QTRY_COMPARE_WITH_TIMEOUT(versions->topLevelItemCount(), 1, kTimeoutMs);
    QCOMPARE(versions->topLevelItem(0)->text(3), QStringLiteral("首版规则"));
    const auto current = RiskService(*admin, m_desk.repos(), m_desk.clock()).currentRulesVersion();
    QVERIFY(current && current->has_value());
    QCOMPARE((*current)->note, QStringLiteral("首版规则"));
    QCOMPARE((*current)->savedBy.id, admin->userId());
    window->close();
}

QTEST_MAIN(TestRiskGui)
#include "tst_risk_gui.moc"
