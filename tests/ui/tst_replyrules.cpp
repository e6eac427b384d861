#include "GuiTestSupport.h"
#include "admin/ReplyRuleModel.h"
#include "admin/ReplyRuleWidget.h"
#include "repositories/AuditRepository.h"
#include "services/ReplyRuleService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace GuiTest;

/**
 * The Reply rules page: an administrator sees the seeded rules (loaded by the worker), tries them on a sample reply
 * as it is typed, is refused a broken pattern with the reason, adds a rule, edits one and retires one, and every
 * change reaches the database and the audit log.
 */
class TestReplyRulesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adminTriesAddsEditsAndRetires();

private:
    QList<ReplyRule> stored();
    QStringList findings(ReplyRuleWidget* page);

    Desk m_desk;
};

void TestReplyRulesPage::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QList<ReplyRule> TestReplyRulesPage::stored()
{
    const auto all = ReplyRuleService(Session::commandLine(), m_desk.repos(), m_desk.clock()).allRules();
    return all ? *all : QList<ReplyRule>();
}

QStringList TestReplyRulesPage::findings(ReplyRuleWidget* page)
{
    QStringList texts;
    auto* list = child<QListWidget>(page, "findingsListWidget");
    for (int i = 0; i < list->count(); ++i) {
        texts << list->item(i)->text();
    }
    return texts;
}

void TestReplyRulesPage::adminTriesAddsEditsAndRetires()
{
    const auto admin = m_desk.addUser(QStringLiteral("admin"), Role::Admin, QStringLiteral("王主任"),
                                      QStringLiteral("Admin-pass-2025"));
    QVERIFY(admin);
    const auto window = m_desk.showWindow(*admin);
    QVERIFY(window);
    QVERIFY(openPage(*window, MainWindow::Page::ReplyRules));
    auto* page = window->findChild<ReplyRuleWidget*>();
    QVERIFY(page);
    const int seeded = int(ReplyChecker::defaultRules().size());
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), seeded, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeoutMs);
    auto* table = child<QTableView>(page, "ruleTableView");
    QCOMPARE(table->model()->rowCount(), seeded);

    // Try the rules on a sample, live.
    auto* sample = child<QPlainTextEdit>(page, "sampleTextEdit");
    sample->setFocus();
    typeText(sample, QStringLiteral("不好意思，这个不归我们管。"));
    QVERIFY2(findings(page).join(QLatin1Char('\n')).contains(QStringLiteral("“不归我们管”")),
             qPrintable(findings(page).join(QLatin1Char('\n'))));
    if (const QString dir = qEnvironmentVariable("QINGTING_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window->grab().save(dir + QStringLiteral("/reply-rules.png")); // for looking at the layout
    }

    // A new rule with a broken regular expression: the reason shows, nothing is stored.
    QTest::mouseClick(child<QPushButton>(page, "newButton"), Qt::LeftButton);
    auto* pattern = child<QLineEdit>(page, "patternLineEdit");
    QVERIFY(pattern->hasFocus());
    child<QCheckBox>(page, "regexCheckBox")->setChecked(true);
    typeText(pattern, QStringLiteral("(暂停"));
    QVERIFY(child<QLabel>(page, "ruleResultLabel")->text().contains(QLatin1String("not usable")));
    auto* advice = child<QPlainTextEdit>(page, "adviceTextEdit");
    advice->setFocus();
    typeText(advice, QStringLiteral("说明何时恢复办理。"));
    QTest::mouseClick(child<QPushButton>(page, "saveButton"), Qt::LeftButton);
    auto* ruleError = child<QLabel>(page, "ruleErrorLabel");
    QVERIFY(ruleError->isVisible());
    QVERIFY2(ruleError->text().contains(QLatin1String("regular expression")), qPrintable(ruleError->text()));
    QCOMPARE(int(stored().size()), seeded);

    // Fixed, tried on the sample, saved.
    retype(pattern, QStringLiteral("暂停(?:办理|受理)"));
    sample->selectAll();
    sample->setFocus();
    typeText(sample, QStringLiteral("感谢您，本窗口暂停办理。"));
    QVERIFY2(child<QLabel>(page, "ruleResultLabel")->text().contains(QStringLiteral("暂停办理")),
             qPrintable(child<QLabel>(page, "ruleResultLabel")->text()));
    QTest::mouseClick(child<QPushButton>(page, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), seeded + 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeoutMs);
    QVERIFY(child<QLabel>(page, "messageLabel")->text().contains(QLatin1String("added")));
    QList<ReplyRule> rules = stored();
    QCOMPARE(int(rules.size()), seeded + 1);
    QCOMPARE(rules.last().pattern, QStringLiteral("暂停(?:办理|受理)"));
    QVERIFY(rules.last().isRegex);
    QCOMPARE(rules.last().updatedBy, QStringLiteral("admin"));

    // The new rule is selected; retire it: no longer listed (retired ones hidden), kept in the database.
    auto* toggle = child<QPushButton>(page, "toggleActiveButton");
    QTRY_VERIFY_WITH_TIMEOUT(toggle->isEnabled(), kTimeoutMs);
    QCOMPARE(child<QLineEdit>(page, "patternLineEdit")->text(), QStringLiteral("暂停(?:办理|受理)"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), seeded, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeoutMs);
    rules = stored();
    QVERIFY(!rules.last().active);
    child<QCheckBox>(page, "showRetiredCheckBox")->setChecked(true);
    QCOMPARE(table->model()->rowCount(), seeded + 1);

    // Edit the first seeded rule's advice through the form.
    const QRect first = table->visualRect(table->model()->index(0, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, first.center());
    QCOMPARE(pattern->text(), rules.first().pattern);
    advice->selectAll();
    advice->setFocus();
    typeText(advice, QStringLiteral("请说明由哪个部门负责，并帮群众转交。"));
    QTest::mouseClick(child<QPushButton>(page, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "messageLabel")->text().contains(QLatin1String("saved")), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeoutMs);
    rules = stored();
    QCOMPARE(rules.first().advice, QStringLiteral("请说明由哪个部门负责，并帮群众转交。"));
    QCOMPARE(rules.first().version, 2);

    const auto audit = m_desk.repos().audit->latest(3);
    QVERIFY(audit);
    QCOMPARE(audit->at(0).action, QStringLiteral("reply_rule.edit"));
    QCOMPARE(audit->at(1).action, QStringLiteral("reply_rule.retire"));
    QCOMPARE(audit->at(2).action, QStringLiteral("reply_rule.add"));
    QCOMPARE(audit->at(0).actor, QStringLiteral("admin"));
}

QTEST_MAIN(TestReplyRulesPage)
#include "tst_replyrules.moc"
