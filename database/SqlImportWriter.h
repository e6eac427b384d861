#pragma once

#include "SqlSupport.h"
#include "repositories/ImportRepository.h"

#include <QHash>

#include <memory>

class BulkStatement;

/**
 * imports (issue 13): ImportRepository over SQL, with SqlDemoWriter's prepared statements (BulkStatements): on
 * SQLite through the connection's own sqlite3 handle, on PostgreSQL many rows to a statement. Runs inside the
 * import's one write transaction, with the database's normal durability (an import is real history, unlike demo
 * data).
 */
class SqlImportWriter final : public ImportRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlImportWriter)

public:
    explicit SqlImportWriter(const SqlContext& sql);
    ~SqlImportWriter() override;

    Result<QSet<QString>> existingCaseNos(const QStringList& caseNos) override;
    Result<QSet<QString>> existingTickets(const QString& issuedDay) override;
    Status beginRun() override;
    void endRun() override;
    Status writeCases(const QList<Import::CaseRow>& rows, const Ref& actor) override;
    Status writeVisits(const QList<Import::QueueRow>& rows) override;

private:
    Result<qint64> citizenId(const Import::CaseRow& row);

    const SqlContext& m_sql;
    std::unique_ptr<BulkStatement> m_citizenByPhone;
    std::unique_ptr<BulkStatement> m_citizenByIdNumber;
    std::unique_ptr<BulkStatement> m_citizen;
    std::unique_ptr<BulkStatement> m_case;
    std::unique_ptr<BulkStatement> m_event;
    std::unique_ptr<BulkStatement> m_followUp;
    std::unique_ptr<BulkStatement> m_search; ///< SQLite: the FTS5 rows; PostgreSQL writes grams with the case
    std::unique_ptr<BulkStatement> m_counter;
    std::unique_ptr<BulkStatement> m_visit;
    bool m_searchIndexChecked = false;
    bool m_pragmas = false;            ///< SQLite: the run's cache settings are on
    QHash<QString, qint64> m_citizens; ///< "p" + phone key or "i" + ID number -> citizen id, for this run
    QHash<QString, qint64> m_counters; ///< day (YYYY-MM-DD) -> highest desk-form number seen in this run
};
