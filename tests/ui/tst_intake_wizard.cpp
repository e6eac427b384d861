#include "GuiTestSupport.h"
#include "cases/CaseEvent.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "cases/IntakeDraftStore.h"
#include "common/AppSettings.h"
#include "intake/IntakeContext.h"
#include "intake/IntakeImpactPage.h"
#include "intake/IntakeListenPage.h"
#include "intake/IntakeStepsPage.h"
#include "intake/IntakeWizard.h"
#include "intake/StaffReportDialog.h"
#include "services/CaseService.h"
#include "services/UserService.h"

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
};

void TestIntakeWizard::initTestCase()
{
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_clerk = m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("王小明"), kClerkPassword);
    QVERIFY(m_clerk);
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

QTEST_MAIN(TestIntakeWizard)
#include "tst_intake_wizard.moc"
