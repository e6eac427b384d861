#include "Database.h"
#include "SqlDeferredIndexes.h"
#include "SqlDemoWriter.h"
#include "TestDatabases.h"
#include "cases/Intake.h"
#include "common/Clock.h"
#include "reply/ReplyChecker.h"
#include "repositories/AuditRepository.h"
#include "services/DemoService.h"
#include "services/SlaService.h"
#include "users/PasswordHasher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
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
    void buildsDeferredIndexesAtTheEnd();
    void opensAfterARunThatStoppedWithIndexesDeferred();

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
    /** Issue 12's rows (transfers, pauses, extensions, follow-up attempts, rectifications, appeals, reminders). */
    static void checkClosedLoop(RawConnection& raw, int n, qint64 asOf, int transferredCases);
    /** The app's SlaService reads the demo cases back: their clocks, and due_at as it would compute it. */
    static void checkSlaReadBack(const TestDatabase& scratch, qint64 asOf);
    /** Issue 11's intake fields: on which cases, and consistent with the complaint, the timeline and the outcome. */
    static void checkIntake(RawConnection& raw, int n, qint64 intakeFrom);
    /** SQLite: every index the schema declares (name, table, statement), as sqlite_master lists them. */
    static QList<QVariantList> schemaIndexes(RawConnection& raw);
    /** The indexes of a freshly migrated SQLite file: what a demo file must hold when its run has ended. */
    static QList<QVariantList> migratedIndexes();
    /** The file's indexes are the schema's, none is recorded as deferred, and they agree with their tables. */
    static void checkIndexesWhole(RawConnection& raw);
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
        QStringLiteral("SELECT * FROM case_transfers ORDER BY id"),
        QStringLiteral("SELECT * FROM case_pauses ORDER BY id"),
        QStringLiteral("SELECT * FROM case_extensions ORDER BY id"),
        QStringLiteral("SELECT * FROM follow_up_attempts ORDER BY id"),
        QStringLiteral("SELECT * FROM rectifications ORDER BY id"),
        QStringLiteral("SELECT * FROM rating_appeals ORDER BY id"),
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
                                       "'in_progress') AND paused_at IS NULL)"))
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
    int transferred = 0;
    const qint64 asOf = QDateTime(QDate(2025, 10, 20), QTime(23, 59, 59)).toSecsSinceEpoch();
    const auto cases = raw.rows(QStringLiteral(
        "SELECT id, status, channel, received_at, acknowledged_at, answered_at, resolved_at, followed_up_at, "
        "closed_at, due_at, updated_at, transfer_count, escalation_level, rating, nps, citizen_id, complaint_text, "
        "facts, steps, assignee_id, window_id, paused_at, extended_due_at FROM cases ORDER BY id"));
    QCOMPARE(cases.size(), n);
    QHash<qint64, QList<QVariantList>> eventsByCase;
    for (const QVariantList& e : raw.rows(QStringLiteral(
             "SELECT case_id, at, kind, from_status, to_status, actor_id FROM case_events ORDER BY case_id, id"))) {
        eventsByCase[e[0].toLongLong()].append(e);
    }
    // The latest follow-up per case (a second one after a rectification replaces the first's rating).
    QHash<qint64, QVariantList> followUps;
    QHash<qint64, int> followUpCount;
    for (const QVariantList& f :
         raw.rows(QStringLiteral("SELECT case_id, at, rating, nps FROM follow_ups ORDER BY id"))) {
        QVERIFY2(!followUps.contains(f[0].toLongLong()) ||
                     followUps[f[0].toLongLong()][1].toLongLong() <= f[1].toLongLong(),
                 "follow-ups in time order");
        followUps.insert(f[0].toLongLong(), f);
        followUpCount[f[0].toLongLong()] += 1;
    }
    // Rectifications by case: stage and due times (issue 12).
    QHash<qint64, QVariantList> rectifications;
    for (const QVariantList& r :
         raw.rows(QStringLiteral("SELECT case_id, stage, due_at, second_due_at FROM rectifications ORDER BY id"))) {
        QVERIFY2(!rectifications.contains(r[0].toLongLong()), "one rectification per case");
        rectifications.insert(r[0].toLongLong(), r);
    }
    QSet<qint64> pausedOnce;
    for (const QVariantList& p : raw.rows(QStringLiteral("SELECT DISTINCT case_id FROM case_pauses"))) {
        pausedOnce.insert(p[0].toLongLong());
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
        const bool rectified = rectifications.contains(id);
        const QString stage = rectified ? rectifications[id][1].toString() : QString();
        // A bad rating reopens handling (差评整改): the case was followed up, and is being handled or resolved again.
        QVERIFY2((followed >= 0) == ((rank >= 4 && !c[15].isNull()) || rectified), qPrintable(where));
        QVERIFY2((closed >= 0) == (rank == 5), qPrintable(where));
        QVERIFY2(resolved < 0 || ack >= 0, qPrintable(where + QStringLiteral(": resolved without acknowledgement")));
        QVERIFY2(ack < 0 || ack >= received, qPrintable(where));
        QVERIFY2(answered < 0 || (ack >= 0 && answered >= ack), qPrintable(where));
        QVERIFY2(resolved < 0 || (answered >= 0 && answered <= resolved), qPrintable(where));
        QVERIFY2(followed < 0 || followed >= resolved || stage == QLatin1String("second_follow_up"), qPrintable(where));
        QVERIFY2(closed < 0 || closed >= qMax(resolved, followed), qPrintable(where));
        QVERIFY2(c[10].toLongLong() <= asOf, qPrintable(where));
        // due_at through the SLA engine (default policy): the answer's 48 h while unanswered, then the resolve
        // clock's 15 working days (23:59:59) or the approved extension; the rectification's own deadlines; the old
        // received + 48 h where no clock counts any more.
        const qint64 due = c[9].toLongLong();
        const bool open = rank <= 2;
        const bool paused = !c[21].isNull();
        if (rectified && (stage == QLatin1String("verify") || stage == QLatin1String("rectify") ||
                          stage == QLatin1String("feedback"))) {
            QCOMPARE(due, rectifications[id][2].toLongLong());
        } else if (stage == QLatin1String("second_follow_up")) {
            QCOMPARE(due, rectifications[id][3].toLongLong());
        } else if (!open) {
            QCOMPARE(due, received + 48 * 3600);
        } else if (answered < 0 && !pausedOnce.contains(id)) {
            // The answer's 48 h, or (the engine's choice once that clock is over) the resolve clock's end of day;
            // checkSlaReadBack compares every such case with the app's own computation.
            QVERIFY2(due == received + 48 * 3600 || QDateTime::fromSecsSinceEpoch(due).time() == QTime(23, 59, 59),
                     qPrintable(where));
        } else if (!c[22].isNull() && !paused) {
            QCOMPARE(due, c[22].toLongLong());
        } else if (!pausedOnce.contains(id)) {
            QCOMPARE(QDateTime::fromSecsSinceEpoch(due).time(), QTime(23, 59, 59));
            QVERIFY2(due >= received + 15 * 86400, qPrintable(where));
        }
        QVERIFY2(rank < 3 || !c[18].toString().isEmpty(), qPrintable(where + QStringLiteral(": resolved, no steps")));
        QVERIFY(!c[19].isNull());
        if (rank < 3 && !paused && c[9].toLongLong() < asOf) {
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
        QCOMPARE(followUpCount.value(id), followed < 0 ? 0 : (stage == QLatin1String("done") ? 2 : 1));
        if (followed >= 0) {
            QVERIFY2(followUps.contains(id), qPrintable(where));
            QCOMPARE(followUps[id][1].toLongLong(), followed);
            QCOMPARE(followUps[id][2].toInt(), c[13].toInt());
            QCOMPARE(followUps[id][3].isNull(), c[14].isNull());
        } else {
            QVERIFY2(!followUps.contains(id) && c[13].isNull(), qPrintable(where));
        }
        transferred += c[11].toInt() > 0 ? 1 : 0;

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

    checkClosedLoop(raw, n, asOf, transferred);
    if (QTest::currentTestFailed()) {
        return;
    }
    // The intake came to the hall a quarter into the run: 60 days to 2025-10-20 start on 08-22, so on 09-06.
    checkIntake(raw, n, QDateTime(QDate(2025, 9, 6), QTime(0, 0)).toSecsSinceEpoch());
    if (QTest::currentTestFailed()) {
        return;
    }
    checkSlaReadBack(scratch, asOf);
    if (QTest::currentTestFailed()) {
        return;
    }

    // Demo accounts exist and no password opens them.
    const auto hashes = raw.rows(QStringLiteral("SELECT password_hash FROM users WHERE login LIKE 'demo_%'"));
    QCOMPARE(hashes.size(), 15);
    const PasswordHasher hasher;
    QVERIFY(!hasher.verify(QStringLiteral("demo"), hashes.first()[0].toString()));
    QVERIFY(!hasher.verify(QString(), hashes.first()[0].toString()));
}

void TestDemo::checkIntake(RawConnection& raw, int n, qint64 intakeFrom)
{
    const auto rows = raw.rows(QStringLiteral(
        "SELECT c.id, c.channel, c.status, c.received_at, c.citizen_id, c.window_id, c.waited_minutes, "
        "c.complaint_text, c.facts, c.steps, c.promised_at, c.emotion, c.facts_what, c.facts_when, c.facts_where, "
        "c.facts_involved, c.facts_window_id, c.affected, c.severity, c.scope, c.recurrence, c.demand, "
        "c.reasonableness, c.responsibility, c.remedies, c.remedy_note, c.promise_reason, c.reply_text, "
        "c.resolved_on_spot, c.queue_ticket, "
        "(SELECT f.rating FROM follow_ups f WHERE f.case_id = c.id ORDER BY f.at, f.id LIMIT 1), "
        "(SELECT COUNT(*) FROM cases p WHERE p.citizen_id = c.citizen_id AND (p.received_at < c.received_at OR "
        "(p.received_at = c.received_at AND p.id < c.id))), "
        "(SELECT COUNT(*) FROM case_transfers t WHERE t.case_id = c.id AND t.state = 'signed'), "
        "(SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'started'), "
        "(SELECT MIN(e.at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'resolved' AND "
        "e.from_status = 'acknowledged') "
        "FROM cases c ORDER BY c.id"));
    QCOMPARE(rows.size(), n);
    QHash<QString, QVariantList> visits;
    for (const QVariantList& v : raw.rows(QStringLiteral(
             "SELECT ticket, issued_day, window_id, issued_at, called_at, service_item_id FROM queue_visits"))) {
        visits.insert(v[0].toString() + QLatin1Char('@') + v[1].toString(), v);
    }
    const ReplyChecker checker(ReplyChecker::defaultRules());
    const QStringList threats{QStringLiteral("12345。"), QStringLiteral("向上级反映"), QStringLiteral("发到网上"),
                              QStringLiteral("信访"),    QStringLiteral("拍了视频"),   QStringLiteral("保留投诉")};
    const auto threatens = [&](const QString& text) {
        return std::any_of(threats.begin(), threats.end(), [&](const QString& t) { return text.contains(t); });
    };
    const QRegularExpression longNumber(QStringLiteral("[0-9]{11}"));
    int intakes = 0;
    int later = 0;
    int onSpot = 0;
    int tickets = 0;
    int weak = 0;
    QSet<QString> replies;
    QSet<QString> wheres;
    QHash<QString, int> emotions;
    QHash<QString, int> outcomes;
    for (const QVariantList& r : rows) {
        const QString id = r[0].toString();
        const QString channel = r[1].toString();
        const qint64 received = r[3].toLongLong();
        const QString complaint = r[7].toString();
        const bool intake = !r[11].isNull();
        later += received >= intakeFrom ? 1 : 0;
        if (!intake) {
            // Registered without the intake: every intake column empty.
            for (int i = 12; i <= 29; ++i) {
                QVERIFY2(r[i].isNull() || r[i].toString().isEmpty() || r[i].toString() == QLatin1String("0"),
                         qPrintable(id + QLatin1Char(' ') + QString::number(i)));
            }
            continue;
        }
        ++intakes;
        QVERIFY2(received >= intakeFrom, qPrintable(id));
        QVERIFY2(channel != QLatin1String("letter") && channel != QLatin1String("staff_report"), qPrintable(id));
        QVERIFY2(channel == QLatin1String("window") || channel == QLatin1String("phone") || !r[4].isNull(),
                 qPrintable(id));
        for (int i : {12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 27}) {
            QVERIFY2(!r[i].toString().isEmpty(), qPrintable(id + QLatin1Char(' ') + QString::number(i)));
        }
        const auto emotion = IntakeCodes::emotionFromCode(r[11].toString());
        QVERIFY2(emotion && IntakeCodes::severityFromCode(r[18].toString()) &&
                     IntakeCodes::scopeFromCode(r[19].toString()) &&
                     IntakeCodes::recurrenceFromCode(r[20].toString()) &&
                     IntakeCodes::reasonablenessFromCode(r[22].toString()) &&
                     IntakeCodes::responsibilityFromCode(r[23].toString()),
                 qPrintable(id));
        emotions[r[11].toString()] += 1;
        outcomes[r[22].toString()] += 1;

        // The emotion agrees with the complaint's tone and the later rating.
        const int firstRating = r[30].isNull() ? 0 : r[30].toInt();
        if (threatens(complaint) || (firstRating >= 1 && firstRating <= 2)) {
            QVERIFY2(*emotion != EmotionLevel::Calm, qPrintable(id));
        }
        if (complaint.contains(QStringLiteral("我非常生气"))) {
            QVERIFY2(*emotion == EmotionLevel::Agitated || *emotion == EmotionLevel::Angry, qPrintable(id));
        }
        if (*emotion == EmotionLevel::Angry) {
            QVERIFY2(complaint.contains(QStringLiteral("！")) || threatens(complaint), qPrintable(complaint));
        }
        // The facts are the complaint's; group complaints are the group's; recurrence is the citizen's history.
        QVERIFY2(complaint.contains(r[12].toString()), qPrintable(id));
        QVERIFY2(complaint.contains(r[21].toString()), qPrintable(id));
        QCOMPARE(r[19].toString() == QLatin1String("group"), complaint.contains(QStringLiteral("我和邻居几个人")));
        if (r[20].toString() == QLatin1String("systemic")) {
            QCOMPARE(r[19].toString(), QStringLiteral("public"));
        } else {
            QCOMPARE(r[20].toString() == QLatin1String("repeat"), !r[4].isNull() && r[31].toInt() > 0);
        }
        if (!r[5].isNull()) {
            QCOMPARE(r[16].toLongLong(), r[5].toLongLong()); // the window involved is the case's window
        }
        wheres.insert(r[14].toString());

        // Reasonableness and responsibility agree with the verification (facts) and the steps.
        const QString reasonable = r[22].toString();
        const QString responsible = r[23].toString();
        const QString facts = r[8].toString();
        const QString steps = r[9].toString();
        QCOMPARE(reasonable == QLatin1String("to_verify"), responsible == QLatin1String("to_verify"));
        QCOMPARE(reasonable == QLatin1String("unreasonable"), responsible == QLatin1String("misunderstanding"));
        if (reasonable == QLatin1String("to_verify")) {
            QVERIFY2(facts.isEmpty() && steps.isEmpty(), qPrintable(id));
        } else if (reasonable == QLatin1String("unreasonable")) {
            QVERIFY2(facts.isEmpty() || facts.contains(QStringLiteral("误解")) ||
                         facts.contains(QStringLiteral("偏差")),
                     qPrintable(facts));
            QVERIFY2(r[24].toString().contains(QLatin1String("explanation")), qPrintable(id));
        } else {
            QCOMPARE(reasonable == QLatin1String("partly_reasonable"), facts.contains(QStringLiteral("部分属实")));
            QCOMPARE(responsible == QLatin1String("other_department"), r[32].toInt() > 0);
        }

        // Remedies as stored (enum order), the other one described, the promise and its reason.
        const QString remedies = r[24].toString();
        QCOMPARE(IntakeCodes::codes(IntakeCodes::remediesFromCodes(remedies)), remedies);
        if (remedies.contains(QLatin1String("other"))) {
            QVERIFY2(!r[25].toString().isEmpty(), qPrintable(id));
        }
        const bool spot = r[28].toInt() == 1;
        if (spot) {
            // 当场办结: resolved from acknowledged within 25 minutes (so 41 of receipt), no handling stage, on-site
            // help.
            ++onSpot;
            QCOMPARE(channel, QStringLiteral("window"));
            QVERIFY2(!r[34].isNull() && r[34].toLongLong() - received <= 2460, qPrintable(id));
            QCOMPARE(r[33].toInt(), 0);
            QVERIFY2(remedies.contains(QLatin1String("on_site_help")), qPrintable(id));
            QVERIFY2(r[10].isNull() && r[26].toString().isEmpty(), qPrintable(id));
        } else {
            QVERIFY2(r[34].isNull(), qPrintable(id));
            QVERIFY2(r[10].toLongLong() > received, qPrintable(id));
            QCOMPARE(!r[26].toString().isEmpty(), r[10].toLongLong() > received + 48 * 3600);
        }

        // The reply: varied, no personal data, complete unless it is one of the few weak ones.
        const QString reply = r[27].toString();
        replies.insert(reply);
        QVERIFY2(!longNumber.match(reply).hasMatch() && !longNumber.match(r[12].toString()).hasMatch(),
                 qPrintable(reply));
        const QList<ReplyFinding> findings = checker.check(reply);
        const bool defensive = std::any_of(findings.begin(), findings.end(),
                                           [](const ReplyFinding& f) { return f.kind == ReplyFindingKind::Defensive; });
        if (defensive) {
            ++weak;
        } else {
            const QString first = findings.isEmpty()
                                      ? QString()
                                      : ReplyFindingKinds::code(findings.first().kind) + QLatin1Char(' ') + reply;
            QVERIFY2(findings.isEmpty(), qPrintable(first));
        }

        // The queue ticket is the visit the waited minutes came from, at the case's window that day.
        const QString ticket = r[29].toString();
        if (!ticket.isEmpty()) {
            ++tickets;
            QCOMPARE(channel, QStringLiteral("window"));
            const QString day = QDateTime::fromSecsSinceEpoch(received).date().toString(Qt::ISODate);
            const QVariantList v = visits.value(ticket + QLatin1Char('@') + day);
            QVERIFY2(!v.isEmpty(), qPrintable(ticket + QLatin1Char('@') + day));
            QCOMPARE(v[2].toLongLong(), r[5].toLongLong());
            QVERIFY(v[4].toLongLong() <= received);
            QCOMPARE((v[4].toLongLong() - v[3].toLongLong()) / 60, r[6].toLongLong());
        }
    }
    // Most later cases went through the intake; every emotion and outcome occurs; a few weak replies.
    QVERIFY2(intakes >= later / 2 && intakes <= later * 9 / 10,
             qPrintable(QStringLiteral("%1/%2").arg(intakes).arg(later)));
    QVERIFY2(onSpot > 0 && tickets > intakes / 10, qPrintable(QStringLiteral("%1 %2").arg(onSpot).arg(tickets)));
    QVERIFY2(weak > 0 && weak <= intakes / 10, qPrintable(QString::number(weak)));
    QVERIFY2(replies.size() >= intakes * 9 / 10, qPrintable(QString::number(replies.size())));
    QVERIFY(wheres.size() >= 5);
    if (n >= 2000) {
        QCOMPARE(emotions.size(), 4);
        QCOMPARE(outcomes.size(), 4);
    }
}

void TestDemo::checkClosedLoop(RawConnection& raw, int n, qint64 asOf, int transferredCases)
{
    const auto count = [&](const QString& sql) {
        return raw.scalar(sql).toInt();
    };
    const auto none = [&](const char* what, const QString& sql) {
        const int found = count(sql);
        QVERIFY2(found == 0, qPrintable(QStringLiteral("%1: %2 rows").arg(QLatin1String(what)).arg(found)));
    };
    const QString open = QStringLiteral("('received', 'acknowledged', 'in_progress')");
    const bool seeded2000 = n == 2000; // the shares are checked on the SQLite run's 2,000 cases

    // 转办: one row per transfer, signed for or returned after it was made, the case's state that of the latest.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM case_transfers")),
             count(QStringLiteral("SELECT COALESCE(SUM(transfer_count), 0) FROM cases")));
    none("transfer rows per case differ from transfer_count",
         QStringLiteral("SELECT COUNT(*) FROM cases c WHERE transfer_count <> "
                        "(SELECT COUNT(*) FROM case_transfers t WHERE t.case_id = c.id)"));
    none("decided before transferred or undecided",
         QStringLiteral("SELECT COUNT(*) FROM case_transfers WHERE (state = 'awaiting_sign') <> (decided_at IS NULL) "
                        "OR decided_at < transferred_at OR decided_at > %1 OR from_department_id = to_department_id")
             .arg(asOf));
    none("a return without its reason",
         QStringLiteral("SELECT COUNT(*) FROM case_transfers WHERE state = 'returned' AND decision_note = ''"));
    none("an awaiting_sign case that is not open",
         QStringLiteral("SELECT COUNT(*) FROM cases WHERE transfer_state = 'awaiting_sign' AND status NOT IN %1")
             .arg(open));
    none("transfer_state is not the latest transfer's",
         QStringLiteral("SELECT COUNT(*) FROM cases c WHERE COALESCE(transfer_state, '') <> COALESCE((SELECT "
                        "t.state FROM case_transfers t WHERE t.case_id = c.id ORDER BY t.id DESC LIMIT 1), '')"));
    none("the department is not where the latest transfer left the case",
         QStringLiteral("SELECT COUNT(*) FROM cases c JOIN case_transfers t ON t.id = (SELECT MAX(id) FROM "
                        "case_transfers WHERE case_id = c.id) WHERE c.department_id <> CASE t.state WHEN 'returned' "
                        "THEN t.from_department_id ELSE t.to_department_id END"));
    for (const auto& [kind, state] : {std::pair{"transferred", "%"}, std::pair{"transfer_signed", "signed"},
                                      std::pair{"transfer_returned", "returned"}}) {
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = '%1'").arg(QLatin1String(kind))),
            count(
                QStringLiteral("SELECT COUNT(*) FROM case_transfers WHERE state LIKE '%1'").arg(QLatin1String(state))));
    }
    none("a sign-for or return event before its transfer",
         QStringLiteral("SELECT COUNT(*) FROM case_transfers t WHERE decided_at IS NOT NULL AND NOT EXISTS (SELECT 1 "
                        "FROM case_events e WHERE e.case_id = t.case_id AND e.at = t.decided_at AND e.kind IN "
                        "('transfer_signed', 'transfer_returned'))"));

    // Pauses: closed ones in order, at most one open, on an in-progress case whose paused_at it is (open_due_at
    // NULL was checked with the case list's keys).
    none("a pause resumed before it began",
         QStringLiteral("SELECT COUNT(*) FROM case_pauses WHERE resumed_at < paused_at OR paused_at > %1 OR "
                        "resumed_at > %1 OR (resumed_at IS NULL) <> (resumed_by = '') OR reason = ''")
             .arg(asOf));
    none("paused_at disagrees with the open pause",
         QStringLiteral("SELECT COUNT(*) FROM cases c WHERE paused_at IS NOT NULL AND (status <> 'in_progress' OR "
                        "NOT EXISTS (SELECT 1 FROM case_pauses p WHERE p.case_id = c.id AND p.resumed_at IS NULL AND "
                        "p.paused_at = c.paused_at))"));
    none("an open pause on a case that is not paused",
         QStringLiteral("SELECT COUNT(*) FROM case_pauses p JOIN cases c ON c.id = p.case_id WHERE p.resumed_at IS "
                        "NULL AND c.paused_at IS NULL"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = 'paused'")),
             count(QStringLiteral("SELECT COUNT(*) FROM case_pauses")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = 'resumed'")),
             count(QStringLiteral("SELECT COUNT(*) FROM case_pauses WHERE resumed_at IS NOT NULL")));

    // 延期: approved ones move extended_due_at; pending ones are on open cases.
    none("an extension out of order",
         QStringLiteral("SELECT COUNT(*) FROM case_extensions WHERE requested_due_at <= previous_due_at OR "
                        "decided_at < requested_at OR (state = 'pending') <> (decided_at IS NULL) OR decided_at > %1")
             .arg(asOf));
    none("extended_due_at is not the approved date",
         QStringLiteral("SELECT COUNT(*) FROM cases c LEFT JOIN case_extensions e ON e.case_id = c.id AND e.state = "
                        "'approved' WHERE (c.extended_due_at IS NULL) <> (e.id IS NULL) OR c.extended_due_at <> "
                        "e.requested_due_at"));
    none("a pending extension on a case no longer open",
         QStringLiteral("SELECT COUNT(*) FROM case_extensions e JOIN cases c ON c.id = e.case_id WHERE e.state = "
                        "'pending' AND c.status NOT IN %1")
             .arg(open));
    for (const auto& [kind, state] :
         {std::pair{"extension_requested", "%"}, std::pair{"extension_approved", "approved"},
          std::pair{"extension_refused", "refused"}}) {
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = '%1'").arg(QLatin1String(kind))),
                 count(QStringLiteral("SELECT COUNT(*) FROM case_extensions WHERE state LIKE '%1'")
                           .arg(QLatin1String(state))));
    }

    // Follow-up: failed attempts after the resolution and before the follow-up that reached the citizen; after
    // three the case is unreachable, resolved, without a rating.
    none("an attempt before the resolution or after the reached follow-up",
         QStringLiteral("SELECT COUNT(*) FROM follow_up_attempts a JOIN cases c ON c.id = a.case_id WHERE a.at > %1 "
                        "OR a.at < (SELECT MIN(e.at) FROM case_events e WHERE e.case_id = c.id AND e.kind = "
                        "'resolved') OR a.at >= (SELECT MIN(f.at) FROM follow_ups f WHERE f.case_id = c.id)")
             .arg(asOf));
    none("unreachable without three attempts, or rated",
         QStringLiteral("SELECT COUNT(*) FROM cases c WHERE unreachable_at IS NOT NULL AND (followup_attempts <> 3 OR "
                        "rating IS NOT NULL OR status <> 'resolved' OR (SELECT COUNT(*) FROM follow_up_attempts a "
                        "WHERE a.case_id = c.id) <> 3 OR unreachable_at <> (SELECT MAX(at) FROM follow_up_attempts a "
                        "WHERE a.case_id = c.id))"));
    none("followup_attempts counts what a reached follow-up reset",
         QStringLiteral("SELECT COUNT(*) FROM cases c WHERE followup_attempts <> CASE WHEN followed_up_at IS NULL THEN "
                        "(SELECT COUNT(*) FROM follow_up_attempts a WHERE a.case_id = c.id) ELSE 0 END"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = 'follow_up_attempted'")),
             count(QStringLiteral("SELECT COUNT(*) FROM follow_up_attempts")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = 'marked_unreachable'")),
             count(QStringLiteral("SELECT COUNT(*) FROM cases WHERE unreachable_at IS NOT NULL")));

    // 差评整改: every bad first rating, its stages in order, done with the second follow-up.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM rectifications")),
             count(QStringLiteral("SELECT COUNT(*) FROM follow_ups f WHERE f.rating <= 2 AND f.id = (SELECT MIN(id) "
                                  "FROM follow_ups g WHERE g.case_id = f.case_id)")));
    none("a rectification whose stages are out of order",
         QStringLiteral("SELECT COUNT(*) FROM rectifications r JOIN follow_ups f ON f.id = r.follow_up_id WHERE "
                        "r.started_at <> f.at OR r.bad_rating <> f.rating OR r.due_at <= r.started_at OR "
                        "r.verified_at < r.started_at OR r.rectified_at < r.verified_at OR r.feedback_at < "
                        "r.rectified_at OR r.done_at < r.feedback_at OR (r.stage = 'done') <> (r.done_at IS NOT NULL) "
                        "OR (r.stage = 'done') <> (r.second_follow_up_id IS NOT NULL) OR (r.stage IN "
                        "('second_follow_up', 'done')) <> (r.second_due_at IS NOT NULL)"));
    none("a rectification under way on a case in the wrong status",
         QStringLiteral("SELECT COUNT(*) FROM rectifications r JOIN cases c ON c.id = r.case_id WHERE CASE r.stage "
                        "WHEN 'done' THEN c.status NOT IN ('followed_up', 'closed') WHEN 'second_follow_up' THEN "
                        "c.status <> 'resolved' ELSE c.status <> 'in_progress' END"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = 'rectification_started'")),
             count(QStringLiteral("SELECT COUNT(*) FROM rectifications")));

    // 申诉复核: decided by a second supervisor; approved ones leave the rating out of the figures.
    none("an appeal decided by its requester or out of order",
         QStringLiteral("SELECT COUNT(*) FROM rating_appeals WHERE decided_by_id = requested_by_id OR decided_at < "
                        "requested_at OR (state = 'pending') <> (decided_at IS NULL) OR decided_at > %1")
             .arg(asOf));
    none("an approved appeal whose follow-up counts",
         QStringLiteral("SELECT COUNT(*) FROM rating_appeals a JOIN follow_ups f ON f.id = a.follow_up_id WHERE "
                        "(a.state = 'approved') <> (f.excluded = 1) OR a.rating <> f.rating"));
    none("rating_excluded without an approved appeal of the current rating",
         QStringLiteral("SELECT COUNT(*) FROM cases c WHERE rating_excluded = 1 AND NOT EXISTS (SELECT 1 FROM "
                        "rating_appeals a JOIN follow_ups f ON f.id = a.follow_up_id WHERE a.case_id = c.id AND "
                        "a.state = 'approved' AND f.at = c.followed_up_at)"));

    // 督办: reminders only on open cases past their due time, one event per level.
    none("a reminder on a case not overdue",
         QStringLiteral("SELECT COUNT(*) FROM cases c WHERE reminder_level > 0 AND (status NOT IN %1 OR reminded_at < "
                        "due_at OR reminded_at > %2 OR reminder_level <> (SELECT COUNT(*) FROM case_events e WHERE "
                        "e.case_id = c.id AND e.kind = 'reminded'))")
             .arg(open)
             .arg(asOf));
    none("an event after the end of the period",
         QStringLiteral("SELECT COUNT(*) FROM case_events WHERE at > %1").arg(asOf));

    const int resolvedWithCitizen =
        count(QStringLiteral("SELECT COUNT(*) FROM cases WHERE citizen_id IS NOT NULL AND resolved_at IS NOT NULL"));
    const int transfers = count(QStringLiteral("SELECT COUNT(*) FROM case_transfers"));
    const int returned = count(QStringLiteral("SELECT COUNT(*) FROM case_transfers WHERE state = 'returned'"));
    const int pausedCases = count(QStringLiteral("SELECT COUNT(DISTINCT case_id) FROM case_pauses"));
    const int extensions = count(QStringLiteral("SELECT COUNT(*) FROM case_extensions"));
    const int withAttempts = count(QStringLiteral("SELECT COUNT(DISTINCT case_id) FROM follow_up_attempts"));
    const int unreachable = count(QStringLiteral("SELECT COUNT(*) FROM cases WHERE unreachable_at IS NOT NULL"));
    const int appeals = count(QStringLiteral("SELECT COUNT(*) FROM rating_appeals"));
    const QString shares = QStringLiteral("transferred %1, transfers %2 (returned %3), paused %4, extensions %5, "
                                          "attempts %6, unreachable %7 of %8, appeals %9")
                               .arg(transferredCases)
                               .arg(transfers)
                               .arg(returned)
                               .arg(pausedCases)
                               .arg(extensions)
                               .arg(withAttempts)
                               .arg(unreachable)
                               .arg(resolvedWithCitizen)
                               .arg(appeals);
    QVERIFY2(transferredCases > 0 && returned > 0 && pausedCases > 0 && extensions > 0 && withAttempts > 0 &&
                 count(QStringLiteral("SELECT COUNT(*) FROM rectifications")) > 0,
             qPrintable(shares));
    if (seeded2000) {
        QVERIFY2(transferredCases > n / 10 && transferredCases < n / 5, qPrintable(shares));      // 10–20 %
        QVERIFY2(returned > transfers / 20 && returned < transfers * 3 / 10, qPrintable(shares)); // 5–30 %
        QVERIFY2(pausedCases > n / 50 && pausedCases < n * 6 / 100, qPrintable(shares));          // 2–6 %
        QVERIFY2(extensions > n / 200 && extensions < n * 3 / 100, qPrintable(shares));           // 0.5–3 %
        QVERIFY2(withAttempts > resolvedWithCitizen * 15 / 100 && withAttempts < resolvedWithCitizen * 3 / 10,
                 qPrintable(shares)); // 15–30 %
        QVERIFY2(unreachable > resolvedWithCitizen * 15 / 1000 && unreachable < resolvedWithCitizen * 6 / 100,
                 qPrintable(shares)); // 1.5–6 %
        QVERIFY2(appeals > 0 && appeals < n * 3 / 100, qPrintable(shares));
        QVERIFY2(count(QStringLiteral("SELECT COUNT(*) FROM cases WHERE paused_at IS NOT NULL")) > 0, "paused now");
        QVERIFY2(count(QStringLiteral("SELECT COUNT(*) FROM cases WHERE reminder_level > 0")) > 0, "reminders");
        QVERIFY2(count(QStringLiteral("SELECT COUNT(*) FROM rating_appeals WHERE state = 'approved'")) >
                     count(QStringLiteral("SELECT COUNT(*) FROM rating_appeals WHERE state = 'refused'")),
                 "appeals mostly approved");
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM cases WHERE rating_excluded = 1")) > 0);
        // Some departments return far more transfers than others.
        double least = 1;
        double most = 0;
        for (const QVariantList& d : raw.rows(QStringLiteral(
                 "SELECT COUNT(*), SUM(CASE WHEN state = 'returned' THEN 1 ELSE 0 END) FROM case_transfers GROUP BY "
                 "to_department_id HAVING COUNT(*) >= 30"))) {
            const double share = d[1].toDouble() / d[0].toDouble();
            least = std::min(least, share);
            most = std::max(most, share);
        }
        QVERIFY2(most >= 3 * least && most > 0.15, qPrintable(QStringLiteral("%1 .. %2").arg(least).arg(most)));
    }
}

void TestDemo::checkSlaReadBack(const TestDatabase& scratch, qint64 asOf)
{
    auto opened = scratch.open();
    QINGTING_VERIFY_OK(opened);
    const std::unique_ptr<Database> db = std::move(opened).value();
    const Repositories repos = db->repositories();
    FixedClock clock(QDateTime::fromSecsSinceEpoch(asOf));
    SlaService sla(Session::commandLine(), repos, clock);
    RawConnection raw(scratch);
    // Open cases of every kind (paused, extended, transferred, rectified, plain), and some closed ones.
    const auto rows = raw.rows(QStringLiteral("SELECT id, due_at, status FROM cases WHERE status IN ('received', "
                                              "'acknowledged', 'in_progress') OR id % 97 = 0 "
                                              "ORDER BY id"));
    QVERIFY(rows.size() > 10);
    int compared = 0;
    for (const QVariantList& row : rows) {
        const qint64 id = row[0].toLongLong();
        const auto clocks = sla.clocks(id);
        QINGTING_VERIFY_OK(clocks);
        QVERIFY(!clocks->clocks.isEmpty());
        for (const SlaClock& c : clocks->clocks) {
            QVERIFY2(c.state != SlaClock::State::Error, qPrintable(c.explanation));
        }
        const QDateTime due = SlaEngine::caseDue(clocks->clocks);
        const bool rectifying =
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM rectifications WHERE case_id = ? AND stage IN ('verify', "
                                      "'rectify', 'feedback')"),
                       {id})
                .toInt() > 0;
        const bool open = row[2].toString() == QLatin1String("received") ||
                          row[2].toString() == QLatin1String("acknowledged") ||
                          row[2].toString() == QLatin1String("in_progress");
        const bool awaitingSecond =
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM rectifications WHERE case_id = ? AND stage = "
                                      "'second_follow_up'"),
                       {id})
                .toInt() > 0;
        // The generator asks the engine only where a clock can still count; elsewhere the app finds none either.
        QVERIFY2(open || awaitingSecond || !due.isValid(), qPrintable(QString::number(id)));
        if (due.isValid() && !rectifying) {
            // What the app would store as due_at is what the demo stored.
            QCOMPARE(due.toSecsSinceEpoch(), row[1].toLongLong());
            ++compared;
        }
    }
    QVERIFY2(compared > 5, qPrintable(QString::number(compared)));
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
    // The indexes the run deferred were built when it stopped.
    checkIndexesWhole(raw);
}

