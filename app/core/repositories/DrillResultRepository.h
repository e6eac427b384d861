#pragma once

#include "common/Result.h"
#include "training/Training.h"

#include <QList>

/**
 * Storage of the trainees' drill results (issue 15, helper "drill15"; migration 0025_drill_results): the result row,
 * its answers and its criterion scores. Callers hold the transaction; DrillService checks permissions first.
 */
class DrillResultRepository
{
public:
    virtual ~DrillResultRepository() = default;

    /** Inserts the result (id 0) with its answers and scores; points and max_points are its sums. Returns the id. */
    virtual Result<qint64> insert(const DrillResult& result) = 0;
    /** The result with its answers and scores (stages in DrillStage order); NotFound if there is none. */
    virtual Result<DrillResult> find(qint64 id) = 0;
    /** The result rows of the filter, newest first (by finished time, then id). */
    virtual Result<QList<DrillResultSummary>> list(const DrillResultFilter& filter) = 0;
    /**
     * Per criterion: answers scored on it and how many below the maximum, of drills finished in [from, to) (invalid =
     * open) by one trainee (0 = everyone).
     */
    virtual Result<QList<MissedCriterion>> missedCriteria(const QDateTime& from, const QDateTime& to,
                                                          qint64 traineeId) = 0;
    /** Everyone who has a stored result (id and display name, the login when the account has none), by name. */
    virtual Result<QList<Ref>> trainees() = 0;
};
