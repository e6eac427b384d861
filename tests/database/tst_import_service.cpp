// imports (issue 13): ImportService over a real database (SQLite and PostgreSQL): rows, citizens, timeline, status
// and search; a re-import changes nothing; a rejected, broken or cancelled file writes nothing; --skip-bad; queue
// tickets per day; and a fixed-seed fuzz run whose every input leaves the database as it was.
#include "SqlSupport.h"
#include "TestDatabases.h"
#include "common/Clock.h"
#include "repositories/CaseRepository.h"
#include "risk/RiskScorer.h"
#include "services/ImportService.h"

#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTest>

namespace {
const QDateTime kNow(QDate(2026, 4, 1), QTime(12, 0));

QString write(const TestDatabase& t, const QString& name, const QByteArray& bytes)
{
    const QString path = t.dir() + QLatin1Char('/') + name;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(bytes);
    }
    return path;
}

const QString kCases =
    QStringLiteral("备注,渠道,受理时间,案件编号,类别,市民标识,摘要,办结时间,关闭时间,满意度,推荐度,转办次数\r\n"
                   "x,电话,2026/3/5 9:07,A-1,服务态度,13800138000,\"态度差,\"\"很\"\"\r\n生气\",2026-03-06 10:00,"
                   "2026-03-07T10:00:00,5,9,2\r\n"
                   "x,window,2026-03-05 10:00,A-2,新类别,110101199003071234,等太久,,,,,\r\n"
                   "x,online,2026-03-20 11:00,QT-20260320-0042,,138 0013 8000,again,2026-03-21 09:00,,,,\r\n");
} // namespace

class TestImportService : public QObject
{
    Q_OBJECT

private slots:
    void importsCases_data() { TestDatabase::addBackendRows(); }
    void importsCases();
    void scoresRisk_data() { TestDatabase::addBackendRows(); }
    void scoresRisk();
    void rejectsWriteNothing_data() { TestDatabase::addBackendRows(); }
    void rejectsWriteNothing();
    void queue_data() { TestDatabase::addBackendRows(); }
    void queue();
    void fuzzLeavesDatabase_data() { TestDatabase::addBackendRows(); }
    void fuzzLeavesDatabase();
};

