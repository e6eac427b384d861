#pragma once

#include "cases/CaseStatus.h"
#include "common/Ref.h"
#include "metrics/Metrics.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

struct Case;
namespace Dashboard {
struct SystemicAlert;
}

/** Where an improvement action (整改措施) stands; the stored codes are stable. */
enum class ImprovementStatus
{
    Open,       ///< "open"
    InProgress, ///< "in_progress"
    Done,       ///< "done": done_at is set
    Cancelled,  ///< "cancelled"
};

namespace ImprovementStatuses {
QList<ImprovementStatus> all();
QString code(ImprovementStatus status);
std::optional<ImprovementStatus> fromCode(const QString& code);
QString label(ImprovementStatus status);
/** Open or in progress: the actions that can be overdue. */
bool isActive(ImprovementStatus status);
} // namespace ImprovementStatuses

/** Where an action came from. */
enum class ImprovementSource
{
    Manual, ///< "manual"
    Alert,  ///< "alert": a systemic alert of the dashboard
    Case,   ///< "case": opened from one case
};

namespace ImprovementSources {
QString code(ImprovementSource source);
std::optional<ImprovementSource> fromCode(const QString& code);
QString label(ImprovementSource source);
} // namespace ImprovementSources

/** The six bones of the fishbone diagram (鱼骨图, 人机料法环测). */
enum class FishboneBranch
{
    People,      ///< 人
    Machine,     ///< 机: machines, equipment, systems
    Material,    ///< 料: materials, documents
    Method,      ///< 法: methods, process
    Environment, ///< 环
    Measurement, ///< 测
};
constexpr int kFishboneBranches = 6;

namespace FishboneBranches {
QList<FishboneBranch> all();
QString code(FishboneBranch branch);
std::optional<FishboneBranch> fromCode(const QString& code);
/** "People (人)". */
QString label(FishboneBranch branch);
/** The one character of 人机料法环测. */
QString hanzi(FishboneBranch branch);
} // namespace FishboneBranches

/** One step of the 5-whys chain. */
struct Why
{
    QString question;
    QString answer;
    bool operator==(const Why& other) const = default;
};

/** The 5-whys analysis: the ordered whys, the root cause found and the countermeasure against it. */
struct FiveWhys
{
    QList<Why> whys;
    QString rootCause;
    QString countermeasure;
    bool isEmpty() const { return whys.isEmpty() && rootCause.isEmpty() && countermeasure.isEmpty(); }
    bool operator==(const FiveWhys& other) const = default;
};

/** One cause on a bone, with its sub-causes (one level). */
struct FishboneCause
{
    QString text;
    QStringList subCauses;
    bool operator==(const FishboneCause& other) const = default;
};

/** The fishbone: the problem at its head and the causes on each of the six bones. */
struct Fishbone
{
    QString problem;
    std::array<QList<FishboneCause>, kFishboneBranches> branches;

    QList<FishboneCause>& causes(FishboneBranch b) { return branches[static_cast<int>(b)]; }
    const QList<FishboneCause>& causes(FishboneBranch b) const { return branches[static_cast<int>(b)]; }
    int causeCount() const;
    bool isEmpty() const { return problem.isEmpty() && causeCount() == 0; }
    bool operator==(const Fishbone& other) const = default;
};

/** One action of the improvement register. */
struct ImprovementAction
{
    qint64 id = 0;
    QString title;
    QString description;
    Ref owner; ///< the owner department
    QDate deadline;
    ImprovementStatus status = ImprovementStatus::Open;
    Ref category;    ///< id 0 = none
    Ref serviceItem; ///< id 0 = none
    ImprovementSource source = ImprovementSource::Manual;
    QDateTime createdAt;
    Ref createdBy;
    QDateTime updatedAt;
    QDateTime doneAt;
    int version = 1;
    int linkedCases = 0;    ///< filled in by lists and find()
    QString rootCause;      ///< the 5 whys' result (stored on the action)
    QString countermeasure; ///< the 5 whys' countermeasure
    QString problem;        ///< the fishbone's head

    /** Open or in progress with a deadline before `today`. */
    bool isOverdue(const QDate& today) const
    {
        return ImprovementStatuses::isActive(status) && deadline.isValid() && deadline < today;
    }
};

