#pragma once

#include "common/ListTableModel.h"
#include "users/User.h"

class Clock;

/** The user accounts as a table (login, name, role, status incl. a lock from failed logins, last login). */
class UserTableModel : public ListTableModel<User>
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

    explicit UserTableModel(const Clock& clock, QObject* parent = nullptr);

    int rowOfLogin(const QString& login) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool isLocked(const User& user) const;

    const Clock& m_clock;
};
