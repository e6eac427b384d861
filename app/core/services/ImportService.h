#pragma once

#include "common/Result.h"
#include "imports/Import.h"
#include "imports/ImportRows.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/Repositories.h"
#include "users/Session.h"

#include <QCoreApplication>
#include <QHash>

#include <functional>

class Clock;

/**
 * imports (issue 13): FORMATS.md's case and queue CSV files into the database, for `qingting-cli import-cases` /
 * `import-queue` and the GUI's import dialog. Detects the encoding, matches English or Chinese headers in any
 * order, validates every record before writing and writes in one transaction: all or nothing, or (skipBad) the good
 * rows. Re-importing a file changes nothing (existing case numbers / tickets are duplicates, skipped). One audit
 * entry per committed run. Needs ImportRecords (supervisors and admins: a hall's history, which may add windows, items
 * and categories).
 */
class ImportService
{
    Q_DECLARE_TR_FUNCTIONS(ImportService)

public:
    /** Called now and then with the records handled so far and the total. */
    using Progress = std::function<void(qint64 done, qint64 total)>;
    /** Asked now and then; true stops the run and nothing is written. */
    using Cancelled = std::function<bool()>;

    ImportService(Session session, const Repositories& repos, const Clock& clock);

    /** Reads the file's encoding, header and first `rows` records; writes nothing. Error for an unreadable file. */
    Result<Import::Preview> preview(const QString& path, Import::Kind kind, int rows = 20);

    /**
     * Imports the file. Error only when the run could not happen (unreadable file, no usable header, permission,
     * database failure): bad records are Report::rejects. Without skipBad any reject means nothing was written
     * (Report::committed false).
     */
    Result<Import::Report> run(const QString& path, const Import::Options& options, const Progress& progress = {},
                               const Cancelled& cancelled = {});

    /**
     * Writes the rejects as CSV (UTF-8 with BOM, so Excel/WPS open it): line, reason, then the record's fields,
     * under a header of `line,reason` and the file's own header (Report::header), so that the fixed rows can be
     * imported again as they are. The CLI writes FILE.rejects.csv with it; the GUI lets the user choose where.
     */
    static Status writeRejects(const QString& path, const QStringList& header, const QList<Import::Reject>& rejects);
    /** Where the rejects of `path` go unless the user chooses: FILE.rejects.csv beside it (CLI.md). */
    static QString rejectsPathFor(const QString& path) { return path + QStringLiteral(".rejects.csv"); }

    /** How many windows, service items and categories the last run created. */
    int referenceCreated() const { return m_referenceCreated; }

private:
    /** The file's text, decoded; Invalid for bytes neither UTF-8 nor GB18030, NotFound/Storage when unreadable. */
    Result<QString> readText(const QString& path, Import::Encoding* encoding);
    /** Removes the rows whose case number / ticket the database holds: duplicates, counted. */
    Status dropExistingCases(QList<Import::CaseRow>* rows, Import::Report* report);
    Status dropExistingVisits(QList<Import::QueueRow>* rows, Import::Report* report);
    /** The id of the reference row of that name, created if new; 0 for an empty name. */
    Result<qint64> referenceId(ReferenceKind kind, const QString& name);
    /** Reference ids, status, follow-up time and due time (one SLA engine for the run). */
    /** For each row, how many rows of the same citizen (ID number, else phone) the file received before it. */
    static QList<int> earlierRowsOfCitizen(const QList<Import::CaseRow>& rows);
    Status prepareCases(QList<Import::CaseRow>* rows);
    Status prepareVisits(QList<Import::QueueRow>* rows);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    QHash<QString, qint64> m_referenceIds[4]; ///< per ReferenceKind: name -> id
    bool m_referenceLoaded[4] = {false, false, false, false};
    QHash<qint64, qint64> m_parentOf; ///< category id -> parent id (0 = top level)
    int m_referenceCreated = 0;
};
