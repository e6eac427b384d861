#include "TestDatabases.h"

#include "audit/AuditKeyRing.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <atomic>

namespace {
QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("qingting-test-raw-%1").arg(counter.fetch_add(1));
}

/** Configures a QPSQL connection from a postgresql:// URL. */
void configurePostgres(QSqlDatabase& db, const QUrl& url)
{
    db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName(QUrl::FullyDecoded));
    db.setPassword(url.password(QUrl::FullyDecoded));
    db.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
}

const QStringList kTables{QStringLiteral("schema_migrations"), QStringLiteral("qingting_meta"), QStringLiteral("users"),
                          QStringLiteral("windows"), QStringLiteral("departments"), QStringLiteral("service_items"),
                          QStringLiteral("categories"), QStringLiteral("citizens"), QStringLiteral("case_counters"),
                          QStringLiteral("cases"), QStringLiteral("case_events"), QStringLiteral("follow_ups"),
                          QStringLiteral("queue_visits"), QStringLiteral("holiday_calendar"),
                          QStringLiteral("script_templates"), QStringLiteral("audit_log"), QStringLiteral("audit_head"),
                          QStringLiteral("login_failures"), QStringLiteral("case_status_counts"),
                          // issue 12, helper "sla"
                          QStringLiteral("sla_policy"), QStringLiteral("case_pauses")};
} // namespace

void TestDatabase::addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

QString TestDatabase::adminUrl()
{
    return qEnvironmentVariable("QINGTING_TEST_PG");
}

TestDatabase::TestDatabase(const QString& backend)
    : m_postgres(backend == QLatin1String("postgres"))
{
    // Helper processes a test starts (case writers, the CLI) have other application names, hence other config
    // folders: point them all at the test's own audit key, as the desks of one hall share one key file.
    if (qEnvironmentVariableIsEmpty("QINGTING_AUDIT_KEY")) {
        qputenv("QINGTING_AUDIT_KEY", QFile::encodeName(AuditKeyRing::defaultPath()));
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return;
    }
    if (!m_postgres) {
        m_sqlitePath = m_dir.filePath(QStringLiteral("qingting.sqlite"));
        return;
    }
    const QString admin = adminUrl();
    if (admin.isEmpty()) {
        m_skip = QStringLiteral("QINGTING_TEST_PG is not set (start tests/postgres/throwaway-postgres.sh and export "
                                "its URL, or run ./test): PostgreSQL variant skipped");
        return;
    }
    auto connection = RawConnection::toPostgres(admin);
    if (!connection->isOpen()) {
        m_error = QStringLiteral("cannot reach the PostgreSQL server at %1: %2").arg(admin, connection->error());
        return;
    }
    m_postgresName = QStringLiteral("qt_test_%1_%2")
                         .arg(QCoreApplication::applicationPid())
                         .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    if (const QString e = connection->exec(QStringLiteral("CREATE DATABASE %1").arg(m_postgresName)); !e.isEmpty()) {
        m_error = QStringLiteral("CREATE DATABASE %1 failed: %2").arg(m_postgresName, e);
        m_postgresName.clear();
        return;
    }
    QUrl url(admin);
    url.setPath(QLatin1Char('/') + m_postgresName);
    m_postgresUrl = url.toString();
}

TestDatabase::~TestDatabase()
{
    if (m_postgresName.isEmpty()) {
        return;
    }
    auto connection = RawConnection::toPostgres(adminUrl());
    // FORCE ends sessions a failed test may have left behind (a helper process, an unclosed connection).
    const QString e = connection->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresName));
    if (!e.isEmpty()) {
        qWarning("Could not drop the scratch database %s: %s", qPrintable(m_postgresName), qPrintable(e));
    }
}

DatabaseLocation TestDatabase::location() const
{
    return m_postgres ? DatabaseLocation::postgres(m_postgresUrl) : DatabaseLocation::sqlite(m_sqlitePath);
}

Result<std::unique_ptr<Database>> TestDatabase::open(Database::OpenMode mode) const
{
    return Database::open(location(), mode);
}

RawConnection::RawConnection(const TestDatabase& database)
    : m_name(nextConnectionName())
{
    if (database.isPostgres()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        configurePostgres(db, QUrl(database.postgresUrl()));
        if (!db.open()) {
            m_error = db.lastError().text();
            return;
        }
        exec(QStringLiteral("SET client_min_messages = warning"));
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(database.sqlitePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        m_error = db.lastError().text();
    }
}

std::unique_ptr<RawConnection> RawConnection::toPostgres(const QString& url)
{
    std::unique_ptr<RawConnection> c(new RawConnection);
    c->m_name = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), c->m_name);
    configurePostgres(db, QUrl(url));
    if (!db.open()) {
        c->m_error = db.lastError().text();
    }
    return c;
}

std::unique_ptr<RawConnection> RawConnection::toSqlite(const QString& path)
{
    std::unique_ptr<RawConnection> c(new RawConnection);
    c->m_name = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), c->m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        c->m_error = db.lastError().text();
    }
    return c;
}

RawConnection::~RawConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase RawConnection::db() const
{
    return QSqlDatabase::database(m_name, false);
}

QString RawConnection::exec(const QString& sql, const QVariantList& values)
{
    QSqlQuery q(db());
    bool ok = false;
    if (values.isEmpty()) {
        ok = q.exec(sql);
    } else {
        ok = q.prepare(sql);
        for (const QVariant& v : values) {
            q.addBindValue(v);
        }
        ok = ok && q.exec();
    }
    if (ok) {
        return {};
    }
    const QSqlError e = q.lastError();
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

QVariant RawConnection::scalar(const QString& sql, const QVariantList& values)
{
    const auto all = rows(sql, values);
    return all.isEmpty() || all.constFirst().isEmpty() ? QVariant() : all.constFirst().constFirst();
}

QList<QVariantList> RawConnection::rows(const QString& sql, const QVariantList& values)
{
    QList<QVariantList> result;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    for (const QVariant& v : values) {
        q.addBindValue(v);
    }
    ok = ok && q.exec();
    if (!ok) {
        qWarning("RawConnection: %s failed: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return result;
    }
    while (q.next()) {
        QVariantList row;
        const int n = q.record().count();
        for (int i = 0; i < n; ++i) {
            row.append(q.value(i));
        }
        result.append(row);
    }
    return result;
}

QString RawConnection::dump()
{
    QString text;
    const QStringList present = db().tables(QSql::Tables);
    for (const QString& table : kTables) {
        if (!present.contains(table)) {
            text += QStringLiteral("[%1 missing]\n").arg(table);
            continue;
        }
        text += QStringLiteral("[%1]\n").arg(table);
        const auto all = rows(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
        for (const QVariantList& row : all) {
            QStringList cells;
            for (const QVariant& v : row) {
                cells << (v.isNull() ? QStringLiteral("NULL") : v.toString());
            }
            text += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    return text;
}

QString fileSha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}
