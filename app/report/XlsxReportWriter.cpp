// The review report as .xlsx (libxlsxwriter): one sheet per table, typed cells, native charts.

#include "report/ReportTables.h"
#include "report/ReportWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cstdio>
#include <xlsxwriter.h>

namespace {
using ReportTables::CellType;
using ReportTables::Id;

struct Formats
{
    lxw_format* header = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* number = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* date = nullptr;
    lxw_format* dateTime = nullptr;
    lxw_format* text = nullptr;
    lxw_format* delta = nullptr;
    lxw_format* points = nullptr;
    lxw_format* note = nullptr;
};

lxw_datetime lxwOf(const QDate& d, const QTime& t = QTime(0, 0))
{
    lxw_datetime x{};
    x.year = d.year();
    x.month = d.month();
    x.day = d.day();
    x.hour = t.hour();
    x.min = t.minute();
    x.sec = t.second();
    return x;
}

void writeCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const QVariant& v, CellType type, const Formats& f)
{
    if (!v.isValid() || v.isNull()) {
        return;
    }
    switch (type) {
    case CellType::Text: {
        const QString text = v.toString();
        if (!text.isEmpty()) {
            worksheet_write_string(ws, row, col, text.toUtf8().constData(), f.text);
        }
        return;
    }
    case CellType::Integer:
        worksheet_write_number(ws, row, col, double(v.toLongLong()), f.integer);
        return;
    case CellType::Number:
        worksheet_write_number(ws, row, col, v.toDouble(), f.number);
        return;
    case CellType::Percent:
        worksheet_write_number(ws, row, col, v.toDouble(), f.percent);
        return;
    case CellType::Delta:
        worksheet_write_number(ws, row, col, v.toDouble(), f.delta);
        return;
    case CellType::Points:
        worksheet_write_number(ws, row, col, v.toDouble(), f.points);
        return;
    case CellType::Date: {
        lxw_datetime d = lxwOf(v.toDate());
        worksheet_write_datetime(ws, row, col, &d, f.date);
        return;
    }
    case CellType::DateTime: {
        const QDateTime t = v.toDateTime();
        lxw_datetime d = lxwOf(t.date(), t.time());
        worksheet_write_datetime(ws, row, col, &d, f.dateTime);
        return;
    }
    }
}

QByteArray utf8(const QString& text)
{
    return text.toUtf8();
}

/** A chart series over rows [1, n] of one column, categories from another. */
lxw_chart_series* addSeries(lxw_chart* chart, const QByteArray& sheet, int n, lxw_col_t categories, lxw_col_t values,
                            const QString& name)
{
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet.constData(), 1, categories, lxw_row_t(n), categories);
    chart_series_set_values(s, sheet.constData(), 1, values, lxw_row_t(n), values);
    chart_series_set_name(s, utf8(name).constData());
    return s;
}

void addCharts(lxw_workbook* wb, lxw_worksheet* ws, const ReportTables::Table& table, const QByteArray& sheet,
               const Formats& f)
{
    const int n = int(table.rows.size());
    if (n == 0) {
        return;
    }
    const lxw_col_t firstFree = lxw_col_t(table.columns.size() + 1);
    if (table.id == Id::Pareto) {
        // Cases per category (columns), then the cumulative share with the 80 % mark on a chart of its own: the
        // libxlsxwriter of Debian 12 (1.1.4) has neither a secondary axis nor combined charts.
        lxw_chart* bars = workbook_add_chart(wb, LXW_CHART_COLUMN);
        chart_title_set_name(bars, utf8(ReportWriter::tr("Cases by category")).constData());
        addSeries(bars, sheet, n, 1, 2, table.columns.at(2).header);
        chart_legend_set_position(bars, LXW_CHART_LEGEND_NONE);
        worksheet_insert_chart(ws, 1, firstFree + 1, bars);

        const lxw_col_t mark = firstFree;
        worksheet_write_string(ws, 0, mark, utf8(ReportWriter::tr("80 % mark")).constData(), f.header);
        for (int r = 1; r <= n; ++r) {
            worksheet_write_number(ws, lxw_row_t(r), mark, Dashboard::kParetoShare, f.percent);
        }
        lxw_chart* line = workbook_add_chart(wb, LXW_CHART_LINE);
        chart_title_set_name(line, utf8(ReportWriter::tr("Cumulative share")).constData());
        addSeries(line, sheet, n, 1, 4, table.columns.at(4).header);
        addSeries(line, sheet, n, 1, mark, ReportWriter::tr("80 % mark"));
        chart_axis_set_num_format(line->y_axis, "0%");
        chart_axis_set_min(line->y_axis, 0);
        chart_axis_set_max(line->y_axis, 1);
        chart_legend_set_position(line, LXW_CHART_LEGEND_BOTTOM);
        worksheet_insert_chart(ws, 17, firstFree + 1, line);
    } else if (table.id == Id::Series) {
        lxw_chart* waiting = workbook_add_chart(wb, LXW_CHART_LINE);
        chart_title_set_name(waiting, utf8(ReportWriter::tr("Waiting time (minutes)")).constData());
        for (const lxw_col_t c : {lxw_col_t(3), lxw_col_t(4), lxw_col_t(5)}) {
            addSeries(waiting, sheet, n, 0, c, table.columns.at(c).header);
        }
        chart_axis_set_num_format(waiting->x_axis, "mm-dd");
        chart_legend_set_position(waiting, LXW_CHART_LEGEND_BOTTOM);
        worksheet_insert_chart(ws, 1, firstFree, waiting);

        lxw_chart* ratings = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
        chart_title_set_name(ratings, utf8(ReportWriter::tr("Satisfaction ratings")).constData());
        for (lxw_col_t c = 8; c <= 12; ++c) {
            addSeries(ratings, sheet, n, 0, c, table.columns.at(c).header);
        }
        chart_axis_set_num_format(ratings->x_axis, "mm-dd");
        chart_legend_set_position(ratings, LXW_CHART_LEGEND_BOTTOM);
        worksheet_insert_chart(ws, 17, firstFree, ratings);

        lxw_chart* csat = workbook_add_chart(wb, LXW_CHART_LINE);
        chart_title_set_name(csat, utf8(ReportWriter::tr("CSAT")).constData());
        addSeries(csat, sheet, n, 0, 13, table.columns.at(13).header);
        chart_axis_set_num_format(csat->y_axis, "0%");
        chart_axis_set_num_format(csat->x_axis, "mm-dd");
        chart_legend_set_position(csat, LXW_CHART_LEGEND_NONE);
        worksheet_insert_chart(ws, 33, firstFree, csat);
    }
}
} // namespace

