#pragma once

#include "common/Result.h"
#include "users/User.h"

#include <QList>

/** The failed-login counter of a name that is no account: kept like an account's so lockouts look the same. */
struct LoginThrottle
{
    int failures = 0;
    QDateTime lockedUntil; ///< valid and in the future = refused until then
};

/** Storage of user accounts and their password hashes. */
class UserRepository
{
public:
    virtual ~UserRepository() = default;

    virtual Result<qint64> count() = 0;
    virtual Result<qint64> insert(const User& user, const QString& passwordHash) = 0;
    virtual Result<User> find(qint64 id) = 0;
    /** NotFound when no such login. */
    virtual Result<User> findByLogin(const QString& login) = 0;
    virtual Result<QString> passwordHash(qint64 userId) = 0;
    virtual Result<QList<User>> list() = 0;
    virtual Status setPasswordHash(qint64 userId, const QString& passwordHash) = 0;
    virtual Status setActive(qint64 userId, bool active) = 0;
    virtual Status setRole(qint64 userId, Role role) = 0;
    virtual Status setLastLogin(qint64 userId, const QDateTime& at) = 0;
    /** The failed-login counter and the lock (an invalid time = not locked). */
    virtual Status setLoginFailures(qint64 userId, int failedLogins, const QDateTime& lockedUntil) = 0;

    /** The counter of an unknown login name (zero when it never failed). */
    virtual Result<LoginThrottle> unknownLoginFailures(const QString& login) = 0;
    /** Sets it, noting `at` as its last failure. */
    virtual Status setUnknownLoginFailures(const QString& login, const LoginThrottle& throttle,
                                           const QDateTime& at) = 0;
    /** Forgets unknown-login counters whose last failure lies before `before` and that hold no lock any more. */
    virtual Status forgetUnknownLogins(const QDateTime& before) = 0;

    /**
     * Serialises, across desks, the changes that must leave an administrator (creating the first one, disabling
     * or demoting one) until the current write transaction ends. Call it first inside that transaction.
     */
    virtual Status lockAccounts() = 0;
};
