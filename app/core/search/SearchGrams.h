#pragma once

#include <QString>
#include <QStringList>

/**
 * How case text is indexed for search without word boundaries (Chinese): every run of letters and digits yields
 * its single characters and its overlapping pairs. A term of any length is then found through the pairs (or the
 * single character) it contains, and confirmed against the text itself, so the index only narrows the search.
 */
namespace SearchGrams {

/** Letters and digits are indexed; everything else (spaces, punctuation, symbols) separates runs. */
bool isIndexed(QChar c);

/** The distinct grams of a text (ASCII letters lower-cased), sorted; the index stores them space-separated. */
QStringList ofText(const QString& text);

/**
 * The grams of ofText(text) joined into one string: `before` + grams separated by `separator` + `after`; empty
 * when the text has no grams. The fast path for indexing: no string per gram is made.
 */
QString joined(const QString& text, QStringView before, QStringView separator, QStringView after);

/**
 * The grams a case must contain for `term` to occur in it: the pairs of each run (its single character when a run
 * is one character long). Empty when the term has no letter or digit: such a term is matched by scanning.
 */
QStringList ofTerm(const QString& term);

/** What the text is compared with to confirm a match: trimmed, ASCII letters lower-cased. */
QString normalizedTerm(const QString& term);

} // namespace SearchGrams
