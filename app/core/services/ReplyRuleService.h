#pragma once

#include "common/Result.h"
#include "reply/ReplyChecker.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/Session.h"

#include <QCoreApplication>

class Clock;

/**
 * The reply checker's rules in the database: everyone who works cases reads the active ones (the intake wizard
 * checks its reply with exactly those); admins (ManageReferenceData) add, edit, retire and restore them. Every change
 * is validated (a pattern that is not a valid regular expression is refused with the reason) and audited.
 */
class ReplyRuleService
{
    Q_DECLARE_TR_FUNCTIONS(ReplyRuleService)

public:
    ReplyRuleService(Session session, const Repositories& repos, const Clock& clock);

    /** The active rules in the order the checker applies them; needs WorkCase. */
    Result<QList<ReplyRule>> activeRules();
    /** Every rule, retired ones too, for the admin screen; needs ManageReferenceData. */
    Result<QList<ReplyRule>> allRules();

    /** Stores a new active rule (id and version of `rule` are ignored) and returns it as stored. */
    Result<ReplyRule> add(const ReplyRule& rule);
    /** Changes kind, pattern, isRegex, unlessConstructive and advice of the stored rule rule.id at rule.version. */
    Result<ReplyRule> edit(const ReplyRule& rule);
    /** Retires (active false) or restores a rule at `version`. */
    Result<ReplyRule> setActive(qint64 id, int version, bool active);

    /** Why `rule` cannot be stored (translated), or an empty string. */
    static QString validate(const ReplyRule& rule);

private:
    Result<ReplyRule> change(const ReplyRule& rule, const QString& action, QJsonObject detail);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