QList<QVariantList> TestDemo::schemaIndexes(RawConnection& raw)
{
    return raw.rows(QStringLiteral("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
                                   "AND sql IS NOT NULL ORDER BY name"));
}

QList<QVariantList> TestDemo::migratedIndexes()
{
    TestDatabase reference(QStringLiteral("sqlite"));
    {
        auto opened = reference.open();
        if (!opened) {
            return {};
        }
    }
    RawConnection raw(reference);
    return schemaIndexes(raw);
}

void TestDemo::checkIndexesWhole(RawConnection& raw)
{
    const QList<QVariantList> expected = migratedIndexes();
    QVERIFY(expected.size() > 30);
    const QList<QVariantList> actual = schemaIndexes(raw);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual.at(i), expected.at(i));
    }
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM qingting_meta WHERE key LIKE 'deferred_index:%'")).toInt(),
             0);
    // Each index holds exactly its table's rows (built at the end, not kept up row by row).
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void TestDemo::buildsDeferredIndexesAtTheEnd()
{
    // A new SQLite file: the run defers the secondary indexes and builds them in its last transaction.
    TestDatabase scratch(QStringLiteral("sqlite"));
    QVERIFY2(scratch.setupError().isEmpty(), qPrintable(scratch.setupError()));
    const Run run = demo(scratch, QStringList{QStringLiteral("--cases"), QStringLiteral("800")} + kOptions2025);
    VERIFY_EXIT(run, 0);
    {
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        checkIndexesWhole(raw);
        // The improvement actions found their cases through the rebuilt indexes.
        QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM improvement_cases")).toInt() > 0);
        // And the list's plans use them again (the overdue filter: cases_open_due).
        const QList<QVariantList> plan = raw.rows(
            QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM cases WHERE open_due_at < 1 ORDER BY open_due_at, id"));
        QVERIFY(!plan.isEmpty());
        QVERIFY2(plan.constLast().constLast().toString().contains(QLatin1String("cases_open_due")),
                 qPrintable(plan.constLast().constLast().toString()));
    }
    // An appended run writes through the live indexes and leaves them as whole.
    const Run appended =
        demo(scratch, QStringList{QStringLiteral("--cases"), QStringLiteral("200"), QStringLiteral("--append"),
                                  QStringLiteral("--seed"), QStringLiteral("2")} +
                          kOptions2025);
    VERIFY_EXIT(appended, 0);
    RawConnection raw(scratch);
    checkIndexesWhole(raw);
}

void TestDemo::opensAfterARunThatStoppedWithIndexesDeferred()
{
    // A run that dies between two batches leaves its indexes deferred and recorded: the next open builds them.
    TestDatabase scratch(QStringLiteral("sqlite"));
    {
        auto opened = scratch.open();
        QINGTING_VERIFY_OK(opened);
        const auto deferred =
            SqlDeferredIndexes::defer((*opened)->sqlContext(), {QStringLiteral("cases"), QStringLiteral("case_events")},
                                      {QStringLiteral("cases_citizen_received")});
        QINGTING_VERIFY_OK(deferred);
        QVERIFY(*deferred > 10);
        const auto pending = SqlDeferredIndexes::pending((*opened)->sqlContext());
        QINGTING_VERIFY_OK(pending);
        QVERIFY(*pending);
        RawConnection raw(scratch);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cases_open_due'")).toInt(),
                 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                           "'cases_citizen_received'"))
                     .toInt(),
                 1);
        // UNIQUE indexes are constraints and never deferred.
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM qingting_meta WHERE key LIKE 'deferred_index:%' "
                                           "AND value LIKE 'CREATE UNIQUE%'"))
                     .toInt(),
                 0);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM qingting_meta WHERE key LIKE 'deferred_index:%'")).toInt(),
            *deferred);
    }
    {
        auto reopened = scratch.open(Database::OpenMode::ExistingOnly);
        QINGTING_VERIFY_OK(reopened);
        const auto pending = SqlDeferredIndexes::pending((*reopened)->sqlContext());
        QINGTING_VERIFY_OK(pending);
        QVERIFY(!*pending);
    }
    RawConnection raw(scratch);
    checkIndexesWhole(raw);
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
