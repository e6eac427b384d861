#include "SqlCrisisRepository.h"

namespace {
const QLatin1String kColumns("SELECT k.id, k.title, k.opened_at, k.opened_by_id, "
                             "COALESCE(NULLIF(uo.display_name, ''), k.opened_by), k.golden_hours, k.spokesperson, "
                             "k.statement_at, k.closed_at, k.closed_by_id, "
                             "COALESCE(NULLIF(uc.display_name, ''), k.closed_by), k.close_note, "
                             "(SELECT COUNT(*) FROM crisis_cases cc WHERE cc.crisis_id = k.id) "
                             "FROM crises k LEFT JOIN users uo ON uo.id = k.opened_by_id "
                             "LEFT JOIN users uc ON uc.id = k.closed_by_id ");

Crisis crisisFrom(const QSqlQuery& q)
{
    Crisis k;
    k.id = q.value(0).toLongLong();
    k.title = q.value(1).toString();
    k.openedAt = SqlContext::toTime(q.value(2));
    k.openedBy = {q.value(3).toLongLong(), q.value(4).toString()};
    k.goldenHours = q.value(5).toInt();
    k.spokesperson = q.value(6).toString();
    k.statementAt = SqlContext::toTime(q.value(7));
    k.closedAt = SqlContext::toTime(q.value(8));
    k.closedBy = {q.value(9).toLongLong(), q.value(10).toString()};
    k.closeNote = q.value(11).toString();
    k.caseCount = q.value(12).toInt();
    return k;
}
} // namespace

Result<qint64> SqlCrisisRepository::insert(const Crisis& k)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO crises (title, opened_at, opened_by_id, opened_by, "
                       "golden_hours) VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {k.title, SqlContext::time(k.openedAt), SqlContext::id(k.openedBy.id), k.openedBy.name, k.goldenHours});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlCrisisRepository::addCase(qint64 crisisId, qint64 caseId)
{
    return m_sql.execOne(QStringLiteral("INSERT INTO crisis_cases (crisis_id, case_id) VALUES (?, ?)"),
                         {crisisId, caseId});
}

Result<Crisis> SqlCrisisRepository::find(qint64 id)
{
    auto q = m_sql.exec(kColumns + QStringLiteral("WHERE k.id = ?"), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("Crisis %1 does not exist.").arg(id));
    }
    return crisisFrom(*q);
}

Result<QList<Crisis>> SqlCrisisRepository::list(bool openOnly, int limit)
{
    const QString sql = openOnly ? kColumns + QStringLiteral("WHERE k.closed_at IS NULL ORDER BY k.opened_at, k.id "
                                                             "LIMIT ?")
                                 : kColumns + QStringLiteral("ORDER BY k.opened_at DESC, k.id DESC LIMIT ?");
    auto q = m_sql.exec(sql, {std::max(1, limit)});
    if (!q) {
        return q.error();
    }
    QList<Crisis> result;
    while (q->next()) {
        result.append(crisisFrom(*q));
    }
    return result;
}

Result<qint64> SqlCrisisRepository::crisisOfCase(qint64 caseId)
{
    // The open one first (released_at NULL), then the latest released.
    auto q = m_sql.exec(QStringLiteral("SELECT crisis_id FROM crisis_cases WHERE case_id = ? "
                                       "ORDER BY CASE WHEN released_at IS NULL THEN 0 ELSE 1 END, crisis_id DESC "
                                       "LIMIT 1"),
                        {caseId});
    if (!q) {
        return q.error();
    }
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<qint64> SqlCrisisRepository::openCrisisOfCase(qint64 caseId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT crisis_id FROM crisis_cases WHERE case_id = ? AND released_at IS NULL"),
                        {caseId});
    if (!q) {
        return q.error();
    }
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<QList<CrisisCase>> SqlCrisisRepository::cases(qint64 crisisId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT c.id, c.case_no, c.status, c.complaint_text, COALESCE(s.name, ''), "
                                       "COALESCE(c.risk_level, ''), COALESCE(c.citizen_id, 0) "
                                       "FROM crisis_cases cc JOIN cases c ON c.id = cc.case_id "
                                       "LEFT JOIN service_items s ON s.id = c.service_item_id "
                                       "WHERE cc.crisis_id = ? ORDER BY c.received_at, c.id"),
                        {crisisId});
    if (!q) {
        return q.error();
    }
    QList<CrisisCase> result;
    while (q->next()) {
        CrisisCase c;
        c.caseId = q->value(0).toLongLong();
        c.caseNo = q->value(1).toString();
        c.status = CaseStatuses::fromCode(q->value(2).toString()).value_or(CaseStatus::Received);
        const QString text = q->value(3).toString().simplified();
        c.summary = text.size() > 80 ? text.left(79) + QChar(0x2026) : text;
        c.serviceItem = q->value(4).toString();
        c.riskLevel = q->value(5).toString();
        c.citizenId = q->value(6).toLongLong();
        result.append(c);
    }
    return result;
}

Result<QList<CrisisStepRecord>> SqlCrisisRepository::steps(qint64 crisisId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT s.step, s.done_at, s.done_by_id, "
                                       "COALESCE(NULLIF(u.display_name, ''), s.done_by), s.note "
                                       "FROM crisis_steps s LEFT JOIN users u ON u.id = s.done_by_id "
                                       "WHERE s.crisis_id = ? ORDER BY s.done_at, s.step"),
                        {crisisId});
    if (!q) {
        return q.error();
    }
    QList<CrisisStepRecord> result;
    while (q->next()) {
        const auto step = CrisisSteps::fromCode(q->value(0).toString());
        if (!step) {
            continue;
        }
        result.append({*step,
                       SqlContext::toTime(q->value(1)),
                       {q->value(2).toLongLong(), q->value(3).toString()},
                       q->value(4).toString()});
    }
    return result;
}

