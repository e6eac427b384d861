#include "admin/ReferenceDataWidget.h"

#include "ui_ReferenceDataWidget.h"

#include "admin/ReferenceItemModel.h"
#include "admin/ReferenceNameDialog.h"
#include "common/FormHelpers.h"
#include "services/ReferenceService.h"

#include <QHeaderView>

ReferenceDataWidget::ReferenceDataWidget(ReferenceService& reference, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReferenceDataWidget>())
    , m_reference(reference)
{
    m_ui->setupUi(this);
    const struct
    {
        ReferenceKind kind;
        QTreeView* view;
    } tabs[] = {
        {ReferenceKind::Window, m_ui->windowTreeView},
        {ReferenceKind::Department, m_ui->departmentTreeView},
        {ReferenceKind::ServiceItem, m_ui->serviceItemTreeView},
        {ReferenceKind::Category, m_ui->categoryTreeView},
    };
    for (const auto& t : tabs) {
        auto* model = new ReferenceItemModel(t.kind, this);
        t.view->setModel(model);
        t.view->header()->setStretchLastSection(true);
        t.view->header()->resizeSection(int(ReferenceItemModel::Column::Name), 320);
        connect(t.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &ReferenceDataWidget::updateButtons);
        connect(t.view, &QTreeView::activated, this, &ReferenceDataWidget::renameItem);
        m_tabs.append({t.kind, t.view, model});
    }
    connect(m_ui->referenceTabWidget, &QTabWidget::currentChanged, this, &ReferenceDataWidget::updateButtons);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ReferenceDataWidget::addItem);
    connect(m_ui->addSubCategoryButton, &QPushButton::clicked, this, &ReferenceDataWidget::addSubCategory);
    connect(m_ui->renameButton, &QPushButton::clicked, this, &ReferenceDataWidget::renameItem);
    connect(m_ui->toggleActiveButton, &QPushButton::clicked, this, &ReferenceDataWidget::toggleActive);
    showMessage(QString());
    reloadAll();
}

ReferenceDataWidget::~ReferenceDataWidget() = default;

const ReferenceDataWidget::Tab& ReferenceDataWidget::tabOf(ReferenceKind kind) const
{
    for (const Tab& tab : m_tabs) {
        if (tab.kind == kind) {
            return tab;
        }
    }
    return m_tabs.first();
}

const ReferenceDataWidget::Tab& ReferenceDataWidget::currentTab() const
{
    const int index = m_ui->referenceTabWidget->currentIndex();
    return m_tabs.at(index >= 0 && index < m_tabs.size() ? index : 0);
}

ReferenceItemModel* ReferenceDataWidget::model(ReferenceKind kind) const
{
    return tabOf(kind).model;
}

QTreeView* ReferenceDataWidget::view(ReferenceKind kind) const
{
    return tabOf(kind).view;
}

ReferenceKind ReferenceDataWidget::currentKind() const
{
    return currentTab().kind;
}

void ReferenceDataWidget::reloadAll()
{
    for (const Tab& tab : m_tabs) {
        reload(tab.kind);
    }
    updateButtons();
}

void ReferenceDataWidget::reload(ReferenceKind kind)
{
    const Tab& tab = tabOf(kind);
    const ReferenceItem* current = tab.model->itemAt(tab.view->currentIndex());
    const qint64 currentId = current ? current->id : 0;
    const auto items = m_reference.list(kind, true);
    if (!items) {
        tab.model->setItems({});
        showError(items.error().message);
    } else {
        tab.model->setItems(*items);
    }
    tab.view->expandAll();
    select(kind, currentId);
}

const ReferenceItem* ReferenceDataWidget::selectedItem() const
{
    const Tab& tab = currentTab();
    return tab.model->itemAt(tab.view->currentIndex());
}

void ReferenceDataWidget::select(ReferenceKind kind, qint64 id)
{
    const Tab& tab = tabOf(kind);
    const QModelIndex index = id ? tab.model->indexOfId(id) : QModelIndex();
    if (!index.isValid()) {
        return;
    }
    tab.view->setCurrentIndex(index);
    tab.view->scrollTo(index);
}

void ReferenceDataWidget::updateButtons()
{
    const ReferenceItem* item = selectedItem();
    const bool categories = currentKind() == ReferenceKind::Category;
    m_ui->addSubCategoryButton->setVisible(categories);
    // Two levels: top-level categories and their sub-categories.
    m_ui->addSubCategoryButton->setEnabled(categories && item && item->parentId == 0);
    m_ui->renameButton->setEnabled(item != nullptr);
    m_ui->toggleActiveButton->setEnabled(item != nullptr);
    m_ui->toggleActiveButton->setText(item && !item->active ? tr("Reac&tivate") : tr("&Deactivate"));
}

void ReferenceDataWidget::showMessage(const QString& message)
{
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
}

void ReferenceDataWidget::showError(const QString& message)
{
    m_ui->messageLabel->hide();
    FormHelpers::showError(m_ui->errorLabel, message);
}

void ReferenceDataWidget::openNameDialog(ReferenceNameDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const ReferenceItem before = selectedItem() ? *selectedItem() : ReferenceItem();
    connect(dialog, &QDialog::accepted, this, [this, dialog, before] {
        const auto& saved = dialog->savedItem();
        if (!saved) {
            return;
        }
        reload(saved->kind);
        select(saved->kind, saved->id);
        updateButtons();
        if (dialog->isRename()) {
            showMessage(tr("Renamed \"%1\" to \"%2\".").arg(before.name, saved->name));
        } else {
            showMessage(tr("Added \"%1\". It is offered for new cases now.").arg(saved->name));
        }
    });
    dialog->open();
}

void ReferenceDataWidget::addItem()
{
    openNameDialog(ReferenceNameDialog::forAdding(m_reference, currentKind(), 0, QString(), this));
}

void ReferenceDataWidget::addSubCategory()
{
    const ReferenceItem* parent = selectedItem();
    if (currentKind() != ReferenceKind::Category || !parent || parent->parentId != 0) {
        return;
    }
    openNameDialog(
        ReferenceNameDialog::forAdding(m_reference, ReferenceKind::Category, parent->id, parent->name, this));
}

void ReferenceDataWidget::renameItem()
{
    if (const ReferenceItem* item = selectedItem()) {
        openNameDialog(ReferenceNameDialog::forRenaming(m_reference, *item, this));
    }
}

void ReferenceDataWidget::toggleActive()
{
    const ReferenceItem* selected = selectedItem();
    if (!selected) {
        return;
    }
    const ReferenceItem item = *selected;
    const bool activate = !item.active;
    if (const auto done = m_reference.setActive(item.kind, item.id, activate); !done) {
        showError(done.error().message);
        return;
    }
    reload(item.kind);
    updateButtons();
    showMessage(
        activate ? tr("\"%1\" is offered for new cases again.").arg(item.name)
                 : tr("\"%1\" is no longer offered for new cases. The cases recorded with it keep it.").arg(item.name));
}

void ReferenceDataWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        for (const Tab& tab : m_tabs) {
            tab.model->retranslate();
        }
        updateButtons();
    }
    QWidget::changeEvent(event);
}
