#pragma once

#include "cases/Intake.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

/**
 * One response script (话术) of the script library: a Chinese template for one step of the conversation, for one
 * category (or every category) and optionally one emotion level, with placeholders such as {称呼} and {承诺时间}.
 */
struct ScriptTemplate
{
    qint64 id = 0;
    ScriptStep step = ScriptStep::Acknowledge;
    qint64 categoryId = 0;               ///< 0 = suits every category
    std::optional<EmotionLevel> emotion; ///< empty = suits every emotion level
    QString title;                       ///< short name for lists
    QString body;                        ///< the text with {placeholders}
    bool active = true;                  ///< retired templates stay for the record but are not offered
    int version = 0;                     ///< raised by every change; an update from an older version is refused
    QDateTime createdAt;
    QString createdBy; ///< login, or "system" for the seeded templates
    QDateTime updatedAt;
    QString updatedBy;
};

/** The placeholders a template may use, and filling them in. */
namespace ScriptPlaceholders {
/**
 * Every known placeholder name without braces: 称呼, 事项, 承诺时间, 案件编号, 窗口, 部门, 受理时间, 诉求, 步骤, 大厅,
 * 电话, 类别, 事实, 影响, 处理结果. A placeholder is written {name}; the full-width ｛name｝ a Chinese input method
 * types is read the same way.
 */
QStringList known();
/**
 * Replaces every {name} with values[name]. A placeholder that is unknown, or known but without a value, stays in
 * the text visibly as 【{name}】 so the clerk sees what is missing; nothing is dropped silently.
 */
QString fill(const QString& body, const QHash<QString, QString>& values);
/** The placeholders a body uses that are not in known(): shown to the admin who edits it. */
QStringList unknownIn(const QString& body);
} // namespace ScriptPlaceholders
