#include "Database.h"
#include "Dialect.h"
#include "Migrator.h"
#include "TestDatabases.h"
#include "repositories/CalendarRepository.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/UserRepository.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QTest>

/** The schema manager: empty, every older version, again, newer, foreign, broken, and a failing migration. */
class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void migrationsAreNumberedAndNamed();
    void dialectSplitsStatements();
    void realMigrationsSplitCleanly_data();
    void realMigrationsSplitCleanly();

    void fromEmpty_data() { TestDatabase::addBackendRows(); }
    void fromEmpty();
    void fromEveryEarlierVersion_data();
    void fromEveryEarlierVersion();
    void reopenIsNoOp_data() { TestDatabase::addBackendRows(); }
    void reopenIsNoOp();
    void existingOnlyDoesNotCreate_data() { TestDatabase::addBackendRows(); }
    void existingOnlyDoesNotCreate();
    void refusesNewerSchema_data() { TestDatabase::addBackendRows(); }
    void refusesNewerSchema();
    void refusesForeignDatabase_data();
    void refusesForeignDatabase();
    void refusesBrokenFile_data();
    void refusesBrokenFile();
    void failingMigrationRollsBack_data() { TestDatabase::addBackendRows(); }
    void failingMigrationRollsBack();
    void searchGramsMoveOntoCases_data() { TestDatabase::addBackendRows(); }
    void searchGramsMoveOntoCases();
};

namespace {
constexpr int kApplicationId = 0x51544E47;

/** Everything that proves a refused SQLite file was not touched: its bytes and the files beside it. */
struct FileState
{
    QString sha;
    QStringList folder;
    bool operator==(const FileState&) const = default;
};

FileState fileState(const QString& path)
{
    const QFileInfo info(path);
    return {fileSha256(path), QDir(info.absolutePath()).entryList(QDir::Files | QDir::Hidden, QDir::Name)};
}

/** QCOMPARE of the bytes, then of the folder listing (a stray -wal or -shm shows by name). */
#define COMPARE_FILE_STATE(actual, expected)                                                                           \
    do {                                                                                                               \
        const FileState a_ = (actual);                                                                                 \
        const FileState e_ = (expected);                                                                               \
        QCOMPARE(a_.sha, e_.sha);                                                                                      \
        QVERIFY2(a_.folder == e_.folder,                                                                               \
                 qPrintable(QStringLiteral("files beside the refused file: ") + a_.folder.join(QLatin1String(", ")))); \
    } while (false)

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i) {
        bytes[i] = char(QRandomGenerator::global()->bounded(256));
    }
    return bytes;
}
} // namespace

void TestMigrations::migrationsAreNumberedAndNamed()
{
    const auto& all = Migrator::migrations();
    QCOMPARE(Migrator::latestVersion(), int(all.size()));
    QVERIFY(Migrator::latestVersion() >= 2);
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(all.at(i).version, int(i + 1));
        QVERIFY(!all.at(i).name.isEmpty());
        QVERIFY(!all.at(i).script.trimmed().isEmpty());
    }
    QCOMPARE(all.at(0).name, QStringLiteral("initial"));
    QCOMPARE(all.at(1).name, QStringLiteral("holiday_calendar_2025_2026"));
}

