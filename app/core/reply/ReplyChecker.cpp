#include "ReplyChecker.h"

#include "common/CodeTable.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <algorithm>

namespace {
// QT_TRANSLATE_NOOP keeps the labels visible to lupdate; the codes are CLI.md's and never change.
const CodeEntry<ReplyFindingKind> kKindEntries[] = {
    {ReplyFindingKind::Defensive, "defensive", QT_TRANSLATE_NOOP("ReplyFindingKind", "Defensive")},
    {ReplyFindingKind::OverPromise, "over_promise", QT_TRANSLATE_NOOP("ReplyFindingKind", "Over-promise")},
    {ReplyFindingKind::MissingEmpathy, "missing_empathy", QT_TRANSLATE_NOOP("ReplyFindingKind", "No acknowledgement")},
    {ReplyFindingKind::MissingSteps, "missing_steps", QT_TRANSLATE_NOOP("ReplyFindingKind", "No concrete step")},
    {ReplyFindingKind::MissingTime, "missing_time", QT_TRANSLATE_NOOP("ReplyFindingKind", "No time given")},
};
const CodeTable kKinds("ReplyFindingKind", kKindEntries);

/** The spans of the reply that are quotations: “…”, 「…」, 『…』 and "…" (an unclosed quote runs to the end). */
QList<std::pair<int, int>> quotedSpans(const QString& text)
{
    QList<std::pair<int, int>> spans;
    QChar closing;
    int open = -1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (open >= 0) {
            if (c == closing) {
                spans.append({open, i + 1});
                open = -1;
            }
            continue;
        }
        if (c == QChar(0x201C)) { // “
            closing = QChar(0x201D);
        } else if (c == QChar(0x300C)) { // 「
            closing = QChar(0x300D);
        } else if (c == QChar(0x300E)) { // 『
            closing = QChar(0x300F);
        } else if (c == QLatin1Char('"')) {
            closing = QLatin1Char('"');
        } else {
            continue;
        }
        open = i;
    }
    if (open >= 0) {
        spans.append({open, int(text.size())});
    }
    return spans;
}

bool insideAny(const QList<std::pair<int, int>>& spans, int start, int end)
{
    return std::any_of(spans.cbegin(), spans.cend(),
                       [&](const auto& s) { return start >= s.first && end <= s.second; });
}

/**
 * The compiled expression of a rule's pattern. Compiling (with PCRE2's JIT) costs about 0.15 ms a pattern, so the
 * compiled ones are kept for the process: a checker rebuilt with the same rules (the admin page does so on every
 * keystroke) compiles nothing again. QRegularExpression copies share the compiled pattern and are reentrant.
 */
QRegularExpression expressionFor(const QString& pattern, bool isRegex)
{
    static QMutex mutex;
    static QHash<QString, QRegularExpression> cache;
    const QString key = (isRegex ? QLatin1Char('r') : QLatin1Char('p')) + pattern;
    QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(key); it != cache.constEnd()) {
        return *it;
    }
    QRegularExpression re(isRegex ? pattern : QRegularExpression::escape(pattern),
                          QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    re.optimize();
    if (cache.size() >= 4096) {
        cache.clear(); // patterns typed and abandoned on the admin page; never grows without bound
    }
    cache.insert(key, re);
    return re;
}

int kindOrder(ReplyFindingKind kind)
{
    return int(kind);
}
} // namespace

namespace ReplyFindingKinds {
QString code(ReplyFindingKind kind)
{
    return kKinds.code(kind);
}
QString label(ReplyFindingKind kind)
{
    return kKinds.label(kind);
}
QList<ReplyFindingKind> all()
{
    return kKinds.values();
}
std::optional<ReplyFindingKind> fromCode(const QString& code)
{
    return kKinds.fromCode(code);
}
bool isMissing(ReplyFindingKind kind)
{
    return kind == ReplyFindingKind::MissingEmpathy || kind == ReplyFindingKind::MissingSteps ||
           kind == ReplyFindingKind::MissingTime;
}
} // namespace ReplyFindingKinds

ReplyChecker::ReplyChecker(QList<ReplyRule> rules)
{
    for (ReplyRule& rule : rules) {
        if (!rule.active || rule.pattern.isEmpty()) {
            continue;
        }
        QRegularExpression re = expressionFor(rule.pattern, rule.isRegex);
        if (!re.isValid()) {
            continue; // the service refuses such rules; one that slipped in (an old row) is skipped, never fatal
        }
        m_expressions.append(std::move(re));
        m_rules.append(std::move(rule));
    }
}

