#include "SqlSupport.h"

#include <QSqlError>
#include <QSqlField>

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

namespace {
/** A null QString is "no text", not SQL NULL (PostgreSQL would reject it in NOT NULL columns); SQL NULL is always
 * written as an invalid QVariant. */
QVariant boundValue(const QVariant& v)
{
    if (v.typeId() == QMetaType::QString && v.toString().isNull()) {
        return QString(QLatin1String(""));
    }
    return v;
}
} // namespace

std::optional<QString> SqlContext::inlineValues(const QSqlDriver& driver, const QString& sql,
                                                const QVariantList& values)
{
    QString result;
    result.reserve(sql.size() + 32 * values.size());
    qsizetype next = 0;
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = sql.at(i);
        const QChar following = i + 1 < n ? sql.at(i + 1) : QChar();
        qsizetype end = -1; // the last character of a quoted part or comment, copied unchanged
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            end = sql.indexOf(c, i + 1);
        } else if (c == QLatin1Char('-') && following == QLatin1Char('-')) {
            end = sql.indexOf(QLatin1Char('\n'), i);
        } else if (c == QLatin1Char('/') && following == QLatin1Char('*')) {
            end = sql.indexOf(QLatin1String("*/"), i + 2);
            end = end < 0 ? end : end + 1;
        } else if (c == QLatin1Char('?')) {
            if (next >= values.size()) {
                return std::nullopt;
            }
            const QVariant value = boundValue(values.at(next++));
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            const QString literal = driver.formatValue(field);
            // A negative number after a minus sign would otherwise start a comment ("x - -1" vs "x--1").
            result += literal.startsWith(QLatin1Char('-')) ? QLatin1Char('(') + literal + QLatin1Char(')') : literal;
            continue;
        } else {
            result += c;
            continue;
        }
        end = end < 0 ? n - 1 : end;
        result += QStringView(sql).mid(i, end - i + 1);
        i = end;
    }
    if (next != values.size()) {
        return std::nullopt;
    }
    return result;
}

Result<QSqlQuery> SqlContext::exec(const QString& sql, const QVariantList& values) const
{
    QSqlQuery query(db());
    query.setForwardOnly(true);
    if (!m_dialect.isSqlite()) {
        const std::optional<QString> statement = inlineValues(*db().driver(), sql, values);
        if (!statement) {
            return Error::make(
                Error::Code::Storage,
                tr("Database error: the statement does not take %1 values: %2").arg(values.size()).arg(sql));
        }
        if (!query.exec(*statement)) {
            return errorFrom(query.lastError());
        }
        return query;
    }
    if (!query.prepare(sql)) {
        return errorFrom(query.lastError());
    }
    for (const QVariant& v : values) {
        query.addBindValue(boundValue(v));
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

Result<QList<qint64>> SqlContext::ids(const QString& sql, const QVariantList& values) const
{
    auto query = exec(sql, values);
    if (!query) {
        return query.error();
    }
    QList<qint64> result;
    while (query->next()) {
        result.append(query->value(0).toLongLong());
    }
    return result;
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

Result<QStringList> SqlContext::explain(const QString& sql, const QVariantList& values) const
{
    QString statement = sql;
    QVariantList bound = values;
    if (!m_dialect.isSqlite()) {
        const auto inlined = inlineValues(*db().driver(), sql, values);
        if (!inlined) {
            return Error::make(Error::Code::Invalid, QStringLiteral("explain: placeholders and values differ"));
        }
        statement = *inlined;
        bound.clear();
    }
    auto q = exec(m_dialect.explain() + statement, bound);
    if (!q) {
        return q.error();
    }
    QStringList lines;
    const int column = m_dialect.isSqlite() ? 3 : 0; // EXPLAIN QUERY PLAN: id, parent, notused, detail
    while (q->next()) {
        lines << q->value(column).toString();
    }
    return lines;
}
