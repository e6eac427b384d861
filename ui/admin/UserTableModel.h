#pragma once

#include "users/User.h"

#include <QAbstractTableModel>
#include <QList>

/** The user accounts as a table (login, name, role, status, last login). */
class UserTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Login,
        DisplayName,
        Role,
        Status,
        LastLogin
    };
    static constexpr int kColumnCount = static_cast<int>(Column::LastLogin) + 1;
    /** The raw value behind a cell: QString, Role as int, bool active, QDateTime. */
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit UserTableModel(QObject* parent = nullptr);

    void setUsers(const QList<User>& users);
    const User* userAt(int row) const;
    int rowOfLogin(const QString& login) const;
    void retranslate();

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<User> m_users;
};
