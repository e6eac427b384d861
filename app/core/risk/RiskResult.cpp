#include "risk/RiskResult.h"

#include "common/CodeTable.h"

#include <algorithm>

namespace {
// QT_TRANSLATE_NOOP keeps the labels visible to lupdate; the codes are CLI.md's and never change.
const CodeEntry<RiskSignalKind> kSignalEntries[] = {
    {RiskSignalKind::Media, "media", QT_TRANSLATE_NOOP("RiskSignalKind", "Media exposure")},
    {RiskSignalKind::Legal, "legal", QT_TRANSLATE_NOOP("RiskSignalKind", "Legal action")},
    {RiskSignalKind::Petition, "petition", QT_TRANSLATE_NOOP("RiskSignalKind", "Petition or escalation")},
    {RiskSignalKind::Safety, "safety", QT_TRANSLATE_NOOP("RiskSignalKind", "Self-harm or violence")},
    {RiskSignalKind::Group, "group", QT_TRANSLATE_NOOP("RiskSignalKind", "Group complaint")},
    {RiskSignalKind::StrongEmotion, "strong_emotion", QT_TRANSLATE_NOOP("RiskSignalKind", "Strong emotion")},
    {RiskSignalKind::Repeat, "repeat", QT_TRANSLATE_NOOP("RiskSignalKind", "Repeat complainant")},
};
const CodeTable kSignals("RiskSignalKind", kSignalEntries);

const CodeEntry<RiskLevel> kLevelEntries[] = {
    {RiskLevel::Low, "low", QT_TRANSLATE_NOOP("RiskLevel", "Low")},
    {RiskLevel::Medium, "medium", QT_TRANSLATE_NOOP("RiskLevel", "Medium")},
    {RiskLevel::High, "high", QT_TRANSLATE_NOOP("RiskLevel", "High")},
};
const CodeTable kLevels("RiskLevel", kLevelEntries);
} // namespace

namespace RiskSignalKinds {
QList<RiskSignalKind> all()
{
    return kSignals.values();
}
QString code(RiskSignalKind kind)
{
    return kSignals.code(kind);
}
std::optional<RiskSignalKind> fromCode(const QString& code)
{
    return kSignals.fromCode(code);
}
QString label(RiskSignalKind kind)
{
    return kSignals.label(kind);
}
} // namespace RiskSignalKinds

namespace RiskLevels {
QString code(RiskLevel level)
{
    return kLevels.code(level);
}
std::optional<RiskLevel> fromCode(const QString& code)
{
    return kLevels.fromCode(code);
}
QString label(RiskLevel level)
{
    return kLevels.label(level);
}
} // namespace RiskLevels

bool RiskResult::has(RiskSignalKind kind) const
{
    return signal(kind) != nullptr;
}

const RiskSignal* RiskResult::signal(RiskSignalKind kind) const
{
    const auto it = std::find_if(fired.cbegin(), fired.cend(), [kind](const RiskSignal& s) { return s.kind == kind; });
    return it == fired.cend() ? nullptr : &*it;
}

QStringList RiskResult::signalCodes() const
{
    QStringList codes;
    for (const RiskSignal& s : fired) {
        codes.append(RiskSignalKinds::code(s.kind));
    }
    return codes;
}
