#include "SqlSupervisionRepository.h"

#include "SqlImprovementRepository.h"

#include <QSqlDriver>
#include <QSqlError>

SqlSupervisionRepository::~SqlSupervisionRepository()
{
    QObject::disconnect(m_listening);
}

Result<qint64> SqlSupervisionRepository::latestEventId()
{
    // Plain MAX(id): SQLite answers it from the end of the primary key; wrapped in COALESCE it would read all events.
    const auto id = m_sql.scalar(QStringLiteral("SELECT MAX(id) FROM case_events"));
    if (!id) {
        return id.error();
    }
    return id->isNull() ? 0 : id->toLongLong();
}

QString SqlSupervisionRepository::noticesSql(const Dialect& dialect, int kindCount, int limit)
{
    // Driven by the primary key range e.id > ? (the events since the desk last looked: few); the case is joined by
    // its primary key. The assignee is the case's current one: a case reassigned to me, reminded to me, returned to me.
    // The assignee's own index is hidden from SQLite's planner: without statistics it would start from the clerk's
    // tens of thousands of cases and look up each one's events (measured: 560 ms on a million cases, against a few ms).
    const QString marks = QStringList(kindCount, QStringLiteral("?")).join(QLatin1String(", "));
    return QStringLiteral(
               "SELECT e.id, e.case_id, e.at, e.kind, e.actor_id, "
               "COALESCE(NULLIF(u.display_name, ''), e.actor), e.from_status, e.to_status, e.note, c.case_no "
               "FROM case_events e JOIN cases c ON c.id = e.case_id "
               "LEFT JOIN users u ON u.id = e.actor_id "
               "WHERE e.id > ? AND e.kind IN (%1) AND %3 = ? "
               "AND (e.actor_id IS NULL OR e.actor_id <> ?) ORDER BY e.id LIMIT %2")
        .arg(marks)
        .arg(limit)
        .arg(dialect.withoutIndex(QStringLiteral("c.assignee_id")));
}

QVariantList SqlSupervisionRepository::noticesValues(qint64 afterEventId, qint64 userId,
                                                     const QList<CaseEventKind>& kinds)
{
    QVariantList values{afterEventId};
    for (CaseEventKind kind : kinds) {
        values << CaseEventKinds::code(kind);
    }
    values << userId << userId;
    return values;
}

Result<QList<Notice>> SqlSupervisionRepository::notices(qint64 afterEventId, qint64 userId,
                                                        const QList<CaseEventKind>& kinds, int limit)
{
    if (kinds.isEmpty() || userId == 0) {
        return QList<Notice>{};
    }
    auto q = m_sql.exec(noticesSql(m_sql.dialect(), int(kinds.size()), std::clamp(limit, 1, 500)),
                        noticesValues(afterEventId, userId, kinds));
    if (!q) {
        return q.error();
    }
    QList<Notice> result;
    while (q->next()) {
        Notice n;
        n.event.id = q->value(0).toLongLong();
        n.event.caseId = q->value(1).toLongLong();
        n.event.at = SqlContext::toTime(q->value(2));
        n.event.kind = CaseEventKinds::fromCode(q->value(3).toString()).value_or(CaseEventKind::NoteAdded);
        n.event.actor = {q->value(4).toLongLong(), q->value(5).toString()};
        n.event.fromStatus = CaseStatuses::fromCode(q->value(6).toString());
        n.event.toStatus = CaseStatuses::fromCode(q->value(7).toString());
        n.event.note = q->value(8).toString();
        n.caseNo = q->value(9).toString();
        result.append(n);
    }
    return result;
}

Result<QStringList> SqlSupervisionRepository::explainNotices(qint64 afterEventId, qint64 userId,
                                                             const QList<CaseEventKind>& kinds) const
{
    return m_sql.explain(noticesSql(m_sql.dialect(), int(kinds.size()), 50),
                         noticesValues(afterEventId, userId, kinds));
}

bool SqlSupervisionRepository::listenForEvents(std::function<void()> changed)
{
    if (m_sql.dialect().isSqlite()) {
        return false;
    }
    QSqlDriver* driver = m_sql.db().driver();
    if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications)) {
        return false;
    }
    // The timeline's events and the improvement register's changes (SqlImprovementRepository::kChannel).
    const QStringList channels{QLatin1String(kChannel), QLatin1String(SqlImprovementRepository::kChannel)};
    for (const QString& channel : channels) {
        if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel)) {
            return false;
        }
    }
    QObject::disconnect(m_listening);
    m_listening = QObject::connect(driver, &QSqlDriver::notification, driver,
                                   [channels, changed = std::move(changed)](const QString& name) {
                                       if (channels.contains(name)) {
                                           changed();
                                       }
                                   });
    return true;
}
