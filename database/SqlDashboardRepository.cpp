#include "SqlDashboardRepository.h"

#include "SqlMetricsDaily.h"
#include "cases/CaseStatus.h"

#include <map>

#include <algorithm>

namespace {
QVariantList rangeValues(const Dashboard::Range& range)
{
    return {SqlContext::time(range.from.startOfDay()), SqlContext::time(range.to.addDays(1).startOfDay())};
}

const char* columnOf(Dashboard::Dimension dimension)
{
    switch (dimension) {
    case Dashboard::Dimension::Window:
        return "window_id";
    case Dashboard::Dimension::ServiceItem:
        return "service_item_id";
    case Dashboard::Dimension::Department:
        return "department_id";
    }
    Q_UNREACHABLE();
}

QVariantList dayRange(const Dashboard::Range& range)
{
    return {range.from.toString(Qt::ISODate), range.to.toString(Qt::ISODate)};
}

int groupOf(Dashboard::Dimension dimension)
{
    switch (dimension) {
    case Dashboard::Dimension::Window:
        return int(SqlMetricsDaily::Group::Window);
    case Dashboard::Dimension::ServiceItem:
        return int(SqlMetricsDaily::Group::ServiceItem);
    case Dashboard::Dimension::Department:
        return int(SqlMetricsDaily::Group::Department);
    }
    Q_UNREACHABLE();
}

/** The open statuses' codes as an SQL list (CaseStatuses::isOpen). */
QString openCodes()
{
    QStringList codes;
    for (const CaseStatus s : CaseStatuses::all()) {
        if (CaseStatuses::isOpen(s)) {
            codes << QLatin1Char('\'') + CaseStatuses::code(s) + QLatin1Char('\'');
        }
    }
    return codes.join(QStringLiteral(", "));
}
} // namespace

QString SqlDashboardRepository::tallySql()
{
    return QStringLiteral("SELECT dimension, key1, SUM(cases) FROM metrics_daily_group WHERE dimension IN (%1, %2, %3) "
                          "AND day >= ? AND day <= ? GROUP BY dimension, key1")
        .arg(int(SqlMetricsDaily::Group::Channel))
        .arg(int(SqlMetricsDaily::Group::RatingLevel))
        .arg(int(SqlMetricsDaily::Group::WaitedMinutes));
}

QString SqlDashboardRepository::breakdownSql()
{
    // The last column: the cases still without an answer on the days that lie wholly before the 48-hour rule's
    // cut-off, which count (as in SqlMetricsDaily::totals).
    return QStringLiteral("SELECT key1, SUM(cases), SUM(first_response_n), SUM(first_response_sum), SUM(answered_n), "
                          "SUM(answered_48h), SUM(rated), SUM(satisfied), SUM(transfers), "
                          "SUM(CASE WHEN day < ? THEN cases - answered_n ELSE 0 END) FROM metrics_daily_group "
                          "WHERE dimension = ? AND day >= ? AND day <= ? GROUP BY key1");
}

QString SqlDashboardRepository::pendingSql(Dashboard::Dimension dimension)
{
    return QStringLiteral("SELECT COALESCE(%1, 0), COUNT(*) FROM cases WHERE received_at >= ? AND received_at < ? "
                          "AND answered_at IS NULL AND resolved_at IS NULL GROUP BY COALESCE(%1, 0)")
        .arg(QLatin1String(columnOf(dimension)));
}

QString SqlDashboardRepository::openSql(Dashboard::Dimension dimension)
{
    return QStringLiteral("SELECT COALESCE(%1, 0), COUNT(*), COALESCE(SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), 0) "
                          "FROM cases WHERE status IN (%2) AND received_at >= ? AND received_at < ? "
                          "GROUP BY COALESCE(%1, 0)")
        .arg(QLatin1String(columnOf(dimension)), openCodes());
}

QString SqlDashboardRepository::alertPairsSql()
{
    return QStringLiteral("SELECT key1, key2, day, cases FROM metrics_daily_group WHERE dimension = %1 AND day >= ? "
                          "AND day <= ? ORDER BY key1, key2, day")
        .arg(int(SqlMetricsDaily::Group::CategoryItem));
}

QString SqlDashboardRepository::alertCasesSql()
{
    return QStringLiteral("SELECT id FROM cases WHERE service_item_id = ? AND category_id = ? AND "
                          "received_at >= ? AND received_at < ? ORDER BY received_at, id");
}

Result<bool> SqlDashboardRepository::groupsPending(const Dashboard::Range& range)
{
    return SqlMetricsDaily(m_sql).hasUnbuiltGroups(range.from, range.to);
}

Status SqlDashboardRepository::buildGroups(const Dashboard::Range& range)
{
    return SqlMetricsDaily(m_sql).buildGroups(range.from, range.to);
}

