#include "admin/UserTableModel.h"

#include "common/FormHelpers.h"

#include <QBrush>
#include <QPalette>

UserTableModel::UserTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void UserTableModel::setUsers(const QList<User>& users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

const User* UserTableModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users.at(row) : nullptr;
}

int UserTableModel::rowOfLogin(const QString& login) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).login == login) {
            return row;
        }
    }
    return -1;
}

void UserTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, kColumnCount - 1);
    if (!m_users.isEmpty()) {
        emit dataChanged(index(0, 0), index(int(m_users.size()) - 1, kColumnCount - 1));
    }
}

int UserTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant UserTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const User& user = m_users.at(index.row());
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Column::Login:
            return user.login;
        case Column::DisplayName:
            return user.displayName;
        case Column::Role:
            return Roles::label(user.role);
        case Column::Status:
            return user.active ? tr("Active") : tr("Disabled");
        case Column::LastLogin:
            return user.lastLoginAt.isValid() ? FormHelpers::dateTime(user.lastLoginAt) : tr("Never");
        }
    }
    if (role == RawValueRole) {
        switch (column) {
        case Column::Login:
            return user.login;
        case Column::DisplayName:
            return user.displayName;
        case Column::Role:
            return static_cast<int>(user.role);
        case Column::Status:
            return user.active;
        case Column::LastLogin:
            return user.lastLoginAt;
        }
    }
    if (role == Qt::ForegroundRole && !user.active) {
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    }
    return {};
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
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
