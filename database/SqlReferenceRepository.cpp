#include "SqlReferenceRepository.h"

namespace {
QString columns(ReferenceKind kind)
{
    return kind == ReferenceKind::Category ? QStringLiteral("id, name, active, sort_order, parent_id")
                                           : QStringLiteral("id, name, active, sort_order, NULL");
}

ReferenceItem itemFrom(const QSqlQuery& q, ReferenceKind kind)
{
    ReferenceItem item;
    item.kind = kind;
    item.id = q.value(0).toLongLong();
    item.name = q.value(1).toString();
    item.active = q.value(2).toInt() != 0;
    item.sortOrder = q.value(3).toInt();
    item.parentId = q.value(4).toLongLong();
    return item;
}
} // namespace

QString SqlReferenceRepository::table(ReferenceKind kind)
{
    switch (kind) {
    case ReferenceKind::Window:
        return QStringLiteral("windows");
    case ReferenceKind::Department:
        return QStringLiteral("departments");
    case ReferenceKind::ServiceItem:
        return QStringLiteral("service_items");
    case ReferenceKind::Category:
        return QStringLiteral("categories");
    }
    return {};
}

Result<QList<ReferenceItem>> SqlReferenceRepository::list(ReferenceKind kind)
{
    auto q =
        m_sql.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY sort_order, name, id").arg(columns(kind), table(kind)));
    if (!q) {
        return q.error();
    }
    QList<ReferenceItem> result;
    while (q->next()) {
        result.append(itemFrom(*q, kind));
    }
    return result;
}

Result<ReferenceItem> SqlReferenceRepository::find(ReferenceKind kind, qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columns(kind), table(kind)), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("The record %1 no longer exists.").arg(id));
    }
    return itemFrom(*q, kind);
}

Result<qint64> SqlReferenceRepository::insert(const ReferenceItem& item)
{
    Result<QVariant> id =
        item.kind == ReferenceKind::Category
            ? m_sql.scalar(
                  QStringLiteral("INSERT INTO categories (name, active, sort_order, parent_id) VALUES (?, ?, ?, ?) "
                                 "RETURNING id"),
                  {item.name, item.active ? 1 : 0, item.sortOrder, SqlContext::id(item.parentId)})
            : m_sql.scalar(QStringLiteral("INSERT INTO %1 (name, active, sort_order) VALUES (?, ?, ?) RETURNING id")
                               .arg(table(item.kind)),
                           {item.name, item.active ? 1 : 0, item.sortOrder});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlReferenceRepository::update(const ReferenceItem& item)
{
    if (auto s = m_sql.execOne(
            QStringLiteral("UPDATE %1 SET name = ?, active = ?, sort_order = ? WHERE id = ?").arg(table(item.kind)),
            {item.name, item.active ? 1 : 0, item.sortOrder, item.id});
        !s) {
        return s;
    }
    // Cases keep the window and category names as their sort keys (migration 0004): a rename reaches them too, in
    // the caller's transaction.
    const QLatin1String column(item.kind == ReferenceKind::Category ? "category"
                               : item.kind == ReferenceKind::Window ? "window"
                                                                    : "");
    if (column.size() == 0) {
        return {};
    }
    const auto q =
        m_sql.exec(QStringLiteral("UPDATE cases SET %1_name = ? WHERE %1_id = ? AND %1_name <> ?").arg(column),
                   {item.name, item.id, item.name});
    if (!q) {
        return q.error();
    }
    return {};
}
