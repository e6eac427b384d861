#include "Database.h"
#include "SqlDemoWriter.h"
#include "TestDatabases.h"
#include "common/Clock.h"
#include "repositories/AuditRepository.h"
#include "services/DemoService.h"
#include "users/PasswordHasher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QProcess>
#include <QSet>
#include <QTest>

/**
 * `qingting-cli demo` run as a process on scratch databases (SQLite, and PostgreSQL when QINGTING_TEST_PG is set):
 * determinism, refusal and --append, timelines that agree with their cases, the holiday calendar, queue visits,
 * variety of the texts, and `verify` afterwards.
 */
class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    void usageErrors_data();
    void usageErrors();
    void generatesConsistentData_data() { TestDatabase::addBackendRows(); }
    void generatesConsistentData();
    void sameSeedSameData_data() { TestDatabase::addBackendRows(); }
    void sameSeedSameData();
    void refusesFilledDatabaseAndAppends_data() { TestDatabase::addBackendRows(); }
    void refusesFilledDatabaseAndAppends();
    void warnsOutsideTheCalendar();
    void cancelKeepsCommittedBatchesAndAudits();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run cli(const QStringList& args);
    static QStringList target(const TestDatabase& db)
    {
        return db.isPostgres() ? QStringList{QStringLiteral("--pg"), db.postgresUrl()}
                               : QStringList{QStringLiteral("--db"), db.sqlitePath()};
    }
    static Run demo(const TestDatabase& db, const QStringList& options)
    {
        return cli(target(db) + QStringList{QStringLiteral("demo")} + options);
    }
    /** SHA-256 over every row of every table the demo writes (not the audit log, whose times are the run's). */
    static QByteArray dataHash(RawConnection& raw);
};

namespace {
QString describe(const QString& what, int exitCode, const QString& out, const QString& err)
{
    return QStringLiteral("%1: exit %2\nstdout: %3\nstderr: %4").arg(what).arg(exitCode).arg(out, err);
}

const QStringList kOptions2025{QStringLiteral("--days"), QStringLiteral("60"), QStringLiteral("--end"),
                               QStringLiteral("2025-10-20")};

QDate localDate(qint64 t)
{
    return QDateTime::fromSecsSinceEpoch(t).date();
}
} // namespace