void TestImportService::importsCases()
{
    QINGTING_TEST_DATABASE(t);
    QINGTING_OPEN_DATABASE(db, t);
    RawConnection raw(t);
    const FixedClock clock(kNow);
    ImportService service(Session::commandLine(), db->repositories(), clock);
    QStringEncoder gb("GB18030");
    const QString path = write(t, QStringLiteral("cases.csv"), QByteArray(gb.encode(kCases)));
    QList<qint64> progress;
    const auto report = service.run(path, {Import::Kind::Cases, false}, [&](qint64 done, qint64) { progress << done; });
    QINGTING_VERIFY_OK(report);
    QCOMPARE(report->encoding, Import::Encoding::Gb18030);
    QCOMPARE(report->records, 3);
    QCOMPARE(report->imported, 3);
    QVERIFY(report->committed);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM cases WHERE case_no = 'A-1'")).toString(),
             QStringLiteral("closed"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM cases WHERE case_no = 'QT-20260320-0042'")).toString(),
             QStringLiteral("resolved"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT transfer_count FROM cases WHERE case_no = 'A-1'")).toInt(), 2);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT rating FROM follow_ups")).toInt(), 5);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM case_events")).toInt(), 4 + 1 + 2);
    // One citizen by phone (two notations of one number), one by ID number.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM citizens")).toInt(), 2);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT citizen_id) FROM cases WHERE case_no <> 'A-2'")).toInt(),
             1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT id_number FROM citizens WHERE phone = ''")).toString(),
             QStringLiteral("110101199003071234"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM categories WHERE name = '新类别'")).toInt(), 1);
    QVERIFY(raw.scalar(QStringLiteral("SELECT due_at FROM cases WHERE case_no = 'A-2'")).toLongLong() > 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT last_no FROM case_counters WHERE day = '2026-03-20'")).toInt(), 42);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'import.cases'")).toInt(), 1);
    if (!t.isPostgres()) { // the run's settings are put back
        QCOMPARE(db->sqlContext().scalar(QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
        QCOMPARE(db->sqlContext().scalar(QStringLiteral("PRAGMA cache_size"))->toInt(), -2000);
    }
    // Searchable like a case from the desk.
    CaseQuery query;
    query.text = QStringLiteral("生气");
    const auto found = db->repositories().cases->list(query);
    QINGTING_VERIFY_OK(found);
    QCOMPARE(found->cases.size(), 1);

    // The same file again changes nothing, not even the audit log.
    const QString before = raw.dump();
    const auto again = service.run(path, {Import::Kind::Cases, false});
    QINGTING_VERIFY_OK(again);
    QCOMPARE(again->duplicates, 3);
    QCOMPARE(again->imported, 0);
    QVERIFY(!again->committed);
    QCOMPARE(raw.dump(), before);
}

void TestImportService::scoresRisk()
{
    // Every imported summary is scored like a case written at the desk (issue 16), with the file's own history for
    // the repeat signal; an import raises no alert and writes no RiskScored event.
    QINGTING_TEST_DATABASE(t);
    QINGTING_OPEN_DATABASE(db, t);
    RawConnection raw(t);
    const FixedClock clock(kNow);
    ImportService service(Session::commandLine(), db->repositories(), clock);
    const QString threat = QStringLiteral("再不解决我就发到抖音上曝光，还要找律师起诉你们");
    const QString negated = QStringLiteral("我不会去曝光的，只希望尽快把证件办好");
    const QString path = write(t, QStringLiteral("risk.csv"),
                               QStringLiteral("case_no,received_at,channel,citizen_key,summary\n"
                                              "R-1,2026-03-05 09:00,phone,13800138000,%1\n"
                                              "R-2,2026-03-05 10:00,window,,%2\n"
                                              "R-3,2026-03-01 10:00,window,138 0013 8000,排队太久\n")
                                   .arg(threat, negated)
                                   .toUtf8());
    const auto report = service.run(path, {Import::Kind::Cases, false});
    QINGTING_VERIFY_OK(report);
    QVERIFY(report->committed);
    const RiskResult expected =
        RiskScorer().score(RiskInput{threat, 1, Channel::Phone}); // R-3 (the same phone) came first
    QCOMPARE(expected.level, RiskLevel::High);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT risk_level FROM cases WHERE case_no = 'R-1'")).toString(),
             QStringLiteral("high"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT risk_score FROM cases WHERE case_no = 'R-1'")).toInt(), expected.score);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT risk_signals FROM cases WHERE case_no = 'R-1'")).toString(),
             expected.signalCodes().join(QLatin1Char(',')));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT risk_level FROM cases WHERE case_no = 'R-2'")).toString(),
             QStringLiteral("low"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT risk_signals FROM cases WHERE case_no = 'R-2'")).toString(), QString());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT risk_score FROM cases WHERE case_no = 'R-3'")).toInt(),
             RiskScorer().score(RiskInput{QStringLiteral("排队太久"), 0, Channel::Window}).score);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM risk_alerts")).toInt(), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = 'risk_scored'")).toInt(), 0);
}

