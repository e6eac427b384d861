#include "login/FirstAdminDialog.h"

#include "ui_FirstAdminDialog.h"

#include "common/FormHelpers.h"
#include "services/AuthService.h"

#include <QGuiApplication>
#include <QPushButton>

FirstAdminDialog::FirstAdminDialog(AuthService& auth, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FirstAdminDialog>())
    , m_auth(auth)
{
    m_ui->setupUi(this);
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
    const QString login = m_ui->loginLineEdit->text().trimmed();
    if (login.isEmpty()) {
        FormHelpers::showError(m_ui->errorLabel, tr("Choose a login name for the administrator."));
        m_ui->loginLineEdit->setFocus();
        return;
    }
    if (!FormHelpers::checkPasswordPair(m_ui->passwordLineEdit, m_ui->repeatPasswordLineEdit, m_ui->errorLabel)) {
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result =
        m_auth.createFirstAdmin(login, m_ui->displayNameLineEdit->text().trimmed(), m_ui->passwordLineEdit->text());
    QGuiApplication::restoreOverrideCursor();
    if (!result) {
        FormHelpers::showError(m_ui->errorLabel, result.error().message);
        return;
    }
    m_session = *result;
    QDialog::accept();
}

void FirstAdminDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
