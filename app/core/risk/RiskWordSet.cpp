#include "risk/RiskWordSet.h"

#include <algorithm>

RiskWordSet::RiskWordSet()
    : m_firstChars(65536 / 64, 0)
{}

void RiskWordSet::add(const QString& word, int payload)
{
    if (word.isEmpty()) {
        return;
    }
    QList<Entry>& list = m_byFirst[word.front().unicode()];
    if (std::any_of(list.cbegin(), list.cend(), [&word](const Entry& e) { return e.word == word; })) {
        return;
    }
    list.append({word, payload});
    // Longest first: matchAt takes the first that fits.
    std::stable_sort(list.begin(), list.end(),
                     [](const Entry& a, const Entry& b) { return a.word.size() > b.word.size(); });
    const char16_t c = word.front().unicode();
    m_firstChars[c >> 6] |= quint64(1) << (c & 63);
    m_maxLength = std::max(m_maxLength, int(word.size()));
    ++m_count;
}

int RiskWordSet::matchAt(QStringView text, qsizetype at, int* payload) const
{
    if (!mayStartAt(text, at)) {
        return 0;
    }
    const auto it = m_byFirst.constFind(text.at(at).unicode());
    if (it == m_byFirst.constEnd()) {
        return 0;
    }
    const QStringView rest = text.mid(at);
    for (const Entry& e : *it) {
        if (rest.startsWith(e.word)) {
            if (payload) {
                *payload = e.payload;
            }
            return int(e.word.size());
        }
    }
    return 0;
}

bool RiskWordSet::covers(QStringView text, qsizetype from, qsizetype to) const
{
    for (qsizetype at = from; at >= 0 && from - at < m_maxLength; --at) {
        const int n = matchAt(text, at);
        if (n > 0 && at + n >= to) {
            return true;
        }
    }
    return false;
}

qsizetype RiskWordSet::find(QStringView text, qsizetype from, qsizetype to, int* length) const
{
    to = std::min(to, text.size());
    for (qsizetype at = std::max<qsizetype>(from, 0); at < to; ++at) {
        bool found = false;
        int fitting = 0;
        forEachAt(text, at, [&](int n, int) {
            if (!found && at + n <= to) {
                found = true;
                fitting = n;
            }
        });
        if (found) {
            if (length) {
                *length = fitting;
            }
            return at;
        }
    }
    return -1;
}
