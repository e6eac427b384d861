#include "TestDatabases.h"
#include "TestFixtures.h"
#include "common/Clock.h"
#include "repositories/AuditRepository.h"
#include "services/CalendarService.h"

#include <QTest>

/** Importing a year's holiday arrangement: admins only, all or nothing, audited, and deadlines follow it. */
class TestCalendarService : public QObject
{
    Q_OBJECT

private:
    const FixedClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(9, 0))};
    /** An administrator account in the database (services re-check the account at every call). */
    static Session admin(const Repositories& repos)
    {
        return Fixtures::addUser(repos, QStringLiteral("admin"), Role::Admin);
    }

    // A plausible 2027 fragment for the tests only (not the official arrangement, which is not published yet).
    static QByteArray year2027()
    {
        return "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节调休上班\n2027-02-08,holiday,春节\n";
    }

private slots:
    void importExtendsTheCalendar_data() { TestDatabase::addBackendRows(); }
    void importExtendsTheCalendar()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        CalendarService calendar(admin(db->repositories()), db->repositories(), m_clock);
        const auto before = calendar.calendar();
        QINGTING_VERIFY_OK(before);
        QVERIFY(!before->covers(QDate(2027, 1, 4)));
        QVERIFY(!before->addWorkingDays(QDateTime(QDate(2026, 12, 31), QTime(10, 0)), 2).ok());

        const auto years = calendar.importCsv(year2027());
        QINGTING_VERIFY_OK(years);
        QCOMPARE(*years, QList<int>{2027});
        const auto after = calendar.calendar();
        QINGTING_VERIFY_OK(after);
        QCOMPARE(after->years(), (QList<int>{2025, 2026, 2027}));
        QVERIFY(after->isWorkingDay(QDate(2027, 2, 6)));
        QVERIFY(!after->isWorkingDay(QDate(2027, 2, 8)));
        // 2026-12-31 + 2 working days: New Year's Day and the weekend are skipped.
        QCOMPARE(after->addWorkingDays(QDateTime(QDate(2026, 12, 31), QTime(10, 0)), 2).value(),
                 QDateTime(QDate(2027, 1, 5), QTime(23, 59, 59)));

        const auto audit = db->repositories().audit->latest(1);
        QINGTING_VERIFY_OK(audit);
        QCOMPARE(audit->first().action, QStringLiteral("calendar.import"));
        QCOMPARE(audit->first().actor, QStringLiteral("admin"));
        QVERIFY(audit->first().detail.contains(QLatin1String("2027")));
    }

    void importReplacesAWholeYear_data() { TestDatabase::addBackendRows(); }
    void importReplacesAWholeYear()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        CalendarService calendar(admin(db->repositories()), db->repositories(), m_clock);
        QINGTING_VERIFY_OK(calendar.importCsv(year2027()));
        QINGTING_VERIFY_OK(calendar.importCsv("date,kind,name\n2027-10-01,holiday,国庆节\n"));
        const auto days = calendar.days(2027);
        QINGTING_VERIFY_OK(days);
        QCOMPARE(days->size(), 1);
        QCOMPARE(days->first().date, QDate(2027, 10, 1));
        const auto untouched = calendar.days(2026);
        QINGTING_VERIFY_OK(untouched);
        QCOMPARE(untouched->size(), 39);
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("csv");
        const QList<std::pair<const char*, QByteArray>> cases = {
            {"unknown kind", "date,kind,name\n2027-01-01,vacation,x\n"},
            {"impossible date", "date,kind,name\n2027-02-30,holiday,x\n"},
            {"weekday as make-up day", "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-10,workday,x\n"},
            {"duplicate date", "date,kind,name\n2027-01-01,holiday,a\n2027-01-01,holiday,b\n"},
            {"no rows", "date,kind,name\n"},
        };
        for (const char* backend : {"sqlite", "postgres"}) {
            for (const auto& [name, csv] : cases) {
                QTest::addRow("%s: %s", backend, name) << QString::fromLatin1(backend) << csv;
            }
        }
    }
    void badInputWritesNothing()
    {
        QFETCH(QByteArray, csv);
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        CalendarService calendar(admin(db->repositories()), db->repositories(), m_clock);
        const QString before = raw.dump();
        const auto result = calendar.importCsv(csv);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Invalid);
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(raw.dump(), before);
    }

    void onlyAdminsImport_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("clerk") << int(Role::Clerk);
        QTest::newRow("supervisor") << int(Role::Supervisor);
        QTest::newRow("trainer") << int(Role::Trainer);
    }
    void onlyAdminsImport()
    {
        QFETCH(int, role);
        TestDatabase scratch(QStringLiteral("sqlite"));
        QINGTING_OPEN_DATABASE(db, scratch);
        RawConnection raw(scratch);
        CalendarService calendar(Fixtures::addUser(db->repositories(), QStringLiteral("u"), Role(role)),
                                 db->repositories(), m_clock);
        const QString before = raw.dump();
        const auto result = calendar.importCsv(year2027());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::PermissionDenied);
        QCOMPARE(raw.dump(), before);
        QINGTING_VERIFY_OK(calendar.days(2026)); // reading stays open to everyone: deadlines need it
    }
};

QTEST_GUILESS_MAIN(TestCalendarService)
#include "tst_calendar_service.moc"
