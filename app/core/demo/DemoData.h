#pragma once

#include "cases/CaseEvent.h"
#include "cases/CaseStatus.h"
#include "cases/FollowUp.h"
#include "cases/Intake.h"
#include "sla/SlaEngine.h"
#include "users/Role.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

/**
 * The demo generator's output, in the shape the bulk writer stores it. Times are seconds since the epoch (0 = none);
 * users and citizens are indexes that the writer maps to database ids.
 */
namespace Demo {

/** One of the demo accounts (demo_clerk01, demo_supervisor01, ...). */
struct User
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
};

struct Citizen
{
    QString name;
    QString phone;
    QString idNumber;
    QString address;
    qint64 createdAt = 0;
};

struct Event
{
    qint64 at = 0;
    CaseEventKind kind = CaseEventKind::NoteAdded;
    int actor = 0; ///< index into the users
    std::optional<CaseStatus> from;
    std::optional<CaseStatus> to;
    QString note;
};

struct FollowUpRecord
{
    qint64 at = 0;
    FollowUpMethod method = FollowUpMethod::Phone;
    int rating = 5;
    int nps = -1; ///< -1 = not asked
    QString note;
    int actor = 0;
    bool excluded = false; ///< left out of the figures by an approved appeal
};

/** The closed loop of issue 12: what the writer stores beside the case row (migrations 0014–0018). */

/** One transfer (转办) with its sign-for (签收) or return (退回); departments are ids. */
struct Transfer
{
    enum class State : signed char
    {
        AwaitingSign,
        Signed,
        Returned,
    };
    qint64 fromDepartmentId = 0;
    qint64 toDepartmentId = 0;
    QString reason;
    qint64 at = 0;
    int by = 0; ///< user index
    State state = State::AwaitingSign;
    qint64 decidedAt = 0; ///< 0 while awaiting sign-for
    int decidedBy = 0;
    QString note; ///< the return's reason, or the sign-for's optional words
};

/** One stop of the SLA clocks (补正材料 / third party); to = 0 while it lasts. */
struct Pause
{
    SlaPauseKind kind = SlaPauseKind::Citizen;
    QString reason;
    qint64 from = 0;
    qint64 to = 0;
    int by = 0;
    int resumedBy = -1; ///< -1 while it lasts
    QString resumeNote;
};

/** An extension request (延期) and its decision. */
struct Extension
{
    enum class State : signed char
    {
        Pending,
        Approved,
        Refused,
    };
    qint64 requestedAt = 0;
    int by = 0;
    QString reason;
    qint64 previousDueAt = 0;
    qint64 requestedDueAt = 0;
    State state = State::Pending;
    qint64 decidedAt = 0;
    int decidedBy = 0;
    QString note; ///< required for a refusal
};

/** A follow-up attempt that did not reach the citizen. */
struct Attempt
{
    qint64 at = 0;
    FollowUpMethod method = FollowUpMethod::Phone;
    QString note;
    int actor = 0;
};

/** 差评整改 after a bad rating of the first follow-up; stage 0 verify … 3 second follow-up, 4 done. */
struct Rectification
{
    int badRating = 1;
    int stage = 0;
    qint64 startedAt = 0;
    qint64 dueAt = 0;
    qint64 verifiedAt = 0;
    QString verifyNote;
    qint64 rectifiedAt = 0;
    QString rectifyNote;
    qint64 feedbackAt = 0;
    QString feedbackNote;
    qint64 secondDueAt = 0;
    qint64 doneAt = 0; ///< the second follow-up (the case's followUps[1])
    int startedBy = 0;
};

/** 申诉复核 of the first follow-up's rating: asked by one supervisor, decided by another. */
struct Appeal
{
    enum class State : signed char
    {
        Pending,
        Approved,
        Refused,
    };
    int rating = 1;
    bool malicious = false; ///< reason kind: malicious, else mistaken
    QString reason;
    int by = 0;
    qint64 at = 0;
    State state = State::Pending;
    int decidedBy = 0;
    qint64 decidedAt = 0;
    QString note;
};

