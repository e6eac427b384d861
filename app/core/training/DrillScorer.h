#pragma once

#include "reply/ReplyChecker.h"
#include "training/Training.h"

#include <QCoreApplication>

/**
 * Scores a drill's answers against the rubric (issue 15, "Drill mode"; docs/ARCHITECTURE.md "Drills"). Pure and
 * deterministic: the same case, answer and rules give the same points and reasons.
 *
 * Every stage is scored on its own criterion (kStageCriterionMax points) and on Wording and Length:
 * - listen → Empathy: an acknowledgement (the reply checker's missing_empathy cues) 3 points; naming the feeling
 *   (着急, 生气, 委屈, 心情 ...) 1 point, needed only when the citizen is agitated or angry (else given).
 * - facts → Restatement: a restatement cue (您是说, 我跟您确认一下, 刚才您提到 ...) 1 point; recall of the stage's
 *   citizen text (share of its content character bigrams found in the answer) up to 3 points.
 * - impact → Impact: an impact cue (影响, 耽误, 损失, 您的诉求是 ...) 1 point; recall of the impact stage's citizen
 *   text up to 3 points.
 * - steps → StepsAndTime: a concrete step (the checker's missing_steps cues) 2 points, a responsible unit 1 point, a
 *   concrete time (the checker's missing_time cues) 1 point.
 * - Wording (every stage, kWordingMax): each defensive or over-promising finding of the checker costs 1 point; the
 *   reason quotes the words and the checker's advice.
 * - Length (every stage, kLengthMax): inside the stage's range of characters 2 points; up to half the minimum short
 *   or up to twice the maximum 1 point; else 0.
 * An empty answer scores 0 on every criterion.
 * Recall: ≥ 35 % of the bigrams 3 points, ≥ 20 % 2, ≥ 10 % 1.
 */
class DrillScorer
{
    Q_DECLARE_TR_FUNCTIONS(DrillScorer)

public:
    static constexpr int kStageCriterionMax = 4;
    static constexpr int kWordingMax = 2;
    static constexpr int kLengthMax = 2;

    /** A sensible answer's length in characters (whitespace not counted), per stage. */
    struct LengthRange
    {
        int min = 0;
        int max = 0;
    };

    /**
     * The hall's reply rules (the active ones are used). A missing_* kind without an active rule is checked with the
     * shipped rules of that kind (ReplyChecker::defaultRules), so that a criterion is never given for free.
     */
    explicit DrillScorer(QList<ReplyRule> rules);

    StageScore score(const TrainingCase& trainingCase, const DrillAnswer& answer) const;
    /**
     * Every stage in DrillCodes::stages() order; a stage without an answer is scored as an empty answer. Fills the
     * result's trainingCaseId and trainingTitle; trainee and times are the caller's.
     */
    DrillResult scoreAll(const TrainingCase& trainingCase, const QList<DrillAnswer>& answers) const;

    static RubricCriterion stageCriterion(DrillStage stage);
    static LengthRange lengthRange(DrillStage stage);
    /** The maximum points of a criterion (the same on every stage that scores it). */
    static int maxPoints(RubricCriterion criterion);
    /**
     * The share (0–1) of `source`'s distinct content bigrams (two adjacent letters or digits, not both function
     * characters such as 的, 了, 我) that occur in `answer`; 0 when the source has none.
     */
    static double recall(const QString& source, const QString& answer);
    /** Characters that count for the length: everything but whitespace. */
    static int length(const QString& text);

private:
    CriterionScore empathy(const TrainingStage* stage, const QString& text, const QList<ReplyFinding>& findings) const;
    CriterionScore restatement(const QString& source, const QString& text) const;
    CriterionScore impact(const QString& source, const QString& text) const;
    CriterionScore stepsAndTime(const QString& text, const QList<ReplyFinding>& findings) const;
    CriterionScore wording(const QList<ReplyFinding>& findings) const;
    CriterionScore lengthScore(DrillStage stage, const QString& text) const;

    ReplyChecker m_checker;
};
