#include "services/DashboardService.h"

#include "repositories/DashboardRepository.h"
#include "repositories/MetricsRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/MetricsService.h"

#include <QHash>
#include <QMap>

namespace {
/** The names of one kind of reference data by id (inactive ones too: old cases keep their window). */
Result<QHash<qint64, QString>> namesOf(ReferenceRepository& reference, ReferenceKind kind)
{
    const auto items = reference.list(kind);
    if (!items) {
        return items.error();
    }
    QHash<qint64, QString> names;
    for (const ReferenceItem& item : *items) {
        names.insert(item.id, item.name);
    }
    return names;
}

Metrics::Summary summaryOf(const QList<double>& values)
{
    Metrics::Summary s;
    s.n = int(values.size());
    s.mean = Metrics::mean(values);
    s.median = Metrics::median(values);
    s.p90 = Metrics::percentile(values, 90);
    return s;
}
} // namespace

DashboardService::DashboardService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
{}

std::optional<Error> DashboardService::check(const Dashboard::Range& range)
{
    if (!range.isValid()) {
        return Error::make(Error::Code::Invalid, tr("Choose a start date on or before the end date."));
    }
    if (range.days() > kMaxRangeDays) {
        return Error::make(Error::Code::Invalid,
                           tr("The dashboard shows at most %n days at a time.", "", int(kMaxRangeDays)));
    }
    if (!m_repos.dashboard) {
        return Error::make(Error::Code::Storage, tr("This database cannot show the dashboard."));
    }
    return m_session.denyNow(*m_repos.users, Permission::ViewFigures);
}

Result<Metrics::Figures> DashboardService::figures(const Dashboard::Range& range, const QDateTime& asOf)
{
    const Metrics::Period period = range.period(asOf);
    const auto totals = m_repos.metrics->totals(period);
    if (!totals) {
        return totals.error();
    }
    const auto ranked = m_repos.metrics->ranked(period, *totals);
    if (!ranked) {
        return ranked.error();
    }
    return Metrics::finish(period, *totals, *ranked);
}

Result<Dashboard::Snapshot> DashboardService::snapshot(const Dashboard::Range& range, const Dashboard::AlertRule& rule)
{
    if (auto denied = check(range)) {
        return *denied;
    }
    if (rule.minCases < 2 || rule.windowDays < 1 || rule.windowDays > 366) {
        return Error::make(Error::Code::Invalid, tr("A systemic alert needs at least 2 cases within 1 to 366 days."));
    }
    Dashboard::Snapshot s;
    s.range = range;
    s.previous = Dashboard::previousRange(range);
    s.asOf = m_clock.now();
    s.grain = Dashboard::grainFor(range);
    s.rule = rule;

    // The headline figures through MetricsService: it first rebuilds any day another tool left marked.
    MetricsService metrics(m_session, m_repos);
    auto current = metrics.figures(range.from, range.to, s.asOf);
    if (!current) {
        return current.error();
    }
    s.figures = std::move(current).value();
    // The days' groups (breakdowns, tallies, alerts) are built the first time a dashboard shows them.
    const auto pending = m_repos.dashboard->groupsPending(range);
    if (!pending) {
        return pending.error();
    }
    if (*pending) {
        WriteTransaction tx(*m_repos.unitOfWork);
        if (!tx.started()) {
            return tx.started().error();
        }
        if (auto built = m_repos.dashboard->buildGroups(range); !built) {
            return built.error();
        }
        if (auto committed = tx.commit(); !committed) {
            return committed.error();
        }
    }
    auto previous = figures(s.previous, s.asOf);
    if (!previous) {
        return previous.error();
    }
    s.previousFigures = std::move(previous).value();

    for (const Dashboard::Range& bucket : Dashboard::buckets(range, s.grain)) {
        const auto f = figures(bucket, s.asOf);
        if (!f) {
            return f.error();
        }
        const auto tally = m_repos.dashboard->tally(bucket);
        if (!tally) {
            return tally.error();
        }
        s.waiting.append({bucket, f->waitingMinutes, summaryOf(tally->waitedMinutes)});
        Dashboard::SatisfactionPoint satisfaction;
        satisfaction.bucket = bucket;
        satisfaction.levels = tally->levels;
        satisfaction.csat = f->csat;
        satisfaction.nps = f->nps;
        satisfaction.npsN = f->npsN;
        s.satisfaction.append(satisfaction);
        Dashboard::ServicePoint service;
        service.bucket = bucket;
        service.firstResponseMinutes = f->firstResponseMinutes;
        service.resolutionHours = f->resolutionHours;
        service.within48hRate = f->within48hRate;
        service.within48hN = f->within48hN;
        service.casesByChannel = tally->channels;
        s.service.append(service);
    }

    const std::pair<Dashboard::Dimension, ReferenceKind> dimensions[] = {
        {Dashboard::Dimension::Window, ReferenceKind::Window},
        {Dashboard::Dimension::ServiceItem, ReferenceKind::ServiceItem},
        {Dashboard::Dimension::Department, ReferenceKind::Department},
    };
    QMap<ReferenceKind, QHash<qint64, QString>> names;
    for (const ReferenceKind kind :
         {ReferenceKind::Window, ReferenceKind::ServiceItem, ReferenceKind::Department, ReferenceKind::Category}) {
        auto n = namesOf(*m_repos.reference, kind);
        if (!n) {
            return n.error();
        }
        names.insert(kind, std::move(n).value());
    }
    for (const auto& [dimension, kind] : dimensions) {
        auto rows = m_repos.dashboard->breakdown(dimension, range, s.asOf);
        if (!rows) {
            return rows.error();
        }
        for (Dashboard::BreakdownRow& row : *rows) {
            row.name = row.id == 0 ? tr("(none recorded)") : names.value(kind).value(row.id);
        }
        switch (dimension) {
        case Dashboard::Dimension::Window:
            s.byWindow = std::move(rows).value();
            break;
        case Dashboard::Dimension::ServiceItem:
            s.byServiceItem = std::move(rows).value();
            break;
        case Dashboard::Dimension::Department:
            s.byDepartment = std::move(rows).value();
            break;
        }
    }

    auto alerts = m_repos.dashboard->alerts(range, rule);
    if (!alerts) {
        return alerts.error();
    }
    for (Dashboard::SystemicAlert& alert : *alerts) {
        alert.category = names.value(ReferenceKind::Category).value(alert.categoryId);
        alert.serviceItem = names.value(ReferenceKind::ServiceItem).value(alert.serviceItemId);
    }
    s.alerts = std::move(alerts).value();
    return s;
}

Result<QList<qint64>> DashboardService::casesBehind(const Dashboard::Selection& selection)
{
    if (selection.caseIds.isEmpty()) {
        if (auto denied = check(selection.range)) {
            return *denied;
        }
    } else if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewFigures)) {
        return *denied;
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    if (selection.rating && (*selection.rating < 1 || *selection.rating > 5)) {
        return Error::make(Error::Code::Invalid, tr("A rating is 1 to 5."));
    }
    if (!selection.caseIds.isEmpty()) {
        return selection.caseIds.mid(0, kMaxCasesBehind);
    }
    return m_repos.dashboard->casesBehind(selection, kMaxCasesBehind);
}
