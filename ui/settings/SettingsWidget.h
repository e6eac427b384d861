#pragma once

#include "users/Session.h"

#include <QWidget>

#include <memory>

class AppSettings;
class UserService;

namespace Ui {
class SettingsWidget;
}

/** The Settings page: the interface language (applied at once), who is signed in, and changing one's password. */
class SettingsWidget : public QWidget
{
    Q_OBJECT

public:
    SettingsWidget(const Session& session, AppSettings& settings, UserService& users, QWidget* parent = nullptr);
    ~SettingsWidget() override;

public slots:
    /** Changes the signed-in user's password to the one typed twice, proving the current one. */
    void changePassword();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillLanguages();
    void showAccount();
    void onLanguageChosen(int index);

    std::unique_ptr<Ui::SettingsWidget> m_ui;
    Session m_session;
    AppSettings& m_settings;
    UserService& m_users;
};
