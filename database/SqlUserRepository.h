#pragma once

#include "SqlSupport.h"
#include "repositories/UserRepository.h"

/** User accounts in SQL. */
class SqlUserRepository final : public UserRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlUserRepository)

public:
    explicit SqlUserRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<qint64> count() override;
    Result<qint64> insert(const User& user, const QString& passwordHash) override;
    Result<User> find(qint64 id) override;
    Result<User> findByLogin(const QString& login) override;
    Result<QString> passwordHash(qint64 userId) override;
    Result<QList<User>> list() override;
    Status setPasswordHash(qint64 userId, const QString& passwordHash) override;
    Status setActive(qint64 userId, bool active) override;
    Status setRole(qint64 userId, Role role) override;
    Status setLastLogin(qint64 userId, const QDateTime& at) override;
    Status setLoginFailures(qint64 userId, int failedLogins, const QDateTime& lockedUntil) override;
    Result<LoginThrottle> unknownLoginFailures(const QString& login) override;
    Status setUnknownLoginFailures(const QString& login, const LoginThrottle& throttle, const QDateTime& at) override;
    Status forgetUnknownLogins(const QDateTime& before) override;
    Status lockAccounts() override;

private:
    Result<User> findWhere(const QString& condition, const QVariant& value);

    const SqlContext& m_sql;
};
