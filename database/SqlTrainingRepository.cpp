#include "SqlTrainingRepository.h"

#include <algorithm>

namespace {
QVariant optionalRating(const std::optional<int>& rating)
{
    return SqlContext::optionalInt(rating);
}
} // namespace

Result<qint64> SqlTrainingRepository::insert(const TrainingCase& t, qint64 sourceCaseId)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO training_cases (title, category, service_item, channel, outcome, rating, "
                       "complaint_text, facts, impact, steps, trainer_note, source_case_id, created_at, created_by, "
                       "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {t.title, t.category, t.serviceItem, t.channel, t.outcome, optionalRating(t.rating), t.complaintText, t.facts,
         t.impact, t.steps, t.trainerNote, SqlContext::id(sourceCaseId), SqlContext::time(t.createdAt),
         t.createdBy.name, SqlContext::time(t.updatedAt), t.version});
    if (!id) {
        return id.error();
    }
    const qint64 newId = id->toLongLong();
    if (auto s = insertStages(newId, t.stages); !s) {
        return s.error();
    }
    for (const TrainingEvent& e : t.timeline) {
        auto q = m_sql.exec(
            QStringLiteral("INSERT INTO training_events (training_case_id, at, kind, note) VALUES (?, ?, ?, ?)"),
            {newId, SqlContext::time(e.at), e.kind, e.note});
        if (!q) {
            return q.error();
        }
    }
    return newId;
}

Status SqlTrainingRepository::insertStages(qint64 id, const QList<TrainingStage>& stages)
{
    for (const TrainingStage& s : stages) {
        auto q = m_sql.exec(QStringLiteral("INSERT INTO training_stages (training_case_id, stage, citizen_text, "
                                           "emotion, model_answer) VALUES (?, ?, ?, ?, ?)"),
                            {id, DrillCodes::code(s.stage), s.citizenText, s.emotion, s.modelAnswer});
        if (!q) {
            return q.error();
        }
    }
    return {};
}

Status SqlTrainingRepository::update(const TrainingCase& t)
{
    if (auto s = m_sql.execOne(QStringLiteral("UPDATE training_cases SET title = ?, trainer_note = ?, updated_at = ?, "
                                              "version = ? WHERE id = ?"),
                               {t.title, t.trainerNote, SqlContext::time(t.updatedAt), t.version, t.id});
        !s) {
        return s;
    }
    auto q = m_sql.exec(QStringLiteral("DELETE FROM training_stages WHERE training_case_id = ?"), {t.id});
    if (!q) {
        return q.error();
    }
    return insertStages(t.id, t.stages);
}

Status SqlTrainingRepository::remove(qint64 id)
{
    for (const char* table : {"training_stages", "training_events"}) {
        auto q =
            m_sql.exec(QStringLiteral("DELETE FROM %1 WHERE training_case_id = ?").arg(QLatin1String(table)), {id});
        if (!q) {
            return q.error();
        }
    }
    return m_sql.execOne(QStringLiteral("DELETE FROM training_cases WHERE id = ?"), {id});
}

Result<TrainingCase> SqlTrainingRepository::find(qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT id, title, category, service_item, channel, outcome, rating, "
                                       "complaint_text, facts, impact, steps, trainer_note, created_at, created_by, "
                                       "updated_at, version FROM training_cases WHERE id = ?"),
                        {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("Training case %1 does not exist.").arg(id));
    }
    TrainingCase t;
    t.id = q->value(0).toLongLong();
    t.title = q->value(1).toString();
    t.category = q->value(2).toString();
    t.serviceItem = q->value(3).toString();
    t.channel = q->value(4).toString();
    t.outcome = q->value(5).toString();
    t.rating = SqlContext::toOptionalInt(q->value(6));
    t.complaintText = q->value(7).toString();
    t.facts = q->value(8).toString();
    t.impact = q->value(9).toString();
    t.steps = q->value(10).toString();
    t.trainerNote = q->value(11).toString();
    t.createdAt = SqlContext::toTime(q->value(12));
    t.createdBy = {0, q->value(13).toString()};
    t.updatedAt = SqlContext::toTime(q->value(14));
    t.version = q->value(15).toInt();

    auto stages = m_sql.exec(QStringLiteral("SELECT stage, citizen_text, emotion, model_answer FROM training_stages "
                                            "WHERE training_case_id = ?"),
                             {id});
    if (!stages) {
        return stages.error();
    }
    while (stages->next()) {
        const auto stage = DrillCodes::stageFromCode(stages->value(0).toString());
        if (!stage) {
            continue;
        }
        t.stages.append(TrainingStage{*stage, stages->value(1).toString(), stages->value(2).toString(),
                                      stages->value(3).toString()});
    }
    std::sort(t.stages.begin(), t.stages.end(),
              [](const TrainingStage& a, const TrainingStage& b) { return int(a.stage) < int(b.stage); });

    auto events = m_sql.exec(QStringLiteral("SELECT at, kind, note FROM training_events WHERE training_case_id = ? "
                                            "ORDER BY at, id"),
                             {id});
    if (!events) {
        return events.error();
    }
    while (events->next()) {
        t.timeline.append(TrainingEvent{SqlContext::toTime(events->value(0)), events->value(1).toString(),
                                        events->value(2).toString()});
    }
    return t;
}

