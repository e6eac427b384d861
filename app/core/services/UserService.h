#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "users/PasswordHasher.h"
#include "users/Session.h"
#include "users/User.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <functional>

class Clock;

/** Account administration: only sessions that may manage users get past the first line of each call. */
class UserService
{
    Q_DECLARE_TR_FUNCTIONS(UserService)

public:
    UserService(Session session, const Repositories& repos, const Clock& clock, const PasswordHasher& hasher);

    Result<QList<User>> list();
    /** Conflict for a login that exists, Invalid for a bad login, name or password. */
    Result<User> add(const QString& login, Role role, const QString& displayName, const QString& password);
    /** The user can no longer log in; everything they did stays on record. The last active admin stays. */
    Status disable(const QString& login);
    Status enable(const QString& login);
    Status setRole(const QString& login, Role role);
    Status resetPassword(const QString& login, const QString& newPassword);
    /** Any logged-in user changes their own password, proving the current one. */
    Status changeOwnPassword(const QString& currentPassword, const QString& newPassword);

    /** Every problem with a would-be login name, translated. */
    static QStringList loginProblems(const QString& login);
    /** The Argon2id hash of an acceptable new password: Invalid for a weak one, Storage when hashing failed. */
    static Result<QString> hashNewPassword(const QString& password, const PasswordHasher& hasher);
    /** Checks a new account's login and password and returns the password's hash (Invalid: every problem). */
    static Result<QString> prepareAccount(const QString& login, const QString& password, const PasswordHasher& hasher);

private:
    /**
     * The shape of every change to an existing account: permission, lookup, `change`, audit entry `action`,
     * all in one transaction. `change` returns the audit detail to add, or an error that rolls everything back.
     */
    Status changeUser(const QString& login, const QString& action,
                      const std::function<Result<QJsonObject>(const User&)>& change);
    /** Refuses to leave the database without an active administrator. */
    Status keepsAnAdmin(const User& user);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    const PasswordHasher& m_hasher;
    AuditWriter m_audit;
};
