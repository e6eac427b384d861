#include "improvement/ImprovementRegisterWidget.h"

#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "improvement/ImprovementDialog.h"
#include "improvement/ImprovementJobs.h"
#include "improvement/ImprovementPickerDialog.h"
#include "improvement/ImprovementTableModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

ImprovementRegisterWidget::ImprovementRegisterWidget(Session session, DatabaseWorker& worker, const Clock& clock,
                                                     QWidget* parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_clock(clock)
{
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    m_statusLabel = new QLabel(this);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilterComboBox"));
    m_statusLabel->setBuddy(m_status);
    m_categoryLabel = new QLabel(this);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("categoryFilterComboBox"));
    m_categoryLabel->setBuddy(m_category);
    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("newActionButton"));
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("editActionButton"));
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status);
    filters->addSpacing(12);
    filters->addWidget(m_categoryLabel);
    filters->addWidget(m_category, 1);
    filters->addStretch(1);
    filters->addWidget(m_new);
    filters->addWidget(m_edit);
    filters->addWidget(m_refresh);
    layout->addLayout(filters);

    m_model = new ImprovementTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ImprovementTableModel::RawRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("actionsTableView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ImprovementTableModel::Deadline, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(ImprovementTableModel::Title, QHeaderView::Stretch);
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    layout->addWidget(m_summary);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    FormHelpers::clearError(m_error);

    m_new->setVisible(m_session.can(Permission::ManageImprovements));
    retranslate();
    m_status->setCurrentIndex(ActiveActions);

    connect(m_status, &QComboBox::currentIndexChanged, this, &ImprovementRegisterWidget::reload);
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading) {
            reload();
        }
    });
    connect(m_new, &QPushButton::clicked, this, &ImprovementRegisterWidget::newAction);
    connect(m_edit, &QPushButton::clicked, this, &ImprovementRegisterWidget::editCurrent);
    connect(m_refresh, &QPushButton::clicked, this, &ImprovementRegisterWidget::reload);
    connect(m_view, &QTableView::doubleClicked, this, &ImprovementRegisterWidget::editCurrent);

    m_worker.run(this, ImprovementJobs::references(m_session),
                 [this](const Result<ImprovementJobs::ReferenceLists>& lists) {
                     if (!lists) {
                         return;
                     }
                     const QSignalBlocker block(m_category);
                     for (const ReferenceItem& item : lists->categories) {
                         m_category->addItem(item.name, item.id);
                     }
                 });
}

ImprovementRegisterWidget::~ImprovementRegisterWidget() = default;

void ImprovementRegisterWidget::retranslate()
{
    m_statusLabel->setText(tr("&Show:"));
    m_categoryLabel->setText(tr("C&ategory:"));
    m_new->setText(tr("&New action…"));
    m_edit->setText(tr("&Edit…"));
    m_refresh->setText(tr("&Refresh"));
    {
        const QSignalBlocker block(m_status);
        const int current = std::max(0, m_status->currentIndex());
        m_status->clear();
        m_status->addItem(tr("All actions"));
        m_status->addItem(tr("Open and in progress"));
        m_status->addItem(tr("Overdue"));
        for (ImprovementStatus s : ImprovementStatuses::all()) {
            m_status->addItem(ImprovementStatuses::label(s), static_cast<int>(s));
        }
        m_status->setCurrentIndex(current);
    }
    {
        const QSignalBlocker block(m_category);
        if (m_category->count() == 0) {
            m_category->addItem(tr("All categories"), qint64(0));
        } else {
            m_category->setItemText(0, tr("All categories"));
        }
    }
    m_model->retranslate();
}

void ImprovementRegisterWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce) {
        reload();
    }
}

void ImprovementRegisterWidget::reload()
{
    load(false);
}

void ImprovementRegisterWidget::noteActionsChanged()
{
    if (!m_loadedOnce) {
        return; // the first showing reads the list anyway
    }
    if (m_loading) {
        m_changePending = true;
        return;
    }
    load(true);
}

