// Crisis mode (危机处置, issue 16 part B) driven through the real widgets: a supervisor opens crisis mode on a case
// with the case view's button and the confirmation's Enter, works the checklist with typed notes and Space on each box,
// sees a statement with the citizen's name refused by the live check, publishes a holding statement from a template,
// and finds the golden-hours clock stopped (it no longer moves with the test clock) and every step on the case's
// timeline with its time. The crises page lists the crisis; a clerk sees that the case is in crisis mode but has no
// button.

#include "GuiTestSupport.h"
#include "cases/CaseViewWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "common/FormHelpers.h"
#include "crisis/CrisisListWidget.h"
#include "crisis/CrisisWidget.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "services/CaseService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace GuiTest;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

/** The rows of the case view's timeline with that kind label. */
QList<QTreeWidgetItem*> timelineRows(CaseViewWidget* view, CaseEventKind kind)
{
    QList<QTreeWidgetItem*> rows;
    auto* tree = child<QTreeWidget>(view, "timelineTreeWidget");
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(2) == CaseEventKinds::label(kind)) {
            rows << tree->topLevelItem(i);
        }
    }
    return rows;
}
} // namespace

class TestCrisisGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void supervisorWorksCrisisMode();

private:
    Desk m_desk;
    std::optional<Session> m_chief;
    std::optional<Session> m_clerk;
};

void TestCrisisGui::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_chief = m_desk.addUser(QStringLiteral("chief"), Role::Supervisor, QStringLiteral("陈主任"), kPassword);
    m_clerk = m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李四"), kPassword);
    QVERIFY(m_chief && m_clerk);
}

