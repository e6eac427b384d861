#pragma once

#include "imports/CsvParser.h"
#include "imports/Import.h"
#include "imports/ImportRows.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

/**
 * imports (issue 13): FORMATS.md's two formats: their columns with English names and Chinese aliases, the header
 * matched in any order (spaces and a byte order mark trimmed, English case-insensitive, extra columns ignored), and
 * every row rule, each rejection a translated reason that names the column as the file writes it and the value.
 */
class ImportFormat
{
    Q_DECLARE_TR_FUNCTIONS(ImportFormat)

public:
    struct Field
    {
        QString name;    ///< FORMATS.md's English column name
        QString chinese; ///< its Chinese alias
        bool required = false;
    };
    /** The fields of a format, in FORMATS.md's order. */
    static const QList<Field>& fields(Import::Kind kind);

    static constexpr int kMaxNameChars = 100;
    static constexpr int kMaxSummaryChars = 20000; ///< as the intake's complaint text
    static constexpr int kMaxCaseNoChars = 64;
    static constexpr int kMaxTicketChars = 32;
    static constexpr int kMaxCitizenKeyChars = 64;

    /** Matches the header; problem() says why it cannot be used (a required column missing, a column twice). */
    ImportFormat(Import::Kind kind, const QStringList& header);

    Import::Kind kind() const { return m_kind; }
    const QList<Import::ColumnMatch>& columns() const { return m_columns; }
    QStringList missingRequired() const { return m_missing; }
    /** Translated, empty when the header is usable. */
    const QString& problem() const { return m_problem; }

    /** A case record to a row; false with the reason (translated) when it is rejected. */
    bool caseRow(const CsvParser::Record& record, Import::CaseRow* row, QString* reason) const;
    bool queueRow(const CsvParser::Record& record, Import::QueueRow* row, QString* reason) const;

    /**
     * FORMATS.md's date-time: `YYYY-MM-DD HH:MM[:SS]`, `T` allowed for the space, `/` for `-`, local time. Month,
     * day and hour may have one digit (2026/3/5 9:07, as Excel and WPS write them); minutes and seconds have two.
     * Seconds since the epoch, nullopt when not a valid date-time.
     */
    std::optional<qint64> parseTime(QStringView text) const;
    /** A field name's key for matching: trimmed of spaces and a byte order mark, English lower case. */
    static QString headerKey(const QString& header);

private:
    QStringView value(const CsvParser::Record& record, int field) const;
    /** The column as the file names it (for messages). */
    QString columnName(int field) const;
    bool time(const CsvParser::Record& record, int field, bool required, qint64* into, QString* reason) const;
    bool number(const CsvParser::Record& record, int field, int low, int high, int* into, QString* reason) const;
    bool text(const CsvParser::Record& record, int field, int maxChars, QString* into, QString* reason) const;
    bool common(const CsvParser::Record& record, QString* reason) const;

    Import::Kind m_kind;
    QList<Import::ColumnMatch> m_columns;
    QList<int> m_columnOf; ///< per field of fields(kind): the file's column, or -1
    QStringList m_missing;
    QString m_problem;
    mutable QHash<qint64, qint64> m_midnights; ///< Julian day -> local midnight (seconds), where the day has 24 h
};
