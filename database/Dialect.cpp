#include "Dialect.h"

#include "search/SearchGrams.h"

#include <QSqlDatabase>
#include <QSqlError>

Dialect Dialect::of(const QSqlDatabase& db)
{
    return Dialect(db.driverName() == QLatin1String("QPSQL") ? Kind::Postgres : Kind::Sqlite);
}

QString Dialect::beginWrite() const
{
    return isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

QString Dialect::migrationLock() const
{
    // 0x51544E47 = 'QTNG': one lock for every Qingting migrator that shares this PostgreSQL database.
    return isSqlite() ? QString() : QStringLiteral("SELECT pg_advisory_xact_lock(1364480583)");
}

QString Dialect::likeOperator() const
{
    return isSqlite() ? QStringLiteral("LIKE") : QStringLiteral("ILIKE");
}

QString Dialect::withoutIndex(const QString& expression) const
{
    return isSqlite() ? QLatin1Char('+') + expression : expression;
}

QString Dialect::containsText(const QString& column) const
{
    // SQLite's lower() folds ASCII only, as SearchGrams::normalizedTerm does; PostgreSQL folds both sides alike.
    return isSqlite() ? QStringLiteral("instr(lower(%1), ?) > 0").arg(column)
                      : QStringLiteral("strpos(lower(%1), lower(?)) > 0").arg(column);
}

QString Dialect::containsUncasedText(const QString& column) const
{
    return isSqlite() ? QStringLiteral("instr(%1, ?) > 0").arg(column)
                      : QStringLiteral("strpos(%1, ?) > 0").arg(column);
}

QString Dialect::explain() const
{
    return isSqlite() ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN ");
}

QString Dialect::forUpdate() const
{
    return isSqlite() ? QString() : QStringLiteral(" FOR UPDATE");
}

const SearchIndexSql& Dialect::searchIndex() const
{
    static const SearchIndexSql sqlite = [] {
        SearchIndexSql s;
        s.sqlite = true;
        s.insert = QStringLiteral("INSERT INTO case_search (rowid, grams) VALUES (?, ?)");
        // A contentless FTS5 table forgets a row only when told exactly what was indexed.
        s.remove = QStringLiteral("INSERT INTO case_search (case_search, rowid, grams) VALUES ('delete', ?, ?)");
        s.clear = QStringLiteral("INSERT INTO case_search (case_search) VALUES ('delete-all')");
        s.candidates = QStringLiteral("SELECT rowid FROM case_search WHERE case_search MATCH ?");
        s.matches = QStringLiteral("c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)");
        s.walkMatches = QStringLiteral("+c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)");
        // 256 MiB at most while rebuilding, then back to what the connection had.
        s.bulkLoadSaved = QStringLiteral("PRAGMA cache_size");
        s.bulkLoadBegin = QStringLiteral("PRAGMA cache_size = -262144");
        s.bulkLoadEnd = QStringLiteral("PRAGMA cache_size = %1");
        s.bulkWriteBegin = {QStringLiteral("INSERT INTO case_search (case_search, rank) VALUES ('automerge', 0)"),
                            QStringLiteral("INSERT INTO case_search (case_search, rank) VALUES ('crisismerge', 1000)")};
        s.bulkWriteEnd = {QStringLiteral("INSERT INTO case_search (case_search) VALUES ('optimize')"),
                          QStringLiteral("INSERT INTO case_search (case_search, rank) VALUES ('automerge', 4)"),
                          QStringLiteral("INSERT INTO case_search (case_search, rank) VALUES ('crisismerge', 16)")};
        s.bulkRows = 1;
        return s;
    }();
    static const SearchIndexSql postgres = [] {
        SearchIndexSql s;
        s.sqlite = false;
        // The grams live on the case row (migration 0017): the GIN index yields rows of `cases`, and a bitmap scan
        // reads only the pages that hold matches.
        s.column = QStringLiteral("search_grams");
        s.columnValue = QStringLiteral("CAST(? AS text[])");
        // Only the rebuild writes grams apart from the case: many cases a statement, joined by id.
        s.insert = QStringLiteral("UPDATE cases SET search_grams = v.grams FROM (VALUES (CAST(? AS bigint), "
                                  "CAST(? AS text[]))");
        s.insertTail = QStringLiteral(") AS v (id, grams) WHERE cases.id = v.id");
        s.candidates = QStringLiteral("SELECT id FROM cases WHERE search_grams @> CAST(? AS text[])");
        s.matches = QStringLiteral("c.search_grams @> CAST(? AS text[])");
        s.estimate = QStringLiteral("EXPLAIN SELECT 1 FROM cases WHERE search_grams @> '%1'");
        s.throughIndex = {QStringLiteral("enable_seqscan"), QStringLiteral("off")};
        s.collect = {QStringLiteral("enable_indexscan"), QStringLiteral("off")};
        s.byValue = {{QStringLiteral("enable_indexscan"), QStringLiteral("off")},
                     {QStringLiteral("work_mem"), QStringLiteral("64MB")}};
        // Inside the rebuild's transaction: a GIN index built once over a million rows takes a fraction of the time
        // that inserting each row into it takes. The table is locked until the commit (searches wait; they would
        // find nothing meanwhile anyway).
        s.rebuildBegin = {QStringLiteral("SET LOCAL maintenance_work_mem = '256MB'"),
                          QStringLiteral("DROP INDEX IF EXISTS cases_search_grams")};
        s.rebuildEnd = {QStringLiteral("CREATE INDEX cases_search_grams ON cases USING gin (search_grams)"),
                        QStringLiteral("ANALYZE cases")};
        s.bulkRows = 500;
        s.largeCountSample = 2000;
        s.smallSet = 5000;
        s.walkWindow = 20000;
        return s;
    }();
    return isSqlite() ? sqlite : postgres;
}

QString SearchIndexSql::insertOf(int rows) const
{
    if (rows <= 1) {
        return insert + insertTail;
    }
    const qsizetype values = insert.indexOf(QLatin1String("VALUES "));
    const QString head = insert.left(values + 7);
    const QString row = insert.mid(values + 7);
    return head + QStringList(rows, row).join(QLatin1String(", ")) + insertTail;
}

QString SearchIndexSql::document(const QStringList& grams) const
{
    // Grams are letters and digits only (SearchGrams::isIndexed): nothing in them needs quoting or escaping.
    if (sqlite) {
        return grams.join(QLatin1Char(' '));
    }
    if (grams.isEmpty()) {
        return QStringLiteral("{}");
    }
    return QLatin1String("{\"") + grams.join(QLatin1String("\",\"")) + QLatin1String("\"}");
}

QString SearchIndexSql::documentOfText(const QString& text) const
{
    if (sqlite) {
        return SearchGrams::joined(text, {}, u" ", {});
    }
    const QString document = SearchGrams::joined(text, u"{\"", u"\",\"", u"\"}");
    return document.isEmpty() ? QStringLiteral("{}") : document;
}

QString SearchIndexSql::documentOfJoined(const QString& spaceSeparatedGrams) const
{
    if (sqlite) {
        return spaceSeparatedGrams;
    }
    if (spaceSeparatedGrams.isEmpty()) {
        return QStringLiteral("{}");
    }
    QString document = spaceSeparatedGrams;
    document.replace(QLatin1Char(' '), QLatin1String("\",\""));
    return QLatin1String("{\"") + document + QLatin1String("\"}");
}

QString SearchIndexSql::argument(const QStringList& grams) const
{
    if (sqlite) {
        return QLatin1Char('"') + grams.join(QLatin1String("\" AND \"")) + QLatin1Char('"');
    }
    return document(grams);
}

QString Dialect::idColumn() const
{
    return isSqlite() ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                      : QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
}

QStringList Dialect::migrationStatements(const QString& script) const
{
    const QString mine = isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgres");
    QStringList statements;
    QString current;
    bool active = true;
    bool inDollarQuote = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (!inDollarQuote && line.startsWith(QLatin1String("--@"))) {
            const QString section = line.mid(3).trimmed();
            active = section == QLatin1String("all") || section == mine;
            continue;
        }
        if (!inDollarQuote && (line.isEmpty() || line.startsWith(QLatin1String("--")))) {
            continue;
        }
        if (!active) {
            continue;
        }
        if (line.count(QLatin1String("$$")) % 2 == 1) {
            inDollarQuote = !inDollarQuote;
        }
        current += raw + QLatin1Char('\n');
        if (!inDollarQuote && line.endsWith(QLatin1Char(';'))) {
            QString statement = current.trimmed();
            statement.chop(1);
            statement.replace(QLatin1String("{{ID}}"), idColumn());
            statements << statement;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty()) {
        QString statement = current.trimmed();
        statement.replace(QLatin1String("{{ID}}"), idColumn());
        statements << statement;
    }
    return statements;
}

Dialect::Failure Dialect::classify(const QSqlError& error) const
{
    const QString code = error.nativeErrorCode();
    if (isSqlite()) {
        bool numeric = false;
        const int result = code.toInt(&numeric);
        if (!numeric) {
            return Failure::Other;
        }
        // Extended result codes carry the primary code in their low byte (SQLITE_BUSY_TIMEOUT 773 -> 5).
        switch (result & 0xff) {
        case 5: // SQLITE_BUSY
        case 6: // SQLITE_LOCKED
            return Failure::Busy;
        case 8: // SQLITE_READONLY
            return Failure::ReadOnly;
        case 10: // SQLITE_IOERR
        case 13: // SQLITE_FULL
            return Failure::Io;
        case 11: // SQLITE_CORRUPT
        case 26: // SQLITE_NOTADB
            return Failure::Corrupt;
        case 19: // SQLITE_CONSTRAINT: only its UNIQUE / PRIMARY KEY kinds (extended 2067 / 1555, or by message)
            if (result == 2067 || result == 1555 ||
                (result == 19 && error.databaseText().contains(QLatin1String("UNIQUE")))) {
                return Failure::UniqueViolation;
            }
            return Failure::Other;
        default:
            return Failure::Other;
        }
    }
    if (code == QLatin1String("23505")) {
        return Failure::UniqueViolation;
    }
    if (code == QLatin1String("55P03") || code == QLatin1String("40P01") || code == QLatin1String("40001")) {
        return Failure::Busy;
    }
    if (code == QLatin1String("XX001") || code == QLatin1String("XX002")) {
        return Failure::Corrupt;
    }
    if (code == QLatin1String("58030") || code == QLatin1String("53100")) {
        return Failure::Io;
    }
    if (code == QLatin1String("25006")) {
        return Failure::ReadOnly;
    }
    return Failure::Other;
}

QString Dialect::accountsLock() const
{
    // 0x51544E48 = 'QTNH': beside the migration lock, one key for every change that must keep an administrator.
    return isSqlite() ? QString() : QStringLiteral("SELECT pg_advisory_xact_lock(1364480584)");
}

QString Dialect::dailyFiguresLock() const
{
    // 0x51544E49 = 'QTNI', beside the migration and accounts locks.
    return isSqlite() ? QString() : QStringLiteral("SELECT pg_advisory_xact_lock(1364480585)");
}
