#include "SqlScriptRepository.h"

namespace {
const QLatin1String kColumns("id, step, category_id, emotion, title, body, active, version, created_at, created_by, "
                             "updated_at, updated_by");
// The order the admin list and the wizard start from: by step, general before category-specific, then emotion.
const QLatin1String kOrder(" ORDER BY step, COALESCE(category_id, 0), COALESCE(emotion, ''), id");

/** A stored row; a step code this build does not know is reported instead of guessed. */
Result<ScriptTemplate> scriptFrom(const QSqlQuery& q)
{
    ScriptTemplate s;
    s.id = q.value(0).toLongLong();
    const auto step = IntakeCodes::scriptStepFromCode(q.value(1).toString());
    if (!step) {
        return Error::make(Error::Code::Storage, QCoreApplication::translate(
                                                     "SqlScriptRepository", "The script %1 has an unknown step \"%2\".")
                                                     .arg(s.id)
                                                     .arg(q.value(1).toString()));
    }
    s.step = *step;
    s.categoryId = q.value(2).toLongLong();
    if (!q.value(3).isNull()) {
        s.emotion = IntakeCodes::emotionFromCode(q.value(3).toString());
    }
    s.title = q.value(4).toString();
    s.body = q.value(5).toString();
    s.active = q.value(6).toInt() != 0;
    s.version = q.value(7).toInt();
    s.createdAt = SqlContext::toTime(q.value(8));
    s.createdBy = q.value(9).toString();
    s.updatedAt = SqlContext::toTime(q.value(10));
    s.updatedBy = q.value(11).toString();
    return s;
}

QVariant emotionValue(const std::optional<EmotionLevel>& emotion)
{
    return emotion ? QVariant(IntakeCodes::code(*emotion)) : QVariant();
}
} // namespace

Result<QList<ScriptTemplate>> SqlScriptRepository::list(std::optional<ScriptStep> step)
{
    auto q = step ? m_sql.exec(QStringLiteral("SELECT %1 FROM script_templates WHERE step = ?%2").arg(kColumns, kOrder),
                               {IntakeCodes::code(*step)})
                  : m_sql.exec(QStringLiteral("SELECT %1 FROM script_templates%2").arg(kColumns, kOrder));
    if (!q) {
        return q.error();
    }
    QList<ScriptTemplate> result;
    while (q->next()) {
        auto script = scriptFrom(*q);
        if (!script) {
            return script.error();
        }
        result.append(std::move(script).value());
    }
    return result;
}

Result<ScriptTemplate> SqlScriptRepository::find(qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT %1 FROM script_templates WHERE id = ?").arg(kColumns), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("The script %1 no longer exists.").arg(id));
    }
    return scriptFrom(*q);
}

Result<qint64> SqlScriptRepository::insert(const ScriptTemplate& script)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, "
                       "created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) "
                       "RETURNING id"),
        {IntakeCodes::code(script.step), SqlContext::id(script.categoryId), emotionValue(script.emotion), script.title,
         script.body, script.active ? 1 : 0, SqlContext::time(script.createdAt), script.createdBy,
         SqlContext::time(script.createdAt), script.createdBy});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlScriptRepository::update(const ScriptTemplate& script)
{
    const auto q = m_sql.exec(
        QStringLiteral(
            "UPDATE script_templates SET step = ?, category_id = ?, emotion = ?, title = ?, body = ?, "
            "active = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?"),
        {IntakeCodes::code(script.step), SqlContext::id(script.categoryId), emotionValue(script.emotion), script.title,
         script.body, script.active ? 1 : 0, SqlContext::time(script.updatedAt), script.updatedBy, script.id,
         script.version});
    if (!q) {
        return q.error();
    }
    if (q->numRowsAffected() == 1) {
        return {};
    }
    const auto exists = m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM script_templates WHERE id = ?"), {script.id});
    if (!exists) {
        return exists.error();
    }
    if (exists->toInt() == 0) {
        return Error::make(Error::Code::NotFound, tr("The script %1 no longer exists.").arg(script.id));
    }
    return Error::make(Error::Code::Conflict,
                       tr("Someone else changed the script \"%1\" meanwhile. Load it again and repeat your change.")
                           .arg(script.title));
}
