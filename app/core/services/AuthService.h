#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"
#include "users/PasswordHasher.h"
#include "users/Session.h"

#include <QCoreApplication>

class Clock;

/** Logging in, and creating the first administrator of a new database (never a built-in default password). */
class AuthService
{
    Q_DECLARE_TR_FUNCTIONS(AuthService)

public:
    /** Consecutive wrong passwords after which an account is locked, and for how long. */
    static constexpr int kMaxFailedLogins = 5;
    static constexpr int kLockMinutes = 15;

    AuthService(const Repositories& repos, const Clock& clock, const PasswordHasher& hasher);

    /** True while the database has no user at all: the app must ask for the first administrator. */
    Result<bool> needsFirstAdmin();
    /** Creates the first administrator and logs them in; refused once any user exists. */
    Result<Session> createFirstAdmin(const QString& login, const QString& displayName, const QString& password);
    /**
     * Authentication error for an unknown login, a wrong password, a disabled account or one locked after
     * kMaxFailedLogins wrong passwords in a row (for kLockMinutes; an administrator's reset unlocks it).
     */
    Result<Session> login(const QString& login, const QString& password);

private:
    Repositories m_repos;
    const Clock& m_clock;
    const PasswordHasher& m_hasher;
    /** A hash of no one's password: unknown logins are verified against it, as long as a real wrong password. */
    QString m_dummyHash;
};
