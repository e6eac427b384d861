#include "CaseEvent.h"

#include "common/CodeTable.h"

namespace {
const CodeEntry<CaseEventKind> kKindEntries[] = {
    {CaseEventKind::Created, "created", QT_TRANSLATE_NOOP("CaseEventKind", "Case received")},
    {CaseEventKind::Acknowledged, "acknowledged", QT_TRANSLATE_NOOP("CaseEventKind", "Citizen acknowledged")},
    {CaseEventKind::Started, "started", QT_TRANSLATE_NOOP("CaseEventKind", "Handling started")},
    {CaseEventKind::Transferred, "transferred", QT_TRANSLATE_NOOP("CaseEventKind", "Transferred")},
    {CaseEventKind::Escalated, "escalated", QT_TRANSLATE_NOOP("CaseEventKind", "Escalated")},
    {CaseEventKind::Resolved, "resolved", QT_TRANSLATE_NOOP("CaseEventKind", "Resolved")},
    {CaseEventKind::FollowedUp, "followed_up", QT_TRANSLATE_NOOP("CaseEventKind", "Followed up")},
    {CaseEventKind::Closed, "closed", QT_TRANSLATE_NOOP("CaseEventKind", "Closed")},
    {CaseEventKind::Reopened, "reopened", QT_TRANSLATE_NOOP("CaseEventKind", "Reopened")},
    {CaseEventKind::Reassigned, "reassigned", QT_TRANSLATE_NOOP("CaseEventKind", "Reassigned")},
    {CaseEventKind::NoteAdded, "note", QT_TRANSLATE_NOOP("CaseEventKind", "Note")},
    {CaseEventKind::FactsConfirmed, "facts_confirmed", QT_TRANSLATE_NOOP("CaseEventKind", "Facts confirmed")},
    {CaseEventKind::ImpactConfirmed, "impact_confirmed", QT_TRANSLATE_NOOP("CaseEventKind", "Impact confirmed")},
    {CaseEventKind::StepsConfirmed, "steps_confirmed", QT_TRANSLATE_NOOP("CaseEventKind", "Steps confirmed")},
    {CaseEventKind::FactsAmended, "facts_amended", QT_TRANSLATE_NOOP("CaseEventKind", "Facts amended")},
    {CaseEventKind::ImpactAmended, "impact_amended", QT_TRANSLATE_NOOP("CaseEventKind", "Impact amended")},
    {CaseEventKind::StepsAmended, "steps_amended", QT_TRANSLATE_NOOP("CaseEventKind", "Steps amended")},
    {CaseEventKind::Paused, "paused", QT_TRANSLATE_NOOP("CaseEventKind", "Clock paused")},
    {CaseEventKind::Resumed, "resumed", QT_TRANSLATE_NOOP("CaseEventKind", "Clock resumed")},
    {CaseEventKind::TransferSigned, "transfer_signed", QT_TRANSLATE_NOOP("CaseEventKind", "Transfer signed for")},
    {CaseEventKind::TransferReturned, "transfer_returned", QT_TRANSLATE_NOOP("CaseEventKind", "Transfer returned")},
    {CaseEventKind::ExtensionRequested, "extension_requested",
     QT_TRANSLATE_NOOP("CaseEventKind", "Extension requested")},
    {CaseEventKind::ExtensionApproved, "extension_approved", QT_TRANSLATE_NOOP("CaseEventKind", "Extension approved")},
    {CaseEventKind::ExtensionRefused, "extension_refused", QT_TRANSLATE_NOOP("CaseEventKind", "Extension refused")},
    {CaseEventKind::FollowUpAttempted, "follow_up_attempted",
     QT_TRANSLATE_NOOP("CaseEventKind", "Follow-up attempt: not reached")},
    {CaseEventKind::MarkedUnreachable, "marked_unreachable", QT_TRANSLATE_NOOP("CaseEventKind", "Marked unreachable")},
    {CaseEventKind::RectificationStarted, "rectification_started",
     QT_TRANSLATE_NOOP("CaseEventKind", "Rectification started")},
    {CaseEventKind::RectificationProgressed, "rectification_progressed",
     QT_TRANSLATE_NOOP("CaseEventKind", "Rectification stage done")},
    {CaseEventKind::AppealRequested, "appeal_requested", QT_TRANSLATE_NOOP("CaseEventKind", "Rating appealed")},
    {CaseEventKind::AppealApproved, "appeal_approved", QT_TRANSLATE_NOOP("CaseEventKind", "Appeal approved")},
    {CaseEventKind::AppealRefused, "appeal_refused", QT_TRANSLATE_NOOP("CaseEventKind", "Appeal refused")},
    {CaseEventKind::RatingDefaulted, "rating_defaulted",
     QT_TRANSLATE_NOOP("CaseEventKind", "Rating given by the no-rating rule")},
    {CaseEventKind::Reminded, "reminded", QT_TRANSLATE_NOOP("CaseEventKind", "Supervisor's reminder")},
    {CaseEventKind::RiskScored, "risk_scored", QT_TRANSLATE_NOOP("CaseEventKind", "Risk scored")},
    {CaseEventKind::RiskAlertTaken, "risk_alert_taken", QT_TRANSLATE_NOOP("CaseEventKind", "High-risk alert taken")},
    {CaseEventKind::CrisisOpened, "crisis_opened", QT_TRANSLATE_NOOP("CaseEventKind", "Crisis mode opened")},
    {CaseEventKind::CrisisStepDone, "crisis_step_done", QT_TRANSLATE_NOOP("CaseEventKind", "Crisis step done")},
    {CaseEventKind::CrisisStatement, "crisis_statement", QT_TRANSLATE_NOOP("CaseEventKind", "Public statement issued")},
    {CaseEventKind::CrisisClosed, "crisis_closed", QT_TRANSLATE_NOOP("CaseEventKind", "Crisis mode closed")},
    {CaseEventKind::CrisisReviewed, "crisis_reviewed", QT_TRANSLATE_NOOP("CaseEventKind", "Post-crisis review recorded")},
};
const CodeTable kKinds("CaseEventKind", kKindEntries);
} // namespace

namespace CaseEventKinds {
QString code(CaseEventKind kind)
{
    return kKinds.code(kind);
}
std::optional<CaseEventKind> fromCode(const QString& code)
{
    return kKinds.fromCode(code);
}
QString label(CaseEventKind kind)
{
    return kKinds.label(kind);
}
} // namespace CaseEventKinds

namespace CaseEventNotes {
QString withFact(const QString& fact, const QString& words)
{
    const QString arrow = QStringLiteral("\u2192 ") + fact;
    return words.isEmpty() ? arrow : arrow + QStringLiteral(" \u00b7 ") + words;
}
} // namespace CaseEventNotes
