#pragma once

#include "common/Result.h"
#include "report/ReviewReport.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

/**
 * Writes a Report::ReviewReport as PDF (QPdfWriter, vector charts), .xlsx (libxlsxwriter, native charts) or CSV
 * (UTF-8 with BOM, CRLF, RFC 4180, one file with sections). Every writer writes a temporary file next to the target
 * and renames it at the end (QSaveFile): a failed or cancelled report never leaves a half file and never destroys an
 * existing one. The PDF needs a QGuiApplication (fonts); the others only QtCore. Overwriting is the caller's
 * decision (the CLI's --force, the GUI's question): write() replaces an existing file.
 */
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)

public:
    enum class Format
    {
        Pdf,
        Xlsx,
        Csv,
    };
    using Cancelled = std::function<bool()>;

    static QList<Format> formats();
    /** "pdf", "xlsx", "csv" (the CLI's --format). */
    static QString code(Format format);
    static std::optional<Format> fromCode(const QString& code);
    /** The file name suffix without the dot. */
    static QString suffix(Format format) { return code(format); }
    /** For a file dialog: "PDF (*.pdf)". */
    static QString filter(Format format);

    static Status write(const Report::ReviewReport& report, Format format, const QString& path,
                        const Cancelled& cancelled = {});

    static QString cancelledMessage();

private:
    static Status writePdf(const Report::ReviewReport& report, const QString& path, const Cancelled& cancelled);
    static Status writeXlsx(const Report::ReviewReport& report, const QString& path, const Cancelled& cancelled);
    static Status writeCsv(const Report::ReviewReport& report, const QString& path, const Cancelled& cancelled);
};
