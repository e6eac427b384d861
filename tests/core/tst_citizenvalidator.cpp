#include "cases/CitizenValidator.h"

#include <QTest>

/** Contact data checks before personal data is stored. */
class TestCitizenValidator : public QObject
{
    Q_OBJECT

private slots:
    void phones_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<bool>("ok");
        QTest::newRow("mobile") << QStringLiteral("13812345678") << true;
        QTest::newRow("mobile +86") << QStringLiteral("+86 13812345678") << true;
        QTest::newRow("landline with area code") << QStringLiteral("010-62345678") << true;
        QTest::newRow("landline with extension") << QStringLiteral("0755-2345678-801") << true;
        QTest::newRow("local landline") << QStringLiteral("62345678") << true;
        QTest::newRow("too short mobile") << QStringLiteral("1381234567") << false;
        QTest::newRow("mobile starting 12") << QStringLiteral("12812345678") << false;
        QTest::newRow("letters") << QStringLiteral("call me") << false;
    }

    void phones()
    {
        QFETCH(QString, phone);
        QFETCH(bool, ok);
        QCOMPARE(CitizenValidator::isPlausiblePhone(phone), ok);
    }

    void residentIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("ok");
        // Check characters computed by ISO 7064 MOD 11-2 (GB 11643-1999).
        QTest::newRow("valid, digit check") << QStringLiteral("11010519491231002X") << true;
        QTest::newRow("valid, lowercase x") << QStringLiteral("11010519491231002x") << true;
        QTest::newRow("valid") << QStringLiteral("440524188001010014") << true;
        QTest::newRow("wrong check") << QStringLiteral("440524188001010015") << false;
        QTest::newRow("17 digits") << QStringLiteral("44052418800101001") << false;
        QTest::newRow("15-digit old format") << QStringLiteral("440524800101001") << false;
    }

    void residentIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, ok);
        QCOMPARE(CitizenValidator::isValidResidentId(id), ok);
    }

    void problemsAreListedAndEmptyFieldsAreFine()
    {
        QVERIFY(CitizenValidator::problems(Citizen{}).isEmpty());
        Citizen c;
        c.name = QStringLiteral("张三");
        c.phone = QStringLiteral("12345");
        c.idNumber = QStringLiteral("440524188001010015");
        QCOMPARE(CitizenValidator::problems(c).size(), 2);
    }
};

QTEST_APPLESS_MAIN(TestCitizenValidator)
#include "tst_citizenvalidator.moc"
