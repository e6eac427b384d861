#pragma once

#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class AuthService;

namespace Ui {
class FirstAdminDialog;
}

/** Creates the first administrator of a new database (there is never a built-in default password). */
class FirstAdminDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FirstAdminDialog(AuthService& auth, QWidget* parent = nullptr);
    ~FirstAdminDialog() override;

    /** The new administrator's session; set once the dialog was accepted. */
    const std::optional<Session>& session() const { return m_session; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::FirstAdminDialog> m_ui;
    AuthService& m_auth;
    std::optional<Session> m_session;
};
