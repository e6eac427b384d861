#pragma once

#include <QString>

/** The actions written to the audit log ("case.acknowledge", "user.login", ...) in words for people. */
namespace AuditActions {
/** A translated description ("Case acknowledged"); the code itself for an action this build does not know. */
QString label(const QString& action);
} // namespace AuditActions
