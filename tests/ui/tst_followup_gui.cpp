// Follow-up and 好差评 through the real widgets (issue 12, helper "followup"), offscreen: a clerk records a bad
// rating in the follow-up form, works the rectification in the case view's panel (核实 → 整改 → 反馈) and records the
// second follow-up; a supervisor appeals a rating, the same supervisor cannot decide it, a second one approves it,
// and the rating leaves the figures (the case view's rating and FollowUpService::figures).

#include "GuiTestSupport.h"

#include "Database.h"
#include "cases/AppealDialog.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseTableModel.h"
#include "cases/CaseViewWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "cases/FollowUpDialog.h"
#include "cases/RectificationPanel.h"
#include "repositories/CaseRepository.h"
#include "services/CaseService.h"
#include "services/FollowUpService.h"
#include "services/ReferenceService.h"
#include "services/SlaService.h"
#include "workers/DatabaseWorker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace GuiTest;

namespace {
/** A resolved case with a citizen, recorded through the services at the desk's clock. */
qint64 resolvedCase(Desk& desk, const Session& clerk)
{
    CaseService cases(clerk, desk.repos(), desk.clock());
    CaseDraft draft;
    draft.complaintText = QStringLiteral("社保窗口人员态度生硬，让我来回跑了三趟");
    draft.citizen.name = QStringLiteral("张三");
    draft.citizen.phone = QStringLiteral("13800138000");
    const auto c = cases.create(draft);
    if (!c) {
        qWarning() << c.error().message;
        return 0;
    }
    for (CaseAction action : {CaseAction::Acknowledge, CaseAction::Resolve}) {
        CaseCommand command;
        command.action = action;
        command.note = QStringLiteral("已当面致歉，当场办结");
        if (const auto done = cases.perform(c->id, command); !done) {
            qWarning() << done.error().message;
            return 0;
        }
    }
    return c->id;
}

/** A case view for the session, shown and loaded. */
struct View
{
    View(Desk& desk, const Session& session, qint64 caseId)
        : cases(session, desk.repos(), desk.clock())
        , reference(session, desk.repos(), desk.clock())
        , widget(cases, reference, desk.worker(), desk.clock(), caseId)
    {
        widget.resize(1100, 800);
        widget.show();
    }
    CaseService cases;
    ReferenceService reference;
    CaseViewWidget widget;
};

/** Chooses the combo box entry with the data by key presses, as a user does. */
void chooseByKeys(QComboBox* combo, const QVariant& data)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentData() != data; ++i) {
        QTest::keyClick(combo, Qt::Key_Down);
    }
}

void clickOk(QDialog* dialog)
{
    auto* box = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

/** Switches the hall's no-rating rule on or off, as an admin does on the SLA policy page. */
bool setNoRatingRule(Desk& desk, const Session& admin, bool enabled, int days, int level)
{
    SlaService sla(admin, desk.repos(), desk.clock());
    auto policy = sla.policy();
    if (!policy) {
        qWarning() << policy.error().message;
        return false;
    }
    policy->noRatingRuleEnabled = enabled;
    policy->noRatingDays = days;
    policy->noRatingLevel = level;
    if (const auto saved = sla.savePolicy(*policy); !saved) {
        qWarning() << saved.error().message;
        return false;
    }
    return true;
}

/** A desk with the accounts the no-rating rule's tests need: a clerk, a supervisor and the admin of the policy. */
struct RuleDesk
{
    RuleDesk()
    {
        if (!desk.open().isEmpty()) {
            return;
        }
        const QString password = QStringLiteral("pass-1234");
        clerk = desk.addUser(QStringLiteral("li"), Role::Clerk, QStringLiteral("李敏"), password);
        wang = desk.addUser(QStringLiteral("wang"), Role::Supervisor, QStringLiteral("王强"), password);
        admin = desk.addUser(QStringLiteral("root"), Role::Admin, QStringLiteral("管理员"), password);
        ok = clerk && wang && admin;
    }
    Desk desk;
    std::optional<Session> clerk;
    std::optional<Session> wang;
    std::optional<Session> admin;
    bool ok = false;
};

/** Presses the message box's accepting button with the space key, as a keyboard user does. */
bool pressAccept(QMessageBox* box)
{
    for (QAbstractButton* b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::AcceptRole) {
            b->setFocus();
            QTest::keyClick(b, Qt::Key_Space);
            return true;
        }
    }
    return false;
}

