#include "UserService.h"

#include "common/Clock.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

UserService::UserService(Session session, const Repositories& repos, const Clock& clock, const PasswordHasher& hasher)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_hasher(hasher)
    , m_audit(*repos.audit, clock)
{}

QStringList UserService::loginProblems(const QString& login)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$"));
    if (!shape.match(login).hasMatch()) {
        return {tr("A login has 2 to 32 letters, digits, dots, hyphens or underscores, and starts with a letter or "
                   "digit.")};
    }
    if (login.compare(QLatin1String("cli"), Qt::CaseInsensitive) == 0) {
        return {tr("\"cli\" is reserved for the command-line tool.")};
    }
    return {};
}

Result<QList<User>> UserService::list()
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageUsers)) {
        return *denied;
    }
    return m_repos.users->list();
}

Result<QString> UserService::hashNewPassword(const QString& password, const PasswordHasher& hasher)
{
    if (auto weak = PasswordHasher::weakness(password)) {
        return Error::make(Error::Code::Invalid, *weak);
    }
    const QString hash = hasher.hash(password);
    if (hash.isEmpty()) {
        return Error::make(Error::Code::Storage, tr("The password could not be hashed (out of memory)."));
    }
    return hash;
}

Result<QString> UserService::prepareAccount(const QString& login, const QString& password, const PasswordHasher& hasher)
{
    // Every problem at once, so that the form can show the login's and the password's together.
    QStringList problems = loginProblems(login);
    if (auto weak = PasswordHasher::weakness(password)) {
        problems << *weak;
    }
    if (!problems.isEmpty()) {
        return Error::make(Error::Code::Invalid, problems.join(QLatin1Char('\n')));
    }
    return hashNewPassword(password, hasher);
}

Result<User> UserService::add(const QString& login, Role role, const QString& displayName, const QString& password)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageUsers)) {
        return *denied;
    }
    if (displayName.size() > 100) {
        return Error::make(Error::Code::Invalid, tr("The name is longer than 100 characters."));
    }
    const auto hash = prepareAccount(login, password, m_hasher);
    if (!hash) {
        return hash.error();
    }

    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (m_repos.users->findByLogin(login)) {
        return Error::make(Error::Code::Conflict, tr("The login \"%1\" exists already.").arg(login));
    }
    User user;
    user.login = login;
    user.displayName = displayName.trimmed();
    user.role = role;
    user.active = true;
    user.createdAt = m_clock.now();
    const auto id = m_repos.users->insert(user, *hash);
    if (!id) {
        return id.error();
    }
    user.id = *id;
    if (auto a = m_audit.record(m_session, QStringLiteral("user.add"), QStringLiteral("user"), user.id,
                                {{QStringLiteral("login"), login}, {QStringLiteral("role"), Roles::code(role)}});
        !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return user;
}

Status UserService::changeUser(const QString& login, const QString& action,
                               const std::function<Result<QJsonObject>(const User&)>& change)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started();
    }
    // Account changes that could leave no administrator queue behind each other across desks; the acting
    // administrator's own state is checked after the lock, so one who was just disabled or demoted loses.
    if (auto locked = m_repos.users->lockAccounts(); !locked) {
        return locked;
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageUsers)) {
        return *denied;
    }
    const auto user = m_repos.users->findByLogin(login);
    if (!user) {
        return Error::make(Error::Code::NotFound, tr("There is no user \"%1\".").arg(login));
    }
    auto detail = change(*user);
    if (!detail) {
        return detail.error();
    }
    detail->insert(QStringLiteral("login"), login);
    if (auto a = m_audit.record(m_session, action, QStringLiteral("user"), user->id, *detail); !a) {
        return a;
    }
    return tx.commit();
}

