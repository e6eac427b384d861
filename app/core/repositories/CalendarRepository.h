#pragma once

#include "calendar/WorkCalendar.h"
#include "common/Result.h"

/** Storage of the holiday calendar (the built-in years and those an admin imports). */
class CalendarRepository
{
public:
    virtual ~CalendarRepository() = default;

    virtual Result<WorkCalendar> load() = 0;
    virtual Result<QList<CalendarDay>> days(int year) = 0;
    /** Replaces all rows of each year present in `days`. */
    virtual Status replaceYears(const QList<CalendarDay>& days) = 0;
};
