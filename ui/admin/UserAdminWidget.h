#pragma once

#include "users/Session.h"

#include <QWidget>

#include <memory>

class QSortFilterProxyModel;
class Clock;
class DatabaseWorker;
class UserService;
class UserTableModel;
struct User;

namespace Ui {
class UserAdminWidget;
}

/** The Users page for administrators: list accounts, add one, change a role, reset a password, disable or enable. */
class UserAdminWidget : public QWidget
{
    Q_OBJECT

public:
    /** `worker` adds accounts and resets passwords (Argon2) off the GUI thread, as `session`. */
    UserAdminWidget(UserService& users, const Session& session, DatabaseWorker& worker, const Clock& clock,
                    QWidget* parent = nullptr);
    ~UserAdminWidget() override;

    UserTableModel* model() const { return m_model; }

public slots:
    void reload();
    void addUser();
    void changeRole();
    void resetPassword();
    void toggleActive();

protected:
    void changeEvent(QEvent* event) override;

private:
    const User* selectedUser() const;
    void selectLogin(const QString& login);
    void updateButtons();
    void showMessage(const QString& message);
    void showError(const QString& message);

    std::unique_ptr<Ui::UserAdminWidget> m_ui;
    UserService& m_users;
    Session m_session;
    DatabaseWorker& m_worker;
    UserTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};
