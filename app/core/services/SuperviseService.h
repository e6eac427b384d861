#pragma once

#include "cases/Case.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "repositories/SupervisionRepository.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>

class Clock;

/**
 * Supervision (督办): a supervisor's reminders on overdue and nearly due cases, and what concerns a desk among
 * the other desks' changes (a case assigned to it, a reminder for it, a return). Checks permissions as every
 * service does; a reminder is written with its timeline event and audit entry in one transaction.
 */
class SuperviseService
{
    Q_DECLARE_TR_FUNCTIONS(SuperviseService)

public:
    static constexpr int kMaxNoteChars = 500;
    static constexpr int kNoticeBatch = 50;

    SuperviseService(Session session, const Repositories& repos, const Clock& clock);

    /** The policy's near-deadline minutes (SlaPolicy::nearDeadlineMinutes; the default while none is stored). */
    int nearDeadlineMinutes() const;
    /** Whether the session may send a reminder on the case now: a supervisor, the case open, assigned, and overdue
     * or nearly due. */
    bool canRemind(const Case& c) const;
    /**
     * Sends a reminder (督办) to the case's assignee: the case's reminder level goes up by one, a Reminded event
     * goes on the timeline (the assignee's desk is told), and the audit log records it. `version` is the copy the
     * supervisor looked at: a case changed meanwhile is refused (Conflict).
     */
    Result<Case> remind(qint64 caseId, int version, const QString& note);

    /** The kinds of event a desk is told of when another desk does them on a case assigned to it. */
    static QList<CaseEventKind> noticeKinds();
    /** The newest timeline event's id: where a desk starts watching. */
    Result<qint64> latestEventId();
    /** What concerns the session's user after `afterEventId` (oldest first, at most kNoticeBatch). */
    Result<QList<Notice>> noticesAfter(qint64 afterEventId);

private:
    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
