#include "services/ReportService.h"

#include "repositories/AuditRepository.h"
#include "repositories/CaseRepository.h"
#include "repositories/UserRepository.h"
#include "services/DashboardService.h"
#include "services/ImprovementService.h"
#include "services/MetricsService.h"

#include <QElapsedTimer>

#include <algorithm>

ReportService::ReportService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
{}

QString ReportService::cancelledMessage()
{
    return tr("The report was cancelled.");
}

QString ReportService::tooLongMessage()
{
    return tr("A review report covers at most %1 days.").arg(Report::kMaxRangeDays);
}

Result<Report::ReviewReport> ReportService::build(const Dashboard::Range& range, const Options& options,
                                                  const Progress& progress, const Cancelled& cancelled)
{
    if (!range.isValid()) {
        return Error::make(Error::Code::Invalid, tr("Choose a start date on or before the end date."));
    }
    if (range.days() > Report::kMaxRangeDays) {
        return Error::make(Error::Code::Invalid, tooLongMessage());
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewFigures)) {
        return *denied;
    }
    const auto step = [&](int percent, const QString& next) -> bool {
        if (progress) {
            progress(percent, next);
        }
        return cancelled && cancelled();
    };
    const auto stop = [] {
        return Error::make(Error::Code::Invalid, cancelledMessage());
    };

    Report::ReviewReport report;
    report.range = range;
    report.previous = Dashboard::previousRange(range);
    report.generatedAt = m_clock.now();
    report.asOf = options.asOf.value_or(report.generatedAt);
    report.hallName = options.hallName.trimmed().isEmpty() ? tr("Government Service Hall") : options.hallName.trimmed();
    report.rule = options.rule;

    if (step(0, tr("Reading the figures of the period and the previous period…"))) {
        return stop();
    }
    // Exactly what `stats --from --to --as-of` prints, for both periods.
    MetricsService metrics(m_session, m_repos);
    auto current = metrics.figures(range.from, range.to, report.asOf);
    if (!current) {
        return current.error();
    }
    report.figures = std::move(current).value();
    auto previous = metrics.figures(report.previous.from, report.previous.to, report.asOf);
    if (!previous) {
        return previous.error();
    }
    report.previousFigures = std::move(previous).value();
    report.metrics = Report::metricRows(report.figures, report.previousFigures);
    report.pareto = report.figures.byCategory;
    report.vitalFew = Dashboard::vitalFew(report.pareto);

    if (step(15, tr("Reading the daily series, breakdowns and systemic alerts…"))) {
        return stop();
    }
    const FixedClock asOfClock(report.asOf);
    DashboardService dashboard(m_session, m_repos, asOfClock);
    auto snapshot = dashboard.snapshot(range, options.rule);
    if (!snapshot) {
        return snapshot.error();
    }
    report.grain = snapshot->grain;
    report.waiting = std::move(snapshot->waiting);
    report.satisfaction = std::move(snapshot->satisfaction);
    report.service = std::move(snapshot->service);
    report.byWindow = std::move(snapshot->byWindow);
    report.byServiceItem = std::move(snapshot->byServiceItem);
    report.byDepartment = std::move(snapshot->byDepartment);

    if (step(60, tr("Reading the systemic alerts' cases…"))) {
        return stop();
    }
    if (auto s = addAlerts(report, snapshot->alerts); !s) {
        return s.error();
    }
    if (step(70, tr("Reading the overdue cases…"))) {
        return stop();
    }
    if (auto s = addOverdueCases(report, std::max(1, options.maxOverdueCases)); !s) {
        return s.error();
    }
    if (step(80, tr("Reading the improvement actions…"))) {
        return stop();
    }
    if (auto s = addActions(report, std::max(1, options.maxActions)); !s) {
        return s.error();
    }
    if (step(85, tr("Checking the audit chain…"))) {
        return stop();
    }
    if (auto s = addAudit(report, options.verifyAudit); !s) {
        return s.error();
    }
    if (step(90, tr("Writing the report…"))) {
        return stop();
    }
    return report;
}

Status ReportService::addOverdueCases(Report::ReviewReport& report, int cap)
{
    // The case list's own overdue filter (`cases --overdue`) at the report's as-of: still open and due before it.
    CaseQuery query;
    query.overdueAt = report.asOf;
    query.sortKey = CaseSortKey::ReceivedAt;
    query.descending = false;
    query.limit = cap;
    const auto page = m_repos.cases->list(query);
    if (!page) {
        return page.error();
    }
    for (const Case& c : page->cases) {
        Report::OverdueCase o;
        o.caseNo = c.caseNo;
        o.received = c.receivedAt;
        o.category = c.category.name;
        o.serviceItem = c.serviceItem.name;
        o.department = c.department.name;
        o.due = c.dueAt;
        o.daysOver = c.dueAt.isValid() ? int(c.dueAt.secsTo(report.asOf) / 86400) : 0;
        report.overdueCases.append(o);
    }
    std::stable_sort(report.overdueCases.begin(), report.overdueCases.end(),
                     [](const Report::OverdueCase& a, const Report::OverdueCase& b) { return a.due < b.due; });
    if (page->atEnd) {
        return {};
    }
    const auto total = m_repos.cases->count(query);
    if (!total) {
        return total.error();
    }
    report.overdueMore = std::max<qint64>(0, total->value - report.overdueCases.size());
    report.overdueMoreExact = total->exact;
    return {};
}