void TestMigrations::dialectSplitsStatements()
{
    const QString script =
        QStringLiteral("-- A header comment; with a semicolon;\n"
                       "CREATE TABLE a (id {{ID}}, note TEXT NOT NULL DEFAULT 'x;y');\n"
                       "\n"
                       "INSERT INTO a (note)\n"
                       "    VALUES ('two lines');\n"
                       "--@ sqlite\n"
                       "CREATE TRIGGER a_no_update BEFORE UPDATE ON a BEGIN SELECT RAISE(ABORT, 'no'); END;\n"
                       "--@ postgres\n"
                       "CREATE FUNCTION a_refuse() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                       "BEGIN\n"
                       "    -- a comment inside the body stays\n"
                       "    RAISE EXCEPTION 'no';\n"
                       "\n"
                       "    RETURN NULL;\n"
                       "END\n"
                       "$$;\n"
                       "CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n"
                       "--@ all\n"
                       "INSERT INTO a (note) VALUES ('last')\n");

    const QStringList sqlite = Dialect(Dialect::Kind::Sqlite).migrationStatements(script);
    QCOMPARE(sqlite.size(), 4);
    QCOMPARE(sqlite.at(0),
             QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, note TEXT NOT NULL DEFAULT 'x;y')"));
    QCOMPARE(sqlite.at(1), QStringLiteral("INSERT INTO a (note)\n    VALUES ('two lines')"));
    QCOMPARE(sqlite.at(2),
             QStringLiteral("CREATE TRIGGER a_no_update BEFORE UPDATE ON a BEGIN SELECT RAISE(ABORT, 'no'); END"));
    QCOMPARE(sqlite.at(3), QStringLiteral("INSERT INTO a (note) VALUES ('last')"));

    const QStringList pg = Dialect(Dialect::Kind::Postgres).migrationStatements(script);
    QCOMPARE(pg.size(), 5);
    QCOMPARE(pg.at(0), QStringLiteral("CREATE TABLE a (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, note "
                                      "TEXT NOT NULL DEFAULT 'x;y')"));
    QCOMPARE(pg.at(1), QStringLiteral("INSERT INTO a (note)\n    VALUES ('two lines')"));
    QCOMPARE(pg.at(2), QStringLiteral("CREATE FUNCTION a_refuse() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                                      "BEGIN\n"
                                      "    -- a comment inside the body stays\n"
                                      "    RAISE EXCEPTION 'no';\n"
                                      "\n"
                                      "    RETURN NULL;\n"
                                      "END\n"
                                      "$$"));
    QCOMPARE(pg.at(3), QStringLiteral("CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$"));
    QCOMPARE(pg.at(4), QStringLiteral("INSERT INTO a (note) VALUES ('last')"));
}

void TestMigrations::realMigrationsSplitCleanly_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("sqlite") << int(Dialect::Kind::Sqlite);
    QTest::newRow("postgres") << int(Dialect::Kind::Postgres);
}

void TestMigrations::realMigrationsSplitCleanly()
{
    QFETCH(int, kind);
    const Dialect dialect{Dialect::Kind(kind)};
    const QString foreign = dialect.isSqlite() ? QStringLiteral("plpgsql") : QStringLiteral("RAISE(ABORT");
    int total = 0;
    for (const Migration& m : Migrator::migrations()) {
        const QStringList statements = dialect.migrationStatements(m.script);
        QVERIFY2(!statements.isEmpty(), qPrintable(m.name));
        for (const QString& s : statements) {
            QVERIFY2(!s.trimmed().isEmpty(), qPrintable(m.name));
            QVERIFY2(!s.contains(QLatin1String("{{ID}}")), qPrintable(s));
            QVERIFY2(!s.contains(QLatin1String("--@")), qPrintable(s));
            QVERIFY2(!s.contains(foreign), qPrintable(s));
            QVERIFY2(!s.endsWith(QLatin1Char(';')), qPrintable(s));
        }
        total += int(statements.size());
    }
    QVERIFY(total > 50);
}

void TestMigrations::fromEmpty()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    QCOMPARE(db->versionFoundOnOpen(), 0);
    QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
    const auto problems = db->integrityProblems();
    QINGTING_VERIFY_OK(problems);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));

    RawConnection raw(scratch);
    QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
    const auto versions = raw.rows(QStringLiteral("SELECT version, name, app_version FROM schema_migrations "
                                                  "ORDER BY version"));
    QCOMPARE(versions.size(), Migrator::migrations().size());
    for (qsizetype i = 0; i < versions.size(); ++i) {
        QCOMPARE(versions.at(i).at(0).toInt(), Migrator::migrations().at(i).version);
        QCOMPARE(versions.at(i).at(1).toString(), Migrator::migrations().at(i).name);
        QCOMPARE(versions.at(i).at(2).toString(), QStringLiteral(QINGTING_VERSION));
    }
    QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM qingting_meta WHERE key = 'application'")).toString(),
             QStringLiteral("qingting"));
    if (!scratch.isPostgres()) {
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA application_id")).toInt(), kApplicationId);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Migrator::latestVersion());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    }
    const Migrator::Report report = Migrator(raw.db()).inspect();
    QCOMPARE(report.outcome, Migrator::Outcome::UpToDate);
    QCOMPARE(report.fromVersion, Migrator::latestVersion());
}

