#include "admin/ScriptLibraryWidget.h"

#include "ui_ScriptLibraryWidget.h"

#include "admin/ScriptEditDialog.h"
#include "admin/ScriptTableModel.h"
#include "common/FormHelpers.h"
#include "services/ReferenceService.h"
#include "services/ScriptService.h"
#include "workers/DatabaseWorker.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace {
/** What one load brings: every script and every category (for names and the editor). */
struct ScriptLibraryData
{
    QList<ScriptTemplate> scripts;
    QList<ReferenceItem> categories;
};

constexpr int kAll = -1;
} // namespace

ScriptLibraryWidget::ScriptLibraryWidget(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ScriptLibraryWidget>())
    , m_session(session)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_model = new ScriptTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ScriptTableModel::RawValueRole);
    m_ui->scriptTableView->setModel(m_proxy);
    m_ui->scriptTableView->sortByColumn(int(ScriptTableModel::Column::Step), Qt::AscendingOrder);
    auto* header = m_ui->scriptTableView->horizontalHeader();
    header->resizeSection(int(ScriptTableModel::Column::Step), 150);
    header->resizeSection(int(ScriptTableModel::Column::Category), 140);
    header->resizeSection(int(ScriptTableModel::Column::Emotion), 90);
    header->resizeSection(int(ScriptTableModel::Column::Title), 200);
    header->resizeSection(int(ScriptTableModel::Column::Status), 70);
    fillFilters();

    connect(m_ui->stepFilterComboBox, &QComboBox::currentIndexChanged, this, &ScriptLibraryWidget::applyFilter);
    connect(m_ui->categoryFilterComboBox, &QComboBox::currentIndexChanged, this, &ScriptLibraryWidget::applyFilter);
    connect(m_ui->showRetiredCheckBox, &QCheckBox::toggled, this, &ScriptLibraryWidget::applyFilter);
    connect(m_ui->addScriptButton, &QPushButton::clicked, this, &ScriptLibraryWidget::addScript);
    connect(m_ui->editScriptButton, &QPushButton::clicked, this, &ScriptLibraryWidget::editScript);
    connect(m_ui->toggleActiveButton, &QPushButton::clicked, this, &ScriptLibraryWidget::toggleActive);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &ScriptLibraryWidget::reload);
    connect(m_ui->scriptTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ScriptLibraryWidget::updateButtons);
    connect(m_ui->scriptTableView, &QTableView::activated, this, &ScriptLibraryWidget::editScript);
    showMessage(QString());
    updateButtons();
}

ScriptLibraryWidget::~ScriptLibraryWidget()
{
    m_loadRequest.invalidate();
}

void ScriptLibraryWidget::showEvent(QShowEvent* event)
{
    // The library is read when the page is first shown, and again on Refresh and after each change.
    if (!m_loaded) {
        reload();
    }
    QWidget::showEvent(event);
}

void ScriptLibraryWidget::fillFilters()
{
    const QVariant step = m_ui->stepFilterComboBox->currentData();
    const QVariant category = m_ui->categoryFilterComboBox->currentData();
    const QSignalBlocker stepBlocker(m_ui->stepFilterComboBox);
    const QSignalBlocker categoryBlocker(m_ui->categoryFilterComboBox);
    m_ui->stepFilterComboBox->clear();
    m_ui->stepFilterComboBox->addItem(tr("All steps"), kAll);
    for (ScriptStep s : IntakeCodes::scriptSteps()) {
        m_ui->stepFilterComboBox->addItem(IntakeCodes::label(s), static_cast<int>(s));
    }
    m_ui->categoryFilterComboBox->clear();
    m_ui->categoryFilterComboBox->addItem(tr("All categories"), qint64(kAll));
    m_ui->categoryFilterComboBox->addItem(tr("Every category (general scripts)"), qint64(0));
    for (const ReferenceItem& c : m_categories) {
        m_ui->categoryFilterComboBox->addItem(m_model->categoryName(c.id), c.id);
    }
    m_ui->stepFilterComboBox->setCurrentIndex(qMax(0, m_ui->stepFilterComboBox->findData(step)));
    m_ui->categoryFilterComboBox->setCurrentIndex(qMax(0, m_ui->categoryFilterComboBox->findData(category)));
}

void ScriptLibraryWidget::reload()
{
    m_loaded = true;
    m_loading = true;
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->refreshButton->setEnabled(false);
    m_ui->scriptTableView->viewport()->setCursor(Qt::BusyCursor);
    if (const ScriptTemplate* current = selectedScript(); current && m_selectAfterLoad == 0) {
        m_selectAfterLoad = current->id;
    }
    m_worker.runLatest(
        this, m_loadRequest,
        [session = m_session](const WorkerScope& scope) -> Result<ScriptLibraryData> {
            ScriptService scripts(session, scope.repos, scope.clock);
            auto all = scripts.all();
            if (!all) {
                return all.error();
            }
            ReferenceService reference(session, scope.repos, scope.clock);
            auto categories = reference.list(ReferenceKind::Category, true);
            if (!categories) {
                return categories.error();
            }
            return ScriptLibraryData{std::move(all).value(), std::move(categories).value()};
        },
        [this](const Result<ScriptLibraryData>& data) {
            m_loading = false;
            m_ui->refreshButton->setEnabled(true);
            m_ui->scriptTableView->viewport()->unsetCursor();
            if (!data) {
                m_all.clear();
                showError(data.error().message);
            } else {
                m_all = data->scripts;
                m_categories = data->categories;
                m_model->setCategoryNames(ScriptTableModel::categoryNames(m_categories));
                fillFilters();
            }
            applyFilter();
            emit loaded();
        });
}

