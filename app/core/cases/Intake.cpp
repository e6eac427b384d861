#include "Intake.h"

#include "common/CodeTable.h"

namespace {
// QT_TRANSLATE_NOOP keeps the labels visible to lupdate; the codes are stored and never change.
const CodeEntry<EmotionLevel> kEmotionLevelEntries[] = {
    {EmotionLevel::Calm, "calm", QT_TRANSLATE_NOOP("Emotion", "Calm")},
    {EmotionLevel::Dissatisfied, "dissatisfied", QT_TRANSLATE_NOOP("Emotion", "Dissatisfied")},
    {EmotionLevel::Agitated, "agitated", QT_TRANSLATE_NOOP("Emotion", "Agitated")},
    {EmotionLevel::Angry, "angry", QT_TRANSLATE_NOOP("Emotion", "Angry")},
};
const CodeTable kEmotionLevels("Emotion", kEmotionLevelEntries);

const CodeEntry<Severity> kSeverityEntries[] = {
    {Severity::Minor, "minor", QT_TRANSLATE_NOOP("Severity", "Minor")},
    {Severity::Moderate, "moderate", QT_TRANSLATE_NOOP("Severity", "Moderate")},
    {Severity::Serious, "serious", QT_TRANSLATE_NOOP("Severity", "Serious")},
    {Severity::Critical, "critical", QT_TRANSLATE_NOOP("Severity", "Critical")},
};
const CodeTable kSeveritys("Severity", kSeverityEntries);

const CodeEntry<ImpactScope> kImpactScopeEntries[] = {
    {ImpactScope::Individual, "individual", QT_TRANSLATE_NOOP("ImpactScope", "Individual")},
    {ImpactScope::Group, "group", QT_TRANSLATE_NOOP("ImpactScope", "Group")},
    {ImpactScope::Public, "public", QT_TRANSLATE_NOOP("ImpactScope", "Public")},
};
const CodeTable kImpactScopes("ImpactScope", kImpactScopeEntries);

const CodeEntry<Recurrence> kRecurrenceEntries[] = {
    {Recurrence::First, "first", QT_TRANSLATE_NOOP("Recurrence", "First time")},
    {Recurrence::Repeat, "repeat", QT_TRANSLATE_NOOP("Recurrence", "Repeat")},
    {Recurrence::Systemic, "systemic", QT_TRANSLATE_NOOP("Recurrence", "Systemic")},
};
const CodeTable kRecurrences("Recurrence", kRecurrenceEntries);

const CodeEntry<Reasonableness> kReasonablenessEntries[] = {
    {Reasonableness::Reasonable, "reasonable", QT_TRANSLATE_NOOP("Reasonableness", "Reasonable")},
    {Reasonableness::PartlyReasonable, "partly_reasonable", QT_TRANSLATE_NOOP("Reasonableness", "Partly reasonable")},
    {Reasonableness::Unreasonable, "unreasonable", QT_TRANSLATE_NOOP("Reasonableness", "Unreasonable")},
    {Reasonableness::ToVerify, "to_verify", QT_TRANSLATE_NOOP("Reasonableness", "To be verified")},
};
const CodeTable kReasonablenesss("Reasonableness", kReasonablenessEntries);

const CodeEntry<Responsibility> kResponsibilityEntries[] = {
    {Responsibility::OwnUnit, "own_unit", QT_TRANSLATE_NOOP("Responsibility", "Our unit")},
    {Responsibility::OtherDepartment, "other_department", QT_TRANSLATE_NOOP("Responsibility", "Another department")},
    {Responsibility::CitizenMisunderstanding, "misunderstanding",
     QT_TRANSLATE_NOOP("Responsibility", "Citizen's misunderstanding")},
    {Responsibility::ToVerify, "to_verify", QT_TRANSLATE_NOOP("Responsibility", "To be verified")},
};
const CodeTable kResponsibilitys("Responsibility", kResponsibilityEntries);

const CodeEntry<Remedy> kRemedyEntries[] = {
    {Remedy::Apology, "apology", QT_TRANSLATE_NOOP("Remedy", "Apology")},
    {Remedy::Expedited, "expedited", QT_TRANSLATE_NOOP("Remedy", "Expedited handling")},
    {Remedy::OnSiteHelp, "on_site_help", QT_TRANSLATE_NOOP("Remedy", "On-site help")},
    {Remedy::FeeWaiver, "fee_waiver", QT_TRANSLATE_NOOP("Remedy", "Fee waiver")},
    {Remedy::Explanation, "explanation", QT_TRANSLATE_NOOP("Remedy", "Explanation")},
    {Remedy::Other, "other", QT_TRANSLATE_NOOP("Remedy", "Other")},
};
const CodeTable kRemedys("Remedy", kRemedyEntries);

const CodeEntry<ScriptStep> kScriptStepEntries[] = {
    {ScriptStep::Acknowledge, "acknowledge", QT_TRANSLATE_NOOP("ScriptStep", "Acknowledge")},
    {ScriptStep::Restate, "restate", QT_TRANSLATE_NOOP("ScriptStep", "Restate the facts")},
    {ScriptStep::Impact, "impact", QT_TRANSLATE_NOOP("ScriptStep", "Confirm the impact")},
    {ScriptStep::Steps, "steps", QT_TRANSLATE_NOOP("ScriptStep", "Explain the steps")},
    {ScriptStep::Result, "result", QT_TRANSLATE_NOOP("ScriptStep", "Tell the result")},
    {ScriptStep::PublicReply, "public_reply", QT_TRANSLATE_NOOP("ScriptStep", "Public reply")},
};
const CodeTable kScriptSteps("ScriptStep", kScriptStepEntries);

} // namespace

