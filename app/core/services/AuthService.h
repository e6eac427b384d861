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
    AuthService(const Repositories& repos, const Clock& clock, const PasswordHasher& hasher);

    /** True while the database has no user at all: the app must ask for the first administrator. */
    Result<bool> needsFirstAdmin();
    /** Creates the first administrator and logs them in; refused once any user exists. */
    Result<Session> createFirstAdmin(const QString& login, const QString& displayName, const QString& password);
    /** Authentication error for an unknown login, a wrong password or a disabled account. */
    Result<Session> login(const QString& login, const QString& password);

private:
    Repositories m_repos;
    const Clock& m_clock;
    const PasswordHasher& m_hasher;
};
