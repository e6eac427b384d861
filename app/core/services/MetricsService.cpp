#include "services/MetricsService.h"

#include "repositories/MetricsRepository.h"

MetricsService::MetricsService(Session session, const Repositories& repos)
    : m_session(std::move(session))
    , m_repos(repos)
{}

Result<Metrics::Figures> MetricsService::figures(const QDate& from, const QDate& to, const QDateTime& asOf)
{
    if (!from.isValid() || !to.isValid() || !asOf.isValid()) {
        return Error::make(Error::Code::Invalid, tr("The period needs a valid start date, end date and time."));
    }
    if (from > to) {
        return Error::make(Error::Code::Invalid, tr("The period starts after it ends."));
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    const Metrics::Period period{from, to, asOf};
    const auto input = m_repos.metrics->inputs(period);
    if (!input) {
        return input.error();
    }
    return Metrics::compute(period, *input);
}
