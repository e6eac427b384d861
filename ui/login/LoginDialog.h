#pragma once

#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class AppSettings;
class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class LoginDialog;
}

/**
 * Asks for login and password, checks them through AuthService on the database worker (Argon2 never runs on the
 * GUI thread; the dialog says it is checking and ignores a second submit) and remembers the last login name.
 */
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(DatabaseWorker& worker, AppSettings& settings, QWidget* parent = nullptr);
    ~LoginDialog() override;

    /** The logged-in session; set once the dialog was accepted. */
    const std::optional<Session>& session() const { return m_session; }

    void accept() override;
    /** Shows why the user must log in (again), for example that their session ended. */
    void showMessage(const QString& message);
    void reject() override;
    /** The password is being checked (Argon2) on the database worker. */
    bool isChecking() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::LoginDialog> m_ui;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    AppSettings& m_settings;
    std::optional<Session> m_session;
};
