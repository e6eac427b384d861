#pragma once

#include "users/Session.h"

#include <QDialog>

#include <memory>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class ResetPasswordDialog;
}

/** Sets a new password for one user (typed twice) through UserService::resetPassword. */
class ResetPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    /** The new password is hashed and stored on the worker, as the session. */
    ResetPasswordDialog(const Session& session, DatabaseWorker& worker, const QString& login,
                        QWidget* parent = nullptr);
    ~ResetPasswordDialog() override;

    const QString& login() const { return m_login; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::ResetPasswordDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    QString m_login;
};
