#include "SqlUnitOfWork.h"

#include <QSqlError>

QString SqlUnitOfWork::savepointName() const
{
    return QStringLiteral("qingting_sp%1").arg(m_depth);
}

bool SqlUnitOfWork::run(const QString& sql, Error* error)
{
    QSqlQuery q(m_sql.db());
    if (q.exec(sql)) {
        return true;
    }
    if (error) {
        *error = m_sql.errorFrom(q.lastError());
    }
    return false;
}

Status SqlUnitOfWork::begin()
{
    Error error;
    if (m_depth == 0) {
        if (!run(m_sql.dialect().beginWrite(), &error)) {
            return error;
        }
        m_depth = 1;
        return {};
    }
    ++m_depth;
    if (!run(QStringLiteral("SAVEPOINT ") + savepointName(), &error)) {
        --m_depth;
        return error;
    }
    return {};
}

Status SqlUnitOfWork::commit()
{
    if (m_depth == 0) {
        return Error::make(Error::Code::Storage, tr("There is no transaction to commit."));
    }
    Error error;
    if (m_depth > 1) {
        // RELEASE keeps the savepoint's changes in the outer transaction; they are written by its COMMIT only.
        if (!run(QStringLiteral("RELEASE SAVEPOINT ") + savepointName(), &error)) {
            rollback();
            return error;
        }
        --m_depth;
        return {};
    }
    if (auto flushed = flushDailyFigures(); !flushed) {
        rollback();
        return flushed;
    }
    if (!run(QStringLiteral("COMMIT"), &error)) {
        rollback();
        return error;
    }
    m_depth = 0;
    return {};
}

Status SqlUnitOfWork::flushDailyFigures()
{
    if (m_sql.dailyFiguresDeferred()) {
        return {};
    }
    if (!m_dailyFiguresPresent) {
        m_dailyFiguresPresent = m_sql.db().tables().contains(QStringLiteral("metrics_dirty"));
        if (!m_dailyFiguresPresent) {
            return {};
        }
    }
    return m_daily.flush();
}

void SqlUnitOfWork::rollback()
{
    if (m_depth == 0) {
        return;
    }
    if (m_depth > 1) {
        // Undo the savepoint's changes and drop it; the outer transaction stays usable (also after an error on
        // PostgreSQL, which refuses further statements until the rollback to the savepoint).
        run(QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepointName());
        run(QStringLiteral("RELEASE SAVEPOINT ") + savepointName());
        --m_depth;
        return;
    }
    run(QStringLiteral("ROLLBACK"));
    m_depth = 0;
}
