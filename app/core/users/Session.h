#pragma once

#include "common/Ref.h"
#include "users/Role.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <optional>

struct Error;
class UserRepository;

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

    /**
     * What services call first: the account as it is in the database now (one query by primary key) must still be
     * active and have the role it logged in with, else SessionEnded (and the session ends for every copy of it);
     * then the permission, if given. The command line is exempt from the re-check.
     */
    std::optional<Error> denyNow(UserRepository& users, std::optional<Permission> permission = std::nullopt) const;

    /** Whether the account was found disabled or changed since login (shared by every copy of this session). */
    bool hasEnded() const;
    /**
     * Called once, from the thread of the service call that found out, with the translated reason when the session
     * ends. Every copy of the session shares it; an empty function removes it.
     */
    void setEndedHandler(std::function<void(const QString&)> handler) const;

private:
    struct Life;
    void end(const QString& reason) const;

    qint64 m_userId = 0;
    QString m_login;
    QString m_displayName;
    std::optional<Role> m_role;   // nullopt = command line
    std::shared_ptr<Life> m_life; // shared by the copies of one login; null for the command line
};
