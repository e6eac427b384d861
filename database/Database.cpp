#include "Database.h"

#include "Migrator.h"
#include "SqlAuditRepository.h"
#include "SqlCalendarRepository.h"
#include "SqlCaseRepository.h"
#include "SqlCrisisRepository.h"      // crisis (issue 16)
#include "SqlDashboardRepository.h"   // dashboard (issue 14)
#include "SqlDeferredIndexes.h"       // demo at scale (issue 10)
#include "SqlDrillResultRepository.h" // drill15 (issue 15)
#include "SqlFollowUpRepository.h"    // followup (issue 12)
#include "SqlImportWriter.h"          // imports (issue 13)
#include "SqlImprovementRepository.h" // register (issue 14)
#include "SqlMetricsDaily.h"          // metrics (issue 13)
#include "SqlMetricsRepository.h"     // metrics (issue 13)
#include "SqlReferenceRepository.h"
#include "SqlReplyRuleRepository.h"
#include "SqlRetentionRepository.h" // retention (issue 17)
#include "SqlRiskRepository.h"      // riskintake (issue 16)
#include "SqlScriptRepository.h"
#include "SqlSlaPolicyRepository.h"   // issue 12, helper "sla"
#include "SqlSupervisionRepository.h" // supervise (issue 12)
#include "SqlSupport.h"
#include "SqlTrainingRepository.h" // train15 (issue 15)
#include "SqlTransferRepository.h" // transfer (issue 12)
#include "SqlUnitOfWork.h"
#include "SqlUserRepository.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QtEndian>

#include <sqlite3.h>

#include <atomic>

/** The connection and the repositories that share it. */
class DatabasePrivate
{
public:
    DatabasePrivate(DatabaseLocation location, const QString& connectionName, Dialect dialect)
        : location(std::move(location))
        , sql(connectionName, dialect)
        , unitOfWork(sql)
        , users(sql)
        , cases(sql)
        , reference(sql)
        , audit(sql)
        , calendar(sql)
        , replyRules(sql)
        , scripts(sql)
        , slaPolicy(sql)    // issue 12, helper "sla"
        , casePauses(sql)   // issue 12, helper "sla"
        , followUps(sql)    // followup (issue 12)
        , supervision(sql)  // supervise (issue 12)
        , transfers(sql)    // transfer (issue 12)
        , metrics(sql)      // metrics (issue 13)
        , imports(sql)      // imports (issue 13)
        , improvements(sql) // register (issue 14)
        , drillResults(sql) // drill15 (issue 15)
        , dashboard(sql)    // dashboard (issue 14)
        , training(sql)     // train15 (issue 15)
        , risk(sql)         // riskintake (issue 16)
        , crises(sql)       // crisis (issue 16)
        , retention(sql)    // retention (issue 17)
    {}

    DatabaseLocation location;
    SqlContext sql;
    SqlUnitOfWork unitOfWork;
    SqlUserRepository users;
    SqlCaseRepository cases;
    SqlReferenceRepository reference;
    SqlAuditRepository audit;
    SqlCalendarRepository calendar;
    SqlReplyRuleRepository replyRules;
    SqlScriptRepository scripts;
    SqlSlaPolicyRepository slaPolicy;      // issue 12, helper "sla"
    SqlCasePauseRepository casePauses;     // issue 12, helper "sla"
    SqlFollowUpRepository followUps;       // followup (issue 12)
    SqlSupervisionRepository supervision;  // supervise (issue 12)
    SqlTransferRepository transfers;       // transfer (issue 12)
    SqlMetricsRepository metrics;          // metrics (issue 13)
    SqlImportWriter imports;               // imports (issue 13)
    SqlImprovementRepository improvements; // register (issue 14)
    SqlDrillResultRepository drillResults; // drill15 (issue 15)
    SqlDashboardRepository dashboard;      // dashboard (issue 14)
    SqlTrainingRepository training;        // train15 (issue 15)
    SqlRiskRepository risk;                // riskintake (issue 16)
    SqlCrisisRepository crises;            // crisis (issue 16)
    SqlRetentionRepository retention;      // retention (issue 17)
    int schemaVersion = 0;
    int versionFoundOnOpen = 0;
    bool auditKeyCreated = false;
    QStringList warnings;
};

