#include "SqlRiskRepository.h"

#include <algorithm>

namespace {
// The queue's condition is written as the partial index's WHERE (cases_risk_queue), so that both planners see that
// the index holds every row asked for.
const QLatin1String kQueueWhere("c.risk_level IN ('medium', 'high')");

QString queueSql(bool after, int limit)
{
    return QStringLiteral("SELECT c.id, c.case_no, c.received_at, c.risk_level, c.risk_score, c.risk_signals, c.status "
                          "FROM cases c WHERE %1%2 ORDER BY c.received_at DESC, c.id DESC LIMIT %3")
        .arg(kQueueWhere, after ? QStringLiteral(" AND (c.received_at, c.id) < (?, ?)") : QString())
        .arg(limit);
}

QVariantList queueValues(const std::optional<RiskQueueCursor>& after)
{
    if (!after) {
        return {};
    }
    return {SqlContext::time(after->receivedAt), after->caseId};
}

const QLatin1String kAlertColumns("SELECT a.id, a.case_id, c.case_no, a.raised_at, a.score, a.signals, a.taken_at, "
                                  "a.taken_by_id, COALESCE(NULLIF(u.display_name, ''), u.login) "
                                  "FROM risk_alerts a JOIN cases c ON c.id = a.case_id "
                                  "LEFT JOIN users u ON u.id = a.taken_by_id ");

RiskAlert alertFrom(const QSqlQuery& q)
{
    RiskAlert a;
    a.id = q.value(0).toLongLong();
    a.caseId = q.value(1).toLongLong();
    a.caseNo = q.value(2).toString();
    a.raisedAt = SqlContext::toTime(q.value(3));
    a.score = q.value(4).toInt();
    a.signalCodes = q.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    a.takenAt = SqlContext::toTime(q.value(6));
    a.takenBy = {q.value(7).toLongLong(), q.value(8).toString()};
    return a;
}

const QLatin1String kOpenStateSql("SELECT COUNT(*), MAX(id) FROM risk_alerts WHERE taken_at IS NULL");
} // namespace

Result<qint64> SqlRiskRepository::saveRules(const RiskRulesVersion& version)
{
    const auto id = m_sql.scalar(QStringLiteral("INSERT INTO risk_rules (rules_json, saved_at, saved_by_id, note) "
                                                "VALUES (?, ?, ?, ?) RETURNING id"),
                                 {QString::fromUtf8(version.json), SqlContext::time(version.savedAt),
                                  SqlContext::id(version.savedBy.id), version.note});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<std::optional<RiskRulesVersion>> SqlRiskRepository::newestRules()
{
    auto q = m_sql.exec(QStringLiteral("SELECT r.id, r.rules_json, r.saved_at, r.saved_by_id, "
                                       "COALESCE(NULLIF(u.display_name, ''), u.login), r.note FROM risk_rules r "
                                       "LEFT JOIN users u ON u.id = r.saved_by_id ORDER BY r.id DESC LIMIT 1"));
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return std::optional<RiskRulesVersion>();
    }
    RiskRulesVersion v;
    v.id = q->value(0).toLongLong();
    v.json = q->value(1).toString().toUtf8();
    v.savedAt = SqlContext::toTime(q->value(2));
    v.savedBy = {q->value(3).toLongLong(), q->value(4).toString()};
    v.note = q->value(5).toString();
    return std::optional<RiskRulesVersion>(std::move(v));
}

Result<qint64> SqlRiskRepository::newestRulesId()
{
    const auto id = m_sql.scalar(QStringLiteral("SELECT MAX(id) FROM risk_rules"));
    if (!id) {
        return id.error();
    }
    return id->isNull() ? 0 : id->toLongLong();
}

