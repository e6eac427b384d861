#include "services/MetricsService.h"

#include "repositories/MetricsRepository.h"
#include "repositories/UnitOfWork.h"

MetricsService::MetricsService(Session session, const Repositories& repos)
    : m_session(std::move(session))
    , m_repos(repos)
{}

Result<Metrics::Period> MetricsService::period(const QDate& from, const QDate& to, const QDateTime& asOf)
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
    return Metrics::Period{from, to, asOf};
}

Result<Metrics::Figures> MetricsService::figures(const QDate& from, const QDate& to, const QDateTime& asOf)
{
    const auto p = period(from, to, asOf);
    if (!p) {
        return p.error();
    }
    // Every commit rebuilds the days it changed; a day left marked (a crash between the marks and the commit cannot
    // do that, but a file written by other tools could) is rebuilt here first, by an empty commit.
    const auto stale = m_repos.metrics->hasStaleDays();
    if (!stale) {
        return stale.error();
    }
    if (*stale) {
        WriteTransaction tx(*m_repos.unitOfWork);
        if (!tx.started()) {
            return tx.started().error();
        }
        if (auto committed = tx.commit(); !committed) {
            return committed.error();
        }
    }
    const auto totals = m_repos.metrics->totals(*p);
    if (!totals) {
        return totals.error();
    }
    const auto ranked = m_repos.metrics->ranked(*p, *totals);
    if (!ranked) {
        return ranked.error();
    }
    return Metrics::finish(*p, *totals, *ranked);
}

Result<Metrics::Figures> MetricsService::recomputed(const QDate& from, const QDate& to, const QDateTime& asOf)
{
    const auto p = period(from, to, asOf);
    if (!p) {
        return p.error();
    }
    const auto input = m_repos.metrics->inputs(*p);
    if (!input) {
        return input.error();
    }
    return Metrics::compute(*p, *input);
}
