// Risk scoring (issue 16): the corpus (every line's level and signals), the held-out set (its figures, written
// before any rule and never tuned on), the evidence an explanation shows, and the rule loader's checks.

#include "risk/RiskRules.h"
#include "risk/RiskScorer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

namespace {
/** Held-out lines right (level and signals) as shipped: the floors a rule change must not fall below. */
constexpr int kHeldOutExactFloor = 70;
constexpr int kHeldOutBExactFloor = 32;

struct CorpusLine
{
    int number = 0;
    QString group; ///< high, medium, ordinary or tricky ("#@ group" lines)
    QString text;
    RiskLevel level = RiskLevel::Low;
    QStringList signalCodes; ///< in RiskSignalKind order
    int earlierCases = 0;
    Channel channel = Channel::Window;
};

QStringList ordered(const QStringList& codes)
{
    QStringList out;
    for (RiskSignalKind kind : RiskSignalKinds::all()) {
        if (codes.contains(RiskSignalKinds::code(kind))) {
            out.append(RiskSignalKinds::code(kind));
        }
    }
    return out;
}

QList<CorpusLine> readCorpus(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    QList<CorpusLine> lines;
    QString group;
    int number = 0;
    for (const QString& raw : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        ++number;
        if (raw.startsWith(QLatin1String("#@ "))) {
            group = raw.mid(3).section(QLatin1Char(' '), 0, 0);
            continue;
        }
        if (raw.isEmpty() || raw.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QStringList f = raw.split(QLatin1Char('\t'));
        const auto level = f.size() >= 3 ? RiskLevels::fromCode(f.at(1)) : std::nullopt;
        if (f.size() < 3 || f.size() > 5 || !level) {
            qFatal("%s:%d: want text, level, signals [, earlier cases [, channel]]", qPrintable(path), number);
        }
        CorpusLine line{number, group, f.at(0), *level, {}, 0, Channel::Window};
        if (f.at(2) != QLatin1String("-")) {
            const QStringList codes = f.at(2).split(QLatin1Char(','));
            for (const QString& code : codes) {
                if (!RiskSignalKinds::fromCode(code)) {
                    qFatal("%s:%d: unknown signal %s", qPrintable(path), number, qPrintable(code));
                }
            }
            line.signalCodes = ordered(codes);
        }
        if (f.size() >= 4) {
            line.earlierCases = f.at(3).toInt();
        }
        if (f.size() == 5) {
            const auto channel = Channels::fromCode(f.at(4));
            if (!channel) {
                qFatal("%s:%d: unknown channel %s", qPrintable(path), number, qPrintable(f.at(4)));
            }
            line.channel = *channel;
        }
        lines.append(line);
    }
    return lines;
}

RiskInput inputOf(const CorpusLine& line)
{
    RiskInput input;
    input.text = line.text;
    input.earlierCases = line.earlierCases;
    input.channel = line.channel;
    return input;
}

/** The figures the issue asks for, over one set of lines. */
struct Figures
{
    int lines = 0;
    int exact = 0; ///< level and signals both right
    int levelRight = 0;
    int trueHigh = 0; ///< expected high, scored high
    int scoredHigh = 0;
    int expectedHigh = 0;
    int ordinary = 0;     ///< lines of the "ordinary" group
    int ordinaryHigh = 0; ///< … scored high
    int tricky = 0;
    int trickyFired = 0; ///< tricky lines (all low, no signal) where a signal fired
    QStringList misses;

    double precision() const { return scoredHigh ? double(trueHigh) / scoredHigh : 1.0; }
    double recall() const { return expectedHigh ? double(trueHigh) / expectedHigh : 1.0; }
    double falseHighRate() const { return ordinary ? double(ordinaryHigh) / ordinary : 0.0; }
    QString text() const
    {
        return QStringLiteral("%1 lines: exact %2 (%3 %), level right %4; high: precision %5, recall %6 (%7 of %8, "
                              "%9 scored high); false-high on ordinary %10 (%11 of %12); tricky lines that fired %13 "
                              "of %14")
            .arg(lines)
            .arg(exact)
            .arg(100.0 * exact / std::max(lines, 1), 0, 'f', 1)
            .arg(levelRight)
            .arg(precision(), 0, 'f', 3)
            .arg(recall(), 0, 'f', 3)
            .arg(trueHigh)
            .arg(expectedHigh)
            .arg(scoredHigh)
            .arg(falseHighRate(), 0, 'f', 3)
            .arg(ordinaryHigh)
            .arg(ordinary)
            .arg(trickyFired)
            .arg(tricky);
    }
};

Figures figuresOf(const QList<CorpusLine>& lines)
{
    const RiskScorer scorer;
    Figures f;
    for (const CorpusLine& line : lines) {
        const RiskResult r = scorer.score(inputOf(line));
        const bool levelRight = r.level == line.level;
        const bool signalsRight = r.signalCodes() == line.signalCodes;
        ++f.lines;
        f.levelRight += levelRight;
        f.exact += levelRight && signalsRight;
        f.expectedHigh += line.level == RiskLevel::High;
        f.scoredHigh += r.level == RiskLevel::High;
        f.trueHigh += line.level == RiskLevel::High && r.level == RiskLevel::High;
        if (line.group == QLatin1String("ordinary")) {
            ++f.ordinary;
            f.ordinaryHigh += r.level == RiskLevel::High;
        }
        if (line.group == QLatin1String("tricky")) {
            ++f.tricky;
            f.trickyFired += !r.fired.isEmpty();
        }
        if (!levelRight || !signalsRight) {
            f.misses.append(QStringLiteral("line %1: %2 → %3 %4 [%5], want %6 [%7]")
                                .arg(line.number)
                                .arg(line.text)
                                .arg(r.score)
                                .arg(RiskLevels::code(r.level), r.signalCodes().join(QLatin1Char(',')),
                                     RiskLevels::code(line.level), line.signalCodes.join(QLatin1Char(','))));
        }
    }
    return f;
}

const RiskEvidence* evidenceOf(const RiskResult& r, RiskSignalKind kind, const QString& words)
{
    const RiskSignal* s = r.signal(kind);
    if (!s) {
        return nullptr;
    }
    for (const RiskEvidence& e : s->evidence) {
        if (e.words == words) {
            return &e;
        }
    }
    return nullptr;
}

QByteArray builtInWith(const std::function<void(QJsonObject&)>& change)
{
    QJsonObject root = QJsonDocument::fromJson(RiskRules::builtInJson()).object();
    change(root);
    return QJsonDocument(root).toJson();
}

/** A copy of the built-in rules with one value of one object (by path a.b.c) replaced. */
QByteArray builtInWithValue(const QStringList& path, const QJsonValue& value)
{
    return builtInWith([&](QJsonObject& root) {
        std::function<void(QJsonObject&, int)> set = [&](QJsonObject& o, int depth) {
            if (depth == path.size() - 1) {
                o.insert(path.at(depth), value);
                return;
            }
            QJsonObject child = o.value(path.at(depth)).toObject();
            set(child, depth + 1);
            o.insert(path.at(depth), child);
        };
        set(root, 0);
    });
}
} // namespace

class TestRiskScorer : public QObject
{
    Q_OBJECT

private slots:
    void builtInRulesLoad();
    void corpus_data();
    void corpus();
    void corpusFigures();
    void heldOutFigures();
    void heldOutBFigures();
    void evidenceExplainsTheScore();
    void fullWidthTextKeepsPositions();
    void ignoredMatchesSayWhy_data();
    void ignoredMatchesSayWhy();
    void caseHistoryAndChannel();
    void scoreIsCappedAndLevelsFollowTheThresholds();
    void badRulesAreRefusedWithTheirPlace_data();
    void badRulesAreRefusedWithTheirPlace();
    void editedRulesChangeTheScore();
    void speed();
};

void TestRiskScorer::builtInRulesLoad()
{
    const auto rules = RiskRules::fromJson(RiskRules::builtInJson());
    QVERIFY2(rules.ok(), rules.ok() ? "" : qPrintable(rules.error().message));
    QCOMPARE(rules->mediumFrom, 30);
    QCOMPARE(rules->highFrom, 60);
    QVERIFY(rules->terms.size() > 100);
    for (RiskSignalKind kind : RiskSignalKinds::all()) {
        QVERIFY2(!rules->signalRules[size_t(kind)].patterns.isEmpty() || kind == RiskSignalKind::Safety,
                 qPrintable(RiskSignalKinds::code(kind)));
    }
}

void TestRiskScorer::corpus_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("earlierCases");
    QTest::addColumn<int>("channel");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QStringList>("signalCodes");
    const QList<CorpusLine> lines = readCorpus(QStringLiteral(QINGTING_RISK_CORPUS));
    QVERIFY(lines.size() >= 200);
    for (const CorpusLine& l : lines) {
        QTest::addRow("line %d", l.number)
            << l.number << l.text << l.earlierCases << int(l.channel) << RiskLevels::code(l.level) << l.signalCodes;
    }
}

