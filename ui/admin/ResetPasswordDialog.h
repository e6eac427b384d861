#pragma once

#include <QDialog>

#include <memory>

class UserService;

namespace Ui {
class ResetPasswordDialog;
}

/** Sets a new password for one user (typed twice) through UserService::resetPassword. */
class ResetPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    ResetPasswordDialog(UserService& users, const QString& login, QWidget* parent = nullptr);
    ~ResetPasswordDialog() override;

    const QString& login() const { return m_login; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::ResetPasswordDialog> m_ui;
    UserService& m_users;
    QString m_login;
};
