#include "login/FirstAdminDialog.h"

#include "ui_FirstAdminDialog.h"

#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/AuthService.h"
#include "workers/DatabaseWorker.h"

#include <QPushButton>

FirstAdminDialog::FirstAdminDialog(DatabaseWorker& worker, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FirstAdminDialog>())
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    retranslate();
    setMinimumWidth(440);
    m_ui->loginLineEdit->setFocus();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &FirstAdminDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &FirstAdminDialog::reject);
}

FirstAdminDialog::~FirstAdminDialog() = default;

void FirstAdminDialog::retranslate()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Create administrator"));
}

void FirstAdminDialog::accept()
{
    if (m_busy->isBusy()) {
        return;
    }
    const QString login = m_ui->loginLineEdit->text().trimmed();
    if (login.isEmpty()) {
        FormHelpers::showError(m_ui->errorLabel, tr("Choose a login name for the administrator."));
        m_ui->loginLineEdit->setFocus();
        return;
    }
    if (!FormHelpers::checkPasswordPair(m_ui->passwordLineEdit, m_ui->repeatPasswordLineEdit, m_ui->errorLabel)) {
        return;
    }
    m_busy->run(
        m_worker, BusyIndicator::savingText(),
        [login, displayName = m_ui->displayNameLineEdit->text().trimmed(),
         password = m_ui->passwordLineEdit->text()](const WorkerScope& scope) {
            AuthService auth(scope.repos, scope.clock, scope.hasher);
            return auth.createFirstAdmin(login, displayName, password);
        },
        [this](const Session& session) {
            m_session = session;
            QDialog::accept();
        });
}

void FirstAdminDialog::reject()
{
    if (m_busy->isBusy()) {
        return;
    }
    QDialog::reject();
}

bool FirstAdminDialog::isChecking() const
{
    return m_busy->isBusy();
}

void FirstAdminDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
