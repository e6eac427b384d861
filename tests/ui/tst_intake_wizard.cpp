#include "GuiTestSupport.h"
#include "cases/CaseEvent.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseViewWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "cases/IntakeDraftStore.h"
#include "common/AppSettings.h"
#include "crisis/CrisisWidget.h"
#include "intake/IntakeContext.h"
#include "intake/IntakeImpactPage.h"
#include "intake/IntakeListenPage.h"
#include "intake/IntakeStepsPage.h"
#include "intake/IntakeWizard.h"
#include "intake/StaffReportDialog.h"
#include "mainwindow/NotificationArea.h"
#include "risk/RiskAlertBanner.h"
#include "risk/RiskPanel.h"
#include "risk/RiskQueueModel.h"
#include "risk/RiskQueueWidget.h"
#include "services/CaseService.h"
#include "services/UserService.h"
#include "supervise/NoticeWatcher.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace GuiTest;

namespace {
const QString kClerkPassword = QStringLiteral("Clerk-pass-2025");

/** The widget with the keyboard focus: every key of these tests goes there, as a keyboard's would. */
QWidget* focused()
{
    QWidget* w = QApplication::focusWidget();
    return w ? w : QApplication::activeWindow();
}

void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(focused(), k, modifiers);
}

/** Alt+letter: the accelerator of a label (focuses its field) or a button (presses it). */
void alt(char letter)
{
    key(static_cast<Qt::Key>(Qt::Key_A + (letter - 'a')), Qt::AltModifier);
}

void type(const QString& text)
{
    typeText(focused(), text);
}

/** Ctrl+Enter: the next page, or saving on the last. */
void goOn()
{
    key(Qt::Key_Return, Qt::ControlModifier);
}

bool focusIs(const char* name)
{
    QWidget* w = QApplication::focusWidget();
    return w && w->objectName() == QLatin1String(name);
}

QString textOf(QObject* parent, const char* labelName)
{
    auto* label = child<QLabel>(parent, labelName);
    return label ? label->text() : QString();
}
} // namespace

/**
 * The guided intake driven by the keyboard alone (accelerators, Tab, Ctrl+Enter), as a clerk with a citizen at the
 * window uses it; then what was stored: the case, the citizen, each confirmation as its own timeline event at the
 * time it was made. Also: the kept draft after an accidental close, the on-the-spot path, the staff report.
 */
class TestIntakeWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void wholeIntakeByKeyboard();
    void draftIsOfferedAgainAfterClose();
    void resolvedOnTheSpot();
    void staffReport();
    void highRiskIntakeToCrisisMode();

private:
    std::unique_ptr<MainWindow> openDesk();
    QPointer<IntakeWizard> openWizard(MainWindow& window);
    /** Pages 1-4 by keyboard; returns the stamp times. */
    void fillListen(const QString& words, bool anonymous);
    void fillFacts();
    void fillImpact();
    void fillSteps(IntakeWizard* wizard);

    Desk m_desk;
    std::optional<Session> m_clerk;
    std::optional<Session> m_boss;
};

void TestIntakeWizard::initTestCase()
{
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_clerk = m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("王小明"), kClerkPassword);
    QVERIFY(m_clerk);
    m_boss = m_desk.addUser(QStringLiteral("boss1"), Role::Supervisor, QStringLiteral("王主任"), kClerkPassword);
    QVERIFY(m_boss);
}

void TestIntakeWizard::init()
{
    // Each test starts without a kept draft (a failed one must not leave one for the next).
    IntakeDraftStore(m_desk.settings().string(AppSettings::Key::DraftFolder), m_clerk->login()).discard();
}

std::unique_ptr<MainWindow> TestIntakeWizard::openDesk()
{
    auto window = m_desk.showWindow(*m_clerk);
    if (window) {
        auto* list = window->findChild<CaseListWidget*>();
        QTest::qWaitFor([list] { return !list->isLoading(); }, kTimeoutMs);
    }
    return window;
}

