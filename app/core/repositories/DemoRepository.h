#pragma once

#include "common/Result.h"
#include "demo/DemoData.h"

#include <QList>

/**
 * The bulk side of `demo`: stores generated batches fast (statements prepared once, reused for every row) inside
 * the caller's write transaction. Case numbers continue the per-day counters in case_counters; each case is
 * written with its search-index row, so every committed batch is whole (a cancelled run leaves nothing to repair).
 */
class DemoRepository
{
public:
    virtual ~DemoRepository() = default;

    /** How many cases the database holds. */
    virtual Result<qint64> caseCount() = 0;
    /** Bulk settings for the run (outside any transaction); endBulk() restores the normal ones. */
    virtual Status beginBulk() = 0;
    virtual void endBulk() = 0;
    /** Writes one batch inside the open transaction; `users` maps the batch's user indexes to accounts. */
    virtual Result<Demo::Counts> write(const Demo::Batch& batch, const QList<Demo::User>& users) = 0;
    /**
     * Every row is written: completes what the run deferred (the SQLite writer's indexes), inside the last
     * batch's transaction and before anything reads the new rows by other paths (the improvement actions).
     */
    virtual Status finishRows() = 0;
};
