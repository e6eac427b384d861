#include "report/ReportWriter.h"

#include "report/ReportTables.h"

#include <QSaveFile>

QList<ReportWriter::Format> ReportWriter::formats()
{
    return {Format::Pdf, Format::Xlsx, Format::Csv};
}

QString ReportWriter::code(Format format)
{
    switch (format) {
    case Format::Pdf:
        return QStringLiteral("pdf");
    case Format::Xlsx:
        return QStringLiteral("xlsx");
    case Format::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

std::optional<ReportWriter::Format> ReportWriter::fromCode(const QString& code)
{
    for (const Format f : formats()) {
        if (ReportWriter::code(f) == code.trimmed().toLower()) {
            return f;
        }
    }
    return std::nullopt;
}

QString ReportWriter::filter(Format format)
{
    switch (format) {
    case Format::Pdf:
        return tr("PDF (*.pdf)");
    case Format::Xlsx:
        return tr("Excel workbook (*.xlsx)");
    case Format::Csv:
        return tr("CSV, UTF-8 (*.csv)");
    }
    return {};
}

QString ReportWriter::cancelledMessage()
{
    return tr("The report was cancelled; no file was written.");
}

Status ReportWriter::write(const Report::ReviewReport& report, Format format, const QString& path,
                           const Cancelled& cancelled)
{
    switch (format) {
    case Format::Pdf:
        return writePdf(report, path, cancelled);
    case Format::Xlsx:
        return writeXlsx(report, path, cancelled);
    case Format::Csv:
        return writeCsv(report, path, cancelled);
    }
    return Error::make(Error::Code::Invalid, tr("Unknown report format."));
}

// ---- CSV ---------------------------------------------------------------------------------------------------------

namespace {
/** RFC 4180: quoted when it holds a comma, quote, CR or LF (or edge spaces); quotes doubled. */
QString csvField(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')) ||
        text.contains(QLatin1Char('\r')) || text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

/** A text cell that Excel would take for a formula (=, +, -, @) gets a leading apostrophe, as OWASP advises. */
QString textCell(const QString& text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front())) {
        return QLatin1Char('\'') + text;
    }
    return text;
}

QString csvCell(const QVariant& value, ReportTables::CellType type)
{
    using ReportTables::CellType;
    if (!value.isValid() || value.isNull()) {
        return {};
    }
    switch (type) {
    case CellType::Text:
        return textCell(value.toString());
    case CellType::Integer:
        return QString::number(value.toLongLong());
    case CellType::Number:
    case CellType::Percent:
    case CellType::Delta:
    case CellType::Points:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case CellType::Date:
        return value.toDate().toString(Qt::ISODate);
    case CellType::DateTime:
        return value.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    return value.toString();
}

QByteArray csvLine(const QStringList& fields)
{
    QStringList quoted;
    for (const QString& f : fields) {
        quoted << csvField(f);
    }
    return quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
}
} // namespace

Status ReportWriter::writeCsv(const Report::ReviewReport& report, const QString& path, const Cancelled& cancelled)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(Error::Code::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    file.write("\xEF\xBB\xBF");
    file.write(csvLine({textCell(Report::Text::title()), textCell(report.hallName),
                        report.range.from.toString(Qt::ISODate), report.range.to.toString(Qt::ISODate)}));
    for (const ReportTables::Table& table : ReportTables::all(report)) {
        if (cancelled && cancelled()) {
            file.cancelWriting();
            return Error::make(Error::Code::Invalid, cancelledMessage());
        }
        file.write("\r\n");
        file.write(csvLine({textCell(table.title)}));
        QStringList header;
        for (const ReportTables::Column& c : table.columns) {
            header << textCell(c.header);
        }
        file.write(csvLine(header));
        for (int r = 0; r < table.rows.size(); ++r) {
            QStringList fields;
            for (int c = 0; c < table.columns.size(); ++c) {
                fields << csvCell(table.rows.at(r).value(c), ReportTables::typeOf(table, r, c));
            }
            file.write(csvLine(fields));
        }
        if (!table.note.isEmpty()) {
            file.write(csvLine({textCell(table.note)}));
        }
    }
    if (!file.commit()) {
        return Error::make(Error::Code::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}
