#include "CalendarService.h"

#include "repositories/CalendarRepository.h"
#include "repositories/UnitOfWork.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

CalendarService::CalendarService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_audit(*repos.audit, clock)
{}

Result<WorkCalendar> CalendarService::calendar()
{
    if (auto ended = m_session.denyNow(*m_repos.users)) {
        return *ended;
    }
    return m_repos.calendar->load();
}

Result<QList<CalendarDay>> CalendarService::days(int year)
{
    if (auto ended = m_session.denyNow(*m_repos.users)) {
        return *ended;
    }
    return m_repos.calendar->days(year);
}

Result<QList<int>> CalendarService::importCsv(const QByteArray& csv)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    const auto parsed = WorkCalendar::parseCsv(csv);
    if (!parsed) {
        return parsed.error();
    }
    if (parsed->isEmpty()) {
        return Error::make(Error::Code::Invalid, tr("The file has no calendar rows (date,kind,name)."));
    }
    QMap<int, int> rowsPerYear;
    for (const CalendarDay& d : *parsed) {
        // A holiday on a weekday or a make-up working day on a weekend is what an arrangement consists of; the
        // opposite is a typing error that would silently change deadlines.
        const bool weekend = d.date.dayOfWeek() >= 6;
        if (d.kind == CalendarDay::Kind::Workday && !weekend) {
            return Error::make(Error::Code::Invalid,
                               tr("%1 is a weekday: only a Saturday or Sunday can be a make-up working day.")
                                   .arg(d.date.toString(Qt::ISODate)));
        }
        rowsPerYear[d.date.year()] += 1;
    }

    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto s = m_repos.calendar->replaceYears(*parsed); !s) {
        return s.error();
    }
    QJsonArray years;
    for (auto it = rowsPerYear.cbegin(); it != rowsPerYear.cend(); ++it) {
        years.append(QJsonObject{{QStringLiteral("year"), it.key()}, {QStringLiteral("rows"), it.value()}});
    }
    if (auto a = m_audit.record(m_session, QStringLiteral("calendar.import"), QStringLiteral("calendar"), 0,
                                {{QStringLiteral("years"), years}});
        !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return rowsPerYear.keys();
}