namespace {
constexpr int kBusyTimeoutMs = 10000;
const QByteArray kSqliteMagic("SQLite format 3\0", 16);

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("qingting-%1").arg(counter.fetch_add(1));
}

Error incompatible(const DatabaseLocation& location, const QString& why)
{
    const QString message = location.kind == DatabaseLocation::Kind::Sqlite
                                ? Database::tr("Qingting cannot open %1: %2 The file was left unchanged.")
                                : Database::tr("Qingting cannot use %1: %2 The database was left unchanged.");
    return Error::make(Error::Code::Incompatible, message.arg(location.displayName(), why));
}

/**
 * SQLite's own busy handler sleeps longer the longer a writer has waited (1, 2, 5 … 50, then 100 ms between tries),
 * so a desk that has waited a while keeps losing the lock to desks that just arrived and poll every millisecond or
 * two: with 8 desks saving at once the longest waits reached 3 s, and a writer could starve past the busy timeout
 * and fail with "database is locked". This handler gives every waiter the same short, jittered interval, so the
 * lock goes to a waiter at random whatever its age, and it gives up after the same kBusyTimeoutMs.
 */
int evenBusyHandler(void*, int tries)
{
    thread_local QElapsedTimer waiting; // one wait at a time per thread: SQLite calls this with tries 0 first
    if (tries == 0) {
        waiting.start();
    } else if (waiting.hasExpired(kBusyTimeoutMs)) {
        return 0;
    }
    sqlite3_sleep(1 + int(QRandomGenerator::global()->bounded(2)));
    return 1;
}

/** Installs evenBusyHandler on an open QSQLITE connection; false if the driver's handle is not SQLite's. */
bool installBusyHandler(const QSqlDatabase& db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return false;
    }
    sqlite3* connection = *static_cast<sqlite3* const*>(handle.constData());
    return connection != nullptr && sqlite3_busy_handler(connection, evenBusyHandler, nullptr) == SQLITE_OK;
}

/** Removes a connection when it leaves scope, after every query on it is gone. */
struct ConnectionGuard
{
    QString name;
    bool keep = false;
    ~ConnectionGuard()
    {
        if (keep) {
            return;
        }
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
};

/** Whether a connection to the file may be open somewhere: in WAL mode every open connection keeps -wal/-shm. */
bool mayBeInUse(const QString& path)
{
    return QFileInfo::exists(path + QLatin1String("-wal")) || QFileInfo::exists(path + QLatin1String("-shm"));
}

/** What a read-only look at the file found: the migrator's report, and quick_check's verdict when it ran. */
struct ProbeResult
{
    Migrator::Report report;
    QString damage; ///< empty = no damage found
};

/**
 * Reads the file's schema without writing anything. `immutable` uses SQLite's immutable=1: no locks and no -wal/-shm
 * beside the file, but it sees only what was checkpointed and could misread a file that is being written.
 */
ProbeResult probeSqlite(const QString& path, bool immutable)
{
    const QString name = nextConnectionName() + QLatin1String("-inspect");
    ConnectionGuard guard{name};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (immutable) {
        db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
                           QLatin1String("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"));
    } else {
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    }
    ProbeResult result;
    if (!db.open()) {
        result.report = {Migrator::Outcome::Failed, 0, 0,
                         Migrator::tr("The file is not a readable database (%1).").arg(db.lastError().text())};
        return result;
    }
    result.report = Migrator(db).inspect();
    if (result.report.outcome == Migrator::Outcome::Older) {
        // Never migrate a damaged file: check it first (the full check runs in `qingting-cli verify`).
        QSqlQuery check(db);
        if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next()) {
            result.damage = check.lastError().text();
        } else if (check.value(0).toString() != QLatin1String("ok")) {
            result.damage = check.value(0).toString();
        }
    }
    return result;
}

