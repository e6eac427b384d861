#include "training/DrillScorer.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace {
/** Function characters: a bigram made only of these carries no content (的时, 我们, 了吧). */
const QString kFunctionChars =
    QStringLiteral("的了是我你您他她它们在和与及就都也还又很吧呢吗啊呀么这那个有不没一要会把被给对说到上下着过");

// Cues of the criteria that the reply checker has no kind for. Data in code on purpose: they are the rubric's
// definition, tested literally in tst_drill_scorer.
const QRegularExpression kFeelingCue(QStringLiteral(
    "着急|焦急|急躁|生气|气愤|愤怒|恼火|上火|火大|委屈|不满|失望|难受|烦|不高兴|不舒服|心情|感受|情绪|心急"));
const QRegularExpression kRestatementCue(QStringLiteral(
    "您是说|你是说|您的意思是|你的意思是|跟您确认|和您确认|与您确认|我确认一下|核对一下|刚才您|您刚才|"
    "您提到|您说的是|您反映的是|您反映的|也就是说|我复述|我理解的是|我理解一下|我的理解是|对吗|对吧|是吗|是这样吗"));
const QRegularExpression kImpactCue(QStringLiteral(
    "影响|耽误|耽搁|损失|误工|白跑|多跑|诉求|您希望|您的要求|您要求|您想要|给您带来|造成|麻烦|不便|困扰|损害|延误"));
const QRegularExpression kUnitCue(QStringLiteral(
    "由[^，。！？；,.!?;]{1,12}(?:负责|处理|办理|联系|核实|跟进)|(?:科|处|局|中心|部门|窗口|办公室|专人|负责人|专员|"
    "街道|社区|物业|公司|值班长|主任|组长|班长)"));

bool isContent(QChar c)
{
    return c.isLetterOrNumber();
}

QSet<QString> bigrams(const QString& text)
{
    QSet<QString> out;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        const QChar a = text.at(i).toLower();
        const QChar b = text.at(i + 1).toLower();
        if (!isContent(a) || !isContent(b)) {
            continue;
        }
        if (kFunctionChars.contains(a) && kFunctionChars.contains(b)) {
            continue;
        }
        out.insert(QString(a) + b);
    }
    return out;
}

int recallPoints(double share)
{
    if (share >= 0.35) {
        return 3;
    }
    if (share >= 0.2) {
        return 2;
    }
    if (share >= 0.1) {
        return 1;
    }
    return 0;
}

int percentOf(double share)
{
    return int(std::lround(share * 100));
}

const ReplyFinding* findingOf(const QList<ReplyFinding>& findings, ReplyFindingKind kind)
{
    for (const ReplyFinding& f : findings) {
        if (f.kind == kind) {
            return &f;
        }
    }
    return nullptr;
}

/** The rules given, plus the shipped rules of each missing_* kind that has no active rule among them. */
QList<ReplyRule> completed(QList<ReplyRule> rules)
{
    const QList<ReplyRule> shipped = ReplyChecker::defaultRules();
    for (ReplyFindingKind kind : ReplyFindingKinds::all()) {
        if (!ReplyFindingKinds::isMissing(kind)) {
            continue;
        }
        const bool has = std::any_of(rules.cbegin(), rules.cend(),
                                     [kind](const ReplyRule& r) { return r.kind == kind && r.active; });
        if (!has) {
            for (const ReplyRule& r : shipped) {
                if (r.kind == kind) {
                    rules << r;
                }
            }
        }
    }
    return rules;
}

CriterionScore make(RubricCriterion criterion, int points, QString reason)
{
    CriterionScore c;
    c.criterion = criterion;
    c.maxPoints = DrillScorer::maxPoints(criterion);
    c.points = std::clamp(points, 0, c.maxPoints);
    c.reason = std::move(reason);
    return c;
}
} // namespace

DrillScorer::DrillScorer(QList<ReplyRule> rules)
    : m_checker(completed(std::move(rules)))
{}

RubricCriterion DrillScorer::stageCriterion(DrillStage stage)
{
    switch (stage) {
    case DrillStage::Listen:
        return RubricCriterion::Empathy;
    case DrillStage::Facts:
        return RubricCriterion::Restatement;
    case DrillStage::Impact:
        return RubricCriterion::Impact;
    case DrillStage::Steps:
        return RubricCriterion::StepsAndTime;
    }
    return RubricCriterion::Empathy;
}

