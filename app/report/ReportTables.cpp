#include "report/ReportTables.h"

#include "cases/CaseStatus.h"

#include <QLocale>

#include <cmath>

namespace ReportTables {

using Report::ReviewReport;
using Report::Unit;

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("ReportTables", text, disambiguation, n);
}

QVariant opt(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant date(const QDate& d)
{
    return d.isValid() ? QVariant(d) : QVariant();
}

QVariant dateTime(const QDateTime& t)
{
    return t.isValid() ? QVariant(t) : QVariant();
}

CellType typeOfUnit(Unit unit)
{
    switch (unit) {
    case Unit::Count:
        return CellType::Integer;
    case Unit::Rate:
        return CellType::Percent;
    default:
        return CellType::Number;
    }
}

Table metrics(const ReviewReport& r)
{
    Table t;
    t.id = Id::Metrics;
    t.title = tr("Figures of the period and the previous period");
    t.sheetName = tr("Metrics");
    t.columns = {{tr("Figure"), CellType::Text, 38},   {tr("Key"), CellType::Text, 28},
                 {tr("Period"), CellType::Number, 12}, {tr("Previous period"), CellType::Number, 14},
                 {tr("Change"), CellType::Number, 12}, {tr("Change (relative)"), CellType::Percent, 14}};
    for (const Report::MetricRow& m : r.metrics) {
        t.rows.append({m.label, m.key, opt(m.current), opt(m.previous), opt(m.delta()), opt(m.relative())});
        const CellType type = typeOfUnit(m.unit);
        // A rate's change is in percentage points: still a fraction, shown as a percentage.
        t.rowTypes.append({CellType::Text, CellType::Text, type, type,
                           type == CellType::Percent ? CellType::Points : CellType::Delta, CellType::Percent});
    }
    return t;
}

Table pareto(const ReviewReport& r)
{
    Table t;
    t.id = Id::Pareto;
    t.title = tr("Cases by category (Pareto)");
    t.sheetName = tr("Pareto");
    t.columns = {{tr("Rank"), CellType::Integer, 6},
                 {tr("Category"), CellType::Text, 22},
                 {tr("Cases"), CellType::Integer, 10},
                 {tr("Share"), CellType::Percent, 10},
                 {tr("Cumulative share"), CellType::Percent, 16},
                 {tr("Vital few (80 %)"), CellType::Text, 14}};
    int rank = 0;
    for (const Metrics::CategoryRow& row : r.pareto) {
        ++rank;
        t.rows.append({rank, row.category.isEmpty() ? tr("(none)") : row.category, row.cases, row.share,
                       row.cumulativeShare, rank <= r.vitalFew ? tr("yes") : QString()});
    }
    return t;
}

Table series(const ReviewReport& r)
{
    Table t;
    t.id = Id::Series;
    t.title = r.grain == Dashboard::Grain::Day ? tr("Daily series") : tr("Weekly series");
    t.sheetName = r.grain == Dashboard::Grain::Day ? tr("Daily") : tr("Weekly");
    t.columns = {{tr("From"), CellType::Date, 11},
                 {tr("To"), CellType::Date, 11},
                 {tr("Cases"), CellType::Integer, 8},
                 {tr("Waiting mean (min)"), CellType::Number, 10},
                 {tr("Waiting median (min)"), CellType::Number, 10},
                 {tr("Waiting p90 (min)"), CellType::Number, 10},
                 {tr("Queue visits called"), CellType::Integer, 10},
                 {tr("Waited at intake, mean (min)"), CellType::Number, 12}};
    for (int level = 1; level <= 5; ++level) {
        t.columns.append({tr("Rated %1 %2").arg(level).arg(Dashboard::ratingLabel(level)), CellType::Integer, 10});
    }
    t.columns += {{tr("CSAT"), CellType::Percent, 8},
                  {tr("NPS"), CellType::Number, 8},
                  {tr("First response median (min)"), CellType::Number, 12},
                  {tr("Resolution median (h)"), CellType::Number, 12},
                  {tr("Within 48 h"), CellType::Percent, 10}};
    const QList<Channel> channels = Channels::all();
    for (const Channel c : channels) {
        t.columns.append({tr("Cases: %1").arg(Channels::label(c)), CellType::Integer, 10});
    }
    for (int i = 0; i < r.waiting.size(); ++i) {
        const Dashboard::WaitingPoint& w = r.waiting.at(i);
        const Dashboard::SatisfactionPoint& s = r.satisfaction.at(i);
        const Dashboard::ServicePoint& v = r.service.at(i);
        qint64 cases = 0;
        for (const qint64 n : v.casesByChannel) {
            cases += n;
        }
        QVariantList row{w.bucket.from,
                         w.bucket.to,
                         cases,
                         opt(w.queueMinutes.mean),
                         opt(w.queueMinutes.median),
                         opt(w.queueMinutes.p90),
                         w.queueMinutes.n,
                         opt(w.waitedMinutes.mean)};
        for (const qint64 n : s.levels) {
            row.append(n);
        }
        row += {opt(s.csat), opt(s.nps), opt(v.firstResponseMinutes.median), opt(v.resolutionHours.median),
                opt(v.within48hRate)};
        for (const Channel c : channels) {
            row.append(v.casesByChannel.at(std::size_t(c)));
        }
        t.rows.append(row);
    }
    return t;
}

QList<Column> breakdownColumns()
{
    return {{tr("Breakdown"), CellType::Text, 10},      {tr("Name"), CellType::Text, 24},
            {tr("Cases"), CellType::Integer, 8},        {tr("First response mean (min)"), CellType::Number, 12},
            {tr("Within 48 h"), CellType::Percent, 10}, {tr("CSAT"), CellType::Percent, 8},
            {tr("Rated"), CellType::Integer, 8},        {tr("Transfers"), CellType::Integer, 9},
            {tr("Open"), CellType::Integer, 7},         {tr("Overdue"), CellType::Integer, 8}};
}

void addBreakdownRows(Table& t, Dashboard::Dimension dimension, const QList<Dashboard::BreakdownRow>& rows)
{
    for (const Dashboard::BreakdownRow& b : rows) {
        t.rows.append({Dashboard::label(dimension), b.name, b.cases, opt(b.firstResponseMeanMinutes),
                       opt(b.within48hRate), opt(b.csat), b.csatN, b.transfers, b.open, b.overdue});
    }
}

const QList<Dashboard::BreakdownRow>& rowsOf(const ReviewReport& r, Dashboard::Dimension dimension)
{
    switch (dimension) {
    case Dashboard::Dimension::Window:
        return r.byWindow;
    case Dashboard::Dimension::ServiceItem:
        return r.byServiceItem;
    case Dashboard::Dimension::Department:
        break;
    }
    return r.byDepartment;
}

Table breakdowns(const ReviewReport& r)
{
    Table t;
    t.id = Id::Breakdowns;
    t.title = tr("By window, service item and department");
    t.sheetName = tr("Breakdowns");
    t.columns = breakdownColumns();
    for (const Dashboard::Dimension d :
         {Dashboard::Dimension::Window, Dashboard::Dimension::ServiceItem, Dashboard::Dimension::Department}) {
        addBreakdownRows(t, d, rowsOf(r, d));
    }
    return t;
}

Table overdue(const ReviewReport& r)
{
    Table t;
    t.id = Id::Overdue;
    t.title = tr("Overdue cases at %1").arg(QLocale().toString(r.asOf, QStringLiteral("yyyy-MM-dd HH:mm")));
    t.sheetName = tr("Overdue");
    t.columns = {{tr("Case no."), CellType::Text, 18},   {tr("Received"), CellType::DateTime, 17},
                 {tr("Category"), CellType::Text, 14},   {tr("Service item"), CellType::Text, 18},
                 {tr("Department"), CellType::Text, 16}, {tr("Due"), CellType::DateTime, 17},
                 {tr("Days over"), CellType::Integer, 9}};
    for (const Report::OverdueCase& o : r.overdueCases) {
        t.rows.append(
            {o.caseNo, dateTime(o.received), o.category, o.serviceItem, o.department, dateTime(o.due), o.daysOver});
    }
    if (r.overdueMore > 0) {
        t.note =
            r.overdueMoreExact ? tr("and %1 more").arg(r.overdueMore) : tr("and at least %1 more").arg(r.overdueMore);
    }
    return t;
}

Table alerts(const ReviewReport& r)
{
    Table t;
    t.id = Id::Alerts;
    t.title = tr("Systemic problems (the same category and service item at least %1 times in %2 days)")
                  .arg(r.rule.minCases)
                  .arg(r.rule.windowDays);
    t.sheetName = tr("Systemic");
    t.columns = {{tr("Category"), CellType::Text, 14}, {tr("Service item"), CellType::Text, 18},
                 {tr("From"), CellType::Date, 11},     {tr("To"), CellType::Date, 11},
                 {tr("Cases"), CellType::Integer, 7},  {tr("Case numbers"), CellType::Text, 60}};
    for (const Report::AlertItem& a : r.alerts) {
        QString numbers = a.caseNos.join(QLatin1Char(' '));
        if (a.cases > a.caseNos.size()) {
            numbers += QLatin1Char(' ') + tr("and %1 more").arg(a.cases - a.caseNos.size());
        }
        t.rows.append({a.category, a.serviceItem, date(a.windowFrom), date(a.windowTo), a.cases, numbers});
    }
    return t;
}

Table actions(const ReviewReport& r)
{
    Table t;
    t.id = Id::Actions;
    t.title = tr("Improvement actions: open, and done in the period");
    t.sheetName = tr("Actions");
    t.columns = {{tr("Title"), CellType::Text, 36},         {tr("Owner"), CellType::Text, 16},
                 {tr("Deadline"), CellType::Date, 11},      {tr("Status"), CellType::Text, 10},
                 {tr("Done"), CellType::DateTime, 17},      {tr("Overdue"), CellType::Text, 8},
                 {tr("Linked cases"), CellType::Integer, 8}};
    for (const Report::ActionItem& a : r.actions) {
        t.rows.append({a.title, a.owner, date(a.deadline), ImprovementStatuses::label(a.status), dateTime(a.doneAt),
                       a.overdue ? tr("overdue") : QString(), a.linkedCases});
    }
    if (r.actionsMore > 0) {
        t.note = tr("and %1 more").arg(r.actionsMore);
    }
    return t;
}

Table audit(const ReviewReport& r)
{
    Table t;
    t.id = Id::Audit;
    t.title = tr("Audit checkpoint");
    t.sheetName = tr("Audit");
    t.columns = {{tr("Item"), CellType::Text, 24}, {tr("Value"), CellType::Text, 70}};
    const auto add = [&t](const QString& item, const QVariant& value, CellType type) {
        t.rows.append({item, value});
        t.rowTypes.append({CellType::Text, type});
    };
    add(tr("Hall"), r.hallName, CellType::Text);
    add(tr("Period from"), r.range.from, CellType::Date);
    add(tr("Period to"), r.range.to, CellType::Date);
    add(tr("Previous period from"), r.previous.from, CellType::Date);
    add(tr("Previous period to"), r.previous.to, CellType::Date);
    add(tr("Figures as of"), r.asOf, CellType::DateTime);
    add(tr("Report generated at"), r.generatedAt, CellType::DateTime);
    if (r.audit.present) {
        add(tr("Audit head: entry"), r.audit.seq, CellType::Integer);
        add(tr("Audit head: hash"), r.audit.hash, CellType::Text);
        add(tr("Audit head: time"), dateTime(r.audit.at), CellType::DateTime);
        add(tr("Audit head: key id"), r.audit.keyId.isEmpty() ? tr("(legacy, unkeyed)") : r.audit.keyId,
            CellType::Text);
    } else {
        add(tr("Audit head"), tr("(the audit log is empty)"), CellType::Text);
    }
    add(tr("Chain check"), Report::Text::checkLabel(r.audit.check), CellType::Text);
    add(tr("Check details"), r.audit.note, CellType::Text);
    return t;
}
} // namespace