/**
 * Looks at an existing SQLite file without writing to it: the header, then (read-only) what the schema says.
 * Returns an error for anything we must not touch. Creates no file beside it unless the database is in use.
 */
std::optional<Error> inspectSqliteFile(const DatabaseLocation& location)
{
    QFile file(location.sqlitePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Storage,
                           Database::tr("Qingting cannot read %1: %2").arg(location.displayName(), file.errorString()));
    }
    const QByteArray header = file.read(100);
    file.close();
    if (header.size() < 100 || !header.startsWith(kSqliteMagic)) {
        return incompatible(location, Database::tr("it is not a database file (nor a damaged Qingting database)."));
    }
    // The header says whose file it is and which schema it has: refuse foreign and newer files without opening them.
    const auto appId = qFromBigEndian<quint32>(header.constData() + 68);
    const auto userVersion = qFromBigEndian<quint32>(header.constData() + 60);
    if (appId != 0 && appId != Migrator::kSqliteApplicationId) {
        return incompatible(location, Migrator::tr("The file belongs to another application."));
    }
    if (appId == Migrator::kSqliteApplicationId && userVersion > quint32(Migrator::latestVersion())) {
        return incompatible(location, Migrator::newerSchemaMessage(int(userVersion)));
    }

    ProbeResult probe = probeSqlite(location.sqlitePath, true);
    if ((probe.report.refused() || !probe.damage.isEmpty()) && mayBeInUse(location.sqlitePath)) {
        // Another desk may have been writing while we read without locks: look again, properly locked. Its -wal and
        // -shm exist already, so this creates nothing new.
        probe = probeSqlite(location.sqlitePath, false);
    }
    if (probe.report.refused()) {
        return incompatible(location, probe.report.message);
    }
    if (!probe.damage.isEmpty()) {
        return incompatible(location, Database::tr("the database is damaged (%1).").arg(probe.damage));
    }
    return std::nullopt;
}

