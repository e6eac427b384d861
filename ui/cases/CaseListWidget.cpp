#include "cases/CaseListWidget.h"

#include "ui_CaseListWidget.h"

#include "cases/CaseTableModel.h"
#include "cases/FollowUpDialog.h"
#include "common/AppSettings.h"
#include "common/FormHelpers.h"
#include "services/CaseService.h"
#include "services/FollowUpService.h"
#include "services/SlaService.h"
#include "services/SuperviseService.h"
#include "workers/DatabaseWorker.h"

#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QShortcut>
#include <QTimer>

namespace {
constexpr int kOverdueCases = -3;
constexpr int kAllStatuses = -2;
constexpr int kOpenStatuses = -1;
using Column = CaseTableModel::Column;
} // namespace

CaseListWidget::CaseListWidget(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker,
                               const Clock& clock, AppSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CaseListWidget>())
    , m_cases(cases)
    , m_reference(reference)
    , m_settings(settings)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    FormHelpers::clearError(m_ui->errorLabel);
    fillStatusFilter();

    m_model = new CaseTableModel(worker, cases.session(), clock, this);
    auto* view = m_ui->caseTableView;
    view->setModel(m_model);
    auto* header = view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setDefaultSectionSize(110);
    header->resizeSection(int(Column::CaseNo), 150);
    header->resizeSection(int(Column::ReceivedAt), 130);
    header->resizeSection(int(Column::Status), 115);
    header->resizeSection(int(Column::Channel), 80);
    header->resizeSection(int(Column::Summary), 320);
    header->resizeSection(int(Column::WaitedMinutes), 90);
    header->resizeSection(int(Column::Deadline), 200); // supervise
    const QByteArray savedHeader = m_settings.value(AppSettings::Key::CaseListHeaderState).toByteArray();
    // Without a saved layout the newest cases come first (Qt's own default would sort by the first column).
    if (savedHeader.isEmpty() || !header->restoreState(savedHeader) ||
        !CaseTableModel::isSortable(header->sortIndicatorSection())) {
        header->setSortIndicator(int(Column::ReceivedAt), Qt::DescendingOrder);
    }
    m_sortColumn = header->sortIndicatorSection();
    m_sortOrder = header->sortIndicatorOrder();
    connect(header, &QHeaderView::sortIndicatorChanged, this, &CaseListWidget::onSortIndicatorChanged);
    view->setSortingEnabled(true);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &CaseListWidget::applyFilter);
    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_ui->searchLineEdit, &QLineEdit::returnPressed, this, &CaseListWidget::applyFilter);
    connect(m_ui->statusFilterComboBox, &QComboBox::currentIndexChanged, this, &CaseListWidget::applyFilter);
    // The command line has no cases of its own; everyone else can narrow the list to theirs.
    m_ui->assignedToMeCheckBox->setVisible(m_cases.session().userId() != 0);
    connect(m_ui->assignedToMeCheckBox, &QCheckBox::toggled, this, &CaseListWidget::applyFilter);
    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->searchLineEdit->setFocus();
        m_ui->searchLineEdit->selectAll();
    });

    const bool mayCreate = m_cases.session().can(Permission::CreateCase);
    m_ui->newCaseButton->setVisible(mayCreate);
    m_ui->newCaseButton->setShortcut(QKeySequence::New);
    connect(m_ui->newCaseButton, &QPushButton::clicked, this, &CaseListWidget::newCase);
    m_ui->staffReportButton->setVisible(mayCreate);
    connect(m_ui->staffReportButton, &QPushButton::clicked, this, &CaseListWidget::staffReportRequested);
    connect(m_ui->noRatingRuleButton, &QPushButton::clicked, this, &CaseListWidget::applyNoRatingRule);
    m_ui->noticeLabel->hide();
    updateNoRatingButton();

    connect(view, &QTableView::activated, this, &CaseListWidget::openIndex);
    connect(m_model, &CaseTableModel::loadFailed, this,
            [this](const QString& message) { FormHelpers::showError(m_ui->errorLabel, message); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CaseListWidget::updateStateTexts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CaseListWidget::updateStateTexts);
    connect(m_model, &CaseTableModel::loadingChanged, this, &CaseListWidget::onLoadingChanged);
    connect(m_model, &CaseTableModel::pageLoaded, this, &CaseListWidget::onPageLoaded);

    updateTotal();
    onLoadingChanged();

    // supervise: the hall's near-deadline minutes, read once on the worker.
    m_worker.run(
        this,
        [session = m_cases.session()](const WorkerScope& scope) -> Result<int> {
            return SuperviseService(session, scope.repos, scope.clock).nearDeadlineMinutes();
        },
        [this](const Result<int>& minutes) {
            if (minutes) {
                m_model->setNearDeadlineMinutes(*minutes);
            }
        });
}

