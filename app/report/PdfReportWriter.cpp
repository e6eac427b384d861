// The review report as a printed PDF: QPdfWriter (A4, 300 dpi), text in Noto Sans CJK SC (selectable, embedded),
// charts drawn with QPainter as vector graphics, tables that break across pages with their header repeated, and
// "page N of M" in the footer. The layout runs twice: once to count the pages, once to paint.

#include "report/ReportTables.h"
#include "report/ReportWriter.h"

#include "cases/CaseStatus.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace {
using ReportTables::CellType;

const QString kFamily = QStringLiteral("Noto Sans CJK SC");
const QString kMono = QStringLiteral("DejaVu Sans Mono");
const QColor kInk(0x22, 0x22, 0x22);
const QColor kGrid(0xD0, 0xD4, 0xDA);
const QColor kHeaderFill(0xE8, 0xEE, 0xF4);
const QColor kStripe(0xF6, 0xF8, 0xFA);
/** A palette that prints and reads in grey too. */
const QList<QColor> kPalette{QColor(0x1F, 0x77, 0xB4), QColor(0xFF, 0x7F, 0x0E), QColor(0x2C, 0xA0, 0x2C),
                             QColor(0xD6, 0x27, 0x28), QColor(0x94, 0x67, 0xBD), QColor(0x8C, 0x56, 0x4B),
                             QColor(0x7F, 0x7F, 0x7F)};
/** Satisfaction levels 1 (very dissatisfied) … 5 (very satisfied): red to green. */
const QList<QColor> kLevels{QColor(0xC0, 0x39, 0x2B), QColor(0xE6, 0x7E, 0x22), QColor(0xF1, 0xC4, 0x0F),
                            QColor(0x7D, 0xC0, 0x6A), QColor(0x27, 0xAE, 0x60)};

QFont font(double points, bool bold = false, const QString& family = kFamily)
{
    QFont f(family);
    if (family == kFamily) {
        // Latin letters and digits from DejaVu Sans, Chinese from Noto Sans CJK SC: with the CJK font alone, Qt 6.4's
        // PDF engine writes digits inside mixed Latin text without a text mapping (pdftotext loses them).
        f.setFamilies({QStringLiteral("DejaVu Sans"), kFamily});
    }
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setStyleHint(family == kMono ? QFont::Monospace : QFont::SansSerif);
    return f;
}

/** A nice upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten. */
double niceMax(double value)
{
    if (!(value > 0)) {
        return 1;
    }
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * power) {
            return step * power;
        }
    }
    return 10 * power;
}

QString axisNumber(double v)
{
    return QLocale().toString(v, 'f', v == std::floor(v) || v >= 10 ? 0 : 1);
}

class Layout
{
public:
    Layout(QPdfWriter& writer, const Report::ReviewReport& report)
        : m_writer(writer)
        , m_report(report)
    {
        const QRect paint = writer.pageLayout().paintRectPixels(writer.resolution());
        m_area = QRectF(0, 0, paint.width(), paint.height());
        m_footer = mm(8);
        m_bottom = m_area.bottom() - m_footer;
        m_y = m_area.top();
    }

    /** Pass 1 (no painter): only counts pages. Pass 2: paints, with the total for the footers. */
    void begin(QPainter* painter, int totalPages)
    {
        m_p = painter;
        m_total = totalPages;
        m_page = 1;
        m_y = m_area.top();
        m_cancelled = false;
    }
    int pages() const { return m_page; }
    void setCancel(const ReportWriter::Cancelled& cancelled) { m_cancel = cancelled; }
    bool cancelled() const { return m_cancelled; }

    double mm(double v) const { return v * m_writer.resolution() / 25.4; }
    double width() const { return m_area.width(); }
    double left() const { return m_area.left(); }

    void finish() { footer(); }

    void newPage()
    {
        footer();
        if (m_cancel && m_cancel()) {
            m_cancelled = true;
        }
        if (m_p) {
            m_writer.newPage();
        }
        ++m_page;
        m_y = m_area.top();
    }

    void ensure(double height)
    {
        if (m_y + height > m_bottom && m_y > m_area.top()) {
            newPage();
        }
    }

