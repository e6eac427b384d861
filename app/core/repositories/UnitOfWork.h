#pragma once

#include "common/Result.h"

/**
 * The transaction boundary that services use so that a change, its case event and its audit entry are
 * written together or not at all. Implemented over the one database connection that the repositories share.
 *
 * Transactions compose: a begin() inside an open transaction opens a savepoint; its commit() keeps the changes
 * for the outer commit, its rollback() undoes only them. So an all-or-nothing import wraps many service calls
 * (each with its own WriteTransaction) in one outer WriteTransaction, and nothing is written unless that commits.
 */
class UnitOfWork
{
public:
    virtual ~UnitOfWork() = default;
    /** Starts a write transaction (on SQLite it takes the write lock at once: BEGIN IMMEDIATE), or a savepoint. */
    virtual Status begin() = 0;
    /** Commits the outer transaction, or releases the innermost savepoint into it. */
    virtual Status commit() = 0;
    /** Rolls back the outer transaction, or only the innermost savepoint. */
    virtual void rollback() = 0;
    /** How many begin()s are open: 0 = none, 1 = a transaction, more = savepoints inside it. */
    virtual int depth() const = 0;
};

/** RAII over UnitOfWork: rolls back unless commit() succeeded. */
class WriteTransaction
{
public:
    explicit WriteTransaction(UnitOfWork& uow)
        : m_uow(uow)
        , m_status(uow.begin())
    {}
    ~WriteTransaction()
    {
        if (m_status.ok() && !m_committed) {
            m_uow.rollback();
        }
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    /** Whether begin() worked; check before writing. */
    const Status& started() const { return m_status; }
    Status commit()
    {
        Status s = m_uow.commit();
        m_committed = s.ok();
        return s;
    }

private:
    UnitOfWork& m_uow;
    Status m_status;
    bool m_committed = false;
};
