#include "Migrator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {
const QLatin1String kVersionTable("schema_migrations");

QList<Migration> loadMigrations()
{
    QList<Migration> result;
    static const QRegularExpression nameRe(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const auto m = nameRe.match(file);
        QFile f(dir.filePath(file));
        if (!m.hasMatch() || !f.open(QIODevice::ReadOnly)) {
            qFatal("Bad migration resource %s", qPrintable(file));
        }
        result.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    std::sort(result.begin(), result.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (qsizetype i = 0; i < result.size(); ++i) {
        if (result.at(i).version != i + 1) {
            qFatal("Migrations must be numbered 1, 2, 3 ... without gaps");
        }
    }
    return result;
}
} // namespace

const QList<Migration>& Migrator::migrations()
{
    static const QList<Migration> all = loadMigrations();
    return all;
}

int Migrator::latestVersion()
{
    return int(migrations().size());
}

QString Migrator::newerSchemaMessage(int version)
{
    return tr("The database was written by a newer Qingting (schema %1; this build knows up to %2). Update Qingting "
              "on this desk.")
        .arg(version)
        .arg(latestVersion());
}

Migrator::Migrator(QSqlDatabase db)
    : m_connectionName(db.connectionName())
    , m_dialect(Dialect::of(db))
{}

Migrator::Report Migrator::failed(int fromVersion, const QString& message) const
{
    return {Outcome::Failed, fromVersion, fromVersion, message};
}

int Migrator::currentVersion(QString* error) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !q.next()) {
        *error = q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}

Migrator::Report Migrator::inspect() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery probe(db);
    // Reading the schema forces SQLite to read the file header: a foreign or corrupt file fails here.
    const QString schemaProbe =
        m_dialect.isSqlite() ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master") : QStringLiteral("SELECT 1");
    if (!probe.exec(schemaProbe)) {
        return failed(0, tr("The file is not a readable database (%1).").arg(probe.lastError().databaseText()));
    }
    probe.finish();
    if (m_dialect.isSqlite()) {
        if (probe.exec(QStringLiteral("PRAGMA application_id")) && probe.next()) {
            const int appId = probe.value(0).toInt();
            if (appId != 0 && quint32(appId) != kSqliteApplicationId) {
                return {Outcome::NotQingting, 0, 0, tr("The file belongs to another application.")};
            }
        }
        probe.finish();
    }
    const QStringList tables = db.tables(QSql::Tables);
    if (tables.isEmpty()) {
        return {Outcome::Empty, 0, 0, {}};
    }
    if (!tables.contains(kVersionTable) || !tables.contains(QLatin1String("qingting_meta"))) {
        return {Outcome::NotQingting, 0, 0,
                tr("The database holds tables of another application (%1 ...), not Qingting's.")
                    .arg(tables.mid(0, 3).join(QLatin1String(", ")))};
    }
    QString error;
    const int version = currentVersion(&error);
    if (version < 0) {
        return failed(0, tr("The schema version could not be read: %1").arg(error));
    }
    if (version > latestVersion()) {
        return {Outcome::NewerIncompatible, version, version, newerSchemaMessage(version)};
    }
    return {version == latestVersion() ? Outcome::UpToDate : Outcome::Older, version, version, {}};
}

bool Migrator::apply(const Migration& migration, QString* error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(m_dialect.beginWrite())) {
        *error = q.lastError().text();
        return false;
    }
    const auto fail = [&](const QString& what, const QSqlError& e) {
        *error = tr("Migration %1 (%2) failed: %3\n%4")
                     .arg(migration.version)
                     .arg(migration.name, e.databaseText().isEmpty() ? e.text() : e.databaseText(), what.left(300));
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    if (const QString lock = m_dialect.migrationLock(); !lock.isEmpty() && !q.exec(lock)) {
        return fail(lock, q.lastError());
    }
    const QString createVersions =
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at BIGINT NOT NULL, app_version TEXT NOT NULL)");
    if (!q.exec(createVersions)) {
        return fail(createVersions, q.lastError());
    }
    // Another desk may have applied it while we waited for the lock.
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations WHERE version = %1").arg(migration.version)) ||
        !q.next()) {
        return fail(QStringLiteral("schema_migrations"), q.lastError());
    }
    if (q.value(0).toInt() > 0) {
        q.finish();
        q.exec(QStringLiteral("ROLLBACK"));
        return true;
    }
    q.finish();
    const QStringList statements = m_dialect.migrationStatements(migration.script);
    for (const QString& statement : statements) {
        if (!q.exec(statement)) {
            return fail(statement, q.lastError());
        }
    }
    q.prepare(
        QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (?, ?, ?, ?)"));
    q.addBindValue(migration.version);
    q.addBindValue(migration.name);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(QStringLiteral(QINGTING_VERSION));
    if (!q.exec()) {
        return fail(QStringLiteral("INSERT INTO schema_migrations"), q.lastError());
    }
    if (m_dialect.isSqlite()) {
        // Mark the file as ours and mirror the version in the header, where `sqlite3` tools can see it.
        const QString pragmas[] = {QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId),
                                   QStringLiteral("PRAGMA user_version = %1").arg(migration.version)};
        for (const QString& pragma : pragmas) {
            if (!q.exec(pragma)) {
                return fail(pragma, q.lastError());
            }
        }
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        return fail(QStringLiteral("COMMIT"), q.lastError());
    }
    return true;
}

Migrator::Report Migrator::migrate(int targetVersion)
{
    if (targetVersion < 0) {
        targetVersion = latestVersion();
    }
    const Report found = inspect();
    if (found.refused()) {
        return found;
    }
    const int from = found.fromVersion;
    for (const Migration& m : migrations()) {
        if (m.version <= from || m.version > targetVersion) {
            continue;
        }
        QString error;
        if (!apply(m, &error)) {
            QString ignored;
            const int reached = std::max(from, currentVersion(&ignored));
            return {Outcome::Failed, from, reached, error};
        }
    }
    QString error;
    const int now = currentVersion(&error);
    if (now < 0) {
        return failed(from, error);
    }
    if (now == from) {
        return {Outcome::UpToDate, from, now, {}};
    }
    return {from == 0 ? Outcome::Created : Outcome::Upgraded, from, now, {}};
}