void TestRiskScorer::corpus()
{
    QFETCH(QString, text);
    QFETCH(int, earlierCases);
    QFETCH(int, channel);
    QFETCH(QString, level);
    QFETCH(QStringList, signalCodes);
    const RiskScorer scorer;
    RiskInput input;
    input.text = text;
    input.earlierCases = earlierCases;
    input.channel = Channel(channel);
    const RiskResult r = scorer.score(input);
    const QString got = QStringLiteral("%1 %2 [%3]")
                            .arg(r.score)
                            .arg(RiskLevels::code(r.level), r.signalCodes().join(QLatin1Char(',')));
    QVERIFY2(r.signalCodes() == signalCodes, qPrintable(text + QStringLiteral(" → ") + got));
    QVERIFY2(RiskLevels::code(r.level) == level, qPrintable(text + QStringLiteral(" → ") + got));
    // Every piece of text evidence is where it says it is.
    for (const RiskSignal& s : r.fired) {
        QVERIFY(s.weight > 0 && !s.evidence.isEmpty());
        for (const RiskEvidence& e : s.evidence) {
            if (e.source == RiskEvidence::Source::Text) {
                QCOMPARE(text.mid(e.start, e.length), e.words);
            }
        }
    }
}

void TestRiskScorer::corpusFigures()
{
    const QList<CorpusLine> lines = readCorpus(QStringLiteral(QINGTING_RISK_CORPUS));
    const Figures f = figuresOf(lines);
    qInfo("corpus: %s", qPrintable(f.text()));
    QVERIFY(f.tricky >= 50);
    QCOMPARE(f.exact, f.lines); // the corpus test above names each miss; this is the total
}

