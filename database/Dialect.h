#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlError;

/**
 * The statements of the case search index (see SearchGrams): an FTS5 table on SQLite, a GIN-indexed text[] on
 * PostgreSQL. Each statement binds the case id and/or one value made by document() or argument().
 */
struct SearchIndexSql
{
    bool sqlite = true;
    QString insert;     ///< binds case id, document
    QString remove;     ///< binds case id, the document that was inserted
    QString clear;      ///< binds nothing
    QString candidates; ///< a SELECT of case ids that hold every gram; binds argument()
    /**
     * Run before and after rebuilding the whole index (empty = nothing to run). SQLite: a larger page cache, so
     * that FTS5 merging its segments in the one long transaction does not re-read them from the file.
     * `bulkLoadSaved` reads the setting before the rebuild; `bulkLoadEnd` puts it back (its %1 is that value), so
     * a connection that chose its own (the demo writer's bulk cache) keeps it.
     */
    QString bulkLoadSaved;
    QString bulkLoadBegin;
    QString bulkLoadEnd;
    /**
     * Around a bulk writer's run (the demo), outside its transactions. SQLite: FTS5 merges no segments while the
     * run commits batch after batch (each merge would rewrite the index through the WAL again), then merges them
     * all once at the end and goes back to its default merging.
     */
    QStringList bulkWriteBegin;
    QStringList bulkWriteEnd;

    /** The stored form of a case's grams. */
    QString document(const QStringList& grams) const;
    /** document() of grams already joined by single spaces (SearchGrams::joined with " "). */
    QString documentOfJoined(const QString& spaceSeparatedGrams) const;
    /** document(SearchGrams::ofText(text)), made without the list. */
    QString documentOfText(const QString& text) const;
    /** The bound value of `candidates` for a term's grams (not empty). */
    QString argument(const QStringList& grams) const;
};

/**
 * The one seam for what SQLite and PostgreSQL spell differently. Everything else in database/ is portable SQL;
 * a new difference gets a function here, never an `if` in a repository.
 */
class Dialect
{
public:
    enum class Kind
    {
        Sqlite,
        Postgres
    };

    explicit Dialect(Kind kind)
        : m_kind(kind)
    {}
    static Dialect of(const QSqlDatabase& db);

    Kind kind() const { return m_kind; }
    bool isSqlite() const { return m_kind == Kind::Sqlite; }

    /** Starts a write transaction. SQLite takes the write lock at once (no deadlock on lock upgrade). */
    QString beginWrite() const;
    /** Serialises concurrent migrators inside their transaction (PostgreSQL advisory lock); empty if not needed. */
    QString migrationLock() const;
    /** A case-insensitive LIKE for ASCII (SQLite's LIKE already is). */
    QString likeOperator() const;
    /**
     * `expression` such that SQLite's planner will not use an index for it (unary +); PostgreSQL's planner decides
     * from its statistics, so there it is the expression itself.
     */
    QString withoutIndex(const QString& expression) const;
    /** A condition "column contains the bound term" for a term already in SearchGrams::normalizedTerm form. */
    QString containsText(const QString& column) const;
    /** The row lock suffix of a SELECT inside a write transaction (SQLite's write lock already covers it). */
    QString forUpdate() const;
    /** The prefix that asks for a statement's plan instead of its rows. */
    QString explain() const;
    const SearchIndexSql& searchIndex() const;

    /** An auto-generated 64-bit primary key column definition. */
    QString idColumn() const;

    /** Splits a migration script into statements for this dialect: tokens replaced, foreign sections dropped. */
    QStringList migrationStatements(const QString& script) const;

    /** What a driver error means, from its native code (SQLite result code, PostgreSQL SQLSTATE). */
    enum class Failure
    {
        Other,
        UniqueViolation, ///< a unique or primary key constraint
        Busy,            ///< another connection holds the lock (SQLITE_BUSY/LOCKED; lock_not_available, deadlock,
                         ///< serialization failure): worth trying again
        Corrupt,         ///< the file or an index is damaged (SQLITE_CORRUPT/NOTADB; data_corrupted, index_corrupted)
        Io,              ///< reading or writing the storage failed, or it is full (SQLITE_IOERR/FULL; 58030, 53100)
        ReadOnly,        ///< the database may not be written (SQLITE_READONLY; read_only_sql_transaction)
    };
    Failure classify(const QSqlError& error) const;
    bool isUniqueViolation(const QSqlError& error) const { return classify(error) == Failure::UniqueViolation; }
    bool isBusy(const QSqlError& error) const { return classify(error) == Failure::Busy; }

    /**
     * Serialises changes to administrator accounts (the first administrator, disabling or demoting one) across
     * desks inside the current write transaction (PostgreSQL advisory lock); empty on SQLite, where BEGIN
     * IMMEDIATE already holds the one write lock.
     */
    QString accountsLock() const;

private:
    Kind m_kind;
};
