#include "SqlUserRepository.h"

namespace {
const QLatin1String kSelect("SELECT id, login, display_name, role, active, created_at, last_login_at, failed_logins, "
                            "locked_until FROM users");

User userFrom(const QSqlQuery& q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.login = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = Roles::fromCode(q.value(3).toString()).value_or(Role::Clerk);
    u.active = q.value(4).toInt() != 0;
    u.createdAt = SqlContext::toTime(q.value(5));
    u.lastLoginAt = SqlContext::toTime(q.value(6));
    u.failedLogins = q.value(7).toInt();
    u.lockedUntil = SqlContext::toTime(q.value(8));
    return u;
}
} // namespace

Result<qint64> SqlUserRepository::count()
{
    const auto n = m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!n) {
        return n.error();
    }
    return n->toLongLong();
}

Result<qint64> SqlUserRepository::insert(const User& user, const QString& passwordHash)
{
    const auto id = m_sql.scalar(QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, active, "
                                                "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                                 {user.login, user.displayName, Roles::code(user.role), passwordHash,
                                  user.active ? 1 : 0, SqlContext::time(user.createdAt)});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<User> SqlUserRepository::findWhere(const QString& condition, const QVariant& value)
{
    auto q = m_sql.exec(kSelect + QLatin1String(" WHERE ") + condition, {value});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("There is no user %1.").arg(value.toString()));
    }
    return userFrom(*q);
}

Result<User> SqlUserRepository::find(qint64 id)
{
    return findWhere(QStringLiteral("id = ?"), id);
}

Result<User> SqlUserRepository::findByLogin(const QString& login)
{
    return findWhere(QStringLiteral("login = ?"), login);
}

Result<QString> SqlUserRepository::passwordHash(qint64 userId)
{
    const auto hash = m_sql.scalar(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {userId});
    if (!hash) {
        return hash.error();
    }
    return hash->toString();
}

Result<QList<User>> SqlUserRepository::list()
{
    auto q = m_sql.exec(kSelect + QLatin1String(" ORDER BY login"));
    if (!q) {
        return q.error();
    }
    QList<User> result;
    while (q->next()) {
        result.append(userFrom(*q));
    }
    return result;
}

Status SqlUserRepository::setPasswordHash(qint64 userId, const QString& passwordHash)
{
    return m_sql.execOne(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {passwordHash, userId});
}

Status SqlUserRepository::setActive(qint64 userId, bool active)
{
    return m_sql.execOne(QStringLiteral("UPDATE users SET active = ? WHERE id = ?"), {active ? 1 : 0, userId});
}

Status SqlUserRepository::setRole(qint64 userId, Role role)
{
    return m_sql.execOne(QStringLiteral("UPDATE users SET role = ? WHERE id = ?"), {Roles::code(role), userId});
}

Status SqlUserRepository::setLastLogin(qint64 userId, const QDateTime& at)
{
    return m_sql.execOne(QStringLiteral("UPDATE users SET last_login_at = ? WHERE id = ?"),
                         {SqlContext::time(at), userId});
}

Status SqlUserRepository::setLoginFailures(qint64 userId, int failedLogins, const QDateTime& lockedUntil)
{
    return m_sql.execOne(QStringLiteral("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?"),
                         {failedLogins, SqlContext::time(lockedUntil), userId});
}

Result<LoginThrottle> SqlUserRepository::unknownLoginFailures(const QString& login)
{
    auto q = m_sql.exec(QStringLiteral("SELECT failures, locked_until FROM login_failures WHERE login = ?"), {login});
    if (!q) {
        return q.error();
    }
    LoginThrottle throttle;
    if (q->next()) {
        throttle.failures = q->value(0).toInt();
        throttle.lockedUntil = SqlContext::toTime(q->value(1));
    }
    return throttle;
}

Status SqlUserRepository::setUnknownLoginFailures(const QString& login, const LoginThrottle& throttle,
                                                  const QDateTime& at)
{
    const auto q = m_sql.exec(
        QStringLiteral("INSERT INTO login_failures (login, failures, locked_until, last_failed_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, "
                       "locked_until = excluded.locked_until, last_failed_at = excluded.last_failed_at"),
        {login, throttle.failures, SqlContext::time(throttle.lockedUntil), SqlContext::time(at)});
    if (!q) {
        return q.error();
    }
    return {};
}

Status SqlUserRepository::forgetUnknownLogins(const QDateTime& before)
{
    const QVariant t = SqlContext::time(before);
    const auto q = m_sql.exec(QStringLiteral("DELETE FROM login_failures WHERE last_failed_at < ? AND "
                                             "(locked_until IS NULL OR locked_until < ?)"),
                              {t, t});
    if (!q) {
        return q.error();
    }
    return {};
}

Status SqlUserRepository::lockAccounts()
{
    const QString lock = m_sql.dialect().accountsLock();
    if (lock.isEmpty()) {
        return {};
    }
    const auto q = m_sql.exec(lock);
    if (!q) {
        return q.error();
    }
    return {};
}
