#include "services/SuperviseService.h"
#include "services/CaseChange.h"

#include "cases/CaseEvent.h"
#include "common/Clock.h"
#include "repositories/CaseRepository.h"
#include "repositories/SlaPolicyRepository.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "sla/SlaPolicy.h"
#include "supervise/Deadline.h"

#include <QJsonObject>

namespace {
/** Sending reminders is a supervisor's power, the same one that reassigns cases. */
constexpr Permission kRemindPermission = Permission::ReassignCase;
} // namespace

SuperviseService::SuperviseService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

int SuperviseService::nearDeadlineMinutes() const
{
    const auto policy = SlaPolicies::current(m_repos);
    return policy ? policy->nearDeadlineMinutes : SlaPolicy{}.nearDeadlineMinutes;
}

bool SuperviseService::canRemind(const Case& c) const
{
    if (!m_session.can(kRemindPermission) || c.assignee.id == 0) {
        return false;
    }
    const DeadlineState state = Deadlines::stateOf(c, m_clock.now(), nearDeadlineMinutes());
    return state == DeadlineState::Overdue || state == DeadlineState::NearDeadline;
}

Result<Case> SuperviseService::remind(qint64 caseId, int version, const QString& note)
{
    const QString words = note.trimmed();
    if (words.size() > kMaxNoteChars) {
        return Error::make(Error::Code::Invalid,
                           tr("The reminder's note is too long (at most %1 characters).").arg(kMaxNoteChars));
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, kRemindPermission)) {
        return *denied;
    }
    auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error();
    }
    Case c = std::move(found).value();
    if (c.version != version) {
        return Error::make(Error::Code::Conflict,
                           tr("Case %1 was changed by someone else meanwhile; reopen it and try again.").arg(c.caseNo));
    }
    if (c.assignee.id == 0) {
        return Error::make(Error::Code::Invalid,
                           tr("Case %1 has no assignee to remind; assign it to someone first.").arg(c.caseNo));
    }
    const QDateTime now = m_clock.now();
    const DeadlineState state = Deadlines::stateOf(c, now, nearDeadlineMinutes());
    if (state != DeadlineState::Overdue && state != DeadlineState::NearDeadline) {
        return Error::make(Error::Code::Invalid,
                           tr("A reminder is for a case that is overdue or nearly due; case %1 is not.").arg(c.caseNo));
    }

    c.reminderLevel += 1;
    c.remindedAt = now;
    CaseEvent event;
    event.at = now;
    event.kind = CaseEventKind::Reminded;
    event.fromStatus = c.status;
    event.toStatus = c.status;
    // Stored words read the same in every language: the assignee's name and the level as a number.
    event.note = CaseEventNotes::withFact(QStringLiteral("%1 #%2").arg(c.assignee.name).arg(c.reminderLevel), words);
    const QJsonObject detail{{QStringLiteral("assignee"), c.assignee.id},
                             {QStringLiteral("level"), c.reminderLevel},
                             {QStringLiteral("overdue"), state == DeadlineState::Overdue},
                             {QStringLiteral("due_at"), c.dueAt.toSecsSinceEpoch()}};
    if (auto written = CaseChange::write(m_session, m_repos, m_audit, c, event, QStringLiteral("remind"), detail);
        !written) {
        return written.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}

QList<CaseEventKind> SuperviseService::noticeKinds()
{
    return {CaseEventKind::Reassigned, CaseEventKind::Reminded, CaseEventKind::TransferReturned};
}

Result<qint64> SuperviseService::latestEventId()
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.supervision->latestEventId();
}

Result<QList<Notice>> SuperviseService::noticesAfter(qint64 afterEventId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    if (m_session.userId() == 0) {
        return QList<Notice>{};
    }
    return m_repos.supervision->notices(afterEventId, m_session.userId(), noticeKinds(), kNoticeBatch);
}
