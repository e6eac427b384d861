#include "SqlMetricsDaily.h"

#include "cases/CaseStatus.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>
#include <limits>

namespace {
constexpr qint64 kHourSecs = 3600; ///< metrics_dirty marks hours

/** A duration's expression, its table and the time that places it in a period. */
struct DurationSql
{
    const char* expression;
    const char* table;
    const char* time;
    const char* present; ///< the condition under which the duration exists
};

DurationSql durationSql(Metrics::Duration duration)
{
    switch (duration) {
    case Metrics::Duration::FirstResponse:
        return {"acknowledged_at - received_at", "cases", "received_at", "acknowledged_at IS NOT NULL"};
    case Metrics::Duration::Resolution:
        return {"resolved_at - received_at", "cases", "received_at", "resolved_at IS NOT NULL"};
    case Metrics::Duration::Waiting:
        return {"called_at - issued_at", "queue_visits", "issued_at", "called_at IS NOT NULL"};
    }
    Q_UNREACHABLE();
}

constexpr Metrics::Duration kDurations[] = {Metrics::Duration::FirstResponse, Metrics::Duration::Resolution,
                                            Metrics::Duration::Waiting};

// One local day's additive figures over its cases (same order as the columns of metrics_daily). The 48-hour rule's
// t is the earlier of answered and resolved; the recurrence looks for the citizen's next case through
// cases_citizen_received.
const QString kDayCases = QStringLiteral(
    "SELECT COUNT(*), COUNT(acknowledged_at), COALESCE(SUM(acknowledged_at - received_at), 0), "
    "COUNT(resolved_at), COALESCE(SUM(resolved_at - received_at), 0), "
    "COALESCE(SUM(CASE WHEN answered_at IS NOT NULL OR resolved_at IS NOT NULL THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN (CASE WHEN answered_at IS NULL THEN resolved_at "
    "WHEN resolved_at IS NULL OR answered_at <= resolved_at THEN answered_at ELSE resolved_at END) "
    "- received_at <= 172800 THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN COALESCE(rating_excluded, 0) = 0 AND rating BETWEEN 1 AND 5 THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN COALESCE(rating_excluded, 0) = 0 AND rating BETWEEN 4 AND 5 THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN COALESCE(rating_excluded, 0) = 0 AND nps BETWEEN 0 AND 10 THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN COALESCE(rating_excluded, 0) = 0 AND nps BETWEEN 9 AND 10 THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN COALESCE(rating_excluded, 0) = 0 AND nps BETWEEN 0 AND 6 THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN closed_at IS NOT NULL AND COALESCE(citizen_id, 0) <> 0 THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN closed_at IS NOT NULL AND COALESCE(citizen_id, 0) <> 0 AND EXISTS (SELECT 1 FROM cases l "
    "WHERE l.citizen_id = c.citizen_id AND l.received_at > c.closed_at AND l.received_at <= c.closed_at + 2592000) "
    "THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(transfer_count), 0) "
    "FROM cases c WHERE received_at >= ? AND received_at < ?");
const QString kDayVisits =
    QStringLiteral("SELECT COUNT(*), COUNT(called_at), COALESCE(SUM(called_at - issued_at), 0) FROM queue_visits "
                   "WHERE issued_at >= ? AND issued_at < ?");
const QString kDayCategories = QStringLiteral(
    "SELECT COALESCE(category_name, '') AS category, COUNT(*) AS n FROM cases WHERE received_at >= ? AND "
    "received_at < ? GROUP BY COALESCE(category_name, '')");
const QString kDailyColumns = QStringLiteral(
    "cases, first_response_n, first_response_sum, resolution_n, resolution_sum, answered_n, answered_48h, rated, "
    "satisfied, nps_n, promoters, detractors, closed_citizen, recurred, transfers, visits_called, waiting_sum");
constexpr int kDailyColumnCount = 17;

/**
 * The rows of one day in metrics_daily_hist. Its key is (metric, day, bucket), so the day alone would read the whole
 * table (once for every day rebuilt: 1.5 s of a 100,000-case demo); naming the metrics makes it three ranges.
 */
QString histogramOfDay()
{
    QStringList metrics;
    for (const Metrics::Duration duration : kDurations) {
        metrics << QString::number(int(duration));
    }
    return QStringLiteral("metric IN (%1) AND day = ?").arg(metrics.join(QStringLiteral(", ")));
}

/** One day's histogram of a duration: bucket, n (binds the day's time range). */
QString histogramSql(Metrics::Duration duration)
{
    const DurationSql d = durationSql(duration);
    const QString bucket = SqlMetricsDaily::bucketSql(QString::fromLatin1(d.expression));
    return QStringLiteral("SELECT %1 AS bucket, COUNT(*) AS n FROM %2 WHERE %3 >= ? AND %3 < ? AND %4 GROUP BY %1")
        .arg(bucket, QString::fromLatin1(d.table), QString::fromLatin1(d.time), QString::fromLatin1(d.present));
}

// The figures of metrics_daily_group (SqlMetricsDaily::kGroupValueCount): cases; acknowledged cases and the sum of
// their first-response seconds; cases with t (the earlier of answered and resolved) and those with t − received ≤ 48 h;
// rated cases and those rated 4 or 5; transfers.
const QString kGroupFigures = QStringLiteral(
    "cases, first_response_n, first_response_sum, answered_n, answered_48h, rated, satisfied, transfers");

/** One day's rows of metrics_daily_group through the key (binds the day). */
QString groupsOfDay()
{
    QStringList dimensions;
    for (int d = 1; d <= SqlMetricsDaily::kGroupCount; ++d) {
        dimensions << QString::number(d);
    }
    return QStringLiteral("metrics_daily_group WHERE dimension IN (%1) AND day = ?")
        .arg(dimensions.join(QStringLiteral(", ")));
}

/**
 * One local day's rows of metrics_daily_group (dimension, key1, key2 and the figures; binds the day's time range):
 * the day's cases read once into a materialized set, then counted by each group. The same expressions as kDayCases.
 */
QString dayGroupsSql()
{
    QStringList channels;
    for (const Channel c : Channels::all()) {
        channels << QStringLiteral("WHEN '%1' THEN %2").arg(Channels::code(c)).arg(int(c));
    }
    const QString figures = QStringLiteral(
        "COUNT(*) AS cases, SUM(fr_n) AS first_response_n, SUM(fr_sum) AS first_response_sum, SUM(answered) AS "
        "answered_n, SUM(answered_48h) AS answered_48h, SUM(rated) AS rated, SUM(satisfied) AS satisfied, "
        "SUM(transfers) AS transfers FROM c");
    using G = SqlMetricsDaily::Group;
    const auto group = [&](G g, const QString& key1, const QString& key2, const QString& where) {
        return QStringLiteral("SELECT %1 AS dimension, %2 AS key1, %3 AS key2, %4 %5 GROUP BY %2%6")
            .arg(int(g))
            .arg(key1, key2, figures, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where,
                 key2 == QLatin1String("0") ? QString() : QStringLiteral(", ") + key2);
    };
    const QString zero = QStringLiteral("0");
    return QStringLiteral(
               "WITH c AS MATERIALIZED (SELECT COALESCE(window_id, 0) AS window_key, "
               "COALESCE(service_item_id, 0) AS item_key, COALESCE(department_id, 0) AS department_key, "
               "CASE channel %1 END AS channel_key, category_id, service_item_id, waited_minutes, "
               "CASE WHEN COALESCE(rating_excluded, 0) = 0 AND rating BETWEEN 1 AND 5 THEN rating END AS level, "
               "CASE WHEN COALESCE(rating_excluded, 0) = 0 AND rating BETWEEN 1 AND 5 THEN 1 ELSE 0 END AS rated, "
               "CASE WHEN COALESCE(rating_excluded, 0) = 0 AND rating BETWEEN 4 AND 5 THEN 1 ELSE 0 END AS satisfied, "
               "CASE WHEN acknowledged_at IS NOT NULL THEN 1 ELSE 0 END AS fr_n, "
               "COALESCE(acknowledged_at - received_at, 0) AS fr_sum, "
               "CASE WHEN answered_at IS NOT NULL OR resolved_at IS NOT NULL THEN 1 ELSE 0 END AS answered, "
               "CASE WHEN (CASE WHEN answered_at IS NULL THEN resolved_at WHEN resolved_at IS NULL OR answered_at <= "
               "resolved_at THEN answered_at ELSE resolved_at END) - received_at <= 172800 THEN 1 ELSE 0 END "
               "AS answered_48h, COALESCE(transfer_count, 0) AS transfers "
               "FROM cases WHERE received_at >= ? AND received_at < ?) ")
               .arg(channels.join(u' ')) +
           QStringList{
               group(G::Window, QStringLiteral("window_key"), zero, {}),
               group(G::ServiceItem, QStringLiteral("item_key"), zero, {}),
               group(G::Department, QStringLiteral("department_key"), zero, {}),
               group(G::Channel, QStringLiteral("channel_key"), zero, QStringLiteral("channel_key IS NOT NULL")),
               group(G::RatingLevel, QStringLiteral("level"), zero, QStringLiteral("level IS NOT NULL")),
               group(G::CategoryItem, QStringLiteral("category_id"), QStringLiteral("service_item_id"),
                     QStringLiteral("category_id IS NOT NULL AND service_item_id IS NOT NULL")),
               group(G::WaitedMinutes, QStringLiteral("waited_minutes"), zero,
                     QStringLiteral("waited_minutes IS NOT NULL"))}
               .join(QStringLiteral(" UNION ALL "));
}

/** The period's days as the aggregate tables key them. */
QVariantList dayRange(const Metrics::Period& period)
{
    return {period.from.toString(Qt::ISODate), period.to.toString(Qt::ISODate)};
}

/** A statement whose affected rows do not matter (execOne wants exactly one). */
Status run(const SqlContext& sql, const QString& statement, const QVariantList& values = {})
{
    const auto q = sql.exec(statement, values);
    return q ? Status{} : Status{q.error()};
}

QVariantList timeRange(const QDate& day)
{
    return {day.startOfDay().toSecsSinceEpoch(), day.addDays(1).startOfDay().toSecsSinceEpoch()};
}
} // namespace

