#pragma once

#include "calendar/WorkCalendar.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>

class Clock;

/** The holiday calendar: everyone reads it (deadlines), only admins replace a year's official arrangement. */
class CalendarService
{
    Q_DECLARE_TR_FUNCTIONS(CalendarService)

public:
    CalendarService(Session session, const Repositories& repos, const Clock& clock);

    Result<WorkCalendar> calendar();
    Result<QList<CalendarDay>> days(int year);
    /**
     * Replaces every year present in the CSV (`date,kind,name`, the format of the shipped calendars) with its rows,
     * in one transaction. Invalid: every bad line is reported and nothing is written. Returns the years replaced.
     */
    Result<QList<int>> importCsv(const QByteArray& csv);

private:
    Session m_session;
    Repositories m_repos;
    AuditWriter m_audit;
};