    void space(double millimetres) { m_y += mm(millimetres); }

    /** Text over the full width, wrapped. */
    void text(const QString& s, const QFont& f, const QColor& color = kInk, int flags = Qt::AlignLeft)
    {
        const QFontMetricsF fm(f, &m_writer);
        const QRectF box =
            fm.boundingRect(QRectF(left(), 0, width(), 1e6), flags | Qt::TextWordWrap | Qt::TextWrapAnywhere, s);
        ensure(box.height());
        if (m_p) {
            m_p->setFont(f);
            m_p->setPen(color);
            m_p->drawText(QRectF(left(), m_y, width(), box.height()), flags | Qt::TextWordWrap | Qt::TextWrapAnywhere,
                          s);
        }
        m_y += box.height();
    }

    /** A section heading, on a new page unless `keepMm` of what follows fits under it. */
    void heading(const QString& s, double keepMm = 30)
    {
        ensure(mm(keepMm + 12)); // a heading never ends a page alone
        space(4);
        text(s, font(13, true), QColor(0x1F, 0x3A, 0x5F));
        if (m_p) {
            m_p->setPen(QPen(QColor(0x1F, 0x3A, 0x5F), mm(0.3)));
            m_p->drawLine(QPointF(left(), m_y + mm(0.8)), QPointF(left() + width(), m_y + mm(0.8)));
        }
        space(2.5);
    }

    /** A table with the chosen columns; rows break across pages and the header repeats on each. */
    void table(const ReportTables::Table& t, QList<int> columns = {})
    {
        if (columns.isEmpty()) {
            for (int c = 0; c < t.columns.size(); ++c) {
                columns << c;
            }
        }
        const QFont body = font(8.5);
        const QFont bold = font(8.5, true);
        const double pad = mm(1.2);
        const QList<double> widths = columnWidths(t, columns, body, bold, pad);
        const auto alignOf = [](CellType type) {
            return type == CellType::Text ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter;
        };
        const auto rowHeight = [&](const QStringList& cells, const QFont& f, int wrap) {
            const QFontMetricsF fm(f, &m_writer);
            double h = fm.height();
            for (int i = 0; i < cells.size(); ++i) {
                const QRectF r = fm.boundingRect(QRectF(0, 0, widths.at(i) - 2 * pad, 1e6), wrap, cells.at(i));
                h = std::max(h, r.height());
            }
            return h + 2 * pad;
        };
        QStringList header;
        for (const int c : columns) {
            header << t.columns.at(c).header;
        }
        const int cellWrap = Qt::TextWordWrap | Qt::TextWrapAnywhere;
        const int headerWrap = Qt::TextWordWrap;
        const double headerHeight = rowHeight(header, bold, headerWrap);
        const auto drawRow = [&](const QStringList& cells, const QList<CellType>& types, const QFont& f, double h,
                                 const QColor& fill, int wrap) {
            if (!m_p) {
                return;
            }
            double x = left();
            if (fill.isValid()) {
                m_p->fillRect(QRectF(left(), m_y, width(), h), fill);
            }
            m_p->setFont(f);
            m_p->setPen(kInk);
            for (int i = 0; i < cells.size(); ++i) {
                m_p->drawText(QRectF(x + pad, m_y + pad, widths.at(i) - 2 * pad, h - 2 * pad),
                              int(alignOf(types.at(i))) | wrap, cells.at(i));
                x += widths.at(i);
            }
            m_p->setPen(QPen(kGrid, mm(0.15)));
            m_p->drawLine(QPointF(left(), m_y + h), QPointF(left() + width(), m_y + h));
        };
        QList<CellType> headerTypes;
        for (const int c : columns) {
            headerTypes << (t.columns.at(c).type == CellType::Text ? CellType::Text : CellType::Number);
        }
        const auto drawHeader = [&] {
            drawRow(header, headerTypes, bold, headerHeight, kHeaderFill, headerWrap);
            m_y += headerHeight;
        };
        ensure(headerHeight * 2);
        drawHeader();
        if (t.rows.isEmpty()) {
            text(ReportWriter::tr("(none)"), font(8.5), QColor(0x77, 0x77, 0x77));
        }
        for (int r = 0; r < t.rows.size(); ++r) {
            QStringList cells;
            QList<CellType> types;
            for (const int c : columns) {
                const CellType type = ReportTables::typeOf(t, r, c);
                cells << ReportTables::display(t.rows.at(r).value(c), type);
                types << type;
            }
            const double h = rowHeight(cells, body, cellWrap);
            if (m_y + h > m_bottom) {
                newPage();
                drawHeader();
            }
            drawRow(cells, types, body, h, r % 2 == 1 ? kStripe : QColor(), cellWrap);
            m_y += h;
        }
        if (!t.note.isEmpty()) {
            space(1);
            text(t.note, font(8.5, false), QColor(0x55, 0x55, 0x55));
        }
        space(2);
    }