void TestRiskScorer::heldOutFigures()
{
    // Written before the rules and never tuned on: its misses are kept, and reported, not fixed here. The floors
    // are the figures as shipped (docs/ARCHITECTURE.md "Risk scoring"); a rule change that lowers them fails.
    const QList<CorpusLine> lines = readCorpus(QStringLiteral(QINGTING_RISK_HELDOUT));
    QVERIFY(lines.size() >= 60);
    const Figures f = figuresOf(lines);
    qInfo("held-out: %s", qPrintable(f.text()));
    for (const QString& miss : f.misses) {
        qInfo("held-out miss: %s", qPrintable(miss));
    }
    QVERIFY2(f.exact >= kHeldOutExactFloor, qPrintable(f.text()));
    QVERIFY2(f.precision() >= 0.9 && f.recall() >= 0.8, qPrintable(f.text()));
    QVERIFY2(f.falseHighRate() == 0, qPrintable(f.text()));
}

void TestRiskScorer::heldOutBFigures()
{
    // Written after the first rules ran on the corpus and before they were tuned on it: phrasings the rules' author
    // had not walked through. Its misses are kept and reported, as for the first held-out set.
    const QList<CorpusLine> lines = readCorpus(QStringLiteral(QINGTING_RISK_HELDOUT_B));
    QVERIFY(lines.size() >= 40);
    const Figures f = figuresOf(lines);
    qInfo("held-out B: %s", qPrintable(f.text()));
    for (const QString& miss : f.misses) {
        qInfo("held-out B miss: %s", qPrintable(miss));
    }
    QVERIFY2(f.exact >= kHeldOutBExactFloor, qPrintable(f.text()));
}

void TestRiskScorer::evidenceExplainsTheScore()
{
    const RiskScorer scorer;
    const QString text = QStringLiteral(u"再不解决，我就找记者曝光，气死我了！");
    const RiskResult r = scorer.score(text);
    QCOMPARE(r.signalCodes(), (QStringList{QStringLiteral("media"), QStringLiteral("strong_emotion")}));
    const RiskEvidence* reporter = evidenceOf(r, RiskSignalKind::Media, QStringLiteral(u"记者"));
    const RiskEvidence* exposure = evidenceOf(r, RiskSignalKind::Media, QStringLiteral(u"曝光"));
    QVERIFY(reporter && exposure);
    QCOMPARE(reporter->start, int(text.indexOf(QStringLiteral(u"记者"))));
    QCOMPARE(reporter->length, 2);
    QCOMPARE(reporter->rule, QStringLiteral(u"记者"));
    QVERIFY(reporter->weight > 0 && exposure->weight > 0);
    // A signal weighs its strongest evidence plus the bonus for each further distinct piece; the score is the sum.
    const RiskRules& rules = scorer.rules();
    const RiskSignal* media = r.signal(RiskSignalKind::Media);
    QCOMPARE(media->weight, std::max(reporter->weight, exposure->weight) + rules.extraEvidence);
    int sum = 0;
    for (const RiskSignal& s : r.fired) {
        sum += s.weight;
    }
    QCOMPARE(r.score, std::min(100, sum));
    QCOMPARE(r.level, RiskLevel::High);
    // Evidence of a signal is in text order.
    QVERIFY(media->evidence.at(0).start < media->evidence.at(1).start);
}