/** The case list of a main window for the session, showing "Awaiting follow-up" (chosen by key presses). */
CaseListWidget* awaitingFollowUp(MainWindow& window)
{
    CaseListWidget* list = window.caseWorkspace()->listWidget();
    chooseByKeys(child<QComboBox>(list, "statusFilterComboBox"), int(CaseListWidget::AwaitingFollowUpView));
    return list;
}
} // namespace

class TestFollowUpGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietOffscreenWarnings(); }
    void badRatingRectificationAndSecondFollowUp();
    void appealApprovedLeavesTheFigures();
    void noRatingRuleFromTheAwaitingFollowUpView();
    void noRatingRuleButtonHiddenWhenOffOrNotSupervisor();
};

void TestFollowUpGui::badRatingRectificationAndSecondFollowUp()
{
    Desk desk;
    QVERIFY2(desk.open().isEmpty(), "desk");
    const auto clerk =
        desk.addUser(QStringLiteral("li"), Role::Clerk, QStringLiteral("李敏"), QStringLiteral("pass-1234"));
    QVERIFY(clerk);
    const qint64 id = resolvedCase(desk, *clerk); // Monday 2 June 2025, 09:30 (the 端午 holiday)
    QVERIFY(id != 0);
    View view(desk, *clerk, id);
    QTRY_VERIFY_WITH_TIMEOUT(!view.widget.isBusy(), kTimeoutMs);
    auto* panel = view.widget.findChild<RectificationPanel*>(QStringLiteral("rectificationPanel"));
    QVERIFY(panel);
    QVERIFY(!panel->isVisible()); // nothing to show before a follow-up

    // The clerk calls back: the citizen is dissatisfied (2).
    auto* followUp = view.widget.findChild<QPushButton*>(QStringLiteral("followUpActionButton"));
    QVERIFY(followUp);
    QTest::mouseClick(followUp, Qt::LeftButton);
    QPointer<FollowUpDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<FollowUpDialog>()) != nullptr, kTimeoutMs);
    chooseByKeys(child<QComboBox>(dialog, "ratingComboBox"), 2);
    typeText(child<QPlainTextEdit>(dialog, "noteTextEdit"), QStringLiteral("市民仍不满意窗口态度"));
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(view.widget.currentCase().status, CaseStatus::InProgress, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!view.widget.isBusy(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(panel->record().rectification.has_value(), kTimeoutMs);
    QVERIFY(panel->isVisible());
    // 15 working days after Monday 2 June 2025: 3-6, 9-13, 16-20 and 23 June.
    QCOMPARE(panel->record().rectification->dueAt, QDateTime(QDate(2025, 6, 23), QTime(23, 59, 59)));
    QCOMPARE(view.widget.currentCase().dueAt, QDateTime(QDate(2025, 6, 23), QTime(23, 59, 59)));
    QVERIFY(child<QLabel>(panel, "rectificationValueLabel")->text().contains(QStringLiteral("2025-06-23 23:59")));

    // 核实 → 整改 → 反馈 in the panel.
    auto* note = child<QLineEdit>(panel, "stageNoteLineEdit");
    auto* advance = child<QPushButton>(panel, "advanceButton");
    const RectificationStage next[] = {RectificationStage::Rectify, RectificationStage::Feedback,
                                       RectificationStage::SecondFollowUp};
    const QString words[] = {QStringLiteral("调取录像，态度生硬属实"), QStringLiteral("批评教育并纳入考核"),
                             QStringLiteral("已电话告知整改结果")};
    for (int i = 0; i < 3; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisible() && note->isEnabled(), kTimeoutMs);
        desk.clock().advanceSeconds(3600);
        typeText(note, words[i]);
        QTest::mouseClick(advance, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->record().rectification->stage, next[i], kTimeoutMs);
    }
    QTRY_COMPARE_WITH_TIMEOUT(view.widget.currentCase().status, CaseStatus::Resolved, kTimeoutMs);
    QVERIFY(!note->isVisible());

    // The second follow-up: satisfied (4) now; the original 2 is kept.
    QTRY_VERIFY_WITH_TIMEOUT(!view.widget.isBusy(), kTimeoutMs);
    followUp = view.widget.findChild<QPushButton*>(QStringLiteral("followUpActionButton"));
    QVERIFY(followUp);
    QTest::mouseClick(followUp, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<FollowUpDialog>()) != nullptr, kTimeoutMs);
    chooseByKeys(child<QComboBox>(dialog, "ratingComboBox"), 4);
    clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(view.widget.currentCase().status, CaseStatus::FollowedUp, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->record().rectification->stage, RectificationStage::Done, kTimeoutMs);
    QCOMPARE(panel->record().followUps.size(), 2);
    QCOMPARE(panel->record().followUps.at(0).rating, 2);
    QCOMPARE(panel->record().followUps.at(1).rating, 4);
    QCOMPARE(view.widget.currentCase().rating, std::optional<int>(4));
    QCOMPARE(child<QLabel>(&view.widget, "ratingValueLabel")->text(), QStringLiteral("4 of 5"));
}

