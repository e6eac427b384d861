#include "SqlDrillResultRepository.h"

#include <algorithm>

namespace {
const QLatin1String kSummaryColumns(
    "r.id, r.training_case_id, r.training_title, r.trainee_id, COALESCE(NULLIF(u.display_name, ''), u.login, ''), "
    "r.started_at, r.finished_at, r.time_limit_seconds, r.points, r.max_points");
const QLatin1String kFrom(" FROM drill_results r LEFT JOIN users u ON u.id = r.trainee_id");

DrillResultSummary summaryFrom(const QSqlQuery& q)
{
    DrillResultSummary s;
    s.id = q.value(0).toLongLong();
    s.trainingCaseId = q.value(1).toLongLong();
    s.trainingTitle = q.value(2).toString();
    s.trainee = {q.value(3).toLongLong(), q.value(4).toString()};
    s.startedAt = SqlContext::toTime(q.value(5));
    s.finishedAt = SqlContext::toTime(q.value(6));
    s.timeLimitSeconds = q.value(7).toInt();
    s.points = q.value(8).toInt();
    s.maxPoints = q.value(9).toInt();
    return s;
}

/** The finished-time range of a list or of the missed criteria; an invalid end is open. */
void addRange(QStringList& where, QVariantList& values, const QDateTime& from, const QDateTime& to)
{
    if (from.isValid()) {
        where << QStringLiteral("r.finished_at >= ?");
        values << SqlContext::time(from);
    }
    if (to.isValid()) {
        where << QStringLiteral("r.finished_at < ?");
        values << SqlContext::time(to);
    }
}

QString whereClause(const QStringList& where)
{
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}
} // namespace

Result<qint64> SqlDrillResultRepository::insert(const DrillResult& r)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO drill_results (training_case_id, training_title, trainee_id, started_at, "
                       "finished_at, time_limit_seconds, points, max_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                       "RETURNING id"),
        {r.trainingCaseId, r.trainingTitle, r.trainee.id, SqlContext::time(r.startedAt), SqlContext::time(r.finishedAt),
         r.timeLimitSeconds, r.points(), r.maxPoints()});
    if (!id) {
        return id.error();
    }
    const qint64 resultId = id->toLongLong();
    for (const StageScore& stage : r.stages) {
        const QString stageCode = DrillCodes::code(stage.answer.stage);
        if (auto s = m_sql.execOne(
                QStringLiteral("INSERT INTO drill_answers (result_id, stage, text, seconds) VALUES (?, ?, ?, ?)"),
                {resultId, stageCode, stage.answer.text, stage.answer.seconds});
            !s) {
            return s.error();
        }
        for (const CriterionScore& c : stage.criteria) {
            if (auto s = m_sql.execOne(
                    QStringLiteral("INSERT INTO drill_scores (result_id, stage, criterion, points, "
                                   "max_points, reason) VALUES (?, ?, ?, ?, ?, ?)"),
                    {resultId, stageCode, DrillCodes::code(c.criterion), c.points, c.maxPoints, c.reason});
                !s) {
                return s.error();
            }
        }
    }
    return resultId;
}

Result<DrillResult> SqlDrillResultRepository::find(qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT ") + kSummaryColumns + kFrom + QStringLiteral(" WHERE r.id = ?"), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("Drill result %1 does not exist.").arg(id));
    }
    const DrillResultSummary s = summaryFrom(*q);
    DrillResult r;
    r.id = s.id;
    r.trainingCaseId = s.trainingCaseId;
    r.trainingTitle = s.trainingTitle;
    r.trainee = s.trainee;
    r.startedAt = s.startedAt;
    r.finishedAt = s.finishedAt;
    r.timeLimitSeconds = s.timeLimitSeconds;

    auto answers =
        m_sql.exec(QStringLiteral("SELECT stage, text, seconds FROM drill_answers WHERE result_id = ?"), {id});
    if (!answers) {
        return answers.error();
    }
    while (answers->next()) {
        StageScore stage;
        stage.answer.stage = DrillCodes::stageFromCode(answers->value(0).toString()).value_or(DrillStage::Listen);
        stage.answer.text = answers->value(1).toString();
        stage.answer.seconds = answers->value(2).toInt();
        r.stages << stage;
    }
    std::sort(r.stages.begin(), r.stages.end(),
              [](const StageScore& a, const StageScore& b) { return a.answer.stage < b.answer.stage; });

    auto scores = m_sql.exec(
        QStringLiteral("SELECT stage, criterion, points, max_points, reason FROM drill_scores WHERE result_id = ?"),
        {id});
    if (!scores) {
        return scores.error();
    }
    while (scores->next()) {
        const auto stage = DrillCodes::stageFromCode(scores->value(0).toString());
        const auto criterion = DrillCodes::criterionFromCode(scores->value(1).toString());
        if (!stage || !criterion) {
            continue;
        }
        for (StageScore& st : r.stages) {
            if (st.answer.stage == *stage) {
                CriterionScore c;
                c.criterion = *criterion;
                c.points = scores->value(2).toInt();
                c.maxPoints = scores->value(3).toInt();
                c.reason = scores->value(4).toString();
                st.criteria << c;
            }
        }
    }
    for (StageScore& st : r.stages) {
        std::sort(st.criteria.begin(), st.criteria.end(),
                  [](const CriterionScore& a, const CriterionScore& b) { return a.criterion < b.criterion; });
    }
    return r;
}

