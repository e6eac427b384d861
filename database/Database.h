#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

/** Where a desk's data lives: an SQLite file (the embedded default) or a shared PostgreSQL database. */
struct DatabaseLocation
{
    enum class Kind
    {
        Sqlite,
        Postgres
    };

    Kind kind = Kind::Sqlite;
    QString sqlitePath;  ///< a file path, or ":memory:"
    QString postgresUrl; ///< postgresql://user:password@host:port/dbname

    static DatabaseLocation sqlite(const QString& path) { return {Kind::Sqlite, path, {}}; }
    static DatabaseLocation postgres(const QString& url) { return {Kind::Postgres, {}, url}; }
    /** The desktop app's default file: QStandardPaths::AppDataLocation/qingting.sqlite. */
    static DatabaseLocation defaultLocation();
    /** For messages: the file path or the URL without its password. */
    QString displayName() const;
};

class AuditKeyRing;
class DatabasePrivate;
class SqlContext;
class SqlCaseRepository;
class SqlTransferRepository;    // transfer (issue 12)
class SqlMetricsRepository;     // metrics (issue 13)
class SqlImprovementRepository; // register (issue 14)
class SqlRiskRepository;        // riskintake (issue 16)

/**
 * One open, migrated Qingting database and the repositories over its connection. Not thread-safe: a thread
 * that works on the database opens a Database of its own (Qt cannot move a connection between threads).
 */
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class OpenMode
    {
        CreateOrMigrate, ///< create a new database or bring an older schema up to date
        ExistingOnly,    ///< refuse to create; still migrates an older schema
    };

    /**
     * Opens, identifies and migrates. A file that is not a Qingting database, is corrupt, or has a newer schema
     * is refused with Error::Code::Incompatible and left byte-for-byte unchanged.
     */
    static Result<std::unique_ptr<Database>> open(const DatabaseLocation& location,
                                                  OpenMode mode = OpenMode::CreateOrMigrate);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseLocation& location() const;
    int schemaVersion() const;
    /** The schema version found on opening: 0 for a database this open created. */
    int versionFoundOnOpen() const;
    /** Valid as long as this Database lives. */
    Repositories repositories() const;
    /** The connection and dialect, for database-side helpers over the same connection (the demo bulk writer). */
    const SqlContext& sqlContext() const;
    /** The case repository itself, for what only SQL can say: query plans and their thresholds. */
    SqlCaseRepository& caseRepository() const;
    /** transfer (issue 12): the transfers repository with its plan helpers, for tests. */
    SqlTransferRepository& transferRepository() const;
    /** metrics (issue 13): the inputs of the figures with their plan helpers, for tests. */
    SqlMetricsRepository& metricsRepository() const;
    /** register (issue 14): the improvement register with its plan helpers, for tests. */
    SqlImprovementRepository& improvementRepository() const;
    /** riskintake (issue 16): the risk repository with its plan helpers, for tests. */
    SqlRiskRepository& riskRepository() const;

    /**
     * A consistent copy of the database while desks may be using it (SQLite's VACUUM INTO), written beside `path`
     * first and renamed into place. Refuses an existing `path`. PostgreSQL backups are the server's (pg_dump).
     */
    Status backupTo(const QString& path);

    /** SQLite: PRAGMA integrity_check and foreign_key_check; PostgreSQL: catalog and constraint checks. */
    Result<QStringList> integrityProblems();

    /**
     * Translated warnings found on opening, for the caller to show (never a dialog from here): on PostgreSQL, a
     * connection whose role owns the tables or is a superuser (it could drop the audit triggers).
     */
    QStringList warnings() const;
    /**
     * The audit key (AuditKeyRing::defaultPath(), created there on opening when the log was not yet sealed), or
     * null when this desk has none. Without a usable key the database opens and verifies, but every audited write
     * fails with auditKeyProblem().
     */
    const AuditKeyRing* auditKeys() const;
    /** Why this desk cannot seal audit entries (no key file, a file others may read, another hall's key); or empty. */
    QString auditKeyProblem() const;
    /** Whether this open created the audit key file (init then says where it is, for the other desks). */
    bool auditKeyCreated() const;

private:
    explicit Database(std::unique_ptr<DatabasePrivate> d);
    Status setUpAuditKey(int versionFound);
    static QString wrongKeyMessage(const AuditKeyRing& keys, const DatabaseLocation& location, const QString& keyId);
    void collectWarnings();
    std::unique_ptr<DatabasePrivate> d;
};
