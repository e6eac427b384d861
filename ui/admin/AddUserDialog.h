#pragma once

#include "users/User.h"

#include <QDialog>

#include <memory>
#include <optional>

class UserService;

namespace Ui {
class AddUserDialog;
}

/** Adds one user account (login, name, role, password twice) through UserService. */
class AddUserDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddUserDialog(UserService& users, QWidget* parent = nullptr);
    ~AddUserDialog() override;

    /** The stored user; set once the dialog was accepted. */
    const std::optional<User>& addedUser() const { return m_added; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::AddUserDialog> m_ui;
    UserService& m_users;
    std::optional<User> m_added;
};