#define VERIFY_EXIT(run, code)                                                                                         \
    QVERIFY2((run).exitCode == (code), qPrintable(describe(QStringLiteral(#run), (run).exitCode, (run).out, (run).err)))

TestDemo::Run TestDemo::cli(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QINGTING_PG"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(QINGTING_CLI), args);
    Run run;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(5000);
        run.err = QStringLiteral("qingting-cli did not finish");
        return run;
    }
    run.exitCode = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

QByteArray TestDemo::dataHash(RawConnection& raw)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList queries{
        QStringLiteral("SELECT login, display_name, role, password_hash, active, created_at FROM users ORDER BY id"),
        QStringLiteral("SELECT * FROM citizens ORDER BY id"),
        QStringLiteral("SELECT * FROM cases ORDER BY id"),
        QStringLiteral("SELECT * FROM case_events ORDER BY id"),
        QStringLiteral("SELECT * FROM follow_ups ORDER BY id"),
        QStringLiteral("SELECT * FROM queue_visits ORDER BY id"),
        QStringLiteral("SELECT * FROM case_counters ORDER BY day"),
    };
    for (const QString& q : queries) {
        hash.addData(q.toUtf8());
        for (const QVariantList& row : raw.rows(q)) {
            for (const QVariant& v : row) {
                hash.addData(v.isNull() ? QByteArrayLiteral("\x01NULL") : v.toString().toUtf8());
                hash.addData(QByteArrayLiteral("\x1f"));
            }
            hash.addData(QByteArrayLiteral("\x1e"));
        }
    }
    return hash.result().toHex();
}

void TestDemo::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no --cases") << QStringList{};
    QTest::newRow("cases not a number") << QStringList{QStringLiteral("--cases"), QStringLiteral("many")};
    QTest::newRow("zero cases") << QStringList{QStringLiteral("--cases"), QStringLiteral("0")};
    QTest::newRow("zero days") << QStringList{QStringLiteral("--cases"), QStringLiteral("5"), QStringLiteral("--days"),
                                              QStringLiteral("0")};
    QTest::newRow("bad end") << QStringList{QStringLiteral("--cases"), QStringLiteral("5"), QStringLiteral("--end"),
                                            QStringLiteral("2025-02-30")};
    QTest::newRow("future end") << QStringList{QStringLiteral("--cases"), QStringLiteral("5"), QStringLiteral("--end"),
                                               QDate::currentDate().addDays(2).toString(Qt::ISODate)};
    QTest::newRow("bad seed") << QStringList{QStringLiteral("--cases"), QStringLiteral("5"), QStringLiteral("--seed"),
                                             QStringLiteral("-1")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--cases"), QStringLiteral("5"),
                                                   QStringLiteral("--colour"), QStringLiteral("red")};
}

void TestDemo::usageErrors()
{
    QFETCH(QStringList, args);
    TestDatabase scratch(QStringLiteral("sqlite"));
    const Run run = demo(scratch, args);
    VERIFY_EXIT(run, 2);
    QVERIFY(!QFile::exists(scratch.sqlitePath()));
}

void TestDemo::generatesConsistentData()
{
    QINGTING_TEST_DATABASE(scratch);
    const int n = scratch.isPostgres() ? 600 : 2000; // PostgreSQL writes row by row over the network: fewer
    const Run run = demo(scratch, QStringList{QStringLiteral("--cases"), QString::number(n)} + kOptions2025);
    VERIFY_EXIT(run, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("cases %1, events ").arg(n)), qPrintable(run.out));
    QVERIFY(run.err.contains(QLatin1String("demo:")));
    VERIFY_EXIT(cli(target(scratch) + QStringList{QStringLiteral("verify")}), 0);
    // Searchable and sortable like any case: the list's search index and sort keys were written.
    const Run search =
        cli(target(scratch) + QStringList{QStringLiteral("cases"), QStringLiteral("--search"), QStringLiteral("态度"),
                                          QStringLiteral("--limit"), QStringLiteral("5")});
    VERIFY_EXIT(search, 0);
    QCOMPARE(search.out.count(QLatin1Char('\n')), 5);
    QVERIFY(search.out.contains(QStringLiteral("态度")));

    // The index rows the writer made with each batch find exactly what an index rebuilt from the stored text finds.
    const QStringList terms{QStringLiteral("态度"),    QStringLiteral("慢"),   QStringLiteral("收费标准"),
                            QStringLiteral("QT-2025"), QStringLiteral("0012"), QStringLiteral("窗口")};
    auto allFound = [&](const QString& term) {
        const Run r = cli(target(scratch) + QStringList{QStringLiteral("cases"), QStringLiteral("--search"), term,
                                                        QStringLiteral("--limit"), QString::number(n)});
        return r.exitCode == 0 ? r.out : QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err);
    };
    QStringList written;
    for (const QString& term : terms) {
        written << allFound(term);
        QVERIFY2(!written.constLast().startsWith(QLatin1String("exit")), qPrintable(written.constLast()));
    }
    QVERIFY(written.first().count(QLatin1Char('\n')) > 5);

    RawConnection raw(scratch);
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    QCOMPARE(raw.exec(QStringLiteral("UPDATE qingting_meta SET value = 'rebuild' WHERE key = 'search_index'")),
             QString());
    for (int i = 0; i < terms.size(); ++i) {
        QCOMPARE(allFound(terms[i]), written[i]);
    }
    QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM qingting_meta WHERE key = 'search_index'")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases")).toInt(), n);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE category_name = '' OR status_rank < 0 OR "
                                       "(open_due_at IS NOT NULL) <> (status IN ('received', 'acknowledged', "
                                       "'in_progress'))"))
                 .toInt(),
             0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT case_no) FROM cases")).toInt(), n);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'demo.generate'")).toInt(), 1);

    // The official calendar: no window or phone case on a day off, some on a 调休 Sunday, online ones on holidays.
    QSet<QDate> holidays;
    QSet<QDate> workdays;
    for (const QVariantList& row : raw.rows(QStringLiteral("SELECT day, kind FROM holiday_calendar"))) {
        (row[1].toString() == QLatin1String("holiday") ? holidays : workdays)
            .insert(QDate::fromString(row[0].toString(), Qt::ISODate));
    }
    QVERIFY(workdays.contains(QDate(2025, 9, 28)));
    int onMakeUpDay = 0;
    int onlineOnHolidays = 0;
    QHash<QString, int> statuses;
    QSet<QString> channels;
    QSet<QString> texts;
    int anonymous = 0;
    int overdue = 0;
    const qint64 asOf = QDateTime(QDate(2025, 10, 20), QTime(23, 59, 59)).toSecsSinceEpoch();
    const auto cases = raw.rows(QStringLiteral(
        "SELECT id, status, channel, received_at, acknowledged_at, answered_at, resolved_at, followed_up_at, "
        "closed_at, due_at, updated_at, transfer_count, escalation_level, rating, nps, citizen_id, complaint_text, "
        "facts, steps, assignee_id, window_id FROM cases ORDER BY id"));
    QCOMPARE(cases.size(), n);
    QHash<qint64, QList<QVariantList>> eventsByCase;
    for (const QVariantList& e : raw.rows(QStringLiteral(
             "SELECT case_id, at, kind, from_status, to_status, actor_id FROM case_events ORDER BY case_id, id"))) {
        eventsByCase[e[0].toLongLong()].append(e);
    }
    QHash<qint64, QVariantList> followUps;
    for (const QVariantList& f :
         raw.rows(QStringLiteral("SELECT case_id, at, rating, nps FROM follow_ups ORDER BY id"))) {
        QVERIFY2(!followUps.contains(f[0].toLongLong()), "one follow-up per case");
        followUps.insert(f[0].toLongLong(), f);
    }

    for (const QVariantList& c : cases) {
        const qint64 id = c[0].toLongLong();
        const QString status = c[1].toString();
        const QString channel = c[2].toString();
        const qint64 received = c[3].toLongLong();
        const auto t = [&](int i) {
            return c[i].isNull() ? qint64(-1) : c[i].toLongLong();
        };
        const qint64 ack = t(4), answered = t(5), resolved = t(6), followed = t(7), closed = t(8);
        const QString where = QStringLiteral("case %1 (%2)").arg(id).arg(status);
        statuses[status] += 1;
        channels.insert(channel);
        texts.insert(c[16].toString());
        anonymous += c[15].isNull() ? 1 : 0;

        // Status agrees with the times; the times are in order and never after the end of the period.
        const int rank =
            QStringList{QStringLiteral("received"), QStringLiteral("acknowledged"), QStringLiteral("in_progress"),
                        QStringLiteral("resolved"), QStringLiteral("followed_up"),  QStringLiteral("closed")}
                .indexOf(status);
        QVERIFY2(rank >= 0, qPrintable(where));
        QVERIFY2((ack >= 0) == (rank >= 1), qPrintable(where));
        QVERIFY2((resolved >= 0) == (rank >= 3), qPrintable(where));
        QVERIFY2((followed >= 0) == (rank >= 4 && !c[15].isNull()), qPrintable(where));
        QVERIFY2((closed >= 0) == (rank == 5), qPrintable(where));
        QVERIFY2(resolved < 0 || ack >= 0, qPrintable(where + QStringLiteral(": resolved without acknowledgement")));
        QVERIFY2(ack < 0 || ack >= received, qPrintable(where));
        QVERIFY2(answered < 0 || (ack >= 0 && answered >= ack), qPrintable(where));
        QVERIFY2(resolved < 0 || (answered >= 0 && answered <= resolved), qPrintable(where));
        QVERIFY2(followed < 0 || followed >= resolved, qPrintable(where));
        QVERIFY2(closed < 0 || closed >= qMax(resolved, followed), qPrintable(where));
        QVERIFY2(c[10].toLongLong() <= asOf, qPrintable(where));
        QCOMPARE(c[9].toLongLong(), received + 48 * 3600);
        QVERIFY2(rank < 3 || !c[18].toString().isEmpty(), qPrintable(where + QStringLiteral(": resolved, no steps")));
        QVERIFY(!c[19].isNull());
        if (rank < 3 && c[9].toLongLong() < asOf) {
            ++overdue;
        }

        // The timeline: starts with the intake, each step continues from the last status, ends with updated_at.
        const auto& events = eventsByCase[id];
        QVERIFY2(!events.isEmpty(), qPrintable(where));
        QCOMPARE(events.first()[2].toString(), QStringLiteral("created"));
        QCOMPARE(events.first()[1].toLongLong(), received);
        QVERIFY(events.first()[3].isNull());
        QString current = events.first()[4].toString();
        int transfers = 0;
        int escalations = 0;
        for (int i = 1; i < events.size(); ++i) {
            QVERIFY2(events[i][1].toLongLong() >= events[i - 1][1].toLongLong(), qPrintable(where));
            QCOMPARE(events[i][3].toString(), current);
            current = events[i][4].toString();
            transfers += events[i][2].toString() == QLatin1String("transferred") ? 1 : 0;
            escalations += events[i][2].toString() == QLatin1String("escalated") ? 1 : 0;
            QVERIFY(!events[i][5].isNull());
        }
        QCOMPARE(current, status);
        QCOMPARE(events.last()[1].toLongLong(), c[10].toLongLong());
        QCOMPARE(c[11].toInt(), transfers);
        QCOMPARE(c[12].toInt(), escalations);
        if (followed >= 0) {
            QVERIFY2(followUps.contains(id), qPrintable(where));
            QCOMPARE(followUps[id][1].toLongLong(), followed);
            QCOMPARE(followUps[id][2].toInt(), c[13].toInt());
            QCOMPARE(followUps[id][3].isNull(), c[14].isNull());
        } else {
            QVERIFY2(!followUps.contains(id) && c[13].isNull(), qPrintable(where));
        }

        const QDate day = localDate(received);
        const bool dayOff = holidays.contains(day) || (day.dayOfWeek() >= 6 && !workdays.contains(day));
        if (channel == QLatin1String("window") || channel == QLatin1String("phone")) {
            QVERIFY2(!dayOff, qPrintable(where + QStringLiteral(": hall work on a day off, ") + day.toString()));
            QVERIFY2(c[20].isNull() == (channel != QLatin1String("window")), qPrintable(where));
            onMakeUpDay += workdays.contains(day) ? 1 : 0;
        } else if (dayOff && holidays.contains(day)) {
            ++onlineOnHolidays;
        }
    }
    QVERIFY2(onMakeUpDay > 0, "the hall works on 调休 days");
    QVERIFY(onlineOnHolidays > 0);
    QCOMPARE(statuses.size(), 6); // recent cases are still open in every status
    QVERIFY(overdue > 0);
    QCOMPARE(channels.size(), 7);
    QVERIFY2(statuses.value(QStringLiteral("closed")) > n / 2, "most cases of the period are closed");
    QVERIFY2(anonymous > n / 20 && anonymous < n / 4, qPrintable(QString::number(anonymous)));
    QVERIFY2(texts.size() >= n * 9 / 10, qPrintable(QStringLiteral("%1 distinct of %2").arg(texts.size()).arg(n)));
    QVERIFY2(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT citizen_id FROM cases WHERE citizen_id IS NOT "
                                       "NULL GROUP BY citizen_id HAVING COUNT(*) > 1) AS r"))
                     .toInt() > 0,
             "repeat complainants");
    const int ratings = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM follow_ups")).toInt();
    const int good = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM follow_ups WHERE rating >= 4")).toInt();
    QVERIFY(ratings > n / 3);
    QVERIFY2(good > ratings * 7 / 10 && good < ratings, "mostly 4-5, with a tail");

    // About two queue visits a case, on working days only, numbered per day.
    const int visits = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_visits")).toInt();
    QVERIFY2(visits >= n * 18 / 10 && visits <= n * 22 / 10, qPrintable(QString::number(visits)));
    for (const QVariantList& v : raw.rows(QStringLiteral("SELECT DISTINCT issued_day FROM queue_visits"))) {
        const QDate day = QDate::fromString(v[0].toString(), Qt::ISODate);
        QVERIFY2(!holidays.contains(day) && (day.dayOfWeek() <= 5 || workdays.contains(day)),
                 qPrintable(v[0].toString()));
    }
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_visits WHERE called_at < issued_at OR "
                                       "finished_at < called_at OR (called_at IS NULL) <> (window_id IS NULL)"))
                 .toInt(),
             0);
    QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_visits WHERE called_at IS NULL")).toInt() > 0);

    // Demo accounts exist and no password opens them.
    const auto hashes = raw.rows(QStringLiteral("SELECT password_hash FROM users WHERE login LIKE 'demo_%'"));
    QCOMPARE(hashes.size(), 15);
    const PasswordHasher hasher;
    QVERIFY(!hasher.verify(QStringLiteral("demo"), hashes.first()[0].toString()));
    QVERIFY(!hasher.verify(QString(), hashes.first()[0].toString()));
}

