#include "AuditActions.h"

#include "cases/CaseLifecycle.h"

#include <QCoreApplication>

namespace {
struct ActionText
{
    const char* code;
    const char* label;
};

// Case actions are "case." + CaseActions::code(); the rest are written by the services and the CLI.
const ActionText kActions[] = {
    {"case.create", QT_TRANSLATE_NOOP("AuditActions", "Case recorded")},
    {"case.acknowledge", QT_TRANSLATE_NOOP("AuditActions", "Case acknowledged")},
    {"case.start", QT_TRANSLATE_NOOP("AuditActions", "Handling started")},
    {"case.transfer", QT_TRANSLATE_NOOP("AuditActions", "Case transferred")},
    {"case.escalate", QT_TRANSLATE_NOOP("AuditActions", "Case escalated")},
    {"case.resolve", QT_TRANSLATE_NOOP("AuditActions", "Case resolved")},
    {"case.follow_up", QT_TRANSLATE_NOOP("AuditActions", "Follow-up recorded")},
    {"case.close", QT_TRANSLATE_NOOP("AuditActions", "Case closed")},
    {"case.reopen", QT_TRANSLATE_NOOP("AuditActions", "Case reopened")},
    {"case.reassign", QT_TRANSLATE_NOOP("AuditActions", "Case reassigned")},
    {"case.note", QT_TRANSLATE_NOOP("AuditActions", "Note added")},
    {"case.amend_facts", QT_TRANSLATE_NOOP("AuditActions", "Facts amended")},
    {"case.amend_impact", QT_TRANSLATE_NOOP("AuditActions", "Impact amended")},
    {"case.amend_steps", QT_TRANSLATE_NOOP("AuditActions", "Steps amended")},
    // supervise (issue 12)
    {"case.remind", QT_TRANSLATE_NOOP("AuditActions", "Reminder sent")},
    {"citizen.read", QT_TRANSLATE_NOOP("AuditActions", "Citizen's personal data viewed")},
    {"user.add", QT_TRANSLATE_NOOP("AuditActions", "User created")},
    {"user.disable", QT_TRANSLATE_NOOP("AuditActions", "User disabled")},
    {"user.enable", QT_TRANSLATE_NOOP("AuditActions", "User enabled")},
    {"user.role", QT_TRANSLATE_NOOP("AuditActions", "Role changed")},
    {"user.password", QT_TRANSLATE_NOOP("AuditActions", "Password reset by an administrator")},
    {"user.password_own", QT_TRANSLATE_NOOP("AuditActions", "Own password changed")},
    {"user.login", QT_TRANSLATE_NOOP("AuditActions", "Logged in")},
    {"user.login_failed", QT_TRANSLATE_NOOP("AuditActions", "Failed login")},
    {"user.locked", QT_TRANSLATE_NOOP("AuditActions", "Account locked after failed logins")},
    {"reference.add", QT_TRANSLATE_NOOP("AuditActions", "Reference data added")},
    {"reference.rename", QT_TRANSLATE_NOOP("AuditActions", "Reference data renamed")},
    {"reference.disable", QT_TRANSLATE_NOOP("AuditActions", "Reference data deactivated")},
    {"reference.enable", QT_TRANSLATE_NOOP("AuditActions", "Reference data reactivated")},
    {"reply_rule.add", QT_TRANSLATE_NOOP("AuditActions", "Reply rule added")},
    {"reply_rule.edit", QT_TRANSLATE_NOOP("AuditActions", "Reply rule changed")},
    {"reply_rule.retire", QT_TRANSLATE_NOOP("AuditActions", "Reply rule retired")},
    {"reply_rule.restore", QT_TRANSLATE_NOOP("AuditActions", "Reply rule restored")},
    {"script.add", QT_TRANSLATE_NOOP("AuditActions", "Response script added")},
    {"script.update", QT_TRANSLATE_NOOP("AuditActions", "Response script changed")},
    {"script.retire", QT_TRANSLATE_NOOP("AuditActions", "Response script retired")},
    {"script.reactivate", QT_TRANSLATE_NOOP("AuditActions", "Response script reactivated")},
    {"calendar.import", QT_TRANSLATE_NOOP("AuditActions", "Holiday calendar imported")},
    {"database.backup", QT_TRANSLATE_NOOP("AuditActions", "Database backed up")},
    {"database.restore", QT_TRANSLATE_NOOP("AuditActions", "Database restored from a backup")},     // issue 17
    {"retention.purge", QT_TRANSLATE_NOOP("AuditActions", "Personal data purged after retention")}, // issue 17
    {"demo.generate", QT_TRANSLATE_NOOP("AuditActions", "Demo data generated")},
    {"import.cases", QT_TRANSLATE_NOOP("AuditActions", "Cases imported")},        // imports (issue 13)
    {"import.queue", QT_TRANSLATE_NOOP("AuditActions", "Queue visits imported")}, // imports (issue 13)
    // issue 12, helper "sla"
    {"case.pause", QT_TRANSLATE_NOOP("AuditActions", "Clocks paused")},
    {"case.resume", QT_TRANSLATE_NOOP("AuditActions", "Clocks resumed")},
    {"sla.policy", QT_TRANSLATE_NOOP("AuditActions", "Deadline rules changed")},
    // transfer (issue 12): sign-for, return and extensions (case.transfer is above)
    {"case.transfer_sign", QT_TRANSLATE_NOOP("AuditActions", "Transfer signed for")},
    {"case.transfer_return", QT_TRANSLATE_NOOP("AuditActions", "Transfer returned")},
    {"case.extension_request", QT_TRANSLATE_NOOP("AuditActions", "Extension requested")},
    {"case.extension_approve", QT_TRANSLATE_NOOP("AuditActions", "Extension approved")},
    {"case.extension_refuse", QT_TRANSLATE_NOOP("AuditActions", "Extension refused")},
    // register (issue 14): the improvement register (整改台账)
    {"improvement.create", QT_TRANSLATE_NOOP("AuditActions", "Improvement action created")},
    {"improvement.update", QT_TRANSLATE_NOOP("AuditActions", "Improvement action changed")},
    {"improvement.status", QT_TRANSLATE_NOOP("AuditActions", "Improvement action status changed")},
    {"improvement.link_case", QT_TRANSLATE_NOOP("AuditActions", "Case linked to an improvement action")},
    {"improvement.unlink_case", QT_TRANSLATE_NOOP("AuditActions", "Case unlinked from an improvement action")},
    {"improvement.cases", QT_TRANSLATE_NOOP("AuditActions", "Linked cases of an improvement action changed")},
    {"improvement.whys", QT_TRANSLATE_NOOP("AuditActions", "5-whys analysis saved")},
    {"improvement.fishbone", QT_TRANSLATE_NOOP("AuditActions", "Fishbone diagram saved")},
    // train15 (issue 15): the trainer's library of training cases
    {"training.create", QT_TRANSLATE_NOOP("AuditActions", "Training case built from a closed case")},
    {"training.update", QT_TRANSLATE_NOOP("AuditActions", "Training case edited")},
    {"training.delete", QT_TRANSLATE_NOOP("AuditActions", "Training case deleted")},
    {"training.import", QT_TRANSLATE_NOOP("AuditActions", "Training set imported")},
    // train15c (issue 15): a trainee's drill stored
    {"drill.submit", QT_TRANSLATE_NOOP("AuditActions", "Drill result stored")},
    // riskintake (issue 16): the risk rules in force and the high-risk alerts
    {"risk.rules.save", QT_TRANSLATE_NOOP("AuditActions", "Risk rules saved")},
    {"risk.alert.take", QT_TRANSLATE_NOOP("AuditActions", "High-risk alert taken")},
    // crisis (issue 16): crisis mode
    {"crisis.open", QT_TRANSLATE_NOOP("AuditActions", "Crisis mode opened")},
    {"crisis.step", QT_TRANSLATE_NOOP("AuditActions", "Crisis checklist step done")},
    {"crisis.statement", QT_TRANSLATE_NOOP("AuditActions", "Crisis statement published")},
    {"crisis.close", QT_TRANSLATE_NOOP("AuditActions", "Crisis mode closed")},
    {"crisis.review", QT_TRANSLATE_NOOP("AuditActions", "Post-crisis review recorded")},
};
} // namespace

namespace AuditActions {
QString label(const QString& action)
{
    for (const auto& a : kActions) {
        if (action == QLatin1String(a.code)) {
            return QCoreApplication::translate("AuditActions", a.label);
        }
    }
    return action;
}
} // namespace AuditActions
