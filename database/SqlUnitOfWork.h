#pragma once

#include "SqlSupport.h"
#include "repositories/UnitOfWork.h"

/** UnitOfWork over one connection: BEGIN (IMMEDIATE on SQLite), COMMIT, ROLLBACK. Not nestable. */
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
    bool inTransaction() const { return m_open; }

private:
    const SqlContext& m_sql;
    bool m_open = false;
};