CellType typeOf(const Table& table, int row, int column)
{
    if (row < table.rowTypes.size() && column < table.rowTypes.at(row).size()) {
        return table.rowTypes.at(row).at(column);
    }
    return table.columns.at(column).type;
}

QList<Table> all(const ReviewReport& report)
{
    return {metrics(report), pareto(report), series(report),  breakdowns(report),
            overdue(report), alerts(report), actions(report), audit(report)};
}

Table breakdown(const ReviewReport& report, Dashboard::Dimension dimension)
{
    Table t;
    t.id = Id::Breakdowns;
    t.title = tr("By %1").arg(Dashboard::label(dimension).toLower());
    t.columns = breakdownColumns().mid(1);
    t.columns.first().header = Dashboard::label(dimension);
    Table full;
    addBreakdownRows(full, dimension, rowsOf(report, dimension));
    for (QVariantList row : full.rows) {
        row.removeFirst();
        t.rows.append(row);
    }
    return t;
}

QString sheetName(const QString& wanted)
{
    QString name;
    for (const QChar c : wanted) {
        if (!QStringLiteral("[]:*?/\\").contains(c) && c.unicode() >= 0x20) {
            name.append(c);
        }
    }
    name = name.left(31).trimmed();
    while (name.startsWith(QLatin1Char('\''))) {
        name.remove(0, 1);
    }
    while (name.endsWith(QLatin1Char('\''))) {
        name.chop(1);
    }
    return name.isEmpty() ? QStringLiteral("Sheet") : name;
}