CaseListWidget::~CaseListWidget()
{
    m_settings.setValue(AppSettings::Key::CaseListHeaderState, m_ui->caseTableView->horizontalHeader()->saveState());
}

void CaseListWidget::fillStatusFilter()
{
    auto* combo = m_ui->statusFilterComboBox;
    const QSignalBlocker blocker(combo);
    const int current = combo->currentIndex();
    combo->clear();
    combo->addItem(tr("All cases"), kAllStatuses);
    combo->addItem(tr("Open cases"), kOpenStatuses);
    combo->addItem(tr("Overdue cases"), kOverdueCases);
    // supervise (issue 12): the views of a desk and its supervisor.
    if (m_cases.session().userId() != 0) {
        combo->addItem(tr("My open cases"), MyCasesView);
    }
    combo->addItem(tr("Due today"), DueTodayView);
    combo->addItem(tr("Awaiting follow-up"), AwaitingFollowUpView);
    combo->addItem(tr("Awaiting sign-for"), AwaitingSignForView);
    combo->addItem(tr("Paused"), PausedView);
    for (CaseStatus status : CaseStatuses::all()) {
        combo->addItem(CaseStatuses::label(status), static_cast<int>(status));
    }
    combo->setCurrentIndex(qMax(0, current));
}

void CaseListWidget::applyFilter()
{
    m_searchTimer->stop();
    FormHelpers::clearError(m_ui->errorLabel);
    const int choice = m_ui->statusFilterComboBox->currentData().toInt();
    CaseTableModel::Filter filter;
    if (choice == kOpenStatuses) {
        for (CaseStatus status : CaseStatuses::all()) {
            if (CaseStatuses::isOpen(status)) {
                filter.statuses.append(status);
            }
        }
    } else if (choice == kOverdueCases) {
        filter.overdueOnly = true;
    } else if (choice == MyCasesView) { // supervise: the views
        for (CaseStatus status : CaseStatuses::all()) {
            if (CaseStatuses::isOpen(status)) {
                filter.statuses.append(status);
            }
        }
        filter.assigneeId = m_cases.session().userId();
    } else if (choice == DueTodayView) {
        filter.dueTodayOnly = true;
    } else if (choice == AwaitingFollowUpView) {
        filter.statuses.append(CaseStatus::Resolved);
        readPolicy(); // the rule may have been switched on or off since
    } else if (choice == AwaitingSignForView) {
        filter.awaitingSignFor = true;
    } else if (choice == PausedView) {
        filter.pausedOnly = true;
    } else if (choice >= 0) {
        filter.statuses.append(static_cast<CaseStatus>(choice));
    }
    if (choice != AwaitingFollowUpView) {
        m_ui->noticeLabel->hide();
    }
    updateNoRatingButton();
    filter.text = m_ui->searchLineEdit->text().trimmed();
    if (m_ui->assignedToMeCheckBox->isChecked()) {
        filter.assigneeId = m_cases.session().userId();
    }
    if (filter == m_model->filter()) {
        return;
    }
    m_model->setFilter(filter);
    updateTotal();
}

