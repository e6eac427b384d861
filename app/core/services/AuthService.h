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
    /** Counters of unknown login names are forgotten this long after their last failure (unless locked). */
    static constexpr int kForgetUnknownHours = 24;
    /** Unknown names are counted by their first this-many characters. */
    static constexpr int kMaxLoginChars = 64;

    AuthService(const Repositories& repos, const Clock& clock, const PasswordHasher& hasher);

    /** True while the database has no user at all: the app must ask for the first administrator. */
    Result<bool> needsFirstAdmin();
    /** Creates the first administrator and logs them in; refused once any user exists. */
    Result<Session> createFirstAdmin(const QString& login, const QString& displayName, const QString& password);
    /**
     * Authentication error for an unknown login, a wrong password, a disabled account or one locked after
     * kMaxFailedLogins wrong passwords in a row (for kLockMinutes; an administrator's reset unlocks it). Unknown
     * names are counted and locked the same way, so a lockout does not tell which logins exist. Every attempt is
     * recorded (counter, audit entry); when that fails, the login fails too.
     */
    Result<Session> login(const QString& login, const QString& password);

private:
    Result<Session> refuseUnknown(const QString& name, const QString& password);
    static Error lockedError(const QDateTime& until);
    static Error wrongError();
    static Error notRecorded(const Error& cause);

    Repositories m_repos;
    const Clock& m_clock;
    const PasswordHasher& m_hasher;
    /** A hash of no one's password: unknown logins are verified against it, as long as a real wrong password. */
    QString m_dummyHash;
};
