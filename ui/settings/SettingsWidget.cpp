#include "settings/SettingsWidget.h"

#include "ui_SettingsWidget.h"

#include "common/AppSettings.h"
#include "settings/LanguageManager.h"

SettingsWidget::SettingsWidget(const Session& session, AppSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsWidget>())
    , m_session(session)
    , m_settings(settings)
{
    m_ui->setupUi(this);
    fillLanguages();
    showAccount();
    connect(m_ui->languageComboBox, &QComboBox::currentIndexChanged, this, &SettingsWidget::onLanguageChosen);
}

SettingsWidget::~SettingsWidget() = default;

void SettingsWidget::fillLanguages()
{
    auto* combo = m_ui->languageComboBox;
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("System default"), QString());
    // Each language is named in itself, so that it can be found whatever the current language.
    combo->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    combo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    const int index = combo->findData(m_settings.string(AppSettings::Key::Language));
    combo->setCurrentIndex(qMax(0, index));
}

void SettingsWidget::showAccount()
{
    m_ui->accountValueLabel->setText(
        m_session.displayName() == m_session.login()
            ? m_session.login()
            : tr("%1 (%2)", "display name (login)").arg(m_session.displayName(), m_session.login()));
    m_ui->roleValueLabel->setText(m_session.role() ? Roles::label(*m_session.role()) : tr("Command line"));
}

void SettingsWidget::onLanguageChosen(int index)
{
    const QString language = m_ui->languageComboBox->itemData(index).toString();
    m_settings.setValue(AppSettings::Key::Language, language);
    m_settings.sync();
    LanguageManager::apply(language);
}

void SettingsWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->languageComboBox->setItemText(0, tr("System default"));
        showAccount();
    }
    QWidget::changeEvent(event);
}
