#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlError;

/**
 * The statements of the case search index (see SearchGrams): an FTS5 table on SQLite, a GIN-indexed text[] column
 * of `cases` on PostgreSQL (migration 0017). Each statement binds the case id and/or one value made by document() or
 * argument().
 */
struct SearchIndexSql
{
    bool sqlite = true;
    /**
     * PostgreSQL: the column of `cases` that holds a case's grams (GIN-indexed), written by the case's own INSERT
     * and UPDATE with `columnValue` (binds document()). Empty on SQLite, where `insert` and `remove` keep the
     * separate FTS5 table in step.
     */
    QString column;
    QString columnValue;
    QString insert;     ///< binds case id, document; whole only with `insertTail` (see insertOf)
    QString insertTail; ///< what follows the rows of insertOf(n) (PostgreSQL: the UPDATE's join)
    QString remove;     ///< binds case id, the document that was inserted; empty = nothing to remove
    QString clear;      ///< binds nothing; empty = nothing to clear (the rebuild overwrites every case's grams)
    QString candidates; ///< a SELECT of case ids that hold every gram; binds argument()
    /** A condition on `cases c`: the case holds every gram, found through the index. Binds argument(). */
    QString matches;
    /**
     * The same while walking the sort order, kept off the index (SQLite's planner would otherwise drive from it);
     * empty = nothing but the text itself is checked (PostgreSQL: reading a row's grams back from TOAST costs three
     * times the text comparison, measured).
     */
    QString walkMatches;
    /**
     * PostgreSQL: a statement whose plan's first line estimates the candidates (`rows=N`, from the statistics of
     * the column: most common elements); %1 is the document() of the grams as a literal. Empty on SQLite.
     */
    QString estimate;
    /** A planner setting of the connection, changed for one statement and put back after it (PostgreSQL). */
    struct PlannerSetting
    {
        QString name; ///< empty = nothing to change
        QString value;
    };
    /**
     * Around a statement that must read the candidates through the index (the count's sample, the probe):
     * PostgreSQL would read a very common gram's rows by a sequential scan, fetching every row's grams back.
     */
    PlannerSetting throughIndex;
    /**
     * Around the list's statement when it collects a search's candidates and sorts them: with the column's
     * statistics PostgreSQL may prefer walking the sort order's index (it assumes the term is spread evenly over
     * the order), which is the walk the plan decided against.
     */
    PlannerSetting collect;
    /**
     * Around the statements of a search that walks a low-cardinality sort key (category, window, status) one value
     * at a time (SqlCaseRepository::listByValue): the count of a value's candidates and the collection of a value's
     * matches must intersect the key's btree range with the search index (BitmapAnd), so no index walk (and for
     * the count, with `throughIndex`, no sequential scan), and enough memory that neither bitmap turns lossy (a
     * lossy page is read and rechecked whole). Empty = no walk by value (SQLite, which never walks a window).
     */
    QList<PlannerSetting> byValue;
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
    /**
     * PostgreSQL, inside the rebuild's transaction, after bulkLoadBegin / before bulkLoadEnd: the GIN index is
     * dropped and built once over all rows (a fraction of the time of inserting each row into it).
     */
    QStringList rebuildBegin;
    QStringList rebuildEnd;
    /**
     * Rows written by one statement while rebuilding (insertOf(n)); 1 = the prepared `insert`, one row at a time.
     * PostgreSQL: many rows a statement, one round trip for each, not each case.
     */
    int bulkRows = 1;

    /**
     * With a large candidate set, the count confirms only this many candidates and says "at least" (0 = as many
     * as the small-set threshold). PostgreSQL: reading a candidate costs a random page of cases, so 2,000 rather
     * than 20,000 (measured at 1 M cases: docs/BENCHMARKS.md).
     */
    int largeCountSample = 0;
    /**
     * Where a search switches from collecting its candidates and sorting them to walking the sort order (0 = the
     * repository's small-set threshold). PostgreSQL: each candidate is a random heap page, so fewer than SQLite.
     */
    int smallSet = 0;
    /**
     * A large candidate set walks at most this many rows of the sort order (0 = no limit), and is collected and
     * sorted when they hold no whole page: a term that follows the sort key (收费 and the category 收费) would
     * otherwise walk a third of the table.
     */
    int walkWindow = 0;

    /** `insert` for `rows` rows (binds case id, document for each), with its tail. */
    QString insertOf(int rows) const;

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
    /**
     * containsText() for a term without cased letters (Chinese, digits): folding the text cannot change whether it
     * holds such a term, so the text is not folded (half the cost of confirming a row, measured on PostgreSQL).
     */
    QString containsUncasedText(const QString& column) const;
    /** The row lock suffix of a SELECT inside a write transaction (SQLite's write lock already covers it). */
    QString forUpdate() const;
    /**
     * Whether a new connection should warm itself before its first list (SqlCaseRepository::warmUp). PostgreSQL:
     * a new server session loads the catalog entries of `cases` and its indexes, the column statistics (the search
     * column's thousands of most common grams) and plans on its first statements, 0.1-0.8 s at a million cases.
     */
    bool warmsUpConnections() const { return !isSqlite(); }
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
    /**
     * PostgreSQL: a transaction-level lock every rebuild of the daily figures takes (SqlMetricsDaily), so that two
     * desks' commits never rebuild the same day at once (the second would find the first's new rows). SQLite's
     * BEGIN IMMEDIATE already serializes writers: empty.
     */
    QString dailyFiguresLock() const;

private:
    Kind m_kind;
};
