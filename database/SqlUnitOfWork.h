#pragma once

#include "SqlSupport.h"
#include "repositories/UnitOfWork.h"

/**
 * UnitOfWork over one connection: the outermost begin() is BEGIN (IMMEDIATE on SQLite), a nested one opens a
 * SAVEPOINT, so that a caller's transaction can wrap many service writes and still roll all of them back.
 */
class SqlUnitOfWork final : public UnitOfWork
{
    Q_DECLARE_TR_FUNCTIONS(SqlUnitOfWork)

public:
    explicit SqlUnitOfWork(const SqlContext& sql)
        : m_sql(sql)
    {}

    Status begin() override;
    Status commit() override;
    void rollback() override;
    int depth() const override { return m_depth; }
    bool inTransaction() const { return m_depth > 0; }

private:
    QString savepointName() const;
    bool run(const QString& sql, Error* error = nullptr);

    const SqlContext& m_sql;
    int m_depth = 0; ///< 0 = no transaction, 1 = the outer one, n = n-1 savepoints inside it
};
