#pragma once

#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class FirstAdminDialog;
}

/**
 * Creates the first administrator of a new database (there is never a built-in default password). The password is
 * hashed and stored on the database worker; the dialog says so and refuses a second submit meanwhile.
 */
class FirstAdminDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FirstAdminDialog(DatabaseWorker& worker, QWidget* parent = nullptr);
    ~FirstAdminDialog() override;

    /** The new administrator's session; set once the dialog was accepted. */
    const std::optional<Session>& session() const { return m_session; }

    void accept() override;
    void reject() override;
    /** The administrator is being created (Argon2 and the write) on the database worker. */
    bool isChecking() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::FirstAdminDialog> m_ui;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    std::optional<Session> m_session;
};
