#include "common/DateTimeText.h"

#include <QTest>

/** The date and time notations of CLI.md and FORMATS.md. */
class TestDateTimeText : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheAllowedForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime t(QDate(2026, 2, 3), QTime(9, 5));
        QTest::newRow("space, no seconds") << QStringLiteral("2026-02-03 09:05") << t;
        QTest::newRow("T") << QStringLiteral("2026-02-03T09:05") << t;
        QTest::newRow("slashes") << QStringLiteral("2026/02/03 09:05") << t;
        QTest::newRow("seconds") << QStringLiteral("2026-02-03 09:05:07") << t.addSecs(7);
        QTest::newRow("single digits") << QStringLiteral("2026/2/3 9:05") << t;
    }

    void parsesTheAllowedForms()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(DateTimeText::parseDateTime(text), std::optional<QDateTime>(expected));
    }

    void rejectsNonsense()
    {
        QVERIFY(!DateTimeText::parseDateTime(QStringLiteral("2026-02-30 10:00")).has_value());
        QVERIFY(!DateTimeText::parseDateTime(QStringLiteral("2026-02-03 25:00")).has_value());
        QVERIFY(!DateTimeText::parseDateTime(QStringLiteral("yesterday")).has_value());
        QVERIFY(!DateTimeText::parseDate(QStringLiteral("2026-13-01")).has_value());
        QCOMPARE(DateTimeText::parseDate(QStringLiteral("2026-12-01")), std::optional<QDate>(QDate(2026, 12, 1)));
    }

    void formatsWithSeconds()
    {
        QCOMPARE(DateTimeText::format(QDateTime(QDate(2026, 10, 10), QTime(23, 59, 59))),
                 QStringLiteral("2026-10-10 23:59:59"));
    }
};

QTEST_APPLESS_MAIN(TestDateTimeText)
#include "tst_datetimetext.moc"
