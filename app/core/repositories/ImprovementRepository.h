#pragma once

#include "common/Result.h"
#include "improvement/Improvement.h"
#include "metrics/Metrics.h"

#include <QList>

/**
 * Storage of the improvement register (issue 14, helper "register"): actions, their linked cases, 5-whys chains and
 * fishbones (migration 0022_improvement), and the inputs of an action's effect check. Callers hold the transaction;
 * ImprovementService checks permissions and validates first.
 */
class ImprovementRepository
{
public:
    virtual ~ImprovementRepository() = default;

    /** Inserts the action (id 0) and returns its id. */
    virtual Result<qint64> insert(const ImprovementAction& action) = 0;
    /** Writes every field of a stored action, including its version, updated and done times. */
    virtual Status update(const ImprovementAction& action) = 0;
    /** The action with its names and linked-case count; NotFound if there is none. */
    virtual Result<ImprovementAction> find(qint64 id) = 0;
    /** The register: by deadline (soonest first), then id. */
    virtual Result<QList<ImprovementAction>> list(const ImprovementFilter& filter) = 0;

    virtual Result<QList<LinkedCase>> linkedCases(qint64 actionId) = 0;
    /** Links a case; linking a linked case again changes nothing. */
    virtual Status linkCase(qint64 actionId, qint64 caseId) = 0;
    virtual Status unlinkCase(qint64 actionId, qint64 caseId) = 0;

    /** The ordered whys (rootCause and countermeasure are on the action). */
    virtual Result<QList<Why>> whys(qint64 actionId) = 0;
    virtual Status replaceWhys(qint64 actionId, const QList<Why>& whys) = 0;
    /** The causes on the bones (the problem is on the action). */
    virtual Result<Fishbone> causes(qint64 actionId) = 0;
    virtual Status replaceCauses(qint64 actionId, const Fishbone& fishbone) = 0;

    /**
     * The cases of one category and service item (0 = none recorded) received in the period, with what the
     * figures need (Metrics::compute): the effect check's input. Queue visits and recurrence are not read.
     */
    virtual Result<Metrics::Input> effectInput(qint64 categoryId, qint64 serviceItemId,
                                               const Metrics::Period& period) = 0;
    /**
     * The change counter: the sum of the actions' versions, which every insert and every update (a new version)
     * makes grow; 0 for an empty register.
     */
    virtual Result<qint64> changeStamp() = 0;
    /** The newest cases of a category and service item received in [from, to), newest first (demo data). */
    virtual Result<QList<qint64>> recentCases(qint64 categoryId, qint64 serviceItemId, const QDateTime& from,
                                              const QDateTime& to, int limit) = 0;
};