void TestMigrations::fromEveryEarlierVersion_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("version");
    for (const QString& backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
        for (int v = 1; v < Migrator::latestVersion(); ++v) {
            QTest::addRow("%s from v%d", qPrintable(backend), v) << backend << v;
        }
    }
}

void TestMigrations::fromEveryEarlierVersion()
{
    QFETCH(int, version);
    QINGTING_TEST_DATABASE(scratch);
    {
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        QCOMPARE(Migrator(raw.db()).inspect().outcome, Migrator::Outcome::Empty);
        const Migrator::Report report = Migrator(raw.db()).migrate(version);
        QVERIFY2(!report.refused(), qPrintable(report.message));
        QCOMPARE(report.outcome, Migrator::Outcome::Created);
        QCOMPARE(report.toVersion, version);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(), version);
        if (!scratch.isPostgres()) {
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), version);
        }
        const Migrator::Report older = Migrator(raw.db()).inspect();
        QCOMPARE(older.outcome, Migrator::Outcome::Older);
        QCOMPARE(older.fromVersion, version);
        // Data written by a desk that still ran the older schema.
        QCOMPARE(raw.exec(QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, active, "
                                         "created_at) VALUES ('early', '早班', 'clerk', 'h', 1, 1767225600)")),
                 QString());
        QCOMPARE(raw.exec(QStringLiteral("INSERT INTO windows (name, sort_order) VALUES ('老窗口', 5)")), QString());
    }

    QINGTING_OPEN_DATABASE(db, scratch);
    QCOMPARE(db->versionFoundOnOpen(), version);
    QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
    const auto early = db->repositories().users->findByLogin(QStringLiteral("early"));
    QINGTING_VERIFY_OK(early);
    QCOMPARE(early->displayName, QStringLiteral("早班"));
    QCOMPARE(early->role, Role::Clerk);
    const auto windows = db->repositories().reference->list(ReferenceKind::Window);
    QINGTING_VERIFY_OK(windows);
    QVERIFY(std::any_of(windows->cbegin(), windows->cend(),
                        [](const ReferenceItem& w) { return w.name == QStringLiteral("老窗口"); }));
    const auto calendar = db->repositories().calendar->load();
    QINGTING_VERIFY_OK(calendar);
    QVERIFY(calendar->covers(QDate(2026, 10, 1)));

    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(), Migrator::latestVersion());
    if (!scratch.isPostgres()) {
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Migrator::latestVersion());
    }
    QCOMPARE(Migrator(raw.db()).inspect().outcome, Migrator::Outcome::UpToDate);
}

void TestMigrations::reopenIsNoOp()
{
    QINGTING_TEST_DATABASE(scratch);
    {
        QINGTING_OPEN_DATABASE(db, scratch);
        QCOMPARE(db->versionFoundOnOpen(), 0);
    }
    QString before;
    {
        RawConnection raw(scratch);
        before = raw.dump();
    }
    {
        QINGTING_OPEN_DATABASE(db, scratch);
        QCOMPARE(db->versionFoundOnOpen(), Migrator::latestVersion());
        QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
    }
    RawConnection raw(scratch);
    const Migrator::Report report = Migrator(raw.db()).migrate();
    QCOMPARE(report.outcome, Migrator::Outcome::UpToDate);
    QCOMPARE(report.fromVersion, Migrator::latestVersion());
    QCOMPARE(report.toVersion, Migrator::latestVersion());
    QVERIFY(report.message.isEmpty());
    QCOMPARE(raw.dump(), before);
}

