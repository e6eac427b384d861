#pragma once

#include "SqlSupport.h"
#include "cases/CaseEvent.h"
#include "cases/CaseStatus.h"

struct IntakeDetail;

#include <QCoreApplication>

#include <array>
#include <memory>
#include <optional>

struct SearchIndexSql;

/** One prepared INSERT or SELECT, bound and run once per row. Bound strings must live until exec(). */
class BulkStatement
{
public:
    virtual ~BulkStatement() = default;
    virtual void bindInt(int i, qint64 v) = 0;
    virtual void bindNull(int i) = 0;
    virtual void bindText(int i, const QString& s) = 0;
    /** Runs the statement; the first column of its first row (an id from RETURNING, a count) if it has one. */
    virtual Result<std::optional<qint64>> exec() = 0;
    /** The id of the row the last exec() inserted. */
    virtual qint64 insertedId(const std::optional<qint64>& returned) = 0;
    /** Writes rows that a buffering statement still holds. */
    virtual Status flush() { return {}; }

    void bindId(int i, qint64 v) { v > 0 ? bindInt(i, v) : bindNull(i); }
    void bindTime(int i, qint64 v) { v != 0 ? bindInt(i, v) : bindNull(i); }
    void bindOptional(int i, int v) { v >= 0 ? bindInt(i, v) : bindNull(i); }
};

/**
 * Makes the bulk writers' prepared statements (SqlDemoWriter, SqlImportWriter). On SQLite they talk to the
 * connection's own sqlite3 handle (QSqlDriver::handle(), the system SQLite that Qt's plugin links), which skips Qt
 * SQL's per-row QVariant work; on PostgreSQL an INSERT's rows are sent many to a statement (BufferedInsert), and an
 * INSERT whose new ids later rows need draws them from the sequence beforehand (reserve()).
 */
class BulkStatements
{
    Q_DECLARE_TR_FUNCTIONS(BulkStatements)

public:
    enum class Shape
    {
        Plain,    ///< rows written as they come (SQLite) or buffered (PostgreSQL); no id needed
        NewId,    ///< insertedId() of every row; PostgreSQL: ids reserved per batch with reserve()
        OneByOne, ///< a statement run row by row on both (a SELECT, an upsert, an INSERT ... RETURNING id)
    };

    explicit BulkStatements(const SqlContext& sql);

    /**
     * For a process that is about to write in bulk (`demo`): SQLite stops counting its allocations
     * (SQLITE_CONFIG_MEMSTATUS), a global mutex taken and released around every malloc and free that nothing here
     * reads. Only possible before the process's first SQLite connection; later calls change nothing.
     */
    static void beforeFirstConnection();

    Status make(const QString& sql, Shape shape, std::unique_ptr<BulkStatement>* into) const;
    /** PostgreSQL: draws `n` ids for the next rows of a NewId statement; nothing to do on SQLite. */
    static Status reserve(BulkStatement* statement, qsizetype n);

private:
    const SqlContext& m_sql;
};

/** The INSERTs both bulk writers share, and the codes they bind, computed once instead of per row. */
namespace BulkSql {
extern const QString citizenInsert;
/** The case row with its derived sort keys; on PostgreSQL with the search grams as one more value, bound last. */
QString caseInsert(const SearchIndexSql& index);
/**
 * The guided intake's 19 columns of caseInsert (migration 0011), from `first` (38) on; the sort keys follow (57-61),
 * then the risk columns (62-64: score, level, signals; migration 0026) and the search index's column (65), if any.
 */
void bindIntake(BulkStatement& s, int first, const IntakeDetail& intake);
extern const QString eventInsert;
extern const QString followUpInsert;
extern const QString visitInsert;

struct Codes
{
    std::array<QString, 6> status;
    std::array<QString, kChannelCount> channel;
    std::array<QString, std::size_t(CaseEventKind::Reminded) + 1> event;
    std::array<QString, 3> method;
    Codes();
};
const Codes& codes();
} // namespace BulkSql
