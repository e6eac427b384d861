#pragma once

#include "common/Result.h"
#include "training/TrainingLibrary.h"

#include <QList>

/**
 * Storage of the training cases (issue 15, helper "train15"; migration 0024_training (placeholder number)): their
 * stages and anonymized timelines, apart from the live tables, and the one read of live cases a trainer's work needs
 * (the candidates). Callers hold the transaction; TrainingService checks permissions, anonymizes and validates first.
 */
class TrainingRepository
{
public:
    /** A closed case's columns the candidates list needs: no citizen data (citizenId only, for the anonymizer). */
    struct CandidateRow
    {
        TrainingCandidate candidate; ///< preview empty: the service anonymizes complaintText into it
        QString complaintText;
        qint64 citizenId = 0;
    };

    virtual ~TrainingRepository() = default;

    /** Inserts the case (id 0) with its stages and timeline; `sourceCaseId` 0 = none (imported). Returns the id. */
    virtual Result<qint64> insert(const TrainingCase& trainingCase, qint64 sourceCaseId) = 0;
    /** Writes the title, trainer note, updated time, version and the stages' texts of a stored case. */
    virtual Status update(const TrainingCase& trainingCase) = 0;
    /** Deletes the case, its stages and its timeline; NotFound if there is none. */
    virtual Status remove(qint64 id) = 0;
    /** The case with its stages (in stage order) and timeline (oldest first); NotFound if there is none. */
    virtual Result<TrainingCase> find(qint64 id) = 0;
    /** The library: newest first. */
    virtual Result<QList<TrainingSummary>> list(const TrainingFilter& filter) = 0;
    /** The distinct non-empty categories of the stored training cases, sorted. */
    virtual Result<QStringList> categories() = 0;
    /** The live case a training case was built from; 0 = none (imported, or the link was not kept). */
    virtual Result<qint64> sourceCaseId(qint64 id) = 0;
    /** The training case built from this live case; 0 = none. */
    virtual Result<qint64> builtFrom(qint64 caseId) = 0;
    /** Closed cases matching the filter, newest closed first, with whether each was built already. */
    virtual Result<QList<CandidateRow>> candidates(const TrainingCandidateFilter& filter) = 0;
};
