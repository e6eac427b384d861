#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

/** One row of an official holiday arrangement: a day off, or a weekend day made a working day (调休). */
struct CalendarDay
{
    enum class Kind
    {
        Holiday,
        Workday
    };

    QDate date;
    Kind kind = Kind::Holiday;
    QString name; ///< 春节, 国庆节调休上班, ...
};

/**
 * Working days of mainland China: Monday to Friday, minus holidays, plus make-up working days.
 * It knows only the years it was given and refuses to guess beyond them.
 */
class WorkCalendar
{
    Q_DECLARE_TR_FUNCTIONS(WorkCalendar)

public:
    WorkCalendar() = default;
    /** Rows for whole years; a year counts as covered once any of its rows is given. */
    explicit WorkCalendar(const QList<CalendarDay>& days);

    /** Adds a year with no special days (every weekday works); used when an admin declares a plain year. */
    void coverYear(int year) { m_years.insert(year); }

    bool covers(const QDate& date) const { return m_years.contains(date.year()); }
    QList<int> years() const;
    /** Undefined (false) outside the covered years; check covers() first. */
    bool isWorkingDay(const QDate& date) const;

    /** 23:59:59 on the n-th working day after start's date (start's own date never counts). */
    Result<QDateTime> addWorkingDays(const QDateTime& start, int n) const;

    /** Parses the `date,kind,name` CSV of shared/data; every bad line is reported. */
    static Result<QList<CalendarDay>> parseCsv(const QByteArray& csv);

private:
    QHash<QDate, CalendarDay::Kind> m_special;
    QSet<int> m_years;
};