    /**
     * Column widths from the content: each column as wide as its widest cell (and its header's longest word); when
     * that is wider than the page, numbers and dates keep their width and the text columns share the rest.
     */
    QList<double> columnWidths(const ReportTables::Table& t, const QList<int>& columns, const QFont& body,
                               const QFont& bold, double pad) const
    {
        const QFontMetricsF fm(body, &m_writer);
        const QFontMetricsF fmBold(bold, &m_writer);
        QList<double> natural;
        QList<double> minimum;
        QList<bool> text;
        for (const int c : columns) {
            double header = 0;
            for (const QString& word : t.columns.at(c).header.split(QLatin1Char(' '))) {
                header = std::max(header, fmBold.horizontalAdvance(word));
            }
            double widest = header;
            bool isText = t.columns.at(c).type == CellType::Text;
            bool codes = true; // short texts without spaces (case numbers): never wrapped
            for (int r = 0; r < t.rows.size(); ++r) {
                const CellType type = ReportTables::typeOf(t, r, c);
                isText = isText && type == CellType::Text;
                const QString shown = ReportTables::display(t.rows.at(r).value(c), type);
                codes = codes && shown.size() <= 20 && !shown.contains(QLatin1Char(' '));
                widest = std::max(widest, fm.horizontalAdvance(shown));
                for (const QString& word : shown.split(QLatin1Char(' '))) {
                    if (word.size() <= 14) { // a long word or a Chinese phrase may wrap; "progress" not
                        header = std::max(header, fm.horizontalAdvance(word));
                    }
                }
            }
            isText = isText && !(codes && !t.rows.isEmpty() && widest < width() * 0.2);
            natural << std::min(widest, width() * 0.5) + 2 * pad + mm(0.5);
            minimum << header + 2 * pad + mm(0.5);
            text << isText;
        }
        double sum = 0;
        double fixedSum = 0;
        double textSum = 0;
        for (int i = 0; i < natural.size(); ++i) {
            sum += natural.at(i);
            (text.at(i) ? textSum : fixedSum) += natural.at(i);
        }
        QList<double> widths = natural;
        if (sum <= width()) {
            for (double& w : widths) {
                w *= width() / sum;
            }
            return widths;
        }
        const double room = width() - fixedSum;
        if (room <= 0 || textSum <= 0) {
            for (double& w : widths) {
                w *= width() / sum;
            }
            return widths;
        }
        for (int i = 0; i < widths.size(); ++i) {
            if (text.at(i)) {
                widths[i] = std::max(minimum.at(i), natural.at(i) * room / textSum);
            }
        }
        double total = 0;
        for (const double w : widths) {
            total += w;
        }
        for (double& w : widths) {
            w *= width() / total;
        }
        return widths;
    }

    /** Reserves a chart's box (on a new page if it does not fit) and returns it; painting is the caller's. */
    std::optional<QRectF> chartBox(double heightMm)
    {
        ensure(mm(heightMm));
        const QRectF box(left(), m_y, width(), mm(heightMm));
        m_y += box.height() + mm(3);
        if (!m_p) {
            return std::nullopt;
        }
        return box;
    }

