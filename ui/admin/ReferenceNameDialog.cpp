#include "admin/ReferenceNameDialog.h"

#include "ui_ReferenceNameDialog.h"

#include "common/FormHelpers.h"
#include "services/ReferenceService.h"

#include <QPushButton>

ReferenceNameDialog* ReferenceNameDialog::forAdding(ReferenceService& reference, ReferenceKind kind, qint64 parentId,
                                                    const QString& parentName, QWidget* parent)
{
    ReferenceItem item;
    item.kind = kind;
    item.parentId = parentId;
    return new ReferenceNameDialog(reference, item, parentName, parent);
}

ReferenceNameDialog* ReferenceNameDialog::forRenaming(ReferenceService& reference, const ReferenceItem& item,
                                                      QWidget* parent)
{
    return new ReferenceNameDialog(reference, item, QString(), parent);
}

ReferenceNameDialog::ReferenceNameDialog(ReferenceService& reference, const ReferenceItem& item,
                                         const QString& parentName, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReferenceNameDialog>())
    , m_reference(reference)
    , m_item(item)
    , m_parentName(parentName)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("referenceNameDialog"));
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(400);
    m_ui->nameLineEdit->setText(m_item.name);
    m_ui->nameLineEdit->selectAll();
    m_ui->nameLineEdit->setFocus();
    retranslate();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ReferenceNameDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ReferenceNameDialog::reject);
}

ReferenceNameDialog::~ReferenceNameDialog() = default;

QString ReferenceNameDialog::addTitle(ReferenceKind kind)
{
    switch (kind) {
    case ReferenceKind::Window:
        return tr("Add a window");
    case ReferenceKind::Department:
        return tr("Add a department");
    case ReferenceKind::ServiceItem:
        return tr("Add a service item");
    case ReferenceKind::Category:
        return tr("Add a category");
    }
    return {};
}

void ReferenceNameDialog::retranslate()
{
    QString title;
    QString context;
    if (isRename()) {
        title = tr("Rename \"%1\"").arg(m_item.name);
        context = tr("Cases recorded with it show the new name too.");
    } else if (m_item.parentId != 0) {
        title = tr("Add a sub-category");
        context = tr("A new sub-category under \"%1\".").arg(m_parentName);
    } else {
        title = addTitle(m_item.kind);
        context = tr("It is offered for new cases at once.");
    }
    setWindowTitle(title);
    m_ui->contextLabel->setText(context);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(isRename() ? tr("&Rename") : tr("&Add"));
}

void ReferenceNameDialog::accept()
{
    const QString name = m_ui->nameLineEdit->text().trimmed();
    if (name.isEmpty()) {
        FormHelpers::showError(m_ui->errorLabel, tr("Type a name."));
        m_ui->nameLineEdit->setFocus();
        return;
    }
    if (isRename()) {
        if (name == m_item.name) {
            QDialog::reject(); // nothing to change
            return;
        }
        if (const auto renamed = m_reference.rename(m_item.kind, m_item.id, name); !renamed) {
            FormHelpers::showError(m_ui->errorLabel, renamed.error().message);
            m_ui->nameLineEdit->setFocus();
            return;
        }
        ReferenceItem saved = m_item;
        saved.name = name;
        m_saved = saved;
    } else {
        const auto added = m_reference.add(m_item.kind, name, m_item.parentId);
        if (!added) {
            FormHelpers::showError(m_ui->errorLabel, added.error().message);
            m_ui->nameLineEdit->setFocus();
            return;
        }
        m_saved = *added;
    }
    QDialog::accept();
}

void ReferenceNameDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
