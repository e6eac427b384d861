#pragma once

#include "common/Result.h"
#include "users/Session.h"

#include <QWidget>

#include <memory>

class AppSettings;
class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class SettingsWidget;
}

/**
 * The Settings page: the interface language (applied at once), who is signed in, and changing one's password (checked
 * and hashed on the database worker, so Argon2 never holds up the window).
 */
class SettingsWidget : public QWidget
{
    Q_OBJECT

public:
    SettingsWidget(const Session& session, AppSettings& settings, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~SettingsWidget() override;

public slots:
    /** Changes the signed-in user's password to the one typed twice, proving the current one. */
    void changePassword();

public:
    /** A password change is being checked and stored on the worker. */
    bool isChangingPassword() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillLanguages();
    void showAccount();
    void onLanguageChosen(int index);
    void passwordChanged(const Status& changed);

    std::unique_ptr<Ui::SettingsWidget> m_ui;
    Session m_session;
    AppSettings& m_settings;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
};