QList<ReplyRule> ReplyChecker::defaultRules()
{
    static const QList<ReplyRule> rules = [] {
        QFile file(QStringLiteral(":/reply/reply_rules.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("ReplyChecker: the default rules resource is missing");
            return QList<ReplyRule>();
        }
        QString error;
        QList<ReplyRule> parsed = rulesFromJson(file.readAll(), &error);
        if (!error.isEmpty()) {
            qWarning("ReplyChecker: the default rules are not valid: %s", qPrintable(error));
        }
        return parsed;
    }();
    return rules;
}

QList<ReplyRule> ReplyChecker::rulesFromJson(const QByteArray& json, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error) {
            *error = why;
        }
        return QList<ReplyRule>();
    };
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(parseError.errorString());
    }
    QList<ReplyRule> rules;
    const QJsonArray array = doc.object().value(QLatin1String("rules")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const auto kind = ReplyFindingKinds::fromCode(o.value(QLatin1String("kind")).toString());
        ReplyRule rule;
        rule.pattern = o.value(QLatin1String("pattern")).toString();
        rule.isRegex = o.value(QLatin1String("regex")).toBool();
        rule.advice = o.value(QLatin1String("advice")).toString();
        rule.unlessConstructive = o.value(QLatin1String("unless_constructive")).toBool();
        rule.active = o.value(QLatin1String("active")).toBool(true);
        if (!kind || rule.pattern.isEmpty() || rule.advice.isEmpty()) {
            return fail(QStringLiteral("rule %1: needs a known kind, a pattern and advice").arg(i + 1));
        }
        if (const QString why = patternError(rule.pattern, rule.isRegex); !why.isEmpty()) {
            return fail(QStringLiteral("rule %1: %2").arg(i + 1).arg(why));
        }
        rule.kind = *kind;
        rules.append(rule);
    }
    if (rules.isEmpty()) {
        return fail(QStringLiteral("no rules"));
    }
    return rules;
}

QString ReplyChecker::patternError(const QString& pattern, bool isRegex)
{
    if (pattern.trimmed().isEmpty()) {
        return QStringLiteral("empty pattern");
    }
    if (!isRegex) {
        return {};
    }
    const QRegularExpression re(pattern);
    if (!re.isValid()) {
        return QStringLiteral("%1 (at %2)").arg(re.errorString()).arg(re.patternErrorOffset());
    }
    if (re.match(QString()).hasMatch()) {
        return QStringLiteral("matches an empty text"); // it would match everywhere
    }
    return {};
}

QList<ReplyFinding> ReplyChecker::check(const QString& reply) const
{
    struct Hit
    {
        qsizetype rule;
        int start;
        int length;
    };
    QList<Hit> hits;
    bool present[3] = {false, false, false}; // empathy, steps, time
    bool checked[3] = {false, false, false};
    qsizetype firstRule[3] = {-1, -1, -1};
    const QList<std::pair<int, int>> quotes = quotedSpans(reply);

    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const ReplyRule& rule = m_rules.at(i);
        const QRegularExpression& re = m_expressions.at(i);
        if (ReplyFindingKinds::isMissing(rule.kind)) {
            const int k = int(rule.kind) - int(ReplyFindingKind::MissingEmpathy);
            checked[k] = true;
            if (firstRule[k] < 0) {
                firstRule[k] = i;
            }
            if (!present[k] && re.match(reply).hasMatch()) {
                present[k] = true;
            }
            continue;
        }
        for (auto it = re.globalMatch(reply); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const int start = int(m.capturedStart());
            const int length = int(m.capturedLength());
            if (length > 0 && !insideAny(quotes, start, start + length)) {
                hits.append({i, start, length});
            }
        }
    }

    const bool constructive = present[1] && present[2];
    std::stable_sort(hits.begin(), hits.end(), [this](const Hit& a, const Hit& b) {
        const int ka = kindOrder(m_rules.at(a.rule).kind);
        const int kb = kindOrder(m_rules.at(b.rule).kind);
        if (a.start != b.start) {
            return a.start < b.start;
        }
        if (ka != kb) {
            return ka < kb;
        }
        return a.length > b.length;
    });
    QList<ReplyFinding> findings;
    qsizetype last[2] = {-1, -1}; // per kind (defensive, over_promise): the index of its last finding
    for (const Hit& hit : hits) {
        const ReplyRule& rule = m_rules.at(hit.rule);
        if (rule.unlessConstructive && constructive) {
            continue;
        }
        qsizetype& previous = last[rule.kind == ReplyFindingKind::Defensive ? 0 : 1];
        if (previous >= 0 && hit.start < findings.at(previous).start + findings.at(previous).length) {
            // overlaps the kind's last finding: one finding over both stretches of words
            ReplyFinding& f = findings[previous];
            f.length = std::max(f.start + f.length, hit.start + hit.length) - f.start;
            f.text = reply.mid(f.start, f.length);
            continue;
        }
        previous = findings.size();
        findings.append({rule.kind, reply.mid(hit.start, hit.length), rule.advice, hit.start, hit.length});
    }
    for (int k = 0; k < 3; ++k) {
        if (checked[k] && !present[k]) {
            const ReplyRule& rule = m_rules.at(firstRule[k]);
            findings.append({rule.kind, QString(), rule.advice, -1, 0});
        }
    }
    return findings;
}
