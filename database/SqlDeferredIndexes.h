#pragma once

#include "SqlSupport.h"

#include <QStringList>

/**
 * Secondary indexes set aside while a bulk writer fills empty tables (SQLite, `demo` on a new file), and built
 * once when every row is there: one scan and sort per index instead of a million inserts into each B-tree. A deferred
 * index is recorded in qingting_meta ('deferred_index:NAME' = its CREATE statement) in the transaction that drops it,
 * so a run that stops half-way leaves a file that builds them again when it is next opened (Database::open calls
 * restore()). UNIQUE indexes are never deferred: they are constraints, not only access paths.
 */
namespace SqlDeferredIndexes {

/**
 * Drops the non-unique indexes of `tables` except those named in `keep` (the ones the writer's own statements
 * read while it writes), recording each in qingting_meta; its own transaction. Returns how many it deferred.
 */
Result<int> defer(const SqlContext& sql, const QStringList& tables, const QStringList& keep);

/** Builds every index recorded as deferred and clears the records; inside the caller's write transaction. */
Result<int> restore(const SqlContext& sql);

/** Whether any index waits for restore() (a cheap read, no lock). */
Result<bool> pending(const SqlContext& sql);

} // namespace SqlDeferredIndexes
