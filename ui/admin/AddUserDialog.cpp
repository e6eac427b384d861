#include "admin/AddUserDialog.h"

#include "ui_AddUserDialog.h"

#include "common/FormHelpers.h"
#include "services/UserService.h"

#include <QGuiApplication>
#include <QPushButton>

AddUserDialog::AddUserDialog(UserService& users, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddUserDialog>())
    , m_users(users)
{
    m_ui->setupUi(this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(420);
    retranslate();
    m_ui->loginLineEdit->setFocus();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AddUserDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AddUserDialog::reject);
}

AddUserDialog::~AddUserDialog() = default;

void AddUserDialog::retranslate()
{
    const int current = m_ui->roleComboBox->currentIndex();
    m_ui->roleComboBox->clear();
    for (Role role : Roles::all()) {
        m_ui->roleComboBox->addItem(Roles::label(role), static_cast<int>(role));
    }
    m_ui->roleComboBox->setCurrentIndex(qMax(0, current));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Add user"));
}

void AddUserDialog::accept()
{
    if (!FormHelpers::checkPasswordPair(m_ui->passwordLineEdit, m_ui->repeatPasswordLineEdit, m_ui->errorLabel)) {
        return;
    }
    const auto role = static_cast<Role>(m_ui->roleComboBox->currentData().toInt());
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto added = m_users.add(m_ui->loginLineEdit->text().trimmed(), role,
                                   m_ui->displayNameLineEdit->text().trimmed(), m_ui->passwordLineEdit->text());
    QGuiApplication::restoreOverrideCursor();
    if (!added) {
        FormHelpers::showError(m_ui->errorLabel, added.error().message);
        return;
    }
    m_added = *added;
    QDialog::accept();
}

void AddUserDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
