#include "admin/UserAdminWidget.h"

#include "ui_UserAdminWidget.h"

#include "admin/AddUserDialog.h"
#include "admin/ResetPasswordDialog.h"
#include "admin/UserTableModel.h"
#include "common/FormHelpers.h"
#include "services/UserService.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QSortFilterProxyModel>

UserAdminWidget::UserAdminWidget(UserService& users, const Session& session, DatabaseWorker& worker, const Clock& clock,
                                 QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::UserAdminWidget>())
    , m_users(users)
    , m_session(session)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_model = new UserTableModel(clock, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(UserTableModel::RawValueRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_ui->userTableView->setModel(m_proxy);
    m_ui->userTableView->sortByColumn(int(UserTableModel::Column::Login), Qt::AscendingOrder);
    m_ui->userTableView->horizontalHeader()->setDefaultSectionSize(150);

    connect(m_ui->addUserButton, &QPushButton::clicked, this, &UserAdminWidget::addUser);
    connect(m_ui->changeRoleButton, &QPushButton::clicked, this, &UserAdminWidget::changeRole);
    connect(m_ui->resetPasswordButton, &QPushButton::clicked, this, &UserAdminWidget::resetPassword);
    connect(m_ui->toggleActiveButton, &QPushButton::clicked, this, &UserAdminWidget::toggleActive);
    connect(m_ui->userTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UserAdminWidget::updateButtons);
    connect(m_ui->userTableView, &QTableView::activated, this, &UserAdminWidget::changeRole);
    showMessage(QString());
    reload();
}

UserAdminWidget::~UserAdminWidget() = default;

void UserAdminWidget::reload()
{
    const User* current = selectedUser();
    const QString login = current ? current->login : QString();
    const auto users = m_users.list();
    if (!users) {
        m_model->setItems({});
        showError(users.error().message);
    } else {
        m_model->setItems(*users);
    }
    selectLogin(login);
    updateButtons();
}

const User* UserAdminWidget::selectedUser() const
{
    const QModelIndex index = m_proxy->mapToSource(m_ui->userTableView->currentIndex());
    return index.isValid() ? m_model->itemAt(index.row()) : nullptr;
}

void UserAdminWidget::selectLogin(const QString& login)
{
    const int row = login.isEmpty() ? -1 : m_model->rowOfLogin(login);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_ui->userTableView->setCurrentIndex(index);
    m_ui->userTableView->scrollTo(index);
}

void UserAdminWidget::updateButtons()
{
    const User* user = selectedUser();
    m_ui->changeRoleButton->setEnabled(user != nullptr);
    m_ui->resetPasswordButton->setEnabled(user != nullptr);
    m_ui->toggleActiveButton->setEnabled(user != nullptr);
    m_ui->toggleActiveButton->setText(user && !user->active ? tr("&Enable") : tr("&Disable"));
}

void UserAdminWidget::showMessage(const QString& message)
{
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
}

void UserAdminWidget::showError(const QString& message)
{
    m_ui->messageLabel->hide();
    FormHelpers::showError(m_ui->errorLabel, message);
}

void UserAdminWidget::addUser()
{
    auto* dialog = new AddUserDialog(m_session, m_worker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto& user = dialog->addedUser()) {
            reload();
            selectLogin(user->login);
            showMessage(tr("Added %1 as %2.").arg(user->login, Roles::label(user->role)));
        }
    });
    dialog->open();
}

void UserAdminWidget::changeRole()
{
    const User* user = selectedUser();
    if (!user) {
        return;
    }
    const QString login = user->login;
    QStringList labels;
    for (Role role : Roles::all()) {
        labels << Roles::label(role);
    }
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("changeRoleDialog"));
    dialog->setWindowTitle(tr("Change role"));
    dialog->setLabelText(tr("New role for %1:").arg(login));
    dialog->setComboBoxItems(labels);
    dialog->setComboBoxEditable(false);
    dialog->setTextValue(Roles::label(user->role));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, login](const QString& chosen) {
        for (Role role : Roles::all()) {
            if (Roles::label(role) != chosen) {
                continue;
            }
            if (const auto set = m_users.setRole(login, role); !set) {
                showError(set.error().message);
            } else {
                reload();
                showMessage(tr("%1 is now %2.").arg(login, chosen));
            }
            return;
        }
    });
    dialog->open();
}

void UserAdminWidget::resetPassword()
{
    const User* user = selectedUser();
    if (!user) {
        return;
    }
    auto* dialog = new ResetPasswordDialog(m_session, m_worker, user->login, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { showMessage(tr("The password of %1 was reset.").arg(dialog->login())); });
    dialog->open();
}

void UserAdminWidget::toggleActive()
{
    const User* user = selectedUser();
    if (!user) {
        return;
    }
    const QString login = user->login;
    const bool enable = !user->active;
    const auto done = enable ? m_users.enable(login) : m_users.disable(login);
    if (!done) {
        showError(done.error().message);
        return;
    }
    reload();
    showMessage(enable ? tr("%1 can log in again.").arg(login) : tr("%1 can no longer log in.").arg(login));
}

void UserAdminWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_model->retranslate();
        updateButtons();
    }
    QWidget::changeEvent(event);
}
