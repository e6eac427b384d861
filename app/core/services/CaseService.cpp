#include "CaseService.h"

#include "cases/CitizenValidator.h"
#include "common/Clock.h"
#include "repositories/CasePauseRepository.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/RiskService.h"
#include "services/SlaService.h"
#include "services/TransferService.h"

#include <QJsonObject>

namespace {
constexpr int kMaxWaitedMinutes = 24 * 60;
constexpr int kMaxComplaintChars = 20000;

Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}
} // namespace

CaseService::CaseService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Permission CaseService::permissionFor(CaseAction action)
{
    switch (action) {
    case CaseAction::Close:
        return Permission::ApproveCase;
    case CaseAction::Reopen:
        return Permission::ReopenCase;
    case CaseAction::Reassign:
        return Permission::ReassignCase;
    default:
        return Permission::WorkCase;
    }
}

QStringList CaseService::validate(const CaseDraft& draft)
{
    QStringList problems;
    if (draft.complaintText.trimmed().isEmpty()) {
        problems << tr("Record the complaint in the citizen's own words.");
    } else if (draft.complaintText.size() > kMaxComplaintChars) {
        problems << tr("The complaint text is longer than %1 characters.").arg(kMaxComplaintChars);
    }
    if (draft.waitedMinutes && (*draft.waitedMinutes < 0 || *draft.waitedMinutes > kMaxWaitedMinutes)) {
        problems << tr("Waiting time must be between 0 and %1 minutes.").arg(kMaxWaitedMinutes);
    }
    if (draft.receivedAt.isValid() && draft.receivedAt > m_clock.now().addSecs(60)) {
        problems << tr("The time received lies in the future.");
    }
    const struct
    {
        ReferenceKind kind;
        qint64 id;
        const char* what;
    } refs[] = {
        {ReferenceKind::Window, draft.windowId, QT_TR_NOOP("The chosen window does not exist.")},
        {ReferenceKind::ServiceItem, draft.serviceItemId, QT_TR_NOOP("The chosen service item does not exist.")},
        {ReferenceKind::Category, draft.categoryId, QT_TR_NOOP("The chosen category does not exist.")},
        {ReferenceKind::Department, draft.departmentId, QT_TR_NOOP("The chosen department does not exist.")},
    };
    for (const auto& r : refs) {
        if (r.id != 0 && !m_repos.reference->find(r.kind, r.id)) {
            problems << tr(r.what);
        }
    }
    problems << CitizenValidator::problems(draft.citizen);
    return problems;
}

Result<Case> CaseService::create(const CaseDraft& draft)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::CreateCase)) {
        return *denied;
    }
    const QStringList problems = validate(draft);
    if (!problems.isEmpty()) {
        return invalid(problems.join(QLatin1Char('\n')));
    }

    const QDateTime now = m_clock.now();
    Case c;
    c.status = CaseStatus::Received;
    c.channel = draft.channel;
    c.window.id = draft.windowId;
    c.serviceItem.id = draft.serviceItemId;
    c.category.id = draft.categoryId;
    c.department.id = draft.departmentId;
    c.assignee.id = m_session.userId();
    c.createdBy = m_session.actor();
    c.waitedMinutes = draft.waitedMinutes;
    c.complaintText = draft.complaintText.trimmed();
    c.facts = draft.facts.trimmed();
    c.impact = draft.impact.trimmed();
    c.steps = draft.steps.trimmed();
    c.promisedAt = draft.promisedAt;
    c.receivedAt = draft.receivedAt.isValid() ? draft.receivedAt : now;
    c.updatedAt = now;

    return store({c, draft.citizen, now, {}, {}});
}

