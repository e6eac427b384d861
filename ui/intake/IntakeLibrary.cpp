#include "intake/IntakeLibrary.h"

#include "services/ReplyRuleService.h"
#include "services/ScriptService.h"

namespace IntakeLibrary {

TemplatesJob templates(const Session& session, ScriptStep step, qint64 categoryId, std::optional<EmotionLevel> emotion)
{
    return [session, step, categoryId, emotion](const WorkerScope& scope) {
        return ScriptService(session, scope.repos, scope.clock).templates(step, categoryId, emotion);
    };
}

RulesJob replyRules(const Session& session)
{
    return [session](const WorkerScope& scope) {
        return ReplyRuleService(session, scope.repos, scope.clock).activeRules();
    };
}

QString fill(const QString& body, const QHash<QString, QString>& values)
{
    return ScriptPlaceholders::fill(body, values);
}

QList<ReplyFinding> check(const QList<ReplyRule>& rules, const QString& reply)
{
    // The checker keeps its compiled patterns for the process: building one per keystroke costs ~0.05 ms.
    return ReplyChecker(rules).check(reply);
}

QString kindLabel(ReplyFindingKind kind)
{
    return ReplyFindingKinds::label(kind);
}

} // namespace IntakeLibrary