void TestImportService::rejectsWriteNothing()
{
    QINGTING_TEST_DATABASE(t);
    QINGTING_OPEN_DATABASE(db, t);
    RawConnection raw(t);
    const FixedClock clock(kNow);
    ImportService service(Session::commandLine(), db->repositories(), clock);
    const QString before = raw.dump();
    const QString path = write(t, QStringLiteral("bad.csv"),
                               "case_no,received_at,channel,rating\nB-1,2026-03-05 09:00,phone,5\n"
                               "B-2,2026-03-05 09:00,phone,7\nB-1,2026-03-06 09:00,phone,\n");
    const auto report = service.run(path, {Import::Kind::Cases, false});
    QINGTING_VERIFY_OK(report);
    QCOMPARE(report->rejects.size(), 2);
    QCOMPARE(report->rejects[0].line, 3);
    QVERIFY(report->rejects[0].reason.contains(QLatin1String("rating \"7\"")));
    QCOMPARE(report->rejects[1].line, 4);
    QVERIFY(report->rejects[1].reason.contains(QLatin1String("line 2")));
    QVERIFY(!report->committed);
    QCOMPARE(raw.dump(), before);

    // Cancelled while writing: rolled back.
    const QString good =
        write(t, QStringLiteral("good.csv"), "case_no,received_at,channel\nC-1,2026-03-05 09:00,phone\n");
    int asked = 0;
    const auto cancelled = service.run(good, {Import::Kind::Cases, false}, {}, [&] { return ++asked > 1; });
    QINGTING_VERIFY_OK(cancelled);
    QVERIFY(cancelled->cancelled);
    QVERIFY(!cancelled->committed);
    QCOMPARE(raw.dump(), before);

    // --skip-bad: the good row, and the rejects saved with their lines, reasons and fields.
    const auto skipped = service.run(path, {Import::Kind::Cases, true});
    QINGTING_VERIFY_OK(skipped);
    QCOMPARE(skipped->imported, 1);
    QVERIFY(skipped->committed);
    const QString rejects = t.dir() + QStringLiteral("/bad.csv.rejects.csv");
    QINGTING_VERIFY_OK(ImportService::writeRejects(rejects, skipped->header, skipped->rejects));
    QFile f(rejects);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    QVERIFY(content.startsWith("\xEF\xBB\xBFline,reason,case_no,received_at,channel,rating\r\n3,"));
    QVERIFY(content.contains(",B-2,2026-03-05 09:00,phone,7\r\n4,"));
    // The rejects file is an import file itself: fix the rating and import it again (line and reason are extra
    // columns, ignored); B-2 comes in, B-1 is already there.
    QFile fixed(rejects);
    QVERIFY(fixed.open(QIODevice::WriteOnly | QIODevice::Truncate));
    fixed.write(QByteArray(content).replace(",B-2,2026-03-05 09:00,phone,7\r\n", ",B-2,2026-03-05 09:00,phone,5\r\n"));
    fixed.close();
    const auto again = service.run(rejects, {Import::Kind::Cases, false});
    QINGTING_VERIFY_OK(again);
    QCOMPARE(again->rejects.size(), 0);
    QCOMPARE(again->imported, 1);
    QCOMPARE(again->duplicates, 1);
    QVERIFY(again->committed);

    // A file the import cannot use: an error, nothing written.
    const QString afterSkip = raw.dump();
    for (const QByteArray& bytes : {QByteArray(), QByteArray("case_no,channel\nA,phone\n"),
                                    QByteArray("case_no,received_at,channel\n"), QByteArray("\x81\x20\n")}) {
        const auto r = service.run(write(t, QStringLiteral("x.csv"), bytes), {Import::Kind::Cases, true});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Invalid);
    }
    QVERIFY(!service.run(t.dir() + QStringLiteral("/missing.csv"), {Import::Kind::Cases, false}).ok());
    QCOMPARE(raw.dump(), afterSkip);
}

