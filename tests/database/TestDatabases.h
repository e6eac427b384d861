#pragma once

#include "Database.h"

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <memory>

/**
 * One scratch database per test data row: a fresh SQLite file in a QTemporaryDir ("sqlite"), or a fresh
 * PostgreSQL database created through the admin URL in QINGTING_TEST_PG and dropped again ("postgres").
 * Destroy every Database and RawConnection on it first (declare them after the TestDatabase).
 */
class TestDatabase
{
public:
    /** Adds the column "backend" and the rows "sqlite" and "postgres" to a _data() function. */
    static void addBackendRows();
    /** The admin URL from QINGTING_TEST_PG, or empty. */
    static QString adminUrl();

    explicit TestDatabase(const QString& backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    bool isPostgres() const { return m_postgres; }
    QString backend() const { return m_postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite"); }
    /** Non-empty when the row cannot run here (no PostgreSQL): QSKIP with it. */
    const QString& skipReason() const { return m_skip; }
    /** Non-empty when the scratch database could not be made. */
    const QString& setupError() const { return m_error; }

    DatabaseLocation location() const;
    /** The SQLite file (which need not exist yet); empty for PostgreSQL. */
    QString sqlitePath() const { return m_sqlitePath; }
    /** postgresql://postgres@127.0.0.1:PORT/qt_test_xxx; empty for SQLite. */
    QString postgresUrl() const { return m_postgresUrl; }
    /** A scratch folder for other files of the test. */
    QString dir() const { return m_dir.path(); }

    Result<std::unique_ptr<Database>> open(Database::OpenMode mode = Database::OpenMode::CreateOrMigrate) const;

private:
    bool m_postgres = false;
    QTemporaryDir m_dir;
    QString m_sqlitePath;
    QString m_postgresUrl;
    QString m_postgresName;
    QString m_skip;
    QString m_error;
};

/**
 * A plain Qt SQL connection to a TestDatabase, beside Qingting's own: for looking at raw rows and for tampering
 * as an attacker with file or account access would.
 */
class RawConnection
{
public:
    explicit RawConnection(const TestDatabase& database);
    /** A connection to any PostgreSQL URL (the admin database, for example). */
    static std::unique_ptr<RawConnection> toPostgres(const QString& url);
    /** A connection to any SQLite file. */
    static std::unique_ptr<RawConnection> toSqlite(const QString& path);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    QSqlDatabase db() const;

    /** Runs one statement; returns the driver's error text, empty on success. */
    QString exec(const QString& sql, const QVariantList& values = {});
    /** The first column of the first row, or an invalid QVariant. */
    QVariant scalar(const QString& sql, const QVariantList& values = {});
    /** Every row, every column. */
    QList<QVariantList> rows(const QString& sql, const QVariantList& values = {});
    /** Every row of every Qingting table as text: equal dumps mean nothing was written. */
    QString dump();

private:
    RawConnection() = default;
    QString m_name;
    QString m_error;
};

/** Hex SHA-256 of a file's bytes, or empty if it cannot be read. */
QString fileSha256(const QString& path);

/** Starts a test function on the current data row's scratch database, or skips it. */
#define QINGTING_TEST_DATABASE(var)                                                                                    \
    QFETCH(QString, backend);                                                                                          \
    TestDatabase var(backend);                                                                                         \
    if (!var.skipReason().isEmpty())                                                                                   \
        QSKIP(qPrintable(var.skipReason()));                                                                           \
    QVERIFY2(var.setupError().isEmpty(), qPrintable(var.setupError()))

/** Opens (creating or migrating) a TestDatabase into `std::unique_ptr<Database> var`, failing the test if not. */
#define QINGTING_OPEN_DATABASE(var, testDatabase)                                                                      \
    std::unique_ptr<Database> var;                                                                                     \
    {                                                                                                                  \
        auto opened_ = (testDatabase).open();                                                                          \
        QVERIFY2(opened_.ok(), qPrintable(opened_.ok() ? QString() : opened_.error().message));                        \
        var = std::move(opened_).value();                                                                              \
    }

/** QVERIFY for a Result or Status, printing the error message when it failed. */
#define QINGTING_VERIFY_OK(result)                                                                                     \
    do {                                                                                                               \
        const auto& r_ = (result);                                                                                     \
        QVERIFY2(r_.ok(), qPrintable(r_.ok() ? QString() : r_.error().message));                                       \
    } while (false)