QPointer<IntakeWizard> TestIntakeWizard::openWizard(MainWindow& window)
{
    // Ctrl+N on the case list, as the tooltip says.
    auto* table = child<QWidget>(&window, "caseTableView");
    table->setFocus();
    QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier);
    QPointer<IntakeWizard> wizard;
    QTest::qWaitFor([&] { return (wizard = findWindow<IntakeWizard>()) != nullptr; }, kTimeoutMs);
    if (wizard) {
        QApplication::setActiveWindow(wizard);
        QTest::qWaitForWindowActive(wizard);
    }
    return wizard;
}

void TestIntakeWizard::fillListen(const QString& words, bool anonymous)
{
    QTRY_VERIFY_WITH_TIMEOUT(focusIs("complaintTextEdit"), kTimeoutMs); // the words have the first focus
    type(words);
    alt('e'); // emotion level
    QVERIFY(focusIs("emotionComboBox"));
    key(Qt::Key_Down);
    key(Qt::Key_Down); // 不满
    alt('d');          // window
    QVERIFY(focusIs("windowComboBox"));
    key(Qt::Key_Down);
    alt('i'); // service item
    key(Qt::Key_Down);
    alt('g'); // category
    key(Qt::Key_Down);
    alt('m'); // minutes waited
    QVERIFY(focusIs("waitedMinutesSpinBox"));
    key(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("35"));
    if (anonymous) {
        alt('o');
    } else {
        alt('a'); // name
        QVERIFY(focusIs("citizenNameLineEdit"));
        type(QStringLiteral("张三"));
        alt('p');
        type(QStringLiteral("13800138000"));
        alt('u');
        type(QStringLiteral("110101199003074514"));
    }
    // The acknowledgement, read aloud, then stamped.
    m_desk.clock().advanceSeconds(60);
    alt('k');
    QTRY_VERIFY_WITH_TIMEOUT(!textOf(findWindow<IntakeWizard>(), "acknowledgedLabel").isEmpty(), kTimeoutMs);
}

void TestIntakeWizard::fillFacts()
{
    QTRY_VERIFY_WITH_TIMEOUT(focusIs("whatTextEdit"), kTimeoutMs);
    alt('h');
    type(QStringLiteral("今天上午十点"));
    alt('e');
    type(QStringLiteral("三号窗口"));
    alt('v');
    type(QStringLiteral("窗口工作人员"));
    m_desk.clock().advanceSeconds(60);
    alt('a');
    QTRY_VERIFY_WITH_TIMEOUT(!textOf(findWindow<IntakeWizard>(), "factsAgreedLabel").isEmpty(), kTimeoutMs);
}

void TestIntakeWizard::fillImpact()
{
    QTRY_VERIFY_WITH_TIMEOUT(focusIs("affectedLineEdit"), kTimeoutMs);
    type(QStringLiteral("本人和家人"));
    alt('s');
    key(Qt::Key_Down);
    key(Qt::Key_Down); // 一般
    alt('c');
    key(Qt::Key_Down); // 个人
    alt('r');
    key(Qt::Key_Down); // 首次
    alt('d');
    type(QStringLiteral("今天办完"));
    alt('o');
    key(Qt::Key_Down); // 合理
    alt('p');
    key(Qt::Key_Down); // 本单位
    m_desk.clock().advanceSeconds(60);
    alt('a');
    QTRY_VERIFY_WITH_TIMEOUT(!textOf(findWindow<IntakeWizard>(), "impactAgreedLabel").isEmpty(), kTimeoutMs);
}

