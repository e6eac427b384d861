#include "admin/UserTableModel.h"

#include "common/Clock.h"
#include "common/FormHelpers.h"

#include <QBrush>
#include <QPalette>

UserTableModel::UserTableModel(const Clock& clock, QObject* parent)
    : ListTableModel(kColumnCount, parent)
    , m_clock(clock)
{}

bool UserTableModel::isLocked(const User& user) const
{
    return user.lockedUntil.isValid() && user.lockedUntil > m_clock.now();
}

int UserTableModel::rowOfLogin(const QString& login) const
{
    for (int row = 0; row < items().size(); ++row) {
        if (items().at(row).login == login) {
            return row;
        }
    }
    return -1;
}

QVariant UserTableModel::data(const QModelIndex& index, int role) const
{
    const User* user = itemFor(index);
    if (!user) {
        return {};
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Column::Login:
            return user->login;
        case Column::DisplayName:
            return user->displayName;
        case Column::Role:
            return Roles::label(user->role);
        case Column::Status:
            if (!user->active) {
                return tr("Disabled");
            }
            return isLocked(*user) ? tr("Locked until %1").arg(user->lockedUntil.toString(QStringLiteral("HH:mm")))
                                   : tr("Active");
        case Column::LastLogin:
            return user->lastLoginAt.isValid() ? FormHelpers::dateTime(user->lastLoginAt) : tr("Never");
        }
    }
    if (role == RawValueRole) {
        switch (column) {
        case Column::Login:
            return user->login;
        case Column::DisplayName:
            return user->displayName;
        case Column::Role:
            return static_cast<int>(user->role);
        case Column::Status:
            return user->active;
        case Column::LastLogin:
            return user->lastLoginAt;
        }
    }
    if (role == Qt::ToolTipRole && column == Column::Status && user->active && isLocked(*user)) {
        return tr("Locked after repeated wrong passwords. Resetting the password unlocks the account at once.");
    }
    if (role == Qt::ForegroundRole && !user->active) {
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    }
    return {};
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumnCount) {
        return ListTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::Login:
        return tr("Login");
    case Column::DisplayName:
        return tr("Name");
    case Column::Role:
        return tr("Role");
    case Column::Status:
        return tr("Status");
    case Column::LastLogin:
        return tr("Last login");
    }
    return {};
}
