#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

/**
 * A set of words (each with an int payload) found by position in a text: the lexicons and cue lists of the risk
 * rules. Words are grouped by their first character, longest first, and a bitmap of first characters lets most
 * positions of a text be skipped with one bit test.
 */
class RiskWordSet
{
public:
    RiskWordSet();

    /** Adds a word (an empty one is ignored; a word added again keeps its first payload). */
    void add(const QString& word, int payload = 0);
    bool isEmpty() const { return m_count == 0; }
    int size() const { return m_count; }
    int maxLength() const { return m_maxLength; }

    /** The length of the longest word that starts at `at` (0 for none); its payload into `payload`. */
    int matchAt(QStringView text, qsizetype at, int* payload = nullptr) const;

    /** Calls `f(length, payload)` for every word that starts at `at`, longest first. */
    template <typename F> void forEachAt(QStringView text, qsizetype at, F f) const
    {
        if (!mayStartAt(text, at)) {
            return;
        }
        const auto it = m_byFirst.constFind(text.at(at).unicode());
        if (it == m_byFirst.constEnd()) {
            return;
        }
        const QStringView rest = text.mid(at);
        for (const Entry& e : *it) {
            if (rest.startsWith(e.word)) {
                f(int(e.word.size()), e.payload);
            }
        }
    }

    /** Whether one of the words occurs over all of [from, to) (starts at or before `from`, ends at or after `to`). */
    bool covers(QStringView text, qsizetype from, qsizetype to) const;

    /** Where the first word that lies wholly inside [from, to) starts, or -1; its length into `length`. */
    qsizetype find(QStringView text, qsizetype from, qsizetype to, int* length = nullptr) const;

private:
    struct Entry
    {
        QString word;
        int payload = 0;
    };
    bool mayStartAt(QStringView text, qsizetype at) const
    {
        if (at < 0 || at >= text.size()) {
            return false;
        }
        const char16_t c = text.at(at).unicode();
        return (m_firstChars.at(c >> 6) >> (c & 63)) & 1U;
    }

    QHash<char16_t, QList<Entry>> m_byFirst;
    QList<quint64> m_firstChars; ///< 65,536 bits: which UTF-16 units start a word (shared between copies)
    int m_maxLength = 0;
    int m_count = 0;
};
