#include "Session.h"

#include "common/Result.h"
#include "repositories/UserRepository.h"

#include <QMutex>
#include <QMutexLocker>

struct Session::Life
{
    QMutex mutex;
    bool ended = false;
    QString reason;
    std::function<void(const QString&)> handler;
};

Session Session::forUser(qint64 userId, const QString& login, const QString& displayName, Role role)
{
    Session s;
    s.m_userId = userId;
    s.m_login = login;
    s.m_displayName = displayName.isEmpty() ? login : displayName;
    s.m_role = role;
    s.m_life = std::make_shared<Life>();
    return s;
}

Session Session::commandLine()
{
    Session s;
    s.m_login = QStringLiteral("cli");
    s.m_displayName = QStringLiteral("cli");
    return s;
}

bool Session::can(Permission permission) const
{
    return !m_role || Permissions::allows(*m_role, permission);
}

std::optional<Error> Session::deny(Permission permission) const
{
    if (can(permission)) {
        return std::nullopt;
    }
    return Error::make(Error::Code::PermissionDenied,
                       tr("Your role (%1) may not %2.").arg(Roles::label(*m_role), Permissions::label(permission)));
}

bool Session::hasEnded() const
{
    if (!m_life) {
        return false;
    }
    QMutexLocker lock(&m_life->mutex);
    return m_life->ended;
}

void Session::setEndedHandler(std::function<void(const QString&)> handler) const
{
    if (!m_life) {
        return;
    }
    QMutexLocker lock(&m_life->mutex);
    m_life->handler = std::move(handler);
}

void Session::end(const QString& reason) const
{
    std::function<void(const QString&)> handler;
    {
        QMutexLocker lock(&m_life->mutex);
        if (m_life->ended) {
            return;
        }
        m_life->ended = true;
        m_life->reason = reason;
        handler = m_life->handler;
    }
    if (handler) {
        handler(reason);
    }
}

std::optional<Error> Session::denyNow(UserRepository& users, std::optional<Permission> permission) const
{
    if (!isCommandLine()) {
        const auto ended = [](const QString& reason) {
            return Error::make(Error::Code::SessionEnded, reason);
        };
        if (m_life) {
            QMutexLocker lock(&m_life->mutex);
            if (m_life->ended) {
                return ended(m_life->reason);
            }
        }
        const auto now = users.find(m_userId);
        if (!now && now.error().code != Error::Code::NotFound) {
            return now.error(); // the database failed; that says nothing about the account
        }
        QString reason;
        if (!now) {
            reason = tr("Your account no longer exists. Log in again.");
        } else if (!now->active) {
            reason = tr("An administrator disabled your account (%1). You have been logged out.").arg(m_login);
        } else if (now->role != *m_role) {
            reason = tr("An administrator changed your role from %1 to %2. Log in again to work with your new role.")
                         .arg(Roles::label(*m_role), Roles::label(now->role));
        }
        if (!reason.isEmpty()) {
            if (m_life) {
                end(reason);
            }
            return ended(reason);
        }
    }
    if (permission) {
        return deny(*permission);
    }
    return std::nullopt;
}
