#pragma once

#include "SqlSupport.h"
#include "repositories/DemoRepository.h"

#include <QHash>

#include <memory>
#include <vector>

class BulkStatement;

/**
 * Bulk insert of demo batches. Every INSERT is prepared once and reused (bind, step, reset). On SQLite it talks to
 * the connection's own sqlite3 handle (QSqlDriver::handle(), the system SQLite that Qt's plugin links), which skips
 * Qt SQL's per-row QVariant work, and relaxes durability for the run (see beginBulk); on PostgreSQL it uses
 * prepared QSqlQuery statements. Case numbers continue case_counters per day.
 */
class SqlDemoWriter final : public DemoRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlDemoWriter)

public:
    explicit SqlDemoWriter(const SqlContext& sql);
    ~SqlDemoWriter() override;

    Result<qint64> caseCount() override;
    /**
     * SQLite: synchronous=OFF (a crash of the machine, not of the process, may lose the last batches: acceptable
     * for demo data), a 256 MB page cache, temp tables in memory, foreign-key checks off (the generator only refers
     * to rows it wrote or read; `verify` runs foreign_key_check), secure_delete off and a larger WAL checkpoint
     * interval. On a file without cases the run writes without a journal (journal_mode OFF) instead of through
     * the WAL (endBulk returns to WAL), and the secondary indexes of the tables it fills wait for finishRows()
     * (SqlDeferredIndexes; endBulk builds them when a run stops early). The insert triggers of cases and queue_visits
     * stand aside in every batch's transaction, the writer doing their work per batch (write()).
     */
    Status beginBulk() override;
    void endBulk() override;
    Result<Demo::Counts> write(const Demo::Batch& batch, const QList<Demo::User>& users) override;
    /** Builds the indexes beginBulk deferred, inside the last batch's transaction. */
    Status finishRows() override;

private:
    Status prepare();
    Result<qint64> caseNumber(const QDate& day);
    Status saveCounters();
    /** A case's transfers, pauses, extension and follow-up attempts (issue 12). */
    Status writeLoop(const Demo::Case& c, qint64 caseId, const QList<Demo::User>& users);
    /** SQLite: drops the insert triggers the writer stands in for, inside the batch's transaction. */
    Status standAside();
    /**
     * SQLite: what the dropped triggers would have done for the batch (status counts, the hours to rebuild, the
     * recurrence marks of earlier cases of the same citizens), then the triggers again, before the commit.
     */
    Status standBack(const Demo::Batch& batch, qint64 firstCaseId);

    const SqlContext& m_sql;
    bool m_bulk = false;
    /**
     * SQLite: name and CREATE statement of each insert trigger the writer stands in for (cases_insert,
     * metrics_visits_insert), read from sqlite_master by beginBulk; empty elsewhere.
     */
    QList<QPair<QString, QString>> m_triggers;
    bool m_journalOff = false;      ///< SQLite, fresh file: the run writes without a journal (no WAL)
    bool m_indexesDeferred = false; ///< SQLite, fresh file: secondary indexes wait for finishRows()
    int m_secureDelete = 1;         ///< SQLite: the connection's secure_delete before the run
    std::unique_ptr<BulkStatement> m_citizen;
    std::unique_ptr<BulkStatement> m_case;
    std::unique_ptr<BulkStatement> m_event;
    std::unique_ptr<BulkStatement> m_followUp;
    std::unique_ptr<BulkStatement> m_transfer;
    std::unique_ptr<BulkStatement> m_pause;
    std::unique_ptr<BulkStatement> m_extension;
    std::unique_ptr<BulkStatement> m_attempt;
    std::unique_ptr<BulkStatement> m_rectification;
    std::unique_ptr<BulkStatement> m_appeal;
    std::unique_ptr<BulkStatement> m_visit;
    std::unique_ptr<BulkStatement> m_search; ///< one search-index row per case, written with the case
    bool m_searchIndexChecked = false;       ///< an index awaiting its rebuild was rebuilt before the first batch
    std::unique_ptr<BulkStatement> m_counterRead;
    std::unique_ptr<BulkStatement> m_counterWrite;
    QHash<QDate, qint64> m_counters;  ///< last number per day, as far as this run knows it
    QList<QDate> m_dirtyDays;         ///< days whose counter this transaction changed
    std::vector<qint64> m_citizenIds; ///< run-wide citizen index -> database id
};
