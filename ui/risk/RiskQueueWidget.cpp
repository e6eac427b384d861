#include "risk/RiskQueueWidget.h"

#include "common/FormHelpers.h"
#include "risk/RiskJobs.h"
#include "risk/RiskQueueModel.h"
#include "risk/RiskText.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

RiskQueueWidget::RiskQueueWidget(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_worker(worker)
    , m_alertsLabel(new QLabel(this))
    , m_alerts(new QTableWidget(this))
    , m_take(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_queueLabel(new QLabel(this))
    , m_queueView(new QTableView(this))
    , m_model(new RiskQueueModel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("riskQueueWidget"));
    m_alertsLabel->setObjectName(QStringLiteral("riskAlertsLabel"));
    m_alerts->setObjectName(QStringLiteral("riskAlertsTableWidget"));
    m_take->setObjectName(QStringLiteral("takeAlertButton"));
    m_refresh->setObjectName(QStringLiteral("riskRefreshButton"));
    m_queueLabel->setObjectName(QStringLiteral("riskQueueLabel"));
    m_queueView->setObjectName(QStringLiteral("riskQueueTableView"));
    m_error->setObjectName(QStringLiteral("riskErrorLabel"));
    m_error->setWordWrap(true);
    FormHelpers::clearError(m_error);

    m_alerts->setColumnCount(4);
    m_alerts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_alerts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_alerts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_alerts->verticalHeader()->hide();
    m_alerts->horizontalHeader()->setStretchLastSection(true);
    m_alerts->setMaximumHeight(180);
    QFont bold = m_alertsLabel->font();
    bold.setBold(true);
    m_alertsLabel->setFont(bold);

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(Qt::UserRole);
    m_queueView->setModel(proxy);
    m_queueView->setSortingEnabled(false); // newest first, as the keyset pages come
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queueView->verticalHeader()->hide();
    // The case number, times, level, score and status at their width; the signals take the rest (they are the point).
    m_queueView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_queueView->horizontalHeader()->setSectionResizeMode(RiskQueueModel::SignalsColumn, QHeaderView::Stretch);
    m_queueView->setAlternatingRowColors(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_take);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_alertsLabel);
    layout->addWidget(m_alerts);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_queueLabel);
    layout->addWidget(m_queueView, 1);

    connect(m_take, &QPushButton::clicked, this, &RiskQueueWidget::takeSelectedAlert);
    connect(m_refresh, &QPushButton::clicked, this, &RiskQueueWidget::reload);
    connect(m_alerts, &QTableWidget::itemSelectionChanged, this,
            [this] { m_take->setEnabled(!m_taking && m_alerts->currentRow() >= 0 && !m_openAlerts.isEmpty()); });
    connect(m_alerts, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_openAlerts.size()) {
            emit openCaseRequested(m_openAlerts.at(row).caseId);
        }
    });
    connect(m_queueView, &QTableView::doubleClicked, this, [this, proxy](const QModelIndex& index) {
        if (const RiskQueueRow* row = m_model->itemAt(proxy->mapToSource(index).row())) {
            emit openCaseRequested(row->caseId);
        }
    });
    connect(m_model, &RiskQueueModel::moreRequested, this, &RiskQueueWidget::loadMore);
    retranslate();
    reload();
}

void RiskQueueWidget::reload()
{
    m_worker.runLatest(this, m_request, RiskJobs::queue(m_session), [this](const Result<RiskJobs::Queue>& queue) {
        if (queue) {
            FormHelpers::clearError(m_error);
            m_openAlerts = queue->alerts;
            m_model->setFirstPage(queue->page);
        } else {
            FormHelpers::showError(m_error, queue.error().message);
        }
        showAlerts();
        emit loaded();
    });
}

void RiskQueueWidget::noteAlertsChanged(int)
{
    reload();
}

void RiskQueueWidget::loadMore(const RiskQueueCursor& after)
{
    m_worker.run(this, RiskJobs::morePages(m_session, after), [this](const Result<RiskQueuePage>& page) {
        if (page) {
            m_model->appendPage(*page);
        } else {
            FormHelpers::showError(m_error, page.error().message);
        }
    });
}

void RiskQueueWidget::takeSelectedAlert()
{
    const int row = m_alerts->currentRow();
    if (m_taking || row < 0 || row >= m_openAlerts.size()) {
        return;
    }
    m_taking = true;
    m_take->setEnabled(false);
    const RiskAlert alert = m_openAlerts.at(row);
    m_worker.run(this, RiskJobs::takeAlert(m_session, alert.id), [this](const Result<RiskAlert>& taken) {
        m_taking = false;
        if (taken) {
            emit statusMessage(tr("You took the high-risk alert on case %1.").arg(taken->caseNo));
            emit alertTaken(*taken);
        } else {
            FormHelpers::showError(m_error, taken.error().message);
        }
        reload(); // taken here or on another desk meanwhile: the list shows what is open now
    });
}

void RiskQueueWidget::showAlerts()
{
    m_alerts->setRowCount(int(m_openAlerts.size()));
    for (int row = 0; row < m_openAlerts.size(); ++row) {
        const RiskAlert& a = m_openAlerts.at(row);
        const QStringList cells{a.caseNo, FormHelpers::dateTime(a.raisedAt), QString::number(a.score),
                                RiskText::signalLabels(a.signalCodes)};
        for (int column = 0; column < cells.size(); ++column) {
            m_alerts->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    m_alerts->resizeColumnsToContents();
    if (!m_openAlerts.isEmpty() && m_alerts->currentRow() < 0) {
        m_alerts->selectRow(0);
    }
    m_take->setEnabled(!m_taking && !m_openAlerts.isEmpty() && m_alerts->currentRow() >= 0);
    m_alertsLabel->setText(m_openAlerts.isEmpty() ? tr("No open high-risk alert.")
                                                  : tr("%n open high-risk alert(s): take one to deal with it.", nullptr,
                                                       int(m_openAlerts.size())));
    m_alertsLabel->setStyleSheet(m_openAlerts.isEmpty() ? QString() : RiskText::levelStyle(RiskLevel::High));
}

void RiskQueueWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void RiskQueueWidget::retranslate()
{
    m_alerts->setHorizontalHeaderLabels({tr("Case no."), tr("Raised"), tr("Score"), tr("Signals")});
    m_take->setText(tr("&Take alert"));
    m_take->setToolTip(tr("You deal with this case now; the alert closes on every desk."));
    m_refresh->setText(tr("&Refresh"));
    m_queueLabel->setText(tr("Medium and high risk cases, newest first (double-click opens the case):"));
    m_model->retranslate();
    showAlerts();
}