void CaseListWidget::showView(int view)
{
    const int at = m_ui->statusFilterComboBox->findData(view);
    if (at >= 0) {
        m_ui->statusFilterComboBox->setCurrentIndex(at);
    }
}

void CaseListWidget::refresh()
{
    FormHelpers::clearError(m_ui->errorLabel);
    const qint64 selected = m_ui->caseTableView->currentIndex().data(CaseTableModel::CaseIdRole).toLongLong();
    m_model->reload();
    updateTotal();
    m_selectWhenLoaded = selected;
}

void CaseListWidget::readPolicy()
{
    if (!m_cases.session().can(Permission::ApproveCase)) {
        return;
    }
    m_worker.run(
        this,
        [session = m_cases.session()](const WorkerScope& scope) {
            return SlaService(session, scope.repos, scope.clock).policy();
        },
        [this](const Result<SlaPolicy>& policy) {
            if (policy) {
                m_policy = *policy;
            }
            updateNoRatingButton();
        });
}

void CaseListWidget::updateNoRatingButton()
{
    // Supervisors only, in the "Awaiting follow-up" view, when the hall's policy has the rule switched on.
    const bool shown = m_cases.session().can(Permission::ApproveCase) && m_policy && m_policy->noRatingRuleEnabled &&
                       m_ui->statusFilterComboBox->currentData().toInt() == AwaitingFollowUpView;
    m_ui->noRatingRuleButton->setVisible(shown);
    m_ui->noRatingRuleButton->setEnabled(!m_applyingRule);
}

void CaseListWidget::applyNoRatingRule()
{
    if (!m_policy || !m_policy->noRatingRuleEnabled || m_applyingRule) {
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Apply the no-rating rule"),
                                tr("Every resolved case whose citizen has given no rating %n day(s) after its "
                                   "resolution will be rated “%1” and marked as followed up.",
                                   "", m_policy->noRatingDays)
                                    .arg(FollowUpDialog::ratingText(m_policy->noRatingLevel)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("noRatingRuleConfirmation"));
    box->setInformativeText(tr("Each such case gets a “rating defaulted” event on its timeline and an entry in "
                               "the audit log. Cases already rated are not touched."));
    box->addButton(tr("Rate the cases"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->buttonRole(box->clickedButton()) != QMessageBox::AcceptRole) {
            return;
        }
        m_applyingRule = true;
        updateNoRatingButton();
        FormHelpers::clearError(m_ui->errorLabel);
        m_worker.run(
            this,
            [session = m_cases.session()](const WorkerScope& scope) {
                return FollowUpService(session, scope.repos, scope.clock).applyNoRatingRule();
            },
            [this](const Result<int>& rated) {
                m_applyingRule = false;
                updateNoRatingButton();
                if (!rated) {
                    FormHelpers::showError(m_ui->errorLabel, rated.error().message);
                    return;
                }
                m_ui->noticeLabel->setText(*rated == 0
                                               ? tr("The no-rating rule rated no case: none has waited long enough.")
                                               : tr("The no-rating rule rated %n case(s).", "", *rated));
                m_ui->noticeLabel->show();
                refresh();
                emit noRatingRuleApplied(*rated);
            });
    });
    box->open();
}

bool CaseListWidget::isLoading() const
{
    return m_model->isLoading() || m_counting;
}

void CaseListWidget::updateTotal()
{
    m_total.reset();
    m_counting = true;
    m_worker.runLatest(
        this, m_countRequest,
        [session = m_cases.session(), query = m_model->query()](const WorkerScope& scope) {
            CaseService cases(session, scope.repos, scope.clock);
            return cases.count(query);
        },
        [this](const Result<CaseCount>& total) {
            m_counting = false;
            if (total) {
                m_total = *total;
            }
            onLoadingChanged();
        });
    onLoadingChanged();
}

void CaseListWidget::onLoadingChanged()
{
    // Busy on the table only: the filters, the search field and the rest of the window stay as they are.
    if (m_model->isLoading()) {
        m_ui->caseTableView->viewport()->setCursor(Qt::BusyCursor);
    } else {
        m_ui->caseTableView->viewport()->unsetCursor();
    }
    updateStateTexts();
}

