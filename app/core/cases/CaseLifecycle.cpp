#include "CaseLifecycle.h"

#include "cases/Case.h"
#include "common/CodeTable.h"

namespace {
const CodeEntry<CaseAction> kActionEntries[] = {
    {CaseAction::Acknowledge, "acknowledge", QT_TRANSLATE_NOOP("CaseAction", "Acknowledge")},
    {CaseAction::Start, "start", QT_TRANSLATE_NOOP("CaseAction", "Start handling")},
    {CaseAction::Transfer, "transfer", QT_TRANSLATE_NOOP("CaseAction", "Transfer")},
    {CaseAction::Escalate, "escalate", QT_TRANSLATE_NOOP("CaseAction", "Escalate")},
    {CaseAction::Resolve, "resolve", QT_TRANSLATE_NOOP("CaseAction", "Resolve")},
    {CaseAction::FollowUp, "follow_up", QT_TRANSLATE_NOOP("CaseAction", "Record follow-up")},
    {CaseAction::Close, "close", QT_TRANSLATE_NOOP("CaseAction", "Approve and close")},
    {CaseAction::Reopen, "reopen", QT_TRANSLATE_NOOP("CaseAction", "Reopen")},
    {CaseAction::Reassign, "reassign", QT_TRANSLATE_NOOP("CaseAction", "Reassign")},
    {CaseAction::AddNote, "note", QT_TRANSLATE_NOOP("CaseAction", "Add note")},
};
const CodeTable kActions("CaseAction", kActionEntries);
} // namespace

namespace CaseActions {
QList<CaseAction> all()
{
    return kActions.values();
}
QString code(CaseAction action)
{
    return kActions.code(action);
}
std::optional<CaseAction> fromCode(const QString& code)
{
    return kActions.fromCode(code);
}
QString label(CaseAction action)
{
    return kActions.label(action);
}
} // namespace CaseActions

Result<CaseStatus> CaseLifecycle::target(const Case& c, CaseAction action)
{
    const CaseStatus s = c.status;
    const auto refuse = [&](const QString& reason) {
        return Error::make(Error::Code::InvalidTransition, reason);
    };
    const QString statusName = CaseStatuses::label(s);

    switch (action) {
    case CaseAction::Acknowledge:
        if (s == CaseStatus::Received) {
            return CaseStatus::Acknowledged;
        }
        if (CaseStatuses::isOpen(s) && !c.acknowledgedAt.isValid()) {
            // A case that reached "in progress" without an acknowledgement (a transfer before this rule) can
            // still be acknowledged; it keeps its status.
            return s;
        }
        return refuse(tr("Only a newly received case can be acknowledged; this one is \"%1\".").arg(statusName));
    case CaseAction::Start:
        if (s == CaseStatus::Acknowledged) {
            return CaseStatus::InProgress;
        }
        if (s == CaseStatus::Received) {
            return refuse(tr("Acknowledge the citizen before starting to handle the case."));
        }
        return refuse(tr("Handling can only start on an acknowledged case; this one is \"%1\".").arg(statusName));
    case CaseAction::Transfer:
        if (s == CaseStatus::Received) {
            // Nobody has acknowledged the citizen yet: the receiving unit must still do it.
            return CaseStatus::Received;
        }
        if (CaseStatuses::isOpen(s)) {
            return CaseStatus::InProgress;
        }
        return refuse(tr("Only an open case can be transferred; this one is \"%1\". Reopen it first.").arg(statusName));
    case CaseAction::Escalate:
        if (s != CaseStatus::Closed) {
            return s;
        }
        return refuse(tr("A closed case cannot be escalated. Reopen it first."));
    case CaseAction::Resolve:
        if (CaseStatuses::isOpen(s) && !c.acknowledgedAt.isValid()) {
            return refuse(tr("Acknowledge the citizen before resolving the case."));
        }
        if (s == CaseStatus::Acknowledged || s == CaseStatus::InProgress) {
            return CaseStatus::Resolved;
        }
        if (s == CaseStatus::Received) {
            return refuse(tr("Acknowledge the citizen before resolving the case."));
        }
        return refuse(tr("The case is already \"%1\".").arg(statusName));
    case CaseAction::FollowUp:
        if (s == CaseStatus::Resolved) {
            if (c.isAnonymous()) {
                return refuse(
                    tr("An anonymous complaint has nobody to call back; a supervisor can close it directly."));
            }
            return CaseStatus::FollowedUp;
        }
        return refuse(tr("A follow-up is recorded after the case is resolved; this one is \"%1\".").arg(statusName));
    case CaseAction::Close:
        if (s == CaseStatus::FollowedUp) {
            return CaseStatus::Closed;
        }
        if (s == CaseStatus::Resolved && c.isAnonymous()) {
            return CaseStatus::Closed;
        }
        if (s == CaseStatus::Resolved) {
            return refuse(tr("Call the citizen back and record the follow-up before closing the case."));
        }
        return refuse(tr("Only a followed-up case can be closed; this one is \"%1\".").arg(statusName));
    case CaseAction::Reopen:
        if (s == CaseStatus::Resolved || s == CaseStatus::FollowedUp || s == CaseStatus::Closed) {
            return CaseStatus::InProgress;
        }
        return refuse(tr("The case is still open (\"%1\"); there is nothing to reopen.").arg(statusName));
    case CaseAction::Reassign:
        if (s != CaseStatus::Closed) {
            return s;
        }
        return refuse(tr("A closed case cannot be reassigned. Reopen it first."));
    case CaseAction::AddNote:
        return s;
    }
    return refuse(tr("Unknown action."));
}

QList<CaseAction> CaseLifecycle::availableActions(const Case& c)
{
    QList<CaseAction> result;
    for (CaseAction a : CaseActions::all()) {
        if (allows(c, a)) {
            result.append(a);
        }
    }
    return result;
}
