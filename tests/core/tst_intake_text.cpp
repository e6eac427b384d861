// The sentences the clerk reads back to the citizen (IntakeService::restateFacts / restateImpact) and the keys a
// known citizen is found by (CitizenValidator::normalizedPhone / normalizedIdNumber).

#include "cases/CitizenValidator.h"
#include "services/IntakeService.h"

#include <QTest>

class TestIntakeText : public QObject
{
    Q_OBJECT

private slots:
    void restateFacts_data();
    void restateFacts();
    void agreedStatement();
    void restateImpact_data();
    void restateImpact();
    void impactLeavesOutTheHallsJudgement();
    void normalizedKeys_data();
    void normalizedKeys();
};

void TestIntakeText::restateFacts_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("involved");
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("window");
    QTest::addColumn<QString>("expected");
    QTest::newRow("everything") << QStringLiteral("工作人员态度生硬，不耐烦。") << QStringLiteral("今天上午十点左右")
                                << QString() << QString() << QStringLiteral("营业执照变更") << QStringLiteral("3号窗口")
                                << QStringLiteral("您反映的是：今天上午十点左右，在3号窗口办理营业执照变更时，"
                                                  "工作人员态度生硬，不耐烦，对吗？");
    QTest::newRow("place given, window not repeated")
        << QStringLiteral("自助机吞了身份证") << QStringLiteral("昨天下午") << QStringLiteral("在一楼大厅自助区")
        << QString() << QString() << QStringLiteral("3号窗口")
        << QStringLiteral("您反映的是：昨天下午，在一楼大厅自助区，自助机吞了身份证，对吗？");
    QTest::newRow("who, not yet in the words")
        << QStringLiteral("说材料不全让我回去") << QString() << QString() << QStringLiteral("工号0307的工作人员")
        << QStringLiteral("社保业务") << QString()
        << QStringLiteral("您反映的是：办理社保业务时，说材料不全让我回去（涉及：工号0307的工作人员），对吗？");
    QTest::newRow("who, already in the words")
        << QStringLiteral("保安不让我进门") << QString() << QString() << QStringLiteral("保安") << QString()
        << QString() << QStringLiteral("您反映的是：保安不让我进门，对吗？");
    QTest::newRow("only what") << QStringLiteral("  电话一直打不通！ ") << QString() << QString() << QString()
                               << QString() << QString() << QStringLiteral("您反映的是：电话一直打不通，对吗？");
    QTest::newRow("only who") << QString() << QString() << QString() << QStringLiteral("导办员") << QString()
                              << QString() << QStringLiteral("您反映的是：涉及导办员，对吗？");
    QTest::newRow("nothing") << QString() << QStringLiteral(" ") << QString() << QString() << QString() << QString()
                             << QString();
}

void TestIntakeText::restateFacts()
{
    QFETCH(QString, what);
    QFETCH(QString, when);
    QFETCH(QString, where);
    QFETCH(QString, involved);
    QFETCH(QString, item);
    QFETCH(QString, window);
    QFETCH(QString, expected);
    IntakeFacts facts;
    facts.what = what;
    facts.when = when;
    facts.where = where;
    facts.involved = involved;
    QCOMPARE(IntakeService::restateFacts(facts, item, window), expected);
}

void TestIntakeText::restateImpact_data()
{
    QTest::addColumn<QString>("affected");
    QTest::addColumn<int>("scope");
    QTest::addColumn<int>("severity");
    QTest::addColumn<int>("recurrence");
    QTest::addColumn<QString>("demand");
    QTest::addColumn<QString>("expected");
    QTest::newRow("everything") << QStringLiteral("您和家人") << int(ImpactScope::Group) << int(Severity::Serious)
                                << int(Recurrence::Repeat) << QStringLiteral("尽快退还多收的费用。")
                                << QStringLiteral("我跟您确认一下：这件事影响到您和家人，涉及一批办事群众，"
                                                  "影响比较严重，之前也遇到过；您希望尽快退还多收的费用，对吗？");
    QTest::newRow("one person, first time")
        << QString() << int(ImpactScope::Individual) << int(Severity::Minor) << int(Recurrence::First)
        << QStringLiteral("得到一个解释")
        << QStringLiteral("我跟您确认一下：这件事影响到您本人，影响较轻，这是第一次遇到；您希望得到一个解释，对吗？");
    QTest::newRow("systemic, public")
        << QString() << int(ImpactScope::Public) << int(Severity::Critical) << int(Recurrence::Systemic) << QString()
        << QStringLiteral("我跟您确认一下：涉及广大办事群众，影响非常严重，这种情况反复出现，对吗？");
    QTest::newRow("only the demand") << QString() << -1 << -1 << -1 << QStringLiteral("当面道歉")
                                     << QStringLiteral("我跟您确认一下：您希望当面道歉，对吗？");
    QTest::newRow("nothing") << QStringLiteral(" ") << -1 << -1 << -1 << QString() << QString();
}

