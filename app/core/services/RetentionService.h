#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>
#include <QDate>

#include <functional>

class Clock;
struct Citizen;

/** What a retention purge did, or would do (dry run). */
struct RetentionReport
{
    QDate closedBefore;      ///< the cut-off: citizens whose cases all closed before this day
    qint64 citizens = 0;     ///< citizens erased (or due, in a dry run)
    qint64 cases = 0;        ///< their cases, whose text was anonymized
    qint64 textsChanged = 0; ///< free-text values that named someone and were masked
    qint64 purgedBefore = 0; ///< citizens erased by earlier purges
    bool dryRun = false;
};

/**
 * The retention purge (issue 17, PRODUCT.md "Data and privacy"): the personal data of citizens whose cases all
 * closed before the retention period is erased, while the figures survive. Per citizen (200 to a transaction): the
 * text of every case of theirs and of the cases' records (events, follow-ups, transfers, pauses, extensions,
 * rectifications, appeals) goes through the anonymizer, with the citizen as a known person (their name always
 * masked, their phone and ID number wherever they occur, their address replaced); then their row loses name,
 * phone, ID number and address and is marked purged. The row's id stays, so a citizen is still counted once
 * (repeat complaints) and no figure changes. One audit entry per run (counts only, never a name). Admins only.
 */
class RetentionService
{
    Q_DECLARE_TR_FUNCTIONS(RetentionService)

public:
    RetentionService(Session session, const Repositories& repos, const Clock& clock);

    using Progress = std::function<void(qint64 done)>;
    using Cancelled = std::function<bool()>;

    /**
     * Purges the citizens whose cases all closed more than `years` whole years before `asOf` (1–50 years). With
     * `dryRun` nothing is written: the report counts what would be. A cancelled run keeps the citizens purged so
     * far (each transaction of them is whole) and says so in its audit entry.
     */
    Result<RetentionReport> purge(int years, const QDate& asOf, bool dryRun, const Progress& progress = {},
                                  const Cancelled& cancelled = {});

private:
    Result<qint64> purgeOne(const Citizen& citizen, const QStringList& keepWords, qint64* textsChanged);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
