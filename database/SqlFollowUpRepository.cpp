#include "SqlFollowUpRepository.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace {
const QString kAppealColumns = QStringLiteral(
    "SELECT id, case_id, follow_up_id, rating, reason_kind, reason, requested_by_id, requested_by, requested_at, "
    "state, decided_by_id, decided_by, decided_at, decision_note FROM rating_appeals ");
const QString kRectificationColumns = QStringLiteral(
    "SELECT id, case_id, follow_up_id, bad_rating, stage, started_at, due_at, verified_at, verify_note, rectified_at, "
    "rectify_note, feedback_at, feedback_note, second_due_at, second_follow_up_id, done_at, started_by "
    "FROM rectifications ");
const QString kFollowUpColumns =
    QStringLiteral("SELECT id, case_id, at, method, rating, nps, note, actor_id, actor, excluded FROM follow_ups ");
const QString kPendingAppeals = QStringLiteral("WHERE state = 'pending' ORDER BY requested_at, id LIMIT ?");
const QString kUnrated = QStringLiteral("SELECT id FROM cases WHERE status = 'resolved' AND rating IS NULL "
                                        "AND resolved_at <= ? AND citizen_id IS NOT NULL ORDER BY resolved_at, id "
                                        "LIMIT ?");

FollowUp readFollowUp(const QSqlQuery& q)
{
    FollowUp f;
    f.id = q.value(0).toLongLong();
    f.caseId = q.value(1).toLongLong();
    f.at = SqlContext::toTime(q.value(2));
    f.method = FollowUpMethods::fromCode(q.value(3).toString()).value_or(FollowUpMethod::Phone);
    f.rating = q.value(4).toInt();
    f.nps = SqlContext::toOptionalInt(q.value(5));
    f.note = q.value(6).toString();
    f.actor = {q.value(7).toLongLong(), q.value(8).toString()};
    f.excluded = q.value(9).toInt() != 0;
    return f;
}
} // namespace

Result<QList<RatingAppeal>> SqlFollowUpRepository::appeals(const QString& where, const QVariantList& values)
{
    auto q = m_sql.exec(kAppealColumns + where, values);
    if (!q) {
        return q.error();
    }
    QList<RatingAppeal> result;
    while (q->next()) {
        RatingAppeal a;
        a.id = q->value(0).toLongLong();
        a.caseId = q->value(1).toLongLong();
        a.followUpId = q->value(2).toLongLong();
        a.rating = q->value(3).toInt();
        a.reasonKind = AppealReasons::fromCode(q->value(4).toString()).value_or(AppealReason::Mistaken);
        a.reason = q->value(5).toString();
        a.requestedBy = {q->value(6).toLongLong(), q->value(7).toString()};
        a.requestedAt = SqlContext::toTime(q->value(8));
        a.state = AppealStates::fromCode(q->value(9).toString()).value_or(AppealState::Pending);
        a.decidedBy = {q->value(10).toLongLong(), q->value(11).toString()};
        a.decidedAt = SqlContext::toTime(q->value(12));
        a.decisionNote = q->value(13).toString();
        result.append(a);
    }
    return result;
}

Result<QList<Rectification>> SqlFollowUpRepository::rectifications(const QString& where, const QVariantList& values)
{
    auto q = m_sql.exec(kRectificationColumns + where, values);
    if (!q) {
        return q.error();
    }
    QList<Rectification> result;
    while (q->next()) {
        Rectification r;
        r.id = q->value(0).toLongLong();
        r.caseId = q->value(1).toLongLong();
        r.followUpId = q->value(2).toLongLong();
        r.badRating = q->value(3).toInt();
        r.stage = RectificationStages::fromCode(q->value(4).toString()).value_or(RectificationStage::Done);
        r.startedAt = SqlContext::toTime(q->value(5));
        r.dueAt = SqlContext::toTime(q->value(6));
        r.verifiedAt = SqlContext::toTime(q->value(7));
        r.verifyNote = q->value(8).toString();
        r.rectifiedAt = SqlContext::toTime(q->value(9));
        r.rectifyNote = q->value(10).toString();
        r.feedbackAt = SqlContext::toTime(q->value(11));
        r.feedbackNote = q->value(12).toString();
        r.secondDueAt = SqlContext::toTime(q->value(13));
        r.secondFollowUpId = q->value(14).toLongLong();
        r.doneAt = SqlContext::toTime(q->value(15));
        r.startedBy = q->value(16).toString();
        result.append(r);
    }
    return result;
}

