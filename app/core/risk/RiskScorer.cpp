#include "risk/RiskScorer.h"

#include <QRegularExpressionMatchIterator>

#include <algorithm>

// Risk scoring (issue 16, helper "risk16"). The words and patterns, their weights and every cue list are data
// (:/risk/risk_rules.json, schema in app/core/risk/data/README.md); the code here is the logic that reads a match in
// its context: clauses and sentences, who is speaking, the scope of a negation or of a condition.

namespace {

struct Span
{
    int start = 0;
    int end = 0; ///< exclusive
};

/** A lexicon word or a pattern that matched, before its context is read. */
struct Hit
{
    RiskSignalKind kind = RiskSignalKind::Media;
    int start = 0;
    int length = 0;
    int weight = 0;
    QString rule;
    int end() const { return start + length; }
};

QList<Span> splitSpans(const QString& text, const QString& breaks)
{
    QList<Span> spans;
    int start = 0;
    for (int i = 0; i < int(text.size()); ++i) {
        if (breaks.contains(text.at(i))) {
            spans.append({start, i});
            start = i + 1;
        }
    }
    spans.append({start, int(text.size())});
    return spans;
}

/** The span that holds `pos` (a position on a break character belongs to the span it ends). */
Span spanAt(const QList<Span>& spans, int pos)
{
    for (const Span& s : spans) {
        if (pos <= s.end) {
            return s;
        }
    }
    return spans.last();
}

/** Who says the words after a position: the citizen, someone else, or nobody named. */
struct Speaker
{
    enum class Who
    {
        None,
        Citizen,
        Other,
    };
    Who who = Who::None;
    int start = -1;
};

/** One text being scored: the normalised copy, its clauses, sentences and quotations, and the context tests. */
class Scan
{
public:
    Scan(const RiskRules& rules, const QString& text)
        : r(rules)
        , n(RiskRules::normalized(text))
        , view(n)
    {}

    QList<Hit> hits() const
    {
        QList<Hit> hits;
        for (int i = 0; i < int(n.size()); ++i) {
            r.terms.forEachAt(view, i, [&](int length, int payload) {
                hits.append({RiskSignalKind(payload / RiskRules::kTermKindFactor), i, length,
                             payload % RiskRules::kTermKindFactor, n.mid(i, length)});
            });
        }
        for (RiskSignalKind kind : RiskSignalKinds::all()) {
            for (const RiskRules::Pattern& p : r.signalRules[size_t(kind)].patterns) {
                for (auto it = p.expression.globalMatch(n); it.hasNext();) {
                    const QRegularExpressionMatch m = it.next();
                    if (m.capturedLength() > 0) {
                        hits.append(
                            {kind, int(m.capturedStart()), int(m.capturedLength()), p.weight, p.expression.pattern()});
                    }
                }
            }
        }
        // Within one signal, a match inside a longer one is the same evidence (律师 in 律师函): keep the longer.
        QList<Hit> kept;
        for (const Hit& h : hits) {
            const bool inside = std::any_of(hits.cbegin(), hits.cend(), [&h](const Hit& o) {
                return o.kind == h.kind && o.start <= h.start && o.end() >= h.end() &&
                       (o.length > h.length || (o.length == h.length && o.weight > h.weight));
            });
            const bool twin = std::any_of(kept.cbegin(), kept.cend(), [&h](const Hit& o) {
                return o.kind == h.kind && o.start == h.start && o.length == h.length;
            });
            if (!inside && !twin) {
                kept.append(h);
            }
        }
        std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) {
            return a.start != b.start ? a.start < b.start : int(a.kind) < int(b.kind);
        });
        return kept;
    }

    /** Whether a match does not count, and why (into `why`). Punctuation (！！) is never negated or reported. */
    bool setAside(const Hit& h, RiskIgnored* why)
    {
        if (!n.at(h.start).isLetterOrNumber()) {
            return false;
        }
        prepare();
        QString cue;
        int cueStart = -1;
        RiskIgnored::Reason reason;
        if (innocent(h, cue, cueStart)) {
            reason = RiskIgnored::Reason::Innocent;
        } else if (reported(h, cue, cueStart)) {
            reason = RiskIgnored::Reason::ReportedSpeech;
        } else if (hypothetical(h, cue, cueStart)) {
            reason = RiskIgnored::Reason::Hypothetical;
        } else if (negated(h, cue, cueStart)) {
            reason = RiskIgnored::Reason::Negated;
        } else {
            return false;
        }
        *why = {h.kind, QString(), h.start, h.length, reason, cue, cueStart};
        return true;
    }

