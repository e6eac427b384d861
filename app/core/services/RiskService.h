#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "common/Result.h"
#include "repositories/Repositories.h"
#include "repositories/RiskRepository.h"
#include "risk/RiskResult.h"
#include "risk/RiskRules.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>

#include <optional>

class Clock;

/**
 * Public-opinion risk of the cases (issue 16): the score of a case's text written with every change of that text,
 * its history on the timeline, the alert a case raises when it becomes high, the supervisors' risk queue and the
 * rules admins edit. Clerks see their cases' risk (ViewCases), supervisors the queue and the alerts (the power that
 * reassigns and reminds), admins the rules (ManageReferenceData). Every write is one transaction with its audit entry.
 */
class RiskService
{
    Q_DECLARE_TR_FUNCTIONS(RiskService)

public:
    static constexpr Permission kSupervisePermission = Permission::ReassignCase;
    static constexpr Permission kRulesPermission = Permission::ManageReferenceData;
    static constexpr int kMaxNoteChars = 500;
    static constexpr int kMaxRulesBytes = 2 * 1024 * 1024;
    static constexpr int kQueuePage = 200;
    static constexpr int kAlertsShown = 200;

    /** What scoring a case's text changed: the new result and how the case compares with its earlier score. */
    struct Change
    {
        RiskResult result;
        bool changed = false;    ///< score or level differ from what the case held (never scored = 0, low)
        bool becameHigh = false; ///< high now and not high before
    };

    RiskService(Session session, const Repositories& repos, const Clock& clock);

    /** The text the scorer reads: the complaint in the citizen's words, the facts and the impact, one a line. */
    static QString scoredText(const Case& c);

    /** The rules in force (the newest saved version, else the built-in ones); any user who may view cases. */
    Result<RiskRules> rules();
    /** The newest saved version (with its JSON), nullopt for the built-in rules; admins. */
    Result<std::optional<RiskRulesVersion>> currentRulesVersion();
    /** Saved versions, newest first; admins. */
    Result<QList<RiskRulesVersion>> rulesVersions();
    /**
     * Saves a new version of the rules (admins): refused with the loader's reason (Invalid) when RiskRules::fromJson
     * refuses it; audited as "risk.rules.save". The new version is in force for every score after it.
     */
    Result<qint64> saveRules(const QByteArray& json, const QString& note);

    /**
     * The explanation of a case's score (ViewCases): the stored case scored again with the rules in force, its
     * history and channel, and the text that was scored (evidence positions are in that text).
     */
    struct Explanation
    {
        Case c;
        QString text;
        RiskResult result;
    };
    Result<Explanation> explain(qint64 caseId);

    /** Whether the session may see the risk queue and take alerts. */
    bool maySupervise() const;
    /** A page of the risk queue: medium and high cases, newest first (supervisors). */
    Result<RiskQueuePage> queue(const std::optional<RiskQueueCursor>& after = std::nullopt, int limit = kQueuePage);
    /** The open alerts, newest first (supervisors). */
    Result<QList<RiskAlert>> openAlerts();
    /** The open alerts' count and newest id (supervisors): what a desk compares to see a new or taken alert. */
    Result<RiskAlertState> alertState();
    /**
     * Takes an open alert (supervisors): taken time and taker, a RiskAlertTaken event on the case's timeline and the
     * audit entry "risk.alert.take", in one transaction. An alert already taken (on any desk) is refused (Conflict).
     */
    Result<RiskAlert> takeAlert(qint64 alertId);

    // For the services that write a case's text (CaseService::store, IntakeService::amend), inside their transaction.
    // They check nothing: the caller has checked the permission of its own write.
    /**
     * Scores the case as it is now (its citizen's earlier cases and channel included) and writes the result into
     * c's risk fields, comparing it with what they held.
     */
    Result<Change> rescore(Case& c);
    /** The RiskScored event of a changed score ("→ 72 high · media,legal"). */
    CaseEvent scoredEvent(const Case& c, const QDateTime& at) const;
    /** Raises the alert of a case that became high (the case is stored: it has its id). */
    Status raiseAlert(const Case& c, const QDateTime& at);
    /** rescore()'s consequences for a stored case: the event when the score changed, the alert when it became high. */
    Status record(const Case& c, const Change& change);

private:
    std::optional<Error> denySupervise() const;
    Result<int> earlierCases(const Case& c);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
    std::optional<RiskRules> m_rules; ///< the rules in force, read once per service
};
