#pragma once

#include "SqlMetricsDaily.h"
#include "SqlSupport.h"
#include "repositories/UnitOfWork.h"

/**
 * UnitOfWork over one connection: the outermost begin() is BEGIN (IMMEDIATE on SQLite), a nested one opens a
 * SAVEPOINT, so that a caller's transaction can wrap many service writes and still roll all of them back. The
 * outermost commit() first rebuilds the daily figures of the days the transaction changed (SqlMetricsDaily::flush),
 * so they are written with the change or not at all.
 */
class SqlUnitOfWork final : public UnitOfWork
{
    Q_DECLARE_TR_FUNCTIONS(SqlUnitOfWork)

public:
    explicit SqlUnitOfWork(const SqlContext& sql)
        : m_sql(sql)
        , m_daily(sql)
    {}

    Status begin() override;
    Status commit() override;
    void rollback() override;
    int depth() const override { return m_depth; }
    bool inTransaction() const { return m_depth > 0; }

private:
    QString savepointName() const;
    bool run(const QString& sql, Error* error = nullptr);
    /** SqlMetricsDaily::flush(), once the schema has the daily figures (a database being migrated may not yet). */
    Status flushDailyFigures();

    const SqlContext& m_sql;
    SqlMetricsDaily m_daily;
    bool m_dailyFiguresPresent = false;
    int m_depth = 0; ///< 0 = no transaction, 1 = the outer one, n = n-1 savepoints inside it
};