int SqlMetricsDaily::bucketOf(qint64 s)
{
    if (s < 0) {
        return -1;
    }
    if (s < 7200) {
        return int(s / 60);
    }
    if (s < 86400) {
        return int(120 + (s - 7200) / 600);
    }
    if (s < 604800) {
        return int(252 + (s - 86400) / 3600);
    }
    if (s < 5184000) {
        return int(396 + (s - 604800) / 21600);
    }
    return int(608 + std::min<qint64>((s - 5184000) / 86400, 10000));
}

std::pair<qint64, qint64> SqlMetricsDaily::bucketRange(int b)
{
    constexpr qint64 kLowest = std::numeric_limits<qint64>::min() / 2;
    constexpr qint64 kHighest = std::numeric_limits<qint64>::max() / 2;
    if (b < 0) {
        return {kLowest, 0};
    }
    if (b < 120) {
        return {qint64(b) * 60, qint64(b + 1) * 60};
    }
    if (b < 252) {
        return {7200 + qint64(b - 120) * 600, 7200 + qint64(b - 119) * 600};
    }
    if (b < 396) {
        return {86400 + qint64(b - 252) * 3600, 86400 + qint64(b - 251) * 3600};
    }
    if (b < 608) {
        return {604800 + qint64(b - 396) * 21600, 604800 + qint64(b - 395) * 21600};
    }
    if (b < 10608) {
        return {5184000 + qint64(b - 608) * 86400, 5184000 + qint64(b - 607) * 86400};
    }
    return {5184000 + qint64(10000) * 86400, kHighest};
}