void TestIntakeWizard::fillSteps(IntakeWizard* wizard)
{
    QTRY_VERIFY_WITH_TIMEOUT(focusIs("departmentComboBox"), kTimeoutMs);
    // The reply was assembled from the script library when the page opened, before a department was chosen: the
    // department shows as 【{部门}】, and choosing one fills it in (the clerk's other words stay).
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->stepsPage()->isAssembling(), kTimeoutMs);
    auto* reply = child<QPlainTextEdit>(wizard, "replyTextEdit");
    const QString unfilled = QStringLiteral("【{部门}】");
    QVERIFY2(reply->toPlainText().contains(unfilled), qPrintable(reply->toPlainText()));
    key(Qt::Key_Down);
    const QString department = child<QComboBox>(wizard, "departmentComboBox")->currentText();
    QVERIFY(!reply->toPlainText().contains(unfilled));
    QVERIFY2(reply->toPlainText().contains(department), qPrintable(reply->toPlainText()));
    alt('l'); // apology
    QTRY_VERIFY_WITH_TIMEOUT(child<QCheckBox>(wizard, "apologyCheckBox")->isChecked(), kTimeoutMs);
    alt('x');
    type(QStringLiteral("今天下午由综合科补办，办好后电话通知"));
    QVERIFY(!reply->toPlainText().isEmpty());
    m_desk.clock().advanceSeconds(60);
    alt('a');
    QTRY_VERIFY_WITH_TIMEOUT(!textOf(wizard, "stepsExplainedLabel").isEmpty(), kTimeoutMs);
}

void TestIntakeWizard::wholeIntakeByKeyboard()
{
    const auto window = openDesk();
    QVERIFY(window);
    const QPointer<IntakeWizard> wizard = openWizard(*window);
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(IntakeWizard::ListenPageId));
    const QDateTime start = m_desk.clock().now();

    const QString words = QStringLiteral("排了两个小时队，到了窗口说材料不全，也不说缺什么");
    fillListen(words, false);
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::FactsPageId), kTimeoutMs);
    fillFacts();
    // Back and forth loses nothing.
    alt('b');
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::ListenPageId), kTimeoutMs);
    QCOMPARE(child<QPlainTextEdit>(wizard, "complaintTextEdit")->toPlainText(), words);
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::FactsPageId), kTimeoutMs);
    QVERIFY(!textOf(wizard, "factsAgreedLabel").isEmpty());
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::ImpactPageId), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->impactPage()->isLoading(), kTimeoutMs);
    fillImpact();
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::StepsPageId), kTimeoutMs);
    fillSteps(wizard);
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::ReviewPageId), kTimeoutMs);
    const IntakeDraft entered = wizard->draft();
    goOn(); // save
    QTRY_VERIFY_WITH_TIMEOUT(wizard->savedCase().has_value(), kTimeoutMs);
    QVERIFY(!wizard->draftStore().exists()); // a saved case leaves no draft
    const Case saved = *wizard->savedCase();
    QVERIFY(child<QPushButton>(wizard, "printReceiptButton")->isVisible());
    goOn(); // "Close"
    QTRY_VERIFY_WITH_TIMEOUT(wizard.isNull() || !wizard->isVisible(), kTimeoutMs);

    // What was stored.
    CaseService cases(*m_clerk, m_desk.repos(), m_desk.clock());
    const auto stored = cases.get(saved.id);
    QVERIFY(stored);
    QCOMPARE(stored->complaintText, words);
    QCOMPARE(stored->waitedMinutes, std::optional<int>(35));
    QVERIFY(stored->serviceItem.isSet());
    QVERIFY(stored->category.isSet());
    QVERIFY(stored->department.isSet());
    QCOMPARE(stored->facts, entered.base.facts);
    QVERIFY(stored->facts.contains(QStringLiteral("三号窗口")));
    QCOMPARE(stored->steps, QStringLiteral("今天下午由综合科补办，办好后电话通知"));
    QCOMPARE(stored->promisedAt, start.addSecs(48 * 3600));
    QCOMPARE(stored->intake.emotion, std::optional<EmotionLevel>(EmotionLevel::Dissatisfied));
    QCOMPARE(stored->intake.impact.demand, QStringLiteral("今天办完"));
    QCOMPARE(stored->intake.impact.severity, std::optional<Severity>(Severity::Moderate));
    QCOMPARE(stored->intake.steps.remedies, QList<Remedy>{Remedy::Apology});
    QVERIFY(!stored->intake.steps.replyText.isEmpty());
    const auto citizen = cases.citizen(saved.id);
    QVERIFY(citizen);
    QCOMPARE(citizen->name, QStringLiteral("张三"));
    QCOMPARE(citizen->phone, QStringLiteral("13800138000"));

    // Each confirmation is its own timeline event, at the time the clerk pressed its button.
    const auto timeline = cases.timeline(saved.id);
    QVERIFY(timeline);
    const auto at = [&](CaseEventKind kind) {
        for (const CaseEvent& e : *timeline) {
            if (e.kind == kind) {
                return e.at;
            }
        }
        return QDateTime();
    };
    QCOMPARE(at(CaseEventKind::Acknowledged), start.addSecs(60));
    QCOMPARE(at(CaseEventKind::FactsConfirmed), start.addSecs(120));
    QCOMPARE(at(CaseEventKind::ImpactConfirmed), start.addSecs(180));
    QCOMPARE(at(CaseEventKind::StepsConfirmed), start.addSecs(240));
    window->close();
}

