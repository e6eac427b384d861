#pragma once

#include "cases/CaseStatus.h"
#include "common/Ref.h"

#include <QDateTime>
#include <QString>

#include <optional>

/** What happened on a case; the ordered list of events is its timeline. */
enum class CaseEventKind
{
    Created,
    Acknowledged,
    Started,
    Transferred,
    Escalated,
    Resolved,
    FollowedUp,
    Closed,
    Reopened,
    Reassigned,
    NoteAdded,
    FactsConfirmed,
    ImpactConfirmed,
    StepsConfirmed,
    FactsAmended,  ///< the facts changed after the intake (IntakeService::amend)
    ImpactAmended, ///< the impact changed after the intake
    StepsAmended,  ///< the steps or the promised time changed after the intake
    // The closed loop (issue 12): SLA pauses, sign-for and return, extensions, follow-up, rectification, appeals,
    // supervision. The note carries the reason or the fact (CaseEventNotes::withFact).
    Paused,                  ///< the SLA clocks stopped: waiting on the citizen (补正材料) or a third party
    Resumed,                 ///< the clocks run again
    TransferSigned,          ///< the department signed for the transfer (签收)
    TransferReturned,        ///< the department returned the transfer (退回), with its reason
    ExtensionRequested,      ///< an extension (延期) was asked for, with a reason and a new date
    ExtensionApproved,       ///< a supervisor approved it: the clock follows the approved date
    ExtensionRefused,        ///< a supervisor refused it
    FollowUpAttempted,       ///< a follow-up attempt that did not reach the citizen
    MarkedUnreachable,       ///< after the policy's number of failed attempts (失联)
    RectificationStarted,    ///< a bad review reopened handling for rectification (差评整改)
    RectificationProgressed, ///< a stage of the rectification done (核实 → 整改 → 反馈)
    AppealRequested,         ///< a supervisor asked that a rating be left out (申诉复核), with the reason
    AppealApproved,          ///< a second supervisor approved: the rating leaves the figures
    AppealRefused,           ///< the second supervisor refused
    RatingDefaulted,         ///< the no-rating rule gave the rating (默认评价)
    Reminded,                ///< a supervisor's reminder to the assignee (督办)
    // Public-opinion risk and crisis (issue 16). The note carries the fact (CaseEventNotes::withFact).
    RiskScored,      ///< the text or facts were scored (again): "→ 72 high · media,legal", the risk history
    RiskAlertTaken,  ///< a supervisor took the high-risk alert
    CrisisOpened,    ///< crisis mode opened for the case (alone or in a group); the golden-hours clock starts
    CrisisStepDone,  ///< a checklist step of crisis mode done (assess, spokesperson, statement, legal, leadership)
    CrisisStatement, ///< the first (or a further) public statement went out
    CrisisClosed,    ///< crisis mode ended
    CrisisReviewed,  ///< the post-crisis review (复盘) was recorded
};

namespace CaseEventKinds {
QString code(CaseEventKind kind);
std::optional<CaseEventKind> fromCode(const QString& code);
QString label(CaseEventKind kind);
} // namespace CaseEventKinds

namespace CaseEventNotes {
/**
 * Timeline notes are stored, so they must read the same in every UI language: a fact that is a name or a number
 * ("→ 信息技术科", "→ 4/5"), then the actor's own words. Labels are translated where the note is shown.
 */
QString withFact(const QString& fact, const QString& words);
} // namespace CaseEventNotes

struct CaseEvent
{
    qint64 id = 0;
    qint64 caseId = 0;
    QDateTime at;
    CaseEventKind kind = CaseEventKind::NoteAdded;
    Ref actor; ///< id 0 for the CLI or the system; name always set
    std::optional<CaseStatus> fromStatus;
    std::optional<CaseStatus> toStatus;
    QString note; ///< what the actor wrote, or a generated description (new department, new assignee, ...)
};
