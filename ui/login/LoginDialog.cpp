#include "login/LoginDialog.h"

#include "ui_LoginDialog.h"

#include "common/AppSettings.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/AuthService.h"
#include "workers/DatabaseWorker.h"

#include <QPushButton>

LoginDialog::LoginDialog(DatabaseWorker& worker, AppSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LoginDialog>())
    , m_worker(worker)
    , m_settings(settings)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox, m_ui->loginLineEdit, m_ui->passwordLineEdit}, this);
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
    if (m_busy->isBusy()) {
        return; // one check at a time: a second Enter does not count as another attempt
    }
    const QString login = m_ui->loginLineEdit->text().trimmed();
    if (login.isEmpty()) {
        FormHelpers::showError(m_ui->errorLabel, tr("Enter your login name."));
        m_ui->loginLineEdit->setFocus();
        return;
    }
    FormHelpers::clearError(m_ui->errorLabel);
    m_busy->start(tr("Checking the password…"));
    m_worker.run(
        this,
        [login, password = m_ui->passwordLineEdit->text()](const WorkerScope& scope) {
            AuthService auth(scope.repos, scope.clock, scope.hasher);
            return auth.login(login, password);
        },
        [this, login](const Result<Session>& result) {
            m_busy->stop();
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
        });
}

void LoginDialog::reject()
{
    if (m_busy->isBusy()) {
        return; // the answer is on its way; it decides
    }
    QDialog::reject();
}

bool LoginDialog::isChecking() const
{
    return m_busy->isBusy();
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
