#pragma once

#include <QList>
#include <QString>

#include <optional>

/** A user's job at the hall; it decides every permission (see Permissions). */
enum class Role
{
    Clerk,      ///< 窗口工作人员
    Supervisor, ///< 值班主任/科长
    Trainer,    ///< 培训师
    Admin,      ///< 管理员
};

/** Something the service layer checks before it reads or writes. */
enum class Permission
{
    ViewCases,        ///< read case text, status and timeline
    ViewPersonalData, ///< read a citizen's name, phone, ID number, address
    CreateCase,
    WorkCase,    ///< acknowledge, start, transfer, escalate, resolve, follow up, add notes
    ApproveCase, ///< approve the closing of a case
    ReassignCase,
    ReopenCase,
    ManageUsers,
    ManageReferenceData, ///< windows, departments, service items, categories, holiday calendar
    ViewAuditLog,
    ImportRecords, ///< import case history and queue records from CSV (issue 13); may add windows, items, categories
    ViewFigures,   ///< the dashboard, the figures and the review report (issue 14)
    ManageImprovements, ///< the improvement register: actions, root-cause analyses (issue 14)
    ManageTraining,     ///< build, edit, export and import anonymized training cases (issue 15); never live cases
    RunDrills,          ///< drill a training case and keep one's own results (issue 15)
    ViewDrillResults,   ///< every trainee's drill results and the team's most missed criteria (issue 15)
    ManageCrises,       ///< crisis mode: open, checklist, statements, close, review (issue 16)
    PurgePersonalData,  ///< the retention purge: citizens' personal data erased after the retention period (issue 17)
};

namespace Roles {
QList<Role> all();
QString code(Role role); ///< "clerk", "supervisor", "trainer", "admin"
std::optional<Role> fromCode(const QString& code);
QString label(Role role);
} // namespace Roles

namespace Permissions {
/** The one place that says which role may do what. */
bool allows(Role role, Permission permission);
QString code(Permission permission);
QString label(Permission permission);
QList<Permission> all();
} // namespace Permissions