DrillScorer::LengthRange DrillScorer::lengthRange(DrillStage stage)
{
    switch (stage) {
    case DrillStage::Listen:
        return {10, 120};
    case DrillStage::Facts:
        return {20, 200};
    case DrillStage::Impact:
        return {15, 160};
    case DrillStage::Steps:
        return {25, 220};
    }
    return {10, 200};
}

int DrillScorer::maxPoints(RubricCriterion criterion)
{
    switch (criterion) {
    case RubricCriterion::Wording:
        return kWordingMax;
    case RubricCriterion::Length:
        return kLengthMax;
    default:
        return kStageCriterionMax;
    }
}

double DrillScorer::recall(const QString& source, const QString& answer)
{
    const QSet<QString> wanted = bigrams(source);
    if (wanted.isEmpty()) {
        return 0.0;
    }
    const QSet<QString> given = bigrams(answer);
    qsizetype hits = 0;
    for (const QString& b : wanted) {
        if (given.contains(b)) {
            ++hits;
        }
    }
    return double(hits) / double(wanted.size());
}

int DrillScorer::length(const QString& text)
{
    int n = 0;
    for (const QChar c : text) {
        if (!c.isSpace()) {
            ++n;
        }
    }
    return n;
}

StageScore DrillScorer::score(const TrainingCase& trainingCase, const DrillAnswer& answer) const
{
    StageScore out;
    out.answer = answer;
    const RubricCriterion own = stageCriterion(answer.stage);
    const QString text = answer.text.trimmed();
    if (text.isEmpty()) {
        for (RubricCriterion c : {own, RubricCriterion::Wording, RubricCriterion::Length}) {
            out.criteria << make(c, 0, tr("No answer was given."));
        }
        return out;
    }
    const QList<ReplyFinding> findings = m_checker.check(text);
    const TrainingStage* stage = trainingCase.stage(answer.stage);
    switch (answer.stage) {
    case DrillStage::Listen:
        out.criteria << empathy(stage, text, findings);
        break;
    case DrillStage::Facts:
        out.criteria << restatement(
            stage && !stage->citizenText.trimmed().isEmpty() ? stage->citizenText : trainingCase.facts, text);
        break;
    case DrillStage::Impact:
        out.criteria << impact(
            stage && !stage->citizenText.trimmed().isEmpty() ? stage->citizenText : trainingCase.impact, text);
        break;
    case DrillStage::Steps:
        out.criteria << stepsAndTime(text, findings);
        break;
    }
    out.criteria << wording(findings) << lengthScore(answer.stage, text);
    return out;
}

DrillResult DrillScorer::scoreAll(const TrainingCase& trainingCase, const QList<DrillAnswer>& answers) const
{
    DrillResult result;
    result.trainingCaseId = trainingCase.id;
    result.trainingTitle = trainingCase.title;
    for (DrillStage stage : DrillCodes::stages()) {
        DrillAnswer answer;
        answer.stage = stage;
        for (const DrillAnswer& a : answers) {
            if (a.stage == stage) {
                answer = a;
                break;
            }
        }
        result.stages << score(trainingCase, answer);
    }
    return result;
}

CriterionScore DrillScorer::empathy(const TrainingStage* stage, const QString& text,
                                    const QList<ReplyFinding>& findings) const
{
    const ReplyFinding* missing = findingOf(findings, ReplyFindingKind::MissingEmpathy);
    const bool upset =
        stage && (stage->emotion == QLatin1String("agitated") || stage->emotion == QLatin1String("angry"));
    const bool named = kFeelingCue.match(text).hasMatch();
    int points = missing ? 0 : 3;
    QStringList reasons;
    if (missing) {
        reasons << tr("No acknowledgement of the citizen's feelings: %1").arg(missing->advice);
    } else {
        reasons << tr("Acknowledged the citizen (thanks, apology or understanding).");
    }
    if (!upset) {
        points += 1;
    } else if (named) {
        points += 1;
        reasons << tr("Named the upset citizen's feeling.");
    } else {
        reasons << tr("The citizen is upset: name the feeling (e.g. 我理解您很着急).");
    }
    return make(RubricCriterion::Empathy, points, reasons.join(QLatin1Char(' ')));
}

