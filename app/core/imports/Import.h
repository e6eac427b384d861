#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/**
 * imports (issue 13): the data of `import-cases` / `import-queue` (FORMATS.md) as the CLI and the GUI see it. The
 * work itself is ImportService's (app/core/services); this header is the seam between it and its two front ends.
 */
namespace Import {

/** Which of FORMATS.md's two formats. */
enum class Kind
{
    Cases, ///< import-cases: case rows
    Queue, ///< import-queue: queue visits (取号系统)
};

/** The encoding a file was read in, as detected (never told). */
enum class Encoding
{
    Utf8,
    Utf8Bom,
    Gb18030, ///< GB18030 / GBK, what Excel and WPS write on Chinese Windows
};

/** A display name for an encoding ("UTF-8", "UTF-8 (BOM)", "GB18030"); not translated (they are names). */
QString encodingName(Encoding encoding);

/** One column of the file's header and the field of the format it was matched to. */
struct ColumnMatch
{
    QString header; ///< as written in the file (English name, Chinese alias or anything else)
    QString field;  ///< the format's English column name (FORMATS.md), or empty: an extra column, ignored
};

/** What the GUI shows before importing: read without writing anything. */
struct Preview
{
    Kind kind = Kind::Cases;
    Encoding encoding = Encoding::Utf8;
    QList<ColumnMatch> columns;   ///< in the file's order
    QStringList missingRequired;  ///< required fields (English names) no header matched; non-empty = cannot import
    QList<QStringList> firstRows; ///< the first data rows as read (at most the number asked), in the file's order
    qint64 dataLines = 0;         ///< data records in the whole file (not counting the header)
};

/** One rejected record: its line number in the file (the header is line 1) and why, in the user's language. */
struct Reject
{
    qint64 line = 0;
    QString reason;
    QStringList fields; ///< the record's fields as read, for FILE.rejects.csv
};

struct Options
{
    Kind kind = Kind::Cases;
    /** false: all or nothing (any reject and nothing is written); true: the good rows are imported. */
    bool skipBad = false;
};

/** The outcome of one run. */
struct Report
{
    Kind kind = Kind::Cases;
    Encoding encoding = Encoding::Utf8;
    QStringList header;    ///< the file's header as written, for FILE.rejects.csv
    qint64 records = 0;    ///< data records read
    qint64 imported = 0;   ///< rows written
    qint64 duplicates = 0; ///< rows skipped because they exist already (re-import changes nothing)
    QList<Reject> rejects; ///< in line order
    /** True when rows were written: false for a cancelled run and for rejects without skipBad (nothing written). */
    bool committed = false;
    bool cancelled = false;
};

} // namespace Import
