#include "Role.h"

#include "common/CodeTable.h"

namespace {
const CodeEntry<Role> kRoleEntries[] = {
    {Role::Clerk, "clerk", QT_TRANSLATE_NOOP("Role", "Clerk")},
    {Role::Supervisor, "supervisor", QT_TRANSLATE_NOOP("Role", "Supervisor")},
    {Role::Trainer, "trainer", QT_TRANSLATE_NOOP("Role", "Trainer")},
    {Role::Admin, "admin", QT_TRANSLATE_NOOP("Role", "Administrator")},
};
const CodeTable kRoles("Role", kRoleEntries);

const CodeEntry<Permission> kPermissionEntries[] = {
    {Permission::ViewCases, "view_cases", QT_TRANSLATE_NOOP("Permission", "read cases")},
    {Permission::ViewPersonalData, "view_personal_data",
     QT_TRANSLATE_NOOP("Permission", "read citizens' personal data")},
    {Permission::CreateCase, "create_case", QT_TRANSLATE_NOOP("Permission", "record new cases")},
    {Permission::WorkCase, "work_case", QT_TRANSLATE_NOOP("Permission", "work cases")},
    {Permission::ApproveCase, "approve_case", QT_TRANSLATE_NOOP("Permission", "approve closing cases")},
    {Permission::ReassignCase, "reassign_case", QT_TRANSLATE_NOOP("Permission", "reassign cases")},
    {Permission::ReopenCase, "reopen_case", QT_TRANSLATE_NOOP("Permission", "reopen cases")},
    {Permission::ManageUsers, "manage_users", QT_TRANSLATE_NOOP("Permission", "manage users")},
    {Permission::ManageReferenceData, "manage_reference_data",
     QT_TRANSLATE_NOOP("Permission", "manage reference data")},
    {Permission::ViewAuditLog, "view_audit_log", QT_TRANSLATE_NOOP("Permission", "read the audit log")},
    {Permission::ImportRecords, "import_records",
     QT_TRANSLATE_NOOP("Permission", "import case history and queue records")},
    {Permission::ViewFigures, "view_figures",
     QT_TRANSLATE_NOOP("Permission", "read the dashboard, the figures and the review report")},
    {Permission::ManageImprovements, "manage_improvements",
     QT_TRANSLATE_NOOP("Permission", "keep the improvement register")},
    {Permission::ManageTraining, "manage_training",
     QT_TRANSLATE_NOOP("Permission", "build and share anonymized training cases")},
    {Permission::RunDrills, "run_drills", QT_TRANSLATE_NOOP("Permission", "run drills")},
    {Permission::ViewDrillResults, "view_drill_results",
     QT_TRANSLATE_NOOP("Permission", "read every trainee's drill results")},
    {Permission::ManageCrises, "manage_crises", QT_TRANSLATE_NOOP("Permission", "run crisis mode")}, // issue 16
    {Permission::PurgePersonalData, "purge_personal_data",
     QT_TRANSLATE_NOOP("Permission", "erase citizens' personal data after the retention period")}, // issue 17
};
const CodeTable kPermissions("Permission", kPermissionEntries);
} // namespace

namespace Roles {
QList<Role> all()
{
    return kRoles.values();
}
QString code(Role role)
{
    return kRoles.code(role);
}
std::optional<Role> fromCode(const QString& code)
{
    return kRoles.fromCode(code.trimmed().toLower());
}
QString label(Role role)
{
    return kRoles.label(role);
}
} // namespace Roles

namespace Permissions {

bool allows(Role role, Permission permission)
{
    switch (role) {
    case Role::Clerk:
        return permission == Permission::ViewCases || permission == Permission::ViewPersonalData ||
               permission == Permission::CreateCase || permission == Permission::WorkCase ||
               permission == Permission::RunDrills;
    case Role::Supervisor:
        return permission == Permission::ViewCases || permission == Permission::ViewPersonalData ||
               permission == Permission::CreateCase || permission == Permission::WorkCase ||
               permission == Permission::ApproveCase || permission == Permission::ReassignCase ||
               permission == Permission::ReopenCase || permission == Permission::ViewAuditLog ||
               permission == Permission::ImportRecords || permission == Permission::ViewFigures ||
               permission == Permission::ManageImprovements || permission == Permission::RunDrills ||
               permission == Permission::ViewDrillResults || permission == Permission::ManageCrises;
    case Role::Trainer:
        // Trainers work only with anonymized training cases (drills): no live cases, never personal data.
        // TrainingService shows them closed cases only through the anonymizer when they build a training case.
        return permission == Permission::ManageTraining || permission == Permission::RunDrills ||
               permission == Permission::ViewDrillResults;
    case Role::Admin:
        return permission == Permission::ManageUsers || permission == Permission::ManageReferenceData ||
               permission == Permission::ViewAuditLog || permission == Permission::ImportRecords ||
               permission == Permission::ManageCrises || permission == Permission::PurgePersonalData;
    }
    return false;
}

QString code(Permission permission)
{
    return kPermissions.code(permission);
}
QString label(Permission permission)
{
    return kPermissions.label(permission);
}
QList<Permission> all()
{
    return kPermissions.values();
}

} // namespace Permissions
