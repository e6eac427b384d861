#pragma once

#include "cases/Transfer.h"
#include "common/Result.h"

#include <QList>

#include <optional>

/**
 * Storage of transfers with their sign-for or return (case_transfers) and of extension requests with their
 * decision (case_extensions), issue 12. Callers hold the transaction; TransferService and ExtensionService check
 * permissions and validate first.
 */
class TransferRepository
{
public:
    virtual ~TransferRepository() = default;

    /** Inserts a transfer (id 0) and returns its id. */
    virtual Result<qint64> insertTransfer(const CaseTransfer& transfer) = 0;
    /** Writes the state, decision time, decider and note of a stored transfer. */
    virtual Status updateTransfer(const CaseTransfer& transfer) = 0;
    /** The case's transfer awaiting sign-for, if any. */
    virtual Result<std::optional<CaseTransfer>> awaitingTransfer(qint64 caseId) = 0;
    /** The case's transfers, oldest first. */
    virtual Result<QList<CaseTransfer>> transfers(qint64 caseId) = 0;

    virtual Result<qint64> insertExtension(const CaseExtension& extension) = 0;
    virtual Status updateExtension(const CaseExtension& extension) = 0;
    /** The case's request awaiting a decision, if any. */
    virtual Result<std::optional<CaseExtension>> pendingExtension(qint64 caseId) = 0;
    /** The case's requests, oldest first. */
    virtual Result<QList<CaseExtension>> extensions(qint64 caseId) = 0;
    /** Requests awaiting a decision across all cases, oldest first (case numbers filled in). */
    virtual Result<QList<CaseExtension>> pendingExtensions(int limit) = 0;

    /** Per receiving department: transfers, signed, returned, awaiting, time to sign. By department name. */
    virtual Result<QList<DepartmentTransferFigures>> departmentFigures() = 0;
    /** Cases transferred more than `threshold` times, most transferred first, then newest. */
    virtual Result<QList<FlaggedTransferCase>> flaggedCases(int threshold, int limit) = 0;
};
