#include "scripts/ScriptTemplate.h"

#include <QTest>

/** Filling a response script's placeholders: every one filled or left visible as 【{name}】, never dropped. */
class TestScriptPlaceholders : public QObject
{
    Q_OBJECT

private:
    static QHash<QString, QString> caseValues()
    {
        return {{QStringLiteral("称呼"), QStringLiteral("张女士")},
                {QStringLiteral("事项"), QStringLiteral("社保业务")},
                {QStringLiteral("承诺时间"), QStringLiteral("12月2日17时")},
                {QStringLiteral("案件编号"), QStringLiteral("TS-20261130-0007")},
                {QStringLiteral("窗口"), QStringLiteral("3号窗口")},
                {QStringLiteral("部门"), QStringLiteral("社保科")}};
    }

private slots:
    void knownHasTheRequiredNames()
    {
        const QStringList known = ScriptPlaceholders::known();
        for (const char* name :
             {"称呼", "事项", "承诺时间", "案件编号", "窗口", "部门", "受理时间", "诉求", "步骤", "大厅", "电话"}) {
            QVERIFY2(known.contains(QString::fromUtf8(name)), name);
        }
        QCOMPARE(QSet<QString>(known.begin(), known.end()).size(), known.size());
    }

    void fill_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("all filled")
            << QStringLiteral("{称呼}，您的{事项}问题（编号{案件编号}）由{部门}在{承诺时间}前答复。")
            << QStringLiteral("张女士，您的社保业务问题（编号TS-20261130-0007）由社保科在12月2日17时前答复。");
        QTest::newRow("no placeholder") << QStringLiteral("感谢您的耐心。") << QStringLiteral("感谢您的耐心。");
        QTest::newRow("same twice") << QStringLiteral("{窗口}，{窗口}") << QStringLiteral("3号窗口，3号窗口");
        QTest::newRow("known without value")
            << QStringLiteral("请拨打{电话}。") << QStringLiteral("请拨打【{电话}】。");
        QTest::newRow("unknown") << QStringLiteral("{称呼}，{经办人}会联系您。")
                                 << QStringLiteral("张女士，【{经办人}】会联系您。");
        QTest::newRow("full-width braces")
            << QStringLiteral("｛称呼｝您好，｛未知｝") << QStringLiteral("张女士您好，【{未知}】");
        QTest::newRow("already marked stays marked once")
            << QStringLiteral("请拨打【{电话}】。") << QStringLiteral("请拨打【{电话}】。");
        QTest::newRow("a marked known one is filled")
            << QStringLiteral("【{称呼}】您好") << QStringLiteral("张女士您好");
        QTest::newRow("empty braces and a lone brace") << QStringLiteral("{} {和") << QStringLiteral("{} {和");
        QTest::newRow("space inside is another name") << QStringLiteral("{ 称呼}") << QStringLiteral("【{ 称呼}】");
    }
    void fill()
    {
        QFETCH(QString, body);
        QFETCH(QString, expected);
        QCOMPARE(ScriptPlaceholders::fill(body, caseValues()), expected);
    }

    void emptyValuesStayVisible()
    {
        QHash<QString, QString> values = caseValues();
        values.insert(QStringLiteral("称呼"), QStringLiteral("  "));
        QCOMPARE(ScriptPlaceholders::fill(QStringLiteral("{称呼}您好"), values), QStringLiteral("【{称呼}】您好"));
    }

    void valuesAreNotExpandedAgain()
    {
        QHash<QString, QString> values = caseValues();
        values.insert(QStringLiteral("诉求"), QStringLiteral("请把{案件编号}发给我"));
        QCOMPARE(ScriptPlaceholders::fill(QStringLiteral("您希望{诉求}"), values),
                 QStringLiteral("您希望请把{案件编号}发给我"));
    }

    void aValueForAnUnknownNameIsNotUsed()
    {
        QHash<QString, QString> values = caseValues();
        values.insert(QStringLiteral("经办人"), QStringLiteral("李四"));
        QCOMPARE(ScriptPlaceholders::fill(QStringLiteral("{经办人}"), values), QStringLiteral("【{经办人}】"));
    }

    void fillingLaterCompletesAPartialFill()
    {
        const QString body = QStringLiteral("{称呼}，我们会在{承诺时间}前答复，电话{电话}。");
        const QHash<QString, QString> few{{QStringLiteral("称呼"), QStringLiteral("王先生")}};
        const QString partial = ScriptPlaceholders::fill(body, few);
        QCOMPARE(partial, QStringLiteral("王先生，我们会在【{承诺时间}】前答复，电话【{电话}】。"));
        QCOMPARE(ScriptPlaceholders::fill(partial, few), partial);
        QHash<QString, QString> all = caseValues();
        all.insert(QStringLiteral("电话"), QStringLiteral("12345"));
        QCOMPARE(ScriptPlaceholders::fill(partial, all),
                 QStringLiteral("王先生，我们会在12月2日17时前答复，电话12345。"));
    }

    void unknownIn()
    {
        QCOMPARE(ScriptPlaceholders::unknownIn(QStringLiteral("{称呼}{事项}{承诺时间}")), QStringList());
        QCOMPARE(ScriptPlaceholders::unknownIn(QStringLiteral("{经办人}，{称呼}，｛办结日期｝，{经办人}")),
                 (QStringList{QStringLiteral("经办人"), QStringLiteral("办结日期")}));
        QCOMPARE(ScriptPlaceholders::unknownIn(QStringLiteral("没有占位符 {} {")), QStringList());
    }
};

QTEST_APPLESS_MAIN(TestScriptPlaceholders)
#include "tst_scriptplaceholders.moc"
