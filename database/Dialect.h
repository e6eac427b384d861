#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlError;

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
    /** An auto-generated 64-bit primary key column definition. */
    QString idColumn() const;

    /** Splits a migration script into statements for this dialect: tokens replaced, foreign sections dropped. */
    QStringList migrationStatements(const QString& script) const;

    bool isUniqueViolation(const QSqlError& error) const;
    bool isBusy(const QSqlError& error) const;

private:
    Kind m_kind;
};
