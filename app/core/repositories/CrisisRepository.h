#pragma once

#include "common/Result.h"
#include "crisis/Crisis.h"

#include <QList>

/**
 * Storage of crisis mode (issue 16 part B, migration 0027_crisis): crises, the cases they cover, the checklist, the
 * published statements and the review. Callers hold the transaction; CrisisService checks permissions and validates.
 */
class CrisisRepository
{
public:
    virtual ~CrisisRepository() = default;

    /** Inserts the crisis (id 0) and returns its id. */
    virtual Result<qint64> insert(const Crisis& crisis) = 0;
    /** Adds a case; Conflict when the case is in another open crisis (crisis_cases_one_open). */
    virtual Status addCase(qint64 crisisId, qint64 caseId) = 0;
    /** The crisis with its case count; NotFound if there is none. */
    virtual Result<Crisis> find(qint64 id) = 0;
    /** Open crises (oldest first), or all of them newest first; at most `limit`. */
    virtual Result<QList<Crisis>> list(bool openOnly, int limit) = 0;
    /** The open crisis covering the case, or else its latest closed one; 0 = none. */
    virtual Result<qint64> crisisOfCase(qint64 caseId) = 0;
    /** The open crisis covering the case; 0 = none. */
    virtual Result<qint64> openCrisisOfCase(qint64 caseId) = 0;

    virtual Result<QList<CrisisCase>> cases(qint64 crisisId) = 0;
    virtual Result<QList<CrisisStepRecord>> steps(qint64 crisisId) = 0;
    /** Records a step; Conflict when it was recorded already. */
    virtual Status addStep(qint64 crisisId, const CrisisStepRecord& step) = 0;
    virtual Status setSpokesperson(qint64 crisisId, const QString& name) = 0;

    virtual Result<QList<CrisisStatement>> statements(qint64 crisisId) = 0;
    virtual Result<qint64> addStatement(const CrisisStatement& statement) = 0;
    /** Sets statement_at when it is not set yet (the first statement stops the clock); a later call changes nothing. */
    virtual Status markFirstStatement(qint64 crisisId, const QDateTime& at) = 0;

    /** Closes the crisis and releases its cases (they may be in a new crisis afterwards). */
    virtual Status close(qint64 crisisId, const QDateTime& at, const Ref& by, const QString& note) = 0;

    /** The review, or nullopt. */
    virtual Result<std::optional<CrisisReview>> review(qint64 crisisId) = 0;
    virtual Status saveReview(qint64 crisisId, const CrisisReview& review) = 0;
};
