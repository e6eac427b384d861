#include "Rectification.h"

#include "common/CodeTable.h"

namespace {
const CodeEntry<RectificationStage> kStageEntries[] = {
    {RectificationStage::Verify, "verify", QT_TRANSLATE_NOOP("RectificationStage", "Verify the complaint")},
    {RectificationStage::Rectify, "rectify", QT_TRANSLATE_NOOP("RectificationStage", "Put it right")},
    {RectificationStage::Feedback, "feedback", QT_TRANSLATE_NOOP("RectificationStage", "Tell the citizen")},
    {RectificationStage::SecondFollowUp, "second_follow_up",
     QT_TRANSLATE_NOOP("RectificationStage", "Second follow-up")},
    {RectificationStage::Done, "done", QT_TRANSLATE_NOOP("RectificationStage", "Done")},
};
const CodeTable kStages("RectificationStage", kStageEntries);

const CodeEntry<AppealReason> kReasonEntries[] = {
    {AppealReason::Mistaken, "mistaken", QT_TRANSLATE_NOOP("AppealReason", "Mistaken rating")},
    {AppealReason::Malicious, "malicious", QT_TRANSLATE_NOOP("AppealReason", "Malicious rating")},
};
const CodeTable kReasons("AppealReason", kReasonEntries);

const CodeEntry<AppealState> kStateEntries[] = {
    {AppealState::Pending, "pending", QT_TRANSLATE_NOOP("AppealState", "Awaiting a second supervisor")},
    {AppealState::Approved, "approved", QT_TRANSLATE_NOOP("AppealState", "Approved")},
    {AppealState::Refused, "refused", QT_TRANSLATE_NOOP("AppealState", "Refused")},
};
const CodeTable kStates("AppealState", kStateEntries);
} // namespace

namespace RectificationStages {
QString code(RectificationStage stage)
{
    return kStages.code(stage);
}
std::optional<RectificationStage> fromCode(const QString& code)
{
    return kStages.fromCode(code);
}
QString label(RectificationStage stage)
{
    return kStages.label(stage);
}
QString fact(RectificationStage stage)
{
    switch (stage) {
    case RectificationStage::Verify:
        return QStringLiteral("核实");
    case RectificationStage::Rectify:
        return QStringLiteral("整改");
    case RectificationStage::Feedback:
        return QStringLiteral("反馈");
    case RectificationStage::SecondFollowUp:
        return QStringLiteral("二次回访");
    case RectificationStage::Done:
        break;
    }
    return QString();
}
} // namespace RectificationStages

namespace AppealReasons {
QString code(AppealReason reason)
{
    return kReasons.code(reason);
}
std::optional<AppealReason> fromCode(const QString& code)
{
    return kReasons.fromCode(code);
}
QString label(AppealReason reason)
{
    return kReasons.label(reason);
}
} // namespace AppealReasons

namespace AppealStates {
QString code(AppealState state)
{
    return kStates.code(state);
}
std::optional<AppealState> fromCode(const QString& code)
{
    return kStates.fromCode(code);
}
QString label(AppealState state)
{
    return kStates.label(state);
}
} // namespace AppealStates