Result<DashboardRepository::Tally> SqlDashboardRepository::tally(const Dashboard::Range& bucket)
{
    auto q = m_sql.exec(tallySql(), dayRange(bucket));
    if (!q) {
        return q.error();
    }
    Tally t;
    QList<std::pair<qint64, qint64>> waited; // minutes, cases
    while (q->next()) {
        const auto group = SqlMetricsDaily::Group(q->value(0).toInt());
        const qint64 key = q->value(1).toLongLong();
        const qint64 n = q->value(2).toLongLong();
        switch (group) {
        case SqlMetricsDaily::Group::Channel:
            if (key >= 0 && key < qint64(t.channels.size())) {
                t.channels[std::size_t(key)] += n;
            }
            break;
        case SqlMetricsDaily::Group::RatingLevel:
            if (key >= 1 && key <= 5) {
                t.levels[std::size_t(key - 1)] += n;
            }
            break;
        case SqlMetricsDaily::Group::WaitedMinutes:
            waited.append({key, n});
            break;
        default:
            break;
        }
    }
    // The minutes waited, one value per case, for the same median and p90 as everywhere else.
    qint64 count = 0;
    for (const auto& [minutes, n] : std::as_const(waited)) {
        count += n;
    }
    t.waitedMinutes.reserve(count);
    for (const auto& [minutes, n] : std::as_const(waited)) {
        for (qint64 i = 0; i < n; ++i) {
            t.waitedMinutes.append(double(minutes));
        }
    }
    return t;
}

Result<QList<Dashboard::BreakdownRow>>
SqlDashboardRepository::breakdown(Dashboard::Dimension dimension, const Dashboard::Range& range, const QDateTime& asOf)
{
    // The 48-hour rule split as SqlMetricsDaily::totals splits it: whole days from the groups, the rest (a day or
    // two) from the cases.
    const SqlMetricsDaily::AnswerCutoff cut = SqlMetricsDaily::answerCutoff(range.period(asOf));
    QVariantList values{cut.pendingDay.toString(Qt::ISODate), groupOf(dimension)};
    values << dayRange(range);
    auto q = m_sql.exec(breakdownSql(), values);
    if (!q) {
        return q.error();
    }
    struct Sums
    {
        Dashboard::BreakdownRow row;
        qint64 firstResponseSum = 0;
        qint64 counted = 0;
        qint64 complied = 0;
        qint64 satisfied = 0;
    };
    std::map<qint64, Sums> byKey;
    while (q->next()) {
        Sums& s = byKey[q->value(0).toLongLong()];
        s.row.cases = q->value(1).toLongLong();
        s.row.firstResponseN = q->value(2).toLongLong();
        s.firstResponseSum = q->value(3).toLongLong();
        s.counted = q->value(4).toLongLong() + q->value(9).toLongLong();
        s.complied = q->value(5).toLongLong();
        s.row.csatN = q->value(6).toLongLong();
        s.satisfied = q->value(7).toLongLong();
        s.row.transfers = q->value(8).toLongLong();
    }
    if (cut.from < cut.to) {
        auto late = m_sql.exec(pendingSql(dimension), {cut.from, cut.to});
        if (!late) {
            return late.error();
        }
        while (late->next()) {
            byKey[late->value(0).toLongLong()].counted += late->value(1).toLongLong();
        }
    }
    // Open and overdue now, from the open cases (a few thousand at most, through cases_status_received).
    QVariantList openValues{asOf.toSecsSinceEpoch()};
    openValues << rangeValues(range);
    auto open = m_sql.exec(openSql(dimension), openValues);
    if (!open) {
        return open.error();
    }
    while (open->next()) {
        Sums& s = byKey[open->value(0).toLongLong()];
        s.row.open = open->value(1).toLongLong();
        s.row.overdue = open->value(2).toLongLong();
    }
    QList<Dashboard::BreakdownRow> rows;
    for (auto& [key, s] : byKey) {
        if (s.row.cases == 0) {
            continue; // only a stale group could give open cases without cases
        }
        Dashboard::BreakdownRow r = s.row;
        r.id = key;
        if (r.firstResponseN > 0) {
            r.firstResponseMeanMinutes = double(s.firstResponseSum) / 60.0 / double(r.firstResponseN);
        }
        if (s.counted > 0) {
            r.within48hRate = double(s.complied) / double(s.counted);
        }
        if (r.csatN > 0) {
            r.csat = double(s.satisfied) / double(r.csatN);
        }
        rows.append(r);
    }
    std::sort(rows.begin(), rows.end(), [](const Dashboard::BreakdownRow& a, const Dashboard::BreakdownRow& b) {
        return a.cases != b.cases ? a.cases > b.cases : a.id < b.id;
    });
    return rows;
}

