#include "Migrator.h"
#include "TestDatabases.h"
#include "repositories/CaseRepository.h"
#include "services/AuditService.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTest>

/**
 * Four processes record cases into one database at the same time (case_writer): every case gets its own
 * number, the day's numbers run 1..N without gaps, and the audit chain stays linear. On SQLite this rests on
 * BEGIN IMMEDIATE and the busy timeout, on PostgreSQL on the counter row lock and the audit head row.
 */
class TestConcurrentCaseNumbers : public QObject
{
    Q_OBJECT

private slots:
    void fourWritersOnOneDatabase_data() { TestDatabase::addBackendRows(); }
    void fourWritersOnOneDatabase();
    void fourWritersCreateTheDatabaseTogether_data() { TestDatabase::addBackendRows(); }
    void fourWritersCreateTheDatabaseTogether();

private:
    /** Runs `writers` case_writer processes at once; each must exit 0. Returns every case number they printed. */
    QStringList runWriters(const TestDatabase& scratch, int writers, int casesEach);
};

namespace {
constexpr int kWriters = 4;
constexpr int kCasesEach = 50;
} // namespace

QStringList TestConcurrentCaseNumbers::runWriters(const TestDatabase& scratch, int writers, int casesEach)
{
    QList<QProcess*> processes;
    for (int w = 0; w < writers; ++w) {
        auto* p = new QProcess(this);
        p->setProgram(QStringLiteral(QINGTING_CASE_WRITER));
        QStringList args = scratch.isPostgres() ? QStringList{QStringLiteral("--pg"), scratch.postgresUrl()}
                                                : QStringList{QStringLiteral("--db"), scratch.sqlitePath()};
        args << QStringLiteral("--count") << QString::number(casesEach) << QStringLiteral("--at")
             << QStringLiteral("2026-03-02 10:00") << QStringLiteral("--tag") << QStringLiteral("writer%1").arg(w);
        p->setArguments(args);
        processes << p;
    }
    for (QProcess* p : processes) {
        p->start();
    }
    QStringList numbers;
    bool allOk = true;
    for (QProcess* p : processes) {
        const bool finished = p->waitForFinished(60000);
        const QString stderrText = QString::fromUtf8(p->readAllStandardError());
        if (!finished || p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0) {
            qWarning("case_writer %s: finished %d, exit code %d: %s", qPrintable(p->arguments().constLast()),
                     int(finished), p->exitCode(), qPrintable(stderrText));
            allOk = false;
            p->kill();
            p->waitForFinished(5000);
        }
        numbers << QString::fromUtf8(p->readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        delete p;
    }
    if (!allOk) {
        return {};
    }
    return numbers;
}

void TestConcurrentCaseNumbers::fourWritersOnOneDatabase()
{
    QINGTING_TEST_DATABASE(scratch);
    {
        QINGTING_OPEN_DATABASE(db, scratch);
    }
    QElapsedTimer timer;
    timer.start();
    const QStringList numbers = runWriters(scratch, kWriters, kCasesEach);
    qInfo("%d cases by %d processes in %lld ms", int(numbers.size()), kWriters, timer.elapsed());
    QCOMPARE(numbers.size(), kWriters * kCasesEach);

    QSet<QString> expected;
    for (int i = 1; i <= kWriters * kCasesEach; ++i) {
        expected.insert(QStringLiteral("QT-20260302-%1").arg(i, 4, 10, QLatin1Char('0')));
    }
    QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()), expected);

    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    CaseQuery all;
    all.limit = 1000;
    all.sortKey = CaseSortKey::CaseNo;
    all.descending = false;
    const auto page = repos.cases->list(all);
    QINGTING_VERIFY_OK(page);
    QCOMPARE(page->cases.size(), kWriters * kCasesEach);
    QSet<QString> stored;
    QHash<QString, int> perWriter;
    for (const Case& c : page->cases) {
        stored.insert(c.caseNo);
        perWriter[c.complaintText.section(QLatin1Char(' '), 0, 0)] += 1;
        QCOMPARE(repos.cases->events(c.id)->size(), 1);
    }
    QCOMPARE(stored, expected);
    QCOMPARE(perWriter.size(), kWriters);
    for (auto it = perWriter.cbegin(); it != perWriter.cend(); ++it) {
        QCOMPARE(it.value(), kCasesEach);
    }
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT last_no FROM case_counters WHERE day = '2026-03-02'")).toInt(),
             kWriters * kCasesEach);

    const auto verified = AuditService(Session::commandLine(), repos).verify();
    QINGTING_VERIFY_OK(verified);
    QVERIFY2(verified->ok, qPrintable(verified->problem));
    QCOMPARE(verified->entriesChecked, qint64(kWriters * kCasesEach));
}

void TestConcurrentCaseNumbers::fourWritersCreateTheDatabaseTogether()
{
    QFETCH(QString, backend);
    const bool stress = qEnvironmentVariableIsSet("QINGTING_TEST_STRESS");
    if (backend == QLatin1String("sqlite") && !stress) {
        // Known bug: a new SQLite file opened by several processes at once sometimes fails with "database is
        // locked" while setting it up (about 1 round in 15 here). Opt in to run it many rounds.
        QSKIP("concurrent first open of a new SQLite file is flaky (known bug); set QINGTING_TEST_STRESS=1 to run");
    }
    const int rounds = stress ? 25 : 1;
    const int each = 5;
    for (int round = 0; round < rounds; ++round) {
        TestDatabase scratch(backend);
        if (!scratch.skipReason().isEmpty()) {
            QSKIP(qPrintable(scratch.skipReason()));
        }
        QVERIFY2(scratch.setupError().isEmpty(), qPrintable(scratch.setupError()));
        const QStringList numbers = runWriters(scratch, kWriters, each);
        QVERIFY2(numbers.size() == kWriters * each, qPrintable(QStringLiteral("round %1").arg(round + 1)));
        QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), kWriters * each);

        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        // Each migration was applied once, by whichever writer got there first.
        const auto versions = raw.rows(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
        QCOMPARE(versions.size(), Migrator::latestVersion());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM categories")).toInt(), 8);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM holiday_calendar")).toInt(),
                 raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT day) FROM holiday_calendar")).toInt());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases")).toInt(), kWriters * each);
        QINGTING_OPEN_DATABASE(db, scratch);
        const auto verified = AuditService(Session::commandLine(), db->repositories()).verify();
        QINGTING_VERIFY_OK(verified);
        QVERIFY2(verified->ok, qPrintable(verified->problem));
    }
}

QTEST_GUILESS_MAIN(TestConcurrentCaseNumbers)
#include "tst_concurrent_case_numbers.moc"
