#pragma once

#include "cases/CaseStatus.h"
#include "cases/Citizen.h"
#include "cases/Intake.h"
#include "cases/Transfer.h" // transfer (issue 12)
#include "common/Ref.h"
#include "risk/RiskResult.h" // RiskLevel (issue 16)

#include <QDateTime>
#include <QString>

#include <optional>

/** One complaint and everything the desk learned and promised about it. Personal data lives in Citizen. */
struct Case
{
    qint64 id = 0;
    QString caseNo; ///< QT-YYYYMMDD-NNNN, unique per database
    CaseStatus status = CaseStatus::Received;
    Channel channel = Channel::Window;

    Ref window;
    Ref serviceItem;
    Ref category;
    Ref department; ///< the responsible unit
    Ref assignee;   ///< the user working the case
    Ref createdBy;

    qint64 citizenId = 0; ///< 0 = anonymous complaint
    std::optional<int> waitedMinutes;

    QString complaintText; ///< in the citizen's own words
    QString facts;
    QString impact;
    QString steps;

    QDateTime receivedAt;
    QDateTime acknowledgedAt;
    QDateTime answeredAt; ///< a concrete solution or timetable was given
    QDateTime promisedAt; ///< the time promised to the citizen
    QDateTime dueAt;      ///< the deadline the desk works to
    QDateTime resolvedAt;
    QDateTime followedUpAt;
    QDateTime closedAt;
    QDateTime updatedAt;

    int version = 0; ///< bumped by every update; a stale copy cannot overwrite a newer one
    int transferCount = 0;
    int escalationLevel = 0;
    std::optional<int> rating; ///< 好差评 1-5
    std::optional<int> nps;    ///< 0-10

    IntakeDetail intake; ///< what the guided intake confirmed (emotion, facts, impact, steps); empty for old cases

    // --- issue 12, helper "sla" ---
    QDateTime pausedAt; ///< the SLA clocks stopped at (an open case_pauses row); invalid while they run
    // followup (issue 12): follow-up attempts, the unreachable mark, a rating left out of the figures by an appeal.
    int followUpAttempts = 0;    ///< failed follow-up attempts since the case was last resolved
    QDateTime unreachableAt;     ///< marked unreachable (失联) after the policy's number of failed attempts
    bool ratingExcluded = false; ///< an approved appeal (申诉复核) left the current rating out of CSAT and NPS
    // supervise (issue 12): reminders (督办) a supervisor sent; SuperviseService::remind writes them.
    int reminderLevel = 0; ///< reminders sent so far: the escalation the assignee sees
    QDateTime remindedAt;  ///< the last reminder
    // --- transfer (issue 12): sign-for and extensions (TransferService, ExtensionService) ---
    TransferState transferState = TransferState::None; ///< the latest transfer: awaiting sign-for, signed, returned
    QDateTime extendedDueAt; ///< the approved extension's date (延期); the resolve clock follows it; empty = none

    // Public-opinion risk (issue 16): the latest score of the text and facts, written by the service that scored it.
    std::optional<int> riskScore;       ///< 0-100; empty = never scored (cases older than the risk scorer)
    std::optional<RiskLevel> riskLevel; ///< empty = never scored
    QStringList riskSignals;            ///< the codes that fired, CLI.md's spelling ("media", "legal" …)

    bool isAnonymous() const { return citizenId == 0; }
    /** Still owed to the citizen (not yet resolved) and past its due time. */
    bool isOverdue(const QDateTime& now) const
    {
        return CaseStatuses::isOpen(status) && dueAt.isValid() && dueAt < now;
    }
    /** The first line of the complaint, for lists. */
    QString summary(int maxChars = 80) const;
};

/** What the intake collects before a case exists; the service turns it into a Case. */
struct CaseDraft
{
    Channel channel = Channel::Window;
    qint64 windowId = 0;
    qint64 serviceItemId = 0;
    qint64 categoryId = 0;
    qint64 departmentId = 0;
    std::optional<int> waitedMinutes;
    QString complaintText;
    QString facts;
    QString impact;
    QString steps;
    QDateTime promisedAt;
    QDateTime receivedAt; ///< empty = now
    Citizen citizen;      ///< empty = anonymous
};