Status SqlCrisisRepository::addStep(qint64 crisisId, const CrisisStepRecord& s)
{
    return m_sql.execOne(
        QStringLiteral("INSERT INTO crisis_steps (crisis_id, step, done_at, done_by_id, done_by, note) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        {crisisId, CrisisSteps::code(s.step), SqlContext::time(s.doneAt), SqlContext::id(s.doneBy.id), s.doneBy.name,
         s.note});
}

Status SqlCrisisRepository::setSpokesperson(qint64 crisisId, const QString& name)
{
    return m_sql.execOne(QStringLiteral("UPDATE crises SET spokesperson = ? WHERE id = ?"), {name, crisisId});
}

Result<QList<CrisisStatement>> SqlCrisisRepository::statements(qint64 crisisId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT s.id, s.kind, s.text, s.published_at, s.by_id, "
                                       "COALESCE(NULLIF(u.display_name, ''), s.by_name) "
                                       "FROM crisis_statements s LEFT JOIN users u ON u.id = s.by_id "
                                       "WHERE s.crisis_id = ? ORDER BY s.published_at, s.id"),
                        {crisisId});
    if (!q) {
        return q.error();
    }
    QList<CrisisStatement> result;
    while (q->next()) {
        CrisisStatement s;
        s.id = q->value(0).toLongLong();
        s.crisisId = crisisId;
        s.kind = StatementKinds::fromCode(q->value(1).toString()).value_or(StatementKind::Holding);
        s.text = q->value(2).toString();
        s.publishedAt = SqlContext::toTime(q->value(3));
        s.by = {q->value(4).toLongLong(), q->value(5).toString()};
        result.append(s);
    }
    return result;
}

Result<qint64> SqlCrisisRepository::addStatement(const CrisisStatement& s)
{
    const auto id = m_sql.scalar(QStringLiteral("INSERT INTO crisis_statements (crisis_id, kind, text, published_at, "
                                                "by_id, by_name) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                                 {s.crisisId, StatementKinds::code(s.kind), s.text, SqlContext::time(s.publishedAt),
                                  SqlContext::id(s.by.id), s.by.name});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlCrisisRepository::markFirstStatement(qint64 crisisId, const QDateTime& at)
{
    auto q = m_sql.exec(QStringLiteral("UPDATE crises SET statement_at = ? WHERE id = ? AND statement_at IS NULL"),
                        {SqlContext::time(at), crisisId});
    if (!q) {
        return q.error();
    }
    return {};
}

Status SqlCrisisRepository::close(qint64 crisisId, const QDateTime& at, const Ref& by, const QString& note)
{
    if (auto s = m_sql.execOne(QStringLiteral("UPDATE crises SET closed_at = ?, closed_by_id = ?, closed_by = ?, "
                                              "close_note = ? WHERE id = ? AND closed_at IS NULL"),
                               {SqlContext::time(at), SqlContext::id(by.id), by.name, note, crisisId});
        !s) {
        return s;
    }
    auto q = m_sql.exec(QStringLiteral("UPDATE crisis_cases SET released_at = ? WHERE crisis_id = ? AND "
                                       "released_at IS NULL"),
                        {SqlContext::time(at), crisisId});
    if (!q) {
        return q.error();
    }
    return {};
}

Result<std::optional<CrisisReview>> SqlCrisisRepository::review(qint64 crisisId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT r.what_happened, r.what_worked, r.what_did_not, r.reviewed_at, "
                                       "r.reviewed_by_id, COALESCE(NULLIF(u.display_name, ''), r.reviewed_by) "
                                       "FROM crisis_reviews r LEFT JOIN users u ON u.id = r.reviewed_by_id "
                                       "WHERE r.crisis_id = ?"),
                        {crisisId});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return std::optional<CrisisReview>();
    }
    CrisisReview r;
    r.whatHappened = q->value(0).toString();
    r.whatWorked = q->value(1).toString();
    r.whatDidNot = q->value(2).toString();
    r.reviewedAt = SqlContext::toTime(q->value(3));
    r.reviewedBy = {q->value(4).toLongLong(), q->value(5).toString()};
    auto lessons = m_sql.exec(QStringLiteral("SELECT text, COALESCE(improvement_id, 0) FROM crisis_lessons "
                                             "WHERE crisis_id = ? ORDER BY position"),
                              {crisisId});
    if (!lessons) {
        return lessons.error();
    }
    while (lessons->next()) {
        r.lessons.append({lessons->value(0).toString(), lessons->value(1).toLongLong()});
    }
    return std::optional<CrisisReview>(r);
}

Status SqlCrisisRepository::saveReview(qint64 crisisId, const CrisisReview& r)
{
    if (auto s = m_sql.execOne(QStringLiteral("INSERT INTO crisis_reviews (crisis_id, what_happened, what_worked, "
                                              "what_did_not, reviewed_at, reviewed_by_id, reviewed_by) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                               {crisisId, r.whatHappened, r.whatWorked, r.whatDidNot, SqlContext::time(r.reviewedAt),
                                SqlContext::id(r.reviewedBy.id), r.reviewedBy.name});
        !s) {
        return s;
    }
    for (int i = 0; i < r.lessons.size(); ++i) {
        const CrisisLesson& l = r.lessons.at(i);
        if (auto s = m_sql.execOne(QStringLiteral("INSERT INTO crisis_lessons (crisis_id, position, text, "
                                                  "improvement_id) VALUES (?, ?, ?, ?)"),
                                   {crisisId, i + 1, l.text, SqlContext::id(l.improvementId)});
            !s) {
            return s;
        }
    }
    return {};
}
