#include "SearchGrams.h"

#include <algorithm>
#include <vector>

namespace {
QChar lowerAscii(QChar c)
{
    return c.unicode() >= 'A' && c.unicode() <= 'Z' ? QChar(c.unicode() + ('a' - 'A')) : c;
}

/** Calls `visit(run)` for each maximal run of indexed characters, ASCII letters lower-cased. */
template <typename Visit> void forEachRun(const QString& text, Visit visit)
{
    QString run;
    const auto flush = [&] {
        if (!run.isEmpty()) {
            visit(run);
            run.clear();
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            // Characters outside the BMP (rare CJK extensions) stay one unit of two QChars.
            const char32_t ucs = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (QChar::isLetterOrNumber(ucs)) {
                run += c;
                run += text.at(i + 1);
            } else {
                flush();
            }
            ++i;
            continue;
        }
        if (SearchGrams::isIndexed(c)) {
            run += lowerAscii(c);
        } else {
            flush();
        }
    }
    flush();
}

/** The characters of a run as units (a surrogate pair is one unit). */
QStringList unitsOf(const QString& run)
{
    QStringList units;
    for (qsizetype i = 0; i < run.size(); ++i) {
        if (run.at(i).isHighSurrogate() && i + 1 < run.size()) {
            units << run.mid(i, 2);
            ++i;
        } else {
            units << QString(run.at(i));
        }
    }
    return units;
}
/**
 * A gram as one integer: its one to four UTF-16 code units from the top 16 bits down, zero-padded. Grams never
 * hold U+0000 (not a letter or digit), so comparing keys compares the grams code unit by code unit, which is how
 * QString sorts: the sorted keys give the same order as sorting the strings.
 */
constexpr int kUnitBits = 16;

/** A character (one code unit, or a surrogate pair) as the top of a 32-bit value. */
quint32 unitKey(char16_t first, char16_t second = 0)
{
    return (quint32(first) << kUnitBits) | second;
}

quint64 singleKey(quint32 unit)
{
    return quint64(unit) << 32;
}

quint64 pairKey(quint32 first, quint32 second)
{
    // After a one-code-unit character the second starts at bit 32, after a surrogate pair at bit 16.
    return (quint64(first) << 32) | ((first & 0xFFFFu) != 0 ? quint64(second) : quint64(second) << kUnitBits);
}

qsizetype gramLength(quint64 key)
{
    qsizetype length = 0;
    for (; key != 0; key <<= kUnitBits) {
        ++length;
    }
    return length;
}

/** Writes the gram's code units at `out`; returns the position after them. */
QChar* writeGram(QChar* out, quint64 key)
{
    for (; key != 0; key <<= kUnitBits) {
        *out++ = QChar(char16_t(key >> 48));
    }
    return out;
}

void appendGram(QString& out, quint64 key)
{
    QChar buffer[4];
    out.append(buffer, writeGram(buffer, key) - buffer);
}

/**
 * The distinct gram keys of a text, sorted, given to `use` (one buffer per thread is reused, so indexing many
 * texts allocates nothing per gram). The same grams as forEachRun + unitsOf would give.
 */
template <typename Use> void forEachGramKey(const QString& text, Use use)
{
    thread_local std::vector<quint64> keys;
    keys.clear();
    quint32 previous = 0; // the previous character of the current run; 0 = none
    const char16_t* units = reinterpret_cast<const char16_t*>(text.constData());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = units[i];
        quint32 unit = 0;
        if (c < 0x80) {
            if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
                unit = unitKey(c);
            } else if (c >= u'A' && c <= u'Z') {
                unit = unitKey(char16_t(c + (u'a' - u'A')));
            }
        } else if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(units[i + 1])) {
            if (QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, units[i + 1]))) {
                unit = unitKey(c, units[i + 1]);
            }
            ++i;
        } else if (SearchGrams::isIndexed(QChar(c))) {
            unit = unitKey(c);
        }
        if (unit == 0) {
            previous = 0;
            continue;
        }
        keys.push_back(singleKey(unit));
        if (previous != 0) {
            keys.push_back(pairKey(previous, unit));
        }
        previous = unit;
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    use(keys);
}
} // namespace

namespace SearchGrams {

bool isIndexed(QChar c)
{
    return c.isLetterOrNumber();
}

QStringList ofText(const QString& text)
{
    QStringList grams;
    forEachGramKey(text, [&grams](const std::vector<quint64>& keys) {
        grams.reserve(qsizetype(keys.size()));
        for (const quint64 key : keys) {
            QString gram;
            appendGram(gram, key);
            grams.append(gram);
        }
    });
    return grams;
}

QString joined(const QString& text, QStringView before, QStringView separator, QStringView after)
{
    QString result;
    forEachGramKey(text, [&](const std::vector<quint64>& keys) {
        if (keys.empty()) {
            return;
        }
        qsizetype length = before.size() + after.size() + separator.size() * qsizetype(keys.size() - 1);
        for (const quint64 key : keys) {
            length += gramLength(key);
        }
        result.resize(length);
        QChar* out = result.data();
        out = std::copy(before.begin(), before.end(), out);
        for (size_t i = 0; i < keys.size(); ++i) {
            if (i > 0) {
                out = std::copy(separator.begin(), separator.end(), out);
            }
            out = writeGram(out, keys[i]);
        }
        std::copy(after.begin(), after.end(), out);
    });
    return result;
}

QStringList ofTerm(const QString& term)
{
    QStringList grams;
    forEachRun(term, [&grams](const QString& run) {
        const QStringList units = unitsOf(run);
        if (units.size() == 1) {
            grams << units.constFirst();
            return;
        }
        for (qsizetype i = 0; i + 1 < units.size(); ++i) {
            const QString pair = units.at(i) + units.at(i + 1);
            if (!grams.contains(pair)) {
                grams << pair;
            }
        }
    });
    return grams;
}

QString normalizedTerm(const QString& term)
{
    QString result = term.trimmed();
    for (QChar& c : result) {
        c = lowerAscii(c);
    }
    return result;
}

} // namespace SearchGrams
