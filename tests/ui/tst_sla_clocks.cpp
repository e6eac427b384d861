#include "GuiTestSupport.h"

#include "admin/SlaPolicyWidget.h"
#include "cases/CaseClocksWidget.h"
#include "cases/CaseViewWidget.h"
#include "cases/PauseClocksDialog.h"
#include "repositories/SlaPolicyRepository.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTest>
#include <QTreeWidget>

using namespace GuiTest;

/** The clocks panel of the case view and the Deadline rules page, driven with key presses (issue 12, "sla"). */
class TestSlaClocks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietOffscreenWarnings(); }
    void pauseAndResumeFromTheCaseView();
    void adminChangesTheRules();
};

namespace {
QDateTime at(const char* text)
{
    return QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-dd HH:mm"));
}

QTreeWidgetItem* clockRow(CaseClocksWidget* clocks, const char* code)
{
    auto* tree = child<QTreeWidget>(clocks, "clocksTreeWidget");
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == QLatin1String(code)) {
            return tree->topLevelItem(i);
        }
    }
    return nullptr;
}

/** Clicks the panel's pause/resume button and returns the dialog it opens. */
PauseClocksDialog* openDialog(CaseClocksWidget* clocks)
{
    auto* button = child<QPushButton>(clocks, "pauseButton");
    if (!button || !button->isEnabled()) {
        return nullptr;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    PauseClocksDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = findWindow<PauseClocksDialog>()) != nullptr; }, kTimeoutMs)) {
        return nullptr;
    }
    return dialog;
}

void clickOk(QDialog* dialog)
{
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
}
} // namespace

void TestSlaClocks::pauseAndResumeFromTheCaseView()
{
    Desk desk;
    QCOMPARE(desk.open(), QString());
    const auto clerk =
        desk.addUser(QStringLiteral("wang"), Role::Clerk, QStringLiteral("王芳"), QStringLiteral("secret-pass-1"));
    QVERIFY(clerk);
    const Repositories repos = desk.repos();
    CaseService cases(*clerk, repos, desk.clock());
    ReferenceService reference(*clerk, repos, desk.clock());
    CaseDraft draft;
    draft.complaintText = QStringLiteral("办理营业执照变更，窗口要求补交的材料前后说法不一");
    draft.receivedAt = at("2025-06-02 09:30");
    const auto created = cases.create(draft);
    QVERIFY(created.ok());

    CaseViewWidget view(cases, reference, desk.worker(), desk.clock(), created->id);
    view.show();
    auto* clocks = child<CaseClocksWidget>(&view, "caseClocksWidget");
    QVERIFY(clocks);
    QTRY_VERIFY_WITH_TIMEOUT(clockRow(clocks, "answer") != nullptr, kTimeoutMs);
    QTreeWidgetItem* answer = clockRow(clocks, "answer");
    QCOMPARE(answer->text(1), QStringLiteral("Running"));
    QCOMPARE(answer->text(2), QStringLiteral("2025-06-04 09:30"));
    QCOMPARE(answer->text(3), QStringLiteral("Due 2025-06-04 09:30: 48 h from receipt."));
    QCOMPARE(clockRow(clocks, "resolve")->text(3),
             QStringLiteral("Due 2025-06-23 23:59: 15 working day(s) from receipt."));
    QVERIFY(!clockRow(clocks, "acknowledge")); // a window case
    // The explanations wrap to the width the case view gives them, wide or narrow, and the table fits its rows.
    view.resize(1280, 760);
    QTRY_VERIFY_WITH_TIMEOUT(wrappedColumnReadable(child<QTreeWidget>(clocks, "clocksTreeWidget"), 3), kTimeoutMs);
    view.resize(760, 600);
    QTRY_VERIFY_WITH_TIMEOUT(wrappedColumnReadable(child<QTreeWidget>(clocks, "clocksTreeWidget"), 3), kTimeoutMs);

    // Pausing needs a reason.
    desk.clock().set(at("2025-06-03 10:00"));
    PauseClocksDialog* dialog = openDialog(clocks);
    QVERIFY(dialog);
    clickOk(dialog);
    QCOMPARE(child<QLabel>(dialog, "errorLabel")->text(), QStringLiteral("Say what the case is waiting for."));
    QVERIFY(dialog->isVisible());
    auto* kind = child<QComboBox>(dialog, "kindComboBox");
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(kind->currentData().toString(), QStringLiteral("third_party"));
    typeText(child<QPlainTextEdit>(dialog, "reasonPlainTextEdit"), QStringLiteral("等待市场监管局回函"));
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!findWindow<PauseClocksDialog>(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(clockRow(clocks, "answer")->text(1), QStringLiteral("Paused"), kTimeoutMs);
    QCOMPARE(clockRow(clocks, "answer")->text(3),
             QStringLiteral("Paused since 2025-06-03 10:00: 23 h 30 min left of 48 h from receipt."));
    QCOMPARE(child<QLabel>(clocks, "pauseLabel")->text(),
             QStringLiteral("Clocks paused since 2025-06-03 10:00 (Waiting on a third party): 等待市场监管局回函"));
    QTRY_COMPARE_WITH_TIMEOUT(child<QPushButton>(clocks, "pauseButton")->text(), QStringLiteral("Resume clocks…"),
                              kTimeoutMs);

    // Resumed two and a half hours later: the answer is due that much later, and the panel says why.
    desk.clock().set(at("2025-06-03 12:30"));
    QTRY_VERIFY_WITH_TIMEOUT(!clocks->isBusy() && !view.isBusy(), kTimeoutMs);
    dialog = openDialog(clocks);
    QVERIFY(dialog);
    QVERIFY(!child<QComboBox>(dialog, "kindComboBox")->isVisible());
    typeText(child<QPlainTextEdit>(dialog, "reasonPlainTextEdit"), QStringLiteral("回函已到"));
    clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(clockRow(clocks, "answer")->text(3),
                              QStringLiteral("Due 2025-06-04 12:00: 48 h from receipt, plus 2 h 30 min paused."),
                              kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&view, "dueValueLabel")->text(), QStringLiteral("2025-06-04 12:00"),
                              kTimeoutMs);
    QVERIFY(!child<QLabel>(clocks, "pauseLabel")->isVisible());
    auto* timeline = child<QTreeWidget>(&view, "timelineTreeWidget");
    QTRY_COMPARE_WITH_TIMEOUT(timeline->topLevelItemCount(), 3, kTimeoutMs);
    QCOMPARE(timeline->topLevelItem(1)->text(4), QStringLiteral("→ 等待第三方 · 等待市场监管局回函"));
    QCOMPARE(timeline->topLevelItem(2)->text(4), QStringLiteral("→ 2025-06-04 12:00 · 回函已到"));

    // Near and past the deadline the state shows as text and icon, not colour alone.
    desk.clock().set(at("2025-06-04 10:00"));
    clocks->reload();
    QTRY_COMPARE_WITH_TIMEOUT(clockRow(clocks, "answer")->text(1), QStringLiteral("Due soon"), kTimeoutMs);
    QVERIFY(!clockRow(clocks, "answer")->icon(1).isNull());
    desk.clock().set(at("2025-06-04 12:01"));
    clocks->reload();
    QTRY_COMPARE_WITH_TIMEOUT(clockRow(clocks, "answer")->text(1), QStringLiteral("Overdue"), kTimeoutMs);
    QVERIFY(!clockRow(clocks, "answer")->icon(1).isNull());
}