Result<Case> CaseService::store(NewCase n)
{
    Case& c = n.c;
    // The deadline from the one SLA engine (the hall's rules, the holiday calendar), read before the write lock.
    if (auto due = SlaService(m_session, m_repos, m_clock).recomputeDue(c, n.events); !due) {
        return due.error();
    }
    // The risk of the text (issue 16), stored with the case; read before the write lock as well.
    RiskService risk(m_session, m_repos, m_clock);
    const auto riskChange = risk.rescore(c);
    if (!riskChange) {
        return riskChange.error();
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    // The citizen first: allocating the number locks the day's counter row until commit (PostgreSQL), and every
    // other desk's intake waits on that lock, so nothing that does not need the number is written after it.
    if (!n.citizen.isEmpty()) {
        Citizen citizen = n.citizen;
        citizen.name = citizen.name.trimmed();
        citizen.phone = citizen.phone.trimmed();
        citizen.idNumber = CitizenValidator::normalizedIdNumber(citizen.idNumber);
        citizen.address = citizen.address.trimmed();
        const auto citizenId = m_repos.cases->insertCitizen(citizen);
        if (!citizenId) {
            return citizenId.error();
        }
        c.citizenId = *citizenId;
    }
    const auto number = m_repos.cases->allocateCaseNo(c.receivedAt.date());
    if (!number) {
        return number.error();
    }
    c.caseNo = *number;
    // The reply told to the citizen may name the case's number ({案件编号}), which exists only now.
    c.intake.steps.replyText.replace(QStringLiteral("{案件编号}"), c.caseNo);
    const auto id = m_repos.cases->insert(c);
    if (!id) {
        return id.error();
    }
    c.id = *id;

    CaseEvent created;
    created.at = n.createdAt;
    created.kind = CaseEventKind::Created;
    created.actor = m_session.actor();
    created.toStatus = CaseStatus::Received;
    n.events.prepend(created);
    for (CaseEvent& event : n.events) {
        event.caseId = c.id;
        if (auto e = m_repos.cases->addEvent(event); !e) {
            return e.error();
        }
    }
    if (auto scored = risk.record(c, *riskChange); !scored) {
        return scored.error();
    }
    QJsonObject detail{{QStringLiteral("case_no"), c.caseNo},
                       {QStringLiteral("channel"), Channels::code(c.channel)},
                       {QStringLiteral("anonymous"), c.isAnonymous()}};
    for (auto it = n.auditDetail.constBegin(); it != n.auditDetail.constEnd(); ++it) {
        detail.insert(it.key(), it.value());
    }
    if (auto a = m_audit.record(m_session, QStringLiteral("case.create"), QStringLiteral("case"), c.id, detail); !a) {
        return a.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    // The case is stored: a failed re-read (a connection lost just now) must not report the save as failed, or the
    // clerk would record the complaint twice. The case as written is returned instead (names of linked rows empty).
    if (auto stored = m_repos.cases->find(c.id)) {
        return stored;
    }
    return c;
}

Result<Case> CaseService::get(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.cases->find(caseId);
}

Result<Case> CaseService::getByNumber(const QString& caseNo)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.cases->findByNumber(caseNo.trimmed().toUpper());
}

Result<CasePage> CaseService::list(const CaseQuery& query)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.cases->list(query);
}

Result<CaseCount> CaseService::count(const CaseQuery& query)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.cases->count(query);
}

Result<QList<CaseEvent>> CaseService::timeline(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.cases->events(caseId);
}

Result<Citizen> CaseService::citizen(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewPersonalData)) {
        return *denied;
    }
    // Every read of personal data is audited (who, which case, when) in the read's own transaction: no entry, no data.
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    const auto c = m_repos.cases->find(caseId);
    if (!c) {
        return c.error();
    }
    if (c->isAnonymous()) {
        return Error::make(Error::Code::NotFound, tr("The complaint was made anonymously."));
    }
    auto citizen = m_repos.cases->citizen(c->citizenId);
    if (!citizen) {
        return citizen.error();
    }
    if (auto a = m_audit.record(m_session, QStringLiteral("citizen.read"), QStringLiteral("case"), c->id,
                                {{QStringLiteral("case_no"), c->caseNo}});
        !a) {
        return a.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return citizen;
}

QList<CaseAction> CaseService::availableActions(const Case& c) const
{
    QList<CaseAction> result;
    for (CaseAction a : CaseLifecycle::availableActions(c)) {
        if (m_session.can(permissionFor(a))) {
            result.append(a);
        }
    }
    return result;
}

Result<QList<User>> CaseService::assignableUsers()
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ReassignCase)) {
        return *denied;
    }
    const auto all = m_repos.users->list();
    if (!all) {
        return all.error();
    }
    QList<User> result;
    for (const auto& u : *all) {
        if (u.active && Permissions::allows(u.role, Permission::WorkCase)) {
            result.append(u);
        }
    }
    return result;
}