void TestRiskScorer::fullWidthTextKeepsPositions()
{
    // Full-width digits and punctuation match the rules' ASCII forms; positions are those of the text given.
    const RiskScorer scorer;
    const QString text = QStringLiteral(u"我要打１２３４５投诉！！");
    const RiskResult r = scorer.score(text);
    QVERIFY(r.has(RiskSignalKind::Petition));
    const RiskEvidence& e = r.signal(RiskSignalKind::Petition)->evidence.first();
    QCOMPARE(e.words, QStringLiteral(u"１２３４５"));
    QCOMPARE(e.start, 3);
    QVERIFY(r.has(RiskSignalKind::StrongEmotion)); // ！！
    // 12345 inside a longer number is no hotline.
    QVERIFY(!scorer.score(QStringLiteral(u"订单号1234567请核对")).has(RiskSignalKind::Petition));
}

void TestRiskScorer::ignoredMatchesSayWhy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("words");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("cue");
    using R = RiskIgnored::Reason;
    QTest::newRow("negated") << QStringLiteral(u"我不会去曝光的。") << QStringLiteral(u"曝光") << int(R::Negated)
                             << QStringLiteral(u"不会");
    QTest::newRow("negated after") << QStringLiteral(u"起诉倒不至于，退钱就行。") << QStringLiteral(u"起诉")
                                   << int(R::Negated) << QStringLiteral(u"倒不至于");
    QTest::newRow("hypothetical") << QStringLiteral(u"要是真有记者来采访，也挺好。") << QStringLiteral(u"记者")
                                  << int(R::Hypothetical) << QStringLiteral(u"要是");
    QTest::newRow("reported") << QStringLiteral(u"朋友建议我找律师。") << QStringLiteral(u"律师")
                              << int(R::ReportedSpeech) << QStringLiteral(u"朋友建议");
    QTest::newRow("quoted") << QStringLiteral(u"保安回了一句“有本事你去告他们”。") << QStringLiteral(u"告他们")
                            << int(R::ReportedSpeech) << QStringLiteral(u"保安回了一句“");
    QTest::newRow("innocent word") << QStringLiteral(u"律师事务所的执照变更。") << QStringLiteral(u"律师")
                                   << int(R::Innocent) << QStringLiteral(u"律师事务所");
    QTest::newRow("inquiry") << QStringLiteral(u"请问信访局的地址在哪里？") << QStringLiteral(u"信访")
                             << int(R::Innocent) << QStringLiteral(u"信访局的地址");
}

void TestRiskScorer::ignoredMatchesSayWhy()
{
    QFETCH(QString, text);
    QFETCH(QString, words);
    QFETCH(int, reason);
    QFETCH(QString, cue);
    const RiskResult r = RiskScorer().score(text);
    QVERIFY2(r.fired.isEmpty(), qPrintable(r.signalCodes().join(QLatin1Char(','))));
    QCOMPARE(r.score, 0);
    QCOMPARE(r.ignored.size(), 1);
    const RiskIgnored& i = r.ignored.first();
    QCOMPARE(i.words, words);
    QCOMPARE(i.start, int(text.indexOf(words)));
    QCOMPARE(int(i.reason), reason);
    QCOMPARE(i.cue, cue);
    QCOMPARE(i.cueStart, int(text.indexOf(cue)));
}

