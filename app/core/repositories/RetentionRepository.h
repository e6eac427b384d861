#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

/**
 * The storage side of the retention purge (issue 17, RetentionService): which citizens are due, the free text of
 * their cases' records that may name them, and the erasure of the citizen's own row. The cases' own texts go
 * through CaseRepository (so that the search index follows them).
 */
class RetentionRepository
{
public:
    virtual ~RetentionRepository() = default;

    /** One free-text value of a record that belongs to a case (an event's note, a transfer's reason …). */
    struct Text
    {
        QString table;  ///< one of the tables the repository lists, never user input
        QString column; ///< likewise
        qint64 rowId = 0;
        qint64 caseId = 0;
        QString text;
    };

    /** A citizen due for the purge, with how many cases they have. */
    struct Due
    {
        qint64 citizenId = 0;
        qint64 cases = 0;
    };

    /**
     * The citizens not purged yet who have cases and whose cases are all closed before `closedBefore` (seconds
     * since the epoch), lowest id first. One pass over the cases, whatever their number. (Their personal data:
     * CaseRepository::citizen.)
     */
    virtual Result<QList<Due>> due(qint64 closedBefore) = 0;
    /** How many citizens the purge has erased so far. */
    virtual Result<qint64> purgedCount() = 0;
    /** The ids of the citizen's cases. */
    virtual Result<QList<qint64>> caseIds(qint64 citizenId) = 0;
    /** Every non-empty free text of the records of those cases (events, follow-ups, transfers, pauses …). */
    virtual Result<QList<Text>> recordTexts(const QList<qint64>& caseIds) = 0;
    /** Writes texts back (table, column and row as read). */
    virtual Status rewrite(const QList<Text>& texts) = 0;
    /** Clears the citizen's name, phone, ID number and address and marks the row purged at `purgedAt`. */
    virtual Status erase(qint64 citizenId, qint64 purgedAt) = 0;
};
