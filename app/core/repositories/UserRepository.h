#pragma once

#include "common/Result.h"
#include "users/User.h"

#include <QList>

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
};
