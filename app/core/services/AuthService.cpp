#include "AuthService.h"

#include "common/Clock.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/AuditWriter.h"
#include "services/UserService.h"

#include <QJsonObject>

AuthService::AuthService(const Repositories& repos, const Clock& clock, const PasswordHasher& hasher)
    : m_repos(repos)
    , m_clock(clock)
    , m_hasher(hasher)
{}

Result<bool> AuthService::needsFirstAdmin()
{
    const auto n = m_repos.users->count();
    if (!n) {
        return n.error();
    }
    return *n == 0;
}

Result<Session> AuthService::createFirstAdmin(const QString& login, const QString& displayName, const QString& password)
{
    const auto hash = UserService::prepareAccount(login, password, m_hasher);
    if (!hash) {
        return hash.error();
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    const auto n = m_repos.users->count();
    if (!n) {
        return n.error();
    }
    if (*n != 0) {
        return Error::make(Error::Code::PermissionDenied,
                           tr("The database has users already; ask an administrator for an account."));
    }
    User user;
    user.login = login;
    user.displayName = displayName.trimmed();
    user.role = Role::Admin;
    user.createdAt = m_clock.now();
    const auto id = m_repos.users->insert(user, *hash);
    if (!id) {
        return id.error();
    }
    const Session session = Session::forUser(*id, login, user.displayName, Role::Admin);
    AuditWriter audit(*m_repos.audit, m_clock);
    if (auto a = audit.record(session, QStringLiteral("user.add"), QStringLiteral("user"), *id,
                              {{QStringLiteral("login"), login},
                               {QStringLiteral("role"), QStringLiteral("admin")},
                               {QStringLiteral("first_admin"), true}});
        !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return session;
}

Result<Session> AuthService::login(const QString& login, const QString& password)
{
    const Error wrong = Error::make(Error::Code::Authentication, tr("The login or the password is wrong."));
    const auto user = m_repos.users->findByLogin(login.trimmed());
    if (!user) {
        if (user.error().code != Error::Code::NotFound) {
            return user.error();
        }
        // Spend the time a real check would, so that timing does not reveal which logins exist.
        m_hasher.verify(password, m_hasher.hash(QStringLiteral("timing-equaliser")));
        return wrong;
    }
    const auto hash = m_repos.users->passwordHash(user->id);
    if (!hash) {
        return hash.error();
    }
    const bool good = m_hasher.verify(password, *hash);
    AuditWriter audit(*m_repos.audit, m_clock);
    const Session session = Session::forUser(user->id, user->login, user->displayName, user->role);

    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (!good || !user->active) {
        audit.record(session, QStringLiteral("user.login_failed"), QStringLiteral("user"), user->id,
                     {{QStringLiteral("reason"), good ? QStringLiteral("disabled") : QStringLiteral("password")}});
        tx.commit();
        if (good) {
            return Error::make(Error::Code::Authentication,
                               tr("The account \"%1\" is disabled; ask an administrator.").arg(user->login));
        }
        return wrong;
    }
    if (m_hasher.needsRehash(*hash)) {
        const QString fresh = m_hasher.hash(password);
        if (!fresh.isEmpty()) {
            m_repos.users->setPasswordHash(user->id, fresh);
        }
    }
    m_repos.users->setLastLogin(user->id, m_clock.now());
    if (auto a = audit.record(session, QStringLiteral("user.login"), QStringLiteral("user"), user->id); !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return session;
}