void TestRiskScorer::caseHistoryAndChannel()
{
    const RiskScorer scorer;
    const RiskRules& rules = scorer.rules();
    RiskInput input;
    input.text = QStringLiteral(u"社保卡补办还没好，请尽快处理。");
    QCOMPARE(scorer.score(input).score, 0);

    input.earlierCases = 1;
    RiskResult r = scorer.score(input);
    QCOMPARE(r.signalCodes(), QStringList{QStringLiteral("repeat")});
    const RiskEvidence& history = r.signal(RiskSignalKind::Repeat)->evidence.first();
    QCOMPARE(history.source, RiskEvidence::Source::CaseHistory);
    QCOMPARE(history.count, 1);
    QCOMPARE(history.start, -1);
    QCOMPARE(r.score, rules.earlierCaseWeights.at(1));
    // Beyond the list, its last weight.
    input.earlierCases = 50;
    QCOMPARE(scorer.score(input).score, rules.earlierCaseWeights.last());

    input.earlierCases = 0;
    input.channel = Channel::SocialMedia;
    r = scorer.score(input);
    QCOMPARE(r.signalCodes(), QStringList{QStringLiteral("media")});
    QCOMPARE(r.signal(RiskSignalKind::Media)->evidence.first().source, RiskEvidence::Source::Channel);
    QCOMPARE(r.signal(RiskSignalKind::Media)->evidence.first().rule, QStringLiteral("social_media"));
    input.channel = Channel::Hotline12345; // arriving by the hotline is no threat to call it
    QCOMPARE(scorer.score(input).score, 0);
}

void TestRiskScorer::scoreIsCappedAndLevelsFollowTheThresholds()
{
    const RiskResult r = RiskScorer().score(
        QStringLiteral(u"我要找记者曝光，还要去法院起诉，再去信访局上访，我们三十多户业主一起拉横幅，我不想活了！！"));
    QCOMPARE(r.score, 100);
    QCOMPARE(r.level, RiskLevel::High);
    QCOMPARE(r.fired.size(), 6);

    const RiskRules& rules = RiskRules::builtIn();
    QCOMPARE(rules.levelOf(0), RiskLevel::Low);
    QCOMPARE(rules.levelOf(rules.mediumFrom - 1), RiskLevel::Low);
    QCOMPARE(rules.levelOf(rules.mediumFrom), RiskLevel::Medium);
    QCOMPARE(rules.levelOf(rules.highFrom - 1), RiskLevel::Medium);
    QCOMPARE(rules.levelOf(rules.highFrom), RiskLevel::High);
    QCOMPARE(RiskScorer().score(QString()).score, 0);
}

void TestRiskScorer::badRulesAreRefusedWithTheirPlace_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::newRow("not JSON") << QByteArray("{\"version\": 1,") << QStringLiteral("JSON");
    QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("one JSON object");
    QTest::newRow("unknown key") << builtInWithValue({QStringLiteral("levles")}, 3) << QStringLiteral("levles");
    QTest::newRow("misspelt key in a signal")
        << builtInWithValue({QStringLiteral("signals"), QStringLiteral("media"), QStringLiteral("word")}, QJsonObject{})
        << QStringLiteral("signals.media.word");
    QTest::newRow("unknown signal") << builtInWithValue({QStringLiteral("signals"), QStringLiteral("anger")},
                                                        QJsonObject{})
                                    << QStringLiteral("signals.anger");
    QTest::newRow("missing signal") << builtInWith([](QJsonObject& root) {
        QJsonObject s = root.value(QStringLiteral("signals")).toObject();
        s.remove(QStringLiteral("group"));
        root.insert(QStringLiteral("signals"), s);
    }) << QStringLiteral("signals.group");
    QTest::newRow("weight too high") << builtInWithValue({QStringLiteral("signals"), QStringLiteral("legal"),
                                                          QStringLiteral("words")},
                                                         QJsonObject{{QStringLiteral(u"起诉"), 250}})
                                     << QStringLiteral(u"signals.legal.words.起诉");
    QTest::newRow("weight not whole") << builtInWithValue({QStringLiteral("signals"), QStringLiteral("legal"),
                                                           QStringLiteral("words")},
                                                          QJsonObject{{QStringLiteral(u"起诉"), 12.5}})
                                      << QStringLiteral(u"signals.legal.words.起诉");
    QTest::newRow("bad pattern") << builtInWithValue({QStringLiteral("signals"), QStringLiteral("media"),
                                                      QStringLiteral("patterns")},
                                                     QJsonObject{{QStringLiteral(u"(发到网上"), 50}})
                                 << QStringLiteral(u"signals.media.patterns.(发到网上");
    QTest::newRow("pattern matching nothing at all")
        << builtInWithValue({QStringLiteral("signals"), QStringLiteral("media"), QStringLiteral("patterns")},
                            QJsonObject{{QStringLiteral(u"(曝光)?"), 50}})
        << QStringLiteral(u"signals.media.patterns.(曝光)?");
    QTest::newRow("bad innocent pattern")
        << builtInWithValue({QStringLiteral("signals"), QStringLiteral("legal"), QStringLiteral("innocentPatterns")},
                            QJsonArray{QStringLiteral("[")})
        << QStringLiteral("signals.legal.innocentPatterns[0]");
    QTest::newRow("empty word in a cue list")
        << builtInWithValue({QStringLiteral("negation"), QStringLiteral("before")},
                            QJsonArray{QStringLiteral(u"不会"), QStringLiteral(" ")})
        << QStringLiteral("negation.before[1]");
    QTest::newRow("medium not below high") << builtInWithValue({QStringLiteral("levels"), QStringLiteral("medium")}, 70)
                                           << QStringLiteral("levels.medium");
    QTest::newRow("history weights falling")
        << builtInWithValue({QStringLiteral("signals"), QStringLiteral("repeat"), QStringLiteral("earlierCases")},
                            QJsonArray{0, 20, 10})
        << QStringLiteral("signals.repeat.earlierCases[2]");
    QTest::newRow("unknown channel") << builtInWithValue(
                                            {QStringLiteral("channels"), QStringLiteral("pigeon")},
                                            QJsonObject{{QStringLiteral("signal"), QStringLiteral("media")},
                                                        {QStringLiteral("weight"), 10}})
                                     << QStringLiteral("channels.pigeon");
    QTest::newRow("channel to an unknown signal")
        << builtInWithValue(
               {QStringLiteral("channels"), QStringLiteral("social_media")},
               QJsonObject{{QStringLiteral("signal"), QStringLiteral("buzz")}, {QStringLiteral("weight"), 10}})
        << QStringLiteral("channels.social_media.signal");
}