void TestDemo::sameSeedSameData()
{
    QINGTING_TEST_DATABASE(first);
    TestDatabase second(backend);
    TestDatabase third(backend);
    QVERIFY2(second.setupError().isEmpty() && third.setupError().isEmpty(), qPrintable(second.setupError()));
    const int n = first.isPostgres() ? 150 : 400;
    const QStringList options = QStringList{QStringLiteral("--cases"), QString::number(n)} + kOptions2025;
    VERIFY_EXIT(demo(first, options + QStringList{QStringLiteral("--seed"), QStringLiteral("7")}), 0);
    VERIFY_EXIT(demo(second, options + QStringList{QStringLiteral("--seed"), QStringLiteral("7")}), 0);
    VERIFY_EXIT(demo(third, options + QStringList{QStringLiteral("--seed"), QStringLiteral("8")}), 0);
    RawConnection a(first);
    RawConnection b(second);
    RawConnection c(third);
    const QByteArray hashA = dataHash(a);
    QCOMPARE(dataHash(b), hashA);
    QVERIFY(dataHash(c) != hashA);
    QCOMPARE(c.scalar(QStringLiteral("SELECT COUNT(*) FROM cases")).toInt(), n);
}

void TestDemo::refusesFilledDatabaseAndAppends()
{
    QINGTING_TEST_DATABASE(scratch);
    const int firstRun = scratch.isPostgres() ? 150 : 300;
    const int secondRun = scratch.isPostgres() ? 100 : 200;
    VERIFY_EXIT(demo(scratch, QStringList{QStringLiteral("--cases"), QString::number(firstRun)} + kOptions2025), 0);
    QString before;
    {
        RawConnection raw(scratch);
        before = raw.dump();
    }
    const Run refused = demo(scratch, QStringList{QStringLiteral("--cases"), QStringLiteral("10")});
    VERIFY_EXIT(refused, 1);
    QVERIFY2(refused.err.contains(QLatin1String("--append")), qPrintable(refused.err));
    {
        RawConnection raw(scratch);
        QCOMPARE(raw.dump(), before);
    }

    // The same period again: the numbers of each day continue where they stopped.
    const Run appended =
        demo(scratch, QStringList{QStringLiteral("--cases"), QString::number(secondRun), QStringLiteral("--seed"),
                                  QStringLiteral("2"), QStringLiteral("--append")} +
                          kOptions2025);
    VERIFY_EXIT(appended, 0);
    VERIFY_EXIT(cli(target(scratch) + QStringList{QStringLiteral("verify")}), 0);
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases")).toInt(), firstRun + secondRun);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT case_no) FROM cases")).toInt(), firstRun + secondRun);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE login LIKE 'demo_%'")).toInt(), 15);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'demo.generate'")).toInt(), 2);
    // Per day: numbers 1..last without gaps, and the counter holds the last one.
    for (const QVariantList& row : raw.rows(QStringLiteral("SELECT day, last_no FROM case_counters"))) {
        const QString prefix = QStringLiteral("QT-") +
                               QDate::fromString(row[0].toString(), Qt::ISODate).toString(QStringLiteral("yyyyMMdd"));
        const auto numbers = raw.rows(QStringLiteral("SELECT case_no FROM cases WHERE case_no LIKE ? ORDER BY case_no"),
                                      {QVariant(prefix + QLatin1String("-%"))});
        QCOMPARE(int(numbers.size()), row[1].toInt());
        QCOMPARE(numbers.last()[0].toString(),
                 prefix + QStringLiteral("-%1").arg(row[1].toInt(), 4, 10, QLatin1Char('0')));
    }
}

