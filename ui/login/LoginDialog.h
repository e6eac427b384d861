#pragma once

#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class AppSettings;
class AuthService;

namespace Ui {
class LoginDialog;
}

/** Asks for login and password, checks them through AuthService and remembers the last login name. */
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(AuthService& auth, AppSettings& settings, QWidget* parent = nullptr);
    ~LoginDialog() override;

    /** The logged-in session; set once the dialog was accepted. */
    const std::optional<Session>& session() const { return m_session; }

    void accept() override;
    /** Shows why the user must log in (again), for example that their session ended. */
    void showMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::LoginDialog> m_ui;
    AuthService& m_auth;
    AppSettings& m_settings;
    std::optional<Session> m_session;
};