void TestMigrations::existingOnlyDoesNotCreate()
{
    QINGTING_TEST_DATABASE(scratch);
    const auto opened = scratch.open(Database::OpenMode::ExistingOnly);
    QVERIFY2(!opened.ok(), "ExistingOnly opened (and so created) a database where there was none");
    QCOMPARE(opened.error().code, Error::Code::NotFound);
    if (scratch.isPostgres()) {
        RawConnection raw(scratch);
        QVERIFY2(raw.db().tables(QSql::Tables).isEmpty(),
                 qPrintable(QStringLiteral("ExistingOnly created tables in an empty PostgreSQL database: ") +
                            raw.db().tables(QSql::Tables).join(QLatin1String(", "))));
    } else {
        QVERIFY(!QFileInfo::exists(scratch.sqlitePath()));
    }
}

void TestMigrations::refusesNewerSchema()
{
    QINGTING_TEST_DATABASE(scratch);
    {
        QINGTING_OPEN_DATABASE(db, scratch);
    }
    {
        RawConnection raw(scratch);
        QCOMPARE(raw.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at, app_version) "
                                         "VALUES (99, 'from_the_future', 1893456000, '9.9.9')")),
                 QString());
    }
    QString dumpBefore;
    {
        RawConnection raw(scratch);
        dumpBefore = raw.dump();
    }
    const FileState before = scratch.isPostgres() ? FileState{} : fileState(scratch.sqlitePath());
    if (!scratch.isPostgres()) {
        QVERIFY(!before.sha.isEmpty());
        QCOMPARE(before.folder, QStringList{QStringLiteral("qingting.sqlite")});
    }

    for (const auto mode : {Database::OpenMode::CreateOrMigrate, Database::OpenMode::ExistingOnly}) {
        const auto opened = scratch.open(mode);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Incompatible);
        QVERIFY2(opened.error().message.contains(QLatin1String("newer")), qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(QLatin1String("99")), qPrintable(opened.error().message));
        if (!scratch.isPostgres()) {
            COMPARE_FILE_STATE(fileState(scratch.sqlitePath()), before);
        }
    }

    RawConnection raw(scratch);
    QCOMPARE(raw.dump(), dumpBefore);
    QCOMPARE(Migrator(raw.db()).inspect().outcome, Migrator::Outcome::NewerIncompatible);
    const Migrator::Report report = Migrator(raw.db()).migrate();
    QCOMPARE(report.outcome, Migrator::Outcome::NewerIncompatible);
    QCOMPARE(report.fromVersion, 99);
    QCOMPARE(raw.dump(), dumpBefore);
}

void TestMigrations::refusesForeignDatabase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QStringList>("setup");
    QTest::newRow("sqlite tables of another application")
        << QStringLiteral("sqlite")
        << QStringList{QStringLiteral("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)"),
                       QStringLiteral("INSERT INTO songs (title) VALUES ('茉莉花')")};
    QTest::newRow("sqlite application_id of another application")
        << QStringLiteral("sqlite")
        << QStringList{
               QStringLiteral("PRAGMA application_id = 1179862084"),
               QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at "
                              "BIGINT, app_version TEXT)"),
               QStringLiteral("CREATE TABLE qingting_meta (key TEXT PRIMARY KEY, value TEXT)")};
    QTest::newRow("sqlite other tables beside a schema_migrations")
        << QStringLiteral("sqlite")
        << QStringList{QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)"),
                       QStringLiteral("INSERT INTO schema_migrations (version) VALUES (1)"),
                       QStringLiteral("CREATE TABLE posts (id INTEGER PRIMARY KEY)")};
    QTest::newRow("postgres tables of another application")
        << QStringLiteral("postgres")
        << QStringList{QStringLiteral("CREATE TABLE invoices (id SERIAL PRIMARY KEY, amount NUMERIC)"),
                       QStringLiteral("INSERT INTO invoices (amount) VALUES (12.5)")};
}

