#include "IntakeService.h"

// PLACEHOLDER (lead, 2026-11-30): the interface is fixed; the intake-data branch implements every function.
// Nothing may ship while this comment is here.

namespace {
Error notYet()
{
    return Error::make(Error::Code::Storage, QStringLiteral("IntakeService is not implemented yet"));
}
} // namespace

IntakeService::IntakeService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

QList<FieldProblem> IntakeService::validatePage(const IntakeDraft&, IntakePage) const
{
    return {};
}

QDateTime IntakeService::latestPromise(const IntakeDraft& draft) const
{
    return draft.base.receivedAt.addSecs(48 * 3600);
}

QString IntakeService::restateFacts(const IntakeFacts& facts, const QString&, const QString&)
{
    return facts.what;
}

QString IntakeService::restateImpact(const IntakeImpact& impact)
{
    return impact.demand;
}

Result<QList<Citizen>> IntakeService::findCitizens(const QString&)
{
    return notYet();
}
Result<QList<Case>> IntakeService::citizenCases(qint64, int)
{
    return notYet();
}
Result<QList<Case>> IntakeService::similarCases(qint64, qint64, int)
{
    return notYet();
}
Result<Case> IntakeService::submit(const IntakeDraft&)
{
    return notYet();
}
Result<Case> IntakeService::submitStaffReport(const StaffReportDraft&)
{
    return notYet();
}
Result<Case> IntakeService::amend(qint64, const IntakeAmendment&)
{
    return notYet();
}
