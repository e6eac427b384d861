#pragma once

#include "common/Result.h"

/**
 * The transaction boundary that services use so that a change, its case event and its audit entry are
 * written together or not at all. Implemented over the one database connection that the repositories share.
 */
class UnitOfWork
{
public:
    virtual ~UnitOfWork() = default;
    /** Starts a write transaction (on SQLite it takes the write lock at once: BEGIN IMMEDIATE). */
    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;
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
