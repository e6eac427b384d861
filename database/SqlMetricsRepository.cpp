#include "SqlMetricsRepository.h"

namespace {
// Only the columns the figures read, over one range of cases_received / queue_visits_issued.
const QString kCaseColumns =
    QStringLiteral("received_at, acknowledged_at, answered_at, resolved_at, closed_at, rating, rating_excluded, nps, "
                   "category_name, citizen_id, transfer_count");
const QString kCases =
    QStringLiteral("SELECT ") + kCaseColumns + QStringLiteral(" FROM cases WHERE received_at >= ? AND received_at < ?");
const QString kVisits =
    QStringLiteral("SELECT issued_at, called_at FROM queue_visits WHERE issued_at >= ? AND issued_at < ?");
// The later cases of the citizens of the period's closed cases: one range of cases_citizen_received per citizen,
// received after the earliest close and no more than 30 days after the latest one.
const QString kCitizenCases = QStringLiteral(
    "SELECT l.citizen_id, l.received_at FROM cases l WHERE l.citizen_id IN (SELECT p.citizen_id FROM cases p "
    "WHERE p.received_at >= ? AND p.received_at < ? AND p.closed_at IS NOT NULL) "
    "AND l.received_at > ? AND l.received_at <= ?");

/** A stored time as seconds since the epoch (no QDateTime: see Metrics::CaseInput). */
std::optional<qint64> secsAt(const QSqlQuery& q, int column)
{
    const QVariant v = q.value(column);
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QVariantList citizenValues(const Metrics::Period& period, qint64 firstClose, qint64 lastClose)
{
    return {SqlContext::time(period.begin()), SqlContext::time(period.end()), firstClose,
            lastClose + Metrics::kRecurrenceWindowSecs};
}
} // namespace

QString SqlMetricsRepository::caseInputColumns()
{
    return kCaseColumns;
}

Metrics::CaseInput SqlMetricsRepository::caseInputFrom(const QSqlQuery& q)
{
    Metrics::CaseInput c;
    c.received = q.value(0).toLongLong();
    c.acknowledged = secsAt(q, 1);
    c.answered = secsAt(q, 2);
    c.resolved = secsAt(q, 3);
    c.closed = secsAt(q, 4);
    c.rating = SqlContext::toOptionalInt(q.value(5));
    c.ratingExcluded = q.value(6).toInt() != 0;
    c.nps = SqlContext::toOptionalInt(q.value(7));
    c.category = q.value(8).toString();
    c.citizenId = q.value(9).toLongLong();
    c.transferCount = q.value(10).toInt();
    return c;
}

QString SqlMetricsRepository::casesSql()
{
    return kCases;
}

QString SqlMetricsRepository::visitsSql()
{
    return kVisits;
}

QString SqlMetricsRepository::citizenCasesSql()
{
    return kCitizenCases;
}

Result<Metrics::Input> SqlMetricsRepository::inputs(const Metrics::Period& period)
{
    Metrics::Input input;
    const QVariantList range{SqlContext::time(period.begin()), SqlContext::time(period.end())};
    auto cases = m_sql.exec(kCases, range);
    if (!cases) {
        return cases.error();
    }
    std::optional<qint64> firstClose;
    std::optional<qint64> lastClose;
    while (cases->next()) {
        const Metrics::CaseInput c = caseInputFrom(*cases);
        if (c.closed && c.citizenId != 0) {
            const qint64 closed = *c.closed;
            firstClose = firstClose ? std::min(*firstClose, closed) : closed;
            lastClose = lastClose ? std::max(*lastClose, closed) : closed;
        }
        input.cases.append(c);
    }

    auto visits = m_sql.exec(kVisits, range);
    if (!visits) {
        return visits.error();
    }
    while (visits->next()) {
        input.visits.append(Metrics::QueueVisitInput{visits->value(0).toLongLong(), secsAt(*visits, 1)});
    }

    if (firstClose) {
        auto later = m_sql.exec(kCitizenCases, citizenValues(period, *firstClose, *lastClose));
        if (!later) {
            return later.error();
        }
        while (later->next()) {
            input.citizenCases[later->value(0).toLongLong()].append(later->value(1).toLongLong());
        }
    }
    return input;
}

Result<QStringList> SqlMetricsRepository::explainCases(const Metrics::Period& period) const
{
    return m_sql.explain(kCases, {SqlContext::time(period.begin()), SqlContext::time(period.end())});
}

Result<QStringList> SqlMetricsRepository::explainVisits(const Metrics::Period& period) const
{
    return m_sql.explain(kVisits, {SqlContext::time(period.begin()), SqlContext::time(period.end())});
}

Result<QStringList> SqlMetricsRepository::explainCitizenCases(const Metrics::Period& period) const
{
    const qint64 begin = period.begin().toSecsSinceEpoch();
    return m_sql.explain(kCitizenCases, citizenValues(period, begin, period.end().toSecsSinceEpoch()));
}

Result<bool> SqlMetricsRepository::hasStaleDays()
{
    const auto marked = m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM metrics_dirty"));
    if (!marked) {
        return marked.error();
    }
    return marked->toLongLong() > 0;
}
