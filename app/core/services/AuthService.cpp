#include "AuthService.h"

#include "common/Clock.h"
#include "common/DateTimeText.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/AuditWriter.h"
#include "services/UserService.h"

#include <QJsonObject>

#include <functional>

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
    // Two desks asking for the first administrator at the same instant: the second waits here, then sees a user.
    if (auto locked = m_repos.users->lockAccounts(); !locked) {
        return locked.error();
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

Error AuthService::lockedError(const QDateTime& until)
{
    return Error::make(
        Error::Code::Authentication,
        tr("After %n wrong passwords in a row this account is locked until %1. Try again then, or ask an "
           "administrator to reset the password.",
           nullptr, kMaxFailedLogins)
            .arg(until.toString(QStringLiteral("HH:mm"))));
}

Error AuthService::wrongError()
{
    return Error::make(Error::Code::Authentication, tr("The login or the password is wrong."));
}

Error AuthService::notRecorded(const Error& cause)
{
    // A login that could not be recorded did not happen: no session without its audit entry and counter.
    return Error::make(cause.code == Error::Code::Authentication ? Error::Code::Storage : cause.code,
                       tr("The login could not be recorded, so it was refused: %1").arg(cause.message));
}

Result<Session> AuthService::login(const QString& login, const QString& password)
{
    const QString name = login.trimmed();
    const auto found = m_repos.users->findByLogin(name);
    if (!found) {
        if (found.error().code != Error::Code::NotFound) {
            return found.error();
        }
        return refuseUnknown(name, password);
    }
    const QDateTime now = m_clock.now();
    const bool locked = found->lockedUntil.isValid() && found->lockedUntil > now;
    // The slow Argon2 steps run outside the write transaction, so other desks are not held up meanwhile. While an
    // account is locked the password is not even checked: guessing on gains nothing.
    bool good = false;
    QString fresh;
    if (!locked) {
        const auto stored = m_repos.users->passwordHash(found->id);
        if (!stored) {
            return stored.error();
        }
        good = m_hasher.verify(password, *stored);
        if (good && m_hasher.needsRehash(*stored)) {
            fresh = m_hasher.hash(password); // empty if hashing failed: the old hash stays, which is fine
        }
    }

    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return notRecorded(tx.started().error());
    }
    const auto user = m_repos.users->find(found->id); // the counter as it is now, under the write lock
    if (!user) {
        return notRecorded(user.error());
    }
    AuditWriter audit(*m_repos.audit, m_clock);
    const Session session = Session::forUser(user->id, user->login, user->displayName, user->role);
    // Every write is checked; on any failure the transaction rolls back and the login fails.
    const auto refuse = [&](const QString& reason, const Error& shown, QJsonObject detail = {},
                            const std::function<Status()>& alsoWrite = {}) -> Error {
        detail.insert(QStringLiteral("reason"), reason);
        if (auto a =
                audit.record(session, QStringLiteral("user.login_failed"), QStringLiteral("user"), user->id, detail);
            !a) {
            return notRecorded(a.error());
        }
        if (alsoWrite) {
            if (auto w = alsoWrite(); !w) {
                return notRecorded(w.error());
            }
        }
        if (auto c = tx.commit(); !c) {
            return notRecorded(c.error());
        }
        return shown;
    };
    if (locked) {
        return refuse(QStringLiteral("locked"), lockedError(found->lockedUntil));
    }
    if (!good) {
        const int failed = user->failedLogins + 1;
        return refuse(QStringLiteral("password"), wrongError(), {{QStringLiteral("failed_in_a_row"), failed}},
                      [&]() -> Status {
                          if (failed < kMaxFailedLogins) {
                              return m_repos.users->setLoginFailures(user->id, failed, QDateTime());
                          }
                          const QDateTime until = now.addSecs(qint64(kLockMinutes) * 60);
                          if (auto a = audit.record(session, QStringLiteral("user.locked"), QStringLiteral("user"),
                                                    user->id, {{QStringLiteral("until"), DateTimeText::format(until)}});
                              !a) {
                              return a;
                          }
                          return m_repos.users->setLoginFailures(user->id, 0, until);
                      });
    }
    if (!user->active) {
        return refuse(QStringLiteral("disabled"),
                      Error::make(Error::Code::Authentication,
                                  tr("The account \"%1\" is disabled; ask an administrator.").arg(user->login)));
    }
    if (user->failedLogins != 0 || user->lockedUntil.isValid()) {
        if (auto s = m_repos.users->setLoginFailures(user->id, 0, QDateTime()); !s) {
            return notRecorded(s.error());
        }
    }
    if (!fresh.isEmpty()) {
        if (auto s = m_repos.users->setPasswordHash(user->id, fresh); !s) {
            return notRecorded(s.error());
        }
    }
    if (auto s = m_repos.users->setLastLogin(user->id, now); !s) {
        return notRecorded(s.error());
    }
    if (auto a = audit.record(session, QStringLiteral("user.login"), QStringLiteral("user"), user->id); !a) {
        return notRecorded(a.error());
    }
    if (auto c = tx.commit(); !c) {
        return notRecorded(c.error());
    }
    return session;
}