Status ReportWriter::writeXlsx(const Report::ReviewReport& report, const QString& path, const Cancelled& cancelled)
{
    // libxlsxwriter writes a file by name: a temporary one next to the target, renamed over it at the end.
    const QFileInfo target(path);
    QTemporaryFile temp(target.absoluteDir().filePath(target.fileName() + QStringLiteral(".XXXXXX.part")));
    if (!temp.open()) {
        return Error::make(Error::Code::Storage, ReportWriter::tr("Cannot write %1: %2").arg(path, temp.errorString()));
    }
    temp.close();
    const QByteArray tempName = QFile::encodeName(temp.fileName());

    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    const QByteArray tmpdir = QFile::encodeName(target.absolutePath());
    options.tmpdir = const_cast<char*>(tmpdir.constData());
    lxw_workbook* wb = workbook_new_opt(tempName.constData(), &options);
    if (!wb) {
        return Error::make(Error::Code::Storage, ReportWriter::tr("Cannot write %1.").arg(path));
    }
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xE8EEF4);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    f.integer = workbook_add_format(wb);
    format_set_num_format(f.integer, "#,##0");
    f.number = workbook_add_format(wb);
    format_set_num_format(f.number, "#,##0.00");
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0.0%");
    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.dateTime = workbook_add_format(wb);
    format_set_num_format(f.dateTime, "yyyy-mm-dd hh:mm");
    f.text = workbook_add_format(wb);
    f.delta = workbook_add_format(wb);
    format_set_num_format(f.delta, "+#,##0.00;-#,##0.00;0");
    f.points = workbook_add_format(wb);
    format_set_num_format(f.points, "+0.0%;-0.0%;0.0%");
    f.note = workbook_add_format(wb);
    format_set_italic(f.note);

    const auto property = [](const QString& s) {
        return s.toUtf8();
    };
    const QByteArray title = property(Report::Text::title() + QStringLiteral(" — ") + report.hallName);
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.constData());
    workbook_set_properties(wb, &props);

    QStringList used;
    for (const ReportTables::Table& table : ReportTables::all(report)) {
        if (cancelled && cancelled()) {
            workbook_close(wb); // frees it; the temporary file goes with `temp`
            return Error::make(Error::Code::Invalid, cancelledMessage());
        }
        QString name = ReportTables::sheetName(table.sheetName);
        for (int i = 2; used.contains(name, Qt::CaseInsensitive); ++i) {
            name = ReportTables::sheetName(table.sheetName.left(27) + QStringLiteral(" %1").arg(i));
        }
        used << name;
        const QByteArray sheet = name.toUtf8();
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.constData());
        if (!ws) {
            workbook_close(wb);
            return Error::make(Error::Code::Storage, ReportWriter::tr("Cannot add the sheet %1.").arg(name));
        }
        for (int c = 0; c < table.columns.size(); ++c) {
            const ReportTables::Column& col = table.columns.at(c);
            worksheet_write_string(ws, 0, lxw_col_t(c), col.header.toUtf8().constData(), f.header);
            worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), std::max(col.width, 8) * 1.1, nullptr);
        }
        worksheet_set_row(ws, 0, 32, nullptr);
        worksheet_freeze_panes(ws, 1, 0);
        for (int r = 0; r < table.rows.size(); ++r) {
            const QVariantList& row = table.rows.at(r);
            for (int c = 0; c < table.columns.size() && c < row.size(); ++c) {
                writeCell(ws, lxw_row_t(r + 1), lxw_col_t(c), row.at(c), ReportTables::typeOf(table, r, c), f);
            }
        }
        if (!table.note.isEmpty()) {
            worksheet_write_string(ws, lxw_row_t(table.rows.size() + 2), 0, table.note.toUtf8().constData(), f.note);
        }
        if (!table.rows.isEmpty()) {
            worksheet_autofilter(ws, 0, 0, lxw_row_t(table.rows.size()), lxw_col_t(table.columns.size() - 1));
        }
        addCharts(wb, ws, table, sheet, f);
    }
    const lxw_error closed = workbook_close(wb);
    if (closed != LXW_NO_ERROR) {
        return Error::make(Error::Code::Storage,
                           ReportWriter::tr("Cannot write %1: %2").arg(path, QString::fromUtf8(lxw_strerror(closed))));
    }
    // rename(2) replaces the target in one step; the temporary file's name is no longer ours to remove then.
    if (std::rename(tempName.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
        return Error::make(Error::Code::Storage, ReportWriter::tr("Cannot replace %1.").arg(path));
    }
    temp.setAutoRemove(false);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return {};
}