void CaseListWidget::onPageLoaded()
{
    if (!m_model->lastError().isEmpty()) {
        m_selectWhenLoaded = 0;
        return;
    }
    if (m_selectWhenLoaded != 0 && m_model->rowOfCase(m_selectWhenLoaded) >= 0) {
        selectCase(m_selectWhenLoaded);
        m_selectWhenLoaded = 0;
    } else if (!m_model->canFetchMore(QModelIndex())) {
        m_selectWhenLoaded = 0;
    }
}

void CaseListWidget::updateStateTexts()
{
    const int loaded = m_model->rowCount();
    const QLocale locale;
    if (m_model->isLoading() && loaded == 0) {
        m_ui->countLabel->setText(tr("Loading cases…"));
    } else if (!m_total) {
        m_ui->countLabel->setText(m_counting ? tr("%n case(s) shown; counting…", "", loaded)
                                             : tr("%n case(s) shown", "", loaded));
    } else if (!m_total->exact) {
        // A lower bound: the repository stopped counting at its cap.
        const qint64 atLeast = qMax<qint64>(m_total->value, loaded);
        m_ui->countLabel->setText(
            tr("%1 of %2+ cases loaded; scroll down for more").arg(locale.toString(loaded), locale.toString(atLeast)));
    } else if (loaded < m_total->value) {
        m_ui->countLabel->setText(
            tr("%1 of %n case(s) loaded; scroll down for more", "", int(m_total->value)).arg(locale.toString(loaded)));
    } else {
        m_ui->countLabel->setText(tr("%n case(s)", "", int(m_total->value)));
    }

    const bool filtered = m_model->filter() != CaseTableModel::Filter();
    if (filtered) {
        m_ui->emptyStateLabel->setText(tr("No case matches this filter. Clear the search, choose another status or "
                                          "untick \"Assigned to me\" to see more cases."));
    } else if (m_cases.session().can(Permission::CreateCase)) {
        m_ui->emptyStateLabel->setText(
            tr("No cases yet. When a citizen brings a complaint, record it with \"New case\" (Ctrl+N)."));
    } else {
        m_ui->emptyStateLabel->setText(tr("No cases yet. Cases recorded at the desk will appear here."));
    }
    const bool empty = loaded == 0 && m_model->lastError().isEmpty() && !m_model->isLoading();
    m_ui->listStackedWidget->setCurrentWidget(empty ? static_cast<QWidget*>(m_ui->emptyStateLabel)
                                                    : static_cast<QWidget*>(m_ui->caseTableView));
}

void CaseListWidget::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (!CaseTableModel::isSortable(column)) {
        // The database cannot order by this column: keep the order (and the arrow) as it was.
        const QSignalBlocker blocker(m_ui->caseTableView->horizontalHeader());
        m_ui->caseTableView->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
}

void CaseListWidget::openIndex(const QModelIndex& index)
{
    if (!index.isValid()) {
        return;
    }
    emit openCaseRequested(index.data(CaseTableModel::CaseIdRole).toLongLong());
}

void CaseListWidget::selectCase(qint64 caseId)
{
    const int row = m_model->rowOfCase(caseId);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_model->index(row, int(Column::CaseNo));
    m_ui->caseTableView->setCurrentIndex(index);
    m_ui->caseTableView->scrollTo(index);
}

void CaseListWidget::showChangedCase(const Case& updated)
{
    m_model->updateCase(updated);
}

void CaseListWidget::newCase()
{
    emit newCaseRequested();
}

void CaseListWidget::showCreatedCase(const Case& created)
{
    refresh();
    m_selectWhenLoaded = created.id;
    m_ui->caseTableView->setFocus();
    emit caseCreated(created);
}

void CaseListWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillStatusFilter();
        updateNoRatingButton();
        m_model->retranslate();
        updateStateTexts();
    }
    QWidget::changeEvent(event);
}