Result<FollowUpRecord> SqlFollowUpRepository::record(qint64 caseId)
{
    FollowUpRecord record;
    {
        auto q = m_sql.exec(kFollowUpColumns + QStringLiteral("WHERE case_id = ? ORDER BY id"), {caseId});
        if (!q) {
            return q.error();
        }
        while (q->next()) {
            record.followUps.append(readFollowUp(*q));
        }
    }
    {
        auto q = m_sql.exec(QStringLiteral("SELECT id, case_id, at, method, note, actor_id, actor "
                                           "FROM follow_up_attempts WHERE case_id = ? ORDER BY id"),
                            {caseId});
        if (!q) {
            return q.error();
        }
        while (q->next()) {
            FollowUpAttempt a;
            a.id = q->value(0).toLongLong();
            a.caseId = q->value(1).toLongLong();
            a.at = SqlContext::toTime(q->value(2));
            a.method = FollowUpMethods::fromCode(q->value(3).toString()).value_or(FollowUpMethod::Phone);
            a.note = q->value(4).toString();
            a.actor = {q->value(5).toLongLong(), q->value(6).toString()};
            record.attempts.append(a);
        }
    }
    const auto latest = latestRectification(caseId);
    if (!latest) {
        return latest.error();
    }
    record.rectification = *latest;
    auto all = appeals(QStringLiteral("WHERE case_id = ? ORDER BY id"), {caseId});
    if (!all) {
        return all.error();
    }
    record.appeals = *all;
    return record;
}

Result<qint64> SqlFollowUpRepository::addAttempt(const FollowUpAttempt& a)
{
    const auto id = m_sql.scalar(QStringLiteral("INSERT INTO follow_up_attempts (case_id, at, method, note, actor_id, "
                                                "actor) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                                 {a.caseId, SqlContext::time(a.at), FollowUpMethods::code(a.method), a.note,
                                  SqlContext::id(a.actor.id), a.actor.name});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<std::optional<Rectification>> SqlFollowUpRepository::latestRectification(qint64 caseId)
{
    auto found = rectifications(QStringLiteral("WHERE case_id = ? ORDER BY id DESC LIMIT 1"), {caseId});
    if (!found) {
        return found.error();
    }
    if (found->isEmpty()) {
        return std::optional<Rectification>();
    }
    return std::optional<Rectification>(found->constFirst());
}

Result<qint64> SqlFollowUpRepository::insertRectification(const Rectification& r)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO rectifications (case_id, follow_up_id, bad_rating, stage, started_at, due_at, "
                       "started_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {r.caseId, SqlContext::id(r.followUpId), r.badRating, RectificationStages::code(r.stage),
         SqlContext::time(r.startedAt), SqlContext::time(r.dueAt), r.startedBy});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlFollowUpRepository::updateRectification(const Rectification& r)
{
    return m_sql.execOne(
        QStringLiteral("UPDATE rectifications SET stage = ?, verified_at = ?, verify_note = ?, rectified_at = ?, "
                       "rectify_note = ?, feedback_at = ?, feedback_note = ?, second_due_at = ?, "
                       "second_follow_up_id = ?, done_at = ? WHERE id = ?"),
        {RectificationStages::code(r.stage), SqlContext::time(r.verifiedAt), r.verifyNote,
         SqlContext::time(r.rectifiedAt), r.rectifyNote, SqlContext::time(r.feedbackAt), r.feedbackNote,
         SqlContext::time(r.secondDueAt), SqlContext::id(r.secondFollowUpId), SqlContext::time(r.doneAt), r.id});
}

Result<FollowUp> SqlFollowUpRepository::latestFollowUp(qint64 caseId)
{
    auto q = m_sql.exec(kFollowUpColumns + QStringLiteral("WHERE case_id = ? ORDER BY id DESC LIMIT 1"), {caseId});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return FollowUp{};
    }
    return readFollowUp(*q);
}

Status SqlFollowUpRepository::setFollowUpExcluded(qint64 followUpId, bool excluded)
{
    return m_sql.execOne(QStringLiteral("UPDATE follow_ups SET excluded = ? WHERE id = ?"),
                         {excluded ? 1 : 0, followUpId});
}

