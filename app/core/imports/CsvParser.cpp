#include "CsvParser.h"

namespace {
constexpr char16_t kQuote = u'"';
constexpr char16_t kComma = u',';
constexpr char16_t kCr = u'\r';
constexpr char16_t kLf = u'\n';

bool isBreak(char16_t c)
{
    return c == kCr || c == kLf;
}
} // namespace

CsvParser::CsvParser(QStringView text, Limits limits)
    : m_text(text)
    , m_limits(limits)
{}

void CsvParser::lineBreak()
{
    // CRLF, LF or a lone CR: one line.
    if (m_text[m_pos] == kCr && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == kLf) {
        ++m_pos;
    }
    ++m_pos;
    ++m_line;
}

void CsvParser::append(QString* field, QStringView part, bool* tooLong) const
{
    if (*tooLong) {
        return;
    }
    if (field->size() + part.size() > m_limits.maxFieldChars) {
        *tooLong = true;
        field->clear();
        return;
    }
    field->append(part);
}

bool CsvParser::next(Record* record)
{
    record->fields.clear();
    record->problem.clear();
    const qsizetype n = m_text.size();
    const char16_t* s = m_text.utf16();
    while (m_pos < n && isBreak(s[m_pos])) { // empty lines
        lineBreak();
    }
    if (m_pos >= n) {
        return false;
    }
    record->line = m_line;
    bool tooLong = false;
    bool tooMany = false;
    QString field;
    for (;;) {
        field.clear();
        if (m_pos < n && s[m_pos] == kQuote) {
            const qint64 openedOn = m_line;
            ++m_pos;
            bool closed = false;
            while (m_pos < n) {
                const char16_t c = s[m_pos];
                if (c == kQuote) {
                    if (m_pos + 1 < n && s[m_pos + 1] == kQuote) {
                        append(&field, u"\"", &tooLong);
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    closed = true;
                    break;
                }
                if (isBreak(c)) {
                    lineBreak();
                    append(&field, u"\n", &tooLong); // a line break inside a field reads as LF
                    continue;
                }
                const qsizetype start = m_pos;
                while (m_pos < n && s[m_pos] != kQuote && !isBreak(s[m_pos])) {
                    ++m_pos;
                }
                append(&field, m_text.sliced(start, m_pos - start), &tooLong);
            }
            if (!closed) {
                record->problem = tr("The quote that opens a field on line %1 is never closed.").arg(openedOn);
                return true;
            }
            if (m_pos < n && s[m_pos] != kComma && !isBreak(s[m_pos])) {
                record->problem =
                    tr("Text follows the closing quote of a field on line %1 (a stray quote).").arg(m_line);
                while (m_pos < n && !isBreak(s[m_pos])) { // the rest of the line belongs to this bad record
                    ++m_pos;
                }
                if (m_pos < n) {
                    lineBreak();
                }
                return true;
            }
        } else {
            const qsizetype start = m_pos;
            while (m_pos < n && s[m_pos] != kComma && !isBreak(s[m_pos])) {
                ++m_pos;
            }
            append(&field, m_text.sliced(start, m_pos - start), &tooLong);
        }
        if (record->fields.size() < m_limits.maxColumns) {
            record->fields.append(field);
        } else {
            tooMany = true;
        }
        if (m_pos < n && s[m_pos] == kComma) {
            ++m_pos;
            continue;
        }
        if (m_pos < n) {
            lineBreak();
        }
        break;
    }
    if (tooLong) {
        record->problem = tr("A field is longer than %1 characters.").arg(m_limits.maxFieldChars);
    } else if (tooMany) {
        record->problem = tr("The record has more than %1 columns.").arg(m_limits.maxColumns);
    }
    return true;
}
