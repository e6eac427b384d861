#pragma once

#include "users/Role.h"

#include <QDateTime>
#include <QString>

/** A person who logs in. The password hash never leaves the repository except to the PasswordHasher. */
struct User
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    bool active = true;
    QDateTime createdAt;
    QDateTime lastLoginAt;
    int failedLogins = 0;  ///< consecutive failed logins since the last good one
    QDateTime lockedUntil; ///< valid and in the future = login refused until then
};
