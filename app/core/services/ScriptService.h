#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"
#include "scripts/ScriptTemplate.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>
#include <optional>

class Clock;

/**
 * The response-script library (话术库): every account reads the templates for the step of a conversation; admins
 * (ManageReferenceData) add, edit, retire and reactivate them, each change validated and audited in its transaction.
 */
class ScriptService
{
    Q_DECLARE_TR_FUNCTIONS(ScriptService)

public:
    ScriptService(Session session, const Repositories& repos, const Clock& clock);

    /**
     * The active templates for `step` that suit a case of `categoryId` (0 = none yet) and the emotion heard, best
     * first: those of the category itself, then of its parent category, then the general ones; within each, those for
     * exactly `emotion` before those for every emotion. Without an emotion, every emotion's templates come, the
     * general ones first. For the intake wizard.
     */
    Result<QList<ScriptTemplate>> templates(ScriptStep step, qint64 categoryId, std::optional<EmotionLevel> emotion);
    /** Every template, retired ones too: the admin screen. */
    Result<QList<ScriptTemplate>> all();
    /** Adds `script` (id, version and the created/updated fields are set here); returns it as stored. */
    Result<ScriptTemplate> add(const ScriptTemplate& script);
    /**
     * Changes step, category, emotion, title and body of the template `script.id`, which must still be at
     * `script.version` (else Conflict); returns it as stored. Active or retired stays as it is.
     */
    Result<ScriptTemplate> update(const ScriptTemplate& script);
    /** A retired template is kept for the record but no longer offered. */
    Result<ScriptTemplate> retire(qint64 id);
    Result<ScriptTemplate> reactivate(qint64 id);

    /** Why `script` cannot be stored (an empty text, unknown placeholders, ...), or nullopt. Reads nothing. */
    static std::optional<Error> invalid(const ScriptTemplate& script);

    static constexpr int kMaxTitleLength = 100;
    static constexpr int kMaxBodyLength = 2000;

private:
    /** Permission, the category's existence and the write with its audit entry `action`, in one transaction. */
    Result<ScriptTemplate> change(qint64 id, const QString& action,
                                  const std::function<Status(ScriptTemplate&, QJsonObject&)>& apply);
    Status checkCategory(qint64 categoryId);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