/** A case an action is linked to, as the action dialog lists it. */
struct LinkedCase
{
    qint64 caseId = 0;
    QString caseNo;
    CaseStatus status = CaseStatus::Received;
    QDateTime receivedAt;
    QString category;
    QString serviceItem;
};

/** An action with everything the dialog shows. */
struct ImprovementDetail
{
    ImprovementAction action;
    QList<LinkedCase> cases;
    FiveWhys whys;
    Fishbone fishbone;
};

/** What a user fills in: the fields of a new action or the edited ones of a stored one. */
struct ImprovementDraft
{
    QString title;
    QString description;
    qint64 ownerDepartmentId = 0;
    QDate deadline;
    qint64 categoryId = 0;
    qint64 serviceItemId = 0;
    ImprovementSource source = ImprovementSource::Manual;
    QList<qint64> caseIds; ///< the cases to link (create) or the full set of linked cases (save)
    FiveWhys whys;
    Fishbone fishbone;
};

/** The register's filters. */
struct ImprovementFilter
{
    std::optional<ImprovementStatus> status;
    bool activeOnly = false;  ///< open or in progress
    bool overdueOnly = false; ///< active with deadline < today
    qint64 categoryId = 0;    ///< 0 = any
    QDate today;              ///< for overdueOnly
    int limit = 1000;
};

/** One side of the effect check: the action's category and item over whole days. */
struct EffectPeriod
{
    QDate from;
    QDate to;
    qint64 cases = 0;
    std::optional<double> casesPerWeek; ///< nullopt for an empty range
    std::optional<double> csat;
    int csatN = 0;
    int days() const { return from.isValid() && to.isValid() && from <= to ? int(from.daysTo(to)) + 1 : 0; }
};

/** The effect check: N weeks before the action's creation against the N weeks after (or until today). */
struct EffectCheck
{
    int weeks = 8;
    EffectPeriod before;
    EffectPeriod after;
    /** after/before − 1 for cases per week; nullopt when either side has no days or before had no cases. */
    std::optional<double> casesChange() const;
    /** after − before CSAT (points 0–1); nullopt when either is null. */
    std::optional<double> csatChange() const;
    /** A plain sentence: "Fewer cases per week since the action (−35 %)." */
    QString casesSentence() const;
    QString csatSentence() const;
};

namespace Improvements {
constexpr int kMaxTitleChars = 200;
constexpr int kMaxDescriptionChars = 4000;
constexpr int kMaxWhys = 7;
constexpr int kMaxWhyChars = 500;
constexpr int kMaxRootCauseChars = 1000;
constexpr int kMaxProblemChars = 200;
constexpr int kMaxCausesPerBranch = 12;
constexpr int kMaxSubCauses = 8;
constexpr int kMaxCauseChars = 200;
constexpr int kMaxLinkedCases = 500;
constexpr int kDefaultEffectWeeks = 8;

/**
 * The fields an action from a systemic alert starts with: title "<category> · <item>: repeated complaints", the
 * category, item and the alert's cases; deadline 30 days after `today`; source Alert.
 */
ImprovementDraft draftFromAlert(const Dashboard::SystemicAlert& alert, const QDate& today);

/**
 * The fields an action opened from one case starts with (a supervisor who sees a systemic cause behind it): title
 * "<category> · <item>: systemic cause", the case's category and item, the case linked, its number and summary in
 * the description; deadline 30 days after `today`; source Case.
 */
ImprovementDraft draftFromCase(const Case& c, const QDate& today);

/** Trimmed copies: texts trimmed, empty whys, causes and sub-causes dropped. */
FiveWhys normalized(const FiveWhys& whys);
Fishbone normalized(const Fishbone& fishbone);

/** A translated message for the first problem, or an empty string. Validates normalized values. */
QString validateFields(const ImprovementDraft& draft);
QString validateWhys(const FiveWhys& whys);
QString validateFishbone(const Fishbone& fishbone);

/** The days before and after the creation day `created` that the effect check compares, clipped to `today`. */
EffectPeriod beforePeriod(const QDate& created, int weeks);
EffectPeriod afterPeriod(const QDate& created, int weeks, const QDate& today);
/** Fills a period's figures from the metrics engine's figures over its days. */
void fill(EffectPeriod& period, const Metrics::Figures& figures);
} // namespace Improvements
