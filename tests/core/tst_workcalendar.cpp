#include "calendar/WorkCalendar.h"

#include <QFile>
#include <QTest>

/** Working days under the official 2025/2026 arrangements, and the deadline rule of CLI.md. */
class TestWorkCalendar : public QObject
{
    Q_OBJECT

private:
    WorkCalendar m_calendar;

private slots:
    void initTestCase()
    {
        QList<CalendarDay> all;
        for (const char* year : {"2025", "2026"}) {
            QFile f(QStringLiteral(QINGTING_TEST_DATA_DIR "/calendars/cn-holidays-%1.csv").arg(QLatin1String(year)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto days = WorkCalendar::parseCsv(f.readAll());
            QVERIFY2(days.ok(), days.ok() ? "" : qPrintable(days.error().message));
            all += *days;
        }
        m_calendar = WorkCalendar(all);
        QCOMPARE(m_calendar.years(), (QList<int>{2025, 2026}));
    }

    void workingDays_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("working");
        QTest::newRow("ordinary Monday") << QDate(2026, 3, 2) << true;
        QTest::newRow("ordinary Saturday") << QDate(2026, 3, 7) << false;
        QTest::newRow("New Year holiday (Friday)") << QDate(2026, 1, 2) << false;
        QTest::newRow("make-up Sunday after New Year") << QDate(2026, 1, 4) << true;
        QTest::newRow("Spring Festival make-up Saturday") << QDate(2026, 2, 14) << true;
        QTest::newRow("Spring Festival weekday") << QDate(2026, 2, 18) << false;
        QTest::newRow("National Day") << QDate(2026, 10, 1) << false;
        QTest::newRow("make-up Saturday after National Day") << QDate(2026, 10, 10) << true;
        QTest::newRow("2025 Spring Festival make-up Sunday") << QDate(2025, 1, 26) << true;
        QTest::newRow("2025 Labour Day") << QDate(2025, 5, 2) << false;
    }

    void workingDays()
    {
        QFETCH(QDate, date);
        QFETCH(bool, working);
        QVERIFY(m_calendar.covers(date));
        QCOMPARE(m_calendar.isWorkingDay(date), working);
    }

    void deadlines_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<int>("days");
        QTest::addColumn<QDateTime>("due");
        QTest::newRow("plain week") << QDateTime(QDate(2026, 3, 2), QTime(9, 0)) << 3
                                    << QDateTime(QDate(2026, 3, 5), QTime(23, 59, 59));
        QTest::newRow("over a weekend") << QDateTime(QDate(2026, 3, 6), QTime(9, 0)) << 1
                                        << QDateTime(QDate(2026, 3, 9), QTime(23, 59, 59));
        QTest::newRow("start date never counts, even at midnight")
            << QDateTime(QDate(2026, 3, 2), QTime(0, 0)) << 1 << QDateTime(QDate(2026, 3, 3), QTime(23, 59, 59));
        QTest::newRow("across National Day to a make-up Saturday")
            << QDateTime(QDate(2026, 9, 30), QTime(10, 0)) << 3 << QDateTime(QDate(2026, 10, 10), QTime(23, 59, 59));
        QTest::newRow("Friday before Spring Festival to make-up Saturday")
            << QDateTime(QDate(2026, 2, 13), QTime(16, 0)) << 1 << QDateTime(QDate(2026, 2, 14), QTime(23, 59, 59));
        QTest::newRow("15 working days for a bad review")
            << QDateTime(QDate(2026, 9, 21), QTime(10, 0)) << 15 << QDateTime(QDate(2026, 10, 19), QTime(23, 59, 59));
        QTest::newRow("zero days: the end of the start's own day")
            << QDateTime(QDate(2026, 3, 2), QTime(9, 0)) << 0 << QDateTime(QDate(2026, 3, 2), QTime(23, 59, 59));
        QTest::newRow("across the year boundary to a make-up Sunday")
            << QDateTime(QDate(2025, 12, 30), QTime(9, 0)) << 2 << QDateTime(QDate(2026, 1, 4), QTime(23, 59, 59));
    }

    void deadlines()
    {
        QFETCH(QDateTime, start);
        QFETCH(int, days);
        QFETCH(QDateTime, due);
        const auto result = m_calendar.addWorkingDays(start, days);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
        QCOMPARE(result.value(), due);
    }

    void refusesToGuessBeyondTheCalendar()
    {
        const auto late = m_calendar.addWorkingDays(QDateTime(QDate(2026, 12, 30), QTime(9, 0)), 5);
        QVERIFY(!late.ok());
        QVERIFY(late.error().message.contains(QLatin1String("2027")));
        QVERIFY(!m_calendar.addWorkingDays(QDateTime(QDate(2024, 6, 3), QTime(9, 0)), 1).ok());
        QVERIFY(!m_calendar.addWorkingDays(QDateTime(QDate(2026, 6, 3), QTime(9, 0)), -1).ok());
    }

    void badCsvIsReportedLineByLine()
    {
        const auto result = WorkCalendar::parseCsv("date,kind,name\n2026-01-01,holiday,元旦\n2026-13-01,holiday,"
                                                   "x\n2026-01-02,vacation,y\n2026-01-01,workday,z\n");
        QVERIFY(!result.ok());
        const QString message = result.error().message;
        QVERIFY(message.contains(QLatin1String("line 3")));
        QVERIFY(message.contains(QLatin1String("line 4")));
        QVERIFY(message.contains(QLatin1String("line 5")));
    }

    void bomAndCrLfAreAccepted()
    {
        const auto result = WorkCalendar::parseCsv("\xEF\xBB\xBF"
                                                   "date,kind,name\r\n2027-02-06,workday,春节调休上班\r\n");
        QVERIFY(result.ok());
        QCOMPARE(result->size(), 1);
        QCOMPARE(result->first().kind, CalendarDay::Kind::Workday);
        QCOMPARE(result->first().name, QStringLiteral("春节调休上班"));
    }
};

QTEST_APPLESS_MAIN(TestWorkCalendar)
#include "tst_workcalendar.moc"
