#include "services/ExtensionService.h"

#include "common/Clock.h"
#include "common/DateTimeText.h"
#include "repositories/CaseRepository.h"
#include "repositories/TransferRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/CaseChange.h"
#include "services/SlaService.h"

namespace {
constexpr int kMaxReasonChars = 2000;
/** The longest extension a clerk may ask for at once: a request beyond it is a typing mistake. */
constexpr int kMaxExtensionDays = 366;

/** A date as it is stored in timeline notes: the same in every UI language. */
QString noteDate(const QDateTime& t)
{
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

ExtensionService::ExtensionService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Result<QDateTime> ExtensionService::deadline(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    const auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error();
    }
    return deadlineOf(*found);
}

Result<QDateTime> ExtensionService::deadlineOf(const Case& c)
{
    SlaService sla(m_session, m_repos, m_clock);
    const auto engine = sla.engine();
    if (!engine) {
        return engine.error();
    }
    const auto facts = sla.facts(c);
    if (!facts) {
        return facts.error();
    }
    for (const SlaClock& clock : engine->clocks(*facts, m_clock.now())) {
        if (clock.kind == SlaClockKind::Resolve) {
            // A paused clock has no due time: its deadline is the case's, as it stood when the clocks stopped.
            return clock.due.isValid() ? clock.due : c.dueAt;
        }
    }
    return QDateTime();
}

Result<Case> ExtensionService::request(qint64 caseId, int expectedVersion, const QDateTime& newDueAt,
                                       const QString& reason)
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
    const QDateTime now = m_clock.now();
    if (!CaseStatuses::isOpen(c.status)) {
        return Error::make(Error::Code::InvalidTransition,
                           tr("Case %1 is no longer open: there is no deadline to extend.").arg(c.caseNo));
    }
    const auto found = deadlineOf(c);
    if (!found) {
        return found.error();
    }
    const QDateTime due = *found;
    if (!due.isValid()) {
        return Error::make(Error::Code::InvalidTransition, tr("Case %1 has no deadline to extend.").arg(c.caseNo));
    }
    if (due <= now) {
        return Error::make(Error::Code::InvalidTransition,
                           tr("The deadline of case %1 passed at %2: an extension must be asked for before it.")
                               .arg(c.caseNo, DateTimeText::format(due)));
    }
    const auto pending = m_repos.transfers->pendingExtension(c.id);
    if (!pending) {
        return pending.error();
    }
    if (pending->has_value()) {
        return Error::make(Error::Code::InvalidTransition,
                           tr("An extension of case %1 already awaits a supervisor's decision.").arg(c.caseNo));
    }
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        return CaseChange::invalid(tr("Say why the case needs more time."));
    }
    if (why.size() > kMaxReasonChars) {
        return CaseChange::invalid(tr("The reason is longer than %1 characters.").arg(kMaxReasonChars));
    }
    if (!newDueAt.isValid() || newDueAt <= due) {
        return CaseChange::invalid(
            tr("The new date must be later than the current deadline, %1.").arg(DateTimeText::format(due)));
    }
    if (due.daysTo(newDueAt) > kMaxExtensionDays) {
        return CaseChange::invalid(
            tr("The new date lies more than %1 days after the current deadline.").arg(kMaxExtensionDays));
    }

    CaseExtension row;
    row.caseId = c.id;
    row.requestedAt = now;
    row.requestedBy = m_session.actor();
    row.reason = why;
    row.previousDueAt = due;
    row.requestedDueAt = newDueAt;
    row.state = ExtensionState::Pending;

    CaseEvent event;
    event.at = now;
    event.kind = CaseEventKind::ExtensionRequested;
    event.note = CaseEventNotes::withFact(noteDate(newDueAt), why);
    const QJsonObject detail{{QStringLiteral("due_at"), due.toSecsSinceEpoch()},
                             {QStringLiteral("requested_due_at"), newDueAt.toSecsSinceEpoch()}};
    if (auto written =
            CaseChange::write(m_session, m_repos, m_audit, c, event, QStringLiteral("extension_request"), detail);
        !written) {
        return written.error();
    }
    if (auto inserted = m_repos.transfers->insertExtension(row); !inserted) {
        return inserted.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}

Result<Case> ExtensionService::decide(qint64 caseId, int expectedVersion, bool approve, const QString& note)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto loaded = CaseChange::load(m_session, m_repos, caseId, expectedVersion, Permission::ApproveCase);
    if (!loaded) {
        return loaded.error();
    }
    Case c = std::move(loaded).value();
    const auto pending = m_repos.transfers->pendingExtension(c.id);
    if (!pending) {
        return pending.error();
    }
    if (!pending->has_value()) {
        return Error::make(Error::Code::InvalidTransition,
                           tr("No extension of case %1 awaits a decision.").arg(c.caseNo));
    }
    CaseExtension row = **pending;
    if (!m_session.isCommandLine() && row.requestedBy.id == m_session.userId()) {
        return Error::make(Error::Code::PermissionDenied,
                           tr("You asked for this extension yourself: another supervisor decides it."));
    }
    const QString words = note.trimmed();
    if (!approve && words.isEmpty()) {
        return CaseChange::invalid(tr("Say why the extension is refused."));
    }
    if (words.size() > kMaxReasonChars) {
        return CaseChange::invalid(tr("The note is longer than %1 characters.").arg(kMaxReasonChars));
    }
    if (approve && !CaseStatuses::isOpen(c.status)) {
        return Error::make(Error::Code::InvalidTransition,
                           tr("Case %1 is no longer open: refuse the extension instead.").arg(c.caseNo));
    }

    const QDateTime now = m_clock.now();
    row.state = approve ? ExtensionState::Approved : ExtensionState::Refused;
    row.decidedAt = now;
    row.decidedBy = m_session.actor();
    row.decisionNote = words;

    CaseEvent event;
    event.at = now;
    event.kind = approve ? CaseEventKind::ExtensionApproved : CaseEventKind::ExtensionRefused;
    event.note = CaseEventNotes::withFact(noteDate(row.requestedDueAt), words);
    QJsonObject detail{{QStringLiteral("extension_id"), row.id},
                       {QStringLiteral("requested_due_at"), row.requestedDueAt.toSecsSinceEpoch()}};
    if (approve) {
        detail.insert(QStringLiteral("previous_due_at"), c.dueAt.toSecsSinceEpoch());
        c.extendedDueAt = row.requestedDueAt;
        // The engine's resolve clock follows the approved date, and so does the case's deadline.
        if (auto due = SlaService(m_session, m_repos, m_clock).recomputeDue(c, {event}); !due) {
            return due.error();
        }
    }
    if (auto written = CaseChange::write(
            m_session, m_repos, m_audit, c, event,
            approve ? QStringLiteral("extension_approve") : QStringLiteral("extension_refuse"), detail);
        !written) {
        return written.error();
    }
    if (auto updated = m_repos.transfers->updateExtension(row); !updated) {
        return updated.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}

Result<QList<CaseExtension>> ExtensionService::extensions(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.transfers->extensions(caseId);
}

Result<std::optional<CaseExtension>> ExtensionService::pending(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.transfers->pendingExtension(caseId);
}

Result<QList<CaseExtension>> ExtensionService::pendingAcrossCases(int limit)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ApproveCase)) {
        return *denied;
    }
    return m_repos.transfers->pendingExtensions(limit);
}