void TestRiskScorer::badRulesAreRefusedWithTheirPlace()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    const auto rules = RiskRules::fromJson(json);
    QVERIFY(!rules.ok());
    QCOMPARE(rules.error().code, Error::Code::Invalid);
    QVERIFY2(rules.error().message.contains(where), qPrintable(rules.error().message));
    QVERIFY(!rules.error().message.contains(QLatin1Char('\n')));
}

void TestRiskScorer::editedRulesChangeTheScore()
{
    // An admin's copy: a new word with its weight, and lower thresholds, take effect without code.
    const auto rules = RiskRules::fromJson(builtInWith([](QJsonObject& root) {
        QJsonObject all = root.value(QStringLiteral("signals")).toObject();
        QJsonObject media = all.value(QStringLiteral("media")).toObject();
        QJsonObject words = media.value(QStringLiteral("words")).toObject();
        words.insert(QStringLiteral(u"爆料"), 70);
        media.insert(QStringLiteral("words"), words);
        all.insert(QStringLiteral("media"), media);
        root.insert(QStringLiteral("signals"), all);
        root.insert(QStringLiteral("levels"),
                    QJsonObject{{QStringLiteral("medium"), 10}, {QStringLiteral("high"), 20}});
    }));
    QVERIFY2(rules.ok(), rules.ok() ? "" : qPrintable(rules.error().message));
    const QString text = QStringLiteral(u"我要去网上爆料。");
    QCOMPARE(RiskScorer().score(text).score, 0);
    const RiskResult r = RiskScorer(*rules).score(text);
    QCOMPARE(r.score, 70);
    QCOMPARE(r.signalCodes(), QStringList{QStringLiteral("media")});
    QCOMPARE(RiskScorer(*rules).score(QStringLiteral(u"气死我了")).level, RiskLevel::High); // 30 ≥ 20
}

void TestRiskScorer::speed()
{
    // Informative here (Debug, shared machine); the benchmark with its budget is tests/bench/bench_risk.
    const QList<CorpusLine> lines = readCorpus(QStringLiteral(QINGTING_RISK_CORPUS));
    const RiskScorer scorer;
    QElapsedTimer timer;
    timer.start();
    int total = 0;
    const int n = 5000;
    for (int i = 0; i < n; ++i) {
        total += scorer.score(inputOf(lines.at(i % lines.size()))).score;
    }
    const double us = double(timer.nsecsElapsed()) / 1000.0 / n;
    qInfo("RiskScorer::score: %.1f µs a text (%d texts, %.0f a second; checksum %d)", us, n, 1e6 / us, total);
    QVERIFY(total > 0);
}

QTEST_APPLESS_MAIN(TestRiskScorer)
#include "tst_risk_scorer.moc"
