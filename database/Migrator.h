#pragma once

#include "Dialect.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QSqlDatabase;

/** One numbered schema file from database/migrations (embedded as a resource). */
struct Migration
{
    int version = 0;
    QString name; ///< "initial", from 0001_initial.sql
    QString script;
};

/**
 * Brings a database to the schema this build knows, one migration at a time, each in its own transaction with
 * its version recorded in schema_migrations. Returns what it found and did; never shows a message itself.
 */
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)

public:
    enum class Outcome
    {
        Empty, ///< inspect(): nothing there yet
        UpToDate,
        Created,           ///< migrate(): an empty database got the whole schema
        Upgraded,          ///< migrate(): an older schema was brought up to date
        Older,             ///< inspect(): ours, with an older schema that migrate() would upgrade
        NewerIncompatible, ///< written by a newer Qingting: refused, left untouched
        NotQingting,       ///< another application's database: refused, left untouched
        Failed,            ///< a read or a migration failed; the failing migration was rolled back
    };

    struct Report
    {
        Outcome outcome = Outcome::Failed;
        int fromVersion = 0;
        int toVersion = 0;
        QString message; ///< translated; empty when all went well

        bool refused() const
        {
            return outcome == Outcome::NewerIncompatible || outcome == Outcome::NotQingting ||
                   outcome == Outcome::Failed;
        }
    };

    /** Marks an SQLite file as Qingting's, in the header's application_id field ('QTNG'). */
    static constexpr quint32 kSqliteApplicationId = 0x51544E47;

    /** The message for a database whose schema is newer than this build's. */
    static QString newerSchemaMessage(int version);

    /** The migrations built into this binary, in order (1, 2, 3 ... without gaps). */
    static const QList<Migration>& migrations();
    static int latestVersion();

    explicit Migrator(QSqlDatabase db);

    /** Reads what the database is, writing nothing (safe on a read-only connection). */
    Report inspect() const;
    /** Applies the missing migrations up to `targetVersion` (default: the latest). */
    Report migrate(int targetVersion = -1);

private:
    Report failed(int fromVersion, const QString& message) const;
    int currentVersion(QString* error) const;
    bool apply(const Migration& migration, QString* error);

    QString m_connectionName;
    Dialect m_dialect;
};
