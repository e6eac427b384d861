#include "SqlCaseRepository.h"

#include <QSqlRecord>

namespace {
// Every column the mapping reads, joined with the names of what the ids point to.
const QLatin1String kSelect(
    "SELECT c.id, c.case_no, c.status, c.channel, c.window_id, w.name, c.service_item_id, s.name, c.category_id, "
    "cat.name, c.department_id, d.name, c.assignee_id, COALESCE(NULLIF(u.display_name, ''), u.login), "
    "c.created_by_id, c.created_by, c.citizen_id, c.waited_minutes, c.complaint_text, c.facts, c.impact, c.steps, "
    "c.received_at, c.acknowledged_at, c.answered_at, c.promised_at, c.due_at, c.resolved_at, c.followed_up_at, "
    "c.closed_at, c.updated_at, c.version, c.transfer_count, c.escalation_level, c.rating, c.nps");
const QLatin1String kFrom(" FROM cases c "
                          "LEFT JOIN windows w ON w.id = c.window_id "
                          "LEFT JOIN service_items s ON s.id = c.service_item_id "
                          "LEFT JOIN categories cat ON cat.id = c.category_id "
                          "LEFT JOIN departments d ON d.id = c.department_id "
                          "LEFT JOIN users u ON u.id = c.assignee_id");
constexpr int kSortColumn = 36; // the sort key follows the mapped columns in list()

Ref refAt(const QSqlQuery& q, int idColumn)
{
    return {q.value(idColumn).toLongLong(), q.value(idColumn + 1).toString()};
}

Case caseFrom(const QSqlQuery& q)
{
    Case c;
    c.id = q.value(0).toLongLong();
    c.caseNo = q.value(1).toString();
    c.status = CaseStatuses::fromCode(q.value(2).toString()).value_or(CaseStatus::Received);
    c.channel = Channels::fromCode(q.value(3).toString()).value_or(Channel::Window);
    c.window = refAt(q, 4);
    c.serviceItem = refAt(q, 6);
    c.category = refAt(q, 8);
    c.department = refAt(q, 10);
    c.assignee = refAt(q, 12);
    c.createdBy = {q.value(14).toLongLong(), q.value(15).toString()};
    c.citizenId = q.value(16).toLongLong();
    c.waitedMinutes = SqlContext::toOptionalInt(q.value(17));
    c.complaintText = q.value(18).toString();
    c.facts = q.value(19).toString();
    c.impact = q.value(20).toString();
    c.steps = q.value(21).toString();
    c.receivedAt = SqlContext::toTime(q.value(22));
    c.acknowledgedAt = SqlContext::toTime(q.value(23));
    c.answeredAt = SqlContext::toTime(q.value(24));
    c.promisedAt = SqlContext::toTime(q.value(25));
    c.dueAt = SqlContext::toTime(q.value(26));
    c.resolvedAt = SqlContext::toTime(q.value(27));
    c.followedUpAt = SqlContext::toTime(q.value(28));
    c.closedAt = SqlContext::toTime(q.value(29));
    c.updatedAt = SqlContext::toTime(q.value(30));
    c.version = q.value(31).toInt();
    c.transferCount = q.value(32).toInt();
    c.escalationLevel = q.value(33).toInt();
    c.rating = SqlContext::toOptionalInt(q.value(34));
    c.nps = SqlContext::toOptionalInt(q.value(35));
    return c;
}

/** The raw value a sort key orders by: never NULL, so that keyset comparisons hold. */
QString sortExpression(CaseSortKey key)
{
    switch (key) {
    case CaseSortKey::ReceivedAt:
        return QStringLiteral("c.received_at");
    case CaseSortKey::CaseNo:
        return QStringLiteral("c.case_no");
    case CaseSortKey::Status:
        return QStringLiteral("CASE c.status WHEN 'received' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'in_progress' "
                              "THEN 2 WHEN 'resolved' THEN 3 WHEN 'followed_up' THEN 4 ELSE 5 END");
    case CaseSortKey::WaitedMinutes:
        return QStringLiteral("COALESCE(c.waited_minutes, -1)");
    case CaseSortKey::Category:
        return QStringLiteral("COALESCE(cat.name, '')");
    case CaseSortKey::Window:
        return QStringLiteral("COALESCE(w.name, '')");
    }
    return QStringLiteral("c.received_at");
}

/** The values an update or insert writes, in the order of kWritableColumns. */
QVariantList writableValues(const Case& c)
{
    return {CaseStatuses::code(c.status),
            Channels::code(c.channel),
            SqlContext::id(c.window.id),
            SqlContext::id(c.serviceItem.id),
            SqlContext::id(c.category.id),
            SqlContext::id(c.department.id),
            SqlContext::id(c.assignee.id),
            SqlContext::id(c.citizenId),
            SqlContext::optionalInt(c.waitedMinutes),
            c.complaintText,
            c.facts,
            c.impact,
            c.steps,
            SqlContext::time(c.receivedAt),
            SqlContext::time(c.acknowledgedAt),
            SqlContext::time(c.answeredAt),
            SqlContext::time(c.promisedAt),
            SqlContext::time(c.dueAt),
            SqlContext::time(c.resolvedAt),
            SqlContext::time(c.followedUpAt),
            SqlContext::time(c.closedAt),
            SqlContext::time(c.updatedAt),
            c.transferCount,
            c.escalationLevel,
            SqlContext::optionalInt(c.rating),
            SqlContext::optionalInt(c.nps)};
}
const QLatin1String kWritableColumns[] = {QLatin1String("status"),          QLatin1String("channel"),
                                          QLatin1String("window_id"),       QLatin1String("service_item_id"),
                                          QLatin1String("category_id"),     QLatin1String("department_id"),
                                          QLatin1String("assignee_id"),     QLatin1String("citizen_id"),
                                          QLatin1String("waited_minutes"),  QLatin1String("complaint_text"),
                                          QLatin1String("facts"),           QLatin1String("impact"),
                                          QLatin1String("steps"),           QLatin1String("received_at"),
                                          QLatin1String("acknowledged_at"), QLatin1String("answered_at"),
                                          QLatin1String("promised_at"),     QLatin1String("due_at"),
                                          QLatin1String("resolved_at"),     QLatin1String("followed_up_at"),
                                          QLatin1String("closed_at"),       QLatin1String("updated_at"),
                                          QLatin1String("transfer_count"),  QLatin1String("escalation_level"),
                                          QLatin1String("rating"),          QLatin1String("nps")};
} // namespace