namespace IntakeCodes {
QList<EmotionLevel> emotionLevels()
{
    return kEmotionLevels.values();
}
QString code(EmotionLevel v)
{
    return kEmotionLevels.code(v);
}
std::optional<EmotionLevel> emotionFromCode(const QString& code)
{
    return kEmotionLevels.fromCode(code);
}
QString label(EmotionLevel v)
{
    return kEmotionLevels.label(v);
}

QList<Severity> severities()
{
    return kSeveritys.values();
}
QString code(Severity v)
{
    return kSeveritys.code(v);
}
std::optional<Severity> severityFromCode(const QString& code)
{
    return kSeveritys.fromCode(code);
}
QString label(Severity v)
{
    return kSeveritys.label(v);
}

QList<ImpactScope> scopes()
{
    return kImpactScopes.values();
}
QString code(ImpactScope v)
{
    return kImpactScopes.code(v);
}
std::optional<ImpactScope> scopeFromCode(const QString& code)
{
    return kImpactScopes.fromCode(code);
}
QString label(ImpactScope v)
{
    return kImpactScopes.label(v);
}

QList<Recurrence> recurrences()
{
    return kRecurrences.values();
}
QString code(Recurrence v)
{
    return kRecurrences.code(v);
}
std::optional<Recurrence> recurrenceFromCode(const QString& code)
{
    return kRecurrences.fromCode(code);
}
QString label(Recurrence v)
{
    return kRecurrences.label(v);
}

QList<Reasonableness> reasonablenessLevels()
{
    return kReasonablenesss.values();
}
QString code(Reasonableness v)
{
    return kReasonablenesss.code(v);
}
std::optional<Reasonableness> reasonablenessFromCode(const QString& code)
{
    return kReasonablenesss.fromCode(code);
}
QString label(Reasonableness v)
{
    return kReasonablenesss.label(v);
}

QList<Responsibility> responsibilities()
{
    return kResponsibilitys.values();
}
QString code(Responsibility v)
{
    return kResponsibilitys.code(v);
}
std::optional<Responsibility> responsibilityFromCode(const QString& code)
{
    return kResponsibilitys.fromCode(code);
}
QString label(Responsibility v)
{
    return kResponsibilitys.label(v);
}

QList<Remedy> remedies()
{
    return kRemedys.values();
}
QString code(Remedy v)
{
    return kRemedys.code(v);
}
std::optional<Remedy> remedyFromCode(const QString& code)
{
    return kRemedys.fromCode(code);
}
QString label(Remedy v)
{
    return kRemedys.label(v);
}

QList<ScriptStep> scriptSteps()
{
    return kScriptSteps.values();
}
QString code(ScriptStep v)
{
    return kScriptSteps.code(v);
}
std::optional<ScriptStep> scriptStepFromCode(const QString& code)
{
    return kScriptSteps.fromCode(code);
}
QString label(ScriptStep v)
{
    return kScriptSteps.label(v);
}

QString codes(const QList<Remedy>& remedies)
{
    QStringList parts;
    for (Remedy r : kRemedys.values()) {
        if (remedies.contains(r)) {
            parts << code(r);
        }
    }
    return parts.join(QLatin1Char(','));
}

QList<Remedy> remediesFromCodes(const QString& codes)
{
    QList<Remedy> result;
    for (const QString& part : codes.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const auto r = remedyFromCode(part.trimmed()); r && !result.contains(*r)) {
            result << *r;
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}
} // namespace IntakeCodes
