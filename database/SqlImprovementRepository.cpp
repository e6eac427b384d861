#include "SqlImprovementRepository.h"

#include "SqlMetricsRepository.h"

namespace {
const QLatin1String kColumns(
    "a.id, a.title, a.description, a.owner_department_id, d.name, a.deadline, a.status, a.category_id, c.name, "
    "a.service_item_id, s.name, a.source, a.created_at, a.created_by_id, "
    "COALESCE(NULLIF(u.display_name, ''), a.created_by), a.updated_at, a.done_at, a.version, "
    "(SELECT COUNT(*) FROM improvement_cases l WHERE l.action_id = a.id), a.root_cause, a.countermeasure, a.problem");
const QLatin1String kFrom(" FROM improvement_actions a "
                          "LEFT JOIN departments d ON d.id = a.owner_department_id "
                          "LEFT JOIN categories c ON c.id = a.category_id "
                          "LEFT JOIN service_items s ON s.id = a.service_item_id "
                          "LEFT JOIN users u ON u.id = a.created_by_id");

ImprovementAction actionFrom(const QSqlQuery& q)
{
    ImprovementAction a;
    a.id = q.value(0).toLongLong();
    a.title = q.value(1).toString();
    a.description = q.value(2).toString();
    a.owner = {q.value(3).toLongLong(), q.value(4).toString()};
    a.deadline = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    a.status = ImprovementStatuses::fromCode(q.value(6).toString()).value_or(ImprovementStatus::Open);
    a.category = {q.value(7).toLongLong(), q.value(8).toString()};
    a.serviceItem = {q.value(9).toLongLong(), q.value(10).toString()};
    a.source = ImprovementSources::fromCode(q.value(11).toString()).value_or(ImprovementSource::Manual);
    a.createdAt = SqlContext::toTime(q.value(12));
    a.createdBy = {q.value(13).toLongLong(), q.value(14).toString()};
    a.updatedAt = SqlContext::toTime(q.value(15));
    a.doneAt = SqlContext::toTime(q.value(16));
    a.version = q.value(17).toInt();
    a.linkedCases = q.value(18).toInt();
    a.rootCause = q.value(19).toString();
    a.countermeasure = q.value(20).toString();
    a.problem = q.value(21).toString();
    return a;
}

QString isoDate(const QDate& d)
{
    return d.toString(Qt::ISODate);
}
} // namespace

Result<qint64> SqlImprovementRepository::insert(const ImprovementAction& a)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO improvement_actions (title, description, owner_department_id, deadline, status, "
                       "category_id, service_item_id, source, created_at, created_by_id, created_by, updated_at, "
                       "done_at, version, root_cause, countermeasure, problem) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {a.title, a.description, a.owner.id, isoDate(a.deadline), ImprovementStatuses::code(a.status),
         SqlContext::id(a.category.id), SqlContext::id(a.serviceItem.id), ImprovementSources::code(a.source),
         SqlContext::time(a.createdAt), SqlContext::id(a.createdBy.id), a.createdBy.name, SqlContext::time(a.updatedAt),
         SqlContext::time(a.doneAt), a.version, a.rootCause, a.countermeasure, a.problem});
    if (!id) {
        return id.error();
    }
    if (auto s = announce(); !s) {
        return s.error();
    }
    return id->toLongLong();
}

Status SqlImprovementRepository::announce()
{
    if (m_sql.dialect().isSqlite()) {
        return {};
    }
    auto q = m_sql.exec(QStringLiteral("SELECT pg_notify(?, '')"), {QString::fromLatin1(kChannel)});
    if (!q) {
        return q.error();
    }
    return {};
}

Result<qint64> SqlImprovementRepository::changeStamp()
{
    const auto sum = m_sql.scalar(QStringLiteral("SELECT COALESCE(SUM(version), 0) FROM improvement_actions"));
    if (!sum) {
        return sum.error();
    }
    return sum->toLongLong();
}

Status SqlImprovementRepository::update(const ImprovementAction& a)
{
    if (auto s = announce(); !s) {
        return s;
    }
    return m_sql.execOne(
        QStringLiteral("UPDATE improvement_actions SET title = ?, description = ?, owner_department_id = ?, "
                       "deadline = ?, status = ?, category_id = ?, service_item_id = ?, updated_at = ?, done_at = ?, "
                       "version = ?, root_cause = ?, countermeasure = ?, problem = ? WHERE id = ?"),
        {a.title, a.description, a.owner.id, isoDate(a.deadline), ImprovementStatuses::code(a.status),
         SqlContext::id(a.category.id), SqlContext::id(a.serviceItem.id), SqlContext::time(a.updatedAt),
         SqlContext::time(a.doneAt), a.version, a.rootCause, a.countermeasure, a.problem, a.id});
}

Result<ImprovementAction> SqlImprovementRepository::find(qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE a.id = ?"), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("Improvement action %1 does not exist.").arg(id));
    }
    return actionFrom(*q);
}

