#pragma once

#include "common/Result.h"
#include "risk/RiskResult.h"
#include "risk/RiskWordSet.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <array>

/**
 * The risk scorer's rules (issue 16), read from the JSON format of app/core/risk/data/risk_rules.json (the schema is
 * in the README.md beside it) and checked: lexicons and patterns with their weights per signal, their innocent
 * senses, the weights of the case history and the channel, the level thresholds, and the cue lists that tell a
 * threat from a negation, a hypothetical or someone else's words. A value: cheap to copy (the lists are shared).
 */
class RiskRules
{
    Q_DECLARE_TR_FUNCTIONS(RiskRules)

public:
    /** A pattern of a signal with its weight (the expression is compiled and optimised once, when the rules load). */
    struct Pattern
    {
        QRegularExpression expression;
        int weight = 0;
    };
    /** What belongs to one signal besides its words (which are in `terms`, shared by all signals). */
    struct Signal
    {
        QList<Pattern> patterns;
        RiskWordSet innocent;
        QList<QRegularExpression> innocentPatterns;
    };
    /** A channel that adds evidence to a signal: social media is exposure on media by itself. */
    struct ChannelRule
    {
        Channel channel = Channel::SocialMedia;
        RiskSignalKind kind = RiskSignalKind::Media;
        int weight = 0;
    };

    /** The rules shipped with Qingting (:/risk/risk_rules.json), read once per process. */
    static const RiskRules& builtIn();
    /** The text of the shipped rules: what an editable copy starts from. */
    static QByteArray builtInJson();
    /** Reads and checks a rule file; an Invalid error names the first problem and where it is. */
    static Result<RiskRules> fromJson(const QByteArray& json);

    /**
     * The text as the rules see it (and their words, when they load): full-width letters, digits and punctuation
     * made ASCII, ideographic spaces plain, letters lower case. One UTF-16 unit for one: positions stay those of the
     * original text.
     */
    static QString normalized(const QString& text);

    /** The level of a score under these thresholds. */
    RiskLevel levelOf(int score) const;

    static constexpr int kTermKindFactor = 1000; ///< a term's payload in `terms`: kind * kTermKindFactor + weight

    int version = 0;
    int mediumFrom = 30;
    int highFrom = 60;
    int extraEvidence = 5;
    int extraEvidenceMax = 15;
    QString sentenceBreaks;
    QString clauseBreaks;
    QList<std::pair<QChar, QChar>> quotes;

    RiskWordSet terms;                                ///< every signal's words
    std::array<Signal, kRiskSignalCount> signalRules; ///< indexed by int(RiskSignalKind)
    QList<int> earlierCaseWeights{0};
    QList<ChannelRule> channels;

    RiskWordSet negationBefore, negationNotCues, negationBreakers, negationAfter;
    int negationWindow = 6;
    int negationAfterWindow = 3;

    RiskWordSet hypotheticalCues, hypotheticalNotCues, consequentMarkers, ultimatum;

    RiskWordSet speakers, citizen, speechVerbs, notSpeechVerbs, hearsay, resetAtClauseStart, resetInClause, adoption;
    QString addresseeMarkers;
    QString clauseStartSkip;
    QString adoptionNegators;
    int speakerWindow = 10;

    QString inquirySkip;
    RiskWordSet inquiryAfter;
};