Result<QSqlDatabase> openSqlite(const DatabaseLocation& location, Database::OpenMode mode, const QString& name)
{
    const bool inMemory = location.sqlitePath == QLatin1String(":memory:");
    if (!inMemory) {
        const QFileInfo info(location.sqlitePath);
        if (info.isDir()) {
            return Error::make(Error::Code::Invalid,
                               Database::tr("%1 is a folder, not a file.").arg(location.sqlitePath));
        }
        if (info.exists() && info.size() > 0) {
            if (auto refused = inspectSqliteFile(location)) {
                return *refused;
            }
        } else if (mode == Database::OpenMode::ExistingOnly) {
            return Error::make(Error::Code::NotFound,
                               Database::tr("There is no database at %1.").arg(location.sqlitePath));
        } else if (!QDir().mkpath(info.absolutePath())) {
            return Error::make(Error::Code::Storage,
                               Database::tr("The folder %1 cannot be created.").arg(info.absolutePath()));
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(location.sqlitePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open()) {
        return Error::make(
            Error::Code::Storage,
            Database::tr("Qingting cannot open %1: %2").arg(location.displayName(), db.lastError().text()));
    }
    if (!installBusyHandler(db)) {
        qWarning("Qingting: the SQLite driver gave no handle; falling back to SQLite's own busy handler");
    }
    QStringList pragmas{QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA synchronous = NORMAL")};
    if (!inMemory) {
        pragmas.prepend(QStringLiteral("PRAGMA journal_mode = WAL"));
    }
    // Switching to WAL needs an exclusive lock for which SQLite does not wait on its busy handler, so several desks
    // opening a new file together retry here within the same time limit.
    QSqlQuery q(db);
    QDeadlineTimer deadline(kBusyTimeoutMs);
    for (const QString& pragma : pragmas) {
        while (!q.exec(pragma)) {
            if (!Dialect::of(db).isBusy(q.lastError()) || deadline.hasExpired()) {
                return Error::make(
                    Error::Code::Storage,
                    Database::tr("Qingting cannot set up %1: %2").arg(location.displayName(), q.lastError().text()));
            }
            QThread::msleep(20);
        }
    }
    return db;
}

Result<QSqlDatabase> openPostgres(const DatabaseLocation& location, const QString& name)
{
    const QUrl url(location.postgresUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")) ||
        url.path().size() < 2) {
        return Error::make(
            Error::Code::Invalid,
            Database::tr("\"%1\" is not a PostgreSQL address; expected postgresql://user:password@host:port/dbname.")
                .arg(location.displayName()));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName(QUrl::FullyDecoded));
    db.setPassword(url.password(QUrl::FullyDecoded));
    db.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
    QStringList options{QStringLiteral("connect_timeout=10")};
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto& item : items) {
        options << item.first + QLatin1Char('=') + item.second;
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        return Error::make(
            Error::Code::Storage,
            Database::tr("Qingting cannot connect to %1: %2").arg(location.displayName(), db.lastError().text()));
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("SET client_min_messages = warning"));
    return db;
}
} // namespace

DatabaseLocation DatabaseLocation::defaultLocation()
{
    return sqlite(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                  QLatin1String("/qingting.sqlite"));
}

QString DatabaseLocation::displayName() const
{
    if (kind == Kind::Sqlite) {
        return QDir::toNativeSeparators(sqlitePath);
    }
    QUrl url(postgresUrl);
    if (!url.password().isEmpty()) {
        url.setPassword(QStringLiteral("***"));
    }
    return url.isValid() ? url.toString() : postgresUrl;
}

namespace {
/** Indexes existing cases once after the migration that added the search index; see SqlCaseRepository. */
Status rebuildSearchIndex(DatabasePrivate& d)
{
    // Cheap look first, so that opening a current database never waits for the write lock.
    const auto stale = d.sql.scalar(
        QStringLiteral("SELECT COUNT(*) FROM qingting_meta WHERE key = 'search_index' AND value = 'rebuild'"));
    if (!stale) {
        return stale.error();
    }
    if (stale->toInt() == 0) {
        return {};
    }
    WriteTransaction tx(d.unitOfWork);
    if (!tx.started()) {
        return tx.started();
    }
    if (auto rebuilt = d.cases.rebuildSearchIndexIfNeeded(); !rebuilt) {
        return rebuilt;
    }
    return tx.commit();
}

/**
 * Builds the indexes a bulk `demo` run deferred and did not live to build (SqlDeferredIndexes), before anything
 * reads the tables through them.
 */
Status restoreDeferredIndexes(DatabasePrivate& d)
{
    const auto waiting = SqlDeferredIndexes::pending(d.sql);
    if (!waiting) {
        return waiting.error();
    }
    if (!*waiting) {
        return {};
    }
    WriteTransaction tx(d.unitOfWork);
    if (!tx.started()) {
        return tx.started();
    }
    if (auto restored = SqlDeferredIndexes::restore(d.sql); !restored) {
        return restored.error();
    }
    return tx.commit();
}

/**
 * Builds the daily figures of the days a migration marked (0019_metrics_daily marks every day with data), so that
 * the first `stats` does not pay for it. The commit does the work (SqlUnitOfWork::commit).
 */
Status buildDailyFigures(DatabasePrivate& d)
{
    const auto marked = d.sql.scalar(QStringLiteral("SELECT COUNT(*) FROM metrics_dirty"));
    if (!marked) {
        return marked.error();
    }
    if (marked->toLongLong() == 0) {
        return {};
    }
    WriteTransaction tx(d.unitOfWork);
    if (!tx.started()) {
        return tx.started();
    }
    return tx.commit();
}
} // namespace

Result<std::unique_ptr<Database>> Database::open(const DatabaseLocation& location, OpenMode mode)
{
    const QString name = nextConnectionName();
    ConnectionGuard guard{name};
    const Result<QSqlDatabase> db = location.kind == DatabaseLocation::Kind::Sqlite ? openSqlite(location, mode, name)
                                                                                    : openPostgres(location, name);
    if (!db) {
        return db.error();
    }
    if (mode == OpenMode::ExistingOnly && location.kind == DatabaseLocation::Kind::Postgres &&
        Migrator(*db).inspect().outcome == Migrator::Outcome::Empty) {
        return Error::make(
            Error::Code::NotFound,
            tr("%1 holds no Qingting database yet; run `qingting-cli init` first.").arg(location.displayName()));
    }
    const Migrator::Report report = Migrator(*db).migrate();
    if (report.refused()) {
        if (report.outcome == Migrator::Outcome::Failed && report.fromVersion > 0) {
            return Error::make(Error::Code::Storage, tr("Updating the database schema failed: %1").arg(report.message));
        }
        return incompatible(location, report.message);
    }
    auto d = std::make_unique<DatabasePrivate>(location, name, Dialect::of(*db));
    if (auto restored = restoreDeferredIndexes(*d); !restored) {
        return Error::make(
            Error::Code::Storage,
            tr("Building the indexes of %1 failed: %2").arg(location.displayName(), restored.error().message));
    }
    if (auto indexed = rebuildSearchIndex(*d); !indexed) {
        return Error::make(
            Error::Code::Storage,
            tr("Building the search index of %1 failed: %2").arg(location.displayName(), indexed.error().message));
    }
    if (auto built = buildDailyFigures(*d); !built) {
        return Error::make(
            Error::Code::Storage,
            tr("Building the daily figures of %1 failed: %2").arg(location.displayName(), built.error().message));
    }
    d->schemaVersion = report.toVersion;
    d->versionFoundOnOpen = report.fromVersion;
    guard.keep = true;
    std::unique_ptr<Database> opened(new Database(std::move(d)));
    if (auto keyed = opened->setUpAuditKey(report.fromVersion); !keyed) {
        return keyed.error();
    }
    opened->collectWarnings();
    return opened;
}

QString Database::wrongKeyMessage(const AuditKeyRing& keys, const DatabaseLocation& location, const QString& keyId)
{
    return tr("The audit key file %1 holds key %2, but the audit log of %3 is sealed with key %4: entries this desk "
              "wrote could not be verified. Copy the hall's audit key file to this desk.")
        .arg(keys.path(), keys.ids().join(QLatin1String(", ")), location.displayName(), keyId);
}

Status Database::setUpAuditKey(int versionFound)
{
    SqlAuditRepository& audit = d->audit;
    const auto head = audit.head();
    if (!head) {
        audit.setKeys(std::nullopt, head.error().message);
        return {};
    }
    const QString path = AuditKeyRing::defaultPath();
    auto ring = AuditKeyRing::load(path);
    if (!ring && ring.error().code == Error::Code::NotFound && head->keyId.isEmpty()) {
        // A log that no key has sealed yet (new, or written before keying): this desk starts the hall's key.
        ring = AuditKeyRing::create(path);
        d->auditKeyCreated = ring.ok();
    }
    if (!ring) {
        const QString problem =
            head->keyId.isEmpty()
                ? ring.error().message
                : tr("The audit log of %1 is sealed with the hall's audit key %2, and this desk cannot use it: %3 "
                     "Copy the hall's audit key file to %4 (mode 0600).")
                      .arg(d->location.displayName(), head->keyId, ring.error().message, path);
        audit.setKeys(std::nullopt, problem);
        return {};
    }
    if (!head->keyId.isEmpty() && !ring->has(head->keyId)) {
        const QString problem = wrongKeyMessage(*ring, d->location, head->keyId);
        audit.setKeys(std::move(ring).value(), problem);
        return {};
    }
    audit.setKeys(std::move(ring).value(), QString());

    // Seal the head once, when this open created the database or brought it to the keyed schema: from then on the
    // head's MAC vouches for the old entries (up to legacy_until) and for the newest one.
    static const int keyedVersion = [] {
        for (const Migration& m : Migrator::migrations()) {
            if (m.name == QLatin1String("audit_keyed")) {
                return m.version;
            }
        }
        return Migrator::latestVersion();
    }();
    if (head->keyId.isEmpty() && versionFound < keyedVersion && d->schemaVersion >= keyedVersion) {
        WriteTransaction tx(d->unitOfWork);
        if (!tx.started()) {
            return tx.started();
        }
        if (auto sealed = audit.sealHead(); !sealed) {
            return sealed;
        }
        if (auto committed = tx.commit(); !committed) {
            return committed;
        }
        // Another desk may have sealed first, with a key this desk does not hold.
        const auto sealedHead = audit.head();
        if (!sealedHead) {
            return sealedHead.error();
        }
        if (const AuditKeyRing* keys = audit.keys(); !keys->has(sealedHead->keyId)) {
            audit.setKeys(*keys, wrongKeyMessage(*keys, d->location, sealedHead->keyId));
        }
    }
    return {};
}

void Database::collectWarnings()
{
    if (d->sql.dialect().isSqlite()) {
        return;
    }
    // A desk whose role owns the tables (or is a superuser) can drop the audit triggers: say so, never refuse.
    auto owner = d->sql.scalar(QStringLiteral(
        "SELECT pg_has_role(current_user, c.relowner, 'MEMBER') OR r.rolsuper "
        "FROM pg_class c, pg_roles r WHERE c.oid = to_regclass('audit_log') AND r.rolname = current_user"));
    if (owner && owner->toBool()) {
        d->warnings << tr("This desk connects to PostgreSQL as %1, which owns the audit log's tables or is a "
                          "superuser: whoever has this desk's connection settings can drop the audit triggers and "
                          "rewrite the log. Connect desks as a role that may only read and write rows, and run "
                          "upgrades as the owner (README).")
                           .arg(d->sql.db().userName());
    }
}

QStringList Database::warnings() const
{
    return d->warnings;
}

const AuditKeyRing* Database::auditKeys() const
{
    return d->audit.keys();
}

QString Database::auditKeyProblem() const
{
    return d->audit.keyProblem();
}

bool Database::auditKeyCreated() const
{
    return d->auditKeyCreated;
}

Database::Database(std::unique_ptr<DatabasePrivate> dd)
    : d(std::move(dd))
{}

Database::~Database()
{
    const QString name = d->sql.db().connectionName();
    d->unitOfWork.rollback();
    d.reset();
    ConnectionGuard{name};
}

const DatabaseLocation& Database::location() const
{
    return d->location;
}

const SqlContext& Database::sqlContext() const
{
    return d->sql;
}

int Database::schemaVersion() const
{
    return d->schemaVersion;
}

int Database::versionFoundOnOpen() const
{
    return d->versionFoundOnOpen;
}

Repositories Database::repositories() const
{
    Repositories repos{&d->unitOfWork, &d->users,    &d->cases,      &d->reference,
                       &d->audit,      &d->calendar, &d->replyRules, &d->scripts};
    repos.slaPolicy = &d->slaPolicy;       // issue 12, helper "sla"
    repos.casePauses = &d->casePauses;     // issue 12, helper "sla"
    repos.followUps = &d->followUps;       // followup (issue 12)
    repos.supervision = &d->supervision;   // supervise (issue 12)
    repos.transfers = &d->transfers;       // transfer (issue 12)
    repos.metrics = &d->metrics;           // metrics (issue 13)
    repos.imports = &d->imports;           // imports (issue 13)
    repos.improvements = &d->improvements; // register (issue 14)
    repos.dashboard = &d->dashboard;       // dashboard (issue 14)
    repos.drillResults = &d->drillResults; // drill15 (issue 15)
    repos.training = &d->training;         // train15 (issue 15)
    repos.risk = &d->risk;                 // riskintake (issue 16)
    repos.crises = &d->crises;             // crisis (issue 16)
    repos.retention = &d->retention;       // retention (issue 17)
    return repos;
}

// register (issue 14)
SqlImprovementRepository& Database::improvementRepository() const
{
    return d->improvements;
}

// riskintake (issue 16)
SqlRiskRepository& Database::riskRepository() const
{
    return d->risk;
}

SqlCaseRepository& Database::caseRepository() const
{
    return d->cases;
}

// transfer (issue 12)
SqlTransferRepository& Database::transferRepository() const
{
    return d->transfers;
}

// metrics (issue 13)
SqlMetricsRepository& Database::metricsRepository() const
{
    return d->metrics;
}

Result<QStringList> Database::integrityProblems()
{
    QStringList problems;
    const SqlContext& sql = d->sql;
    if (sql.dialect().isSqlite()) {
        auto check = sql.exec(QStringLiteral("PRAGMA integrity_check"));
        if (!check) {
            return check.error();
        }
        while (check->next()) {
            const QString line = check->value(0).toString();
            if (line != QLatin1String("ok")) {
                problems << line;
            }
        }
        auto fk = sql.exec(QStringLiteral("PRAGMA foreign_key_check"));
        if (!fk) {
            return fk.error();
        }
        while (fk->next()) {
            problems << tr("Row %1 of table %2 points to a missing row of %3.")
                            .arg(fk->value(1).toString(), fk->value(0).toString(), fk->value(2).toString());
        }
    }
    // The daily figures must agree with a recomputation from the cases and queue visits (issue 13).
    const auto daily = SqlMetricsDaily(sql).verify();
    if (!daily) {
        return daily.error();
    }
    problems << *daily;
    const QStringList expected{QStringLiteral("users"),           QStringLiteral("windows"),
                               QStringLiteral("departments"),     QStringLiteral("service_items"),
                               QStringLiteral("categories"),      QStringLiteral("citizens"),
                               QStringLiteral("cases"),           QStringLiteral("case_events"),
                               QStringLiteral("follow_ups"),      QStringLiteral("holiday_calendar"),
                               QStringLiteral("audit_log"),       QStringLiteral("audit_head"),
                               QStringLiteral("script_templates")};
    const QStringList tables = sql.db().tables(QSql::Tables);
    for (const QString& t : expected) {
        if (!tables.contains(t)) {
            problems << tr("The table %1 is missing.").arg(t);
        }
    }
    return problems;
}

Status Database::backupTo(const QString& path)
{
    if (d->location.kind != DatabaseLocation::Kind::Sqlite) {
        return Error::make(
            Error::Code::Invalid,
            tr("A PostgreSQL database is backed up on the server, with pg_dump; this command copies SQLite files."));
    }
    const QFileInfo target(path);
    if (target.exists()) {
        return Error::make(Error::Code::Invalid, tr("%1 exists already; choose a new file name.").arg(path));
    }
    if (!target.absoluteDir().exists()) {
        return Error::make(Error::Code::Invalid, tr("The folder %1 does not exist.").arg(target.absolutePath()));
    }
    const QString partial = target.absoluteFilePath() + QLatin1String(".partial");
    QFile::remove(partial);
    if (auto q = d->sql.exec(QStringLiteral("VACUUM INTO ?"), {partial}); !q) {
        QFile::remove(partial);
        return q.error();
    }
    if (!QFile::rename(partial, target.absoluteFilePath())) {
        QFile::remove(partial);
        return Error::make(Error::Code::Storage, tr("The copy could not be moved to %1.").arg(path));
    }
    return {};
}
