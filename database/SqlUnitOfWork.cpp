#include "SqlUnitOfWork.h"

#include <QSqlError>

Status SqlUnitOfWork::begin()
{
    if (m_open) {
        return Error::make(Error::Code::Storage, tr("A transaction is already open on this connection."));
    }
    QSqlQuery q(m_sql.db());
    if (!q.exec(m_sql.dialect().beginWrite())) {
        return m_sql.errorFrom(q.lastError());
    }
    m_open = true;
    return {};
}

Status SqlUnitOfWork::commit()
{
    if (!m_open) {
        return Error::make(Error::Code::Storage, tr("There is no transaction to commit."));
    }
    QSqlQuery q(m_sql.db());
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = m_sql.errorFrom(q.lastError());
        rollback();
        return e;
    }
    m_open = false;
    return {};
}

void SqlUnitOfWork::rollback()
{
    if (!m_open) {
        return;
    }
    QSqlQuery q(m_sql.db());
    q.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
}
