#pragma once

#include "cases/CaseStatus.h"

#include <QString>

/**
 * imports (issue 13): the validated rows of FORMATS.md's two formats, as ImportService hands them to the
 * ImportRepository. Times are seconds since the epoch (0 = not given); numbers -1 = not given.
 */
namespace Import {

struct CaseRow
{
    qint64 line = 0;
    QString caseNo;
    Channel channel = Channel::Window;
    QString window;      ///< name, empty = none
    QString serviceItem; ///< name, empty = none
    QString category;    ///< name, empty = none
    QString phone;       ///< citizen_key when it is a phone number
    QString idNumber;    ///< citizen_key when it is an ID number (normalised: upper case)
    int waitedMinutes = -1;
    QString summary;
    qint64 receivedAt = 0;
    qint64 acknowledgedAt = 0;
    qint64 answeredAt = 0;
    qint64 resolvedAt = 0;
    qint64 closedAt = 0;
    int rating = -1;
    int nps = -1;
    int transfers = 0;

    // Filled by ImportService before writing.
    qint64 windowId = 0;
    qint64 serviceItemId = 0;
    qint64 categoryId = 0;
    CaseStatus status = CaseStatus::Received;
    qint64 dueAt = 0;
    qint64 followedUpAt = 0; ///< when the rating was given (the case's latest time): a follow-up row
    int riskScore = 0;       ///< the summary's risk score (issue 16) under the rules in force
    QString riskLevel;       ///< its RiskLevel code
    QString riskSignals;     ///< the codes of the signals that fired, comma-separated
};

/**
 * Who the row's citizen is, as one key: 'i' and the ID number, else 'p' and the phone as it is looked up
 * (CitizenValidator::normalizedPhone); empty for an anonymous row. The writer finds or creates one citizen per key,
 * and the risk score counts a citizen's earlier rows by it.
 */
QString citizenKey(const CaseRow& row);

struct QueueRow
{
    qint64 line = 0;
    QString ticket;
    QString issuedDay; ///< YYYY-MM-DD, the local date of issuedAt
    QString serviceItem;
    QString window;
    qint64 issuedAt = 0;
    qint64 calledAt = 0;
    qint64 finishedAt = 0;

    qint64 serviceItemId = 0;
    qint64 windowId = 0;
};

} // namespace Import
