#include "risk/RiskRules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

// The loader of the risk rules (issue 16, helper "risk16"). It checks everything a later admin screen could get
// wrong in an edited copy — a typo in a key, a weight out of range, a pattern that does not compile or matches an
// empty text — and names the first problem with its place in the file (signals.legal.patterns.…), so a bad copy is
// refused whole and the rules in use stay as they were.

namespace {

/** Reads one JSON object after another, keeping the path for messages and the first problem found. */
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(RiskRules)

public:
    bool ok() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }

    void fail(const QString& path, const QString& why)
    {
        if (m_error.isEmpty()) {
            m_error = tr("Risk rules, %1: %2").arg(path, why);
        }
    }

    /** Refuses keys other than `known` (and "_comment"): a misspelt key would otherwise be ignored silently. */
    void onlyKeys(const QJsonObject& o, const QString& path, const QStringList& known)
    {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key() != QLatin1String("_comment") && !known.contains(it.key())) {
                fail(join(path, it.key()),
                     tr("unknown key (expected one of: %1)").arg(known.join(QLatin1String(", "))));
            }
        }
    }

    QJsonObject object(const QJsonObject& parent, const QString& path, const QString& key)
    {
        const QJsonValue v = parent.value(key);
        if (!v.isObject()) {
            fail(join(path, key), v.isUndefined() ? tr("missing") : tr("expected an object {…}"));
            return {};
        }
        return v.toObject();
    }

    int integer(const QJsonObject& parent, const QString& path, const QString& key, int min, int max)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined()) {
            fail(join(path, key), tr("missing"));
            return min;
        }
        return integerValue(v, join(path, key), min, max);
    }

    int integerValue(const QJsonValue& v, const QString& path, int min, int max)
    {
        const double d = v.toDouble(-1e9);
        if (!v.isDouble() || d != double(qint64(d)) || d < min || d > max) {
            fail(path, tr("expected a whole number from %1 to %2").arg(min).arg(max));
            return min;
        }
        return int(d);
    }

    QString string(const QJsonObject& parent, const QString& path, const QString& key, bool mayBeEmpty = false)
    {
        const QJsonValue v = parent.value(key);
        if (!v.isString() || (!mayBeEmpty && v.toString().isEmpty())) {
            fail(join(path, key), v.isUndefined() ? tr("missing") : tr("expected a text \"…\""));
            return {};
        }
        return v.toString();
    }

    QStringList strings(const QJsonObject& parent, const QString& path, const QString& key)
    {
        const QJsonValue v = parent.value(key);
        if (!v.isArray()) {
            fail(join(path, key), v.isUndefined() ? tr("missing") : tr("expected a list of words [\"…\", …]"));
            return {};
        }
        QStringList out;
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString s = array.at(i).toString();
            if (!array.at(i).isString() || s.trimmed().isEmpty()) {
                fail(QStringLiteral("%1[%2]").arg(join(path, key)).arg(i), tr("expected a word that is not empty"));
                continue;
            }
            out.append(s);
        }
        return out;
    }

    RiskWordSet wordSet(const QJsonObject& parent, const QString& path, const QString& key)
    {
        RiskWordSet set;
        for (const QString& w : strings(parent, path, key)) {
            set.add(RiskRules::normalized(w));
        }
        return set;
    }

    QRegularExpression expression(const QString& pattern, const QString& path)
    {
        QRegularExpression re(pattern);
        if (!re.isValid()) {
            fail(path, tr("the pattern is not a valid regular expression: %1 (at character %2)")
                           .arg(re.errorString())
                           .arg(re.patternErrorOffset()));
            return {};
        }
        if (re.match(QString()).hasMatch()) {
            fail(path, tr("the pattern matches an empty text, so it would match everywhere"));
            return {};
        }
        re.optimize();
        return re;
    }

    static QString join(const QString& path, const QString& key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

private:
    QString m_error;
};

const QStringList kSignalKeys{QStringLiteral("words"), QStringLiteral("patterns"), QStringLiteral("innocent"),
                              QStringLiteral("innocentPatterns"), QStringLiteral("earlierCases")};

