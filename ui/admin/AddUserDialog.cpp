#include "admin/AddUserDialog.h"

#include "ui_AddUserDialog.h"

#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/UserService.h"

#include <QPushButton>

AddUserDialog::AddUserDialog(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddUserDialog>())
    , m_session(session)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
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
    if (m_busy->isBusy()) {
        return;
    }
    if (!FormHelpers::checkPasswordPair(m_ui->passwordLineEdit, m_ui->repeatPasswordLineEdit, m_ui->errorLabel)) {
        return;
    }
    const auto role = static_cast<Role>(m_ui->roleComboBox->currentData().toInt());
    m_busy->run(
        m_worker, BusyIndicator::savingText(),
        [session = m_session, login = m_ui->loginLineEdit->text().trimmed(), role,
         displayName = m_ui->displayNameLineEdit->text().trimmed(),
         password = m_ui->passwordLineEdit->text()](const WorkerScope& scope) {
            UserService users(session, scope.repos, scope.clock, scope.hasher);
            return users.add(login, role, displayName, password);
        },
        [this](const User& added) {
            m_added = added;
            QDialog::accept();
        });
}

void AddUserDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
