#include "Dialect.h"
#include "SqlSupport.h"
#include "TestDatabases.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

Q_DECLARE_METATYPE(Dialect::Failure)

/**
 * Dialect::classify reads the driver's native error code: only the real busy/locked codes count as "try again";
 * corruption, I/O and read-only errors are reported as what they are.
 */
class TestDialectErrors : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Dialect::Failure>("expected");
        using F = Dialect::Failure;
        const auto sqlite = [](const char* name, const char* code, const char* text, F expected) {
            QTest::addRow("sqlite %s", name)
                << false << QString::fromLatin1(code) << QString::fromLatin1(text) << expected;
        };
        const auto pg = [](const char* name, const char* code, const char* text, F expected) {
            QTest::addRow("postgres %s", name)
                << true << QString::fromLatin1(code) << QString::fromLatin1(text) << expected;
        };
        sqlite("SQLITE_BUSY", "5", "database is locked", F::Busy);
        sqlite("SQLITE_LOCKED", "6", "database table is locked", F::Busy);
        sqlite("SQLITE_BUSY_SNAPSHOT", "517", "database is locked", F::Busy);
        sqlite("SQLITE_BUSY_TIMEOUT", "773", "database is locked", F::Busy);
        sqlite("SQLITE_LOCKED_SHAREDCACHE", "262", "database table is locked", F::Busy);
        sqlite("SQLITE_CORRUPT", "11", "database disk image is malformed", F::Corrupt);
        sqlite("SQLITE_CORRUPT_INDEX", "779", "database disk image is malformed", F::Corrupt);
        sqlite("SQLITE_NOTADB", "26", "file is not a database", F::Corrupt);
        sqlite("SQLITE_IOERR", "10", "disk I/O error", F::Io);
        sqlite("SQLITE_IOERR_SHORT_READ", "522", "disk I/O error", F::Io);
        sqlite("SQLITE_IOERR_LOCK", "3850", "disk I/O error (the lock)", F::Io);
        sqlite("SQLITE_FULL", "13", "database or disk is full", F::Io);
        sqlite("SQLITE_READONLY", "8", "attempt to write a readonly database", F::ReadOnly);
        sqlite("SQLITE_CONSTRAINT_UNIQUE", "2067", "UNIQUE constraint failed: users.login", F::UniqueViolation);
        sqlite("SQLITE_CONSTRAINT_PRIMARYKEY", "1555", "UNIQUE constraint failed: t.id", F::UniqueViolation);
        sqlite("plain constraint, unique", "19", "UNIQUE constraint failed: users.login", F::UniqueViolation);
        sqlite("plain constraint, not null", "19", "NOT NULL constraint failed: users.login", F::Other);
        sqlite("foreign key", "787", "FOREIGN KEY constraint failed", F::Other);
        sqlite("a trigger's message that says locked", "1", "the record is locked by policy", F::Other);
        sqlite("code 51 is not 5", "51", "", F::Other);
        sqlite("no code", "", "out of memory", F::Other);
        pg("lock_not_available", "55P03", "could not obtain lock", F::Busy);
        pg("deadlock_detected", "40P01", "deadlock detected", F::Busy);
        pg("serialization_failure", "40001", "could not serialize access", F::Busy);
        pg("data_corrupted", "XX001", "invalid page in block", F::Corrupt);
        pg("index_corrupted", "XX002", "index contains unexpected zero page", F::Corrupt);
        pg("io_error", "58030", "could not read block", F::Io);
        pg("disk_full", "53100", "could not extend file", F::Io);
        pg("read_only_sql_transaction", "25006", "cannot execute UPDATE in a read-only transaction", F::ReadOnly);
        pg("unique_violation", "23505", "duplicate key value", F::UniqueViolation);
        pg("foreign_key_violation", "23503", "violates foreign key", F::Other);
        pg("query_canceled", "57014", "canceling statement due to lock timeout", F::Other);
        pg("connection_failure", "08006", "server closed the connection", F::Other);
    }

    void classify()
    {
        QFETCH(bool, postgres);
        QFETCH(QString, code);
        QFETCH(QString, text);
        QFETCH(Dialect::Failure, expected);
        const Dialect dialect(postgres ? Dialect::Kind::Postgres : Dialect::Kind::Sqlite);
        const QSqlError error(QStringLiteral("driver"), text, QSqlError::StatementError, code);
        QCOMPARE(dialect.classify(error), expected);
        QCOMPARE(dialect.isBusy(error), expected == Dialect::Failure::Busy);
        QCOMPARE(dialect.isUniqueViolation(error), expected == Dialect::Failure::UniqueViolation);
    }

    void messagesSayWhatHappened_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("busy") << "5"
                              << "busy";
        QTest::newRow("corrupt") << "11"
                                 << "damaged";
        QTest::newRow("not a database") << "26"
                                        << "damaged";
        QTest::newRow("i/o") << "10"
                             << "could not be read or written";
        QTest::newRow("full") << "13"
                              << "could not be read or written";
        QTest::newRow("read-only") << "8"
                                   << "only be read";
    }

    void messagesSayWhatHappened()
    {
        QFETCH(QString, code);
        QFETCH(QString, words);
        const SqlContext sql(QStringLiteral("none"), Dialect(Dialect::Kind::Sqlite));
        const Error e =
            sql.errorFrom(QSqlError(QStringLiteral("driver"), QStringLiteral("text"), QSqlError::StatementError, code));
        QCOMPARE(e.code, Error::Code::Storage);
        QVERIFY2(e.message.contains(words), qPrintable(e.message));
    }

    /** The real driver: a write lock held by another connection is SQLITE_BUSY, and classified so. */
    void realSqliteBusy()
    {
        TestDatabase scratch(QStringLiteral("sqlite"));
        QINGTING_OPEN_DATABASE(db, scratch);
        const auto holder = RawConnection::toSqlite(scratch.sqlitePath());
        const auto waiter = RawConnection::toSqlite(scratch.sqlitePath());
        QVERIFY(holder->isOpen() && waiter->isOpen());
        QCOMPARE(holder->exec(QStringLiteral("BEGIN IMMEDIATE")), QString());
        QCOMPARE(waiter->exec(QStringLiteral("PRAGMA busy_timeout = 0")), QString());
        QSqlError error;
        {
            QSqlQuery q(waiter->db());
            QVERIFY(!q.exec(QStringLiteral("BEGIN IMMEDIATE")));
            error = q.lastError();
        }
        QCOMPARE(holder->exec(QStringLiteral("ROLLBACK")), QString());
        QCOMPARE(Dialect(Dialect::Kind::Sqlite).classify(error), Dialect::Failure::Busy);
    }

    /** The real driver on a file that is no database: corruption, never "busy, try again". */
    void realSqliteNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        const auto raw = RawConnection::toSqlite(path);
        QSqlError error;
        {
            QSqlQuery q(raw->db());
            QVERIFY(!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")));
            error = q.lastError();
        }
        QCOMPARE(Dialect(Dialect::Kind::Sqlite).classify(error), Dialect::Failure::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestDialectErrors)
#include "tst_dialect_errors.moc"