Status CaseService::validateCommand(const Case& c, const CaseCommand& command)
{
    const QString note = command.note.trimmed();
    switch (command.action) {
    case CaseAction::Escalate:
    case CaseAction::Reopen:
    case CaseAction::AddNote:
        if (note.isEmpty()) {
            return invalid(tr("Write a note that says why."));
        }
        break;
    case CaseAction::Resolve:
        if (note.isEmpty() && c.steps.trimmed().isEmpty()) {
            return invalid(tr("Describe the remedy given to the citizen."));
        }
        break;
    case CaseAction::FollowUp:
        if (!command.rating || *command.rating < 1 || *command.rating > 5) {
            return invalid(tr("Record the citizen's rating, from 1 (very dissatisfied) to 5 (very satisfied)."));
        }
        if (command.nps && (*command.nps < 0 || *command.nps > 10)) {
            return invalid(tr("The recommendation score runs from 0 to 10."));
        }
        break;
    case CaseAction::Reassign: {
        if (command.assigneeId == 0) {
            return invalid(tr("Choose who takes the case over."));
        }
        if (command.assigneeId == c.assignee.id) {
            return invalid(tr("The case is already assigned to that person."));
        }
        const auto user = m_repos.users->find(command.assigneeId);
        if (!user || !user->active || !Permissions::allows(user->role, Permission::WorkCase)) {
            return invalid(tr("Cases can only be assigned to an active clerk or supervisor."));
        }
        break;
    }
    default:
        break;
    }
    return {};
}