void ImprovementRegisterWidget::load(bool keepPlace)
{
    m_loadedOnce = true;
    ImprovementFilter filter;
    const int choice = m_status->currentIndex();
    filter.activeOnly = choice == ActiveActions;
    filter.overdueOnly = choice == OverdueActions;
    if (choice >= FirstStatus) {
        filter.status = static_cast<ImprovementStatus>(m_status->currentData().toInt());
    }
    filter.categoryId = m_category->currentData().toLongLong();
    const QDate today = m_clock.now().date();
    filter.today = today;
    m_loading = true;
    m_worker.run(
        this, ImprovementJobs::list(m_session, filter),
        [this, today, keepPlace](const Result<QList<ImprovementAction>>& actions) {
            m_loading = false;
            if (!actions) {
                FormHelpers::showError(m_error, actions.error().message);
            } else {
                const qint64 selected = m_view->currentIndex().data(ImprovementTableModel::IdRole).toLongLong();
                const int scroll = m_view->verticalScrollBar()->value();
                const int hscroll = m_view->horizontalScrollBar()->value();
                FormHelpers::clearError(m_error);
                m_model->setToday(today);
                m_model->setItems(*actions);
                const auto overdue = std::count_if(actions->cbegin(), actions->cend(),
                                                   [&](const ImprovementAction& a) { return a.isOverdue(today); });
                m_summary->setText(tr("%n action(s)", nullptr, int(actions->size())) + QStringLiteral(" · ") +
                                   tr("%n overdue", nullptr, int(overdue)));
                if (keepPlace) {
                    // A live reload: the user's place stays where it was (columns keep their widths too).
                    const QModelIndexList found = m_proxy->match(m_proxy->index(0, 0), ImprovementTableModel::IdRole,
                                                                 selected, 1, Qt::MatchExactly);
                    if (selected != 0 && !found.isEmpty()) {
                        m_view->setCurrentIndex(found.constFirst());
                    }
                    m_view->verticalScrollBar()->setValue(scroll);
                    m_view->horizontalScrollBar()->setValue(hscroll);
                } else {
                    m_view->resizeColumnsToContents();
                    m_view->horizontalHeader()->setSectionResizeMode(ImprovementTableModel::Title,
                                                                     QHeaderView::Stretch);
                }
            }
            emit loaded();
            if (m_changePending) {
                m_changePending = false;
                load(true);
            }
        });
}

ImprovementDialog* ImprovementRegisterWidget::showDialog(ImprovementDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImprovementDialog::saved, this, [this](const ImprovementAction& action) {
        emit actionSaved(action);
        reload();
    });
    connect(dialog, &ImprovementDialog::openCaseRequested, this, &ImprovementRegisterWidget::openCaseRequested);
    // Not modal: "Open case" shows the case in the main window while the action stays open beside it.
    dialog->setWindowModality(Qt::NonModal);
    dialog->show();
    dialog->activateWindow();
    return dialog;
}

ImprovementDialog* ImprovementRegisterWidget::newAction()
{
    return showDialog(new ImprovementDialog(m_session, m_worker, m_clock, 0, {}, this));
}

ImprovementDialog* ImprovementRegisterWidget::editAction(qint64 id)
{
    return showDialog(new ImprovementDialog(m_session, m_worker, m_clock, id, {}, this));
}

ImprovementDialog* ImprovementRegisterWidget::newFromAlert(const Dashboard::SystemicAlert& alert)
{
    return showDialog(new ImprovementDialog(m_session, m_worker, m_clock, 0,
                                            Improvements::draftFromAlert(alert, m_clock.now().date()), this));
}

ImprovementDialog* ImprovementRegisterWidget::newFromCase(const Case& c)
{
    return showDialog(new ImprovementDialog(m_session, m_worker, m_clock, 0,
                                            Improvements::draftFromCase(c, m_clock.now().date()), this));
}

ImprovementPickerDialog* ImprovementRegisterWidget::addCaseToAction(const Case& c)
{
    auto* picker = new ImprovementPickerDialog(m_session, m_worker, c, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &ImprovementPickerDialog::added, this, [this](const ImprovementAction& action) {
        emit actionSaved(action);
        noteActionsChanged();
    });
    picker->setWindowModality(Qt::WindowModal);
    picker->show();
    return picker;
}

void ImprovementRegisterWidget::editCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        FormHelpers::showError(m_error, tr("Choose an action in the register first."));
        return;
    }
    editAction(current.data(ImprovementTableModel::IdRole).toLongLong());
}

void ImprovementRegisterWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}
