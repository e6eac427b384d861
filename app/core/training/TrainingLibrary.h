#pragma once

#include "training/Training.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

/**
 * The trainer's library of training cases (issue 15, helper "train15"): what TrainingService takes and gives beside
 * the domain of Training.h. The trainer never sees a live case: closed cases reach the library only as anonymized
 * TrainingCandidate previews, and a training case is built from one by the service.
 */

/** Which closed cases the build dialog offers. */
struct TrainingCandidateFilter
{
    qint64 categoryId = 0;        ///< 0 = any
    QString outcome;              ///< a Reasonableness code; empty = any
    std::optional<int> minRating; ///< 好差评, inclusive
    std::optional<int> maxRating; ///< inclusive
    QDate closedFrom;             ///< inclusive; invalid = open
    QDate closedTo;               ///< inclusive; invalid = open
    QString risk;                 ///< a risk level code (issue 16: "low", "medium", "high"); empty = any
    int limit = 200;
};

/** A closed case as a trainer may see it: no personal data, the complaint's opening anonymized. */
struct TrainingCandidate
{
    qint64 caseId = 0;
    QString caseNo;
    QDateTime closedAt;
    QString category;
    QString serviceItem;
    std::optional<int> rating;
    QString outcome;           ///< Reasonableness code, may be empty
    QString emotion;           ///< EmotionLevel code, may be empty
    QString risk;              ///< RiskLevel code (issue 16); empty = never scored
    QString preview;           ///< the first ~60 characters of the complaint, anonymized
    qint64 trainingCaseId = 0; ///< the training case already built from it; 0 = none
    bool built() const { return trainingCaseId != 0; }
};

/** The library's list. */
struct TrainingFilter
{
    QString category; ///< a category name; empty = any
    QString text;     ///< part of the title; empty = any
    int limit = 500;
};

/** One row of the library's list. */
struct TrainingSummary
{
    qint64 id = 0;
    QString title;
    QString category;
    QString serviceItem;
    QString outcome;
    std::optional<int> rating;
    QDateTime createdAt;
    QDateTime updatedAt;
    int stageCount = 0;
    int version = 0;
};

/** What a trainer edits on a training case (TrainingService::update). */
struct TrainingEdits
{
    QString title;
    QString trainerNote;
    /** Per stage present here: its citizen's words and model answer replace the stored ones; others stay. */
    QList<TrainingStage> stages;
};

namespace TrainingLimits {
constexpr int kTitle = 200;
constexpr int kText = 20000; ///< a complaint, a stage's words, a model answer, a note
constexpr int kKind = 64;
constexpr int kPreviewChars = 60;
} // namespace TrainingLimits