QString SqlMetricsDaily::bucketSql(const QString& e)
{
    // NULL stays NULL, so a missing duration is in no bucket (the indexes of migration 0023 hold this expression
    // word for word: change both together).
    return QStringLiteral("CASE WHEN (%1) IS NULL THEN NULL WHEN %1 < 0 THEN -1 WHEN %1 < 7200 THEN (%1) / 60 "
                          "WHEN %1 < 86400 THEN 120 + (%1 - 7200) / 600 "
                          "WHEN %1 < 604800 THEN 252 + (%1 - 86400) / 3600 "
                          "WHEN %1 < 5184000 THEN 396 + (%1 - 604800) / 21600 "
                          "WHEN %1 - 5184000 < 864000000 THEN 608 + (%1 - 5184000) / 86400 ELSE 10608 END")
        .arg(e);
}

QString SqlMetricsDaily::valuesSql(Metrics::Duration duration)
{
    // One range of the index (bucket, time, value): the period's values of that bucket only, sorted here.
    const DurationSql d = durationSql(duration);
    const QString e = QString::fromLatin1(d.expression);
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND %4 >= ? AND %4 < ? ORDER BY %1 LIMIT ? OFFSET ?")
        .arg(e, QString::fromLatin1(d.table), bucketSql(e), QString::fromLatin1(d.time));
}

