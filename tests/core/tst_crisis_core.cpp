// Crisis mode's domain (issue 16 part B): the golden-hours clock, the checklist and statement codes, the statement
// templates (data) and the check of a statement before it is published (reply checker + personal data).

#include "audit/AuditActions.h"
#include "crisis/Crisis.h"
#include "crisis/CrisisStatements.h"

#include <QTest>

namespace {
QDateTime at(const char* text)
{
    return QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

Citizen zhang()
{
    Citizen c;
    c.id = 7;
    c.name = QStringLiteral("张建国");
    c.phone = QStringLiteral("138-0013-8000");
    c.idNumber = QStringLiteral("11010519491231002X");
    c.address = QStringLiteral("阳光小区3栋2单元501室");
    return c;
}

CrisisDetail twoCases()
{
    CrisisDetail d;
    CrisisCase a;
    a.caseId = 1;
    a.caseNo = QStringLiteral("QT-20261130-0042");
    a.serviceItem = QStringLiteral("社保业务");
    CrisisCase b = a;
    b.caseId = 2;
    b.caseNo = QStringLiteral("QT-20261130-0043");
    d.cases = {a, b};
    return d;
}
} // namespace

class TestCrisisCore : public QObject
{
    Q_OBJECT

private slots:
    void clockRunsInWallClockHours()
    {
        GoldenClock clock{at("2026-11-30 16:30:00"), 4, {}};
        // Wall-clock hours: 16:30 + 4 h is 20:30 the same evening, after working hours.
        QCOMPARE(clock.deadline(), at("2026-11-30 20:30:00"));
        QCOMPARE(clock.remainingSeconds(at("2026-11-30 16:30:00")), 4 * 3600);
        QCOMPARE(clock.remainingSeconds(at("2026-11-30 19:29:59")), 3601);
        QVERIFY(!clock.isUrgent(at("2026-11-30 19:29:59")));
        QVERIFY(clock.isUrgent(at("2026-11-30 19:30:01")));
        QVERIFY(!clock.isOverdue(at("2026-11-30 20:30:00")));
        QVERIFY(clock.isOverdue(at("2026-11-30 20:30:01")));
        QCOMPARE(clock.remainingSeconds(at("2026-11-30 21:00:00")), -1800);
        QCOMPARE(GoldenClock::format(4 * 3600), QStringLiteral("4:00:00"));
        QCOMPARE(GoldenClock::format(3601), QStringLiteral("1:00:01"));
        QCOMPARE(GoldenClock::format(-1800), QStringLiteral("\u22120:30:00"));
    }

    void strictClockIsOneHour()
    {
        GoldenClock clock{at("2026-11-30 09:00:00"), 1, {}};
        QCOMPARE(clock.deadline(), at("2026-11-30 10:00:00"));
        // Red under an hour: the strict clock turns red after its first second.
        QVERIFY(!clock.isUrgent(at("2026-11-30 09:00:00")));
        QVERIFY(clock.isUrgent(at("2026-11-30 09:00:01")));
    }

    void firstStatementStopsTheClock()
    {
        GoldenClock clock{at("2026-11-30 09:00:00"), 4, at("2026-11-30 10:15:00")};
        QVERIFY(clock.isStopped());
        // The time left is frozen at the statement, whatever the time now.
        QCOMPARE(clock.remainingSeconds(at("2026-11-30 10:15:00")), 2 * 3600 + 45 * 60);
        QCOMPARE(clock.remainingSeconds(at("2026-12-05 10:00:00")), 2 * 3600 + 45 * 60);
        QVERIFY(!clock.isOverdue(at("2026-12-05 10:00:00")));
        QVERIFY(!clock.isUrgent(at("2026-12-05 10:00:00")));
        // A statement after the deadline: stopped, and late.
        GoldenClock late{at("2026-11-30 09:00:00"), 1, at("2026-11-30 10:20:00")};
        QVERIFY(late.isOverdue(at("2026-11-30 12:00:00")));
        QCOMPARE(late.remainingSeconds(at("2026-11-30 12:00:00")), -20 * 60);
    }

    void codesRoundTrip()
    {
        QCOMPARE(CrisisSteps::all().size(), 5);
        QStringList codes;
        for (CrisisStep s : CrisisSteps::all()) {
            QCOMPARE(CrisisSteps::fromCode(CrisisSteps::code(s)), std::optional<CrisisStep>(s));
            QVERIFY(!CrisisSteps::label(s).isEmpty());
            QVERIFY(!CrisisSteps::storedName(s).isEmpty());
            codes << CrisisSteps::code(s);
        }
        QCOMPARE(codes, (QStringList{QStringLiteral("assess_impact"), QStringLiteral("name_spokesperson"),
                                     QStringLiteral("agree_statement"), QStringLiteral("involve_legal"),
                                     QStringLiteral("inform_leadership")}));
        QVERIFY(!CrisisSteps::fromCode(QStringLiteral("assess")));
        for (StatementKind k : StatementKinds::all()) {
            QCOMPARE(StatementKinds::fromCode(StatementKinds::code(k)), std::optional<StatementKind>(k));
        }
        QCOMPARE(StatementKinds::code(StatementKind::PublicReply), QStringLiteral("public_reply"));
    }

    void everyCrisisActionHasALabel()
    {
        for (const char* action : {"crisis.open", "crisis.step", "crisis.statement", "crisis.close", "crisis.review"}) {
            const QString code = QString::fromLatin1(action);
            QVERIFY2(AuditActions::label(code) != code, action);
        }
    }

