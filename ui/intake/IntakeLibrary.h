#pragma once

#include "common/Result.h"
#include "reply/ReplyChecker.h"
#include "scripts/ScriptTemplate.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>

/**
 * What the intake takes from the script library (话术库) and the reply checker: the one place the wizard calls
 * ScriptService, ScriptPlaceholders, ReplyRuleService and ReplyChecker.
 */
namespace IntakeLibrary {

using TemplatesJob = std::function<Result<QList<ScriptTemplate>>(const WorkerScope&)>;
using RulesJob = std::function<Result<QList<ReplyRule>>(const WorkerScope&)>;

/** The active templates of a step for the category (and emotion level), best first; for the worker. */
TemplatesJob templates(const Session& session, ScriptStep step, qint64 categoryId, std::optional<EmotionLevel> emotion);
/** The reply checker's active rules; for the worker. */
RulesJob replyRules(const Session& session);

/** A template body with its placeholders filled; unknown or empty ones stay visible. */
QString fill(const QString& body, const QHash<QString, QString>& values);
/** The checker's findings on a reply. */
QList<ReplyFinding> check(const QList<ReplyRule>& rules, const QString& reply);
/** The translated name of a finding's kind. */
QString kindLabel(ReplyFindingKind kind);

} // namespace IntakeLibrary
