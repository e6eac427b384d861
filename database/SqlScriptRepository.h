#pragma once

#include "SqlSupport.h"
#include "repositories/ScriptRepository.h"

/** The response-script library in the table script_templates (migration 0008). */
class SqlScriptRepository final : public ScriptRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlScriptRepository)

public:
    explicit SqlScriptRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<QList<ScriptTemplate>> list(std::optional<ScriptStep> step = std::nullopt) override;
    Result<ScriptTemplate> find(qint64 id) override;
    Result<qint64> insert(const ScriptTemplate& script) override;
    Status update(const ScriptTemplate& script) override;

private:
    const SqlContext& m_sql;
};