void ScriptLibraryWidget::applyFilter()
{
    const qint64 keep = m_selectAfterLoad != 0 ? m_selectAfterLoad : (selectedScript() ? selectedScript()->id : 0);
    m_selectAfterLoad = 0;
    const int step = m_ui->stepFilterComboBox->currentData().toInt();
    const qint64 category = m_ui->categoryFilterComboBox->currentData().toLongLong();
    const bool retired = m_ui->showRetiredCheckBox->isChecked();
    QList<ScriptTemplate> shown;
    for (const ScriptTemplate& s : m_all) {
        if ((step == kAll || static_cast<int>(s.step) == step) && (category == kAll || s.categoryId == category) &&
            (retired || s.active)) {
            shown.append(s);
        }
    }
    m_model->setItems(shown);
    m_ui->countLabel->setText(tr("%n script(s)", nullptr, int(shown.size())));
    selectId(keep);
    updateButtons();
}

const ScriptTemplate* ScriptLibraryWidget::selectedScript() const
{
    const QModelIndex index = m_proxy->mapToSource(m_ui->scriptTableView->currentIndex());
    return index.isValid() ? m_model->itemAt(index.row()) : nullptr;
}

void ScriptLibraryWidget::selectId(qint64 id)
{
    const int row = id == 0 ? -1 : m_model->rowOfId(id);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_ui->scriptTableView->setCurrentIndex(index);
    m_ui->scriptTableView->scrollTo(index);
}

void ScriptLibraryWidget::updateButtons()
{
    const ScriptTemplate* script = selectedScript();
    m_ui->editScriptButton->setEnabled(script != nullptr);
    m_ui->toggleActiveButton->setEnabled(script != nullptr);
    m_ui->toggleActiveButton->setText(script && !script->active ? tr("Re&activate") : tr("&Retire"));
    m_ui->selectedBodyLabel->setText(script ? script->body : QString());
    m_ui->selectedBodyLabel->setVisible(script != nullptr);
}

void ScriptLibraryWidget::showMessage(const QString& message)
{
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
}

void ScriptLibraryWidget::showError(const QString& message)
{
    m_ui->messageLabel->hide();
    FormHelpers::showError(m_ui->errorLabel, message);
}

void ScriptLibraryWidget::openEditor(const std::optional<ScriptTemplate>& existing)
{
    auto* dialog = new ScriptEditDialog(m_session, m_worker, m_categories, existing, this);
    dialog->setObjectName(QStringLiteral("scriptEditDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!existing) {
        // A new script starts with the step and category the list is filtered to.
        const int step = m_ui->stepFilterComboBox->currentData().toInt();
        const qint64 category = m_ui->categoryFilterComboBox->currentData().toLongLong();
        dialog->preset(step == kAll ? std::nullopt : std::optional<ScriptStep>(static_cast<ScriptStep>(step)),
                       qMax<qint64>(0, category));
    }
    const bool adding = !existing.has_value();
    connect(dialog, &QDialog::accepted, this, [this, dialog, adding] {
        if (const auto& saved = dialog->savedScript()) {
            m_selectAfterLoad = saved->id;
            showMessage(adding ? tr("Added the script \"%1\".").arg(saved->title)
                               : tr("Saved the script \"%1\".").arg(saved->title));
            reload();
        }
    });
    dialog->open();
}

void ScriptLibraryWidget::addScript()
{
    openEditor(std::nullopt);
}

void ScriptLibraryWidget::editScript()
{
    if (const ScriptTemplate* script = selectedScript()) {
        openEditor(*script);
    }
}

void ScriptLibraryWidget::toggleActive()
{
    const ScriptTemplate* script = selectedScript();
    if (!script) {
        return;
    }
    const qint64 id = script->id;
    const bool reactivate = !script->active;
    const QString title = script->title;
    m_ui->toggleActiveButton->setEnabled(false);
    m_worker.run(
        this,
        [session = m_session, id, reactivate](const WorkerScope& scope) {
            ScriptService scripts(session, scope.repos, scope.clock);
            return reactivate ? scripts.reactivate(id) : scripts.retire(id);
        },
        [this, title, reactivate](const Result<ScriptTemplate>& done) {
            if (!done) {
                showError(done.error().message);
                updateButtons();
                return;
            }
            m_selectAfterLoad = done->id;
            showMessage(reactivate ? tr("The script \"%1\" is offered to clerks again.").arg(title)
                                   : tr("The script \"%1\" is retired: clerks are no longer offered it.").arg(title));
            if (!reactivate && !m_ui->showRetiredCheckBox->isChecked()) {
                m_selectAfterLoad = 0;
            }
            reload();
        });
}

void ScriptLibraryWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillFilters();
        m_model->retranslate();
        updateButtons();
        applyFilter();
    }
    QWidget::changeEvent(event);
}