QString SqlImprovementRepository::listSql(const ImprovementFilter& filter, QVariantList& values)
{
    QStringList where;
    // Two ranges of improvement_actions_status (open, in progress), by deadline.
    if (filter.activeOnly || filter.overdueOnly) {
        where << QStringLiteral("a.status IN ('open', 'in_progress')");
    }
    if (filter.overdueOnly) {
        where << QStringLiteral("a.deadline < ?");
        values << isoDate(filter.today);
    }
    if (filter.status) {
        where << QStringLiteral("a.status = ?");
        values << ImprovementStatuses::code(*filter.status);
    }
    if (filter.categoryId != 0) {
        where << QStringLiteral("a.category_id = ?");
        values << filter.categoryId;
    }
    QString sql = QStringLiteral("SELECT ") + kColumns + kFrom;
    if (!where.isEmpty()) {
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    }
    sql += QStringLiteral(" ORDER BY a.deadline, a.id LIMIT ?");
    values << std::max(1, filter.limit);
    return sql;
}

Result<QList<ImprovementAction>> SqlImprovementRepository::list(const ImprovementFilter& filter)
{
    QVariantList values;
    const QString sql = listSql(filter, values);
    auto q = m_sql.exec(sql, values);
    if (!q) {
        return q.error();
    }
    QList<ImprovementAction> result;
    while (q->next()) {
        result.append(actionFrom(*q));
    }
    return result;
}

Result<QStringList> SqlImprovementRepository::explainList(const ImprovementFilter& filter) const
{
    QVariantList values;
    const QString sql = listSql(filter, values);
    return m_sql.explain(sql, values);
}

Result<QList<LinkedCase>> SqlImprovementRepository::linkedCases(qint64 actionId)
{
    auto q = m_sql.exec(
        QStringLiteral("SELECT c.id, c.case_no, c.status, c.received_at, COALESCE(g.name, ''), COALESCE(s.name, '') "
                       "FROM improvement_cases l JOIN cases c ON c.id = l.case_id "
                       "LEFT JOIN categories g ON g.id = c.category_id "
                       "LEFT JOIN service_items s ON s.id = c.service_item_id "
                       "WHERE l.action_id = ? ORDER BY c.received_at, c.id"),
        {actionId});
    if (!q) {
        return q.error();
    }
    QList<LinkedCase> result;
    while (q->next()) {
        LinkedCase c;
        c.caseId = q->value(0).toLongLong();
        c.caseNo = q->value(1).toString();
        c.status = CaseStatuses::fromCode(q->value(2).toString()).value_or(CaseStatus::Received);
        c.receivedAt = SqlContext::toTime(q->value(3));
        c.category = q->value(4).toString();
        c.serviceItem = q->value(5).toString();
        result.append(c);
    }
    return result;
}

Status SqlImprovementRepository::linkCase(qint64 actionId, qint64 caseId)
{
    const auto there =
        m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM improvement_cases WHERE action_id = ? AND case_id = ?"),
                     {actionId, caseId});
    if (!there) {
        return there.error();
    }
    if (there->toInt() > 0) {
        return {};
    }
    auto q = m_sql.exec(QStringLiteral("INSERT INTO improvement_cases (action_id, case_id) VALUES (?, ?)"),
                        {actionId, caseId});
    if (!q) {
        return q.error();
    }
    return {};
}

Status SqlImprovementRepository::unlinkCase(qint64 actionId, qint64 caseId)
{
    return m_sql.execOne(QStringLiteral("DELETE FROM improvement_cases WHERE action_id = ? AND case_id = ?"),
                         {actionId, caseId});
}

Result<QList<Why>> SqlImprovementRepository::whys(qint64 actionId)
{
    auto q = m_sql.exec(
        QStringLiteral("SELECT question, answer FROM improvement_whys WHERE action_id = ? ORDER BY position"),
        {actionId});
    if (!q) {
        return q.error();
    }
    QList<Why> result;
    while (q->next()) {
        result.append({q->value(0).toString(), q->value(1).toString()});
    }
    return result;
}

Status SqlImprovementRepository::replaceWhys(qint64 actionId, const QList<Why>& whys)
{
    if (auto q = m_sql.exec(QStringLiteral("DELETE FROM improvement_whys WHERE action_id = ?"), {actionId}); !q) {
        return q.error();
    }
    for (int i = 0; i < whys.size(); ++i) {
        auto q = m_sql.exec(QStringLiteral("INSERT INTO improvement_whys (action_id, position, question, answer) "
                                           "VALUES (?, ?, ?, ?)"),
                            {actionId, i + 1, whys.at(i).question, whys.at(i).answer});
        if (!q) {
            return q.error();
        }
    }
    return {};
}

