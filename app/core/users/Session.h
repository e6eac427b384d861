#pragma once

#include "common/Ref.h"
#include "users/Role.h"

#include <QCoreApplication>

#include <optional>

struct Error;

/**
 * Who is acting: a logged-in user with a role, or the command-line tool (actor "cli"), which may do
 * everything because whoever can open the database file can act (CLI.md). Services check every call
 * against it.
 */
class Session
{
    Q_DECLARE_TR_FUNCTIONS(Session)

public:
    static Session forUser(qint64 userId, const QString& login, const QString& displayName, Role role);
    /** The headless tool: all permissions, audited under the actor name "cli". */
    static Session commandLine();

    /** The audit/timeline identity: user id (0 for the CLI) and login or "cli". */
    Ref actor() const { return {m_userId, m_login}; }
    qint64 userId() const { return m_userId; }
    const QString& login() const { return m_login; }
    const QString& displayName() const { return m_displayName; }
    std::optional<Role> role() const { return m_role; }
    bool isCommandLine() const { return !m_role.has_value(); }

    bool can(Permission permission) const;
    /** An error that names what was refused, or nullopt if allowed. */
    std::optional<Error> deny(Permission permission) const;

private:
    qint64 m_userId = 0;
    QString m_login;
    QString m_displayName;
    std::optional<Role> m_role; // nullopt = command line
};
