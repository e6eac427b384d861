#include "admin/ResetPasswordDialog.h"

#include "ui_ResetPasswordDialog.h"

#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/UserService.h"

#include <QLabel>
#include <QPushButton>

ResetPasswordDialog::ResetPasswordDialog(const Session& session, DatabaseWorker& worker, const QString& login,
                                         QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ResetPasswordDialog>())
    , m_session(session)
    , m_worker(worker)
    , m_login(login)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(400);
    retranslate();
    m_ui->passwordLineEdit->setFocus();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ResetPasswordDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ResetPasswordDialog::reject);
}

ResetPasswordDialog::~ResetPasswordDialog() = default;

void ResetPasswordDialog::retranslate()
{
    setWindowTitle(tr("Reset the password of %1").arg(m_login));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Set password"));
}

void ResetPasswordDialog::accept()
{
    if (m_busy->isBusy()) {
        return;
    }
    if (!FormHelpers::checkPasswordPair(m_ui->passwordLineEdit, m_ui->repeatPasswordLineEdit, m_ui->errorLabel)) {
        return;
    }
    m_busy->run(
        m_worker, BusyIndicator::savingText(),
        [session = m_session, login = m_login, password = m_ui->passwordLineEdit->text()](const WorkerScope& scope) {
            UserService users(session, scope.repos, scope.clock, scope.hasher);
            return users.resetPassword(login, password);
        },
        [this] { QDialog::accept(); });
}

void ResetPasswordDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
