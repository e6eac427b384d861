#include "settings/SettingsWidget.h"

#include "ui_SettingsWidget.h"

#include "common/AppSettings.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/UserService.h"
#include "settings/LanguageManager.h"
#include "workers/DatabaseWorker.h"

SettingsWidget::SettingsWidget(const Session& session, AppSettings& settings, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsWidget>())
    , m_session(session)
    , m_settings(settings)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->passwordMessageLabel,
                               {m_ui->changePasswordButton, m_ui->currentPasswordLineEdit, m_ui->newPasswordLineEdit,
                                m_ui->repeatPasswordLineEdit},
                               this);
    fillLanguages();
    showAccount();
    FormHelpers::clearError(m_ui->passwordErrorLabel);
    m_ui->passwordMessageLabel->hide();
    // Only a signed-in user has a password of their own.
    m_ui->passwordGroupBox->setVisible(m_session.userId() != 0);
    connect(m_ui->languageComboBox, &QComboBox::currentIndexChanged, this, &SettingsWidget::onLanguageChosen);
    connect(m_ui->changePasswordButton, &QPushButton::clicked, this, &SettingsWidget::changePassword);
    // What receipts print: the hall's name and where a citizen asks (this desk's settings).
    m_ui->hallNameLineEdit->setText(m_settings.string(AppSettings::Key::HallName));
    m_ui->receiptEnquiryLineEdit->setText(m_settings.string(AppSettings::Key::ReceiptEnquiry));
    connect(m_ui->hallNameLineEdit, &QLineEdit::editingFinished, this,
            [this] { m_settings.setValue(AppSettings::Key::HallName, m_ui->hallNameLineEdit->text().trimmed()); });
    connect(m_ui->receiptEnquiryLineEdit, &QLineEdit::editingFinished, this, [this] {
        m_settings.setValue(AppSettings::Key::ReceiptEnquiry, m_ui->receiptEnquiryLineEdit->text().trimmed());
    });
    connect(m_ui->repeatPasswordLineEdit, &QLineEdit::returnPressed, this, &SettingsWidget::changePassword);
    connect(m_ui->currentPasswordLineEdit, &QLineEdit::returnPressed, m_ui->newPasswordLineEdit,
            qOverload<>(&QWidget::setFocus));
    connect(m_ui->newPasswordLineEdit, &QLineEdit::returnPressed, m_ui->repeatPasswordLineEdit,
            qOverload<>(&QWidget::setFocus));
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

bool SettingsWidget::isChangingPassword() const
{
    return m_busy->isBusy();
}

void SettingsWidget::changePassword()
{
    if (m_busy->isBusy()) {
        return; // one change at a time
    }
    QLineEdit* current = m_ui->currentPasswordLineEdit;
    QLineEdit* password = m_ui->newPasswordLineEdit;
    QLineEdit* repeated = m_ui->repeatPasswordLineEdit;
    m_ui->passwordMessageLabel->hide();
    if (current->text().isEmpty()) {
        FormHelpers::showError(m_ui->passwordErrorLabel, tr("Type your current password first."));
        current->setFocus();
        return;
    }
    if (!FormHelpers::checkPasswordPair(password, repeated, m_ui->passwordErrorLabel)) {
        return;
    }
    m_busy->start(tr("Checking and saving the password…"));
    m_worker.run(
        this,
        [session = m_session, currentText = current->text(), newText = password->text()](const WorkerScope& scope) {
            UserService users(session, scope.repos, scope.clock, scope.hasher);
            return users.changeOwnPassword(currentText, newText);
        },
        [this](const Status& changed) { passwordChanged(changed); });
}

void SettingsWidget::passwordChanged(const Status& changed)
{
    QLineEdit* current = m_ui->currentPasswordLineEdit;
    QLineEdit* password = m_ui->newPasswordLineEdit;
    QLineEdit* repeated = m_ui->repeatPasswordLineEdit;
    m_busy->stop();
    if (!changed) {
        FormHelpers::showError(m_ui->passwordErrorLabel, changed.error().message);
        if (changed.error().code == Error::Code::Authentication) {
            current->clear();
            current->setFocus();
        } else {
            password->setFocus();
            password->selectAll();
        }
        return;
    }
    current->clear();
    password->clear();
    repeated->clear();
    m_ui->passwordMessageLabel->setText(tr("Your password was changed. Use the new one from your next login on."));
    m_ui->passwordMessageLabel->show();
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