QString SqlCaseRepository::formatCaseNo(const QDate& day, qint64 sequence)
{
    return QStringLiteral("QT-%1-%2")
        .arg(day.toString(QStringLiteral("yyyyMMdd")))
        .arg(sequence, 4, 10, QLatin1Char('0'));
}

Result<QString> SqlCaseRepository::allocateCaseNo(const QDate& day)
{
    const QString key = day.toString(Qt::ISODate);
    if (auto q = m_sql.exec(QStringLiteral("INSERT INTO case_counters (day, last_no) VALUES (?, 0) "
                                           "ON CONFLICT (day) DO NOTHING"),
                            {key});
        !q) {
        return q.error();
    }
    // The update takes the row lock (PostgreSQL) inside the write transaction (SQLite), so numbers never repeat.
    const auto next = m_sql.scalar(
        QStringLiteral("UPDATE case_counters SET last_no = last_no + 1 WHERE day = ? RETURNING last_no"), {key});
    if (!next) {
        return next.error();
    }
    return formatCaseNo(day, next->toLongLong());
}

Result<qint64> SqlCaseRepository::insert(const Case& c)
{
    QStringList columns{QStringLiteral("case_no"), QStringLiteral("created_by_id"), QStringLiteral("created_by")};
    QVariantList values{c.caseNo, SqlContext::id(c.createdBy.id), c.createdBy.name};
    for (const auto& column : kWritableColumns) {
        columns << column;
    }
    values << writableValues(c);
    const QString placeholders = QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", "));
    const auto id = m_sql.scalar(QStringLiteral("INSERT INTO cases (%1) VALUES (%2) RETURNING id")
                                     .arg(columns.join(QLatin1String(", ")), placeholders),
                                 values);
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlCaseRepository::update(const Case& c)
{
    QStringList assignments;
    for (const auto& column : kWritableColumns) {
        assignments << column + QLatin1String(" = ?");
    }
    QVariantList values = writableValues(c);
    values << c.id << c.version;
    const auto q = m_sql.exec(QStringLiteral("UPDATE cases SET %1, version = version + 1 WHERE id = ? AND version = ?")
                                  .arg(assignments.join(QLatin1String(", "))),
                              values);
    if (!q) {
        return q.error();
    }
    if (q->numRowsAffected() != 1) {
        return Error::make(Error::Code::Conflict,
                           tr("Case %1 was changed by someone else meanwhile; reopen it and try again.").arg(c.caseNo));
    }
    return {};
}

