#pragma once

#include "Dialect.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

/**
 * What every Sql*Repository shares: its connection and dialect, running a statement with bound values, and
 * turning driver errors and stored values into domain ones.
 */
class SqlContext
{
    Q_DECLARE_TR_FUNCTIONS(SqlContext)

public:
    SqlContext(QString connectionName, Dialect dialect)
        : m_connectionName(std::move(connectionName))
        , m_dialect(dialect)
    {}

    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName, false); }
    const Dialect& dialect() const { return m_dialect; }

    /**
     * A bulk writer (demo) defers the rebuild of the daily figures that every commit does (SqlUnitOfWork) to its own
     * end, where it rebuilds each touched day once instead of once per batch. A connection setting, like the bulk
     * writer's PRAGMAs; the marks stay in metrics_dirty meanwhile, so nothing can read a stale day.
     */
    void deferDailyFigures(bool defer) const { m_deferDailyFigures = defer; }
    bool dailyFiguresDeferred() const { return m_deferDailyFigures; }

    /**
     * Runs `sql` with positional `?` values; a failure becomes a translated Error. SQLite prepares and binds. On
     * PostgreSQL the values are written into the statement as literals by the driver's own quoting, which is what
     * Qt's QPSQL does for a prepared statement anyway (`EXECUTE name (literals)`), so that each statement costs one
     * round trip to the server instead of three (PREPARE, EXECUTE, DEALLOCATE): under many desks those round trips
     * are spent holding the case-counter and audit-head row locks (docs/ARCHITECTURE.md, "Many desks").
     */
    Result<QSqlQuery> exec(const QString& sql, const QVariantList& values = {}) const;
    /** Runs a statement that returns one row (`... RETURNING id`, `SELECT COUNT(*)`) and gives its first column. */
    Result<QVariant> scalar(const QString& sql, const QVariantList& values = {}) const;
    /** Runs a query whose first column is an id, and gives the ids in the order of the rows. */
    Result<QList<qint64>> ids(const QString& sql, const QVariantList& values = {}) const;
    /** Runs a statement that must change exactly one row; NotFound otherwise. */
    Status execOne(const QString& sql, const QVariantList& values = {}) const;

    Error errorFrom(const QSqlError& error) const;
    /**
     * The planner's plan of `sql` with these values, one line per step (for the tests that prove index use). SQLite
     * binds the values as exec() does; PostgreSQL cannot prepare EXPLAIN, so they go in as the driver's literals.
     */
    Result<QStringList> explain(const QString& sql, const QVariantList& values = {}) const;

    static QVariant time(const QDateTime& t) { return t.isValid() ? QVariant(t.toSecsSinceEpoch()) : QVariant(); }
    static QDateTime toTime(const QVariant& v)
    {
        return v.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(v.toLongLong());
    }
    static QVariant id(qint64 id) { return id != 0 ? QVariant(id) : QVariant(); }
    static QVariant optionalInt(const std::optional<int>& v) { return v ? QVariant(*v) : QVariant(); }
    static std::optional<int> toOptionalInt(const QVariant& v)
    {
        return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
    }
    /**
     * `sql` with each `?` outside quotes and comments replaced by the driver's literal for the next value; nullopt
     * when the number of `?` and of values differ.
     */
    static std::optional<QString> inlineValues(const QSqlDriver& driver, const QString& sql,
                                               const QVariantList& values);
    /** `%text%` for LIKE with `\` as the escape character. */
    static QString containsPattern(const QString& text);

private:
    QString m_connectionName;
    Dialect m_dialect;
    mutable bool m_deferDailyFigures = false;
};
