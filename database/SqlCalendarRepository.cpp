#include "SqlCalendarRepository.h"

#include <QSet>

Result<QList<CalendarDay>> SqlCalendarRepository::query(const QString& where, const QVariantList& values)
{
    auto q =
        m_sql.exec(QStringLiteral("SELECT day, kind, name FROM holiday_calendar%1 ORDER BY day").arg(where), values);
    if (!q) {
        return q.error();
    }
    QList<CalendarDay> result;
    while (q->next()) {
        result.append({QDate::fromString(q->value(0).toString(), Qt::ISODate),
                       q->value(1).toString() == QLatin1String("workday") ? CalendarDay::Kind::Workday
                                                                          : CalendarDay::Kind::Holiday,
                       q->value(2).toString()});
    }
    return result;
}

Result<WorkCalendar> SqlCalendarRepository::load()
{
    const auto all = query(QString(), {});
    if (!all) {
        return all.error();
    }
    return WorkCalendar(*all);
}

Result<QList<CalendarDay>> SqlCalendarRepository::days(int year)
{
    return query(QStringLiteral(" WHERE day >= ? AND day <= ?"),
                 {QStringLiteral("%1-01-01").arg(year), QStringLiteral("%1-12-31").arg(year)});
}

Status SqlCalendarRepository::replaceYears(const QList<CalendarDay>& days)
{
    QSet<int> years;
    for (const auto& d : days) {
        years.insert(d.date.year());
    }
    for (int year : years) {
        if (auto q = m_sql.exec(QStringLiteral("DELETE FROM holiday_calendar WHERE day >= ? AND day <= ?"),
                                {QStringLiteral("%1-01-01").arg(year), QStringLiteral("%1-12-31").arg(year)});
            !q) {
            return q.error();
        }
    }
    for (const auto& d : days) {
        if (auto q = m_sql.exec(
                QStringLiteral("INSERT INTO holiday_calendar (day, kind, name) VALUES (?, ?, ?)"),
                {d.date.toString(Qt::ISODate),
                 d.kind == CalendarDay::Kind::Workday ? QStringLiteral("workday") : QStringLiteral("holiday"), d.name});
            !q) {
            return q.error();
        }
    }
    return {};
}
