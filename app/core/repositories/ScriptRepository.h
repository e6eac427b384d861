#pragma once

#include "common/Result.h"
#include "scripts/ScriptTemplate.h"

#include <QList>

#include <optional>

/** Storage of the response-script library (话术库): templates are added and changed, retired, never deleted. */
class ScriptRepository
{
public:
    virtual ~ScriptRepository() = default;

    /** Active and retired templates, of one step or of all, ordered by step, category, emotion and id. */
    virtual Result<QList<ScriptTemplate>> list(std::optional<ScriptStep> step = std::nullopt) = 0;
    virtual Result<ScriptTemplate> find(qint64 id) = 0;
    /** Stores a new template with its createdAt/By (also its first updatedAt/By); returns the new id. */
    virtual Result<qint64> insert(const ScriptTemplate& script) = 0;
    /**
     * Writes every field of the template whose id is `script.id` and whose stored version is still `script.version`,
     * raising the version by one; Conflict when another desk changed it meanwhile, NotFound when it does not exist.
     */
    virtual Status update(const ScriptTemplate& script) = 0;
};
