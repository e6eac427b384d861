#include "intake/IntakeLibrary.h"

#include <QCoreApplication>
#include <QRegularExpression>

// WAITING (wizard, until the scripts and replycheck branches are in main): built-in stand-ins for ScriptService,
// ScriptPlaceholders::fill, ReplyRuleService and ReplyChecker. Replaced by the real calls at the merge.

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

RulesJob replyRules(const Session&)
{
    return [](const WorkerScope&) -> Result<QList<ReplyRule>> {
        return QList<ReplyRule>{};
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

QList<ReplyFinding> check(const QList<ReplyRule>&, const QString&)
{
    return {};
}

QString kindLabel(ReplyFindingKind kind)
{
    switch (kind) {
    case ReplyFindingKind::Defensive:
        return QCoreApplication::translate("IntakeLibrary", "Defensive");
    case ReplyFindingKind::OverPromise:
        return QCoreApplication::translate("IntakeLibrary", "Over-promise");
    case ReplyFindingKind::MissingEmpathy:
        return QCoreApplication::translate("IntakeLibrary", "Missing empathy");
    case ReplyFindingKind::MissingSteps:
        return QCoreApplication::translate("IntakeLibrary", "Missing steps");
    case ReplyFindingKind::MissingTime:
        return QCoreApplication::translate("IntakeLibrary", "Missing time");
    }
    return {};
}

} // namespace IntakeLibrary
