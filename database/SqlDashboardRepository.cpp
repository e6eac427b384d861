#include "SqlDashboardRepository.h"

#include "cases/CaseStatus.h"

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
    return QStringLiteral("SELECT rating, rating_excluded, channel, waited_minutes FROM cases "
                          "WHERE received_at >= ? AND received_at < ?");
}

QString SqlDashboardRepository::breakdownSql(Dashboard::Dimension dimension)
{
    // The 48-hour rule as Metrics::compute applies it: t = the earlier of answered and resolved; a case without t
    // counts once received + 48 h <= as-of.
    const QString t = QStringLiteral("(CASE WHEN answered_at IS NULL THEN resolved_at WHEN resolved_at IS NULL OR "
                                     "answered_at <= resolved_at THEN answered_at ELSE resolved_at END)");
    return QStringLiteral(
               "SELECT COALESCE(%1, 0) AS key_id, COUNT(*), COUNT(acknowledged_at), "
               "COALESCE(SUM(acknowledged_at - received_at), 0), "
               "COALESCE(SUM(CASE WHEN %2 IS NOT NULL OR received_at + 172800 <= ? THEN 1 ELSE 0 END), 0), "
               "COALESCE(SUM(CASE WHEN %2 - received_at <= 172800 THEN 1 ELSE 0 END), 0), "
               "COALESCE(SUM(CASE WHEN rating_excluded = 0 AND rating BETWEEN 1 AND 5 THEN 1 ELSE 0 END), 0), "
               "COALESCE(SUM(CASE WHEN rating_excluded = 0 AND rating BETWEEN 4 AND 5 THEN 1 ELSE 0 END), 0), "
               "COALESCE(SUM(transfer_count), 0), "
               "COALESCE(SUM(CASE WHEN status IN (%3) THEN 1 ELSE 0 END), 0), "
               "COALESCE(SUM(CASE WHEN status IN (%3) AND due_at < ? THEN 1 ELSE 0 END), 0) "
               "FROM cases WHERE received_at >= ? AND received_at < ? GROUP BY COALESCE(%1, 0)")
        .arg(QLatin1String(columnOf(dimension)), t, openCodes());
}

QString SqlDashboardRepository::alertPairsSql()
{
    return QStringLiteral("SELECT category_id, service_item_id FROM cases WHERE received_at >= ? AND received_at < ? "
                          "AND category_id IS NOT NULL AND service_item_id IS NOT NULL "
                          "GROUP BY category_id, service_item_id HAVING COUNT(*) >= ?");
}

QString SqlDashboardRepository::alertCasesSql()
{
    return QStringLiteral("SELECT id, received_at FROM cases WHERE service_item_id = ? AND category_id = ? AND "
                          "received_at >= ? AND received_at < ? ORDER BY received_at, id");
}

Result<DashboardRepository::Tally> SqlDashboardRepository::tally(const Dashboard::Range& bucket)
{
    auto q = m_sql.exec(tallySql(), rangeValues(bucket));
    if (!q) {
        return q.error();
    }
    Tally t;
    while (q->next()) {
        const auto rating = SqlContext::toOptionalInt(q->value(0));
        if (rating && *rating >= 1 && *rating <= 5 && q->value(1).toInt() == 0) {
            ++t.levels[std::size_t(*rating - 1)];
        }
        if (const auto channel = Channels::fromCode(q->value(2).toString())) {
            ++t.channels[std::size_t(*channel)];
        }
        if (!q->value(3).isNull()) {
            t.waitedMinutes.append(q->value(3).toDouble());
        }
    }
    return t;
}

Result<QList<Dashboard::BreakdownRow>>
SqlDashboardRepository::breakdown(Dashboard::Dimension dimension, const Dashboard::Range& range, const QDateTime& asOf)
{
    const qint64 now = asOf.toSecsSinceEpoch();
    QVariantList values{now, now};
    values << rangeValues(range);
    auto q = m_sql.exec(breakdownSql(dimension), values);
    if (!q) {
        return q.error();
    }
    QList<Dashboard::BreakdownRow> rows;
    while (q->next()) {
        Dashboard::BreakdownRow r;
        r.id = q->value(0).toLongLong();
        r.cases = q->value(1).toLongLong();
        r.firstResponseN = q->value(2).toLongLong();
        if (r.firstResponseN > 0) {
            r.firstResponseMeanMinutes = double(q->value(3).toLongLong()) / 60.0 / double(r.firstResponseN);
        }
        const qint64 counted = q->value(4).toLongLong();
        if (counted > 0) {
            r.within48hRate = double(q->value(5).toLongLong()) / double(counted);
        }
        r.csatN = q->value(6).toLongLong();
        if (r.csatN > 0) {
            r.csat = double(q->value(7).toLongLong()) / double(r.csatN);
        }
        r.transfers = q->value(8).toLongLong();
        r.open = q->value(9).toLongLong();
        r.overdue = q->value(10).toLongLong();
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
    QVariantList values = rangeValues(range);
    values << rule.minCases;
    auto pairs = m_sql.exec(alertPairsSql(), values);
    if (!pairs) {
        return pairs.error();
    }
    QList<std::pair<qint64, qint64>> candidates;
    while (pairs->next()) {
        candidates.append({pairs->value(0).toLongLong(), pairs->value(1).toLongLong()});
    }
    QList<Dashboard::SystemicAlert> result;
    for (const auto& [category, item] : candidates) {
        QVariantList v{item, category};
        v << rangeValues(range);
        auto q = m_sql.exec(alertCasesSql(), v);
        if (!q) {
            return q.error();
        }
        QList<std::pair<qint64, QDate>> cases; // id, local day received
        while (q->next()) {
            cases.append({q->value(0).toLongLong(), QDateTime::fromSecsSinceEpoch(q->value(1).toLongLong()).date()});
        }
        // The latest window of windowDays local days, ending on a day with a case, that holds minCases of them.
        for (qsizetype last = cases.size() - 1; last >= rule.minCases - 1; --last) {
            const QDate windowTo = cases.at(last).second;
            const QDate windowFrom = windowTo.addDays(-(rule.windowDays - 1));
            qsizetype first = last;
            while (first > 0 && cases.at(first - 1).second >= windowFrom) {
                --first;
            }
            if (last - first + 1 < rule.minCases) {
                continue;
            }
            qsizetype end = last; // the window's other cases received the same day after `last`
            while (end + 1 < cases.size() && cases.at(end + 1).second == windowTo) {
                ++end;
            }
            Dashboard::SystemicAlert alert;
            alert.categoryId = category;
            alert.serviceItemId = item;
            alert.windowFrom = windowFrom;
            alert.windowTo = windowTo;
            for (qsizetype i = first; i <= end; ++i) {
                alert.caseIds.append(cases.at(i).first);
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

Result<QStringList> SqlDashboardRepository::explain(const QString& sql, const Dashboard::Range& range) const
{
    // Placeholders before the range (the breakdown's as-of twice, an alert's item and category) get plain numbers.
    const qsizetype before = sql.left(sql.indexOf(QLatin1String("received_at >= ?"))).count(QLatin1Char('?'));
    QVariantList values;
    for (qsizetype i = 0; i < before; ++i) {
        values << 1;
    }
    values << rangeValues(range);
    const qsizetype after = sql.count(QLatin1Char('?')) - values.size();
    for (qsizetype i = 0; i < after; ++i) {
        values << 3;
    }
    return m_sql.explain(sql, values);
}