void TestIntakeText::restateImpact()
{
    QFETCH(QString, affected);
    QFETCH(int, scope);
    QFETCH(int, severity);
    QFETCH(int, recurrence);
    QFETCH(QString, demand);
    QFETCH(QString, expected);
    IntakeImpact impact;
    impact.affected = affected;
    if (scope >= 0) {
        impact.scope = ImpactScope(scope);
    }
    if (severity >= 0) {
        impact.severity = Severity(severity);
    }
    if (recurrence >= 0) {
        impact.recurrence = Recurrence(recurrence);
    }
    impact.demand = demand;
    QCOMPARE(IntakeService::restateImpact(impact), expected);
}

void TestIntakeText::impactLeavesOutTheHallsJudgement()
{
    IntakeImpact impact;
    impact.demand = QStringLiteral("补办证件");
    const QString plain = IntakeService::restateImpact(impact);
    for (Reasonableness r : IntakeCodes::reasonablenessLevels()) {
        for (Responsibility s : IntakeCodes::responsibilities()) {
            impact.reasonableness = r;
            impact.responsibility = s;
            QCOMPARE(IntakeService::restateImpact(impact), plain);
        }
    }
}

void TestIntakeText::normalizedKeys_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("phoneKey");
    QTest::newRow("plain mobile") << QStringLiteral("13800138000") << QStringLiteral("13800138000");
    QTest::newRow("country code") << QStringLiteral("+86 138-0013-8000") << QStringLiteral("13800138000");
    QTest::newRow("country code, no plus") << QStringLiteral("8613800138000") << QStringLiteral("13800138000");
    QTest::newRow("landline") << QStringLiteral("(010) 8888-6666") << QStringLiteral("01088886666");
    QTest::newRow("extension") << QStringLiteral("0755-8888666-12") << QStringLiteral("0755888866612");
    QTest::newRow("short 86 number kept") << QStringLiteral("86123456") << QStringLiteral("86123456");
}

void TestIntakeText::normalizedKeys()
{
    QFETCH(QString, typed);
    QFETCH(QString, phoneKey);
    QCOMPARE(CitizenValidator::normalizedPhone(typed), phoneKey);
    QCOMPARE(CitizenValidator::normalizedPhone(phoneKey), phoneKey); // idempotent
    QCOMPARE(CitizenValidator::normalizedIdNumber(QStringLiteral(" 11010519491231002x ")),
             QStringLiteral("11010519491231002X"));
}

QTEST_GUILESS_MAIN(TestIntakeText)
#include "tst_intake_text.moc"

void TestIntakeText::agreedStatement()
{
    IntakeFacts facts;
    facts.what = QStringLiteral("材料被退回");
    const QString question = IntakeService::restateFacts(facts, QString(), QString());
    QVERIFY(question.endsWith(QStringLiteral("对吗？")));
    QCOMPARE(IntakeService::agreedStatement(question), QStringLiteral("材料被退回。"));
    IntakeImpact impact;
    impact.demand = QStringLiteral("尽快补办");
    QCOMPARE(IntakeService::agreedStatement(IntakeService::restateImpact(impact)), QStringLiteral("您希望尽快补办。"));
    // A restatement the clerk rewrote in other words is printed as it is.
    QCOMPARE(IntakeService::agreedStatement(QStringLiteral("窗口少收了材料")), QStringLiteral("窗口少收了材料"));
}