void readSignal(Reader& r, const QJsonObject& o, const QString& path, RiskSignalKind kind, RiskRules& rules)
{
    const bool repeat = kind == RiskSignalKind::Repeat;
    r.onlyKeys(o, path, repeat ? kSignalKeys : kSignalKeys.mid(0, 4));
    RiskRules::Signal& signal = rules.signalRules[size_t(kind)];

    const QJsonObject words = r.object(o, path, QStringLiteral("words"));
    for (auto it = words.constBegin(); it != words.constEnd(); ++it) {
        const QString where = Reader::join(Reader::join(path, QStringLiteral("words")), it.key());
        if (it.key().trimmed().isEmpty()) {
            r.fail(where, r.tr("expected a word that is not empty"));
            continue;
        }
        rules.terms.add(RiskRules::normalized(it.key()),
                        int(kind) * RiskRules::kTermKindFactor + r.integerValue(it.value(), where, 1, 100));
    }
    const QJsonObject patterns = r.object(o, path, QStringLiteral("patterns"));
    for (auto it = patterns.constBegin(); it != patterns.constEnd(); ++it) {
        const QString where = Reader::join(Reader::join(path, QStringLiteral("patterns")), it.key());
        const int weight = r.integerValue(it.value(), where, 1, 100);
        QRegularExpression re = r.expression(it.key(), where);
        if (r.ok()) {
            signal.patterns.append({std::move(re), weight});
        }
    }
    signal.innocent = r.wordSet(o, path, QStringLiteral("innocent"));
    const QString innocentPath = Reader::join(path, QStringLiteral("innocentPatterns"));
    const QStringList innocentPatterns = r.strings(o, path, QStringLiteral("innocentPatterns"));
    for (qsizetype i = 0; i < innocentPatterns.size(); ++i) {
        QRegularExpression re = r.expression(innocentPatterns.at(i), QStringLiteral("%1[%2]").arg(innocentPath).arg(i));
        if (r.ok()) {
            signal.innocentPatterns.append(std::move(re));
        }
    }

    if (repeat) {
        const QString where = Reader::join(path, QStringLiteral("earlierCases"));
        const QJsonArray weights = o.value(QStringLiteral("earlierCases")).toArray();
        if (weights.isEmpty() || weights.at(0).toDouble(-1) != 0) {
            r.fail(where, r.tr("expected a list of weights for 0, 1, 2, … earlier cases that starts with 0"));
            return;
        }
        rules.earlierCaseWeights.clear();
        for (qsizetype i = 0; i < weights.size(); ++i) {
            const int w = r.integerValue(weights.at(i), QStringLiteral("%1[%2]").arg(where).arg(i), 0, 100);
            if (!rules.earlierCaseWeights.isEmpty() && w < rules.earlierCaseWeights.last()) {
                r.fail(QStringLiteral("%1[%2]").arg(where).arg(i), r.tr("a weight may not fall as earlier cases grow"));
            }
            rules.earlierCaseWeights.append(w);
        }
    }
}

QString chars(Reader& r, const QJsonObject& o, const QString& path, const QString& key)
{
    return RiskRules::normalized(r.string(o, path, key, true));
}

} // namespace

const RiskRules& RiskRules::builtIn()
{
    static const RiskRules rules = [] {
        auto parsed = fromJson(builtInJson());
        if (!parsed) {
            qWarning("RiskRules: the built-in rules are not valid: %s", qPrintable(parsed.error().message));
            return RiskRules();
        }
        return std::move(parsed).value();
    }();
    return rules;
}

