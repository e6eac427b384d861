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
