#include "crisis/CrisisListWidget.h"

#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "crisis/CrisisJobs.h"
#include "crisis/CrisisWidget.h"
#include "workers/DatabaseWorker.h"

#include <QCheckBox>
#include <QColor>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

CrisisListWidget::CrisisListWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_clock(clock)
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_all = new QCheckBox(this);
    m_all->setObjectName(QStringLiteral("showClosedCheckBox"));
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openCrisisButton"));
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    top->addWidget(m_all);
    top->addStretch(1);
    top->addWidget(m_open);
    top->addWidget(m_refresh);
    layout->addLayout(top);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("crisesTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setColumnCount(6);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_tree, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    FormHelpers::clearError(m_error);
    retranslate();
    connect(m_all, &QCheckBox::toggled, this, &CrisisListWidget::reload);
    connect(m_refresh, &QPushButton::clicked, this, &CrisisListWidget::reload);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const QTreeWidgetItem* item = m_tree->currentItem()) {
            openCrisis(item->data(0, Qt::UserRole).toLongLong());
        }
    });
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { openCrisis(item->data(0, Qt::UserRole).toLongLong()); });
}

CrisisListWidget::~CrisisListWidget() = default;

void CrisisListWidget::retranslate()
{
    m_all->setText(tr("Show &closed crises too"));
    m_open->setText(tr("&Open crisis"));
    m_refresh->setText(tr("&Refresh"));
    m_tree->setHeaderLabels(
        {tr("Crisis"), tr("Cases"), tr("Opened"), tr("Golden hours left"), tr("First statement"), tr("Closed")});
    showRows();
}

void CrisisListWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void CrisisListWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void CrisisListWidget::reload()
{
    m_worker.runLatest(this, m_request, CrisisJobs::list(m_session, !m_all->isChecked()),
                       [this](const Result<QList<Crisis>>& crises) {
                           if (!crises) {
                               FormHelpers::showError(m_error, crises.error().message);
                           } else {
                               FormHelpers::clearError(m_error);
                               m_crises = *crises;
                               showRows();
                           }
                           emit loaded();
                       });
}

void CrisisListWidget::showRows()
{
    const qint64 current = m_tree->currentItem() ? m_tree->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
    m_tree->clear();
    const QDateTime now = m_clock.now();
    for (const Crisis& k : m_crises) {
        const GoldenClock clock = k.clock();
        const QString left =
            k.isOpen() || clock.isStopped() ? GoldenClock::format(clock.remainingSeconds(now)) : FormHelpers::dash();
        auto* item =
            new QTreeWidgetItem(m_tree, {k.title, QString::number(k.caseCount), FormHelpers::dateTime(k.openedAt), left,
                                         FormHelpers::dateTime(k.statementAt), FormHelpers::dateTime(k.closedAt)});
        item->setData(0, Qt::UserRole, k.id);
        if (k.isOpen() && clock.isUrgent(now)) {
            item->setForeground(3, QColor(0xc6, 0x28, 0x28));
        }
        if (k.id == current) {
            m_tree->setCurrentItem(item);
        }
    }
    if (!m_tree->currentItem() && m_tree->topLevelItemCount() > 0) {
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    }
    m_open->setEnabled(m_tree->topLevelItemCount() > 0);
}

void CrisisListWidget::openCrisis(qint64 crisisId)
{
    if (crisisId == 0) {
        return;
    }
    CrisisWidget* page = CrisisWidget::showWindow(m_session, m_worker, m_clock, crisisId, this);
    connect(page, &CrisisWidget::crisisChanged, this, &CrisisListWidget::reload, Qt::UniqueConnection);
    connect(page, &CrisisWidget::openCaseRequested, this, &CrisisListWidget::openCaseRequested, Qt::UniqueConnection);
}