Result<SqlMetricsDaily::DayRows> SqlMetricsDaily::computeDay(const QDate& day, bool withDetails) const
{
    DayRows rows;
    const QVariantList range = timeRange(day);
    auto cases = m_sql.exec(kDayCases, range);
    if (!cases) {
        return cases.error();
    }
    QList<qint64> daily;
    if (cases->next()) {
        for (int i = 0; i < 15; ++i) {
            daily << cases->value(i).toLongLong();
        }
    }
    auto visits = m_sql.exec(kDayVisits, range);
    if (!visits) {
        return visits.error();
    }
    qint64 visitCount = 0;
    if (visits->next()) {
        visitCount = visits->value(0).toLongLong();
        daily << visits->value(1).toLongLong() << visits->value(2).toLongLong();
    }
    if (daily.size() == kDailyColumnCount && (daily.first() > 0 || visitCount > 0)) {
        rows.daily = daily;
    }
    if (rows.daily.isEmpty() || !withDetails) {
        return rows;
    }
    auto categories = m_sql.exec(kDayCategories, range);
    if (!categories) {
        return categories.error();
    }
    while (categories->next()) {
        rows.categories.append({categories->value(0).toString(), categories->value(1).toLongLong()});
    }
    std::sort(rows.categories.begin(), rows.categories.end());
    for (const Metrics::Duration duration : kDurations) {
        auto histogram = m_sql.exec(histogramSql(duration), range);
        if (!histogram) {
            return histogram.error();
        }
        while (histogram->next()) {
            rows.histogram.append({int(duration), histogram->value(0).toInt(), histogram->value(1).toLongLong()});
        }
    }
    std::sort(rows.histogram.begin(), rows.histogram.end());
    auto groups = computeGroups(day);
    if (!groups) {
        return groups.error();
    }
    rows.groups = std::move(groups).value();
    return rows;
}

Result<QList<SqlMetricsDaily::GroupRow>> SqlMetricsDaily::computeGroups(const QDate& day) const
{
    auto q = m_sql.exec(QStringLiteral("SELECT * FROM (%1) x ORDER BY dimension, key1, key2").arg(dayGroupsSql()),
                        timeRange(day));
    if (!q) {
        return q.error();
    }
    return readGroups(*q);
}

QList<SqlMetricsDaily::GroupRow> SqlMetricsDaily::readGroups(QSqlQuery& query)
{
    QList<GroupRow> rows;
    while (query.next()) {
        GroupRow g{query.value(0).toInt(), query.value(1).toLongLong(), query.value(2).toLongLong(), {}};
        for (int i = 0; i < kGroupValueCount; ++i) {
            g.values[std::size_t(i)] = query.value(3 + i).toLongLong();
        }
        rows.append(g);
    }
    return rows;
}

Status SqlMetricsDaily::lockDailyFigures() const
{
    const QString lock = m_sql.dialect().dailyFiguresLock();
    return lock.isEmpty() ? Status{} : run(m_sql, lock);
}

