#pragma once

#include "cases/FollowUp.h"
#include "common/Ref.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

/**
 * The closed loop after handling (issue 12, helper "followup"): follow-up attempts that did not reach the citizen,
 * the rectification after a bad review (差评整改), appeals against a rating (申诉复核) and the figures the ratings
 * make. Plain data; FollowUpService holds the rules.
 */

/** A follow-up call, message or visit that did not reach the citizen. */
struct FollowUpAttempt
{
    qint64 id = 0;
    qint64 caseId = 0;
    QDateTime at;
    FollowUpMethod method = FollowUpMethod::Phone;
    QString note;
    Ref actor;
};

/** What a rectification still has to do, in order: 核实 → 整改 → 反馈 → 二次回访 → done. */
enum class RectificationStage
{
    Verify,         ///< 核实: check what the citizen was unhappy about
    Rectify,        ///< 整改: put it right
    Feedback,       ///< 反馈: tell the citizen what was done (the case is resolved again)
    SecondFollowUp, ///< 二次回访: call the citizen back for a new rating
    Done,
};

namespace RectificationStages {
QString code(RectificationStage stage);
std::optional<RectificationStage> fromCode(const QString& code);
/** What the stage asks for, for people ("Verify the complaint"). */
QString label(RectificationStage stage);
/** The stage's name on the timeline, the same in every UI language (核实, 整改, 反馈). */
QString fact(RectificationStage stage);
} // namespace RectificationStages

/** One rectification after a bad review. */
struct Rectification
{
    qint64 id = 0;
    qint64 caseId = 0;
    qint64 followUpId = 0; ///< the follow-up with the bad rating (kept as it was)
    int badRating = 0;
    RectificationStage stage = RectificationStage::Verify;
    QDateTime startedAt;
    QDateTime dueAt; ///< rectifyWorkingDays working days after the bad review
    QDateTime verifiedAt;
    QString verifyNote;
    QDateTime rectifiedAt;
    QString rectifyNote;
    QDateTime feedbackAt;
    QString feedbackNote;
    QDateTime secondDueAt; ///< the second follow-up is owed by then (secondFollowUpWorkingDays after feedback)
    qint64 secondFollowUpId = 0;
    QDateTime doneAt;
    QString startedBy;

    bool isOpen() const { return stage != RectificationStage::Done; }
};

/** Why a supervisor asks that a rating be left out of the figures. */
enum class AppealReason
{
    Mistaken,  ///< 误评: the citizen meant another case, another hall, pressed the wrong key
    Malicious, ///< 恶意差评: the rating is not about the service (threats, demands outside the law)
};

namespace AppealReasons {
QString code(AppealReason reason);
std::optional<AppealReason> fromCode(const QString& code);
QString label(AppealReason reason);
} // namespace AppealReasons

enum class AppealState
{
    Pending,
    Approved,
    Refused,
};

namespace AppealStates {
QString code(AppealState state);
std::optional<AppealState> fromCode(const QString& code);
QString label(AppealState state);
} // namespace AppealStates

/** An appeal against a rating (申诉复核): asked by one supervisor, decided by another. */
struct RatingAppeal
{
    qint64 id = 0;
    qint64 caseId = 0;
    qint64 followUpId = 0; ///< 0 = a rating given by the no-rating rule
    int rating = 0;
    AppealReason reasonKind = AppealReason::Mistaken;
    QString reason;
    Ref requestedBy;
    QDateTime requestedAt;
    AppealState state = AppealState::Pending;
    Ref decidedBy;
    QDateTime decidedAt;
    QString decisionNote;
};

/** Everything the follow-up panel of one case shows. */
struct FollowUpRecord
{
    QList<FollowUp> followUps; ///< every rating given, oldest first (an appealed one has excluded = true)
    QList<FollowUpAttempt> attempts;
    std::optional<Rectification> rectification; ///< the latest one, if any
    QList<RatingAppeal> appeals;                ///< oldest first

    const RatingAppeal* pendingAppeal() const
    {
        for (const auto& a : appeals) {
            if (a.state == AppealState::Pending) {
                return &a;
            }
        }
        return nullptr;
    }
};

/**
 * CSAT and NPS over the cases received in a period, as `qingting-cli stats` defines them (docs/CLI.md): a case's
 * current rating counts unless an approved appeal left it out.
 */
struct RatingFigures
{
    int csatN = 0;      ///< rated cases that count
    int satisfied = 0;  ///< of those, rated 4 or 5
    int npsN = 0;       ///< cases with an NPS answer that count
    int promoters = 0;  ///< 9-10
    int detractors = 0; ///< 0-6
    int excludedN = 0;  ///< rated cases left out by an approved appeal
    double csat() const { return csatN ? double(satisfied) / csatN : 0.0; }
    double nps() const { return npsN ? 100.0 * (promoters - detractors) / npsN : 0.0; }
};
