#pragma once

#include "cases/CaseStatus.h"
#include "common/Ref.h"
#include "common/Result.h"
#include "risk/RiskResult.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** One saved version of the risk rules (risk_rules): the newest is in force. */
struct RiskRulesVersion
{
    qint64 id = 0;
    QByteArray json; ///< the rules' JSON as the admin saved it (empty in version lists)
    QDateTime savedAt;
    Ref savedBy;
    QString note;
};

/** A case that became high raised an alert; it stays open until a supervisor takes it (risk_alerts). */
struct RiskAlert
{
    qint64 id = 0;
    qint64 caseId = 0;
    QString caseNo;
    QDateTime raisedAt;
    int score = 0;
    QStringList signalCodes; ///< the codes that fired when it was raised
    QDateTime takenAt;       ///< invalid = open
    Ref takenBy;

    bool isOpen() const { return !takenAt.isValid(); }
};

/** The open alerts' change counter: a desk compares it with the last one it saw. */
struct RiskAlertState
{
    int openCount = 0;
    qint64 maxOpenId = 0;

    friend bool operator==(const RiskAlertState& a, const RiskAlertState& b)
    {
        return a.openCount == b.openCount && a.maxOpenId == b.maxOpenId;
    }
    friend bool operator!=(const RiskAlertState& a, const RiskAlertState& b) { return !(a == b); }
};

/** A row of the supervisor's risk queue: a medium or high case. */
struct RiskQueueRow
{
    qint64 caseId = 0;
    QString caseNo;
    QDateTime receivedAt;
    RiskLevel level = RiskLevel::Medium;
    int score = 0;
    QStringList signalCodes;
    CaseStatus status = CaseStatus::Received;
};

/** Where a page of the queue continues: after this (received_at, id), newest first. */
struct RiskQueueCursor
{
    QDateTime receivedAt;
    qint64 caseId = 0;
};

struct RiskQueuePage
{
    QList<RiskQueueRow> rows;
    std::optional<RiskQueueCursor> next; ///< set when there may be more rows
};

/** Storage of the risk rules' versions, the alerts and the risk queue (migration 0026). Callers hold the transaction.
 */
class RiskRepository
{
public:
    virtual ~RiskRepository() = default;

    /** Stores a new version of the rules; returns its id. */
    virtual Result<qint64> saveRules(const RiskRulesVersion& version) = 0;
    /** The newest version with its JSON; nullopt when none was saved (the built-in rules are in force). */
    virtual Result<std::optional<RiskRulesVersion>> newestRules() = 0;
    /** The newest version's id, 0 when none: one index lookup, for a cache of the compiled rules. */
    virtual Result<qint64> newestRulesId() = 0;
    /** Saved versions newest first, without their JSON. */
    virtual Result<QList<RiskRulesVersion>> rulesVersions(int limit) = 0;

    /** Raises an alert (id, caseNo, takenAt ignored); returns its id. */
    virtual Result<qint64> raiseAlert(const RiskAlert& alert) = 0;
    virtual Result<RiskAlert> alert(qint64 alertId) = 0;
    /** Open alerts, newest first, with their case numbers. */
    virtual Result<QList<RiskAlert>> openAlerts(int limit) = 0;
    /** Marks the alert taken if it is still open; false when it was already taken (or is not there). */
    virtual Result<bool> takeAlert(qint64 alertId, qint64 userId, const QDateTime& at) = 0;
    /** How many alerts are open and the newest open one's id: one range of the partial index risk_alerts_open. */
    virtual Result<RiskAlertState> openAlertState() = 0;

    /**
     * Medium and high cases, newest received first (received_at, id), after `after` when given; at most `limit`.
     * One range of the partial index cases_risk_queue.
     */
    virtual Result<RiskQueuePage> queue(const std::optional<RiskQueueCursor>& after, int limit) = 0;
};