Result<SqlMetricsDaily::DayRows> SqlMetricsDaily::storedDay(const QDate& day) const
{
    DayRows rows;
    const QVariantList key{day.toString(Qt::ISODate)};
    auto daily = m_sql.exec(QStringLiteral("SELECT %1 FROM metrics_daily WHERE day = ?").arg(kDailyColumns), key);
    if (!daily) {
        return daily.error();
    }
    if (daily->next()) {
        for (int i = 0; i < kDailyColumnCount; ++i) {
            rows.daily << daily->value(i).toLongLong();
        }
    }
    auto categories =
        m_sql.exec(QStringLiteral("SELECT category, cases FROM metrics_daily_category WHERE day = ?"), key);
    if (!categories) {
        return categories.error();
    }
    while (categories->next()) {
        rows.categories.append({categories->value(0).toString(), categories->value(1).toLongLong()});
    }
    std::sort(rows.categories.begin(), rows.categories.end());
    auto histogram = m_sql.exec(storedHistogramSql(), key);
    if (!histogram) {
        return histogram.error();
    }
    while (histogram->next()) {
        rows.histogram.append(
            {histogram->value(0).toInt(), histogram->value(1).toInt(), histogram->value(2).toLongLong()});
    }
    std::sort(rows.histogram.begin(), rows.histogram.end());
    auto groups = m_sql.exec(QStringLiteral("SELECT dimension, key1, key2, %1 FROM %2 ORDER BY dimension, key1, key2")
                                 .arg(kGroupFigures, groupsOfDay()),
                             key);
    if (!groups) {
        return groups.error();
    }
    rows.groups = readGroups(*groups);
    return rows;
}

Status SqlMetricsDaily::rebuildDay(const QDate& day) const
{
    const QVariantList key{day.toString(Qt::ISODate)};
    for (const QString& table :
         {QStringLiteral("metrics_daily WHERE day = ?"), QStringLiteral("metrics_daily_category WHERE day = ?"),
          QString(QStringLiteral("metrics_daily_hist WHERE ") + histogramOfDay()), groupsOfDay(),
          QStringLiteral("metrics_group_dirty WHERE day = ?")}) {
        if (auto s = run(m_sql, QStringLiteral("DELETE FROM ") + table, key); !s) {
            return s;
        }
    }
    const auto rows = computeDay(day, false);
    if (!rows) {
        return rows.error();
    }
    if (rows->daily.isEmpty()) {
        return {};
    }
    QVariantList values = key;
    for (const qint64 v : rows->daily) {
        values << v;
    }
    QStringList marks(kDailyColumnCount + 1, QStringLiteral("?"));
    if (auto s = m_sql.execOne(
            QStringLiteral("INSERT INTO metrics_daily (day, %1) VALUES (%2)").arg(kDailyColumns, marks.join(u',')),
            values);
        !s) {
        return s;
    }
    // The categories and histograms straight from their SELECTs (the same ones computeDay() and verify() read).
    QVariantList dayAndRange = key;
    dayAndRange << timeRange(day);
    if (auto s = run(m_sql,
                     QStringLiteral("INSERT INTO metrics_daily_category (day, category, cases) SELECT ?, category, n "
                                    "FROM (%1) x")
                         .arg(kDayCategories),
                     dayAndRange);
        !s) {
        return s;
    }
    for (const Metrics::Duration duration : kDurations) {
        if (auto s = run(m_sql,
                         QStringLiteral("INSERT INTO metrics_daily_hist (metric, day, bucket, n) SELECT %1, ?, bucket, "
                                        "n FROM (%2) x")
                             .arg(int(duration))
                             .arg(histogramSql(duration)),
                         dayAndRange);
            !s) {
            return s;
        }
    }
    // The dashboard's groups are built when it first shows the day (buildGroups()).
    if (rows->daily.first() == 0) {
        return {};
    }
    return run(m_sql, QStringLiteral("INSERT INTO metrics_group_dirty (day) VALUES (?) ON CONFLICT (day) DO NOTHING"),
               key);
}

