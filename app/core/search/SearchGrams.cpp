#include "SearchGrams.h"

#include <QSet>

#include <algorithm>

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
} // namespace

namespace SearchGrams {

bool isIndexed(QChar c)
{
    return c.isLetterOrNumber();
}

QStringList ofText(const QString& text)
{
    QSet<QString> grams;
    forEachRun(text, [&grams](const QString& run) {
        const QStringList units = unitsOf(run);
        for (qsizetype i = 0; i < units.size(); ++i) {
            grams.insert(units.at(i));
            if (i + 1 < units.size()) {
                grams.insert(units.at(i) + units.at(i + 1));
            }
        }
    });
    QStringList sorted(grams.begin(), grams.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
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
