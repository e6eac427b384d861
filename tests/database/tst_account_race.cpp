#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/UserRepository.h"

#include <QDateTime>
#include <QProcess>
#include <QTest>

/**
 * Two desks (two account_racer processes started for the same instant) change administrators at once: exactly one
 * creates "the first administrator", and two administrators disabling or demoting each other leave one behind.
 * On PostgreSQL this rests on the advisory lock of Dialect::accountsLock, on SQLite on BEGIN IMMEDIATE.
 */
class TestAccountRace : public QObject
{
    Q_OBJECT

private:
    static constexpr int kRounds = 2;

    /** Starts one racer per argument list for the same instant; returns their exit codes (-1: did not finish). */
    QList<int> race(const TestDatabase& scratch, const QList<QStringList>& racers)
    {
        const qint64 startMs = QDateTime::currentMSecsSinceEpoch() + 1200; // time to start and open the database
        QList<QProcess*> processes;
        for (const QStringList& racer : racers) {
            auto* p = new QProcess(this);
            p->setProgram(QStringLiteral(QINGTING_ACCOUNT_RACER));
            QStringList args = scratch.isPostgres() ? QStringList{QStringLiteral("--pg"), scratch.postgresUrl()}
                                                    : QStringList{QStringLiteral("--db"), scratch.sqlitePath()};
            args << QStringLiteral("--start-ms") << QString::number(startMs) << racer;
            p->setArguments(args);
            processes << p;
        }
        for (QProcess* p : processes) {
            p->start();
        }
        QList<int> codes;
        for (QProcess* p : processes) {
            const bool finished = p->waitForFinished(60000);
            const int code = finished && p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
            if (code != 0) {
                qInfo("racer %s: exit %d: %s", qPrintable(p->arguments().join(u' ')), code,
                      qPrintable(QString::fromUtf8(p->readAllStandardError()).trimmed()));
            }
            codes << code;
            delete p;
        }
        return codes;
    }

private slots:
    void oneFirstAdministrator_data() { TestDatabase::addBackendRows(); }
    void oneFirstAdministrator()
    {
        for (int round = 0; round < kRounds; ++round) {
            QINGTING_TEST_DATABASE(scratch);
            {
                QINGTING_OPEN_DATABASE(db, scratch); // migrated before the race, so that only the accounts race
            }
            const QList<int> codes = race(scratch, {{QStringLiteral("--mode"), QStringLiteral("first-admin"),
                                                     QStringLiteral("--login"), QStringLiteral("desk1")},
                                                    {QStringLiteral("--mode"), QStringLiteral("first-admin"),
                                                     QStringLiteral("--login"), QStringLiteral("desk2")}});
            QVERIFY2(!codes.contains(-1) && !codes.contains(1) && !codes.contains(2), "a racer failed");
            QCOMPARE(codes.count(0), 1);
            QCOMPARE(codes.count(3), 1);
            RawConnection raw(scratch);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 1);
        }
    }

    void administratorsCannotRemoveEachOther_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("mode");
        for (const char* backend : {"sqlite", "postgres"}) {
            for (const char* mode : {"disable", "demote"}) {
                QTest::addRow("%s %s", backend, mode) << QString::fromLatin1(backend) << QString::fromLatin1(mode);
            }
        }
    }
    void administratorsCannotRemoveEachOther()
    {
        QFETCH(QString, mode);
        QINGTING_TEST_DATABASE(scratch);
        {
            QINGTING_OPEN_DATABASE(db, scratch);
            const Repositories repos = db->repositories();
            Fixtures::addUser(repos, QStringLiteral("wang"), Role::Admin);
            Fixtures::addUser(repos, QStringLiteral("zhao"), Role::Admin);
        }
        RawConnection raw(scratch);
        for (int round = 0; round < kRounds; ++round) {
            QCOMPARE(raw.exec(QStringLiteral("UPDATE users SET active = 1, role = 'admin'")), QString());
            const QList<int> codes =
                race(scratch, {{QStringLiteral("--mode"), mode, QStringLiteral("--login"), QStringLiteral("wang"),
                                QStringLiteral("--target"), QStringLiteral("zhao")},
                               {QStringLiteral("--mode"), mode, QStringLiteral("--login"), QStringLiteral("zhao"),
                                QStringLiteral("--target"), QStringLiteral("wang")}});
            QVERIFY2(!codes.contains(-1) && !codes.contains(1) && !codes.contains(2), "a racer failed");
            QCOMPARE(codes.count(0), 1);
            QCOMPARE(codes.count(3), 1);
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE active = 1 AND role = 'admin'")).toInt(),
                1);
        }
    }
};

QTEST_GUILESS_MAIN(TestAccountRace)
#include "tst_account_race.moc"