Result<bool> SqlMetricsDaily::hasUnbuiltGroups(const QDate& from, const QDate& to) const
{
    auto q = m_sql.exec(QStringLiteral("SELECT 1 FROM metrics_group_dirty WHERE day >= ? AND day <= ? LIMIT 1"),
                        {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q) {
        return q.error();
    }
    return q->next();
}

Status SqlMetricsDaily::buildGroups(const QDate& from, const QDate& to) const
{
    if (auto s = lockDailyFigures(); !s) {
        return s;
    }
    auto listed = m_sql.exec(QStringLiteral("SELECT day FROM metrics_group_dirty WHERE day >= ? AND day <= ?"),
                             {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!listed) {
        return listed.error();
    }
    QStringList days;
    while (listed->next()) {
        days << listed->value(0).toString();
    }
    for (const QString& day : std::as_const(days)) {
        const QDate date = QDate::fromString(day, Qt::ISODate);
        QVariantList dayAndRange{day};
        dayAndRange << timeRange(date);
        for (const QString& statement : {QString(QStringLiteral("DELETE FROM ") + groupsOfDay()),
                                         QStringLiteral("DELETE FROM metrics_group_dirty WHERE day = ?")}) {
            if (auto s = run(m_sql, statement, {day}); !s) {
                return s;
            }
        }
        if (auto s = run(m_sql,
                         QStringLiteral("INSERT INTO metrics_daily_group (dimension, day, key1, key2, %1) "
                                        "SELECT dimension, ?, key1, key2, %1 FROM (%2) x")
                             .arg(kGroupFigures, dayGroupsSql()),
                         dayAndRange);
            !s) {
            return s;
        }
    }
    return {};
}

Result<QSet<QDate>> SqlMetricsDaily::markedDays() const
{
    auto marked = m_sql.exec(QStringLiteral("SELECT utc_hour FROM metrics_dirty"));
    if (!marked) {
        return marked.error();
    }
    // An hour lies in one local day, or two where the zone's offset is not whole hours.
    QSet<QDate> days;
    while (marked->next()) {
        const qint64 start = marked->value(0).toLongLong() * kHourSecs;
        days.insert(QDateTime::fromSecsSinceEpoch(start).date());
        days.insert(QDateTime::fromSecsSinceEpoch(start + kHourSecs - 1).date());
    }
    return days;
}

Status SqlMetricsDaily::flush() const
{
    const auto days = markedDays();
    if (!days) {
        return days.error();
    }
    if (days->isEmpty()) {
        return {};
    }
    if (auto s = lockDailyFigures(); !s) {
        return s;
    }
    for (const QDate& day : *days) {
        if (auto s = rebuildDay(day); !s) {
            return s;
        }
    }
    return run(m_sql, QStringLiteral("DELETE FROM metrics_dirty"));
}

Result<QStringList> SqlMetricsDaily::verify() const
{
    QStringList problems;
    // Every day from the first to the last with data, and every day with a row.
    auto span = m_sql.exec(QStringLiteral(
        "SELECT MIN(t), MAX(t) FROM (SELECT MIN(received_at) AS t FROM cases UNION ALL SELECT MAX(received_at) FROM "
        "cases UNION ALL SELECT MIN(issued_at) FROM queue_visits UNION ALL SELECT MAX(issued_at) FROM queue_visits) "
        "x"));
    if (!span) {
        return span.error();
    }
    QSet<QDate> days;
    if (span->next() && !span->value(0).isNull()) {
        const QDate first = QDateTime::fromSecsSinceEpoch(span->value(0).toLongLong()).date();
        const QDate last = QDateTime::fromSecsSinceEpoch(span->value(1).toLongLong()).date();
        for (QDate d = first; d <= last; d = d.addDays(1)) {
            days.insert(d);
        }
    }
    auto stored = m_sql.exec(QStringLiteral("SELECT day FROM metrics_daily UNION SELECT day FROM "
                                            "metrics_daily_category UNION SELECT day FROM metrics_daily_hist UNION "
                                            "SELECT day FROM metrics_daily_group"));
    if (!stored) {
        return stored.error();
    }
    while (stored->next()) {
        days.insert(QDate::fromString(stored->value(0).toString(), Qt::ISODate));
    }
    // Days still marked are rebuilt by the next commit: not a problem.
    const auto marked = markedDays();
    if (!marked) {
        return marked.error();
    }
    for (const QDate& day : *marked) {
        days.remove(day);
    }
    QList<QDate> ordered(days.cbegin(), days.cend());
    std::sort(ordered.begin(), ordered.end());
    // Days whose groups the dashboard has not built yet hold none.
    QSet<QDate> unbuilt;
    auto listed = m_sql.exec(QStringLiteral("SELECT day FROM metrics_group_dirty"));
    if (!listed) {
        return listed.error();
    }
    while (listed->next()) {
        unbuilt.insert(QDate::fromString(listed->value(0).toString(), Qt::ISODate));
    }
    for (const QDate& day : std::as_const(ordered)) {
        auto computed = computeDay(day, true);
        if (!computed) {
            return computed.error();
        }
        if (unbuilt.contains(day)) {
            computed->groups.clear();
        }
        const auto kept = storedDay(day);
        if (!kept) {
            return kept.error();
        }
        if (!(*computed == *kept)) {
            problems << tr("The daily figures of %1 do not match its cases and queue visits.")
                            .arg(day.toString(Qt::ISODate));
        }
    }
    return problems;
}

SqlMetricsDaily::AnswerCutoff SqlMetricsDaily::answerCutoff(const Metrics::Period& period)
{
    const qint64 cutoff = period.asOf.toSecsSinceEpoch() - Metrics::kAnswerWindowSecs;
    AnswerCutoff c;
    c.pendingDay = QDateTime::fromSecsSinceEpoch(cutoff + 1).date();
    c.from = std::max(period.begin().toSecsSinceEpoch(), c.pendingDay.startOfDay().toSecsSinceEpoch());
    c.to = std::min(period.end().toSecsSinceEpoch(), cutoff + 1);
    return c;
}

Result<Metrics::Totals> SqlMetricsDaily::totals(const Metrics::Period& period) const
{
    Metrics::Totals t;
    const AnswerCutoff cut = answerCutoff(period);
    QVariantList values{cut.pendingDay.toString(Qt::ISODate)};
    values << dayRange(period);
    auto daily = m_sql.exec(
        QStringLiteral(
            "SELECT COALESCE(SUM(cases), 0), COALESCE(SUM(first_response_n), 0), COALESCE(SUM(first_response_sum), 0), "
            "COALESCE(SUM(resolution_n), 0), COALESCE(SUM(resolution_sum), 0), COALESCE(SUM(answered_n), 0), "
            "COALESCE(SUM(answered_48h), 0), COALESCE(SUM(rated), 0), COALESCE(SUM(satisfied), 0), "
            "COALESCE(SUM(nps_n), 0), COALESCE(SUM(promoters), 0), COALESCE(SUM(detractors), 0), "
            "COALESCE(SUM(closed_citizen), 0), COALESCE(SUM(recurred), 0), COALESCE(SUM(transfers), 0), "
            "COALESCE(SUM(visits_called), 0), COALESCE(SUM(waiting_sum), 0), "
            "COALESCE(SUM(CASE WHEN day < ? THEN cases - answered_n ELSE 0 END), 0) "
            "FROM metrics_daily WHERE day >= ? AND day <= ?"),
        values);
    if (!daily) {
        return daily.error();
    }
    qint64 pending = 0;
    if (daily->next()) {
        qint64* fields[] = {&t.cases,
                            &t.firstResponseN,
                            &t.firstResponseSum,
                            &t.resolutionN,
                            &t.resolutionSum,
                            &t.within48Counted,
                            &t.within48Complied,
                            &t.rated,
                            &t.satisfied,
                            &t.npsN,
                            &t.promoters,
                            &t.detractors,
                            &t.closedWithCitizen,
                            &t.recurred,
                            &t.transfers,
                            &t.waitingN,
                            &t.waitingSum,
                            &pending};
        for (int i = 0; i < int(std::size(fields)); ++i) {
            *fields[i] = daily->value(i).toLongLong();
        }
    }
    // The cases of the remaining days received by the cut-off and still without an answer.
    if (cut.from < cut.to) {
        auto late = m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE received_at >= ? AND received_at < ? "
                                                "AND answered_at IS NULL AND resolved_at IS NULL"),
                                 {cut.from, cut.to});
        if (!late) {
            return late.error();
        }
        pending += late->toLongLong();
    }
    t.within48Counted += pending;

    auto categories = m_sql.exec(QStringLiteral("SELECT category, SUM(cases) FROM metrics_daily_category "
                                                "WHERE day >= ? AND day <= ? GROUP BY category"),
                                 dayRange(period));
    if (!categories) {
        return categories.error();
    }
    while (categories->next()) {
        t.categories.insert(categories->value(0).toString(), categories->value(1).toLongLong());
    }
    return t;
}

