#include "services/TransferService.h"

#include "cases/CaseLifecycle.h"
#include "common/Clock.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/SlaPolicyRepository.h"
#include "repositories/TransferRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/CaseChange.h"

namespace {
constexpr int kMaxReasonChars = 2000;
} // namespace

TransferService::TransferService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Result<Case> TransferService::transfer(qint64 caseId, int expectedVersion, qint64 departmentId, const QString& reason)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto loaded = CaseChange::load(m_session, m_repos, caseId, expectedVersion, Permission::WorkCase);
    if (!loaded) {
        return loaded.error();
    }
    Case c = std::move(loaded).value();
    const auto target = CaseLifecycle::target(c, CaseAction::Transfer);
    if (!target) {
        return target.error();
    }
    if (c.transferState == TransferState::AwaitingSign) {
        return Error::make(Error::Code::InvalidTransition,
                           tr("Case %1 awaits sign-for by %2: it cannot be passed on before that department signs "
                              "for it or returns it.")
                               .arg(c.caseNo, c.department.name));
    }
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        return CaseChange::invalid(tr("Say why the case goes to another department."));
    }
    if (why.size() > kMaxReasonChars) {
        return CaseChange::invalid(tr("The reason is longer than %1 characters.").arg(kMaxReasonChars));
    }
    if (departmentId == 0) {
        return CaseChange::invalid(tr("Choose the department that takes the case over."));
    }
    if (departmentId == c.department.id) {
        return CaseChange::invalid(tr("The case is already with that department."));
    }
    const auto dept = m_repos.reference->find(ReferenceKind::Department, departmentId);
    if (!dept || !dept->active) {
        return CaseChange::invalid(tr("The chosen department does not exist or is no longer active."));
    }
    const auto policy = SlaPolicies::current(m_repos);
    if (!policy) {
        return policy.error();
    }

    const QDateTime now = m_clock.now();
    CaseTransfer row;
    row.caseId = c.id;
    row.fromDepartment = c.department;
    row.toDepartment = {dept->id, dept->name};
    row.reason = why;
    row.transferredAt = now;
    row.transferredBy = m_session.actor();
    row.state = TransferState::AwaitingSign;

    CaseEvent event;
    event.at = now;
    event.kind = CaseEventKind::Transferred;
    event.fromStatus = c.status;
    event.toStatus = *target;
    event.note = CaseEventNotes::withFact(dept->name, why);

    c.status = *target;
    c.department = row.toDepartment;
    c.transferCount += 1;
    c.transferState = TransferState::AwaitingSign;
    const bool flagged = c.transferCount > policy->transferFlagThreshold;
    const QJsonObject detail{{QStringLiteral("from_department"), row.fromDepartment.id},
                             {QStringLiteral("to_department"), dept->id},
                             {QStringLiteral("transfer_count"), c.transferCount},
                             {QStringLiteral("flagged"), flagged}};
    if (auto written = CaseChange::write(m_session, m_repos, m_audit, c, event, QStringLiteral("transfer"), detail);
        !written) {
        return written.error();
    }
    if (auto inserted = m_repos.transfers->insertTransfer(row); !inserted) {
        return inserted.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}

Result<CaseTransfer> TransferService::awaiting(const Case& c)
{
    const auto pending = m_repos.transfers->awaitingTransfer(c.id);
    if (!pending) {
        return pending.error();
    }
    if (!pending->has_value() || c.transferState != TransferState::AwaitingSign) {
        return Error::make(Error::Code::InvalidTransition,
                           tr("Case %1 has no transfer awaiting sign-for.").arg(c.caseNo));
    }
    return **pending;
}

Result<Case> TransferService::signFor(qint64 caseId, int expectedVersion, const QString& note)
{
    return decide(caseId, expectedVersion, TransferState::Signed, note);
}

Result<Case> TransferService::returnTransfer(qint64 caseId, int expectedVersion, const QString& reason)
{
    return decide(caseId, expectedVersion, TransferState::Returned, reason);
}

Result<Case> TransferService::decide(qint64 caseId, int expectedVersion, TransferState outcome, const QString& text)
{
    const bool sign = outcome == TransferState::Signed;
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto loaded = CaseChange::load(m_session, m_repos, caseId, expectedVersion, Permission::WorkCase);
    if (!loaded) {
        return loaded.error();
    }
    Case c = std::move(loaded).value();
    auto found = awaiting(c);
    if (!found) {
        return found.error();
    }
    CaseTransfer row = std::move(found).value();
    const QString words = text.trimmed();
    if (!sign && words.isEmpty()) {
        return CaseChange::invalid(tr("Say why the department returns the case."));
    }
    if (words.size() > kMaxReasonChars) {
        return CaseChange::invalid(sign ? tr("The note is longer than %1 characters.").arg(kMaxReasonChars)
                                        : tr("The reason is longer than %1 characters.").arg(kMaxReasonChars));
    }
    const QDateTime now = m_clock.now();
    row.state = outcome;
    row.decidedAt = now;
    row.decidedBy = m_session.actor();
    row.decisionNote = words;

    CaseEvent event;
    event.at = now;
    event.kind = sign ? CaseEventKind::TransferSigned : CaseEventKind::TransferReturned;
    event.note = CaseEventNotes::withFact(row.toDepartment.name, words);
    c.transferState = outcome;
    QJsonObject detail{{QStringLiteral("department"), row.toDepartment.id}, {QStringLiteral("transfer_id"), row.id}};
    if (sign) {
        detail.insert(QStringLiteral("seconds_to_sign"), row.secondsToSign().value_or(0));
    } else {
        // Back to the department that sent it: it must handle the case or transfer it with a better reason.
        c.department = row.fromDepartment;
        detail.insert(QStringLiteral("back_to_department"), row.fromDepartment.id);
    }
    if (auto written =
            CaseChange::write(m_session, m_repos, m_audit, c, event,
                              sign ? QStringLiteral("transfer_sign") : QStringLiteral("transfer_return"), detail);
        !written) {
        return written.error();
    }
    if (auto updated = m_repos.transfers->updateTransfer(row); !updated) {
        return updated.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}

Result<QList<CaseTransfer>> TransferService::transfers(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.transfers->transfers(caseId);
}

Result<QList<DepartmentTransferFigures>> TransferService::departmentFigures()
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ApproveCase)) {
        return *denied;
    }
    return m_repos.transfers->departmentFigures();
}

Result<QList<FlaggedTransferCase>> TransferService::flaggedCases(int limit, int* threshold)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ApproveCase)) {
        return *denied;
    }
    const auto policy = SlaPolicies::current(m_repos);
    if (!policy) {
        return policy.error();
    }
    if (threshold) {
        *threshold = policy->transferFlagThreshold;
    }
    return m_repos.transfers->flaggedCases(policy->transferFlagThreshold, limit);
}