Result<Case> SqlCaseRepository::findWhere(const QString& condition, const QVariant& value)
{
    auto q = m_sql.exec(kSelect + kFrom + QLatin1String(" WHERE ") + condition, {value});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("There is no case %1.").arg(value.toString()));
    }
    return caseFrom(*q);
}

Result<Case> SqlCaseRepository::find(qint64 id)
{
    return findWhere(QStringLiteral("c.id = ?"), id);
}

Result<Case> SqlCaseRepository::findByNumber(const QString& caseNo)
{
    return findWhere(QStringLiteral("c.case_no = ?"), caseNo);
}

QString SqlCaseRepository::filterClause(const CaseQuery& query, QVariantList* values) const
{
    QStringList conditions;
    if (!query.statuses.isEmpty()) {
        QStringList marks;
        for (CaseStatus s : query.statuses) {
            marks << QStringLiteral("?");
            values->append(CaseStatuses::code(s));
        }
        conditions << QStringLiteral("c.status IN (%1)").arg(marks.join(QLatin1String(", ")));
    }
    if (query.assigneeId != 0) {
        conditions << QStringLiteral("c.assignee_id = ?");
        values->append(query.assigneeId);
    }
    if (query.overdueAt.isValid()) {
        // Case::isOverdue in SQL: still open and past due.
        QStringList open;
        for (CaseStatus s : CaseStatuses::all()) {
            if (CaseStatuses::isOpen(s)) {
                open << QStringLiteral("?");
                values->append(CaseStatuses::code(s));
            }
        }
        conditions << QStringLiteral("c.status IN (%1) AND c.due_at < ?").arg(open.join(QLatin1String(", ")));
        values->append(SqlContext::time(query.overdueAt));
    }
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        const QString like = m_sql.dialect().likeOperator();
        conditions << QStringLiteral("(c.case_no %1 ? ESCAPE '\\' OR c.complaint_text %1 ? ESCAPE '\\')").arg(like);
        const QString pattern = SqlContext::containsPattern(text);
        values->append(pattern);
        values->append(pattern);
    }
    return conditions.isEmpty() ? QString() : QLatin1String(" WHERE ") + conditions.join(QLatin1String(" AND "));
}

Result<CasePage> SqlCaseRepository::list(const CaseQuery& query)
{
    QVariantList values;
    QString where = filterClause(query, &values);
    const QString key = sortExpression(query.sortKey);
    const QLatin1String dir(query.descending ? "DESC" : "ASC");
    const QLatin1String beyond(query.descending ? "<" : ">");
    if (query.after.isValid()) {
        where += (where.isEmpty() ? QLatin1String(" WHERE ") : QLatin1String(" AND ")) +
                 QStringLiteral("(%1 %2 ? OR (%1 = ? AND c.id %2 ?))").arg(key, beyond);
        values << query.after.sortValue << query.after.sortValue << query.after.id;
    }
    const int limit = std::clamp(query.limit, 1, 5000);
    // One row more than asked tells whether another page follows.
    auto q = m_sql.exec(kSelect + QStringLiteral(", %1").arg(key) + kFrom + where +
                            QStringLiteral(" ORDER BY %1 %2, c.id %2 LIMIT %3").arg(key, dir).arg(limit + 1),
                        values);
    if (!q) {
        return q.error();
    }
    CasePage page;
    QVariant lastKey;
    while (q->next()) {
        if (page.cases.size() == limit) {
            page.atEnd = false;
            break;
        }
        page.cases.append(caseFrom(*q));
        lastKey = q->value(kSortColumn);
    }
    if (!page.cases.isEmpty()) {
        page.next = {lastKey, page.cases.constLast().id};
    }
    return page;
}