void TestIntakeWizard::draftIsOfferedAgainAfterClose()
{
    const QString words = QStringLiteral("办事指南上写的和窗口要求的不一样");
    {
        const auto window = openDesk();
        QVERIFY(window);
        const QPointer<IntakeWizard> wizard = openWizard(*window);
        QVERIFY(wizard);
        fillListen(words, true);
        goOn();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::FactsPageId), kTimeoutMs);
        alt('h');
        type(QStringLiteral("昨天下午"));
        // Closed half-way (Escape): what was entered is kept.
        key(Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.isNull() || !wizard->isVisible(), kTimeoutMs);
        QVERIFY(IntakeDraftStore(m_desk.settings().string(AppSettings::Key::DraftFolder), m_clerk->login()).exists());
        window->close();
    }
    // The next start offers it; "Continue it" brings every field back, on the page the clerk left.
    const auto window = openDesk();
    QVERIFY(window);
    QMessageBox* offer = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((offer = window->caseWorkspace()->draftOffer()) != nullptr && offer->isVisible(),
                             kTimeoutMs);
    QVERIFY(offer->text().contains(words.left(10)));
    QApplication::setActiveWindow(offer);
    QTest::qWaitForWindowActive(offer);
    alt('c'); // "Continue it"
    QPointer<IntakeWizard> wizard;
    QTRY_VERIFY_WITH_TIMEOUT((wizard = findWindow<IntakeWizard>()) != nullptr, kTimeoutMs);
    QCOMPARE(wizard->currentId(), int(IntakeWizard::FactsPageId));
    QCOMPARE(child<QPlainTextEdit>(wizard, "complaintTextEdit")->toPlainText(), words);
    QCOMPARE(child<QLineEdit>(wizard, "whenLineEdit")->text(), QStringLiteral("昨天下午"));
    QCOMPARE(child<QSpinBox>(wizard, "waitedMinutesSpinBox")->value(), 35);
    QVERIFY(wizard->listenPage()->isAnonymous());
    QVERIFY(wizard->draft().confirmed.acknowledgedAt.isValid());
    QCOMPARE(child<QComboBox>(wizard, "emotionComboBox")->currentIndex(), 2);

    // Closed again: still kept. Then the clerk discards it on purpose.
    QApplication::setActiveWindow(wizard);
    key(Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(window->caseWorkspace()->intakeWizard() == nullptr, kTimeoutMs);
    window->caseWorkspace()->offerDraft();
    QTRY_VERIFY_WITH_TIMEOUT((offer = window->caseWorkspace()->draftOffer()) != nullptr && offer->isVisible(),
                             kTimeoutMs);
    QApplication::setActiveWindow(offer);
    QTest::qWaitForWindowActive(offer);
    alt('d'); // "Discard it"
    QTRY_VERIFY_WITH_TIMEOUT(
        !IntakeDraftStore(m_desk.settings().string(AppSettings::Key::DraftFolder), m_clerk->login()).exists(),
        kTimeoutMs);
    QVERIFY(findWindow<IntakeWizard>() == nullptr);
    window->close();
}