    void templatesAreDataAndPassTheirOwnCheck()
    {
        const QList<CrisisTemplate> templates = CrisisTemplates::builtIn();
        QVERIFY(templates.size() >= 4);
        int holding = 0;
        int reply = 0;
        const StatementChecker checker(ReplyChecker::defaultRules(), {zhang()});
        const auto values = CrisisTemplates::values(twoCases(), QStringLiteral("高新区政务服务中心"));
        QCOMPARE(values.value(QStringLiteral("案件编号")), QStringLiteral("QT-20261130-0042、QT-20261130-0043"));
        QCOMPARE(values.value(QStringLiteral("事项")), QStringLiteral("社保业务"));
        for (const CrisisTemplate& t : templates) {
            (t.kind == StatementKind::Holding ? holding : reply) += 1;
            const QString text = CrisisTemplates::fill(t.body, values);
            QVERIFY2(!text.contains(QStringLiteral("【{")), qPrintable(text));
            const StatementCheck check = checker.check(text);
            QVERIFY2(check.publishable(), qPrintable(t.code + QStringLiteral(": ") + check.refusal()));
            // Empathy and a private channel: the checker finds no missing empathy.
            for (const ReplyFinding& f : check.findings) {
                QVERIFY2(f.kind != ReplyFindingKind::MissingEmpathy, qPrintable(t.code));
            }
            QVERIFY2(text.contains(QStringLiteral("一对一")) || text.contains(QStringLiteral("单独")) ||
                         text.contains(QStringLiteral("私下")) || text.contains(QStringLiteral("当面")),
                     qPrintable(t.code));
        }
        QVERIFY(holding >= 2);
        QVERIFY(reply >= 2);
    }

    void templateFileIsValidated()
    {
        QString error;
        QVERIFY(CrisisTemplates::fromJson("{", &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(
            CrisisTemplates::fromJson(R"({"templates":[{"code":"x","kind":"tweet","title":"t","body":"b"}]})", &error)
                .isEmpty());
        QVERIFY(CrisisTemplates::fromJson(
                    R"({"templates":[{"code":"x","kind":"holding","title":"t","body":"您好{不存在}"}]})", &error)
                    .isEmpty());
        QVERIFY(error.contains(QStringLiteral("不存在")));
        QCOMPARE(CrisisTemplates::fromJson(
                     R"({"templates":[{"code":"x","kind":"holding","title":"t","body":"您好{事项}"}]})", &error)
                     .size(),
                 1);
        QVERIFY(error.isEmpty());
    }

    void personalDataRefusesPublication_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("found");
        QTest::newRow("citizen's name") << QStringLiteral("对张建国反映的问题，我们深表歉意，已安排专人一对一沟通。")
                                        << QStringLiteral("张建国");
        QTest::newRow("citizen's phone") << QStringLiteral("我们深表歉意，已致电13800138000与当事群众沟通。")
                                         << QStringLiteral("13800138000");
        QTest::newRow("citizen's ID") << QStringLiteral("感谢监督，当事人身份证11010519491231002X已核实。")
                                      << QStringLiteral("11010519491231002X");
        QTest::newRow("citizen's address")
            << QStringLiteral("感谢监督，我们已上门到阳光小区3栋2单元501室当面致歉。") << QStringLiteral("阳光小区");
        QTest::newRow("another phone") << QStringLiteral("感谢监督，如有疑问请联系13912345678。")
                                       << QStringLiteral("13912345678");
        QTest::newRow("a name with a title")
            << QStringLiteral("对李女士反映的问题，我们深表歉意。") << QStringLiteral("李女士");
    }

    void personalDataRefusesPublication()
    {
        QFETCH(QString, text);
        QFETCH(QString, found);
        const StatementChecker checker(ReplyChecker::defaultRules(), {zhang()});
        const StatementCheck check = checker.check(text);
        QVERIFY(!check.personal.isEmpty());
        QVERIFY(!check.publishable());
        QVERIFY2(check.refusal().contains(found), qPrintable(check.refusal()));
    }

    void otherRefusals()
    {
        const StatementChecker checker(ReplyChecker::defaultRules(), {zhang()});
        QVERIFY(!checker.check(QStringLiteral("   ")).publishable());
        const StatementCheck unfilled =
            checker.check(CrisisTemplates::fill(QStringLiteral("关于{事项}的反映，感谢监督。"), {}));
        QCOMPARE(unfilled.unfilled, QStringList{QStringLiteral("{事项}")});
        QVERIFY(unfilled.refusal().contains(QStringLiteral("{事项}")));
        // Defensive words in a public statement are refused, with the words.
        const StatementCheck defensive =
            checker.check(QStringLiteral("感谢关注。这件事不归我们管，请当事人自己去找社保局吧。"));
        QVERIFY(!defensive.publishable());
        QVERIFY2(defensive.refusal().contains(QStringLiteral("不归我们管")), qPrintable(defensive.refusal()));
        // The hotline, dates and case numbers are not personal data.
        const StatementCheck fine = checker.check(QStringLiteral(
            "感谢大家的监督，对当事群众的不便深表歉意。受理编号QT-20261130-0042的情况已安排专人一对一沟通，"
            "12月1日前公布进展，也可拨打12345热线反映。"));
        QVERIFY2(fine.personal.isEmpty(), qPrintable(fine.refusal()));
        QVERIFY2(fine.publishable(), qPrintable(fine.refusal()));
    }
};

QTEST_APPLESS_MAIN(TestCrisisCore)
#include "tst_crisis_core.moc"