    QPainter* painter() const { return m_p; }
    double y() const { return m_y; }
    void setY(double y) { m_y = y; }
    double bottom() const { return m_bottom; }
    QPdfWriter& writer() const { return m_writer; }

private:
    void footer()
    {
        if (!m_p) {
            return;
        }
        const QFont f = font(7.5);
        m_p->setFont(f);
        m_p->setPen(QColor(0x66, 0x66, 0x66));
        const QRectF line(left(), m_area.bottom() - m_footer + mm(3), width(), m_footer - mm(3));
        m_p->drawLine(QPointF(left(), line.top() - mm(1)), QPointF(left() + width(), line.top() - mm(1)));
        m_p->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                      Report::Text::title() + QStringLiteral(" · ") + m_report.hallName + QStringLiteral(" · ") +
                          m_report.range.from.toString(Qt::ISODate) + QStringLiteral(" – ") +
                          m_report.range.to.toString(Qt::ISODate));
        m_p->drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                      ReportWriter::tr("Page %1 of %2").arg(m_page).arg(m_total));
    }

    QPdfWriter& m_writer;
    const Report::ReviewReport& m_report;
    QPainter* m_p = nullptr;
    ReportWriter::Cancelled m_cancel;
    bool m_cancelled = false;
    QRectF m_area;
    double m_footer = 0;
    double m_bottom = 0;
    double m_y = 0;
    int m_page = 1;
    int m_total = 1;
};