Result<QList<TrainingSummary>> SqlTrainingRepository::list(const TrainingFilter& filter)
{
    QStringList where;
    QVariantList values;
    if (!filter.category.isEmpty()) {
        where << QStringLiteral("t.category = ?");
        values << filter.category;
    }
    if (!filter.text.trimmed().isEmpty()) {
        // ILIKE on PostgreSQL: a title is matched as on SQLite, ASCII case-insensitively.
        where << QStringLiteral("t.title %1 ? ESCAPE '\\'").arg(m_sql.dialect().likeOperator());
        values << SqlContext::containsPattern(filter.text.trimmed());
    }
    QString sql = QStringLiteral("SELECT t.id, t.title, t.category, t.service_item, t.outcome, t.rating, "
                                 "t.created_at, t.updated_at, t.version, "
                                 "(SELECT COUNT(*) FROM training_stages s WHERE s.training_case_id = t.id) "
                                 "FROM training_cases t");
    if (!where.isEmpty()) {
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    }
    sql += QStringLiteral(" ORDER BY t.created_at DESC, t.id DESC LIMIT ?");
    values << std::max(1, filter.limit);
    auto q = m_sql.exec(sql, values);
    if (!q) {
        return q.error();
    }
    QList<TrainingSummary> result;
    while (q->next()) {
        TrainingSummary s;
        s.id = q->value(0).toLongLong();
        s.title = q->value(1).toString();
        s.category = q->value(2).toString();
        s.serviceItem = q->value(3).toString();
        s.outcome = q->value(4).toString();
        s.rating = SqlContext::toOptionalInt(q->value(5));
        s.createdAt = SqlContext::toTime(q->value(6));
        s.updatedAt = SqlContext::toTime(q->value(7));
        s.version = q->value(8).toInt();
        s.stageCount = q->value(9).toInt();
        result.append(s);
    }
    return result;
}

Result<QStringList> SqlTrainingRepository::categories()
{
    auto q = m_sql.exec(QStringLiteral("SELECT DISTINCT category FROM training_cases WHERE category <> ''"));
    if (!q) {
        return q.error();
    }
    QStringList out;
    while (q->next()) {
        out << q->value(0).toString();
    }
    // Sorted here, not by the databases' differing collations.
    std::sort(out.begin(), out.end(), [](const QString& a, const QString& b) { return a.localeAwareCompare(b) < 0; });
    return out;
}

Result<qint64> SqlTrainingRepository::sourceCaseId(qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT source_case_id FROM training_cases WHERE id = ?"), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("Training case %1 does not exist.").arg(id));
    }
    return q->value(0).toLongLong();
}

Result<qint64> SqlTrainingRepository::builtFrom(qint64 caseId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT id FROM training_cases WHERE source_case_id = ?"), {caseId});
    if (!q) {
        return q.error();
    }
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<QList<TrainingRepository::CandidateRow>> SqlTrainingRepository::candidates(const TrainingCandidateFilter& filter)
{
    // The columns a preview needs and nothing of the citizen but the id (the service reads the citizen only to
    // anonymize).
    QStringList where{QStringLiteral("c.status = 'closed'")};
    QVariantList values;
    if (filter.categoryId != 0) {
        where << QStringLiteral("c.category_id = ?");
        values << filter.categoryId;
    }
    if (!filter.outcome.isEmpty()) {
        where << QStringLiteral("c.reasonableness = ?");
        values << filter.outcome;
    }
    if (filter.minRating) {
        where << QStringLiteral("c.rating >= ?");
        values << *filter.minRating;
    }
    if (filter.maxRating) {
        where << QStringLiteral("c.rating <= ?");
        values << *filter.maxRating;
    }
    if (!filter.risk.isEmpty()) {
        where << QStringLiteral("c.risk_level = ?");
        values << filter.risk;
    }
    if (filter.closedFrom.isValid()) {
        where << QStringLiteral("c.closed_at >= ?");
        values << filter.closedFrom.startOfDay().toSecsSinceEpoch();
    }
    if (filter.closedTo.isValid()) {
        where << QStringLiteral("c.closed_at < ?");
        values << filter.closedTo.addDays(1).startOfDay().toSecsSinceEpoch();
    }
    values << std::max(1, filter.limit);
    auto q = m_sql.exec(
        QStringLiteral("SELECT c.id, c.case_no, c.closed_at, COALESCE(g.name, ''), COALESCE(s.name, ''), c.rating, "
                       "COALESCE(c.reasonableness, ''), COALESCE(c.emotion, ''), c.complaint_text, c.citizen_id, "
                       "t.id, COALESCE(c.risk_level, '') FROM cases c "
                       "LEFT JOIN categories g ON g.id = c.category_id "
                       "LEFT JOIN service_items s ON s.id = c.service_item_id "
                       "LEFT JOIN training_cases t ON t.source_case_id = c.id WHERE ") +
            where.join(QStringLiteral(" AND ")) + QStringLiteral(" ORDER BY c.closed_at DESC, c.id DESC LIMIT ?"),
        values);
    if (!q) {
        return q.error();
    }
    QList<CandidateRow> result;
    while (q->next()) {
        CandidateRow row;
        TrainingCandidate& c = row.candidate;
        c.caseId = q->value(0).toLongLong();
        c.caseNo = q->value(1).toString();
        c.closedAt = SqlContext::toTime(q->value(2));
        c.category = q->value(3).toString();
        c.serviceItem = q->value(4).toString();
        c.rating = SqlContext::toOptionalInt(q->value(5));
        c.outcome = q->value(6).toString();
        c.emotion = q->value(7).toString();
        row.complaintText = q->value(8).toString();
        row.citizenId = q->value(9).toLongLong();
        c.trainingCaseId = q->value(10).toLongLong();
        c.risk = q->value(11).toString();
        result.append(row);
    }
    return result;
}