Result<Session> AuthService::refuseUnknown(const QString& name, const QString& password)
{
    // The same steps, the same messages and the same timing class as a real account: a counter per name that
    // locks after kMaxFailedLogins, one Argon2 verification unless locked, one audit entry, one commit.
    const QString key = name.left(kMaxLoginChars);
    const QDateTime now = m_clock.now();
    const auto before = m_repos.users->unknownLoginFailures(key);
    if (!before) {
        return before.error();
    }
    const bool locked = before->lockedUntil.isValid() && before->lockedUntil > now;
    if (!locked) {
        // The dummy hash is made once; only the first unknown login of this service pays for making it.
        if (m_dummyHash.isEmpty()) {
            m_dummyHash = m_hasher.hash(QStringLiteral("timing-equaliser"));
        }
        m_hasher.verify(password, m_dummyHash);
    }

    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return notRecorded(tx.started().error());
    }
    const auto throttle = m_repos.users->unknownLoginFailures(key); // as it is now, under the write lock
    if (!throttle) {
        return notRecorded(throttle.error());
    }
    AuditWriter audit(*m_repos.audit, m_clock);
    // Nobody is logged in: no user id, and an actor name that no login can have ("(unknown)"); the typed name is
    // in the detail.
    const Session nobody = Session::forUser(0, QStringLiteral("(unknown)"), QString(), Role::Clerk);
    QJsonObject detail{{QStringLiteral("login"), key}, {QStringLiteral("reason"), QStringLiteral("unknown_login")}};
    LoginThrottle next = *throttle;
    Error shown = wrongError();
    if (locked) {
        detail.insert(QStringLiteral("locked"), true);
        shown = lockedError(before->lockedUntil);
    } else {
        next.failures += 1;
        detail.insert(QStringLiteral("failed_in_a_row"), next.failures);
        if (next.failures >= kMaxFailedLogins) {
            next.failures = 0;
            next.lockedUntil = now.addSecs(qint64(kLockMinutes) * 60);
            detail.insert(QStringLiteral("locked_until"), DateTimeText::format(next.lockedUntil));
        }
    }
    if (auto a = audit.record(nobody, QStringLiteral("user.login_failed"), QStringLiteral("login"), 0, detail); !a) {
        return notRecorded(a.error());
    }
    if (!locked) {
        if (auto s = m_repos.users->setUnknownLoginFailures(key, next, now); !s) {
            return notRecorded(s.error());
        }
    }
    if (auto f = m_repos.users->forgetUnknownLogins(now.addSecs(-qint64(kForgetUnknownHours) * 3600)); !f) {
        return notRecorded(f.error());
    }
    if (auto c = tx.commit(); !c) {
        return notRecorded(c.error());
    }
    return shown;
}