Status SqlMetricsDaily::valuesAtRanks(Metrics::Duration duration, const Metrics::Period& period,
                                      const QList<std::pair<int, qint64>>& histogram, QList<qint64> ranks,
                                      Metrics::RankedValues* out) const
{
    const Error mismatch = Error::make(
        Error::Code::Storage, tr("The daily figures do not match the cases; `qingting-cli verify` names the days."));
    std::sort(ranks.begin(), ranks.end());
    // Each rank's bucket and its offset in the bucket; neighbouring ranks in one bucket (a median's two, a p90's two)
    // are read by one statement.
    qsizetype next = 0;
    qint64 before = 0;
    for (const auto& [bucket, n] : histogram) {
        while (next < ranks.size() && ranks.at(next) < before + n) {
            qsizetype last = next;
            while (last + 1 < ranks.size() && ranks.at(last + 1) == ranks.at(last) + 1 &&
                   ranks.at(last + 1) < before + n) {
                ++last;
            }
            const qint64 count = ranks.at(last) - ranks.at(next) + 1;
            auto q = m_sql.exec(valuesSql(duration), {bucket, period.begin().toSecsSinceEpoch(),
                                                      period.end().toSecsSinceEpoch(), count, ranks.at(next) - before});
            if (!q) {
                return q.error();
            }
            for (qsizetype i = next; i <= last; ++i) {
                if (!q->next() || q->value(0).isNull()) {
                    return mismatch;
                }
                out->insert(ranks.at(i), q->value(0).toLongLong());
            }
            next = last + 1;
        }
        before += n;
    }
    return next == ranks.size() ? Status{} : Status{mismatch};
}

