#include "login/LoginDialog.h"

#include "ui_LoginDialog.h"

#include "common/AppSettings.h"
#include "common/FormHelpers.h"
#include "services/AuthService.h"

#include <QGuiApplication>
#include <QPushButton>

LoginDialog::LoginDialog(AuthService& auth, AppSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LoginDialog>())
    , m_auth(auth)
    , m_settings(settings)
{
    m_ui->setupUi(this);
    FormHelpers::clearError(m_ui->errorLabel);
    retranslate();
    setMinimumWidth(380);

    const QString lastLogin = m_settings.string(AppSettings::Key::LastLogin);
    m_ui->loginLineEdit->setText(lastLogin);
    if (lastLogin.isEmpty()) {
        m_ui->loginLineEdit->setFocus();
    } else {
        m_ui->passwordLineEdit->setFocus();
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::retranslate()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Log in"));
}

void LoginDialog::accept()
{
    const QString login = m_ui->loginLineEdit->text().trimmed();
    if (login.isEmpty()) {
        FormHelpers::showError(m_ui->errorLabel, tr("Enter your login name."));
        m_ui->loginLineEdit->setFocus();
        return;
    }
    FormHelpers::clearError(m_ui->errorLabel);
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = m_auth.login(login, m_ui->passwordLineEdit->text());
    QGuiApplication::restoreOverrideCursor();
    if (!result) {
        FormHelpers::showError(m_ui->errorLabel, result.error().message);
        m_ui->passwordLineEdit->clear();
        m_ui->passwordLineEdit->setFocus();
        return;
    }
    m_session = *result;
    m_settings.setValue(AppSettings::Key::LastLogin, login);
    m_ui->passwordLineEdit->clear();
    QDialog::accept();
}

void LoginDialog::showMessage(const QString& message)
{
    FormHelpers::showError(m_ui->errorLabel, message);
}

void LoginDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
