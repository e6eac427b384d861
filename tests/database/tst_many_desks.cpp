#include "DeskWriters.h"
#include "TestDatabases.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

/**
 * Many desks record cases into one database at once, each as fast as it can for a few seconds: 8 processes on one
 * SQLite file, 40 on one PostgreSQL database. No save fails (SQLite writers wait for the lock instead of failing
 * with "database is locked"), every reported case is stored once, and the audit chain verifies. The 30-second runs
 * and the latency figures are tests/bench/bench_desks.sh; QINGTING_TEST_DESK_SECONDS lengthens this one.
 */
class TestManyDesks : public QObject
{
    Q_OBJECT

private slots:
    void desksSaveTogether_data();
    void desksSaveTogether();
    void aSaveWaitsForAnotherDesksLock_data() { TestDatabase::addBackendRows(); }
    void aSaveWaitsForAnotherDesksLock();
};

void TestManyDesks::desksSaveTogether_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("desks");
    QTest::newRow("sqlite, 8 desks") << QStringLiteral("sqlite") << 8;
    QTest::newRow("postgres, 40 desks") << QStringLiteral("postgres") << 40;
}

void TestManyDesks::desksSaveTogether()
{
    QINGTING_TEST_DATABASE(scratch);
    QFETCH(int, desks);
    {
        QINGTING_OPEN_DATABASE(db, scratch);
    }
    const int seconds = std::max(1, qEnvironmentVariableIsSet("QINGTING_TEST_DESK_SECONDS")
                                        ? qEnvironmentVariableIntValue("QINGTING_TEST_DESK_SECONDS")
                                        : 3);
    std::vector<std::unique_ptr<QProcess>> writers;
    for (int w = 0; w < desks; ++w) {
        auto p = std::make_unique<QProcess>();
        p->setProgram(QStringLiteral(QINGTING_CASE_WRITER));
        p->setArguments(DeskWriters::arguments(scratch, QStringLiteral("desk%1").arg(w))
                        << QStringLiteral("--seconds") << QString::number(seconds) << QStringLiteral("--timings")
                        << QStringLiteral("1"));
        writers.push_back(std::move(p));
    }
    QElapsedTimer timer;
    timer.start();
    for (auto& p : writers) {
        p->start();
    }
    // Wait in the event loop, so that every writer's output is read while it runs (a full pipe would stall it).
    const auto running = [&writers] {
        return std::any_of(writers.begin(), writers.end(),
                           [](const auto& p) { return p->state() != QProcess::NotRunning; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(!running(), (seconds + 90) * 1000);

    QStringList reported;
    std::vector<qint64> latencies;
    for (auto& p : writers) {
        const QByteArray output = p->readAllStandardOutput();
        const QString errors = QString::fromUtf8(p->readAllStandardError());
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                 qPrintable(QStringLiteral("%1 exited with %2: %3")
                                .arg(p->arguments().at(3))
                                .arg(p->exitCode())
                                .arg(errors.right(2000))));
        const QStringList numbers = DeskWriters::reportedNumbers(output);
        QVERIFY2(!numbers.isEmpty(), qPrintable(QStringLiteral("%1 saved nothing").arg(p->arguments().at(3))));
        reported << numbers;
        for (const QByteArray& line : output.split('\n')) {
            if (const qsizetype tab = line.indexOf('\t'); tab > 0) {
                latencies.push_back(line.mid(tab + 1).toLongLong());
            }
        }
    }
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(qsizetype(latencies.size()), reported.size());

    const DeskWriters::Check after = DeskWriters::check(scratch.location(), reported);
    QVERIFY2(after.problems.isEmpty(), qPrintable(after.problems.mid(0, 20).join(QLatin1Char('\n'))));
    QCOMPARE(after.cases, qint64(reported.size()));

    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&latencies](double p) {
        return double(latencies.at(std::min(latencies.size() - 1, size_t(p * double(latencies.size()))))) / 1000.0;
    };
    qInfo("%d desks, %d s each: %d cases in %lld ms; save latency p50 %.1f ms, p95 %.1f ms, max %.1f ms", desks,
          seconds, int(reported.size()), elapsed, percentile(0.50), percentile(0.95),
          double(latencies.back()) / 1000.0);
}

void TestManyDesks::aSaveWaitsForAnotherDesksLock()
{
    QINGTING_TEST_DATABASE(scratch);
    {
        QINGTING_OPEN_DATABASE(db, scratch);
    }
    // Another desk holds the write lock (SQLite) or the counter and audit-head rows (PostgreSQL) for a while.
    RawConnection other(scratch);
    QVERIFY2(other.isOpen(), qPrintable(other.error()));
    QCOMPARE(other.exec(scratch.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE")), QString());
    QCOMPARE(other.exec(QStringLiteral("UPDATE audit_head SET last_seq = last_seq WHERE id = 1")), QString());

    QProcess writer;
    writer.setProgram(QStringLiteral(QINGTING_CASE_WRITER));
    writer.setArguments(DeskWriters::arguments(scratch, QStringLiteral("waiting"))
                        << QStringLiteral("--count") << QStringLiteral("1"));
    writer.start();
    QVERIFY(writer.waitForStarted(10000));
    // Well past SQLite's first retries, well within the busy timeout: the save must be waiting, not failed.
    QTest::qWait(1500);
    QCOMPARE(writer.state(), QProcess::Running);
    QCOMPARE(other.exec(QStringLiteral("COMMIT")), QString());
    QVERIFY(writer.waitForFinished(30000));
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    const QStringList numbers = DeskWriters::reportedNumbers(writer.readAllStandardOutput());
    QCOMPARE(numbers.size(), 1);
    const DeskWriters::Check after = DeskWriters::check(scratch.location(), numbers);
    QVERIFY2(after.problems.isEmpty(), qPrintable(after.problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestManyDesks)
#include "tst_many_desks.moc"