QString display(const QVariant& value, CellType type)
{
    if (!value.isValid() || value.isNull()) {
        return QStringLiteral("–");
    }
    const QLocale locale;
    switch (type) {
    case CellType::Text:
        return value.toString();
    case CellType::Integer:
        return locale.toString(value.toLongLong());
    case CellType::Number:
        return locale.toString(value.toDouble(), 'f', 2);
    case CellType::Percent:
        return locale.toString(value.toDouble() * 100.0, 'f', 1) + QLatin1Char('%');
    case CellType::Date:
        return value.toDate().toString(Qt::ISODate);
    case CellType::DateTime:
        return value.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case CellType::Delta: {
        const double v = value.toDouble();
        const QString sign = v > 0 ? QStringLiteral("+") : QString();
        return sign + locale.toString(v, 'f', v == std::floor(v) ? 0 : 2);
    }
    case CellType::Points: {
        const double v = value.toDouble() * 100.0;
        const QString sign = v > 0 ? QStringLiteral("+") : QString();
        return tr("%1 pp", "percentage points").arg(sign + locale.toString(v, 'f', 1));
    }
    }
    return value.toString();
}

QString PeriodText::periodLine(const ReviewReport& report)
{
    return tr("%1 to %2 (%n days)", "", int(report.range.days()))
        .arg(report.range.from.toString(Qt::ISODate), report.range.to.toString(Qt::ISODate));
}

QString PeriodText::previousLine(const ReviewReport& report)
{
    return tr("compared with %1 to %2")
        .arg(report.previous.from.toString(Qt::ISODate), report.previous.to.toString(Qt::ISODate));
}

} // namespace ReportTables
