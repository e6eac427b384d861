#pragma once

#include "cases/CaseStatus.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>

struct Case;

/** What a user can do to a case. Each action is one transition of CaseLifecycle and one event on the timeline. */
enum class CaseAction
{
    Acknowledge, ///< received -> acknowledged (an open case never acknowledged keeps its status)
    Start,       ///< acknowledged -> in progress
    Transfer,    ///< received stays received (the new unit acknowledges); other open -> in progress. Counted.
    Escalate,    ///< any but closed -> same status, one level up the supervisor queue
    Resolve,     ///< acknowledged / in progress -> resolved; never without an acknowledgement
    FollowUp,    ///< resolved -> followed up, with the citizen's rating
    Close,       ///< followed up (or resolved, when nobody can be called back) -> closed; a supervisor approves
    Reopen,      ///< resolved / followed up / closed -> in progress; rating, follow-up, resolved/closed cleared
    Reassign,    ///< any but closed -> same status, another assignee
    AddNote,     ///< any -> same status
};

namespace CaseActions {
QList<CaseAction> all();
QString code(CaseAction action);
std::optional<CaseAction> fromCode(const QString& code);
/** The verb on a button ("Acknowledge", "Transfer…"). */
QString label(CaseAction action);
} // namespace CaseActions

/**
 * The case state machine. Pure rules over a Case value: which actions apply and where they lead.
 * Permissions are not its business (CaseService checks those); reasons are translated for the user.
 */
class CaseLifecycle
{
    Q_DECLARE_TR_FUNCTIONS(CaseLifecycle)

public:
    /** The status the action leads to, or an InvalidTransition error saying why not. */
    static Result<CaseStatus> target(const Case& c, CaseAction action);
    static bool allows(const Case& c, CaseAction action) { return target(c, action).ok(); }
    /** Every action the lifecycle allows on this case now. */
    static QList<CaseAction> availableActions(const Case& c);
};
