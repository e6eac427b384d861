#include "DatabaseBackup.h"

#include "Database.h"
#include "common/Clock.h"
#include "repositories/Repositories.h"
#include "repositories/UnitOfWork.h"
#include "services/AuditService.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace {
/** The file and the two SQLite keeps beside it in WAL mode. */
void removeWithCompanions(const QString& path)
{
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile::remove(path + suffix);
    }
}

DatabaseBackup::Check checkOpen(Database& db)
{
    DatabaseBackup::Check c;
    c.schemaVersion = db.schemaVersion();
    const auto problems = db.integrityProblems();
    if (!problems) {
        c.problems << problems.error().message;
        return c;
    }
    c.problems << *problems;
    AuditService audit(Session::commandLine(), db.repositories());
    const auto chain = audit.verify();
    if (!chain) {
        c.problems << chain.error().message;
        return c;
    }
    c.auditEntries = chain->entriesChecked;
    if (!chain->ok) {
        c.problems << DatabaseBackup::tr("The audit chain is broken at entry %1: %2")
                          .arg(chain->brokenSeq)
                          .arg(chain->problem);
    } else if (!chain->keyedChecked) {
        // As `verify`: without this desk's key a re-forged chain would pass, so the file is not vouched for.
        c.problems << DatabaseBackup::tr("The audit log could not be checked with this desk's audit key: %1")
                          .arg(chain->keyNote);
    }
    return c;
}
} // namespace

Result<DatabaseBackup::Check> DatabaseBackup::check(const QString& path)
{
    if (!QFileInfo(path).isFile()) {
        return Error::make(Error::Code::Invalid, tr("%1 is not a file.").arg(path));
    }
    auto opened = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::ExistingOnly);
    if (!opened) {
        return Error::make(Error::Code::Invalid, opened.error().message);
    }
    return checkOpen(**opened);
}

Result<DatabaseBackup::Restored> DatabaseBackup::restore(const QString& databasePath, const QString& backupPath,
                                                         const Session& session, const Clock& clock)
{
    const QFileInfo target(databasePath);
    const QFileInfo backup(backupPath);
    if (!backup.isFile()) {
        return Error::make(Error::Code::Invalid, tr("The backup %1 does not exist or is not a file.").arg(backupPath));
    }
    if (target.exists() && backup.canonicalFilePath() == target.canonicalFilePath()) {
        return Error::make(Error::Code::Invalid, tr("%1 is the database itself, not a backup of it.").arg(backupPath));
    }
    if (!target.absoluteDir().exists()) {
        return Error::make(Error::Code::Storage,
                           tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(target.absolutePath())));
    }
    // A database in WAL mode keeps its -wal file while any connection is open (the last one to close removes it).
    if (QFileInfo::exists(target.absoluteFilePath() + QLatin1String("-wal"))) {
        return Error::make(Error::Code::Conflict,
                           tr("%1 is in use (or was not closed cleanly): close Qingting on this desk, or run "
                              "`qingting-cli verify` on it once, and restore again. Nothing was changed.")
                               .arg(databasePath));
    }

    // 1. The backup, copied beside the database (the same file system: the swap below is a rename), and checked.
    const QString staging = target.absoluteFilePath() + QLatin1String(".restoring");
    removeWithCompanions(staging);
    if (!QFile::copy(backup.absoluteFilePath(), staging)) {
        removeWithCompanions(staging);
        return Error::make(Error::Code::Storage,
                           tr("The backup could not be copied to %1 (is there room on the disk?). Nothing was changed.")
                               .arg(QDir::toNativeSeparators(staging)));
    }
    QFile::setPermissions(staging, QFile::ReadOwner | QFile::WriteOwner);
    {
        const auto checked = check(staging);
        if (!checked || !checked->ok()) {
            removeWithCompanions(staging);
            // The reasons name the copy; the person chose the backup.
            QString why = !checked ? checked.error().message : checked->problems.join(QLatin1String("; "));
            why.replace(QDir::toNativeSeparators(staging), backupPath).replace(staging, backupPath);
            if (!why.endsWith(QLatin1Char('.')) && !why.endsWith(QChar(0x3002))) { // or 。
                why.append(QLatin1Char('.'));
            }
            return Error::make(Error::Code::Invalid,
                               tr("%1 cannot be restored, and nothing was changed: %2").arg(backupPath, why));
        }
    } // closed: SQLite removes the copy's -wal and -shm

    // 2. The current database aside, the copy in its place.
    QString aside;
    if (target.exists()) {
        aside = target.absoluteFilePath() + QLatin1String(".before-restore-") +
                clock.now().toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (QFileInfo::exists(aside) || !QFile::rename(target.absoluteFilePath(), aside)) {
            removeWithCompanions(staging);
            return Error::make(Error::Code::Storage,
                               tr("%1 could not be moved aside to %2. Nothing was changed.").arg(databasePath, aside));
        }
    }
    auto putBack = [&] {
        removeWithCompanions(target.absoluteFilePath());
        return aside.isEmpty() || QFile::rename(aside, target.absoluteFilePath());
    };
    if (!QFile::rename(staging, target.absoluteFilePath())) {
        removeWithCompanions(staging);
        const bool back = putBack();
        return Error::make(Error::Code::Storage,
                           back ? tr("The restored copy could not be put in place; the database is as it was.")
                                : tr("The restored copy could not be put in place, and the database could not be moved "
                                     "back: it is at %1.")
                                      .arg(aside));
    }

    // 3. Opened where it now lies, the restore recorded in its own audit log, and checked again.
    Restored restored;
    restored.asidePath = aside;
    QString failure;
    {
        auto opened =
            Database::open(DatabaseLocation::sqlite(target.absoluteFilePath()), Database::OpenMode::ExistingOnly);
        if (!opened) {
            failure = opened.error().message;
        } else {
            const Repositories repos = (*opened)->repositories();
            WriteTransaction tx(*repos.unitOfWork);
            Status recorded = tx.started();
            if (recorded) {
                AuditWriter audit(*repos.audit, clock);
                recorded = audit.record(
                    session, QStringLiteral("database.restore"), QStringLiteral("database"), 0,
                    {{QStringLiteral("from"), backup.absoluteFilePath()}, {QStringLiteral("aside"), aside}});
            }
            if (recorded) {
                recorded = tx.commit();
            }
            if (!recorded) {
                failure = recorded.error().message;
            } else {
                restored.check = checkOpen(**opened);
                if (!restored.check.ok()) {
                    failure = restored.check.problems.join(QLatin1String("; "));
                }
            }
        }
    }
    if (!failure.isEmpty()) {
        const bool back = putBack();
        return Error::make(Error::Code::Storage,
                           back ? tr("The restored database did not verify where it was put (%1); the database that "
                                     "was there is back in place.")
                                      .arg(failure)
                                : tr("The restored database did not verify where it was put (%1), and the database "
                                     "that was there could not be moved back: it is at %2.")
                                      .arg(failure, aside));
    }
    return restored;
}
