#include "intake/IntakeLibrary.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "services/ReplyRuleService.h"

// WAITING (wizard, until the scripts branch is in main): built-in stand-ins for ScriptService and
// ScriptPlaceholders::fill, replaced by the real calls at the merge. The reply checker is the real one.

namespace IntakeLibrary {

TemplatesJob templates(const Session&, ScriptStep step, qint64, std::optional<EmotionLevel>)
{
    return [step](const WorkerScope&) -> Result<QList<ScriptTemplate>> {
        QList<ScriptTemplate> out;
        ScriptTemplate t;
        t.step = step;
        t.active = true;
        switch (step) {
        case ScriptStep::Acknowledge:
            t.body = QStringLiteral("{称呼}，感谢您告诉我们，我理解您的感受。");
            break;
        case ScriptStep::Restate:
            t.body = QStringLiteral("我复述一下：您反映的是{事项}的问题。");
            break;
        case ScriptStep::Steps:
            t.body = QStringLiteral("我们会由{部门}负责处理，在{承诺时间}前给您答复，案件编号{案件编号}。");
            break;
        default:
            return out;
        }
        out.append(t);
        return out;
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
    QString out = body;
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]+)\\}"));
    auto it = placeholder.globalMatch(body);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString value = values.value(m.captured(1));
        out.replace(m.captured(0), value.isEmpty() ? QStringLiteral("【%1】").arg(m.captured(0)) : value);
    }
    return out;
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