void TestSlaClocks::adminChangesTheRules()
{
    Desk desk;
    QCOMPARE(desk.open(), QString());
    const auto admin =
        desk.addUser(QStringLiteral("root"), Role::Admin, QStringLiteral("管理员"), QStringLiteral("secret-pass-1"));
    QVERIFY(admin);
    SlaPolicyWidget page(*admin, desk.worker());
    bool loaded = false;
    connect(&page, &SlaPolicyWidget::loaded, this, [&] { loaded = true; });
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(loaded, kTimeoutMs);
    auto* rectify = child<QSpinBox>(&page, "rectifySpinBox");
    QCOMPARE(rectify->value(), 15);
    auto* periods = child<QLineEdit>(&page, "periodsLineEdit");
    QCOMPARE(periods->text(), QStringLiteral("09:00-12:00, 13:30-17:30"));
    QVERIFY(!periods->isEnabled());

    rectify->setFocus();
    rectify->selectAll();
    QTest::keyClicks(rectify, QStringLiteral("5"));
    auto* workingHours = child<QCheckBox>(&page, "workingHoursCheckBox");
    workingHours->setFocus();
    QTest::keyClick(workingHours, Qt::Key_Space);
    QVERIFY(periods->isEnabled());
    retype(periods, QStringLiteral("8.30 to 12"));
    QTest::mouseClick(child<QPushButton>(&page, "saveButton"), Qt::LeftButton);
    QCOMPARE(child<QLabel>(&page, "messageLabel")->text(),
             QStringLiteral("Write the working periods as 09:00-12:00, 13:30-17:30."));
    retype(periods, QStringLiteral("8:30-12:00, 14:00-17:00"));
    QTest::mouseClick(child<QPushButton>(&page, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&page, "messageLabel")->text(),
                              QStringLiteral("The deadline rules were saved."), kTimeoutMs);
    const auto stored = desk.repos().slaPolicy->load();
    QVERIFY(stored.ok());
    QCOMPARE(stored->rectifyWorkingDays, 5);
    QVERIFY(stored->workingHoursMode);
    QCOMPARE(stored->workingPeriods.size(), 2);
    QCOMPARE(stored->workingPeriods.at(0).from, QTime(8, 30));
    QCOMPARE(stored->workingPeriods.at(1).from, QTime(14, 0));
    QCOMPARE(stored->answerHours, 48);
}

QTEST_MAIN(TestSlaClocks)
#include "tst_sla_clocks.moc"