void TestImportService::queue()
{
    QINGTING_TEST_DATABASE(t);
    QINGTING_OPEN_DATABASE(db, t);
    RawConnection raw(t);
    const FixedClock clock(kNow);
    ImportService service(Session::commandLine(), db->repositories(), clock);
    const QString path = write(t, QStringLiteral("queue.csv"),
                               QStringLiteral("票号,事项,窗口,取号时间,叫号时间,办结时间\n"
                                              "A001,社保,1号窗口,2026-03-05 09:00,2026-03-05 09:20,2026-03-05 09:30\n"
                                              "A001,社保,,2026-03-06 09:00,,\n"
                                              "A002,新事项,,2026-03-05 09:05,2026-03-05 09:06,\n")
                                   .toUtf8());
    const auto report = service.run(path, {Import::Kind::Queue, false});
    QINGTING_VERIFY_OK(report);
    QCOMPARE(report->imported, 3);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_visits")).toInt(), 3);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM service_items WHERE name = '新事项'")).toInt(), 1);
    const QString dup =
        write(t, QStringLiteral("dup.csv"),
              "ticket,issued_at\nA001,2026-03-05 10:00\nA003,2026-03-05 10:00\nA003,2026-03-05 11:00\n");
    const auto second = service.run(dup, {Import::Kind::Queue, true});
    QINGTING_VERIFY_OK(second);
    QCOMPARE(second->duplicates, 1);
    QCOMPARE(second->imported, 1);
    QCOMPARE(second->rejects.size(), 1);
    QCOMPARE(second->rejects[0].line, 4);
}

void TestImportService::fuzzLeavesDatabase()
{
    QINGTING_TEST_DATABASE(t);
    QINGTING_OPEN_DATABASE(db, t);
    RawConnection raw(t);
    const FixedClock clock(kNow);
    ImportService service(Session::commandLine(), db->repositories(), clock);
    const QString before = raw.dump();
    QRandomGenerator rng(2026);
    const QByteArray base = "case_no,received_at,channel,summary\r\nF-1,2026-03-05 09:00,phone,\"a,b\"\r\n"
                            "F-2,2026-03-05 10:00,phone,x\r\n";
    const int runs = t.isPostgres() ? 60 : 300;
    for (int i = 0; i < runs; ++i) {
        QByteArray bytes = base;
        switch (i % 5) {
        case 0:
            bytes.resize(int(rng.bounded(1, 300)));
            for (char& c : bytes) {
                c = char(rng.bounded(256));
            }
            break;
        case 1: // a quote opened and never closed
            bytes.replace(QByteArray("F-2"), QByteArray(QByteArray("\"F-2") + QByteArray(int(rng.bounded(0, 5)), 'y')));
            break;
        case 2:
            bytes.insert(int(rng.bounded(40, int(bytes.size()))), '\0');
            break;
        case 3:
            bytes += "F-3,2026-03-05 11:00,phone,\xD6\xD0\x81\x20\r\n";
            break;
        default:
            bytes += "F-3,2026-03-05 11:00,phone,\"" +
                     QByteArray(2 * int(rng.bounded(0, 25)), '"'); // an odd number of quotes
            break;
        }
        const auto r = service.run(write(t, QStringLiteral("fuzz.csv"), bytes), {Import::Kind::Cases, false});
        QVERIFY2(!r.ok() || !r->rejects.isEmpty(),
                 qPrintable(QString::number(i) + QLatin1Char(' ') + QString::fromLatin1(bytes.toHex())));
        if (r.ok()) {
            QVERIFY(!r->committed);
            for (const auto& reject : r->rejects) {
                QVERIFY(reject.line >= 2 && !reject.reason.isEmpty());
            }
        } else {
            QVERIFY(!r.error().message.isEmpty());
        }
    }
    // A 10 MB field and 100,000 columns.
    const auto huge = service.run(
        write(t, QStringLiteral("huge.csv"),
              "case_no,received_at,channel,summary\nH,2026-03-05 09:00,phone,\"" + QByteArray(10 << 20, 'x') + "\"\n"),
        {Import::Kind::Cases, false});
    QINGTING_VERIFY_OK(huge);
    QCOMPARE(huge->rejects.size(), 1);
    QByteArray wide = "case_no,received_at,channel";
    for (int i = 0; i < 100000; ++i) {
        wide += ",x";
    }
    const auto columns = service.run(write(t, QStringLiteral("wide.csv"), wide + "\nW,2026-03-05 09:00,phone\n"),
                                     {Import::Kind::Cases, false});
    QVERIFY(!columns.ok());
    QCOMPARE(raw.dump(), before);
}

QTEST_GUILESS_MAIN(TestImportService)
#include "tst_import_service.moc"
