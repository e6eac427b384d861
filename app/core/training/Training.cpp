#include "training/Training.h"

#include "common/CodeTable.h"

#include <cmath>

namespace {
const CodeEntry<DrillStage> kStageEntries[] = {
    {DrillStage::Listen, "listen", QT_TRANSLATE_NOOP("DrillCodes", "Listen")},
    {DrillStage::Facts, "facts", QT_TRANSLATE_NOOP("DrillCodes", "Facts")},
    {DrillStage::Impact, "impact", QT_TRANSLATE_NOOP("DrillCodes", "Impact")},
    {DrillStage::Steps, "steps", QT_TRANSLATE_NOOP("DrillCodes", "Steps and time")},
};
const CodeTable kStages("DrillCodes", kStageEntries);

const CodeEntry<RubricCriterion> kCriterionEntries[] = {
    {RubricCriterion::Empathy, "empathy", QT_TRANSLATE_NOOP("DrillCodes", "Acknowledged the emotion")},
    {RubricCriterion::Restatement, "restatement", QT_TRANSLATE_NOOP("DrillCodes", "Restated the facts")},
    {RubricCriterion::Impact, "impact", QT_TRANSLATE_NOOP("DrillCodes", "Confirmed the impact")},
    {RubricCriterion::StepsAndTime, "steps_time", QT_TRANSLATE_NOOP("DrillCodes", "Concrete steps and a time")},
    {RubricCriterion::Wording, "wording", QT_TRANSLATE_NOOP("DrillCodes", "No defensive or over-promising wording")},
    {RubricCriterion::Length, "length", QT_TRANSLATE_NOOP("DrillCodes", "A sensible length")},
};
const CodeTable kCriteria("DrillCodes", kCriterionEntries);
} // namespace

namespace DrillCodes {
QList<DrillStage> stages()
{
    return kStages.values();
}
QString code(DrillStage v)
{
    return kStages.code(v);
}
std::optional<DrillStage> stageFromCode(const QString& code)
{
    return kStages.fromCode(code);
}
QString label(DrillStage v)
{
    return kStages.label(v);
}

QList<RubricCriterion> criteria()
{
    return kCriteria.values();
}
QString code(RubricCriterion v)
{
    return kCriteria.code(v);
}
std::optional<RubricCriterion> criterionFromCode(const QString& code)
{
    return kCriteria.fromCode(code);
}
QString label(RubricCriterion v)
{
    return kCriteria.label(v);
}
} // namespace DrillCodes

const TrainingStage* TrainingCase::stage(DrillStage s) const
{
    for (const TrainingStage& st : stages) {
        if (st.stage == s) {
            return &st;
        }
    }
    return nullptr;
}

int StageScore::points() const
{
    int sum = 0;
    for (const CriterionScore& c : criteria) {
        sum += c.points;
    }
    return sum;
}

int StageScore::maxPoints() const
{
    int sum = 0;
    for (const CriterionScore& c : criteria) {
        sum += c.maxPoints;
    }
    return sum;
}

int DrillResult::points() const
{
    int sum = 0;
    for (const StageScore& s : stages) {
        sum += s.points();
    }
    return sum;
}

int DrillResult::maxPoints() const
{
    int sum = 0;
    for (const StageScore& s : stages) {
        sum += s.maxPoints();
    }
    return sum;
}

int DrillResult::percent() const
{
    const int max = maxPoints();
    return max > 0 ? int(std::lround(100.0 * points() / max)) : 0;
}

int DrillResultSummary::percent() const
{
    return maxPoints > 0 ? int(std::lround(100.0 * points / maxPoints)) : 0;
}