Result<Case> CaseService::perform(qint64 caseId, const CaseCommand& command)
{
    if (command.action == CaseAction::Transfer) {
        // A transfer awaits the receiving department's sign-for or return (转办, issue 12): one path for every caller.
        return TransferService(m_session, m_repos, m_clock).transfer(caseId, -1, command.departmentId, command.note);
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    // Checked under the write lock: an account disabled or demoted a moment ago cannot act any more.
    if (auto denied = m_session.denyNow(*m_repos.users, permissionFor(command.action))) {
        return *denied;
    }
    // Read inside the write transaction so that the decision is made on the current state.
    auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error();
    }
    Case c = std::move(found).value();
    const auto target = CaseLifecycle::target(c, command.action);
    if (!target) {
        return target.error();
    }
    if (auto valid = validateCommand(c, command); !valid) {
        return valid.error();
    }

    const QDateTime now = m_clock.now();
    const CaseStatus from = c.status;
    CaseEvent event;
    event.caseId = c.id;
    event.at = now;
    event.actor = m_session.actor();
    event.fromStatus = from;
    event.toStatus = *target;
    event.note = command.note.trimmed();
    QJsonObject detail{{QStringLiteral("case_no"), c.caseNo},
                       {QStringLiteral("from"), CaseStatuses::code(from)},
                       {QStringLiteral("to"), CaseStatuses::code(*target)}};

    switch (command.action) {
    case CaseAction::Acknowledge:
        event.kind = CaseEventKind::Acknowledged;
        c.acknowledgedAt = now;
        break;
    case CaseAction::Start:
        event.kind = CaseEventKind::Started;
        break;
    case CaseAction::Transfer: // TransferService::transfer, above
        break;
    case CaseAction::Escalate:
        event.kind = CaseEventKind::Escalated;
        c.escalationLevel += 1;
        detail.insert(QStringLiteral("level"), c.escalationLevel);
        break;
    case CaseAction::Resolve:
        event.kind = CaseEventKind::Resolved;
        c.resolvedAt = now;
        if (!c.answeredAt.isValid()) {
            c.answeredAt = now;
        }
        break;
    case CaseAction::FollowUp:
        event.kind = CaseEventKind::FollowedUp;
        c.followedUpAt = now;
        c.rating = command.rating;
        c.nps = command.nps;
        c.ratingExcluded = false; // followup (issue 12): a new rating counts again
        detail.insert(QStringLiteral("rating"), *command.rating);
        if (command.nps) {
            detail.insert(QStringLiteral("nps"), *command.nps);
        }
        detail.insert(QStringLiteral("method"), FollowUpMethods::code(command.method));
        event.note = CaseEventNotes::withFact(QStringLiteral("%1/5").arg(*command.rating), event.note);
        break;
    case CaseAction::Close:
        event.kind = CaseEventKind::Closed;
        c.closedAt = now;
        break;
    case CaseAction::Reopen: {
        event.kind = CaseEventKind::Reopened;
        // What no longer holds moves into the audit detail; the follow_ups rows and the timeline keep the history.
        // answered_at stays: the citizen did get an answer then, and the 48-hour figure is about that first one.
        const auto previousTime = [&](const char* key, const QDateTime& t) {
            if (t.isValid()) {
                detail.insert(QLatin1String(key), t.toSecsSinceEpoch());
            }
        };
        previousTime("previous_resolved_at", c.resolvedAt);
        previousTime("previous_followed_up_at", c.followedUpAt);
        previousTime("previous_closed_at", c.closedAt);
        previousTime("previous_due_at", c.dueAt);
        if (c.rating) {
            detail.insert(QStringLiteral("previous_rating"), *c.rating);
        }
        if (c.nps) {
            detail.insert(QStringLiteral("previous_nps"), *c.nps);
        }
        c.resolvedAt = {};
        c.followedUpAt = {};
        c.closedAt = {};
        c.rating.reset();
        c.nps.reset();
        // followup (issue 12): the follow-up of the next resolution starts afresh.
        c.ratingExcluded = false;
        c.followUpAttempts = 0;
        c.unreachableAt = {};
        c.extendedDueAt = {}; // an extension belonged to the handling before the reopening
        // The clocks run again from now (SlaEngine: "from reopening").
        if (auto due = SlaService(m_session, m_repos, m_clock).recomputeDue(c, {event}); !due) {
            return due.error();
        }
        detail.insert(QStringLiteral("due_at"), c.dueAt.toSecsSinceEpoch());
        break;
    }
    case CaseAction::Reassign: {
        event.kind = CaseEventKind::Reassigned;
        const auto user = m_repos.users->find(command.assigneeId);
        detail.insert(QStringLiteral("from_assignee"), c.assignee.id);
        detail.insert(QStringLiteral("to_assignee"), command.assigneeId);
        const QString who = user->displayName.isEmpty() ? user->login : user->displayName;
        event.note = CaseEventNotes::withFact(who, event.note);
        c.assignee = {user->id, who};
        break;
    }
    case CaseAction::AddNote:
        event.kind = CaseEventKind::NoteAdded;
        break;
    }

    // A case leaving the open statuses while its clocks stand still (resolved while waiting on the citizen) ends
    // the pause, or it would stay in the "paused" view for ever; the timeline says the clocks were started again.
    CaseEvent resumed;
    if (c.pausedAt.isValid() && !CaseStatuses::isOpen(*target) && m_repos.casePauses) {
        const auto pauses = m_repos.casePauses->forCase(c.id);
        if (!pauses) {
            return pauses.error();
        }
        for (const SlaPause& p : *pauses) {
            if (!p.isOpen()) {
                continue;
            }
            // Stored text, the same in every interface language (like the intake's stored sentences).
            const QString why = QStringLiteral("案件已办结或关闭，暂停随之结束");
            if (auto closed = m_repos.casePauses->close(p.id, now, m_session.actor(), why); !closed) {
                return closed.error();
            }
            resumed.caseId = c.id;
            resumed.at = now;
            resumed.kind = CaseEventKind::Resumed;
            resumed.actor = m_session.actor();
            resumed.note = why;
            detail.insert(QStringLiteral("pause_ended"), p.id);
        }
        c.pausedAt = {};
    }

    c.status = *target;
    c.updatedAt = now;
    if (auto updated = m_repos.cases->update(c); !updated) {
        return updated.error();
    }
    if (resumed.caseId != 0) {
        if (auto e = m_repos.cases->addEvent(resumed); !e) {
            return e.error();
        }
    }
    if (auto e = m_repos.cases->addEvent(event); !e) {
        return e.error();
    }
    if (command.action == CaseAction::FollowUp) {
        const FollowUp followUp{
            0, c.id, now, command.method, *command.rating, command.nps, command.note.trimmed(), m_session.actor()};
        if (auto f = m_repos.cases->addFollowUp(followUp); !f) {
            return f.error();
        }
    }
    if (auto a = m_audit.record(m_session, QStringLiteral("case.") + CaseActions::code(command.action),
                                QStringLiteral("case"), c.id, detail);
        !a) {
        return a.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}