Result<QList<Dashboard::SystemicAlert>> SqlDashboardRepository::alerts(const Dashboard::Range& range,
                                                                       const Dashboard::AlertRule& rule)
{
    auto pairs = m_sql.exec(alertPairsSql(), dayRange(range));
    if (!pairs) {
        return pairs.error();
    }
    // Each pair's days with cases, in order.
    std::map<std::pair<qint64, qint64>, QList<std::pair<QDate, qint64>>> days;
    while (pairs->next()) {
        days[{pairs->value(0).toLongLong(), pairs->value(1).toLongLong()}].append(
            {QDate::fromString(pairs->value(2).toString(), Qt::ISODate), pairs->value(3).toLongLong()});
    }
    QList<Dashboard::SystemicAlert> result;
    for (const auto& [pair, counts] : days) {
        // The latest window of windowDays local days, ending on a day with a case, that holds minCases of them.
        for (qsizetype last = counts.size() - 1; last >= 0; --last) {
            const QDate windowTo = counts.at(last).first;
            const QDate windowFrom = windowTo.addDays(-(rule.windowDays - 1));
            qint64 n = 0;
            for (qsizetype i = last; i >= 0 && counts.at(i).first >= windowFrom; --i) {
                n += counts.at(i).second;
            }
            if (n < rule.minCases) {
                continue;
            }
            Dashboard::SystemicAlert alert;
            alert.categoryId = pair.first;
            alert.serviceItemId = pair.second;
            alert.windowFrom = windowFrom;
            alert.windowTo = windowTo;
            const Dashboard::Range cases{std::max(windowFrom, range.from), windowTo};
            QVariantList v{alert.serviceItemId, alert.categoryId};
            v << rangeValues(cases);
            auto q = m_sql.exec(alertCasesSql(), v);
            if (!q) {
                return q.error();
            }
            while (q->next()) {
                alert.caseIds.append(q->value(0).toLongLong());
            }
            result.append(alert);
            break;
        }
    }
    std::stable_sort(
        result.begin(), result.end(), [](const Dashboard::SystemicAlert& a, const Dashboard::SystemicAlert& b) {
            return a.caseIds.size() != b.caseIds.size() ? a.caseIds.size() > b.caseIds.size() : a.windowTo > b.windowTo;
        });
    return result;
}

Result<QList<qint64>> SqlDashboardRepository::casesBehind(const Dashboard::Selection& selection, int limit)
{
    QString where = QStringLiteral("received_at >= ? AND received_at < ?");
    QVariantList values = rangeValues(selection.range);
    if (selection.category) {
        where += QStringLiteral(" AND COALESCE(category_name, '') = ?");
        values << *selection.category;
    }
    if (selection.rating) {
        where += QStringLiteral(" AND rating = ? AND rating_excluded = 0");
        values << *selection.rating;
    }
    if (selection.channel) {
        where += QStringLiteral(" AND channel = ?");
        values << Channels::code(*selection.channel);
    }
    if (selection.dimension) {
        const QString column = QLatin1String(columnOf(*selection.dimension));
        if (selection.dimensionId == 0) {
            where += QStringLiteral(" AND %1 IS NULL").arg(column);
        } else {
            where += QStringLiteral(" AND %1 = ?").arg(column);
            values << selection.dimensionId;
        }
    }
    values << limit;
    auto q = m_sql.exec(
        QStringLiteral("SELECT id FROM cases WHERE %1 ORDER BY received_at DESC, id DESC LIMIT ?").arg(where), values);
    if (!q) {
        return q.error();
    }
    QList<qint64> ids;
    while (q->next()) {
        ids.append(q->value(0).toLongLong());
    }
    return ids;
}

Result<QStringList> SqlDashboardRepository::explain(Statement statement, const Dashboard::Range& range,
                                                    Dashboard::Dimension dimension) const
{
    switch (statement) {
    case Statement::Tally:
        return m_sql.explain(tallySql(), dayRange(range));
    case Statement::Breakdown: {
        QVariantList values{range.to.toString(Qt::ISODate), groupOf(dimension)};
        return m_sql.explain(breakdownSql(), values << dayRange(range));
    }
    case Statement::Pending:
        return m_sql.explain(pendingSql(dimension), rangeValues(range));
    case Statement::Open: {
        QVariantList values{range.to.startOfDay().toSecsSinceEpoch()};
        return m_sql.explain(openSql(dimension), values << rangeValues(range));
    }
    case Statement::AlertPairs:
        return m_sql.explain(alertPairsSql(), dayRange(range));
    case Statement::AlertCases: {
        QVariantList values{1, 1};
        return m_sql.explain(alertCasesSql(), values << rangeValues(range));
    }
    }
    Q_UNREACHABLE();
}
