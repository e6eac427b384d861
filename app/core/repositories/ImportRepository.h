#pragma once

#include "common/Ref.h"
#include "common/Result.h"
#include "imports/ImportRows.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

/**
 * imports (issue 13): the bulk side of `import-cases` / `import-queue`. Writes validated rows inside the caller's
 * one write transaction with statements prepared once per run (beginRun .. endRun). Cases are written whole: the
 * citizen by phone or ID number (an existing one is reused), the case row with its derived sort keys, the timeline
 * of the given times, the follow-up that holds a rating, the search-index row; a case number in the desk's own
 * form (QT-YYYYMMDD-NNNN) moves that day's counter past it, so new cases never take it.
 */
class ImportRepository
{
public:
    virtual ~ImportRepository() = default;

    /** The case numbers among `caseNos` that the database holds already. */
    virtual Result<QSet<QString>> existingCaseNos(const QStringList& caseNos) = 0;
    /** The tickets the database holds already for one day (YYYY-MM-DD). */
    virtual Result<QSet<QString>> existingTickets(const QString& issuedDay) = 0;

    /** Prepares the run's statements and settings; call before the run's write transaction, endRun() after it. */
    virtual Status beginRun() = 0;
    virtual void endRun() = 0;
    /** Writes a chunk of case rows (reference ids, status and due time filled in) under `actor`. */
    virtual Status writeCases(const QList<Import::CaseRow>& rows, const Ref& actor) = 0;
    /** Writes a chunk of queue visits (reference ids filled in). */
    virtual Status writeVisits(const QList<Import::QueueRow>& rows) = 0;
};
