#include "SqlSupport.h"

#include <QSqlError>

Error SqlContext::errorFrom(const QSqlError& error) const
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (m_dialect.classify(error)) {
    case Dialect::Failure::UniqueViolation:
        return Error::make(Error::Code::Conflict, tr("That value exists already (%1).").arg(text));
    case Dialect::Failure::Busy:
        return Error::make(Error::Code::Storage,
                           tr("The database is busy with another desk's change; please try again. (%1)").arg(text));
    case Dialect::Failure::Corrupt:
        return Error::make(Error::Code::Storage,
                           tr("The database is damaged (%1). Stop working on it and restore it from a backup; ask "
                              "the administrator.")
                               .arg(text));
    case Dialect::Failure::Io:
        return Error::make(Error::Code::Storage,
                           tr("The database could not be read or written: the disk is full or failing (%1). Ask "
                              "the administrator.")
                               .arg(text));
    case Dialect::Failure::ReadOnly:
        return Error::make(Error::Code::Storage,
                           tr("The database may only be read here; nothing was saved (%1).").arg(text));
    case Dialect::Failure::Other:
        break;
    }
    return Error::make(Error::Code::Storage, tr("Database error: %1").arg(text));
}

Result<QSqlQuery> SqlContext::exec(const QString& sql, const QVariantList& values) const
{
    QSqlQuery query(db());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return errorFrom(query.lastError());
    }
    for (const QVariant& v : values) {
        // A null QString is "no text", not SQL NULL (PostgreSQL would reject it in NOT NULL columns); SQL NULL
        // is always written as an invalid QVariant.
        if (v.typeId() == QMetaType::QString && v.toString().isNull()) {
            query.addBindValue(QString(QLatin1String("")));
        } else {
            query.addBindValue(v);
        }
    }
    if (!query.exec()) {
        return errorFrom(query.lastError());
    }
    return query;
}

Result<QVariant> SqlContext::scalar(const QString& sql, const QVariantList& values) const
{
    auto query = exec(sql, values);
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return Error::make(Error::Code::NotFound, tr("The database returned no row."));
    }
    return query.value().value(0);
}

Status SqlContext::execOne(const QString& sql, const QVariantList& values) const
{
    auto query = exec(sql, values);
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() != 1) {
        return Error::make(Error::Code::NotFound, tr("The record no longer exists."));
    }
    return {};
}

QString SqlContext::containsPattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}