void TestDemo::warnsOutsideTheCalendar()
{
    TestDatabase scratch(QStringLiteral("sqlite"));
    const Run run = demo(scratch, {QStringLiteral("--cases"), QStringLiteral("50"), QStringLiteral("--days"),
                                   QStringLiteral("30"), QStringLiteral("--end"), QStringLiteral("2024-06-30")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(run.err.count(QLatin1String("warning:")), 1);
    QVERIFY2(run.err.contains(QLatin1String("2024")), qPrintable(run.err));
    RawConnection raw(scratch);
    // Monday to Friday there: no hall case on a weekend.
    for (const QVariantList& row : raw.rows(QStringLiteral("SELECT received_at FROM cases WHERE channel = 'window'"))) {
        QVERIFY(localDate(row[0].toLongLong()).dayOfWeek() <= 5);
    }
}

void TestDemo::cancelKeepsCommittedBatchesAndAudits()
{
    TestDatabase scratch(QStringLiteral("sqlite"));
    auto opened = scratch.open();
    QINGTING_VERIFY_OK(opened);
    const std::unique_ptr<Database> db = std::move(opened).value();
    SqlDemoWriter writer(db->sqlContext());
    const SystemClock clock;
    DemoService service(Session::commandLine(), db->repositories(), writer, clock);
    DemoService::Options options;
    options.cases = 5000;
    options.days = 40;
    options.end = QDate(2025, 10, 20);
    options.batchCases = 1000;
    int asked = 0;
    QList<qint64> progress;
    const auto counts = service.generate(
        options, [&](qint64 done, qint64) { progress.append(done); }, [&] { return ++asked > 2; });
    QINGTING_VERIFY_OK(counts);
    QVERIFY(service.wasCancelled());
    QCOMPARE(progress.size(), 2);
    QVERIFY(counts->cases > 0 && counts->cases < options.cases);
    QCOMPARE(progress.last(), counts->cases);
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases")).toLongLong(), counts->cases);
    const auto entries = db->repositories().audit->latest(5);
    QINGTING_VERIFY_OK(entries);
    QCOMPARE(entries->first().action, QStringLiteral("demo.generate"));
    QVERIFY2(entries->first().detail.contains(QLatin1String("\"cancelled\":true")),
             qPrintable(entries->first().detail));
    QVERIFY(entries->first().detail.contains(QStringLiteral("\"cases\":%1").arg(counts->cases)));
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