Result<CaseCount> SqlCaseRepository::count(const CaseQuery& query)
{
    QVariantList values;
    const QString where = filterClause(query, &values);
    const auto n = m_sql.scalar(QStringLiteral("SELECT COUNT(*)") + kFrom + where, values);
    if (!n) {
        return n.error();
    }
    return CaseCount{n->toLongLong(), true};
}

Result<qint64> SqlCaseRepository::addEvent(const CaseEvent& e)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO case_events (case_id, at, kind, actor_id, actor, from_status, to_status, note) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {e.caseId, SqlContext::time(e.at), CaseEventKinds::code(e.kind), SqlContext::id(e.actor.id), e.actor.name,
         e.fromStatus ? QVariant(CaseStatuses::code(*e.fromStatus)) : QVariant(),
         e.toStatus ? QVariant(CaseStatuses::code(*e.toStatus)) : QVariant(), e.note});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<QList<CaseEvent>> SqlCaseRepository::events(qint64 caseId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT e.id, e.case_id, e.at, e.kind, e.actor_id, "
                                       "COALESCE(NULLIF(u.display_name, ''), e.actor), e.from_status, e.to_status, "
                                       "e.note FROM case_events e LEFT JOIN users u ON u.id = e.actor_id "
                                       "WHERE e.case_id = ? ORDER BY e.id"),
                        {caseId});
    if (!q) {
        return q.error();
    }
    QList<CaseEvent> result;
    while (q->next()) {
        CaseEvent e;
        e.id = q->value(0).toLongLong();
        e.caseId = q->value(1).toLongLong();
        e.at = SqlContext::toTime(q->value(2));
        e.kind = CaseEventKinds::fromCode(q->value(3).toString()).value_or(CaseEventKind::NoteAdded);
        e.actor = {q->value(4).toLongLong(), q->value(5).toString()};
        e.fromStatus = CaseStatuses::fromCode(q->value(6).toString());
        e.toStatus = CaseStatuses::fromCode(q->value(7).toString());
        e.note = q->value(8).toString();
        result.append(e);
    }
    return result;
}

Result<qint64> SqlCaseRepository::addFollowUp(const FollowUp& f)
{
    const auto id =
        m_sql.scalar(QStringLiteral("INSERT INTO follow_ups (case_id, at, method, rating, nps, note, actor_id, actor) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                     {f.caseId, SqlContext::time(f.at), FollowUpMethods::code(f.method), f.rating,
                      SqlContext::optionalInt(f.nps), f.note, SqlContext::id(f.actor.id), f.actor.name});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<QList<FollowUp>> SqlCaseRepository::followUps(qint64 caseId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT id, case_id, at, method, rating, nps, note, actor_id, actor "
                                       "FROM follow_ups WHERE case_id = ? ORDER BY id"),
                        {caseId});
    if (!q) {
        return q.error();
    }
    QList<FollowUp> result;
    while (q->next()) {
        FollowUp f;
        f.id = q->value(0).toLongLong();
        f.caseId = q->value(1).toLongLong();
        f.at = SqlContext::toTime(q->value(2));
        f.method = FollowUpMethods::fromCode(q->value(3).toString()).value_or(FollowUpMethod::Phone);
        f.rating = q->value(4).toInt();
        f.nps = SqlContext::toOptionalInt(q->value(5));
        f.note = q->value(6).toString();
        f.actor = {q->value(7).toLongLong(), q->value(8).toString()};
        result.append(f);
    }
    return result;
}

Result<qint64> SqlCaseRepository::insertCitizen(const Citizen& citizen)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO citizens (name, phone, id_number, address, created_at) "
                       "VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {citizen.name, citizen.phone, citizen.idNumber, citizen.address, QDateTime::currentSecsSinceEpoch()});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<Citizen> SqlCaseRepository::citizen(qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT id, name, phone, id_number, address FROM citizens WHERE id = ?"), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("The citizen record no longer exists."));
    }
    return Citizen{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                   q->value(4).toString()};
}
