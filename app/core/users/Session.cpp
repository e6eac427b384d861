#include "Session.h"

#include "common/Result.h"

Session Session::forUser(qint64 userId, const QString& login, const QString& displayName, Role role)
{
    Session s;
    s.m_userId = userId;
    s.m_login = login;
    s.m_displayName = displayName.isEmpty() ? login : displayName;
    s.m_role = role;
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