void TestIntakeWizard::resolvedOnTheSpot()
{
    const auto window = openDesk();
    QVERIFY(window);
    const QPointer<IntakeWizard> wizard = openWizard(*window);
    QVERIFY(wizard);
    fillListen(QStringLiteral("打印机坏了，复印件打不出来"), true);
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::FactsPageId), kTimeoutMs);
    fillFacts();
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::ImpactPageId), kTimeoutMs);
    fillImpact();
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::StepsPageId), kTimeoutMs);
    fillSteps(wizard);
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::ReviewPageId), kTimeoutMs);
    alt('r'); // resolved on the spot
    QTRY_VERIFY_WITH_TIMEOUT(child<QCheckBox>(wizard, "onSpotCheckBox")->isChecked(), kTimeoutMs);
    alt('d');
    QVERIFY(focusIs("onSpotTextEdit"));
    type(QStringLiteral("工作人员当场帮忙复印"));
    goOn();
    QTRY_VERIFY_WITH_TIMEOUT(wizard->savedCase().has_value(), kTimeoutMs);
    CaseService cases(*m_clerk, m_desk.repos(), m_desk.clock());
    const auto stored = cases.get(wizard->savedCase()->id);
    QVERIFY(stored);
    QVERIFY(stored->intake.resolvedOnSpot);
    QVERIFY(stored->resolvedAt.isValid());
    QVERIFY(!CaseStatuses::isOpen(stored->status));
    const auto timeline = cases.timeline(stored->id);
    QVERIFY(timeline);
    bool resolvedEvent = false;
    for (const CaseEvent& e : *timeline) {
        resolvedEvent = resolvedEvent || e.kind == CaseEventKind::Resolved;
    }
    QVERIFY(resolvedEvent);
    goOn();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.isNull() || !wizard->isVisible(), kTimeoutMs);
    window->close();
}

void TestIntakeWizard::staffReport()
{
    const auto window = openDesk();
    QVERIFY(window);
    QSignalSpy created(window->findChild<CaseListWidget*>(), &CaseListWidget::caseCreated);
    auto* button = child<QPushButton>(window.get(), "staffReportButton");
    QVERIFY(button && button->isVisible());
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QPointer<StaffReportDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<StaffReportDialog>()) != nullptr, kTimeoutMs);
    QApplication::setActiveWindow(dialog);
    QTest::qWaitForWindowActive(dialog);
    // The wording thanks the reporter and never blames.
    const QString intro = textOf(dialog, "introLabel");
    QVERIFY(intro.contains(QStringLiteral("Thank")) || intro.contains(QStringLiteral("感谢")));
    QVERIFY(focusIs("whatHappenedTextEdit"));
    key(Qt::Key_Return, Qt::ControlModifier); // empty: refused with the reason next to the field
    QVERIFY(!textOf(dialog, "whatHappenedTextEditErrorLabel").isEmpty());
    type(QStringLiteral("叫号机下午经常卡住，群众不知道排到哪了"));
    alt('h');
    type(QStringLiteral("请信息科检查叫号机"));
    alt('i');
    key(Qt::Key_Down);
    key(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, kTimeoutMs);
    const Case report = created.first().first().value<Case>();
    QCOMPARE(report.channel, Channel::StaffReport);
    CaseService cases(*m_clerk, m_desk.repos(), m_desk.clock());
    const auto stored = cases.get(report.id);
    QVERIFY(stored);
    QVERIFY(stored->complaintText.contains(QStringLiteral("叫号机")));
    QVERIFY(stored->isAnonymous());
    window->close();
}