Result<Fishbone> SqlImprovementRepository::causes(qint64 actionId)
{
    // Causes before their sub-causes (ids grow in insertion order, parents first).
    auto q = m_sql.exec(QStringLiteral("SELECT id, branch, parent_id, text FROM improvement_causes "
                                       "WHERE action_id = ? ORDER BY id"),
                        {actionId});
    if (!q) {
        return q.error();
    }
    Fishbone f;
    QHash<qint64, std::pair<int, int>> where; // cause id -> (branch, index)
    while (q->next()) {
        const auto branch = FishboneBranches::fromCode(q->value(1).toString());
        if (!branch) {
            continue;
        }
        const int b = static_cast<int>(*branch);
        const qint64 parent = q->value(2).toLongLong();
        if (parent == 0) {
            where.insert(q->value(0).toLongLong(), {b, int(f.branches[b].size())});
            f.branches[b].append({q->value(3).toString(), {}});
        } else if (const auto it = where.constFind(parent); it != where.constEnd()) {
            f.branches[it->first][it->second].subCauses.append(q->value(3).toString());
        }
    }
    return f;
}

Status SqlImprovementRepository::replaceCauses(qint64 actionId, const Fishbone& fishbone)
{
    // Sub-causes first: they point at their causes.
    if (auto q = m_sql.exec(
            QStringLiteral("DELETE FROM improvement_causes WHERE action_id = ? AND parent_id IS NOT NULL"), {actionId});
        !q) {
        return q.error();
    }
    if (auto q = m_sql.exec(QStringLiteral("DELETE FROM improvement_causes WHERE action_id = ?"), {actionId}); !q) {
        return q.error();
    }
    const QString insert = QStringLiteral("INSERT INTO improvement_causes (action_id, branch, parent_id, position, "
                                          "text) VALUES (?, ?, ?, ?, ?) RETURNING id");
    for (FishboneBranch b : FishboneBranches::all()) {
        const auto& causes = fishbone.causes(b);
        for (int i = 0; i < causes.size(); ++i) {
            const auto id =
                m_sql.scalar(insert, {actionId, FishboneBranches::code(b), QVariant(), i + 1, causes.at(i).text});
            if (!id) {
                return id.error();
            }
            const QStringList& subs = causes.at(i).subCauses;
            for (int j = 0; j < subs.size(); ++j) {
                const auto sub =
                    m_sql.scalar(insert, {actionId, FishboneBranches::code(b), id->toLongLong(), j + 1, subs.at(j)});
                if (!sub) {
                    return sub.error();
                }
            }
        }
    }
    return {};
}

QString SqlImprovementRepository::effectSql(qint64 categoryId, qint64 serviceItemId, QVariantList& values,
                                            const Metrics::Period& period)
{
    // One range of cases_item_category_received (migration 0011): equality on both ids (IS NULL for "none
    // recorded"), a range of received_at.
    QString sql =
        QStringLiteral("SELECT ") + SqlMetricsRepository::caseInputColumns() + QStringLiteral(" FROM cases WHERE ");
    if (categoryId != 0) {
        sql += QStringLiteral("category_id = ?");
        values << categoryId;
    } else {
        sql += QStringLiteral("category_id IS NULL");
    }
    if (serviceItemId != 0) {
        sql += QStringLiteral(" AND service_item_id = ?");
        values << serviceItemId;
    } else {
        sql += QStringLiteral(" AND service_item_id IS NULL");
    }
    sql += QStringLiteral(" AND received_at >= ? AND received_at < ?");
    values << SqlContext::time(period.begin()) << SqlContext::time(period.end());
    return sql;
}

Result<Metrics::Input> SqlImprovementRepository::effectInput(qint64 categoryId, qint64 serviceItemId,
                                                             const Metrics::Period& period)
{
    QVariantList values;
    const QString sql = effectSql(categoryId, serviceItemId, values, period);
    auto q = m_sql.exec(sql, values);
    if (!q) {
        return q.error();
    }
    Metrics::Input input;
    while (q->next()) {
        input.cases.append(SqlMetricsRepository::caseInputFrom(*q));
    }
    return input;
}

Result<QStringList> SqlImprovementRepository::explainEffectInput(qint64 categoryId, qint64 serviceItemId,
                                                                 const Metrics::Period& period) const
{
    QVariantList values;
    const QString sql = effectSql(categoryId, serviceItemId, values, period);
    return m_sql.explain(sql, values);
}

Result<QList<qint64>> SqlImprovementRepository::recentCases(qint64 categoryId, qint64 serviceItemId,
                                                            const QDateTime& from, const QDateTime& to, int limit)
{
    auto q = m_sql.exec(
        QStringLiteral("SELECT id FROM cases WHERE category_id = ? AND service_item_id = ? "
                       "AND received_at >= ? AND received_at < ? ORDER BY received_at DESC, id DESC LIMIT ?"),
        {categoryId, serviceItemId, SqlContext::time(from), SqlContext::time(to), limit});
    if (!q) {
        return q.error();
    }
    QList<qint64> ids;
    while (q->next()) {
        ids.append(q->value(0).toLongLong());
    }
    return ids;
}