void TestFollowUpGui::appealApprovedLeavesTheFigures()
{
    Desk desk;
    QVERIFY2(desk.open().isEmpty(), "desk");
    const auto clerk =
        desk.addUser(QStringLiteral("li"), Role::Clerk, QStringLiteral("李敏"), QStringLiteral("pass-1234"));
    const auto wang =
        desk.addUser(QStringLiteral("wang"), Role::Supervisor, QStringLiteral("王强"), QStringLiteral("pass-1234"));
    const auto zhao =
        desk.addUser(QStringLiteral("zhao"), Role::Supervisor, QStringLiteral("赵丽"), QStringLiteral("pass-1234"));
    QVERIFY(clerk && wang && zhao);
    const qint64 id = resolvedCase(desk, *clerk);
    QVERIFY(id != 0);
    FollowUpInput input;
    input.rating = 3;
    input.nps = 2;
    QVERIFY(FollowUpService(*clerk, desk.repos(), desk.clock()).recordFollowUp(id, input).ok());
    const QDate day(2025, 6, 2);
    const auto before = FollowUpService(*clerk, desk.repos(), desk.clock()).figures(day, day);
    QVERIFY(before.ok());
    QCOMPARE(before->csatN, 1);
    QCOMPARE(before->npsN, 1);

    // Wang asks for a review of the rating as malicious.
    {
        View view(desk, *wang, id);
        QTRY_VERIFY_WITH_TIMEOUT(!view.widget.isBusy(), kTimeoutMs);
        auto* panel = view.widget.findChild<RectificationPanel*>(QStringLiteral("rectificationPanel"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), kTimeoutMs);
        auto* appeal = child<QPushButton>(panel, "appealButton");
        QTRY_VERIFY_WITH_TIMEOUT(appeal->isVisible(), kTimeoutMs);
        QVERIFY(!child<QPushButton>(panel, "decideAppealButton")->isVisible());
        QTest::mouseClick(appeal, Qt::LeftButton);
        QPointer<AppealDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<AppealDialog>()) != nullptr, kTimeoutMs);
        chooseByKeys(child<QComboBox>(dialog, "reasonKindComboBox"), AppealReasons::code(AppealReason::Malicious));
        clickOk(dialog); // without a reason: refused, the dialog stays
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(dialog, "errorLabel")->text(),
                                  QStringLiteral("Say why the rating is mistaken or malicious."), kTimeoutMs);
        QVERIFY(dialog->isVisible());
        typeText(child<QPlainTextEdit>(dialog, "noteTextEdit"), QStringLiteral("来电人以差评要挟违规办理，有录音"));
        clickOk(dialog);
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(),
                                  qPrintable(dialog ? child<QLabel>(dialog, "errorLabel")->text() : QString()),
                                  kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(panel->record().pendingAppeal() != nullptr, kTimeoutMs);
        // Wang cannot decide his own appeal.
        auto* decide = child<QPushButton>(panel, "decideAppealButton");
        QTRY_VERIFY_WITH_TIMEOUT(decide->isVisible(), kTimeoutMs);
        QVERIFY(!decide->isEnabled());
        QVERIFY(!appeal->isVisible());
    }
    QCOMPARE(FollowUpService(*clerk, desk.repos(), desk.clock()).figures(day, day)->csatN, 1);

    // Zhao approves it.
    View view(desk, *zhao, id);
    QTRY_VERIFY_WITH_TIMEOUT(!view.widget.isBusy(), kTimeoutMs);
    auto* panel = view.widget.findChild<RectificationPanel*>(QStringLiteral("rectificationPanel"));
    auto* decide = child<QPushButton>(panel, "decideAppealButton");
    QTRY_VERIFY_WITH_TIMEOUT(decide->isVisible() && decide->isEnabled(), kTimeoutMs);
    QCOMPARE(child<QLabel>(&view.widget, "ratingValueLabel")->text(), QStringLiteral("3 of 5, recommendation 2 of 10"));
    QTest::mouseClick(decide, Qt::LeftButton);
    QPointer<AppealDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<AppealDialog>()) != nullptr, kTimeoutMs);
    QVERIFY(child<QLabel>(dialog, "descriptionLabel")->text().contains(QStringLiteral("来电人以差评要挟违规办理")));
    QVERIFY(child<QRadioButton>(dialog, "approveRadioButton")->isChecked());
    typeText(child<QPlainTextEdit>(dialog, "noteTextEdit"), QStringLiteral("录音核实属实"));
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(view.widget.currentCase().ratingExcluded, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        child<QLabel>(&view.widget, "ratingValueLabel")->text(),
        QStringLiteral("3 of 5, recommendation 2 of 10 — left out of the figures after an appeal"), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(panel->record().pendingAppeal() == nullptr && !panel->record().appeals.isEmpty(),
                             kTimeoutMs);
    QCOMPARE(panel->record().appeals.last().state, AppealState::Approved);
    QVERIFY(!decide->isVisible());
    const auto after = FollowUpService(*clerk, desk.repos(), desk.clock()).figures(day, day);
    QCOMPARE(after->csatN, 0);
    QCOMPARE(after->npsN, 0);
    QCOMPARE(after->excludedN, 1);
    QCOMPARE(view.widget.currentCase().rating, std::optional<int>(3)); // the original is kept
}

