#pragma once

#include "common/Ref.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

/**
 * The trainer's drills (模拟演练, issue 15). A training case is an anonymized copy of a closed case: its text, its
 * confirmations and its timeline, plus a model answer for each stage. It lives apart from live cases (its own
 * tables) and holds no personal data: TrainingService builds it through the Anonymizer and refuses to store any text
 * in which a known name, phone or ID number survives. A drill replays it stage by stage; DrillScorer scores each
 * answer against the rubric; the result is kept per trainee.
 *
 * Every enum has a stable code (stored, exported) and a translated label; codes never change once shipped.
 */

/** The stages of a drill, in the order the citizen presents them (the intake's listen → facts → impact → steps). */
enum class DrillStage
{
    Listen, ///< 倾听: the complaint in the citizen's words; the answer acknowledges the emotion
    Facts,  ///< 确认事实: the answer restates the facts
    Impact, ///< 确认影响: the answer confirms who is affected, how badly, and the demand
    Steps,  ///< 说明步骤: the answer gives concrete steps, the responsible unit and a time
};

/** What a rubric scores; each stage is scored on its own criterion and on the ones every answer shares. */
enum class RubricCriterion
{
    Empathy,      ///< acknowledged the emotion (listen)
    Restatement,  ///< restated the facts (facts)
    Impact,       ///< confirmed the impact (impact)
    StepsAndTime, ///< concrete steps and a time (steps)
    Wording,      ///< no defensive or over-promising wording (the reply checker), every stage
    Length,       ///< a sensible length, every stage
};

namespace DrillCodes {
QList<DrillStage> stages();
QString code(DrillStage v); ///< "listen", "facts", "impact", "steps"
std::optional<DrillStage> stageFromCode(const QString& code);
QString label(DrillStage v);

QList<RubricCriterion> criteria();
QString code(RubricCriterion v); ///< "empathy", "restatement", "impact", "steps_time", "wording", "length"
std::optional<RubricCriterion> criterionFromCode(const QString& code);
QString label(RubricCriterion v);
} // namespace DrillCodes

/** One stage of a training case: what the citizen says, how they sound, and the model answer. */
struct TrainingStage
{
    DrillStage stage = DrillStage::Listen;
    QString citizenText; ///< the citizen's words at this stage (anonymized)
    QString emotion;     ///< the emotion level's code (IntakeCodes: calm, dissatisfied, agitated, angry); may be empty
    QString modelAnswer; ///< prefilled from the clerk's actual words (anonymized); the trainer edits it
};

/** One entry of the anonymized timeline (what happened to the case, when). */
struct TrainingEvent
{
    QDateTime at;
    QString kind; ///< the CaseEventKind's code
    QString note; ///< anonymized
};

/** An anonymized closed case, ready to drill. */
struct TrainingCase
{
    qint64 id = 0;
    QString title;    ///< the trainer's name for it (prefilled: category · service item)
    QString category; ///< names, not ids: a training case travels between halls
    QString serviceItem;
    QString channel;           ///< Channel code
    QString outcome;           ///< the Reasonableness code of the source case (合理, 部分合理, ...), may be empty
    std::optional<int> rating; ///< the source case's 好差评, 1–5
    QString complaintText;     ///< anonymized
    QString facts;             ///< anonymized
    QString impact;            ///< anonymized
    QString steps;             ///< anonymized
    QList<TrainingStage> stages; ///< one per DrillStage, in order
    QList<TrainingEvent> timeline;
    QString trainerNote; ///< what the trainer wants the trainee to notice
    QDateTime createdAt;
    Ref createdBy;
    QDateTime updatedAt;
    int version = 0; ///< bumped by every update; a stale copy cannot overwrite a newer one

    const TrainingStage* stage(DrillStage s) const;
};

/** A trainee's answer to one stage, and how long it took. */
struct DrillAnswer
{
    DrillStage stage = DrillStage::Listen;
    QString text;
    int seconds = 0; ///< from the stage being shown to the answer being given
};

/** One criterion's score for one answer, with its reason (shown beside the model answer). */
struct CriterionScore
{
    RubricCriterion criterion = RubricCriterion::Empathy;
    int points = 0;
    int maxPoints = 0;
    QString reason; ///< translated, for the trainee
};

/** One stage's answer and its scores. */
struct StageScore
{
    DrillAnswer answer;
    QList<CriterionScore> criteria;
    int points() const;
    int maxPoints() const;
};

/** A finished drill as stored per trainee. */
struct DrillResult
{
    qint64 id = 0;
    qint64 trainingCaseId = 0; ///< the training case drilled (it may be deleted later: the result stays)
    QString trainingTitle;     ///< the case's title when drilled
    Ref trainee;
    QDateTime startedAt;
    QDateTime finishedAt;
    int timeLimitSeconds = 0; ///< the per-stage timer, 0 = untimed
    QList<StageScore> stages;
    int points() const;
    int maxPoints() const;
    /** points / maxPoints as 0–100, rounded; 0 when nothing could be scored. */
    int percent() const;
};

// drill15 (issue 15): the results' lists, the trainee chart and the team's missed criteria.

/** A stored drill as lists show it: the result row without its answers and scores. */
struct DrillResultSummary
{
    qint64 id = 0;
    qint64 trainingCaseId = 0;
    QString trainingTitle;
    Ref trainee; ///< id and display name (the login when the account has none)
    QDateTime startedAt;
    QDateTime finishedAt;
    int timeLimitSeconds = 0;
    int points = 0;
    int maxPoints = 0;
    /** points / maxPoints as 0–100, rounded (as DrillResult::percent). */
    int percent() const;
};

/** Which results to list: one trainee (0 = all) finished in [from, to) (invalid = open), newest first. */
struct DrillResultFilter
{
    qint64 traineeId = 0;
    QDateTime from;
    QDateTime to;
    int limit = 1000;
};

/** One trainee's percent per drill, oldest first (the trainer's line chart). */
struct TraineeSeries
{
    Ref trainee;
    QList<QDateTime> finishedAt;
    QList<int> percents; ///< one per finishedAt
};

/** How often a criterion was scored below its maximum across the team in a period. */
struct MissedCriterion
{
    RubricCriterion criterion = RubricCriterion::Empathy;
    int scored = 0; ///< answers scored on it
    int missed = 0; ///< of those, below the maximum
    /** missed / scored (0–1); 0 when nothing was scored. */
    double share() const { return scored > 0 ? double(missed) / double(scored) : 0.0; }
};
