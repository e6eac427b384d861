#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QStringList>

class Clock;
class Session;

/**
 * Backups of an SQLite database that are known to be good, and restoring one without putting the current file at
 * risk (issue 17). A file counts as verified when it opens as a Qingting database and passes what `verify` checks:
 * SQLite's integrity and foreign keys, the status counts and daily figures, and the audit chain sealed with this
 * desk's audit key. PostgreSQL halls back up and restore on the server (pg_dump, pg_restore; README).
 */
class DatabaseBackup
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)

public:
    struct Check
    {
        QStringList problems; ///< translated, one a line; empty: the file verified
        qint64 auditEntries = 0;
        int schemaVersion = 0;
        bool ok() const { return problems.isEmpty(); }
    };

    /**
     * Opens the SQLite file at `path` and checks it as `verify` does. Opening may migrate an older file and switches
     * it to WAL: use it on copies (restore() checks a copy of the backup, never the backup itself). An error means
     * the file could not be opened as a Qingting database at all (its message says why).
     */
    static Result<Check> check(const QString& path);

    struct Restored
    {
        QString asidePath; ///< where the database that was replaced now lies (empty if there was none)
        Check check;       ///< the restored database, checked again after it was put in place
    };

    /**
     * Replaces the SQLite database at `databasePath` with the backup at `backupPath`. In order, stopping at the
     * first step that fails with the current database untouched: the database must not be in use (no WAL file
     * beside it); the backup is copied beside the database and the copy opened and verified; the current database is
     * renamed to `<database>.before-restore-<UTC time>`; the copy takes its place, is opened, records the restore in
     * its audit log and is verified again. If that last step fails, the database that was replaced is put back.
     * Errors: Code::Invalid for a backup that is not a good Qingting database (nothing changed), Code::Conflict
     * while the database is in use, Code::Storage for files that cannot be copied or renamed.
     */
    static Result<Restored> restore(const QString& databasePath, const QString& backupPath, const Session& session,
                                    const Clock& clock);
};