void TestFollowUpGui::noRatingRuleFromTheAwaitingFollowUpView()
{
    RuleDesk rules;
    QVERIFY(rules.ok);
    Desk& desk = rules.desk;
    const Session &clerk = *rules.clerk, &wang = *rules.wang, &admin = *rules.admin;
    QVERIFY(setNoRatingRule(desk, admin, true, 7, 5));
    const qint64 old = resolvedCase(desk, clerk); // resolved on 2 June
    desk.clock().set(QDateTime(QDate(2025, 6, 8), QTime(10, 0)));
    const qint64 recent = resolvedCase(desk, clerk); // resolved on 8 June: not yet 7 days without a rating
    QVERIFY(old != 0 && recent != 0);
    desk.clock().set(QDateTime(QDate(2025, 6, 10), QTime(9, 0)));

    auto window = desk.showWindow(wang);
    QVERIFY(window);
    CaseListWidget* list = awaitingFollowUp(*window);
    QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading() && list->model()->rowCount() == 2, kTimeoutMs);
    auto* button = child<QPushButton>(list, "noRatingRuleButton");
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), kTimeoutMs);

    // The supervisor is asked first, with the policy's days and level; cancelling rates nothing.
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = findWindow<QMessageBox>()) != nullptr, kTimeoutMs);
    QVERIFY2(box->text().contains(QStringLiteral("7 day(s)")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("5 — Very satisfied")), qPrintable(box->text()));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!findWindow<QMessageBox>(), kTimeoutMs);
    QVERIFY(!desk.repos().cases->find(old)->rating);

    QTest::keyClick(button, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT((box = findWindow<QMessageBox>()) != nullptr, kTimeoutMs);
    QVERIFY(pressAccept(box));
    auto* notice = child<QLabel>(list, "noticeLabel");
    QTRY_COMPARE_WITH_TIMEOUT(notice->text(), QStringLiteral("The no-rating rule rated 1 case(s)."), kTimeoutMs);
    QVERIFY(notice->isVisible());

    // The old case carries the default rating, is followed up, and says why on its timeline; the recent one waits.
    const auto rated = desk.repos().cases->find(old);
    QVERIFY(rated.ok());
    QCOMPARE(rated->rating, std::optional<int>(5));
    QCOMPARE(rated->status, CaseStatus::FollowedUp);
    const auto events = desk.repos().cases->events(old);
    QVERIFY(events.ok());
    QCOMPARE(events->last().kind, CaseEventKind::RatingDefaulted);
    QCOMPARE(events->last().actor.id, wang.userId());
    QVERIFY(!desk.repos().cases->find(recent)->rating);
    // The list was read again: only the recent case still awaits its follow-up.
    QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading() && list->model()->rowCount() == 1, kTimeoutMs);
    QCOMPARE(list->model()->caseAt(0)->id, recent);

    // Applied again: the rule is idempotent and says so.
    QTest::keyClick(button, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT((box = findWindow<QMessageBox>()) != nullptr, kTimeoutMs);
    QVERIFY(pressAccept(box));
    QTRY_COMPARE_WITH_TIMEOUT(
        notice->text(), QStringLiteral("The no-rating rule rated no case: none has waited long enough."), kTimeoutMs);
    QCOMPARE(desk.repos().cases->events(old)->size(), events->size());
    window->close();
}

