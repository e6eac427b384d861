#include "training/DrillsPageWidget.h"

#include "common/Clock.h"
#include "services/TrainingService.h"
#include "training/DrillJobs.h"
#include "training/DrillRunnerWidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShowEvent>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QTableWidgetItem* cell(const QString& text, const QVariant& id = {})
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (id.isValid()) {
        item->setData(Qt::UserRole, id);
    }
    return item;
}

QTableWidget* table(int columns, const char* name, QWidget* parent)
{
    auto* t = new QTableWidget(0, columns, parent);
    t->setObjectName(QString::fromLatin1(name));
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}
} // namespace

DrillsPageWidget::DrillsPageWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_clock(clock)
{
    m_pages = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    auto* pick = new QWidget(m_pages);
    m_casesLabel = new QLabel(pick);
    m_cases = table(3, "drillCasesTable", pick);
    m_timerLabel = new QLabel(pick);
    m_timer = new QSpinBox(pick);
    m_timer->setObjectName(QStringLiteral("drillTimerSpinBox"));
    m_timer->setRange(0, 600);
    m_timer->setSingleStep(15);
    m_timerLabel->setBuddy(m_timer);
    m_start = new QPushButton(pick);
    m_start->setObjectName(QStringLiteral("drillStartButton"));
    m_start->setEnabled(false);
    m_refresh = new QPushButton(pick);
    m_refresh->setObjectName(QStringLiteral("drillsRefreshButton"));
    m_mineLabel = new QLabel(pick);
    m_mine = table(3, "drillMyResultsTable", pick);
    m_error = new QLabel(pick);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_timerLabel);
    controls->addWidget(m_timer);
    controls->addStretch();
    controls->addWidget(m_refresh);
    controls->addWidget(m_start);
    auto* pickLayout = new QVBoxLayout(pick);
    pickLayout->addWidget(m_casesLabel);
    pickLayout->addWidget(m_cases, 2);
    pickLayout->addLayout(controls);
    pickLayout->addWidget(m_error);
    pickLayout->addWidget(m_mineLabel);
    pickLayout->addWidget(m_mine, 1);
    m_pages->addWidget(pick);

    m_runner = new DrillRunnerWidget(m_session, m_worker, m_clock, m_pages);
    m_runner->setObjectName(QStringLiteral("drillRunner"));
    m_pages->addWidget(m_runner);

    connect(m_cases, &QTableWidget::itemSelectionChanged, this,
            [this] { m_start->setEnabled(!m_cases->selectedItems().isEmpty()); });
    connect(m_cases, &QTableWidget::cellDoubleClicked, this, &DrillsPageWidget::startSelected);
    connect(m_start, &QPushButton::clicked, this, &DrillsPageWidget::startSelected);
    connect(m_refresh, &QPushButton::clicked, this, &DrillsPageWidget::reload);
    connect(m_runner, &DrillRunnerWidget::finished, this, [this](const DrillResult&) { reload(); });
    connect(m_runner, &DrillRunnerWidget::closed, this, [this] { m_pages->setCurrentIndex(0); });
    retranslate();
}

DrillsPageWidget::~DrillsPageWidget() = default;

void DrillsPageWidget::retranslate()
{
    m_casesLabel->setText(tr("Training cases"));
    m_cases->setHorizontalHeaderLabels({tr("Title"), tr("Category"), tr("Service item")});
    m_timerLabel->setText(tr("&Timer per stage:"));
    m_timer->setSpecialValueText(tr("off"));
    m_timer->setSuffix(tr(" s"));
    m_start->setText(tr("&Start drill"));
    m_refresh->setText(tr("&Refresh"));
    m_mineLabel->setText(tr("My results"));
    m_mine->setHorizontalHeaderLabels({tr("Training case"), tr("Date"), tr("Score")});
    fillResults();
}

void DrillsPageWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DrillsPageWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        reload();
    }
}

void DrillsPageWidget::reload()
{
    m_loaded = true;
    m_loading += 2;
    const Session session = m_session;
    m_worker.run(
        this,
        [session](const WorkerScope& scope) {
            return TrainingService(session, scope.repos, scope.clock).list(TrainingFilter{});
        },
        [this](const Result<QList<TrainingSummary>>& library) {
            --m_loading;
            if (!library) {
                m_error->setText(library.error().message);
                m_error->show();
                return;
            }
            m_library = *library;
            m_cases->setRowCount(int(m_library.size()));
            for (int i = 0; i < int(m_library.size()); ++i) {
                const TrainingSummary& s = m_library.at(i);
                m_cases->setItem(i, 0, cell(s.title, s.id));
                m_cases->setItem(i, 1, cell(s.category));
                m_cases->setItem(i, 2, cell(s.serviceItem));
            }
            m_cases->resizeColumnsToContents();
        });
    m_worker.run(this, DrillJobs::myResults(m_session), [this](const Result<QList<DrillResultSummary>>& mine) {
        --m_loading;
        if (!mine) {
            m_error->setText(mine.error().message);
            m_error->show();
            return;
        }
        m_results = *mine;
        fillResults();
    });
}

void DrillsPageWidget::fillResults()
{
    const QLocale locale;
    m_mine->setRowCount(int(m_results.size()));
    for (int i = 0; i < int(m_results.size()); ++i) {
        const DrillResultSummary& r = m_results.at(i);
        m_mine->setItem(i, 0, cell(r.trainingTitle, r.id));
        m_mine->setItem(i, 1, cell(locale.toString(r.finishedAt.toLocalTime(), QLocale::ShortFormat)));
        m_mine->setItem(i, 2, cell(tr("%1% (%2/%3)").arg(r.percent()).arg(r.points).arg(r.maxPoints)));
    }
    m_mine->resizeColumnsToContents();
}

void DrillsPageWidget::startSelected()
{
    const QList<QTableWidgetItem*> selected = m_cases->selectedItems();
    if (selected.isEmpty()) {
        return;
    }
    const qint64 id = m_cases->item(selected.first()->row(), 0)->data(Qt::UserRole).toLongLong();
    const int timer = m_timer->value();
    const Session session = m_session;
    m_start->setEnabled(false);
    ++m_loading;
    m_worker.run(
        this,
        [session, id](const WorkerScope& scope) { return TrainingService(session, scope.repos, scope.clock).find(id); },
        [this, timer](const Result<TrainingCase>& found) {
            --m_loading;
            m_start->setEnabled(true);
            if (!found) {
                m_error->setText(found.error().message);
                m_error->show();
                return;
            }
            m_error->hide();
            m_pages->setCurrentIndex(1);
            m_runner->start(*found, timer);
        });
}