void TestIntakeWizard::highRiskIntakeToCrisisMode()
{
    // Issue 16's acceptance: a clerk records a high-risk complaint through the guided intake (keys only) while a
    // duty supervisor's desk is open on the same database. The supervisor's desk raises the alert by itself; the
    // supervisor opens the risk queue from the banner, takes the alert, opens the case and starts crisis mode, works
    // the checklist and publishes a holding statement. The golden-hours clock counts from the opening and stops at
    // the statement; the case's timeline holds every step at the time it was done.
    FixedClock& clock = m_desk.clock();
    auto boss = m_desk.showWindow(*m_boss);
    QVERIFY(boss);
    auto* notices = boss->findChild<NotificationArea*>(QStringLiteral("notificationArea"));
    QVERIFY(notices);
    QTRY_VERIFY_WITH_TIMEOUT(notices->watcher()->isStarted(), kTimeoutMs);
    notices->watcher()->setPollInterval(100);
    RiskAlertBanner* banner = boss->riskAlertBanner();
    QVERIFY(banner);
    QCOMPARE(banner->openCount(), 0);

    // The clerk's intake: the threat typed on the Listen page is high at once, with the advice to report it.
    const auto desk = openDesk();
    QVERIFY(desk);
    const QPointer<IntakeWizard> wizard = openWizard(*desk);
    QVERIFY(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->riskRulesLoaded(), kTimeoutMs);
    const QString words = QStringLiteral("材料交了三次还说不全，再不解决我就发到抖音上曝光，还要找律师起诉你们");
    fillListen(words, false);
    QCOMPARE(wizard->risk().level, RiskLevel::High);
    auto* advice = child<QLabel>(wizard->listenPage()->riskPanel(), "riskAdviceLabel");
    QVERIFY(advice->isVisible());
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::FactsPageId), kTimeoutMs);
    fillFacts();
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::ImpactPageId), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->impactPage()->isLoading(), kTimeoutMs);
    fillImpact();
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::StepsPageId), kTimeoutMs);
    fillSteps(wizard);
    goOn();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(IntakeWizard::ReviewPageId), kTimeoutMs);
    goOn(); // save
    QTRY_VERIFY_WITH_TIMEOUT(wizard->savedCase().has_value(), kTimeoutMs);
    const Case saved = *wizard->savedCase();
    const QDateTime savedAt = clock.now();
    QCOMPARE(saved.riskLevel, std::optional<RiskLevel>(RiskLevel::High));
    goOn(); // "Close"
    QTRY_VERIFY_WITH_TIMEOUT(wizard.isNull() || !wizard->isVisible(), kTimeoutMs);

    // The supervisor's desk: the alert arrives without a click and stays.
    QTRY_COMPARE_WITH_TIMEOUT(banner->openCount(), 1, kTimeoutMs);
    QVERIFY(banner->isVisible());
    QApplication::setActiveWindow(boss.get());
    QTest::mouseClick(child<QPushButton>(banner, "riskAlertOpenButton"), Qt::LeftButton);
    QCOMPARE(boss->currentPage(), MainWindow::Page::RiskQueue);
    RiskQueueWidget* queue = boss->riskQueue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->openAlerts().size(), 1, kTimeoutMs);
    QCOMPARE(queue->alertsTable()->item(0, 0)->text(), saved.caseNo);
    clock.advanceSeconds(120);
    const QDateTime takenAt = clock.now();
    queue->alertsTable()->selectRow(0);
    QTest::mouseClick(queue->takeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(banner->openCount(), 0, kTimeoutMs);

    // The case, from the queue (double-click), and crisis mode on it.
    QTRY_VERIFY_WITH_TIMEOUT(queue->queueModel()->rowCount() >= 1, kTimeoutMs);
    QCOMPARE(queue->queueModel()->itemAt(0)->caseId, saved.id);
    QTableView* list = queue->queueView();
    const QPoint where = list->visualRect(list->model()->index(0, 0)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, where);
    QTRY_COMPARE_WITH_TIMEOUT(boss->currentPage(), MainWindow::Page::Cases, kTimeoutMs);
    CaseViewWidget* view = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((view = boss->caseWorkspace()->findChild<CaseViewWidget*>()) && !view->isBusy() &&
                                 view->currentCase().id == saved.id,
                             kTimeoutMs);
    clock.advanceSeconds(180);
    const QDateTime openedAt = clock.now();
    QTest::mouseClick(child<QPushButton>(view, "crisisButton"), Qt::LeftButton);
    QMessageBox* confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((confirm = findWindow<QMessageBox>()) != nullptr, kTimeoutMs);
    QTest::keyClick(confirm, Qt::Key_Return);
    CrisisWidget* page = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((page = findWindow<CrisisWidget>()) && !page->isBusy() && page->detail().crisis.id != 0,
                             kTimeoutMs);
    QPointer<CrisisWidget> guard = page;
    QCOMPARE(page->detail().crisis.openedAt, openedAt);
    auto* clockLabel = child<QLabel>(page, "goldenClockLabel");
    QCOMPARE(clockLabel->text(), QStringLiteral("4:00:00"));

    // The checklist by keys: a note, then Space on the step's box; ten minutes apart.
    const QList<std::pair<QByteArray, QString>> steps{
        {"assess_impact", QStringLiteral("视频尚未发布，市民情绪激动")},
        {"name_spokesperson", QStringLiteral("办公室主任")},
        {"inform_leadership", QStringLiteral("已电话报告分管领导")},
    };
    for (const auto& [code, note] : steps) {
        clock.advanceSeconds(600);
        auto* noteEdit = child<QLineEdit>(page, QByteArray("stepNoteLineEdit_" + code).constData());
        auto* box = child<QCheckBox>(page, QByteArray("stepCheckBox_" + code).constData());
        QVERIFY(noteEdit && box);
        noteEdit->setFocus();
        typeText(noteEdit, note);
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && box->isChecked() && !box->isEnabled(), kTimeoutMs);
    }
    // 30 minutes in: the clock shows 3:30:00 and runs.
    QTRY_COMPARE_WITH_TIMEOUT(clockLabel->text(), QStringLiteral("3:30:00"), kTimeoutMs);

    // The holding statement from the template, checked, published: the clock stops 35 minutes in.
    clock.advanceSeconds(300);
    const QDateTime publishedAt = clock.now();
    QTest::mouseClick(child<QPushButton>(page, "insertTemplateButton"), Qt::LeftButton);
    auto* publish = child<QPushButton>(page, "publishButton");
    QTRY_VERIFY_WITH_TIMEOUT(publish->isEnabled(), kTimeoutMs);
    QVERIFY(!child<QPlainTextEdit>(page, "statementTextEdit")->toPlainText().contains(QStringLiteral("张三")));
    QTest::mouseClick(publish, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->detail().statements.size() == 1, kTimeoutMs);
    QCOMPARE(page->detail().crisis.statementAt, publishedAt);
    QTRY_COMPARE_WITH_TIMEOUT(clockLabel->text(), QStringLiteral("3:25:00"), kTimeoutMs);
    clock.advanceSeconds(6 * 3600);
    QTest::qWait(1300); // more than a tick of the clock: it stays stopped
    QCOMPARE(clockLabel->text(), QStringLiteral("3:25:00"));
    page->close();
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kTimeoutMs);

    // The timeline, in order, each at its time: scored at intake, alert taken, crisis opened, three steps, statement.
    CaseService cases(*m_boss, m_desk.repos(), clock);
    const auto timeline = cases.timeline(saved.id);
    QVERIFY(timeline);
    QList<std::pair<CaseEventKind, QDateTime>> risky;
    for (const CaseEvent& e : *timeline) {
        switch (e.kind) {
        case CaseEventKind::RiskScored:
        case CaseEventKind::RiskAlertTaken:
        case CaseEventKind::CrisisOpened:
        case CaseEventKind::CrisisStepDone:
        case CaseEventKind::CrisisStatement:
            risky.append({e.kind, e.at});
            break;
        default:
            break;
        }
    }
    const QList<std::pair<CaseEventKind, QDateTime>> expected{
        {CaseEventKind::RiskScored, savedAt},
        {CaseEventKind::RiskAlertTaken, takenAt},
        {CaseEventKind::CrisisOpened, openedAt},
        {CaseEventKind::CrisisStepDone, openedAt.addSecs(600)},
        {CaseEventKind::CrisisStepDone, openedAt.addSecs(1200)},
        {CaseEventKind::CrisisStepDone, openedAt.addSecs(1800)},
        {CaseEventKind::CrisisStatement, publishedAt},
    };
    QCOMPARE(risky.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(int(risky.at(i).first), int(expected.at(i).first));
        QCOMPARE(risky.at(i).second, expected.at(i).second);
    }
    boss.reset();
}

QTEST_MAIN(TestIntakeWizard)
#include "tst_intake_wizard.moc"
