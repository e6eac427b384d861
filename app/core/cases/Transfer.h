#pragma once

#include "cases/CaseStatus.h"
#include "common/Ref.h"

#include <QDateTime>
#include <QString>

#include <optional>

/**
 * Where a case's latest transfer (转办) stands: the receiving department has not signed for it yet (签收), has
 * signed, or has returned it (退回) to the department that sent it. None = never transferred through TransferService.
 */
enum class TransferState
{
    None,
    AwaitingSign, ///< "awaiting_sign": the case list's view "awaiting sign-for" keys on this code
    Signed,
    Returned,
};

namespace TransferStates {
/** The stored code; empty for None (stored as NULL). */
QString code(TransferState state);
/** An empty or unknown code is None. */
TransferState fromCode(const QString& code);
QString label(TransferState state);
} // namespace TransferStates

/** One transfer of a case to another department and what the department did with it. */
struct CaseTransfer
{
    qint64 id = 0;
    qint64 caseId = 0;
    Ref fromDepartment; ///< id 0 when the case had none
    Ref toDepartment;
    QString reason; ///< why the case goes there (required)
    QDateTime transferredAt;
    Ref transferredBy;
    TransferState state = TransferState::AwaitingSign;
    QDateTime decidedAt; ///< when it was signed for or returned
    Ref decidedBy;
    QString decisionNote; ///< the return's reason (required), or a note on signing (optional)

    /** Seconds from the transfer to its signing; nullopt unless signed. */
    std::optional<qint64> secondsToSign() const
    {
        if (state != TransferState::Signed || !decidedAt.isValid() || !transferredAt.isValid()) {
            return std::nullopt;
        }
        return transferredAt.secsTo(decidedAt);
    }
};

/** Where an extension request (延期) stands. */
enum class ExtensionState
{
    Pending,
    Approved,
    Refused,
};

namespace ExtensionStates {
QString code(ExtensionState state);
std::optional<ExtensionState> fromCode(const QString& code);
QString label(ExtensionState state);
} // namespace ExtensionStates

/** One request for a later deadline, with the supervisor's decision. */
struct CaseExtension
{
    qint64 id = 0;
    qint64 caseId = 0;
    QString caseNo; ///< filled in by lists of requests across cases
    QDateTime requestedAt;
    Ref requestedBy;
    QString reason;
    QDateTime previousDueAt;  ///< the case's due time when it was asked for
    QDateTime requestedDueAt; ///< the new date asked for; the case follows it once approved
    ExtensionState state = ExtensionState::Pending;
    QDateTime decidedAt;
    Ref decidedBy;
    QString decisionNote; ///< required for a refusal
};

/** The transfer figures of one receiving department, for supervisors. */
struct DepartmentTransferFigures
{
    Ref department;
    int transfers = 0; ///< every transfer to it
    int signedFor = 0;
    int returned = 0;
    int awaiting = 0;
    std::optional<qint64> averageSecondsToSign; ///< over the signed ones
    std::optional<qint64> longestSecondsToSign;
};

/** A case transferred more often than the policy allows (transferFlagThreshold), for supervisors. */
struct FlaggedTransferCase
{
    qint64 caseId = 0;
    QString caseNo;
    CaseStatus status = CaseStatus::Received;
    Ref department;
    int transferCount = 0;
    TransferState transferState = TransferState::None;
    QDateTime receivedAt;
};