CriterionScore DrillScorer::restatement(const QString& source, const QString& text) const
{
    const bool cue = kRestatementCue.match(text).hasMatch();
    const double share = recall(source, text);
    int points = (cue ? 1 : 0) + recallPoints(share);
    QStringList reasons;
    reasons << (cue ? tr("Checked back with the citizen (您是说, 我跟您确认一下 ...).")
                    : tr("Say that you are restating, e.g. 我跟您确认一下 or 您是说, so the citizen can correct you."));
    if (bigrams(source).isEmpty()) {
        reasons << tr("The case has no facts text to compare with.");
        points = cue ? kStageCriterionMax : 0;
    } else if (share >= 0.35) {
        reasons << tr("Recalled %1% of what the citizen said.").arg(percentOf(share));
    } else {
        reasons << tr("Recalled only %1% of what the citizen said: repeat the key facts (what, when, where, who) "
                      "in the citizen's own terms.")
                       .arg(percentOf(share));
    }
    return make(RubricCriterion::Restatement, points, reasons.join(QLatin1Char(' ')));
}

CriterionScore DrillScorer::impact(const QString& source, const QString& text) const
{
    const bool cue = kImpactCue.match(text).hasMatch();
    const double share = recall(source, text);
    int points = (cue ? 1 : 0) + recallPoints(share);
    QStringList reasons;
    reasons << (cue ? tr("Named the impact or the demand (影响, 耽误, 您的诉求是 ...).")
                    : tr("Name the impact and the demand, e.g. 这件事耽误了您…… or 您的诉求是……."));
    if (bigrams(source).isEmpty()) {
        reasons << tr("The case has no impact text to compare with.");
        points = cue ? kStageCriterionMax : 0;
    } else if (share >= 0.35) {
        reasons << tr("Confirmed %1% of the impact the citizen described.").arg(percentOf(share));
    } else {
        reasons << tr("Confirmed only %1% of the impact the citizen described: say who is affected, how badly, and "
                      "what the citizen asks for.")
                       .arg(percentOf(share));
    }
    return make(RubricCriterion::Impact, points, reasons.join(QLatin1Char(' ')));
}

CriterionScore DrillScorer::stepsAndTime(const QString& text, const QList<ReplyFinding>& findings) const
{
    const ReplyFinding* noSteps = findingOf(findings, ReplyFindingKind::MissingSteps);
    const ReplyFinding* noTime = findingOf(findings, ReplyFindingKind::MissingTime);
    const bool unit = kUnitCue.match(text).hasMatch();
    QStringList reasons;
    int points = 0;
    if (noSteps) {
        reasons << tr("No concrete next step: %1").arg(noSteps->advice);
    } else {
        points += 2;
        reasons << tr("Gave a concrete next step.");
    }
    if (unit) {
        points += 1;
        reasons << tr("Named who is responsible.");
    } else {
        reasons << tr("Name the responsible unit or person (由……负责, the department, the window).");
    }
    if (noTime) {
        reasons << tr("No concrete time: %1").arg(noTime->advice);
    } else {
        points += 1;
        reasons << tr("Gave a concrete time.");
    }
    return make(RubricCriterion::StepsAndTime, points, reasons.join(QLatin1Char(' ')));
}

CriterionScore DrillScorer::wording(const QList<ReplyFinding>& findings) const
{
    QStringList reasons;
    int bad = 0;
    for (const ReplyFinding& f : findings) {
        if (f.kind != ReplyFindingKind::Defensive && f.kind != ReplyFindingKind::OverPromise) {
            continue;
        }
        ++bad;
        reasons << (f.kind == ReplyFindingKind::Defensive ? tr("Defensive: “%1”. %2").arg(f.text, f.advice)
                                                          : tr("Over-promising: “%1”. %2").arg(f.text, f.advice));
    }
    if (bad == 0) {
        return make(RubricCriterion::Wording, kWordingMax, tr("No defensive or over-promising wording."));
    }
    return make(RubricCriterion::Wording, kWordingMax - bad, reasons.join(QLatin1Char(' ')));
}

CriterionScore DrillScorer::lengthScore(DrillStage stage, const QString& text) const
{
    const LengthRange range = lengthRange(stage);
    const int n = length(text);
    if (n < range.min) {
        const int points = 2 * n >= range.min ? 1 : 0;
        return make(RubricCriterion::Length, points,
                    tr("Too short: %1 characters; this stage needs %2 to %3.").arg(n).arg(range.min).arg(range.max));
    }
    if (n > range.max) {
        const int points = n <= 2 * range.max ? 1 : 0;
        return make(RubricCriterion::Length, points,
                    tr("Too long: %1 characters; keep it to %2 to %3 so the citizen can follow.")
                        .arg(n)
                        .arg(range.min)
                        .arg(range.max));
    }
    return make(RubricCriterion::Length, kLengthMax,
                tr("A sensible length: %1 characters (%2 to %3).").arg(n).arg(range.min).arg(range.max));
}