Result<Metrics::Ranked> SqlMetricsDaily::ranked(const Metrics::Period& period, const Metrics::Totals& t) const
{
    Metrics::Ranked ranked;
    const struct
    {
        Metrics::Duration duration;
        qint64 n;
        bool withP90;
        Metrics::RankedValues* out;
    } wanted[] = {{Metrics::Duration::FirstResponse, t.firstResponseN, false, &ranked.firstResponse},
                  {Metrics::Duration::Resolution, t.resolutionN, false, &ranked.resolution},
                  {Metrics::Duration::Waiting, t.waitingN, true, &ranked.waiting}};
    for (const auto& w : wanted) {
        const QList<qint64> ranks = Metrics::ranksNeeded(w.n, w.withP90);
        if (ranks.isEmpty()) {
            continue;
        }
        QVariantList values{int(w.duration)};
        values << dayRange(period);
        auto buckets = m_sql.exec(QStringLiteral("SELECT bucket, SUM(n) FROM metrics_daily_hist WHERE metric = ? "
                                                 "AND day >= ? AND day <= ? GROUP BY bucket ORDER BY bucket"),
                                  values);
        if (!buckets) {
            return buckets.error();
        }
        QList<std::pair<int, qint64>> histogram;
        while (buckets->next()) {
            histogram.append({buckets->value(0).toInt(), buckets->value(1).toLongLong()});
        }
        if (auto s = valuesAtRanks(w.duration, period, histogram, ranks, w.out); !s) {
            return s.error();
        }
    }
    return ranked;
}

QString SqlMetricsDaily::storedHistogramSql()
{
    return QStringLiteral("SELECT metric, bucket, n FROM metrics_daily_hist WHERE ") + histogramOfDay();
}

Result<QStringList> SqlMetricsDaily::explainStoredHistogram(const QDate& day) const
{
    return m_sql.explain(storedHistogramSql(), {day.toString(Qt::ISODate)});
}

Result<QStringList> SqlMetricsDaily::explainValues(Metrics::Duration duration, const Metrics::Period& period) const
{
    return m_sql.explain(valuesSql(duration),
                         {15, period.begin().toSecsSinceEpoch(), period.end().toSecsSinceEpoch(), 2, 0});
}