void TestMigrations::refusesForeignDatabase()
{
    QFETCH(QStringList, setup);
    QINGTING_TEST_DATABASE(scratch);
    QString dumpBefore;
    QStringList tablesBefore;
    {
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        if (!scratch.isPostgres()) {
            // A rollback journal like most applications use: nothing of ours beside the file.
            QCOMPARE(raw.exec(QStringLiteral("PRAGMA journal_mode = DELETE")), QString());
        }
        for (const QString& sql : setup) {
            QCOMPARE(raw.exec(sql), QString());
        }
        dumpBefore = raw.dump();
        tablesBefore = raw.db().tables(QSql::Tables);
        tablesBefore.sort();
    }
    const FileState before = scratch.isPostgres() ? FileState{} : fileState(scratch.sqlitePath());

    for (const auto mode : {Database::OpenMode::CreateOrMigrate, Database::OpenMode::ExistingOnly}) {
        const auto opened = scratch.open(mode);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Incompatible);
        QVERIFY(!opened.error().message.isEmpty());
        if (!scratch.isPostgres()) {
            COMPARE_FILE_STATE(fileState(scratch.sqlitePath()), before);
        }
    }
    RawConnection raw(scratch);
    QStringList tablesAfter = raw.db().tables(QSql::Tables);
    tablesAfter.sort();
    QCOMPARE(tablesAfter, tablesBefore);
    QCOMPARE(raw.dump(), dumpBefore);
}

void TestMigrations::refusesBrokenFile_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("text file") << QStringLiteral("text");
    QTest::newRow("short text file") << QStringLiteral("short-text");
    QTest::newRow("truncated Qingting file") << QStringLiteral("truncated");
    QTest::newRow("garbage over the first pages") << QStringLiteral("garbage");
    QTest::newRow("garbage after the header") << QStringLiteral("garbage-after-header");
    QTest::newRow("zeroed schema page") << QStringLiteral("zeroed-page-1-body");
}

void TestMigrations::refusesBrokenFile()
{
    QFETCH(QString, damage);
    TestDatabase scratch(QStringLiteral("sqlite"));
    QVERIFY(scratch.setupError().isEmpty());
    const QString path = scratch.sqlitePath();

    if (damage.contains(QLatin1String("text"))) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray line =
            damage == QLatin1String("text")
                ? QByteArrayLiteral("受理编号,类别,内容\nQT-20260302-0001,服务态度,窗口人员态度生硬，让我等了很久。\n")
                : QByteArrayLiteral("hello\n");
        for (int i = 0; i < (damage == QLatin1String("text") ? 50 : 1); ++i) {
            f.write(line);
        }
    } else {
        {
            QINGTING_OPEN_DATABASE(db, scratch);
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY2(size >= 16 * 4096, qPrintable(QString::number(size)));
        if (damage == QLatin1String("truncated")) {
            QVERIFY(f.resize(size / 2));
        } else if (damage == QLatin1String("garbage")) {
            f.write(randomBytes(2 * 4096));
        } else if (damage == QLatin1String("garbage-after-header")) {
            f.seek(100);
            f.write(randomBytes(2 * 4096 - 100));
        } else {
            f.seek(100);
            f.write(QByteArray(4096 - 100, '\0'));
        }
    }
    QCOMPARE(QDir(scratch.dir()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("qingting.sqlite")});
    const FileState before = fileState(path);

    for (const auto mode : {Database::OpenMode::CreateOrMigrate, Database::OpenMode::ExistingOnly}) {
        const auto opened = scratch.open(mode);
        QVERIFY2(!opened.ok(), "a broken file was opened");
        QCOMPARE(opened.error().code, Error::Code::Incompatible);
        QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
        COMPARE_FILE_STATE(fileState(path), before);
    }
}

