#include "admin/ResetPasswordDialog.h"

#include "ui_ResetPasswordDialog.h"

#include "common/FormHelpers.h"
#include "services/UserService.h"

#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>

ResetPasswordDialog::ResetPasswordDialog(UserService& users, const QString& login, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ResetPasswordDialog>())
    , m_users(users)
    , m_login(login)
{
    m_ui->setupUi(this);
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
    if (!FormHelpers::checkPasswordPair(m_ui->passwordLineEdit, m_ui->repeatPasswordLineEdit, m_ui->errorLabel)) {
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto reset = m_users.resetPassword(m_login, m_ui->passwordLineEdit->text());
    QGuiApplication::restoreOverrideCursor();
    if (!reset) {
        FormHelpers::showError(m_ui->errorLabel, reset.error().message);
        return;
    }
    QDialog::accept();
}

void ResetPasswordDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
