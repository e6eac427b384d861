#pragma once

#include "users/User.h"

#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class AddUserDialog;
}

/** Adds one user account (login, name, role, password twice) through UserService. */
class AddUserDialog : public QDialog
{
    Q_OBJECT

public:
    /** The account is created (Argon2 and the write) on the worker, as the session. */
    AddUserDialog(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~AddUserDialog() override;

    /** The stored user; set once the dialog was accepted. */
    const std::optional<User>& addedUser() const { return m_added; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::AddUserDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    std::optional<User> m_added;
};
