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