Status UserService::keepsAnAdmin(const User& user)
{
    if (user.role != Role::Admin || !user.active) {
        return {};
    }
    const auto users = m_repos.users->list();
    if (!users) {
        return users.error();
    }
    const auto admins =
        std::count_if(users->begin(), users->end(), [](const User& u) { return u.active && u.role == Role::Admin; });
    if (admins <= 1) {
        return Error::make(Error::Code::Invalid, tr("\"%1\" is the last active administrator.").arg(user.login));
    }
    return {};
}

Status UserService::disable(const QString& login)
{
    return changeUser(login, QStringLiteral("user.disable"), [this](const User& user) -> Result<QJsonObject> {
        if (user.id == m_session.userId()) {
            return Error::make(Error::Code::Invalid, tr("You cannot disable your own account."));
        }
        if (auto s = keepsAnAdmin(user); !s) {
            return s.error();
        }
        if (auto s = m_repos.users->setActive(user.id, false); !s) {
            return s.error();
        }
        return QJsonObject{};
    });
}

Status UserService::enable(const QString& login)
{
    return changeUser(login, QStringLiteral("user.enable"), [this](const User& user) -> Result<QJsonObject> {
        if (auto s = m_repos.users->setActive(user.id, true); !s) {
            return s.error();
        }
        if (auto s = m_repos.users->setLoginFailures(user.id, 0, QDateTime()); !s) {
            return s.error();
        }
        return QJsonObject{};
    });
}

Status UserService::setRole(const QString& login, Role role)
{
    return changeUser(login, QStringLiteral("user.role"), [this, role](const User& user) -> Result<QJsonObject> {
        if (role != Role::Admin) {
            if (auto s = keepsAnAdmin(user); !s) {
                return s.error();
            }
        }
        if (auto s = m_repos.users->setRole(user.id, role); !s) {
            return s.error();
        }
        return QJsonObject{{QStringLiteral("from"), Roles::code(user.role)}, {QStringLiteral("to"), Roles::code(role)}};
    });
}

Status UserService::resetPassword(const QString& login, const QString& newPassword)
{
    const auto hash = hashNewPassword(newPassword, m_hasher);
    if (!hash) {
        return hash.error();
    }
    return changeUser(login, QStringLiteral("user.password"), [this, &hash](const User& user) -> Result<QJsonObject> {
        if (auto s = m_repos.users->setPasswordHash(user.id, *hash); !s) {
            return s.error();
        }
        // A reset by an administrator also lifts a lock from failed logins.
        if (auto s = m_repos.users->setLoginFailures(user.id, 0, QDateTime()); !s) {
            return s.error();
        }
        return QJsonObject{};
    });
}

Status UserService::changeOwnPassword(const QString& currentPassword, const QString& newPassword)
{
    if (m_session.isCommandLine() || m_session.userId() == 0) {
        return Error::make(Error::Code::Invalid, tr("Only a logged-in user has a password to change."));
    }
    if (auto ended = m_session.denyNow(*m_repos.users)) {
        return *ended;
    }
    if (auto weak = PasswordHasher::weakness(newPassword)) {
        return Error::make(Error::Code::Invalid, *weak);
    }
    if (newPassword == currentPassword) {
        return Error::make(Error::Code::Invalid, tr("The new password is the same as the current one."));
    }
    // Both slow Argon2 steps run before the write transaction, so other desks are not held up meanwhile.
    const auto stored = m_repos.users->passwordHash(m_session.userId());
    if (!stored) {
        return stored.error();
    }
    if (!m_hasher.verify(currentPassword, *stored)) {
        return Error::make(Error::Code::Authentication, tr("The current password is wrong."));
    }
    const auto hash = hashNewPassword(newPassword, m_hasher);
    if (!hash) {
        return hash.error();
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started();
    }
    if (auto s = m_repos.users->setPasswordHash(m_session.userId(), *hash); !s) {
        return s;
    }
    if (auto a = m_audit.record(m_session, QStringLiteral("user.password_own"), QStringLiteral("user"),
                                m_session.userId(), {{QStringLiteral("login"), m_session.login()}});
        !a) {
        return a;
    }
    return tx.commit();
}