void TestCrisisGui::supervisorWorksCrisisMode()
{
    FixedClock& clock = m_desk.clock();
    const QDateTime start = clock.now();
    CaseService cases(*m_clerk, m_desk.repos(), clock);
    CaseDraft draft;
    draft.channel = Channel::Phone;
    draft.complaintText = QStringLiteral("再不给我办，我就去找电视台曝光你们");
    draft.citizen.name = QStringLiteral("张建国");
    draft.citizen.phone = QStringLiteral("13800138000");
    for (const ReferenceItem& item : *m_desk.repos().reference->list(ReferenceKind::ServiceItem)) {
        if (item.name == QStringLiteral("社保业务")) {
            draft.serviceItemId = item.id;
        }
    }
    QVERIFY(draft.serviceItemId != 0);
    const auto created = cases.create(draft);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    const qint64 caseId = created->id;

    auto window = m_desk.showWindow(*m_chief);
    QVERIFY(window);
    CaseViewWidget* view = openCaseView(*window, caseId);
    QVERIFY(view);
    QVERIFY(!child<QLabel>(view, "crisisLabel")->isVisible());
    auto* crisisButton = child<QPushButton>(view, "crisisButton");
    QVERIFY(crisisButton->isVisible());
    QVERIFY(crisisButton->isEnabled());

    // Crisis mode on the case: the button, then Enter on the confirmation.
    QTest::mouseClick(crisisButton, Qt::LeftButton);
    QMessageBox* confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((confirm = findWindow<QMessageBox>()) != nullptr, kTimeoutMs);
    QVERIFY(confirm->text().contains(created->caseNo));
    QTest::keyClick(confirm, Qt::Key_Return);
    CrisisWidget* page = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((page = findWindow<CrisisWidget>()) && !page->isBusy() && page->detail().crisis.id != 0,
                             kTimeoutMs);
    QPointer<CrisisWidget> guard = page;
    QCOMPARE(page->detail().cases.size(), 1);
    QCOMPARE(page->detail().cases.first().caseId, caseId);
    QCOMPARE(page->detail().crisis.openedAt, start);
    auto* clockLabel = child<QLabel>(page, "goldenClockLabel");
    QCOMPARE(clockLabel->text(), QStringLiteral("4:00:00"));

    // The clock counts down from the stored opening time and the app's clock.
    clock.advanceSeconds(30 * 60);
    QTRY_COMPARE_WITH_TIMEOUT(clockLabel->text(), QStringLiteral("3:30:00"), kTimeoutMs);

    // The checklist: a note typed, Space on the box records the step.
    const struct
    {
        const char* code;
        QString note;
    } steps[] = {
        {"assess_impact", QStringLiteral("短视频转发过千")},     {"name_spokesperson", QStringLiteral("办公室陈主任")},
        {"agree_statement", QStringLiteral("以情况通报为准")},   {"involve_legal", QStringLiteral("法务已知悉")},
        {"inform_leadership", QStringLiteral("已报告分管领导")},
    };
    int done = 0;
    for (const auto& s : steps) {
        clock.advanceSeconds(60);
        const QByteArray code(s.code);
        auto* note = child<QLineEdit>(page, QByteArray("stepNoteLineEdit_" + code).constData());
        auto* box = child<QCheckBox>(page, QByteArray("stepCheckBox_" + code).constData());
        QVERIFY(note && box);
        QVERIFY(box->isEnabled());
        note->setFocus();
        typeText(note, s.note);
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
        ++done;
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->detail().steps.size() == done, kTimeoutMs);
        QVERIFY(box->isChecked());
        QVERIFY(!box->isEnabled());
        QVERIFY(child<QLabel>(page, QByteArray("stepDoneLabel_" + code).constData())
                    ->text()
                    .contains(FormHelpers::dateTime(clock.now())));
    }
    QCOMPARE(page->detail().crisis.spokesperson, QStringLiteral("办公室陈主任"));
    QVERIFY(child<QLabel>(page, "clockStateLabel")->text().contains(QStringLiteral("办公室陈主任")));

    // A statement with the citizen's name: the live check refuses it and Publish stays disabled.
    auto* statement = child<QPlainTextEdit>(page, "statementTextEdit");
    auto* hints = child<QLabel>(page, "statementHintsLabel");
    auto* publish = child<QPushButton>(page, "publishButton");
    statement->setFocus();
    typeText(statement, QStringLiteral("对张建国反映的问题，我们深表歉意，已安排专人一对一沟通。"));
    QTRY_VERIFY_WITH_TIMEOUT(hints->text().contains(QStringLiteral("张建国")), kTimeoutMs);
    QVERIFY(!publish->isEnabled());

    // A holding statement from the template: checked, then published.
    auto* kind = child<QComboBox>(page, "statementKindComboBox");
    QCOMPARE(kind->currentData().toInt(), static_cast<int>(StatementKind::Holding));
    QVERIFY(child<QComboBox>(page, "templateComboBox")->count() >= 1);
    QTest::mouseClick(child<QPushButton>(page, "insertTemplateButton"), Qt::LeftButton);
    QVERIFY(statement->toPlainText().contains(created->caseNo));
    QVERIFY(statement->toPlainText().contains(QStringLiteral("社保业务")));
    QTRY_VERIFY_WITH_TIMEOUT(publish->isEnabled(), kTimeoutMs);
    QVERIFY2(!hints->text().contains(QStringLiteral("张建国")), qPrintable(hints->text()));
    clock.advanceSeconds(60);
    const QDateTime publishedAt = clock.now();
    const QString text = statement->toPlainText();
    QTest::mouseClick(publish, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->detail().statements.size() == 1, kTimeoutMs);
    QCOMPARE(page->detail().statements.first().text, text.trimmed());
    QCOMPARE(page->detail().crisis.statementAt, publishedAt);
    QVERIFY(statement->toPlainText().isEmpty());
    QCOMPARE(child<QTreeWidget>(page, "publishedStatementsTree")->topLevelItemCount(), 1);

    // The clock stopped at the statement, 36 minutes after the opening: 3:24:00 left, whatever the time now.
    const QString stopped = GoldenClock::format(4 * 3600 - 36 * 60);
    QCOMPARE(stopped, QStringLiteral("3:24:00"));
    QTRY_COMPARE_WITH_TIMEOUT(clockLabel->text(), stopped, kTimeoutMs);
    QVERIFY(child<QLabel>(page, "clockStateLabel")->text().contains(FormHelpers::dateTime(publishedAt)));
    clock.advanceSeconds(5 * 3600);
    QTest::qWait(1300); // more than one tick of the clock
    QCOMPARE(clockLabel->text(), stopped);
    QVERIFY(clockLabel->styleSheet().isEmpty()); // not red: published in time

    // The timeline of the case shows every step with its time.
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy() && timelineRows(view, CaseEventKind::CrisisStatement).size() == 1,
                             kTimeoutMs);
    const auto opened = timelineRows(view, CaseEventKind::CrisisOpened);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first()->text(0), FormHelpers::dateTime(start));
    const auto stepRows = timelineRows(view, CaseEventKind::CrisisStepDone);
    QCOMPARE(stepRows.size(), 5);
    for (int i = 0; i < stepRows.size(); ++i) {
        QCOMPARE(stepRows.at(i)->text(0), FormHelpers::dateTime(start.addSecs(30 * 60 + 60 * (i + 1))));
        QVERIFY(stepRows.at(i)->text(4).contains(steps[i].note));
    }
    QCOMPARE(timelineRows(view, CaseEventKind::CrisisStatement).first()->text(0), FormHelpers::dateTime(publishedAt));
    QVERIFY(child<QLabel>(view, "crisisLabel")->isVisible());

    // The crises page lists it; opening it raises the same window.
    QVERIFY(openPage(*window, MainWindow::Page::Crises));
    auto* list = window->findChild<CrisisListWidget*>(QStringLiteral("crisisListWidget"));
    QVERIFY(list);
    QTRY_COMPARE_WITH_TIMEOUT(list->crises().size(), 1, kTimeoutMs);
    QCOMPARE(child<QTreeWidget>(list, "crisesTree")->topLevelItem(0)->text(0), page->detail().crisis.title);
    QTest::mouseClick(child<QPushButton>(list, "openCrisisButton"), Qt::LeftButton);
    QCOMPARE(findWindow<CrisisWidget>(), page);

    const QString title = page->detail().crisis.title;
    page->close();
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kTimeoutMs);
    window.reset();

    // A clerk sees that the case is in crisis mode, without the button.
    auto clerkWindow = m_desk.showWindow(*m_clerk);
    QVERIFY(clerkWindow);
    QVERIFY(!clerkWindow->hasPage(MainWindow::Page::Crises));
    CaseViewWidget* clerkView = openCaseView(*clerkWindow, caseId);
    QVERIFY(clerkView);
    QVERIFY(!child<QPushButton>(clerkView, "crisisButton")->isVisible());
    QVERIFY(child<QLabel>(clerkView, "crisisLabel")->isVisible());
    QVERIFY(child<QLabel>(clerkView, "crisisLabel")->text().contains(title));
}

QTEST_MAIN(TestCrisisGui)
#include "tst_crisis_gui.moc"
