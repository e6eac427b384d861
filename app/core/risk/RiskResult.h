#pragma once

#include "cases/CaseStatus.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** The signals of CLI.md's `risk --json`, with their stable codes (issue 16). */
enum class RiskSignalKind
{
    Media,         ///< "media": exposure on media or social platforms (the text, or a case that came from social media)
    Legal,         ///< "legal": a lawyer, a lawsuit, the police
    Petition,      ///< "petition": 信访, 12345, 市长热线, 纪委 …
    Safety,        ///< "safety": self-harm or violence
    Group,         ///< "group": a group complaint or a group action
    StrongEmotion, ///< "strong_emotion"
    Repeat,        ///< "repeat": a repeat complainant (the case history, or the text says so)
};
/** How many signal kinds there are: arrays indexed by int(RiskSignalKind) have this size. */
constexpr int kRiskSignalCount = int(RiskSignalKind::Repeat) + 1;

enum class RiskLevel
{
    Low,
    Medium,
    High,
};

namespace RiskSignalKinds {
QList<RiskSignalKind> all();
QString code(RiskSignalKind kind);
std::optional<RiskSignalKind> fromCode(const QString& code);
QString label(RiskSignalKind kind);
} // namespace RiskSignalKinds

namespace RiskLevels {
QString code(RiskLevel level);
std::optional<RiskLevel> fromCode(const QString& code);
QString label(RiskLevel level);
} // namespace RiskLevels

/** One reason a signal fired: words of the text (where they are), the case's channel or its history, and the weight. */
struct RiskEvidence
{
    enum class Source
    {
        Text,        ///< words of the text: `words`, `start`, `length`
        Channel,     ///< the case came through a channel the rules weigh (social media)
        CaseHistory, ///< the citizen's earlier cases: `count`
    };
    Source source = Source::Text;
    QString words;  ///< the words matched, as written in the text given (Text only)
    int start = -1; ///< where they are in the text given (UTF-16 positions, as QString counts); -1 for the others
    int length = 0;
    int weight = 0; ///< the weight of the word, pattern, channel or history rule that matched
    QString rule;   ///< the rule that matched: the word itself, or the pattern (for an explanation or an admin)
    int count = 0;  ///< CaseHistory: the number of earlier cases
};

/** One signal that fired, its weight in the score and every piece of evidence, in text order (others last). */
struct RiskSignal
{
    RiskSignalKind kind = RiskSignalKind::Media;
    int weight = 0; ///< the highest evidence weight plus a small bonus for further distinct evidence
    QList<RiskEvidence> evidence;
};

/** Words that matched a signal's lexicon but were not counted, and why: the other half of an explanation. */
struct RiskIgnored
{
    enum class Reason
    {
        Innocent,     ///< an innocent sense: 律师事务所的执照, 信访局的地址, 集体户口
        Negated,      ///< 我不会去曝光的, 没打算起诉, 起诉倒不至于
        Hypothetical, ///< 如果…就…, 要是… (unless the condition is an ultimatum: 如果再不解决，我就…)
        ReportedSpeech, ///< someone else's words: 工作人员说可以打12345咨询, 朋友建议我找律师
    };
    RiskSignalKind kind = RiskSignalKind::Media;
    QString words;
    int start = 0;
    int length = 0;
    Reason reason = Reason::Innocent;
    QString cue;       ///< the words that made it so (不会, 如果, 工作人员…说, 律师事务所)
    int cueStart = -1; ///< where the cue is in the text (-1 when it is not one place)
};

/** The score of one case: 0–100, its level, the signals that fired and the matches that were set aside. */
struct RiskResult
{
    int score = 0;
    RiskLevel level = RiskLevel::Low;
    QList<RiskSignal> fired; ///< the signals that fired, in RiskSignalKind order
    QList<RiskIgnored> ignored;

    bool has(RiskSignalKind kind) const;
    const RiskSignal* signal(RiskSignalKind kind) const;
    /** The codes of the signals that fired, in RiskSignalKind order (CLI.md's "signals"). */
    QStringList signalCodes() const;
};

/** What the scorer reads: the case's text and the facts the caller knows. */
struct RiskInput
{
    QString text;
    int earlierCases = 0;              ///< the citizen's cases before this one (0 for an unknown or anonymous citizen)
    Channel channel = Channel::Window; ///< how the case came in
};