void TestFollowUpGui::noRatingRuleButtonHiddenWhenOffOrNotSupervisor()
{
    RuleDesk rules;
    QVERIFY(rules.ok);
    Desk& desk = rules.desk;
    const Session &clerk = *rules.clerk, &wang = *rules.wang, &admin = *rules.admin;
    QVERIFY(resolvedCase(desk, clerk) != 0);
    desk.clock().set(QDateTime(QDate(2025, 6, 20), QTime(9, 0)));

    // The rule is off (the default): a supervisor sees the view without the button.
    {
        auto window = desk.showWindow(wang);
        QVERIFY(window);
        CaseListWidget* list = awaitingFollowUp(*window);
        QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading() && list->model()->rowCount() == 1, kTimeoutMs);
        // The policy was asked for before the page (one worker, in order): its answer has come back too.
        QVERIFY(!child<QPushButton>(list, "noRatingRuleButton")->isVisible());
        window->close();
    }
    // The rule is on: a clerk still does not see it; the supervisor sees it in this view only.
    QVERIFY(setNoRatingRule(desk, admin, true, 7, 5));
    {
        auto window = desk.showWindow(clerk);
        QVERIFY(window);
        CaseListWidget* list = awaitingFollowUp(*window);
        QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading() && list->model()->rowCount() == 1, kTimeoutMs);
        QVERIFY(!child<QPushButton>(list, "noRatingRuleButton")->isVisible());
        window->close();
    }
    {
        auto window = desk.showWindow(wang);
        QVERIFY(window);
        CaseListWidget* list = awaitingFollowUp(*window);
        auto* button = child<QPushButton>(list, "noRatingRuleButton");
        QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), kTimeoutMs);
        chooseByKeys(child<QComboBox>(list, "statusFilterComboBox"), int(CaseListWidget::PausedView));
        QTRY_VERIFY_WITH_TIMEOUT(!button->isVisible(), kTimeoutMs);
        window->close();
    }
}

QTEST_MAIN(TestFollowUpGui)
#include "tst_followup_gui.moc"