QByteArray RiskRules::builtInJson()
{
    QFile file(QStringLiteral(":/risk/risk_rules.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("RiskRules: the resource :/risk/risk_rules.json is missing");
        return {};
    }
    return file.readAll();
}

QString RiskRules::normalized(const QString& text)
{
    QString out(text.size(), Qt::Uninitialized);
    const QChar* in = text.constData();
    QChar* o = out.data();
    for (qsizetype i = 0; i < text.size(); ++i) {
        char16_t u = in[i].unicode();
        if (u >= 0xFF01 && u <= 0xFF5E) {
            u = char16_t(u - 0xFEE0); // full-width ASCII forms
        } else if (u == 0x3000) {
            u = u' ';
        }
        if (u >= u'A' && u <= u'Z') {
            u = char16_t(u + 32);
        }
        o[i] = QChar(u);
    }
    return out;
}

RiskLevel RiskRules::levelOf(int score) const
{
    if (score >= highFrom) {
        return RiskLevel::High;
    }
    return score >= mediumFrom ? RiskLevel::Medium : RiskLevel::Low;
}

Result<RiskRules> RiskRules::fromJson(const QByteArray& json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error::make(Error::Code::Invalid, tr("The risk rules are not valid JSON: %1 (at character %2).")
                                                     .arg(parseError.errorString())
                                                     .arg(parseError.offset));
    }
    if (!doc.isObject()) {
        return Error::make(Error::Code::Invalid, tr("The risk rules must be one JSON object {…}."));
    }
    const QJsonObject root = doc.object();
    Reader r;
    RiskRules rules;
    r.onlyKeys(root, QString(),
               {QStringLiteral("version"), QStringLiteral("levels"), QStringLiteral("scoring"),
                QStringLiteral("segmentation"), QStringLiteral("signals"), QStringLiteral("channels"),
                QStringLiteral("negation"), QStringLiteral("hypothetical"), QStringLiteral("reportedSpeech"),
                QStringLiteral("inquiry")});
    rules.version = r.integer(root, QString(), QStringLiteral("version"), 1, 1000000);

    const QString levelsPath = QStringLiteral("levels");
    const QJsonObject levels = r.object(root, QString(), levelsPath);
    r.onlyKeys(levels, levelsPath, {QStringLiteral("medium"), QStringLiteral("high")});
    rules.mediumFrom = r.integer(levels, levelsPath, QStringLiteral("medium"), 1, 100);
    rules.highFrom = r.integer(levels, levelsPath, QStringLiteral("high"), 1, 100);
    if (r.ok() && rules.mediumFrom >= rules.highFrom) {
        r.fail(QStringLiteral("levels.medium"), tr("must be below levels.high (%1)").arg(rules.highFrom));
    }

    const QString scoringPath = QStringLiteral("scoring");
    const QJsonObject scoring = r.object(root, QString(), scoringPath);
    r.onlyKeys(scoring, scoringPath, {QStringLiteral("extraEvidence"), QStringLiteral("extraEvidenceMax")});
    rules.extraEvidence = r.integer(scoring, scoringPath, QStringLiteral("extraEvidence"), 0, 100);
    rules.extraEvidenceMax = r.integer(scoring, scoringPath, QStringLiteral("extraEvidenceMax"), 0, 100);

    const QString segPath = QStringLiteral("segmentation");
    const QJsonObject seg = r.object(root, QString(), segPath);
    r.onlyKeys(seg, segPath,
               {QStringLiteral("sentenceBreaks"), QStringLiteral("clauseBreaks"), QStringLiteral("quotes")});
    rules.sentenceBreaks = chars(r, seg, segPath, QStringLiteral("sentenceBreaks"));
    rules.clauseBreaks = chars(r, seg, segPath, QStringLiteral("clauseBreaks")) + rules.sentenceBreaks;
    const QStringList quotes = r.strings(seg, segPath, QStringLiteral("quotes"));
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        if (quotes.at(i).size() != 2) {
            r.fail(QStringLiteral("segmentation.quotes[%1]").arg(i),
                   tr("expected an opening and a closing mark, as “”"));
            continue;
        }
        rules.quotes.append({quotes.at(i).at(0), quotes.at(i).at(1)});
    }

    const QJsonObject signalsObject = r.object(root, QString(), QStringLiteral("signals"));
    QStringList codes;
    for (RiskSignalKind kind : RiskSignalKinds::all()) {
        codes.append(RiskSignalKinds::code(kind));
    }
    r.onlyKeys(signalsObject, QStringLiteral("signals"), codes);
    for (RiskSignalKind kind : RiskSignalKinds::all()) {
        const QString path = QStringLiteral("signals.") + RiskSignalKinds::code(kind);
        readSignal(r, r.object(signalsObject, QStringLiteral("signals"), RiskSignalKinds::code(kind)), path, kind,
                   rules);
    }

    const QJsonObject channels = r.object(root, QString(), QStringLiteral("channels"));
    for (auto it = channels.constBegin(); it != channels.constEnd(); ++it) {
        const QString path = QStringLiteral("channels.") + it.key();
        const auto channel = Channels::fromCode(it.key());
        if (!channel || Channels::code(*channel) != it.key()) {
            r.fail(path, tr("unknown channel (expected a channel code such as social_media)"));
            continue;
        }
        const QJsonObject o = it.value().toObject();
        r.onlyKeys(o, path, {QStringLiteral("signal"), QStringLiteral("weight")});
        const auto kind = RiskSignalKinds::fromCode(o.value(QStringLiteral("signal")).toString());
        if (!kind) {
            r.fail(path + QStringLiteral(".signal"), tr("expected one of: %1").arg(codes.join(QLatin1String(", "))));
            continue;
        }
        rules.channels.append({*channel, *kind, r.integer(o, path, QStringLiteral("weight"), 1, 100)});
    }

    const QString negPath = QStringLiteral("negation");
    const QJsonObject neg = r.object(root, QString(), negPath);
    r.onlyKeys(neg, negPath,
               {QStringLiteral("before"), QStringLiteral("notCues"), QStringLiteral("window"),
                QStringLiteral("scopeBreakers"), QStringLiteral("after"), QStringLiteral("afterWindow")});
    rules.negationBefore = r.wordSet(neg, negPath, QStringLiteral("before"));
    rules.negationNotCues = r.wordSet(neg, negPath, QStringLiteral("notCues"));
    rules.negationWindow = r.integer(neg, negPath, QStringLiteral("window"), 0, 30);
    rules.negationBreakers = r.wordSet(neg, negPath, QStringLiteral("scopeBreakers"));
    rules.negationAfter = r.wordSet(neg, negPath, QStringLiteral("after"));
    rules.negationAfterWindow = r.integer(neg, negPath, QStringLiteral("afterWindow"), 0, 30);

    const QString hypPath = QStringLiteral("hypothetical");
    const QJsonObject hyp = r.object(root, QString(), hypPath);
    r.onlyKeys(hyp, hypPath,
               {QStringLiteral("cues"), QStringLiteral("notCues"), QStringLiteral("consequentMarkers"),
                QStringLiteral("ultimatum")});
    rules.hypotheticalCues = r.wordSet(hyp, hypPath, QStringLiteral("cues"));
    rules.hypotheticalNotCues = r.wordSet(hyp, hypPath, QStringLiteral("notCues"));
    rules.consequentMarkers = r.wordSet(hyp, hypPath, QStringLiteral("consequentMarkers"));
    rules.ultimatum = r.wordSet(hyp, hypPath, QStringLiteral("ultimatum"));

    const QString rsPath = QStringLiteral("reportedSpeech");
    const QJsonObject rs = r.object(root, QString(), rsPath);
    r.onlyKeys(rs, rsPath,
               {QStringLiteral("speakers"), QStringLiteral("citizen"), QStringLiteral("addresseeMarkers"),
                QStringLiteral("verbs"), QStringLiteral("notVerbs"), QStringLiteral("hearsay"),
                QStringLiteral("clauseStartSkip"), QStringLiteral("window"), QStringLiteral("resetAtClauseStart"),
                QStringLiteral("resetInClause"), QStringLiteral("adoption"), QStringLiteral("adoptionNegators")});
    rules.speakers = r.wordSet(rs, rsPath, QStringLiteral("speakers"));
    rules.citizen = r.wordSet(rs, rsPath, QStringLiteral("citizen"));
    rules.addresseeMarkers = chars(r, rs, rsPath, QStringLiteral("addresseeMarkers"));
    rules.speechVerbs = r.wordSet(rs, rsPath, QStringLiteral("verbs"));
    rules.notSpeechVerbs = r.wordSet(rs, rsPath, QStringLiteral("notVerbs"));
    rules.hearsay = r.wordSet(rs, rsPath, QStringLiteral("hearsay"));
    rules.clauseStartSkip = chars(r, rs, rsPath, QStringLiteral("clauseStartSkip"));
    rules.speakerWindow = r.integer(rs, rsPath, QStringLiteral("window"), 1, 40);
    rules.resetAtClauseStart = r.wordSet(rs, rsPath, QStringLiteral("resetAtClauseStart"));
    rules.resetInClause = r.wordSet(rs, rsPath, QStringLiteral("resetInClause"));
    rules.adoption = r.wordSet(rs, rsPath, QStringLiteral("adoption"));
    rules.adoptionNegators = chars(r, rs, rsPath, QStringLiteral("adoptionNegators"));

    const QString inqPath = QStringLiteral("inquiry");
    const QJsonObject inq = r.object(root, QString(), inqPath);
    r.onlyKeys(inq, inqPath, {QStringLiteral("skip"), QStringLiteral("after")});
    rules.inquirySkip = chars(r, inq, inqPath, QStringLiteral("skip"));
    rules.inquiryAfter = r.wordSet(inq, inqPath, QStringLiteral("after"));

    if (!r.ok()) {
        return Error::make(Error::Code::Invalid, r.error());
    }
    return rules;
}