struct Case
{
    QDate day; ///< the day of received_at (local): the case number counts per day
    CaseStatus status = CaseStatus::Received;
    Channel channel = Channel::Window;
    qint64 windowId = 0;
    qint64 serviceItemId = 0;
    qint64 categoryId = 0;
    qint64 departmentId = 0; ///< the department after the last transfer
    int assignee = 0;        ///< user index
    int createdBy = 0;       ///< user index
    qint64 citizen = -1;     ///< run-wide citizen index; -1 = anonymous
    int waitedMinutes = -1;  ///< -1 = not recorded
    QString complaintText;
    QString facts;
    QString impact;
    QString steps;
    /**
     * The distinct search grams of complaintText, facts, impact and steps, space-separated (SearchGrams::joined);
     * the writer adds the grams of the case number, which the generator does not know.
     */
    QString searchGrams;
    qint64 receivedAt = 0;
    qint64 acknowledgedAt = 0;
    qint64 answeredAt = 0;
    qint64 promisedAt = 0;
    qint64 dueAt = 0;
    qint64 resolvedAt = 0;
    qint64 followedUpAt = 0;
    qint64 closedAt = 0;
    qint64 updatedAt = 0;
    int transferCount = 0;
    int escalationLevel = 0;
    int rating = -1; ///< -1 = none
    int nps = -1;
    QList<Event> events;
    /** The follow-ups that reached the citizen: the first, and the second after a rectification. */
    QList<FollowUpRecord> followUps;

    // The closed loop (issue 12).
    QList<Transfer> transfers; ///< in order; transferCount of them
    QList<Pause> pauses;       ///< in order, not overlapping; only the last may be open
    std::optional<Extension> extension;
    qint64 extendedDueAt = 0; ///< the approved extension's date
    QList<Attempt> attempts;  ///< failed follow-up attempts, in order
    int followUpAttempts = 0; ///< cases.followup_attempts: failed attempts since the last resolution
    qint64 unreachableAt = 0;
    std::optional<Rectification> rectification;
    std::optional<Appeal> appeal;
    bool ratingExcluded = false;
    int reminderLevel = 0;
    qint64 remindedAt = 0;

    /**
     * The guided intake (issue 11, migration 0011): what the clerk recorded on a case taken through it; all empty
     * (NULL codes) on the others. Codes are the final ones as of the run's end (to_verify until verified).
     */
    IntakeDetail intake;

    qint64 pausedAt() const { return !pauses.isEmpty() && pauses.constLast().to == 0 ? pauses.constLast().from : 0; }
};

/** One ticket of the hall's queue system (FORMATS.md import-queue). */
struct QueueVisit
{
    QString ticket;
    QDate day;
    qint64 serviceItemId = 0;
    qint64 windowId = 0; ///< 0 = never called
    qint64 issuedAt = 0;
    qint64 calledAt = 0;   ///< 0 = left before being called
    qint64 finishedAt = 0; ///< 0 = not recorded
};

/** Whole days of generated data, written in one transaction. Citizens are numbered from firstCitizen on. */
struct Batch
{
    qint64 firstCitizen = 0;
    QList<Citizen> citizens;
    QList<Case> cases;
    QList<QueueVisit> visits;
    int events() const
    {
        int n = 0;
        for (const auto& c : cases) {
            n += int(c.events.size());
        }
        return n;
    }
};

/** What a run wrote. */
struct Counts
{
    qint64 cases = 0;
    qint64 events = 0;
    qint64 followUps = 0;
    qint64 queueVisits = 0;
    qint64 citizens = 0;
    qint64 usersCreated = 0;
    qint64 improvements = 0; ///< register (issue 14): improvement actions written at the end of the run
};

} // namespace Demo