Status ReportService::addAlerts(Report::ReviewReport& report, const QList<Dashboard::SystemicAlert>& alerts)
{
    for (const Dashboard::SystemicAlert& alert : alerts) {
        Report::AlertItem item;
        item.category = alert.category;
        item.serviceItem = alert.serviceItem;
        item.windowFrom = alert.windowFrom;
        item.windowTo = alert.windowTo;
        item.cases = int(alert.caseIds.size());
        for (const qint64 id : alert.caseIds.mid(0, Report::kMaxAlertCaseNos)) {
            const auto found = m_repos.cases->find(id);
            if (found) {
                item.caseNos << found->caseNo;
            } else if (found.error().code != Error::Code::NotFound) {
                return found.error();
            }
        }
        report.alerts.append(item);
    }
    return {};
}

Status ReportService::addActions(Report::ReviewReport& report, int cap)
{
    if (!m_repos.improvements) {
        return {};
    }
    ImprovementService register_(m_session, m_repos, m_clock);
    ImprovementFilter active;
    active.activeOnly = true;
    active.limit = 1000;
    auto open = register_.list(active);
    if (!open) {
        return open.error();
    }
    ImprovementFilter finished;
    finished.status = ImprovementStatus::Done;
    finished.limit = 1000;
    auto done = register_.list(finished);
    if (!done) {
        return done.error();
    }
    QList<ImprovementAction> actions = *open;
    for (const ImprovementAction& a : *done) {
        if (a.doneAt.isValid() && report.range.contains(a.doneAt.date())) {
            actions.append(a);
        }
    }
    const QDate today = report.asOf.date();
    std::stable_sort(actions.begin(), actions.end(), [&](const ImprovementAction& a, const ImprovementAction& b) {
        // Overdue first, then active, then done; each by deadline.
        const int ra = a.isOverdue(today) ? 0 : (ImprovementStatuses::isActive(a.status) ? 1 : 2);
        const int rb = b.isOverdue(today) ? 0 : (ImprovementStatuses::isActive(b.status) ? 1 : 2);
        return ra != rb ? ra < rb : a.deadline < b.deadline;
    });
    for (const ImprovementAction& a : actions) {
        if (report.actions.size() >= cap) {
            ++report.actionsMore;
            continue;
        }
        Report::ActionItem item;
        item.title = a.title;
        item.owner = a.owner.name;
        item.deadline = a.deadline;
        item.status = a.status;
        item.doneAt = a.doneAt;
        item.overdue = a.isOverdue(today);
        item.linkedCases = a.linkedCases;
        report.actions.append(item);
    }
    return {};
}

Status ReportService::addAudit(Report::ReviewReport& report, bool verify)
{
    Report::AuditHead& head = report.audit;
    std::optional<AuditVerification> checked;
    if (verify) {
        QElapsedTimer timer;
        timer.start();
        auto result = m_repos.audit->verify();
        head.verifyMs = timer.elapsed();
        if (!result) {
            return result.error();
        }
        checked = std::move(result).value();
    }
    // The head after the walk: the newest entry (what `verify` ends on and the audit screen shows first).
    const auto latest = m_repos.audit->latest(1);
    if (!latest) {
        return latest.error();
    }
    if (!latest->isEmpty()) {
        const AuditEntry& e = latest->constFirst();
        head.present = true;
        head.seq = e.seq;
        head.hash = e.hash;
        head.at = e.at;
        head.keyId = e.keyId;
    }
    if (!checked) {
        head.check = Report::AuditCheck::NotChecked;
        head.note = tr("Only the head was read; run qingting-cli verify to check the chain.");
    } else if (checked->ok) {
        head.check = Report::AuditCheck::Held;
        head.note = tr("%n entries checked", "", int(checked->entriesChecked));
        if (!checked->keyedChecked && !checked->keyNote.isEmpty()) {
            head.note += QStringLiteral("; ") + checked->keyNote;
        }
    } else {
        head.check = Report::AuditCheck::Broken;
        head.note = tr("entry %1: %2").arg(checked->brokenSeq).arg(checked->problem);
    }
    return {};
}
