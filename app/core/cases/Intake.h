#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

/**
 * What the guided intake (受理向导) learns beyond the citizen's words: the emotion heard, the facts, the impact and
 * the steps promised, each confirmed with the citizen in turn (PRODUCT.md "The case workflow" 1-5). Every enum has a
 * stable code stored in the database and a translated label; codes never change once shipped.
 */

/** How the citizen sounded when the clerk listened; it chooses the acknowledgement sentences. */
enum class EmotionLevel
{
    Calm,         ///< 平静
    Dissatisfied, ///< 不满
    Agitated,     ///< 激动
    Angry,        ///< 愤怒
};

/** How badly the citizen (or others) were hurt by the problem. */
enum class Severity
{
    Minor,    ///< 轻微
    Moderate, ///< 一般
    Serious,  ///< 严重
    Critical, ///< 重大
};

/** Who the problem reaches. */
enum class ImpactScope
{
    Individual, ///< 个人
    Group,      ///< 群体
    Public,     ///< 公众
};

/** Whether it happened before: the first sign of an individual or a systemic problem. */
enum class Recurrence
{
    First,    ///< 首次
    Repeat,   ///< 重复
    Systemic, ///< 系统性
};

/** Whether the complaint is reasonable, as the hall judges it. */
enum class Reasonableness
{
    Reasonable,       ///< 合理
    PartlyReasonable, ///< 部分合理
    Unreasonable,     ///< 不合理
    ToVerify,         ///< 待核实
};

/** Where responsibility lies. */
enum class Responsibility
{
    OwnUnit,                 ///< 本单位
    OtherDepartment,         ///< 其他部门
    CitizenMisunderstanding, ///< 市民误解
    ToVerify,                ///< 待核实
};

/** An immediate remedy for this citizen (several may be given). */
enum class Remedy
{
    Apology,     ///< 道歉
    Expedited,   ///< 加急办理
    OnSiteHelp,  ///< 现场帮办
    FeeWaiver,   ///< 减免费用
    Explanation, ///< 解释说明
    Other,       ///< 其他 (described in IntakeSteps::remedyNote)
};

/** The template steps of a reply (话术库 steps); also the order of the intake pages. */
enum class ScriptStep
{
    Acknowledge, ///< 安抚致谢
    Restate,     ///< 复述事实
    Impact,      ///< 确认影响
    Steps,       ///< 说明步骤
    Result,      ///< 告知结果
    PublicReply, ///< 公开回复
};

namespace IntakeCodes {
// Each: every value in order, the stable code, the parsed code, the translated label.
QList<EmotionLevel> emotionLevels();
QString code(EmotionLevel v);
std::optional<EmotionLevel> emotionFromCode(const QString& code);
QString label(EmotionLevel v);

QList<Severity> severities();
QString code(Severity v);
std::optional<Severity> severityFromCode(const QString& code);
QString label(Severity v);

QList<ImpactScope> scopes();
QString code(ImpactScope v);
std::optional<ImpactScope> scopeFromCode(const QString& code);
QString label(ImpactScope v);

QList<Recurrence> recurrences();
QString code(Recurrence v);
std::optional<Recurrence> recurrenceFromCode(const QString& code);
QString label(Recurrence v);

QList<Reasonableness> reasonablenessLevels();
QString code(Reasonableness v);
std::optional<Reasonableness> reasonablenessFromCode(const QString& code);
QString label(Reasonableness v);

QList<Responsibility> responsibilities();
QString code(Responsibility v);
std::optional<Responsibility> responsibilityFromCode(const QString& code);
QString label(Responsibility v);

QList<Remedy> remedies();
QString code(Remedy v);
std::optional<Remedy> remedyFromCode(const QString& code);
QString label(Remedy v);
/** Remedies as stored: codes joined by ',' in enum order; unknown codes are dropped on parse. */
QString codes(const QList<Remedy>& remedies);
QList<Remedy> remediesFromCodes(const QString& codes);

QList<ScriptStep> scriptSteps();
QString code(ScriptStep v);
std::optional<ScriptStep> scriptStepFromCode(const QString& code);
QString label(ScriptStep v);
} // namespace IntakeCodes

/** Page 2 (确认事实): the facts as the citizen confirmed them. Case::facts keeps the composed restatement. */
struct IntakeFacts
{
    QString what;                ///< what happened
    QString when;                ///< when, as the citizen said it ("今天上午十点左右") or a date-time text
    QString where;               ///< where in the hall or elsewhere
    QString involved;            ///< who was involved: a staff member's name or role, free text
    qint64 involvedWindowId = 0; ///< or the window involved; 0 = none
};

/** Page 3 (确认影响). Case::impact keeps the composed restatement. */
struct IntakeImpact
{
    QString affected; ///< who is affected
    std::optional<Severity> severity;
    std::optional<ImpactScope> scope;
    std::optional<Recurrence> recurrence;
    QString demand; ///< the citizen's demand (诉求)
    std::optional<Reasonableness> reasonableness;
    std::optional<Responsibility> responsibility;
};

/** Page 4 (说明步骤). Case::steps keeps the next steps; Case::promisedAt the promised time. */
struct IntakeSteps
{
    QList<Remedy> remedies;
    QString remedyNote;    ///< what "other" was, or details of the remedy given
    QString promiseReason; ///< required when the promised time is later than the SLA allows
    QString replyText;     ///< the reply to the citizen as assembled from the scripts and edited by the clerk
};

/** The intake's extra fields, kept on the case (columns added by the intake migration). */
struct IntakeDetail
{
    std::optional<EmotionLevel> emotion;
    IntakeFacts facts;
    IntakeImpact impact;
    IntakeSteps steps;
    bool resolvedOnSpot = false; ///< 当场办结: closed in the same flow with its remedy
    QString queueTicket;         ///< the queue ticket the waited minutes came from, if any
};

/** When each confirmation was made during the intake; each becomes its own timeline event with that time. */
struct IntakeConfirmations
{
    QDateTime acknowledgedAt; ///< "feelings acknowledged" pressed on page 1 (required)
    QDateTime factsConfirmedAt;
    QDateTime impactConfirmedAt;
    QDateTime stepsExplainedAt;
};
