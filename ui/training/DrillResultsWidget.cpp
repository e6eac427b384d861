#include "training/DrillResultsWidget.h"

#include "common/Clock.h"
#include "training/DrillJobs.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {
QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QTableWidgetItem* number(int value, const QString& text)
{
    auto* item = cell(text, Qt::AlignRight | Qt::AlignVCenter);
    item->setData(Qt::UserRole, value);
    return item;
}
} // namespace

DrillResultsWidget::DrillResultsWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_clock(clock)
{
    m_results = new QTableWidget(0, 4, this);
    m_results->setObjectName(QStringLiteral("drillResultsTable"));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_missed = new QTableWidget(0, 3, this);
    m_missed->setObjectName(QStringLiteral("drillMissedTable"));
    m_missed->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_missed->verticalHeader()->hide();
    m_missed->horizontalHeader()->setStretchLastSection(true);
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("drillTraineeChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    m_resultsLabel = new QLabel(this);
    m_missedLabel = new QLabel(this);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("drillResultsRefreshButton"));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_resultsLabel);
    leftLayout->addWidget(m_results, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_missedLabel);
    rightLayout->addWidget(m_missed, 1);
    auto* tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(left);
    tables->addWidget(right);
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_chart);
    vertical->addWidget(tables);

    auto* top = new QHBoxLayout;
    top->addWidget(m_error, 1);
    top->addStretch();
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(vertical, 1);

    connect(m_refresh, &QPushButton::clicked, this, &DrillResultsWidget::reload);
    retranslate();
}

DrillResultsWidget::~DrillResultsWidget() = default;

void DrillResultsWidget::retranslate()
{
    m_results->setHorizontalHeaderLabels({tr("Trainee"), tr("Training case"), tr("Date"), tr("Score")});
    m_missed->setHorizontalHeaderLabels({tr("Criterion"), tr("Missed"), tr("Share")});
    m_resultsLabel->setText(tr("Results"));
    m_missedLabel->setText(tr("Criteria most often missed across the team"));
    m_refresh->setText(tr("&Refresh"));
    fill();
}

void DrillResultsWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DrillResultsWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        reload();
    }
}

void DrillResultsWidget::reload()
{
    m_loaded = true;
    m_loading = true;
    m_worker.run(this, DrillJobs::teamResults(m_session, QDateTime(), QDateTime()),
                 [this](const Result<DrillJobs::TeamResults>& loaded) {
                     m_loading = false;
                     if (!loaded) {
                         m_error->setText(loaded.error().message);
                         m_error->show();
                         return;
                     }
                     m_error->hide();
                     m_rows = loaded->results;
                     m_series = loaded->series;
                     m_missedRows = loaded->missed;
                     fill();
                 });
}

void DrillResultsWidget::fill()
{
    const QLocale locale;
    m_results->setSortingEnabled(false);
    m_results->setRowCount(int(m_rows.size()));
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const DrillResultSummary& r = m_rows.at(i);
        m_results->setItem(i, 0, cell(r.trainee.name));
        m_results->setItem(i, 1, cell(r.trainingTitle));
        m_results->setItem(i, 2, cell(locale.toString(r.finishedAt.toLocalTime(), QLocale::ShortFormat)));
        m_results->setItem(i, 3,
                           number(r.percent(), tr("%1% (%2/%3)").arg(r.percent()).arg(r.points).arg(r.maxPoints)));
    }
    m_results->resizeColumnsToContents();

    m_missed->setRowCount(int(m_missedRows.size()));
    for (int i = 0; i < int(m_missedRows.size()); ++i) {
        const MissedCriterion& m = m_missedRows.at(i);
        m_missed->setItem(i, 0, cell(DrillCodes::label(m.criterion)));
        m_missed->setItem(i, 1, number(m.missed, tr("%1 of %2").arg(m.missed).arg(m.scored)));
        const int percent = int(std::lround(m.share() * 100));
        m_missed->setItem(i, 2, number(percent, tr("%1%").arg(percent)));
    }
    m_missed->resizeColumnsToContents();

    auto* chart = new QChart;
    chart->setTitle(tr("Each trainee's score over time (%)"));
    auto* xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("MM-dd"));
    auto* yAxis = new QValueAxis;
    yAxis->setRange(0, 100);
    yAxis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    QDateTime first;
    QDateTime last;
    for (const TraineeSeries& s : m_series) {
        auto* line = new QLineSeries;
        line->setName(s.trainee.name);
        line->setPointsVisible(true);
        for (int i = 0; i < int(s.percents.size()); ++i) {
            const QDateTime& t = s.finishedAt.at(i);
            line->append(double(t.toMSecsSinceEpoch()), s.percents.at(i));
            first = !first.isValid() || t < first ? t : first;
            last = !last.isValid() || t > last ? t : last;
        }
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    }
    if (first.isValid()) {
        // One day either side, so that a single drill is not drawn on the edge.
        xAxis->setRange(first.addDays(-1), last.addDays(1));
    } else {
        const QDateTime now = m_clock.now();
        xAxis->setRange(now.addDays(-7), now);
    }
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    if (old && old != chart) {
        delete old;
    }
}
