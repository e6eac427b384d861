#pragma once

#include "users/Session.h"

#include <QWidget>

#include <memory>

class AppSettings;

namespace Ui {
class SettingsWidget;
}

/** The Settings page: the interface language (applied at once) and who is signed in. */
class SettingsWidget : public QWidget
{
    Q_OBJECT

public:
    SettingsWidget(const Session& session, AppSettings& settings, QWidget* parent = nullptr);
    ~SettingsWidget() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillLanguages();
    void showAccount();
    void onLanguageChosen(int index);

    std::unique_ptr<Ui::SettingsWidget> m_ui;
    Session m_session;
    AppSettings& m_settings;
};
