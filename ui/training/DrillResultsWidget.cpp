#include "training/DrillResultsWidget.h"

#include "common/Clock.h"
#include "training/DrillJobs.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
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
#include <QTimer>
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
    m_error->setObjectName(QStringLiteral("drillResultsErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("drillResultsRefreshButton"));

    m_dateTimer = new QTimer(this);
    m_dateTimer->setSingleShot(true);
    m_dateTimer->setInterval(kDateDelayMs);
    connect(m_dateTimer, &QTimer::timeout, this, &DrillResultsWidget::reload);
    const QDate today = m_clock.now().toLocalTime().date();
    auto dateEdit = [this](const char* name, const QDate& date) {
        auto* edit = new QDateEdit(date, this);
        edit->setObjectName(QLatin1String(name));
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
        // Typing a date changes it digit by digit: read once the typing rests.
        connect(edit, &QDateEdit::dateChanged, m_dateTimer, qOverload<>(&QTimer::start));
        return edit;
    };
    m_from = dateEdit("drillResultsFromDateEdit", today.addDays(-kDefaultDays));
    m_to = dateEdit("drillResultsToDateEdit", today);
    m_trainee = new QComboBox(this);
    m_trainee->setObjectName(QStringLiteral("drillResultsTraineeComboBox"));
    m_trainee->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_trainee->addItem(QString(), qint64(0));
    connect(m_trainee, &QComboBox::activated, this, &DrillResultsWidget::reload);
    m_fromLabel = new QLabel(this);
    m_fromLabel->setBuddy(m_from);
    m_toLabel = new QLabel(this);
    m_toLabel->setBuddy(m_to);
    m_traineeLabel = new QLabel(this);
    m_traineeLabel->setBuddy(m_trainee);

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
    top->addWidget(m_fromLabel);
    top->addWidget(m_from);
    top->addWidget(m_toLabel);
    top->addWidget(m_to);
    top->addSpacing(12);
    top->addWidget(m_traineeLabel);
    top->addWidget(m_trainee);
    top->addStretch();
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(vertical, 1);

    connect(m_refresh, &QPushButton::clicked, this, &DrillResultsWidget::reload);
    retranslate();
}

DrillResultsWidget::~DrillResultsWidget() = default;

void DrillResultsWidget::retranslate()
{
    m_results->setHorizontalHeaderLabels({tr("Trainee"), tr("Training case"), tr("Date"), tr("Score")});
    m_missed->setHorizontalHeaderLabels({tr("Criterion"), tr("Missed"), tr("Share")});
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&to:"));
    m_traineeLabel->setText(tr("T&rainee:"));
    m_trainee->setItemText(0, tr("All trainees"));
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
    m_dateTimer->stop();
    m_loaded = true;
    if (m_from->date() > m_to->date()) {
        m_latest.invalidate(); // a load still running would show another period
        m_loading = false;
        m_error->setText(tr("The “from” date must not be after the “to” date."));
        m_error->show();
        return;
    }
    m_loading = true;
    // [from, to] as whole local days: [from 00:00, the day after to 00:00).
    const QDateTime from = m_from->date().startOfDay();
    const QDateTime to = m_to->date().addDays(1).startOfDay();
    const qint64 trainee = m_trainee->currentData().toLongLong();
    m_worker.runLatest(this, m_latest, DrillJobs::teamResults(m_session, from, to, trainee),
                       [this, trainee](const Result<DrillJobs::TeamResults>& loaded) {
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
                           m_shownTrainee = trainee;
                           showTrainees(loaded->trainees);
                           fill();
                       });
}

void DrillResultsWidget::showTrainees(const QList<Ref>& trainees)
{
    const qint64 chosen = m_trainee->currentData().toLongLong();
    m_trainees = trainees;
    m_trainee->blockSignals(true);
    while (m_trainee->count() > 1) {
        m_trainee->removeItem(1);
    }
    for (const Ref& t : trainees) {
        m_trainee->addItem(t.name, t.id);
    }
    m_trainee->setCurrentIndex(std::max(0, m_trainee->findData(chosen)));
    m_trainee->blockSignals(false);
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
    QString whose;
    for (const Ref& t : m_trainees) {
        whose = t.id == m_shownTrainee ? t.name : whose;
    }
    if (!m_loaded || m_loading) {
        m_resultsLabel->setText(tr("Results"));
    } else if (m_rows.isEmpty()) {
        m_resultsLabel->setText(m_shownTrainee == 0 ? tr("Results: no drill was finished in this period.")
                                                    : tr("Results: %1 finished no drill in this period.").arg(whose));
    } else {
        m_resultsLabel->setText(tr("Results: %n drill(s)", nullptr, int(m_rows.size())));
    }
    m_missedLabel->setText(m_shownTrainee == 0 ? tr("Criteria most often missed across the team")
                                               : tr("Criteria %1 missed most often").arg(whose));

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
    chart->setTitle(m_series.isEmpty() && m_loaded && !m_loading ? tr("No drill in this period to chart")
                                                                 : tr("Each trainee's score over time (%)"));
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
        xAxis->setRange(m_from->date().startOfDay(), m_to->date().addDays(1).startOfDay());
    }
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    if (old && old != chart) {
        delete old;
    }
}