private:
    void prepare()
    {
        if (m_prepared) {
            return;
        }
        m_prepared = true;
        m_sentences = splitSpans(n, r.sentenceBreaks);
        m_clauses = splitSpans(n, r.clauseBreaks);
        for (const auto& [open, close] : r.quotes) {
            for (int i = 0; i < int(n.size()); ++i) {
                if (n.at(i) != open) {
                    continue;
                }
                int j = int(n.indexOf(close, i + 1));
                if (j < 0) {
                    j = int(n.size()); // an unclosed quotation runs to the end
                }
                m_quotes.append({i, j});
                i = j;
            }
        }
    }

    QString textOf(int start, int end) const { return n.mid(start, end - start); }

    /** An innocent sense of the signal's word (律师事务所, 集体户口), or an inquiry about a place (信访局的地址). */
    bool innocent(const Hit& h, QString& cue, int& cueStart) const
    {
        const RiskRules::Signal& s = r.signalRules[size_t(h.kind)];
        for (int at = h.start; at >= 0 && h.start - at < s.innocent.maxLength(); --at) {
            const int length = s.innocent.matchAt(view, at);
            if (length > 0 && at + length >= h.end()) {
                cue = textOf(at, at + length);
                cueStart = at;
                return true;
            }
        }
        for (const QRegularExpression& re : s.innocentPatterns) {
            for (auto it = re.globalMatch(n); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                if (m.capturedStart() > h.start) {
                    break;
                }
                if (m.capturedEnd() >= h.end()) {
                    cue = m.captured();
                    cueStart = int(m.capturedStart());
                    return true;
                }
            }
        }
        int p = h.end();
        for (int skipped = 0; p <= int(n.size()); ++skipped, ++p) {
            const int length = r.inquiryAfter.matchAt(view, p);
            if (length > 0) {
                cue = textOf(h.start, p + length);
                cueStart = h.start;
                return true;
            }
            if (p == int(n.size()) || skipped >= 3 || !r.inquirySkip.contains(n.at(p))) {
                break;
            }
        }
        return false;
    }

    /** The nearest speaker before `pos`, within the window and not before `from`; an addressee (跟朋友说) is skipped.
     */
    Speaker speakerBefore(int pos, int from) const
    {
        const int lo = std::max(from, pos - r.speakerWindow);
        for (int q = pos - 1; q >= lo; --q) {
            const int other = r.speakers.matchAt(view, q);
            const int self = r.citizen.matchAt(view, q);
            if (other > 0 && q + other <= pos && other >= self) {
                if (q > from && r.addresseeMarkers.contains(n.at(q - 1))) {
                    continue; // 跟朋友说, 对工作人员讲: the one spoken to
                }
                return {Speaker::Who::Other, q};
            }
            if (self > 0 && q + self <= pos) {
                if (q > from && (r.addresseeMarkers.contains(n.at(q - 1)) || verbEndsAt(q, from))) {
                    continue; // 提醒我说, 跟我讲: the citizen is the one spoken to
                }
                return {Speaker::Who::Citizen, q};
            }
        }
        return {};
    }

    /** Whether a speech verb ends right at `pos` (and starts at or after `from`). */
    bool verbEndsAt(int pos, int from) const
    {
        for (int p = std::max(from, pos - r.speechVerbs.maxLength()); p < pos; ++p) {
            bool ends = false;
            r.speechVerbs.forEachAt(view, p, [&](int length, int) { ends = ends || p + length == pos; });
            if (ends) {
                return true;
            }
        }
        return false;
    }

    bool opensClause(int pos, const Span& clause) const
    {
        for (int k = clause.start; k < pos; ++k) {
            if (!n.at(k).isSpace() && !r.clauseStartSkip.contains(n.at(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Someone else's words: inside a quotation a third person opens (工作人员回了一句“你去告啊”), or after a speech
     * verb with a third-person speaker (朋友建议我找律师), an implied one (问了窗口，说可以…) or hearsay (听说…), up
     * to the sentence's end — unless the citizen takes the word again (a clause that opens with 我, 但是, 可我 …;
     * 我就, 我决定 … inside one) or adopts the advice (听了, 决定, 准备 …, not negated).
     */
    bool reported(const Hit& h, QString& cue, int& cueStart) const
    {
        const Span sentence = spanAt(m_sentences, h.start);
        for (const Span& q : m_quotes) {
            if (h.start > q.start && h.end() <= q.end) {
                const Speaker s = speakerBefore(q.start, sentence.start);
                if (s.who == Speaker::Who::Other) {
                    cue = textOf(s.start, q.start + 1);
                    cueStart = s.start;
                    return true;
                }
                if (s.who == Speaker::Who::Citizen) {
                    return false;
                }
            }
        }
        int scopeStart = -1;
        for (int v = h.start - 1; v >= sentence.start && scopeStart < 0; --v) {
            int length = r.hearsay.matchAt(view, v);
            if (length > 0 && v + length <= h.start) {
                scopeStart = v + length;
                cue = textOf(v, v + length);
                cueStart = v;
                break;
            }
            length = r.speechVerbs.matchAt(view, v);
            if (length == 0 || v + length > h.start || r.notSpeechVerbs.covers(view, v, v + length)) {
                continue;
            }
            if (v > sentence.start && n.at(v - 1) == QChar(u'的')) {
                continue; // 邻居的建议: a noun, not someone speaking
            }
            const Span clause = spanAt(m_clauses, v);
            const Speaker s = speakerBefore(v, clause.start);
            if (s.who == Speaker::Who::Citizen) {
                return false; // the citizen's own words: 我跟他们说…
            }
            if (s.who == Speaker::Who::Other || opensClause(v, clause)) {
                scopeStart = v + length;
                cueStart = s.who == Speaker::Who::Other ? s.start : v;
                cue = textOf(cueStart, scopeStart);
            }
        }
        if (scopeStart < 0) {
            return false;
        }
        for (const Span& c : m_clauses) {
            if (c.start > scopeStart && c.start <= h.start) {
                int k = c.start;
                while (k < c.end && n.at(k).isSpace()) {
                    ++k;
                }
                if (r.resetAtClauseStart.matchAt(view, k) > 0) {
                    return false;
                }
            }
        }
        if (r.resetInClause.find(view, scopeStart, h.start) >= 0) {
            return false;
        }
        for (qsizetype at = r.adoption.find(view, scopeStart, sentence.end); at >= 0;
             at = r.adoption.find(view, at + 1, sentence.end)) {
            if (at == 0 || !r.adoptionNegators.contains(n.at(at - 1))) {
                return false; // 我准备听朋友的去起诉, 朋友建议我找律师，我决定照做
            }
        }
        return true;
    }

    /**
     * Inside a condition (如果, 要是 … up to 就/的话 or the clause's end), or in its consequence — unless the
     * condition is an ultimatum about the case (如果再不解决，我就去曝光: a threat, which counts).
     */
    bool hypothetical(const Hit& h, QString& cue, int& cueStart) const
    {
        const Span sentence = spanAt(m_sentences, h.start);
        for (int p = h.start - 1; p >= sentence.start; --p) {
            const int length = r.hypotheticalCues.matchAt(view, p);
            if (length == 0 || p + length > h.start || r.hypotheticalNotCues.covers(view, p, p + length)) {
                continue;
            }
            const int afterCue = p + length;
            const Span cueClause = spanAt(m_clauses, p);
            const qsizetype marker = r.consequentMarkers.find(view, afterCue, cueClause.end);
            const int antecedentEnd = marker >= 0 ? int(marker) : cueClause.end;
            if (h.start >= antecedentEnd && r.ultimatum.find(view, afterCue, antecedentEnd) >= 0) {
                return false;
            }
            cue = textOf(p, afterCue);
            cueStart = p;
            return true;
        }
        return false;
    }

    /** A negation before the word in its clause (我不会去曝光的, 没打算起诉) or right after it (起诉倒不至于). */
    bool negated(const Hit& h, QString& cue, int& cueStart) const
    {
        const Span clause = spanAt(m_clauses, h.start);
        const int lo = std::max(clause.start, h.start - r.negationWindow - r.negationBefore.maxLength());
        for (int p = h.start - 1; p >= lo; --p) {
            int fit = 0;
            r.negationBefore.forEachAt(view, p, [&](int length, int) {
                if (fit == 0 && p + length <= h.start) {
                    fit = length;
                }
            });
            if (fit == 0) {
                continue;
            }
            const int end = p + fit;
            if (h.start - end > r.negationWindow || r.negationNotCues.covers(view, p, end) ||
                r.negationBreakers.find(view, end, h.start) >= 0) {
                continue;
            }
            cue = textOf(p, end);
            cueStart = p;
            return true;
        }
        const int hi = std::min(clause.end, h.end() + r.negationAfterWindow);
        for (int q = h.end(); q <= hi; ++q) {
            const int length = r.negationAfter.matchAt(view, q);
            if (length > 0 && q + length <= clause.end) {
                cue = textOf(q, q + length);
                cueStart = q;
                return true;
            }
        }
        return false;
    }

    const RiskRules& r;
    const QString n;
    const QStringView view;
    bool m_prepared = false;
    QList<Span> m_sentences;
    QList<Span> m_clauses;
    QList<Span> m_quotes; ///< [opening mark, closing mark)
};

} // namespace

RiskScorer::RiskScorer()
    : m_rules(RiskRules::builtIn())
{}

RiskScorer::RiskScorer(RiskRules rules)
    : m_rules(std::move(rules))
{}

RiskResult RiskScorer::score(const QString& text) const
{
    RiskInput input;
    input.text = text;
    return score(input);
}

RiskResult RiskScorer::score(const RiskInput& input) const
{
    RiskResult result;
    std::array<QList<RiskEvidence>, kRiskSignalCount> evidence;
    Scan scan(m_rules, input.text);
    for (const Hit& h : scan.hits()) {
        RiskIgnored ignored;
        if (scan.setAside(h, &ignored)) {
            ignored.words = input.text.mid(h.start, h.length);
            result.ignored.append(ignored);
            continue;
        }
        RiskEvidence e;
        e.words = input.text.mid(h.start, h.length);
        e.start = h.start;
        e.length = h.length;
        e.weight = h.weight;
        e.rule = h.rule;
        evidence[size_t(h.kind)].append(e);
    }
    if (input.earlierCases > 0) {
        const QList<int>& weights = m_rules.earlierCaseWeights;
        const int weight = weights.at(std::min<qsizetype>(input.earlierCases, weights.size() - 1));
        if (weight > 0) {
            RiskEvidence e;
            e.source = RiskEvidence::Source::CaseHistory;
            e.weight = weight;
            e.rule = QStringLiteral("earlierCases");
            e.count = input.earlierCases;
            evidence[size_t(RiskSignalKind::Repeat)].append(e);
        }
    }
    for (const RiskRules::ChannelRule& c : m_rules.channels) {
        if (c.channel == input.channel) {
            RiskEvidence e;
            e.source = RiskEvidence::Source::Channel;
            e.weight = c.weight;
            e.rule = Channels::code(c.channel);
            evidence[size_t(c.kind)].append(e);
        }
    }

    int total = 0;
    for (RiskSignalKind kind : RiskSignalKinds::all()) {
        const QList<RiskEvidence>& list = evidence[size_t(kind)];
        if (list.isEmpty()) {
            continue;
        }
        // The strongest evidence, plus a little for each further distinct piece (记者 and 曝光: more certain).
        int best = 0;
        QStringList distinct;
        for (const RiskEvidence& e : list) {
            best = std::max(best, e.weight);
            const QString key = e.source == RiskEvidence::Source::Text ? e.words : e.rule;
            if (!distinct.contains(key)) {
                distinct.append(key);
            }
        }
        const int bonus = std::min(m_rules.extraEvidenceMax, m_rules.extraEvidence * int(distinct.size() - 1));
        const int weight = std::min(100, best + bonus);
        result.fired.append({kind, weight, list});
        total += weight;
    }
    result.score = std::min(100, total);
    result.level = m_rules.levelOf(result.score);
    return result;
}