void TestMigrations::failingMigrationRollsBack()
{
    QINGTING_TEST_DATABASE(scratch);
    QString dumpBefore;
    {
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        QCOMPARE(Migrator(raw.db()).migrate(1).outcome, Migrator::Outcome::Created);
        // A day that migration 2 inserts as well: its INSERT fails half-way through the script.
        QCOMPARE(raw.exec(QStringLiteral(
                     "INSERT INTO holiday_calendar (day, kind, name) VALUES ('2026-10-01', 'holiday', '手工录入')")),
                 QString());
        dumpBefore = raw.dump();
    }

    const auto opened = scratch.open();
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, Error::Code::Storage);
    QVERIFY2(opened.error().message.contains(QLatin1String("Migration 2")), qPrintable(opened.error().message));

    RawConnection raw(scratch);
    QCOMPARE(raw.dump(), dumpBefore);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM holiday_calendar")).toInt(), 1);
    if (!scratch.isPostgres()) {
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }

    const Migrator::Report report = Migrator(raw.db()).migrate();
    QCOMPARE(report.outcome, Migrator::Outcome::Failed);
    QCOMPARE(report.fromVersion, 1);
    QCOMPARE(report.toVersion, 1);
    QVERIFY(report.message.contains(QLatin1String("2026-10-01")) || report.message.contains(QLatin1String("UNIQUE")) ||
            report.message.contains(QLatin1String("duplicate")));
    QCOMPARE(raw.dump(), dumpBefore);

    // Once the conflicting row is gone the same file upgrades normally.
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM holiday_calendar")), QString());
    QINGTING_OPEN_DATABASE(db, scratch);
    QCOMPARE(db->versionFoundOnOpen(), 1);
    QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
}

/**
 * PostgreSQL's search grams move from case_search onto the case row (0017_pg_search_on_cases): a case indexed by a
 * desk on the older schema is found after the upgrade without rebuilding the index; SQLite's index stays as it was.
 */
void TestMigrations::searchGramsMoveOntoCases()
{
    int version = 0;
    for (const Migration& m : Migrator::migrations()) {
        if (m.name == QLatin1String("pg_search_on_cases")) {
            version = m.version;
        }
    }
    QVERIFY(version > 1);
    QINGTING_TEST_DATABASE(scratch);
    const QString text = QStringLiteral("窗口人员态度生硬");
    {
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        const Migrator::Report report = Migrator(raw.db()).migrate(version - 1);
        QVERIFY2(!report.refused(), qPrintable(report.message));
        const qint64 id = raw.scalar(QStringLiteral("INSERT INTO cases (case_no, status, channel, created_by, "
                                                    "complaint_text, received_at, updated_at) VALUES "
                                                    "('QT-20260301-0001', 'received', 'window', 'early', ?, "
                                                    "1772323200, 1772323200) RETURNING id"),
                                     {text})
                              .toLongLong();
        QVERIFY(id > 0);
        // The index row as a desk on the older schema wrote it, and the index marked current (no rebuild).
        const Dialect dialect(scratch.isPostgres() ? Dialect::Kind::Postgres : Dialect::Kind::Sqlite);
        const QString document = dialect.searchIndex().documentOfText(QStringLiteral("QT-20260301-0001\n") + text);
        QCOMPARE(raw.exec(scratch.isPostgres()
                              ? QStringLiteral("INSERT INTO case_search (case_id, grams) VALUES (?, CAST(? AS text[]))")
                              : QStringLiteral("INSERT INTO case_search (rowid, grams) VALUES (?, ?)"),
                          {id, document}),
                 QString());
        QCOMPARE(raw.exec(QStringLiteral("UPDATE qingting_meta SET value = 'ok' WHERE key = 'search_index'")),
                 QString());
    }
    QINGTING_OPEN_DATABASE(db, scratch);
    for (const QString& term : {QStringLiteral("态度"), QStringLiteral("慢"), QStringLiteral("0301-0001")}) {
        CaseQuery query;
        query.text = term;
        const auto page = db->repositories().cases->list(query);
        QINGTING_VERIFY_OK(page);
        QVERIFY2(page->cases.size() == (term == QStringLiteral("慢") ? 0 : 1), qPrintable(term));
    }
    RawConnection raw(scratch);
    if (scratch.isPostgres()) {
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables "
                                           "WHERE table_schema = current_schema() AND table_name = 'case_search'"))
                     .toInt(),
                 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE search_grams @> '{态度}'")).toInt(), 1);
    }
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