QString SqlDrillResultRepository::listSql(const DrillResultFilter& filter, QVariantList& values)
{
    QStringList where;
    // One trainee: a range of drill_results_trainee; the team: a range of drill_results_finished.
    if (filter.traineeId != 0) {
        where << QStringLiteral("r.trainee_id = ?");
        values << filter.traineeId;
    }
    addRange(where, values, filter.from, filter.to);
    values << std::max(1, filter.limit);
    return QStringLiteral("SELECT ") + kSummaryColumns + kFrom + whereClause(where) +
           QStringLiteral(" ORDER BY r.finished_at DESC, r.id DESC LIMIT ?");
}

Result<QList<DrillResultSummary>> SqlDrillResultRepository::list(const DrillResultFilter& filter)
{
    QVariantList values;
    const QString sql = listSql(filter, values);
    auto q = m_sql.exec(sql, values);
    if (!q) {
        return q.error();
    }
    QList<DrillResultSummary> out;
    while (q->next()) {
        out << summaryFrom(*q);
    }
    return out;
}

Result<QStringList> SqlDrillResultRepository::explainList(const DrillResultFilter& filter) const
{
    QVariantList values;
    const QString sql = listSql(filter, values);
    return m_sql.explain(sql, values);
}

QString SqlDrillResultRepository::missedSql(const QDateTime& from, const QDateTime& to, qint64 traineeId,
                                            QVariantList& values)
{
    QStringList where;
    if (traineeId != 0) {
        where << QStringLiteral("r.trainee_id = ?");
        values << traineeId;
    }
    addRange(where, values, from, to);
    return QStringLiteral("SELECT s.criterion, COUNT(*), SUM(CASE WHEN s.points < s.max_points THEN 1 ELSE 0 END) "
                          "FROM drill_results r JOIN drill_scores s ON s.result_id = r.id") +
           whereClause(where) + QStringLiteral(" GROUP BY s.criterion");
}

Result<QList<MissedCriterion>> SqlDrillResultRepository::missedCriteria(const QDateTime& from, const QDateTime& to,
                                                                        qint64 traineeId)
{
    QVariantList values;
    const QString sql = missedSql(from, to, traineeId, values);
    auto q = m_sql.exec(sql, values);
    if (!q) {
        return q.error();
    }
    QList<MissedCriterion> out;
    while (q->next()) {
        const auto criterion = DrillCodes::criterionFromCode(q->value(0).toString());
        if (!criterion) {
            continue;
        }
        MissedCriterion m;
        m.criterion = *criterion;
        m.scored = q->value(1).toInt();
        m.missed = q->value(2).toInt();
        out << m;
    }
    return out;
}

Result<QStringList> SqlDrillResultRepository::explainMissedCriteria(const QDateTime& from, const QDateTime& to,
                                                                    qint64 traineeId) const
{
    QVariantList values;
    const QString sql = missedSql(from, to, traineeId, values);
    return m_sql.explain(sql, values);
}

Result<QList<Ref>> SqlDrillResultRepository::trainees()
{
    // One row per trainee through drill_results_trainee; the names from users (a few rows).
    auto q = m_sql.exec(QStringLiteral("SELECT t.trainee_id, COALESCE(NULLIF(u.display_name, ''), u.login, '') "
                                       "FROM (SELECT DISTINCT trainee_id FROM drill_results) t "
                                       "LEFT JOIN users u ON u.id = t.trainee_id"));
    if (!q) {
        return q.error();
    }
    QList<Ref> out;
    while (q->next()) {
        out << Ref{q->value(0).toLongLong(), q->value(1).toString()};
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Ref& a, const Ref& b) { return a.name.localeAwareCompare(b.name) < 0; });
    return out;
}