Result<RatingAppeal> SqlFollowUpRepository::appeal(qint64 appealId)
{
    auto found = appeals(QStringLiteral("WHERE id = ?"), {appealId});
    if (!found) {
        return found.error();
    }
    if (found->isEmpty()) {
        return Error::make(Error::Code::NotFound, tr("The appeal does not exist."));
    }
    return found->constFirst();
}

Result<qint64> SqlFollowUpRepository::insertAppeal(const RatingAppeal& a)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO rating_appeals (case_id, follow_up_id, rating, reason_kind, reason, "
                       "requested_by_id, requested_by, requested_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "RETURNING id"),
        {a.caseId, SqlContext::id(a.followUpId), a.rating, AppealReasons::code(a.reasonKind), a.reason,
         SqlContext::id(a.requestedBy.id), a.requestedBy.name, SqlContext::time(a.requestedAt),
         AppealStates::code(a.state)});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlFollowUpRepository::decideAppeal(const RatingAppeal& a)
{
    return m_sql.execOne(QStringLiteral("UPDATE rating_appeals SET state = ?, decided_by_id = ?, decided_by = ?, "
                                        "decided_at = ?, decision_note = ? WHERE id = ? AND state = 'pending'"),
                         {AppealStates::code(a.state), SqlContext::id(a.decidedBy.id), a.decidedBy.name,
                          SqlContext::time(a.decidedAt), a.decisionNote, a.id});
}

Result<QList<RatingAppeal>> SqlFollowUpRepository::pendingAppeals(int limit)
{
    return appeals(kPendingAppeals, {limit});
}

Result<QList<qint64>> SqlFollowUpRepository::unratedResolvedCases(const QDateTime& resolvedBefore, int limit)
{
    auto q = m_sql.exec(kUnrated, {SqlContext::time(resolvedBefore), limit});
    if (!q) {
        return q.error();
    }
    QList<qint64> ids;
    while (q->next()) {
        ids.append(q->value(0).toLongLong());
    }
    return ids;
}

Result<RatingFigures> SqlFollowUpRepository::figures(const QDateTime& from, const QDateTime& to)
{
    // One pass over the period's cases (the received_at index): a rating counts unless an appeal left it out.
    auto q = m_sql.exec(QStringLiteral("SELECT COUNT(CASE WHEN rating_excluded = 0 THEN rating END), "
                                       "COUNT(CASE WHEN rating_excluded = 0 AND rating >= 4 THEN 1 END), "
                                       "COUNT(CASE WHEN rating_excluded = 0 THEN nps END), "
                                       "COUNT(CASE WHEN rating_excluded = 0 AND nps >= 9 THEN 1 END), "
                                       "COUNT(CASE WHEN rating_excluded = 0 AND nps <= 6 THEN 1 END), "
                                       "COUNT(CASE WHEN rating_excluded <> 0 THEN rating END) "
                                       "FROM cases WHERE received_at >= ? AND received_at < ?"),
                        {SqlContext::time(from), SqlContext::time(to)});
    if (!q) {
        return q.error();
    }
    RatingFigures f;
    if (q->next()) {
        f.csatN = q->value(0).toInt();
        f.satisfied = q->value(1).toInt();
        f.npsN = q->value(2).toInt();
        f.promoters = q->value(3).toInt();
        f.detractors = q->value(4).toInt();
        f.excludedN = q->value(5).toInt();
    }
    return f;
}

Result<QStringList> SqlFollowUpRepository::explainPendingAppeals() const
{
    return m_sql.explain(kAppealColumns + kPendingAppeals, {50});
}

Result<QStringList> SqlFollowUpRepository::explainUnratedResolved(const QDateTime& resolvedBefore) const
{
    return m_sql.explain(kUnrated, {SqlContext::time(resolvedBefore), 500});
}

Result<QStringList> SqlFollowUpRepository::explainCaseRows() const
{
    QStringList lines;
    for (const QString& table :
         {QStringLiteral("follow_up_attempts"), QStringLiteral("rectifications"), QStringLiteral("rating_appeals")}) {
        const auto plan = m_sql.explain(
            QStringLiteral("SELECT id FROM %1 WHERE case_id = ? ORDER BY id DESC LIMIT 1").arg(table), {1});
        if (!plan) {
            return plan.error();
        }
        lines << *plan;
    }
    return lines;
}
