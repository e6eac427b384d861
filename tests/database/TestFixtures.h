#pragma once

#include "cases/Case.h"
#include "common/Clock.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/Repositories.h"
#include "repositories/UserRepository.h"
#include "users/Session.h"

#include <QDateTime>

/** Small builders shared by the database tests: users without slow hashing, drafts, fixed times. */
namespace Fixtures {

/** A local date-time from "YYYY-MM-DD HH:MM[:SS]". */
inline QDateTime at(const QString& text)
{
    const QString format =
        text.size() > 16 ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm");
    return QDateTime::fromString(text, format);
}

/** A user inserted straight through the repository (no Argon2): for tests that only need a session. */
inline Session addUser(const Repositories& repos, const QString& login, Role role, bool active = true)
{
    User u;
    u.login = login;
    u.displayName = login + QStringLiteral(" 同志");
    u.role = role;
    u.active = active;
    u.createdAt = at(QStringLiteral("2026-01-05 08:00"));
    const auto id = repos.users->insert(u, QStringLiteral("not-a-real-hash"));
    return Session::forUser(id.ok() ? *id : 0, login, u.displayName, role);
}

/** The id of a seeded reference row by name, 0 if missing. */
inline qint64 referenceId(const Repositories& repos, ReferenceKind kind, const QString& name)
{
    const auto all = repos.reference->list(kind);
    if (!all) {
        return 0;
    }
    for (const auto& item : *all) {
        if (item.name == name) {
            return item.id;
        }
    }
    return 0;
}

/** A complete draft with a named citizen (valid mobile number and resident ID). */
inline CaseDraft citizenDraft(const Repositories& repos, const QString& text)
{
    CaseDraft d;
    d.channel = Channel::Window;
    d.windowId = referenceId(repos, ReferenceKind::Window, QStringLiteral("3号窗口"));
    d.serviceItemId = referenceId(repos, ReferenceKind::ServiceItem, QStringLiteral("社保业务"));
    d.categoryId = referenceId(repos, ReferenceKind::Category, QStringLiteral("服务态度"));
    d.departmentId = referenceId(repos, ReferenceKind::Department, QStringLiteral("综合受理科"));
    d.waitedMinutes = 35;
    d.complaintText = text;
    d.facts = QStringLiteral("窗口人员态度生硬");
    d.citizen.name = QStringLiteral("张三");
    d.citizen.phone = QStringLiteral("13800138000");
    d.citizen.idNumber = QStringLiteral("11010519491231002X");
    d.citizen.address = QStringLiteral("北京市东城区");
    return d;
}

/** A draft without any personal data: an anonymous complaint. */
inline CaseDraft anonymousDraft(const Repositories& repos, const QString& text)
{
    CaseDraft d = citizenDraft(repos, text);
    d.citizen = Citizen{};
    d.channel = Channel::Online;
    return d;
}

} // namespace Fixtures
