#include "DeskWriters.h"
#include "TestDatabases.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

/**
 * A desk process killed (SIGKILL) at a random moment while it records cases loses nothing it had reported as
 * saved: case_writer prints a number only after CaseService::create returned success, and after 100 kills (25 on
 * PostgreSQL) every reported case is stored once, the database is intact and the audit chain verifies. The kills
 * fall anywhere: while the process starts and opens the database, inside a transaction, around its commit.
 * QINGTING_TEST_SEED repeats a run (the seed is printed); QINGTING_TEST_KILLS changes the number of kills.
 */
class TestKilledWriters : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileWriting_data();
    void killedWhileWriting();
};

namespace {
const QString kAt = QStringLiteral("2026-03-02 10:00");

QProcess* startWriter(const TestDatabase& scratch, const QString& tag, const QStringList& extra)
{
    auto* p = new QProcess;
    p->setProgram(QStringLiteral(QINGTING_CASE_WRITER));
    p->setArguments(DeskWriters::arguments(scratch, tag) << QStringLiteral("--at") << kAt << extra);
    p->start();
    return p;
}
} // namespace

void TestKilledWriters::killedWhileWriting_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("kills");
    const int kills = qEnvironmentVariableIntValue("QINGTING_TEST_KILLS");
    QTest::newRow("sqlite") << QStringLiteral("sqlite") << (kills > 0 ? kills : 100);
    QTest::newRow("postgres") << QStringLiteral("postgres") << (kills > 0 ? kills : 25);
}

void TestKilledWriters::killedWhileWriting()
{
    QINGTING_TEST_DATABASE(scratch);
    QFETCH(int, kills);
    {
        QINGTING_OPEN_DATABASE(db, scratch);
    }
    const quint32 seed = qEnvironmentVariableIsSet("QINGTING_TEST_SEED")
                             ? quint32(qEnvironmentVariableIntValue("QINGTING_TEST_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("seed %u (QINGTING_TEST_SEED=%u repeats this run)", seed, seed);
    QRandomGenerator random(seed);

    QElapsedTimer total;
    total.start();
    // A clean writer first: how long a process takes to start, open the database and save its first case.
    QStringList reported;
    QElapsedTimer firstSave;
    firstSave.start();
    {
        std::unique_ptr<QProcess> p(
            startWriter(scratch, QStringLiteral("first"), {QStringLiteral("--count"), QStringLiteral("1")}));
        QVERIFY(p->waitForFinished(30000));
        QCOMPARE(p->exitCode(), 0);
        reported << DeskWriters::reportedNumbers(p->readAllStandardOutput());
        QCOMPARE(reported.size(), 1);
    }
    const int startupMs = int(std::max<qint64>(firstSave.elapsed(), 20));

    int killedAfterSaves = 0;
    for (int k = 0; k < kills; ++k) {
        // One kill in five lands while the process starts and opens the database, the rest while it writes.
        const bool early = random.bounded(5) == 0;
        const int delayMs = early ? random.bounded(startupMs) : startupMs + random.bounded(150);
        std::unique_ptr<QProcess> p(
            startWriter(scratch, QStringLiteral("kill%1").arg(k), {QStringLiteral("--seconds"), QStringLiteral("60")}));
        QVERIFY2(p->waitForStarted(10000), qPrintable(p->errorString()));
        QThread::msleep(ulong(delayMs));
        const bool stillRunning = p->state() == QProcess::Running;
        p->kill(); // SIGKILL
        QVERIFY(p->waitForFinished(10000));
        const QStringList numbers = DeskWriters::reportedNumbers(p->readAllStandardOutput());
        const QString errors = QString::fromUtf8(p->readAllStandardError());
        // A writer that ended on its own before the kill failed to open or to save: that is a finding too.
        QVERIFY2(stillRunning, qPrintable(QStringLiteral("writer %1 ended before its kill: %2").arg(k).arg(errors)));
        QVERIFY2(!errors.contains(QLatin1String("failed after")), qPrintable(errors));
        killedAfterSaves += numbers.isEmpty() ? 0 : 1;
        reported << numbers;
    }

    // The database takes new cases after the last kill.
    {
        std::unique_ptr<QProcess> p(
            startWriter(scratch, QStringLiteral("last"), {QStringLiteral("--count"), QStringLiteral("5")}));
        QVERIFY(p->waitForFinished(30000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        const QStringList numbers = DeskWriters::reportedNumbers(p->readAllStandardOutput());
        QCOMPARE(numbers.size(), 5);
        reported << numbers;
    }

    const DeskWriters::Check after = DeskWriters::check(scratch.location(), reported);
    QVERIFY2(after.problems.isEmpty(), qPrintable(after.problems.mid(0, 20).join(QLatin1Char('\n'))));
    QVERIFY(after.cases >= reported.size());
    qInfo("%d kills (%d after saves had been reported, first save after %d ms): %d cases reported saved, %lld stored, "
          "%lld ms",
          kills, killedAfterSaves, startupMs, int(reported.size()), after.cases, total.elapsed());
    // Most kills must hit a writer that was saving, or the test would not test what it says.
    QVERIFY2(killedAfterSaves >= kills / 3, qPrintable(QStringLiteral("only %1 of %2 kills hit a writer after its "
                                                                      "first save")
                                                           .arg(killedAfterSaves)
                                                           .arg(kills)));
}

QTEST_GUILESS_MAIN(TestKilledWriters)
#include "tst_killed_writers.moc"