Result<QList<RiskRulesVersion>> SqlRiskRepository::rulesVersions(int limit)
{
    auto q = m_sql.exec(QStringLiteral("SELECT r.id, r.saved_at, r.saved_by_id, "
                                       "COALESCE(NULLIF(u.display_name, ''), u.login), r.note FROM risk_rules r "
                                       "LEFT JOIN users u ON u.id = r.saved_by_id ORDER BY r.id DESC LIMIT %1")
                            .arg(std::clamp(limit, 1, 1000)));
    if (!q) {
        return q.error();
    }
    QList<RiskRulesVersion> result;
    while (q->next()) {
        RiskRulesVersion v;
        v.id = q->value(0).toLongLong();
        v.savedAt = SqlContext::toTime(q->value(1));
        v.savedBy = {q->value(2).toLongLong(), q->value(3).toString()};
        v.note = q->value(4).toString();
        result.append(v);
    }
    return result;
}

Result<qint64> SqlRiskRepository::raiseAlert(const RiskAlert& alert)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO risk_alerts (case_id, raised_at, score, signals) VALUES (?, ?, ?, ?) "
                       "RETURNING id"),
        {alert.caseId, SqlContext::time(alert.raisedAt), alert.score, alert.signalCodes.join(QLatin1Char(','))});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<RiskAlert> SqlRiskRepository::alert(qint64 alertId)
{
    auto q = m_sql.exec(QString(kAlertColumns) + QLatin1String("WHERE a.id = ?"), {alertId});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, SqlContext::tr("The record no longer exists."));
    }
    return alertFrom(*q);
}

Result<QList<RiskAlert>> SqlRiskRepository::openAlerts(int limit)
{
    auto q = m_sql.exec(
        QString(kAlertColumns) +
        QStringLiteral("WHERE a.taken_at IS NULL ORDER BY a.id DESC LIMIT %1").arg(std::clamp(limit, 1, 1000)));
    if (!q) {
        return q.error();
    }
    QList<RiskAlert> result;
    while (q->next()) {
        result.append(alertFrom(*q));
    }
    return result;
}

Result<bool> SqlRiskRepository::takeAlert(qint64 alertId, qint64 userId, const QDateTime& at)
{
    // Only an open alert is taken: of two desks taking it at once, the second changes no row.
    auto q = m_sql.exec(
        QStringLiteral("UPDATE risk_alerts SET taken_at = ?, taken_by_id = ? WHERE id = ? AND taken_at IS NULL"),
        {SqlContext::time(at), SqlContext::id(userId), alertId});
    if (!q) {
        return q.error();
    }
    return q->numRowsAffected() == 1;
}

Result<RiskAlertState> SqlRiskRepository::openAlertState()
{
    auto q = m_sql.exec(QString(kOpenStateSql));
    if (!q) {
        return q.error();
    }
    RiskAlertState state;
    if (q->next()) {
        state.openCount = q->value(0).toInt();
        state.maxOpenId = q->value(1).isNull() ? 0 : q->value(1).toLongLong();
    }
    return state;
}

Result<RiskQueuePage> SqlRiskRepository::queue(const std::optional<RiskQueueCursor>& after, int limit)
{
    const int pageSize = std::clamp(limit, 1, 1000);
    // One row more than asked tells whether there is a next page.
    auto q = m_sql.exec(queueSql(after.has_value(), pageSize + 1), queueValues(after));
    if (!q) {
        return q.error();
    }
    RiskQueuePage page;
    while (q->next()) {
        if (page.rows.size() == pageSize) {
            const RiskQueueRow& last = page.rows.constLast();
            page.next = RiskQueueCursor{last.receivedAt, last.caseId};
            break;
        }
        RiskQueueRow row;
        row.caseId = q->value(0).toLongLong();
        row.caseNo = q->value(1).toString();
        row.receivedAt = SqlContext::toTime(q->value(2));
        row.level = RiskLevels::fromCode(q->value(3).toString()).value_or(RiskLevel::Medium);
        row.score = q->value(4).toInt();
        row.signalCodes = q->value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        row.status = CaseStatuses::fromCode(q->value(6).toString()).value_or(CaseStatus::Received);
        page.rows.append(row);
    }
    return page;
}

Result<QStringList> SqlRiskRepository::explainQueue(const std::optional<RiskQueueCursor>& after) const
{
    return m_sql.explain(queueSql(after.has_value(), 51), queueValues(after));
}

Result<QStringList> SqlRiskRepository::explainOpenAlertState() const
{
    return m_sql.explain(QString(kOpenStateSql));
}
