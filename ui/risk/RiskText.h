#pragma once

#include "risk/RiskResult.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/** The words every risk screen uses for a level, a score and signals (issue 16). */
class RiskText
{
    Q_DECLARE_TR_FUNCTIONS(RiskText)

public:
    /** "▲ High": an icon whose shape differs per level (triangle, diamond, circle) and the level in words. */
    static QString level(RiskLevel level);
    /** "▲ High · 75": an icon whose shape differs per level, the level in words, the score. */
    static QString levelAndScore(RiskLevel level, int score);
    /** Dark red / dark amber text for high / medium (≥ 6:1 on white), nothing for low. */
    static QString levelStyle(RiskLevel level);
    /** "Media (抖音, 曝光), Legal (律师)": each fired signal with the words that made it fire. */
    static QString signalsWithWords(const RiskResult& result);
    /** The signal codes stored on a case or alert, as labels ("Media, Legal"). */
    static QString signalLabels(const QStringList& codes);
    /** Why a match was set aside, in words. */
    static QString reason(RiskIgnored::Reason reason);
};
