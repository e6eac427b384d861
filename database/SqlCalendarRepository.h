#pragma once

#include "SqlSupport.h"
#include "repositories/CalendarRepository.h"

/** The holiday calendar in SQL. */
class SqlCalendarRepository final : public CalendarRepository
{
public:
    explicit SqlCalendarRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<WorkCalendar> load() override;
    Result<QList<CalendarDay>> days(int year) override;
    Status replaceYears(const QList<CalendarDay>& days) override;

private:
    Result<QList<CalendarDay>> query(const QString& where, const QVariantList& values);

    const SqlContext& m_sql;
};