/** Axes, grid, labels and legend of a chart; maps values into the plot. */
class ChartFrame
{
public:
    ChartFrame(Layout& layout, const QRectF& box, const QString& title, double yMax, const QString& yTitle,
               const QStringList& xLabels, bool rightPercent, bool slanted = false)
        : m_l(layout)
        , m_p(*layout.painter())
        , m_yMax(niceMax(yMax))
        , m_n(int(xLabels.size()))
    {
        const double u = layout.mm(1);
        m_p.setPen(kInk);
        m_p.setFont(font(10, true));
        m_p.drawText(QRectF(box.left(), box.top(), box.width(), 6 * u), Qt::AlignLeft | Qt::AlignVCenter, title);
        m_plot = QRectF(box.left() + 14 * u, box.top() + 9 * u, box.width() - (rightPercent ? 28 : 16) * u,
                        box.height() - (slanted ? 38 : 27) * u);
        const QFont small = font(7);
        m_p.setFont(small);
        // Grid and the left axis: five steps.
        for (int i = 0; i <= 5; ++i) {
            const double v = m_yMax * i / 5;
            const double y = yOf(v);
            m_p.setPen(QPen(kGrid, layout.mm(0.12)));
            m_p.drawLine(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
            m_p.setPen(kInk);
            m_p.drawText(QRectF(box.left(), y - 3 * u, 12.5 * u, 6 * u), Qt::AlignRight | Qt::AlignVCenter,
                         axisNumber(v));
            if (rightPercent) {
                m_p.drawText(QRectF(m_plot.right() + 1.5 * u, y - 3 * u, 12 * u, 6 * u),
                             Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1%").arg(i * 20));
            }
        }
        m_p.save();
        m_p.translate(box.left() + 1 * u, m_plot.center().y());
        m_p.rotate(-90);
        m_p.drawText(QRectF(-m_plot.height() / 2, -1 * u, m_plot.height(), 4 * u), Qt::AlignCenter, yTitle);
        m_p.restore();
        m_p.setPen(QPen(kInk, layout.mm(0.2)));
        m_p.drawLine(m_plot.bottomLeft(), m_plot.bottomRight());
        m_p.drawLine(m_plot.bottomLeft(), m_plot.topLeft());
        // X labels: at most about 16, evenly picked.
        const int every = std::max(1, int(std::ceil(m_n / 16.0)));
        const QFontMetricsF fm(small, &layout.writer());
        const bool rotate = slanted;
        for (int i = 0; i < m_n; i += every) {
            const double x = xOf(i);
            if (rotate) {
                // Slanted labels (the Pareto's category names): 40°, ending under their bar.
                const QString label = fm.elidedText(xLabels.at(i), Qt::ElideRight, 24 * u);
                m_p.save();
                m_p.translate(x + 1 * u, m_plot.bottom() + 1.5 * u);
                m_p.rotate(-40);
                m_p.drawText(
                    QRectF(-fm.horizontalAdvance(label) - 1 * u, 0, fm.horizontalAdvance(label) + 1 * u, fm.height()),
                    Qt::AlignRight | Qt::AlignTop, label);
                m_p.restore();
            } else {
                m_p.drawText(
                    QRectF(x - slot() * every / 2 - 2 * u, m_plot.bottom() + 1 * u, slot() * every + 4 * u, 5 * u),
                    Qt::AlignHCenter | Qt::AlignTop, xLabels.at(i));
            }
        }
        m_legendY = m_plot.bottom() + (rotate ? 17 : 8) * u;
        m_legendX = m_plot.left();
    }

    double slot() const { return m_plot.width() / std::max(1, m_n); }
    double xOf(int i) const { return m_plot.left() + slot() * (i + 0.5); }
    double yOf(double v) const { return m_plot.bottom() - m_plot.height() * std::clamp(v / m_yMax, 0.0, 1.0); }
    double yOfShare(double share) const { return m_plot.bottom() - m_plot.height() * std::clamp(share, 0.0, 1.0); }
    const QRectF& plot() const { return m_plot; }

    void legend(const QString& label, const QColor& color, bool line, bool dashed = false)
    {
        const double u = m_l.mm(1);
        const QFont small = font(7);
        const QFontMetricsF fm(small, &m_l.writer());
        const double w = fm.horizontalAdvance(label);
        if (m_legendX + 6 * u + w > m_plot.right() + 10 * u) {
            m_legendX = m_plot.left();
            m_legendY += 4 * u;
        }
        if (line) {
            QPen pen(color, m_l.mm(0.5));
            pen.setStyle(dashed ? Qt::DashLine : Qt::SolidLine);
            m_p.setPen(pen);
            m_p.drawLine(QPointF(m_legendX, m_legendY + 1.8 * u), QPointF(m_legendX + 4 * u, m_legendY + 1.8 * u));
        } else {
            m_p.fillRect(QRectF(m_legendX, m_legendY + 0.6 * u, 4 * u, 2.4 * u), color);
        }
        m_p.setPen(kInk);
        m_p.setFont(small);
        m_p.drawText(QRectF(m_legendX + 5 * u, m_legendY, w + 2 * u, 3.6 * u), Qt::AlignLeft | Qt::AlignVCenter, label);
        m_legendX += 5 * u + w + 5 * u;
    }

    /** A polyline through the points that have a value (a gap where one is missing). */
    void line(const QList<std::optional<double>>& values, const QColor& color, bool share = false)
    {
        QPen pen(color, m_l.mm(0.45));
        pen.setJoinStyle(Qt::RoundJoin);
        m_p.setPen(pen);
        QPainterPath path;
        bool open = false;
        for (int i = 0; i < values.size(); ++i) {
            if (!values.at(i)) {
                open = false;
                continue;
            }
            const QPointF pt(xOf(i), share ? yOfShare(*values.at(i)) : yOf(*values.at(i)));
            if (open) {
                path.lineTo(pt);
            } else {
                path.moveTo(pt);
                open = true;
            }
            if (values.size() <= 40) {
                m_p.setBrush(color);
                m_p.drawEllipse(pt, m_l.mm(0.55), m_l.mm(0.55));
                m_p.setBrush(Qt::NoBrush);
            }
        }
        m_p.drawPath(path);
    }

    /** Stacked bars: layers[k][i] is the k-th layer of bar i. */
    void stacked(const QList<QList<double>>& layers, const QList<QColor>& colors)
    {
        const double w = slot() * 0.72;
        for (int i = 0; i < m_n; ++i) {
            double base = 0;
            for (int k = 0; k < layers.size(); ++k) {
                const double v = layers.at(k).value(i);
                if (v <= 0) {
                    continue;
                }
                const QRectF bar(QPointF(xOf(i) - w / 2, yOf(base + v)), QPointF(xOf(i) + w / 2, yOf(base)));
                m_p.fillRect(bar, colors.at(k % colors.size()));
                base += v;
            }
        }
    }

private:
    Layout& m_l;
    QPainter& m_p;
    double m_yMax;
    int m_n;
    QRectF m_plot;
    double m_legendX = 0;
    double m_legendY = 0;
};

QStringList bucketLabels(const Report::ReviewReport& r)
{
    QStringList labels;
    for (const Dashboard::WaitingPoint& w : r.waiting) {
        labels << w.bucket.from.toString(QStringLiteral("MM-dd"));
    }
    return labels;
}

void waitingChart(Layout& l, const Report::ReviewReport& r)
{
    const auto box = l.chartBox(78);
    if (!box) {
        return;
    }
    QList<std::optional<double>> mean;
    QList<std::optional<double>> median;
    QList<std::optional<double>> p90;
    double top = 1;
    for (const Dashboard::WaitingPoint& w : r.waiting) {
        mean << w.queueMinutes.mean;
        median << w.queueMinutes.median;
        p90 << w.queueMinutes.p90;
        top = std::max(
            {top, w.queueMinutes.mean.value_or(0), w.queueMinutes.p90.value_or(0), w.queueMinutes.median.value_or(0)});
    }
    ChartFrame chart(l, *box, ReportWriter::tr("Waiting time in the queue (%1)").arg(Report::Text::grainLabel(r.grain)),
                     top, ReportWriter::tr("minutes"), bucketLabels(r), false);
    chart.line(p90, kPalette.at(3));
    chart.line(mean, kPalette.at(0));
    chart.line(median, kPalette.at(2));
    chart.legend(ReportWriter::tr("Mean"), kPalette.at(0), true);
    chart.legend(ReportWriter::tr("Median"), kPalette.at(2), true);
    chart.legend(ReportWriter::tr("90th percentile"), kPalette.at(3), true);
}

void satisfactionChart(Layout& l, const Report::ReviewReport& r)
{
    const auto box = l.chartBox(78);
    if (!box) {
        return;
    }
    QList<QList<double>> layers(5);
    QList<std::optional<double>> csat;
    double top = 1;
    for (const Dashboard::SatisfactionPoint& s : r.satisfaction) {
        double sum = 0;
        for (int k = 0; k < 5; ++k) {
            layers[k] << double(s.levels.at(std::size_t(k)));
            sum += double(s.levels.at(std::size_t(k)));
        }
        top = std::max(top, sum);
        csat << s.csat;
    }
    ChartFrame chart(l, *box,
                     ReportWriter::tr("Satisfaction ratings and CSAT (%1)").arg(Report::Text::grainLabel(r.grain)), top,
                     ReportWriter::tr("rated cases"), bucketLabels(r), true);
    chart.stacked(layers, kLevels);
    chart.line(csat, QColor(0x1F, 0x3A, 0x5F), true);
    for (int level = 1; level <= 5; ++level) {
        chart.legend(Dashboard::ratingLabel(level), kLevels.at(level - 1), false);
    }
    chart.legend(ReportWriter::tr("CSAT (right axis)"), QColor(0x1F, 0x3A, 0x5F), true);
}

void channelChart(Layout& l, const Report::ReviewReport& r)
{
    const auto box = l.chartBox(78);
    if (!box) {
        return;
    }
    const QList<Channel> channels = Channels::all();
    QList<QList<double>> layers(channels.size());
    double top = 1;
    for (const Dashboard::ServicePoint& s : r.service) {
        double sum = 0;
        for (int k = 0; k < channels.size(); ++k) {
            const double v = double(s.casesByChannel.at(std::size_t(channels.at(k))));
            layers[k] << v;
            sum += v;
        }
        top = std::max(top, sum);
    }
    ChartFrame chart(l, *box, ReportWriter::tr("Cases by channel (%1)").arg(Report::Text::grainLabel(r.grain)), top,
                     ReportWriter::tr("cases"), bucketLabels(r), false);
    chart.stacked(layers, kPalette);
    for (int k = 0; k < channels.size(); ++k) {
        chart.legend(Channels::label(channels.at(k)), kPalette.at(k % kPalette.size()), false);
    }
}

void paretoChart(Layout& l, const Report::ReviewReport& r)
{
    const auto box = l.chartBox(95);
    if (!box) {
        return;
    }
    constexpr int kBars = 15;
    QStringList labels;
    QList<double> vital;
    QList<double> others;
    QList<std::optional<double>> cumulative;
    double top = 1;
    for (int i = 0; i < r.pareto.size() && i < kBars; ++i) {
        const Metrics::CategoryRow& row = r.pareto.at(i);
        labels << (row.category.isEmpty() ? ReportWriter::tr("(none)") : row.category);
        vital << (i < r.vitalFew ? row.cases : 0);
        others << (i < r.vitalFew ? 0 : row.cases);
        cumulative << row.cumulativeShare;
        top = std::max(top, double(row.cases));
    }
    const QString title =
        r.pareto.size() > kBars
            ? ReportWriter::tr("Pareto of categories (the first %1 of %2)").arg(kBars).arg(r.pareto.size())
            : ReportWriter::tr("Pareto of categories");
    ChartFrame chart(l, *box, title, top, ReportWriter::tr("cases"), labels, true, true);
    chart.stacked({vital, others}, {kPalette.at(3), QColor(0x9E, 0xB3, 0xC8)});
    chart.line(cumulative, QColor(0x1F, 0x3A, 0x5F), true);
    QPainter& p = *l.painter();
    QPen dashed(QColor(0xD6, 0x27, 0x28), l.mm(0.35));
    dashed.setStyle(Qt::DashLine);
    p.setPen(dashed);
    const double y80 = chart.yOfShare(Dashboard::kParetoShare);
    p.drawLine(QPointF(chart.plot().left(), y80), QPointF(chart.plot().right(), y80));
    chart.legend(ReportWriter::tr("Vital few (up to 80 %)"), kPalette.at(3), false);
    chart.legend(ReportWriter::tr("Other categories"), QColor(0x9E, 0xB3, 0xC8), false);
    chart.legend(ReportWriter::tr("Cumulative share (right axis)"), QColor(0x1F, 0x3A, 0x5F), true);
    chart.legend(ReportWriter::tr("80 % mark"), QColor(0xD6, 0x27, 0x28), true, true);
}

void witness(Layout& l, const Report::ReviewReport& r)
{
    const Report::AuditHead& a = r.audit;
    QStringList lines;
    if (a.present) {
        lines
            << ReportWriter::tr("Entry (seq): %1").arg(a.seq)
            << ReportWriter::tr("Time: %1").arg(a.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
            << ReportWriter::tr("Key id: %1").arg(a.keyId.isEmpty() ? ReportWriter::tr("(legacy, unkeyed)") : a.keyId);
    } else {
        lines << ReportWriter::tr("The audit log is empty.");
    }
    lines << ReportWriter::tr("Check: %1").arg(Report::Text::checkLabel(a.check));
    if (!a.note.isEmpty()) {
        lines << a.note;
    }
    const QFont body = font(9);
    const QFont mono = font(9.5, false, kMono);
    const double pad = l.mm(4);
    const QFontMetricsF fm(body, &l.writer());
    const QFontMetricsF fmMono(mono, &l.writer());
    const double inner = l.width() - 2 * pad;
    const QString text = lines.join(QLatin1Char('\n'));
    const double textHeight = fm.boundingRect(QRectF(0, 0, inner, 1e6), Qt::TextWordWrap, text).height();
    const QString hash = a.present ? a.hash : QString();
    const double hashHeight =
        hash.isEmpty() ? 0
                       : fmMono.boundingRect(QRectF(0, 0, inner, 1e6), Qt::TextWrapAnywhere, hash).height() + l.mm(2);
    const QString explain =
        ReportWriter::tr("Compare this head hash with `qingting-cli verify` or the audit screen later: an entry "
                         "that was altered, removed or inserted before it changes the chain.");
    const double explainHeight = fm.boundingRect(QRectF(0, 0, inner, 1e6), Qt::TextWordWrap, explain).height();
    const double total = 2 * pad + textHeight + hashHeight + l.mm(3) + explainHeight;
    l.heading(ReportWriter::tr("Audit checkpoint (paper witness)"), total * 25.4 / l.writer().resolution());
    l.ensure(total);
    if (QPainter* p = l.painter()) {
        const QRectF box(l.left(), l.y(), l.width(), total);
        p->setPen(QPen(kInk, l.mm(0.4)));
        p->setBrush(QColor(0xFB, 0xFB, 0xF4));
        p->drawRect(box);
        p->setBrush(Qt::NoBrush);
        double y = box.top() + pad;
        p->setFont(body);
        p->drawText(QRectF(box.left() + pad, y, inner, textHeight), Qt::TextWordWrap, text);
        y += textHeight + l.mm(2);
        if (!hash.isEmpty()) {
            p->setFont(mono);
            p->drawText(QRectF(box.left() + pad, y, inner, hashHeight), Qt::TextWrapAnywhere, hash);
            y += hashHeight;
        }
        y += l.mm(1);
        p->setFont(font(8));
        p->setPen(QColor(0x55, 0x55, 0x55));
        p->drawText(QRectF(box.left() + pad, y, inner, explainHeight + l.mm(2)), Qt::TextWordWrap, explain);
    }
    l.setY(l.y() + total + l.mm(3));
}

void layout(Layout& l, const Report::ReviewReport& r)
{
    const QLocale locale;
    l.text(Report::Text::title(), font(24, true), QColor(0x1F, 0x3A, 0x5F));
    l.space(2);
    l.text(r.hallName, font(14));
    l.space(1);
    l.text(ReportTables::PeriodText::periodLine(r), font(11));
    l.text(ReportTables::PeriodText::previousLine(r), font(9), QColor(0x55, 0x55, 0x55));
    l.text(ReportWriter::tr("Figures as of %1; generated %2")
               .arg(r.asOf.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    r.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
           font(9), QColor(0x55, 0x55, 0x55));

    const QList<ReportTables::Table> tables = ReportTables::all(r);
    const auto tableOf = [&](ReportTables::Id id) -> const ReportTables::Table& {
        return tables.at(int(id));
    };
    l.heading(tableOf(ReportTables::Id::Metrics).title);
    l.table(tableOf(ReportTables::Id::Metrics), {0, 2, 3, 4, 5});

    l.heading(ReportWriter::tr("Trends"), 80);
    waitingChart(l, r);
    satisfactionChart(l, r);
    channelChart(l, r);
    paretoChart(l, r);
    if (l.cancelled()) {
        return;
    }

    l.heading(tableOf(ReportTables::Id::Pareto).title);
    l.table(tableOf(ReportTables::Id::Pareto));
    l.heading(tableOf(ReportTables::Id::Breakdowns).title);
    for (const Dashboard::Dimension d :
         {Dashboard::Dimension::Window, Dashboard::Dimension::ServiceItem, Dashboard::Dimension::Department}) {
        l.table(ReportTables::breakdown(r, d));
    }
    if (l.cancelled()) {
        return;
    }
    l.heading(tableOf(ReportTables::Id::Overdue).title);
    l.table(tableOf(ReportTables::Id::Overdue));
    l.heading(tableOf(ReportTables::Id::Alerts).title);
    l.table(tableOf(ReportTables::Id::Alerts));
    l.heading(tableOf(ReportTables::Id::Actions).title);
    l.table(tableOf(ReportTables::Id::Actions));
    witness(l, r);
    l.finish();
}
} // namespace

Status ReportWriter::writePdf(const Report::ReviewReport& report, const QString& path, const Cancelled& cancelled)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(Error::Code::Storage, ReportWriter::tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 15, 18, 12),
                                         QPageLayout::Millimeter));
        writer.setTitle(Report::Text::title() + QStringLiteral(" — ") + report.hallName);
        writer.setCreator(QStringLiteral("Qingting"));
        Layout pass(writer, report);
        pass.setCancel(cancelled);
        pass.begin(nullptr, 0);
        layout(pass, report);
        if (pass.cancelled()) {
            file.cancelWriting();
            return Error::make(Error::Code::Invalid, cancelledMessage());
        }
        const int pages = pass.pages();
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            return Error::make(Error::Code::Storage, ReportWriter::tr("Cannot write %1.").arg(path));
        }
        painter.setRenderHint(QPainter::Antialiasing);
        pass.begin(&painter, pages);
        layout(pass, report);
        painter.end();
        if (pass.cancelled()) {
            file.cancelWriting();
            return Error::make(Error::Code::Invalid, cancelledMessage());
        }
    }
    if (!file.commit()) {
        return Error::make(Error::Code::Storage, ReportWriter::tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}
