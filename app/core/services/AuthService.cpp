#include "AuthService.h"

#include "common/Clock.h"
#include "common/DateTimeText.h"
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
    if (auto s = m_repos.users->setLastLogin(*id, user.createdAt); !s) {
        return s.error();
    }
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
    const auto found = m_repos.users->findByLogin(login.trimmed());
    if (!found) {
        if (found.error().code != Error::Code::NotFound) {
            return found.error();
        }
        // Spend the time a real check would (one verification), so that timing does not reveal which logins exist.
        // The dummy hash is made once; only the first unknown login of this service pays for making it.
        if (m_dummyHash.isEmpty()) {
            m_dummyHash = m_hasher.hash(QStringLiteral("timing-equaliser"));
        }
        m_hasher.verify(password, m_dummyHash);
        return wrong;
    }
    const QDateTime now = m_clock.now();
    const bool locked = found->lockedUntil.isValid() && found->lockedUntil > now;
    // The slow Argon2 check runs outside the write transaction, so other desks are not held up meanwhile. While an
    // account is locked the password is not even checked: guessing on gains nothing.
    bool good = false;
    QString hash;
    if (!locked) {
        const auto stored = m_repos.users->passwordHash(found->id);
        if (!stored) {
            return stored.error();
        }
        hash = *stored;
        good = m_hasher.verify(password, hash);
    }

    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    const auto user = m_repos.users->find(found->id); // the counter as it is now, under the write lock
    if (!user) {
        return user.error();
    }
    AuditWriter audit(*m_repos.audit, m_clock);
    const Session session = Session::forUser(user->id, user->login, user->displayName, user->role);
    const auto refuse = [&](const QString& reason, QJsonObject detail = {}) {
        detail.insert(QStringLiteral("reason"), reason);
        return audit.record(session, QStringLiteral("user.login_failed"), QStringLiteral("user"), user->id, detail);
    };
    if (locked) {
        refuse(QStringLiteral("locked"));
        tx.commit();
        return Error::make(
            Error::Code::Authentication,
            tr("After %n wrong passwords in a row this account is locked until %1. Try again then, or ask an "
               "administrator to reset the password.",
               nullptr, kMaxFailedLogins)
                .arg(found->lockedUntil.toString(QStringLiteral("HH:mm"))));
    }
    if (!good) {
        int failed = user->failedLogins + 1;
        QDateTime lockedUntil;
        refuse(QStringLiteral("password"), {{QStringLiteral("failed_in_a_row"), failed}});
        if (failed >= kMaxFailedLogins) {
            lockedUntil = now.addSecs(qint64(kLockMinutes) * 60);
            audit.record(session, QStringLiteral("user.locked"), QStringLiteral("user"), user->id,
                         {{QStringLiteral("until"), DateTimeText::format(lockedUntil)}});
            failed = 0;
        }
        m_repos.users->setLoginFailures(user->id, failed, lockedUntil);
        tx.commit();
        return wrong;
    }
    if (!user->active) {
        refuse(QStringLiteral("disabled"));
        tx.commit();
        return Error::make(Error::Code::Authentication,
                           tr("The account \"%1\" is disabled; ask an administrator.").arg(user->login));
    }
    if (user->failedLogins != 0 || user->lockedUntil.isValid()) {
        m_repos.users->setLoginFailures(user->id, 0, QDateTime());
    }
    if (m_hasher.needsRehash(hash)) {
        const QString fresh = m_hasher.hash(password);
        if (!fresh.isEmpty()) {
            m_repos.users->setPasswordHash(user->id, fresh);
        }
    }
    m_repos.users->setLastLogin(user->id, now);
    if (auto a = audit.record(session, QStringLiteral("user.login"), QStringLiteral("user"), user->id); !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return session;
}
