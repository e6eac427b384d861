#include "WorkCalendar.h"

#include "common/DateTimeText.h"

#include <QStringList>

#include <algorithm>

WorkCalendar::WorkCalendar(const QList<CalendarDay>& days)
{
    for (const auto& d : days) {
        m_special.insert(d.date, d.kind);
        m_years.insert(d.date.year());
    }
}

QList<int> WorkCalendar::years() const
{
    QList<int> result(m_years.begin(), m_years.end());
    std::sort(result.begin(), result.end());
    return result;
}

bool WorkCalendar::isWorkingDay(const QDate& date) const
{
    const auto it = m_special.constFind(date);
    if (it != m_special.constEnd()) {
        return *it == CalendarDay::Kind::Workday;
    }
    return date.dayOfWeek() <= 5;
}

Result<QDateTime> WorkCalendar::addWorkingDays(const QDateTime& start, int n) const
{
    if (n < 0) {
        return Error::make(Error::Code::Invalid, tr("The number of working days must not be negative."));
    }
    QDate day = start.date();
    if (!covers(day)) {
        return Error::make(Error::Code::Invalid,
                           tr("The holiday calendar has no entries for %1; an administrator must add that year first.")
                               .arg(day.year()));
    }
    int counted = 0;
    while (counted < n) {
        day = day.addDays(1);
        if (!covers(day)) {
            return Error::make(
                Error::Code::Invalid,
                tr("The holiday calendar has no entries for %1; an administrator must add that year first.")
                    .arg(day.year()));
        }
        if (isWorkingDay(day)) {
            ++counted;
        }
    }
    return QDateTime(day, QTime(23, 59, 59));
}

Result<QList<CalendarDay>> WorkCalendar::parseCsv(const QByteArray& csv)
{
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    const QStringList lines = text.split(QLatin1Char('\n'));
    QList<CalendarDay> days;
    QStringList problems;
    QSet<QDate> seen;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || (i == 0 && line.startsWith(QLatin1String("date")))) {
            continue;
        }
        const QStringList cols = line.split(QLatin1Char(','));
        const auto date = cols.size() >= 2 ? DateTimeText::parseDate(cols.at(0)) : std::nullopt;
        const QString kind = cols.size() >= 2 ? cols.at(1).trimmed() : QString();
        if (!date || (kind != QLatin1String("holiday") && kind != QLatin1String("workday"))) {
            problems << tr("line %1: expected date,kind,name with kind holiday or workday").arg(i + 1);
            continue;
        }
        if (seen.contains(*date)) {
            problems << tr("line %1: %2 appears twice").arg(i + 1).arg(date->toString(Qt::ISODate));
            continue;
        }
        seen.insert(*date);
        days.append({*date, kind == QLatin1String("holiday") ? CalendarDay::Kind::Holiday : CalendarDay::Kind::Workday,
                     cols.mid(2).join(QLatin1Char(',')).trimmed()});
    }
    if (!problems.isEmpty()) {
        return Error::make(Error::Code::Invalid, problems.join(QLatin1Char('\n')));
    }
    return days;
}
