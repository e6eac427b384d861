#include "dashboard/DashboardCharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>

namespace {

using Dashboard::Range;
using Dashboard::Selection;

/** Rating levels 1 非常不满意 … 5 非常满意, red to green. */
const QColor kLevelColors[5] = {QColor(0xc0, 0x39, 0x2b), QColor(0xe6, 0x7e, 0x22), QColor(0xb8, 0xbe, 0xc4),
                                QColor(0x7d, 0xce, 0xa0), QColor(0x1e, 0x84, 0x49)};
/** Mean, median, p90: the same colour for a statistic in both sources; the source is the line style. */
const QColor kMeanColor(0x29, 0x80, 0xb9);
const QColor kMedianColor(0x27, 0xae, 0x60);
const QColor kP90Color(0xd3, 0x54, 0x00);
const QColor kVitalColor(0xc0, 0x39, 0x2b);
const QColor kOthersColor(0x95, 0xa5, 0xa6);
constexpr int kMaxDottedPoints = 16;

void showTip(const QString& text)
{
    QToolTip::showText(QCursor::pos(), text);
}

QString number(double value, int decimals = 1)
{
    return QLocale().toString(value, 'f', decimals);
}

QString orNoData(const std::optional<double>& value, const QString& unit, int decimals = 1)
{
    return value ? DashboardCharts::tr("%1 %2", "value unit").arg(number(*value, decimals), unit)
                 : DashboardCharts::tr("no data");
}

QString percentText(const std::optional<double>& rate)
{
    return rate ? number(*rate * 100) + QStringLiteral(" %") : DashboardCharts::tr("no data");
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(std::max(titleFont.pointSizeF(), 10.0) + 1);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(true);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

/** The Pareto's x axis: every category's name under its bar. */
QBarCategoryAxis* categoryAxis(QChart* chart, const QStringList& labels, const QString& title)
{
    auto* axis = new QBarCategoryAxis;
    axis->setObjectName(QStringLiteral("xAxis"));
    QStringList distinct; // the axis needs distinct labels
    for (QString label : labels) {
        while (distinct.contains(label)) {
            label += QLatin1Char(' ');
        }
        distinct.append(label);
    }
    axis->append(distinct);
    axis->setTitleText(title);
    qsizetype longest = 0;
    for (const QString& label : labels) {
        longest = std::max(longest, label.size());
    }
    if (longest > 6) { // long Chinese category names: a smaller font before they get cut
        QFont font = axis->labelsFont();
        font.setPointSizeF(std::max(7.0, font.pointSizeF() - 1.5));
        axis->setLabelsFont(font);
    }
    if (labels.size() > 10) {
        axis->setLabelsAngle(-45);
    }
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis* valueAxis(QChart* chart, const QString& title, Qt::Alignment side, double min, double max, const char* name)
{
    auto* axis = new QValueAxis;
    axis->setObjectName(QLatin1String(name));
    axis->setTitleText(title);
    axis->setRange(min, max);
    axis->applyNiceNumbers();
    if (max <= 10 && min >= 0) {
        axis->setLabelFormat(QStringLiteral("%.1f"));
    } else {
        axis->setLabelFormat(QStringLiteral("%.0f"));
    }
    chart->addAxis(axis, side);
    return axis;
}

/** The highest value of a series' points, or `fallback` when it has none. */
double topOf(const QList<QLineSeries*>& series, double fallback)
{
    double top = 0;
    bool any = false;
    for (const auto* s : series) {
        for (const QPointF& p : s->points()) {
            top = std::max(top, p.y());
            any = true;
        }
    }
    return any && top > 0 ? top * 1.1 : fallback;
}

QLineSeries* line(const char* name, const QString& label, const QColor& color, Qt::PenStyle style, int width = 2)
{
    auto* series = new QLineSeries;
    series->setObjectName(QLatin1String(name));
    series->setName(label);
    QPen pen(color);
    pen.setWidth(width);
    pen.setStyle(style);
    series->setPen(pen);
    series->setPointsVisible(true);
    return series;
}

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    // Dots on a line help while there are few points (one for "Today"); over a month they only clutter it.
    if (auto* line = qobject_cast<QLineSeries*>(series); line && line->objectName() != QLatin1String("paretoMark")) {
        line->setPointsVisible(line->count() <= kMaxDottedPoints);
    }
    if (qobject_cast<QLineSeries*>(series)) {
        for (QLegendMarker* marker : chart->legend()->markers(series)) {
            marker->setShape(QLegend::MarkerShapeFromSeries); // a dashed line shows dashed in the legend
        }
    }
}

int indexOf(const QPointF& point)
{
    return int(std::lround(point.x()));
}

using TipText = std::function<QString(int index)>;
using OnIndex = std::function<void(int index)>;

/** A line over `count` points: hovering shows text(i) as a tooltip; a click calls select(i) (when set). */
void wire(QLineSeries* series, int count, TipText text, OnIndex select)
{
    QObject::connect(series, &QLineSeries::hovered, series, [count, text](const QPointF& point, bool state) {
        const int i = indexOf(point);
        if (!state || i < 0 || i >= count) {
            QToolTip::hideText();
            return;
        }
        showTip(text(i));
    });
    if (select) {
        QObject::connect(series, &QLineSeries::clicked, series, [count, select](const QPointF& point) {
            const int i = indexOf(point);
            if (i >= 0 && i < count) {
                select(i);
            }
        });
    }
}

/** A bar set of `count` bars: hovering shows text(i); a click calls select(i). */
void wire(QBarSet* set, int count, TipText text, OnIndex select)
{
    QObject::connect(set, &QBarSet::hovered, set, [count, text](bool state, int i) {
        if (!state || i < 0 || i >= count) {
            QToolTip::hideText();
            return;
        }
        showTip(text(i));
    });
    QObject::connect(set, &QBarSet::clicked, set, [count, select](int i) {
        if (i >= 0 && i < count) {
            select(i);
        }
    });
}

/** The cases received in bucket i, narrowed by `narrow` (a rating, a channel), described as `what`. */
OnIndex selectBucket(const DashboardCharts::OnSelect& onSelect, const QList<Range>& buckets, const QString& what,
                     std::function<void(Selection&)> narrow = {})
{
    if (!onSelect) {
        return [](int) {
        };
    }
    return [onSelect, buckets, what, narrow](int i) {
        Selection selection;
        selection.range = buckets.at(i);
        if (narrow) {
            narrow(selection);
        }
        onSelect(selection,
                 DashboardCharts::tr("%1, %2", "what, bucket").arg(what, DashboardCharts::bucketText(buckets.at(i))));
    };
}

template <typename Point> QList<Range> bucketsOf(const QList<Point>& points)
{
    QList<Range> buckets;
    buckets.reserve(points.size());
    for (const auto& p : points) {
        buckets.append(p.bucket);
    }
    return buckets;
}

/**
 * The x axis of the time charts: bucket i at x = i, labelled at about kMaxLabels evenly spread buckets (a label for
 * each of 30 days would not fit under a chart), so bars and lines share it.
 */
QCategoryAxis* bucketAxis(QChart* chart, const QList<Range>& buckets, Dashboard::Grain grain)
{
    constexpr int kMaxLabels = 12;
    auto* axis = new QCategoryAxis;
    axis->setObjectName(QStringLiteral("xAxis"));
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(-0.5, std::max<qsizetype>(buckets.size(), 1) - 0.5);
    const int step = std::max(1, int((buckets.size() + kMaxLabels - 1) / kMaxLabels));
    QStringList used;
    for (int i = 0; i < buckets.size(); i += step) {
        QString label = DashboardCharts::bucketLabel(buckets.at(i));
        while (used.contains(label)) {
            label += QLatin1Char(' '); // a week's "MM-dd" may come again a year later
        }
        used.append(label);
        axis->append(label, i);
    }
    axis->setTitleText(grain == Dashboard::Grain::Day ? DashboardCharts::tr("Day")
                                                      : DashboardCharts::tr("Week (first day)"));
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

double maxOf(const QList<double>& values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

QString casesReceived()
{
    return DashboardCharts::tr("Cases received");
}

QChart* waitingChart(const Dashboard::Snapshot& s, const DashboardCharts::OnSelect& onSelect)
{
    QChart* chart = newChart(DashboardCharts::title(DashboardCharts::Kind::Waiting));
    const QList<Range> buckets = bucketsOf(s.waiting);
    auto* x = bucketAxis(chart, buckets, s.grain);
    struct Stat
    {
        const char* key;
        QString label;
        std::optional<double> Metrics::Summary::*member;
        QColor color;
    };
    const QList<Stat> stats = {{"Mean", DashboardCharts::tr("mean"), &Metrics::Summary::mean, kMeanColor},
                               {"Median", DashboardCharts::tr("median"), &Metrics::Summary::median, kMedianColor},
                               {"P90", DashboardCharts::tr("p90"), &Metrics::Summary::p90, kP90Color}};
    struct Source
    {
        const char* key;
        QString label;
        Metrics::Summary Dashboard::WaitingPoint::*member;
        Qt::PenStyle style;
    };
    const QList<Source> sources = {
        {"queue", DashboardCharts::tr("Queue"), &Dashboard::WaitingPoint::queueMinutes, Qt::SolidLine},
        {"waited", DashboardCharts::tr("Waited (said)"), &Dashboard::WaitingPoint::waitedMinutes, Qt::DashLine}};
    const QList<Dashboard::WaitingPoint> points = s.waiting;
    QList<QLineSeries*> all;
    for (const Source& source : sources) {
        for (const Stat& stat : stats) {
            const QByteArray name = QByteArray(source.key) + stat.key;
            auto* series =
                line(name.constData(), DashboardCharts::tr("%1: %2", "source: statistic").arg(source.label, stat.label),
                     stat.color, source.style);
            for (int i = 0; i < points.size(); ++i) {
                if (const auto& value = (points.at(i).*source.member).*stat.member) {
                    series->append(i, *value);
                }
            }
            const auto member = source.member;
            const QString sourceLabel = source.label;
            wire(
                series, int(points.size()),
                [points, member, sourceLabel](int i) {
                    const Metrics::Summary& sum = points.at(i).*member;
                    const QString min = DashboardCharts::tr("min");
                    return DashboardCharts::tr("%1 — %2\nmean %3 · median %4 · p90 %5 (n = %6)")
                        .arg(DashboardCharts::bucketText(points.at(i).bucket), sourceLabel, orNoData(sum.mean, min),
                             orNoData(sum.median, min), orNoData(sum.p90, min), QLocale().toString(sum.n));
                },
                selectBucket(onSelect, buckets, casesReceived()));
            all.append(series);
        }
    }
    auto* y = valueAxis(chart, DashboardCharts::tr("Minutes"), Qt::AlignLeft, 0, topOf(all, 10), "yAxis");
    for (auto* series : all) {
        attach(chart, series, x, y);
    }
    return chart;
}

QChart* satisfactionChart(const Dashboard::Snapshot& s, const DashboardCharts::OnSelect& onSelect)
{
    QChart* chart = newChart(DashboardCharts::title(DashboardCharts::Kind::Satisfaction));
    const QList<Dashboard::SatisfactionPoint> points = s.satisfaction;
    const QList<Range> buckets = bucketsOf(points);
    const int count = int(points.size());
    auto* x = bucketAxis(chart, buckets, s.grain);
    const auto summaryOf = [points](int i) {
        const auto& p = points.at(i);
        return DashboardCharts::tr("CSAT %1 · NPS %2 (n = %3)")
            .arg(percentText(p.csat), p.nps ? number(*p.nps) : DashboardCharts::tr("no data"),
                 QLocale().toString(p.npsN));
    };
    auto* bars = new QStackedBarSeries;
    bars->setObjectName(QStringLiteral("levels"));
    QList<double> totals(count, 0.0);
    for (int level = 1; level <= 5; ++level) {
        auto* set = new QBarSet(Dashboard::ratingLabel(level));
        set->setObjectName(QStringLiteral("level%1").arg(level));
        set->setColor(kLevelColors[level - 1]);
        set->setBorderColor(kLevelColors[level - 1].darker(115));
        for (int i = 0; i < count; ++i) {
            const double n = double(points.at(i).levels.at(level - 1));
            set->append(n);
            totals[i] += n;
        }
        wire(
            set, count,
            [points, level, summaryOf, totals](int i) {
                return DashboardCharts::tr("%1 — %2: %3 of %4 ratings\n%5")
                    .arg(DashboardCharts::bucketText(points.at(i).bucket), Dashboard::ratingLabel(level),
                         QLocale().toString(points.at(i).levels.at(level - 1)),
                         QLocale().toString(qint64(totals.at(i))), summaryOf(i));
            },
            selectBucket(onSelect, buckets, DashboardCharts::tr("Rated “%1”").arg(Dashboard::ratingLabel(level)),
                         [level](Selection& selection) { selection.rating = level; }));
        bars->append(set);
    }
    const double top = maxOf(totals);
    auto* y = valueAxis(chart, DashboardCharts::tr("Ratings"), Qt::AlignLeft, 0, top > 0 ? top * 1.1 : 10, "yAxis");
    attach(chart, bars, x, y);

    auto* csat = line("csat", DashboardCharts::tr("CSAT (%)"), QColor(0x1f, 0x3a, 0x93), Qt::SolidLine, 3);
    auto* nps = line("nps", DashboardCharts::tr("NPS"), QColor(0x8e, 0x44, 0xad), Qt::DashLine, 3);
    for (int i = 0; i < count; ++i) {
        if (points.at(i).csat) {
            csat->append(i, *points.at(i).csat * 100.0);
        }
        if (points.at(i).nps) {
            nps->append(i, *points.at(i).nps);
        }
    }
    attach(chart, csat, x, valueAxis(chart, DashboardCharts::tr("CSAT (%)"), Qt::AlignRight, 0, 100, "csatAxis"));
    attach(chart, nps, x, valueAxis(chart, DashboardCharts::tr("NPS"), Qt::AlignRight, -100, 100, "npsAxis"));
    for (auto* series : {csat, nps}) {
        wire(
            series, count,
            [points, summaryOf](int i) {
                return DashboardCharts::bucketText(points.at(i).bucket) + QLatin1Char('\n') + summaryOf(i);
            },
            selectBucket(onSelect, buckets, casesReceived()));
    }
    return chart;
}

QChart* serviceChart(const Dashboard::Snapshot& s, const DashboardCharts::OnSelect& onSelect)
{
    QChart* chart = newChart(DashboardCharts::title(DashboardCharts::Kind::Service));
    const QList<Dashboard::ServicePoint> points = s.service;
    const QList<Range> buckets = bucketsOf(points);
    auto* x = bucketAxis(chart, buckets, s.grain);
    auto* first =
        line("firstResponseMedian", DashboardCharts::tr("First response, median (min)"), kMeanColor, Qt::SolidLine);
    auto* resolution = line("resolutionMedian", DashboardCharts::tr("Resolution, median (h)"), kP90Color, Qt::DashLine);
    auto* within = line("within48h", DashboardCharts::tr("Answered within 48 h (%)"), kMedianColor, Qt::DotLine, 3);
    for (int i = 0; i < points.size(); ++i) {
        const auto& p = points.at(i);
        if (p.firstResponseMinutes.median) {
            first->append(i, *p.firstResponseMinutes.median);
        }
        if (p.resolutionHours.median) {
            resolution->append(i, *p.resolutionHours.median);
        }
        if (p.within48hRate) {
            within->append(i, *p.within48hRate * 100.0);
        }
    }
    attach(chart, first, x,
           valueAxis(chart, DashboardCharts::tr("Minutes"), Qt::AlignLeft, 0, topOf({first}, 10), "minutesAxis"));
    attach(chart, resolution, x,
           valueAxis(chart, DashboardCharts::tr("Hours"), Qt::AlignRight, 0, topOf({resolution}, 10), "hoursAxis"));
    attach(chart, within, x,
           valueAxis(chart, DashboardCharts::tr("Within 48 h (%)"), Qt::AlignRight, 0, 100, "percentAxis"));
    for (auto* series : {first, resolution, within}) {
        wire(
            series, int(points.size()),
            [points](int i) {
                const auto& p = points.at(i);
                return DashboardCharts::tr("%1\nFirst response median %2 (n = %3)\nResolution median %4 (n = %5)\n"
                                           "Answered within 48 h %6 (n = %7)")
                    .arg(DashboardCharts::bucketText(p.bucket),
                         orNoData(p.firstResponseMinutes.median, DashboardCharts::tr("min")),
                         QLocale().toString(p.firstResponseMinutes.n),
                         orNoData(p.resolutionHours.median, DashboardCharts::tr("h")),
                         QLocale().toString(p.resolutionHours.n), percentText(p.within48hRate),
                         QLocale().toString(p.within48hN));
            },
            selectBucket(onSelect, buckets, casesReceived()));
    }
    return chart;
}

QChart* channelsChart(const Dashboard::Snapshot& s, const DashboardCharts::OnSelect& onSelect)
{
    QChart* chart = newChart(DashboardCharts::title(DashboardCharts::Kind::Channels));
    const QList<Dashboard::ServicePoint> points = s.service;
    const QList<Range> buckets = bucketsOf(points);
    const int count = int(points.size());
    auto* x = bucketAxis(chart, buckets, s.grain);
    auto* bars = new QStackedBarSeries;
    bars->setObjectName(QStringLiteral("channels"));
    QList<double> totals(count, 0.0);
    for (const Channel channel : Channels::all()) {
        const int c = int(channel);
        QList<double> values;
        for (const auto& p : points) {
            values.append(double(p.casesByChannel.at(c)));
        }
        if (maxOf(values) == 0) {
            continue; // a channel without cases in the range would only crowd the legend
        }
        auto* set = new QBarSet(Channels::label(channel));
        set->setObjectName(QStringLiteral("channel%1").arg(c));
        set->append(values);
        for (int i = 0; i < count; ++i) {
            totals[i] += values.at(i);
        }
        wire(
            set, count,
            [points, channel, values, totals](int i) {
                return DashboardCharts::tr("%1 — %2: %3 of %4 cases")
                    .arg(DashboardCharts::bucketText(points.at(i).bucket), Channels::label(channel),
                         QLocale().toString(qint64(values.at(i))), QLocale().toString(qint64(totals.at(i))));
            },
            selectBucket(onSelect, buckets, DashboardCharts::tr("Channel “%1”").arg(Channels::label(channel)),
                         [channel](Selection& selection) { selection.channel = channel; }));
        bars->append(set);
    }
    const double top = maxOf(totals);
    auto* y = valueAxis(chart, DashboardCharts::tr("Cases"), Qt::AlignLeft, 0, top > 0 ? top * 1.1 : 10, "yAxis");
    attach(chart, bars, x, y);
    return chart;
}

QChart* paretoChart(const Dashboard::Snapshot& s, const DashboardCharts::OnSelect& onSelect)
{
    QChart* chart = newChart(DashboardCharts::title(DashboardCharts::Kind::Pareto));
    const QList<Metrics::CategoryRow> rows = s.figures.byCategory;
    const int count = int(rows.size());
    const int vital = Dashboard::vitalFew(rows);
    QStringList labels;
    for (const auto& row : rows) {
        labels.append(row.category.isEmpty() ? DashboardCharts::tr("(none)") : row.category);
    }
    auto* x = categoryAxis(chart, labels, DashboardCharts::tr("Category"));
    auto* bars = new QStackedBarSeries;
    bars->setObjectName(QStringLiteral("pareto"));
    bars->setBarWidth(0.7);
    const int cut = qRound(Dashboard::kParetoShare * 100);
    auto* vitalSet = new QBarSet(DashboardCharts::tr("Vital few (first %1 %)").arg(cut));
    vitalSet->setObjectName(QStringLiteral("vitalFew"));
    vitalSet->setColor(kVitalColor);
    auto* othersSet = new QBarSet(DashboardCharts::tr("Other categories"));
    othersSet->setObjectName(QStringLiteral("others"));
    othersSet->setColor(kOthersColor);
    double top = 0;
    for (int i = 0; i < count; ++i) {
        const double cases = rows.at(i).cases;
        vitalSet->append(i < vital ? cases : 0.0);
        othersSet->append(i < vital ? 0.0 : cases);
        top = std::max(top, cases);
    }
    const TipText tip = [rows, labels](int i) {
        const auto& row = rows.at(i);
        return DashboardCharts::tr("%1: %2 cases (%3 %), cumulative %4 %")
            .arg(labels.at(i), QLocale().toString(row.cases), number(row.share * 100),
                 number(row.cumulativeShare * 100));
    };
    const Range range = s.range;
    const OnIndex select = [onSelect, rows, labels, range](int i) {
        if (!onSelect) {
            return;
        }
        Selection selection;
        selection.range = range;
        selection.category = rows.at(i).category;
        onSelect(selection,
                 DashboardCharts::tr("Category “%1”, %2").arg(labels.at(i), DashboardCharts::bucketText(range)));
    };
    for (QBarSet* set : {vitalSet, othersSet}) {
        wire(set, count, tip, select);
        bars->append(set);
    }
    auto* y = valueAxis(chart, DashboardCharts::tr("Cases"), Qt::AlignLeft, 0, top > 0 ? top * 1.1 : 10, "yAxis");
    attach(chart, bars, x, y);

    auto* cumulative =
        line("cumulative", DashboardCharts::tr("Cumulative share (%)"), QColor(0x1f, 0x3a, 0x93), Qt::SolidLine, 2);
    for (int i = 0; i < count; ++i) {
        cumulative->append(i, rows.at(i).cumulativeShare * 100.0);
    }
    auto* mark =
        line("paretoMark", DashboardCharts::tr("%1 % mark").arg(cut), QColor(0x7f, 0x8c, 0x8d), Qt::DashLine, 1);
    if (count > 0) {
        mark->append(-0.5, Dashboard::kParetoShare * 100.0);
        mark->append(count - 0.5, Dashboard::kParetoShare * 100.0);
    }
    auto* share = valueAxis(chart, DashboardCharts::tr("Cumulative share (%)"), Qt::AlignRight, 0, 100, "shareAxis");
    attach(chart, cumulative, x, share);
    attach(chart, mark, x, share);
    wire(cumulative, count, tip, select);
    return chart;
}

} // namespace

QList<DashboardCharts::Kind> DashboardCharts::kinds()
{
    return {Kind::Waiting, Kind::Satisfaction, Kind::Service, Kind::Channels, Kind::Pareto};
}

QString DashboardCharts::title(Kind kind)
{
    switch (kind) {
    case Kind::Waiting:
        return tr("Waiting time");
    case Kind::Satisfaction:
        return tr("Satisfaction (好差评)");
    case Kind::Service:
        return tr("Response and resolution");
    case Kind::Channels:
        return tr("Cases by channel");
    case Kind::Pareto:
        return tr("Categories (Pareto)");
    }
    return {};
}

QString DashboardCharts::fileName(Kind kind)
{
    switch (kind) {
    case Kind::Waiting:
        return QStringLiteral("waiting");
    case Kind::Satisfaction:
        return QStringLiteral("satisfaction");
    case Kind::Service:
        return QStringLiteral("service");
    case Kind::Channels:
        return QStringLiteral("channels");
    case Kind::Pareto:
        return QStringLiteral("pareto");
    }
    return {};
}

QChart* DashboardCharts::build(Kind kind, const Dashboard::Snapshot& snapshot, const OnSelect& onSelect)
{
    switch (kind) {
    case Kind::Waiting:
        return waitingChart(snapshot, onSelect);
    case Kind::Satisfaction:
        return satisfactionChart(snapshot, onSelect);
    case Kind::Service:
        return serviceChart(snapshot, onSelect);
    case Kind::Channels:
        return channelsChart(snapshot, onSelect);
    case Kind::Pareto:
        return paretoChart(snapshot, onSelect);
    }
    return newChart(QString());
}

QString DashboardCharts::bucketLabel(const Dashboard::Range& bucket)
{
    return bucket.from.toString(QStringLiteral("MM-dd"));
}

QString DashboardCharts::bucketText(const Dashboard::Range& bucket)
{
    if (bucket.from == bucket.to) {
        return bucket.from.toString(Qt::ISODate);
    }
    return tr("%1 – %2", "from – to").arg(bucket.from.toString(Qt::ISODate), bucket.to.toString(Qt::ISODate));
}
