#pragma once

#include "cases/CaseEvent.h"
#include "cases/CaseStatus.h"
#include "cases/FollowUp.h"
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
    std::optional<FollowUpRecord> followUp;
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
};

} // namespace Demo
