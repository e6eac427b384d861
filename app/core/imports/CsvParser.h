#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

/**
 * imports (issue 13): an RFC 4180 reader over decoded text. Fields separated by commas, records by CRLF, LF or a
 * lone CR; a field in double quotes may hold commas, line breaks and doubled quotes. Each record knows the physical
 * line it starts on (the first line is 1), for messages. Lenient where spreadsheets are: a missing last line break,
 * empty lines (skipped), a quote inside an unquoted field (kept as text). A record that cannot be read whole gets a
 * problem instead of failing the file: text after a closing quote, a quote that never closes, a field or a
 * record over the limits (which stop abuse without touching real files).
 */
class CsvParser
{
    Q_DECLARE_TR_FUNCTIONS(CsvParser)

public:
    struct Limits
    {
        qsizetype maxFieldChars = 1 << 20; ///< 1 Mi characters: far above any complaint text
        int maxColumns = 1024;             ///< far above the 16 columns of a format plus any extras
    };
    struct Record
    {
        qint64 line = 0;    ///< the physical line the record starts on
        QStringList fields; ///< as read (at most maxColumns)
        QString problem;    ///< translated; empty = the record was read whole
    };

    explicit CsvParser(QStringView text)
        : CsvParser(text, Limits{})
    {}
    CsvParser(QStringView text, Limits limits);

    /** The next record; false at the end of the text. */
    bool next(Record* record);
    /** Characters read so far (for progress). */
    qsizetype position() const { return m_pos; }

private:
    void lineBreak();
    void append(QString* field, QStringView part, bool* tooLong) const;

    QStringView m_text;
    Limits m_limits;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
};
