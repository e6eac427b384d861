// Follow-up and 好差评 through the real widgets (issue 12, helper "followup"), offscreen: a clerk records a bad
// rating in the follow-up form, works the rectification in the case view's panel (核实 → 整改 → 反馈) and records the
// second follow-up; a supervisor appeals a rating, the same supervisor cannot decide it, a second one approves it,
// and the rating leaves the figures (the case view's rating and FollowUpService::figures).

#include "GuiTestSupport.h"

#include "Database.h"
#include "cases/AppealDialog.h"
#include "cases/CaseViewWidget.h"
#include "cases/FollowUpDialog.h"
#include "cases/RectificationPanel.h"
#include "repositories/CaseRepository.h"
#include "services/CaseService.h"
#include "services/FollowUpService.h"
#include "services/ReferenceService.h"
#include "workers/DatabaseWorker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
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
} // namespace

class TestFollowUpGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietOffscreenWarnings(); }
    void badRatingRectificationAndSecondFollowUp();
    void appealApprovedLeavesTheFigures();
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

QTEST_MAIN(TestFollowUpGui)
#include "tst_followup_gui.moc"
