#include "dashboard/DashboardWidget.h"

#include "common/Clock.h"
#include "dashboard/BreakdownTableModel.h"
#include "dashboard/CasesBehindDialog.h"
#include "dashboard/DashboardExport.h"
#include "workers/DatabaseWorker.h"

#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

using Dashboard::Figure;
using Dashboard::Preset;
using Kind = DashboardCharts::Kind;

namespace {
constexpr int kChartHeight = 340;
const char* const kImproved = "#1b7f3b";
const char* const kWorsened = "#c0392b";
const char* const kNeutral = "#7f8c8d";

/** Whether a figure is a rate 0–1, shown in percent (its change in percentage points). */
bool isRate(Figure figure)
{
    return figure == Figure::Within48h || figure == Figure::Csat || figure == Figure::NegativeRecurrence;
}

int decimals(Figure figure)
{
    switch (figure) {
    case Figure::Cases:
        return 0;
    case Figure::TransfersPerCase:
        return 2;
    default:
        return 1;
    }
}

QString unitOf(Figure figure)
{
    switch (figure) {
    case Figure::FirstResponseMedian:
    case Figure::WaitingMedian:
        return DashboardWidget::tr("min");
    case Figure::ResolutionMedian:
        return DashboardWidget::tr("h");
    default:
        return {};
    }
}
} // namespace

DashboardWidget::DashboardWidget(DashboardJobs jobs, DatabaseWorker& worker, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_jobs(std::move(jobs))
    , m_worker(worker)
    , m_clock(clock)
    , m_liveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboardWidget"));
    m_liveTimer->setSingleShot(true);
    connect(m_liveTimer, &QTimer::timeout, this, [this] {
        if (m_loading || !m_changePending || !isVisible()) {
            return; // a running load reschedules when it ends; a hidden page when it is shown again
        }
        m_changePending = false;
        load();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    buildTopBar(layout);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(kWorsened)));
    m_message->hide();
    layout->addWidget(m_message);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("scrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(m_scroll);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    m_periodLabel = new QLabel(content);
    m_periodLabel->setObjectName(QStringLiteral("periodLabel"));
    contentLayout->addWidget(m_periodLabel);
    contentLayout->addWidget(buildCards());
    contentLayout->addWidget(buildCharts());
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(buildBreakdowns(), 3);
    bottom->addWidget(buildAlerts(), 2);
    contentLayout->addLayout(bottom);
    m_scroll->setWidget(content);
    layout->addWidget(m_scroll, 1);

    retranslate();
    const QDate today = m_clock.now().date();
    m_range = Dashboard::presetRange(m_preset, today);
    m_presetButtons.value(m_preset)->setChecked(true);
    showDates();
    m_overdueGroup->setVisible(bool(m_jobs.overdueActions));
    // The first load waits until the page is shown: a supervisor who never opens it costs the worker nothing.
}

DashboardWidget::~DashboardWidget()
{
    m_latest.invalidate();
}

void DashboardWidget::buildTopBar(QLayout* layout)
{
    auto* bar = new QHBoxLayout;
    m_presets = new QButtonGroup(this);
    m_presets->setExclusive(true);
    for (const Preset preset : Dashboard::presets()) {
        auto* button = new QPushButton(this);
        button->setObjectName(QStringLiteral("preset%1").arg(int(preset)));
        button->setCheckable(true);
        button->setAutoDefault(false);
        m_presets->addButton(button, int(preset));
        m_presetButtons.insert(preset, button);
        bar->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, preset] { setPreset(preset); });
    }
    bar->addSpacing(12);
    m_fromLabel = new QLabel(this);
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_toLabel = new QLabel(this);
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            const Dashboard::Range range{m_from->date(), m_to->date()};
            if (range.isValid()) {
                setCustomRange(range);
            }
        });
    }
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    bar->addWidget(m_fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(m_toLabel);
    bar->addWidget(m_to);
    bar->addSpacing(12);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyBar"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(12);
    m_busy->hide();
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->hide();
    bar->addWidget(m_busy);
    bar->addWidget(m_busyLabel);
    bar->addStretch(1);
    m_print = new QPushButton(this);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_print->setAutoDefault(false);
    connect(m_print, &QPushButton::clicked, this, &DashboardWidget::print);
    // review report (issue 14, helper "report"): shown once the main window connects reviewReportRequested.
    m_reviewReport = new QPushButton(this);
    m_reviewReport->setObjectName(QStringLiteral("reviewReportButton"));
    m_reviewReport->setAutoDefault(false);
    m_reviewReport->hide();
    connect(m_reviewReport, &QPushButton::clicked, this, [this] { emit reviewReportRequested(m_range); });
    bar->addWidget(m_reviewReport);
    bar->addWidget(m_print);
    static_cast<QBoxLayout*>(layout)->addLayout(bar);
}

QWidget* DashboardWidget::buildCards()
{
    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setSpacing(6);
    const QList<Figure> figures = Dashboard::figures();
    const int perRow = (int(figures.size()) + 1) / 2;
    for (int i = 0; i < figures.size(); ++i) {
        Card card;
        card.frame = new QFrame(box);
        card.frame->setObjectName(QStringLiteral("card%1").arg(int(figures.at(i))));
        card.frame->setFrameShape(QFrame::StyledPanel);
        card.frame->setStyleSheet(QStringLiteral("QFrame#%1 { background: palette(base); border: 1px solid "
                                                 "palette(mid); border-radius: 4px; }")
                                      .arg(card.frame->objectName()));
        auto* v = new QVBoxLayout(card.frame);
        v->setContentsMargins(8, 6, 8, 6);
        v->setSpacing(2);
        card.title = new QLabel(card.frame);
        card.title->setObjectName(QStringLiteral("titleLabel"));
        card.title->setWordWrap(true);
        card.value = new QLabel(card.frame);
        card.value->setObjectName(QStringLiteral("valueLabel"));
        QFont big = card.value->font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        big.setBold(true);
        card.value->setFont(big);
        card.change = new QLabel(card.frame);
        card.change->setObjectName(QStringLiteral("changeLabel"));
        v->addWidget(card.title);
        v->addWidget(card.value);
        v->addWidget(card.change);
        grid->addWidget(card.frame, i / perRow, i % perRow);
        m_cards.insert(figures.at(i), card);
    }
    return box;
}

QWidget* DashboardWidget::buildCharts()
{
    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (const Kind kind : DashboardCharts::kinds()) {
        auto* panel = new QWidget(box);
        auto* v = new QVBoxLayout(panel);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        auto* view = new QChartView(panel);
        view->setObjectName(QStringLiteral("chart_%1").arg(DashboardCharts::fileName(kind)));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(kChartHeight);
        view->setChart(DashboardCharts::build(kind, Dashboard::Snapshot{}, {}));
        auto* exportButton = new QToolButton(panel);
        exportButton->setObjectName(QStringLiteral("export_%1").arg(DashboardCharts::fileName(kind)));
        exportButton->setPopupMode(QToolButton::InstantPopup);
        auto* menu = new QMenu(exportButton);
        auto* png = menu->addAction(QString());
        png->setObjectName(QStringLiteral("exportPng"));
        auto* svg = menu->addAction(QString());
        svg->setObjectName(QStringLiteral("exportSvg"));
        connect(png, &QAction::triggered, this, [this, kind] { chooseExport(kind, QStringLiteral("png")); });
        connect(svg, &QAction::triggered, this, [this, kind] { chooseExport(kind, QStringLiteral("svg")); });
        exportButton->setMenu(menu);
        auto* row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(exportButton);
        v->addLayout(row);
        v->addWidget(view, 1);
        m_views.insert(kind, view);
        m_exportButtons.insert(kind, exportButton);
        grid->addWidget(panel, i++, 0); // one chart a row: a month of days and the legends need the width
    }
    return box;
}

QWidget* DashboardWidget::buildBreakdowns()
{
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("breakdownTabs"));
    for (const auto dimension :
         {Dashboard::Dimension::Window, Dashboard::Dimension::ServiceItem, Dashboard::Dimension::Department}) {
        auto* model = new BreakdownTableModel(this);
        auto* proxy = new QSortFilterProxyModel(this);
        proxy->setSourceModel(model);
        proxy->setSortRole(BreakdownTableModel::kSortRole);
        auto* view = new QTableView(tabs);
        view->setObjectName(QStringLiteral("breakdown%1").arg(int(dimension)));
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->sortByColumn(BreakdownTableModel::Cases, Qt::DescendingOrder);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setStretchLastSection(true);
        view->setMinimumHeight(260);
        connect(view, &QTableView::activated, this, [this, dimension, view](const QModelIndex& index) {
            if (!m_snapshot || !index.isValid()) {
                return;
            }
            Dashboard::Selection selection;
            selection.range = m_snapshot->range;
            selection.dimension = dimension;
            selection.dimensionId = index.data(BreakdownTableModel::kIdRole).toLongLong();
            const QString name = view->model()->index(index.row(), BreakdownTableModel::Name).data().toString();
            openCases(selection,
                      tr("%1 “%2”, %3")
                          .arg(Dashboard::label(dimension), name, DashboardCharts::bucketText(m_snapshot->range)));
        });
        tabs->addTab(view, QString());
        m_models.insert(dimension, model);
        m_tables.insert(dimension, view);
    }
    m_breakdownTabs = tabs;
    return tabs;
}

QWidget* DashboardWidget::buildAlerts()
{
    auto* column = new QWidget(this);
    auto* v = new QVBoxLayout(column);
    v->setContentsMargins(0, 0, 0, 0);
    m_alertsGroup = new QGroupBox(column);
    m_alertsGroup->setObjectName(QStringLiteral("alertsGroup"));
    auto* a = new QVBoxLayout(m_alertsGroup);
    auto* rule = new QHBoxLayout;
    m_ruleLabel = new QLabel(m_alertsGroup);
    m_ruleCases = new QSpinBox(m_alertsGroup);
    m_ruleCases->setObjectName(QStringLiteral("ruleCasesSpinBox"));
    m_ruleCases->setRange(2, 100);
    m_ruleCases->setValue(Dashboard::AlertRule{}.minCases);
    m_ruleDaysLabel = new QLabel(m_alertsGroup);
    m_ruleDays = new QSpinBox(m_alertsGroup);
    m_ruleDays->setObjectName(QStringLiteral("ruleDaysSpinBox"));
    m_ruleDays->setRange(1, 90);
    m_ruleDays->setValue(Dashboard::AlertRule{}.windowDays);
    m_ruleLabel->setBuddy(m_ruleCases);
    rule->addWidget(m_ruleLabel);
    rule->addWidget(m_ruleCases);
    rule->addWidget(m_ruleDaysLabel);
    rule->addWidget(m_ruleDays);
    rule->addStretch(1);
    a->addLayout(rule);
    for (QSpinBox* spin : {m_ruleCases, m_ruleDays}) {
        connect(spin, &QSpinBox::valueChanged, this, &DashboardWidget::reload);
    }
    m_alerts = new QTreeWidget(m_alertsGroup);
    m_alerts->setObjectName(QStringLiteral("alertsTree"));
    m_alerts->setRootIsDecorated(false);
    m_alerts->setColumnCount(4);
    m_alerts->setMinimumHeight(160);
    a->addWidget(m_alerts, 1);
    auto* buttons = new QHBoxLayout;
    m_alertCases = new QPushButton(m_alertsGroup);
    m_alertCases->setObjectName(QStringLiteral("alertCasesButton"));
    m_alertCases->setAutoDefault(false);
    m_improvement = new QPushButton(m_alertsGroup);
    m_improvement->setObjectName(QStringLiteral("improvementButton"));
    m_improvement->setAutoDefault(false);
    buttons->addWidget(m_alertCases);
    buttons->addWidget(m_improvement);
    buttons->addStretch(1);
    a->addLayout(buttons);
    auto updateButtons = [this] {
        const bool any = currentAlert() != nullptr;
        m_alertCases->setEnabled(any);
        m_improvement->setEnabled(any);
    };
    connect(m_alerts, &QTreeWidget::currentItemChanged, this, updateButtons);
    updateButtons();
    connect(m_alertCases, &QPushButton::clicked, this, [this] {
        const Dashboard::SystemicAlert* alert = currentAlert();
        if (!alert || !m_snapshot) {
            return;
        }
        Dashboard::Selection selection;
        selection.range = Dashboard::Range{alert->windowFrom, alert->windowTo};
        selection.caseIds = alert->caseIds;
        openCases(
            selection,
            tr("%1 / %2, %3").arg(alert->category, alert->serviceItem, DashboardCharts::bucketText(selection.range)));
    });
    connect(m_improvement, &QPushButton::clicked, this, [this] {
        if (const Dashboard::SystemicAlert* alert = currentAlert()) {
            emit improvementRequested(*alert);
        }
    });
    connect(m_alerts, &QTreeWidget::itemActivated, m_alertCases, [this] { m_alertCases->click(); });
    v->addWidget(m_alertsGroup, 1);

    m_overdueGroup = new QGroupBox(column);
    m_overdueGroup->setObjectName(QStringLiteral("overdueGroup"));
    auto* o = new QVBoxLayout(m_overdueGroup);
    m_overdue = new QTreeWidget(m_overdueGroup);
    m_overdue->setObjectName(QStringLiteral("overdueTree"));
    m_overdue->setRootIsDecorated(false);
    m_overdue->setColumnCount(3);
    m_overdue->setMinimumHeight(100);
    o->addWidget(m_overdue);
    v->addWidget(m_overdueGroup);
    return column;
}

void DashboardWidget::retranslate()
{
    for (auto it = m_presetButtons.cbegin(); it != m_presetButtons.cend(); ++it) {
        it.value()->setText(Dashboard::label(it.key()));
    }
    m_fromLabel->setText(tr("&From"));
    m_toLabel->setText(tr("&To"));
    m_busyLabel->setText(tr("Loading…"));
    m_print->setText(tr("&Print…"));
    m_reviewReport->setText(tr("&Review report…"));
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it) {
        it->title->setText(Dashboard::label(it.key()));
    }
    for (auto it = m_exportButtons.cbegin(); it != m_exportButtons.cend(); ++it) {
        it.value()->setText(tr("Export"));
        it.value()->setToolTip(tr("Save the chart “%1” as PNG or SVG").arg(DashboardCharts::title(it.key())));
        const QList<QAction*> actions = it.value()->menu()->actions();
        actions.at(0)->setText(tr("Save as PNG…"));
        actions.at(1)->setText(tr("Save as SVG…"));
    }
    auto* tabs = static_cast<QTabWidget*>(m_breakdownTabs);
    int index = 0;
    for (const auto dimension : m_tables.keys()) {
        tabs->setTabText(index++, tr("By %1").arg(Dashboard::label(dimension).toLower()));
        m_models.value(dimension)->retranslate();
    }
    m_alertsGroup->setTitle(tr("Systemic alerts"));
    m_ruleLabel->setText(tr("Same category and service item at least"));
    m_ruleCases->setSuffix(tr(" times"));
    m_ruleDaysLabel->setText(tr("in"));
    m_ruleDays->setSuffix(tr(" days"));
    m_alerts->setHeaderLabels({tr("Category"), tr("Service item"), tr("Window"), tr("Cases")});
    m_alertCases->setText(tr("Show &cases"));
    m_improvement->setText(tr("Open an &improvement action…"));
    m_overdueGroup->setTitle(tr("Overdue improvement actions"));
    m_overdue->setHeaderLabels({tr("Action"), tr("Owner"), tr("Deadline")});
    if (m_snapshot) {
        apply(*m_snapshot);
    }
}

void DashboardWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_snapshot && !m_loading) {
        load();
    } else if (m_changePending) {
        scheduleLive();
    }
}

void DashboardWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DashboardWidget::setPreset(Preset preset)
{
    m_preset = preset;
    if (auto* button = m_presetButtons.value(preset)) {
        button->setChecked(true);
    }
    if (preset == Preset::Custom) {
        const Dashboard::Range range{m_from->date(), m_to->date()};
        if (range.isValid()) {
            m_range = range;
        }
        m_from->setFocus();
    } else {
        m_range = Dashboard::presetRange(preset, m_clock.now().date());
    }
    showDates();
    load();
}

void DashboardWidget::setCustomRange(const Dashboard::Range& range)
{
    if (!range.isValid()) {
        return;
    }
    m_preset = Preset::Custom;
    m_presetButtons.value(Preset::Custom)->setChecked(true);
    m_range = range;
    showDates();
    load();
}

Dashboard::AlertRule DashboardWidget::alertRule() const
{
    return Dashboard::AlertRule{m_ruleCases->value(), m_ruleDays->value()};
}

void DashboardWidget::showDates()
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(m_range.from);
    m_to->setDate(m_range.to);
}

void DashboardWidget::reload()
{
    load();
}

void DashboardWidget::load()
{
    if (!m_jobs.snapshot || !m_range.isValid()) {
        return;
    }
    setBusy(true);
    m_sinceLoad.start();
    m_loadClock.start();
    m_worker.runLatest(
        this, m_latest,
        [snapshot = m_jobs.snapshot, range = m_range, rule = alertRule()](const WorkerScope& scope) {
            return snapshot(scope, range, rule);
        },
        [this](const Result<Dashboard::Snapshot>& result) {
            setBusy(false);
            if (!result) {
                m_message->setText(result.error().message);
                m_message->show();
                emit loadFailed(result.error().message);
            } else {
                m_message->hide();
                apply(*result, [this] {
                    m_lastLoadMs = m_loadClock.elapsed();
                    emit loaded();
                });
            }
            if (m_changePending) {
                scheduleLive();
            }
        });
    loadOverdue();
}

void DashboardWidget::setBusy(bool busy)
{
    m_loading = busy;
    m_busy->setVisible(busy);
    m_busyLabel->setVisible(busy);
}

void DashboardWidget::apply(const Dashboard::Snapshot& snapshot, std::function<void()> done)
{
    // The cards at once; then each chart, the breakdowns and the alerts in a turn of the event loop of their own, so
    // that no single step holds the GUI thread for long (a chart takes 5–30 ms to build). A newer snapshot arriving
    // meanwhile supersedes the steps still queued.
    const int generation = ++m_applyGeneration;
    const int scrolled = m_scroll->verticalScrollBar()->value();
    m_snapshot = snapshot;
    m_periodLabel->setText(tr("%1 · compared with %2 · as of %3")
                               .arg(DashboardCharts::bucketText(snapshot.range),
                                    DashboardCharts::bucketText(snapshot.previous),
                                    QLocale().toString(snapshot.asOf, QLocale::ShortFormat)));
    applyCards(snapshot);
    const auto onSelect = [self = QPointer<DashboardWidget>(this)](const Dashboard::Selection& selection,
                                                                   const QString& description) {
        if (self) {
            self->openCases(selection, description);
        }
    };
    QList<std::function<void()>> steps;
    for (auto it = m_views.cbegin(); it != m_views.cend(); ++it) {
        steps << [this, kind = it.key(), view = it.value(), onSelect] {
            QChart* old = view->chart();
            view->setChart(DashboardCharts::build(kind, *m_snapshot, onSelect));
            delete old;
        };
    }
    steps << [this] {
        m_models.value(Dashboard::Dimension::Window)->setItems(m_snapshot->byWindow);
        m_models.value(Dashboard::Dimension::ServiceItem)->setItems(m_snapshot->byServiceItem);
        m_models.value(Dashboard::Dimension::Department)->setItems(m_snapshot->byDepartment);
    };
    steps << [this, scrolled, done = std::move(done)] {
        applyAlerts(*m_snapshot);
        m_scroll->verticalScrollBar()->setValue(scrolled);
        if (done) {
            done();
        }
    };
    runSteps(generation, std::move(steps));
}

void DashboardWidget::runSteps(int generation, QList<std::function<void()>> steps)
{
    if (steps.isEmpty() || generation != m_applyGeneration) {
        return;
    }
    QTimer::singleShot(0, this, [this, generation, steps = std::move(steps)]() mutable {
        if (generation != m_applyGeneration) {
            return;
        }
        const std::function<void()> step = steps.takeFirst();
        step();
        runSteps(generation, std::move(steps));
    });
}

QString DashboardWidget::formatValue(Figure figure, const std::optional<double>& value)
{
    if (!value) {
        return tr("no data");
    }
    const QLocale locale;
    if (isRate(figure)) {
        return locale.toString(*value * 100.0, 'f', 1) + QStringLiteral(" %");
    }
    const QString number = locale.toString(*value, 'f', decimals(figure));
    const QString unit = unitOf(figure);
    return unit.isEmpty() ? number : tr("%1 %2", "value unit").arg(number, unit);
}

QString DashboardWidget::formatChange(const Dashboard::Change& change)
{
    const std::optional<double> delta = change.delta();
    if (!delta) {
        return tr("no comparison");
    }
    const QLocale locale;
    const double shown = isRate(change.figure) ? *delta * 100.0 : *delta;
    const int places = decimals(change.figure);
    const double rounded = std::round(shown * std::pow(10, places)) / std::pow(10, places);
    const QString arrow = rounded > 0 ? QStringLiteral("▲") : rounded < 0 ? QStringLiteral("▼") : QStringLiteral("＝");
    QString absolute = (rounded > 0 ? QStringLiteral("+") : QString()) + locale.toString(rounded, 'f', places);
    if (isRate(change.figure)) {
        absolute = tr("%1 pp", "percentage points").arg(absolute);
    } else if (!unitOf(change.figure).isEmpty()) {
        absolute = tr("%1 %2", "value unit").arg(absolute, unitOf(change.figure));
    }
    const std::optional<double> relative = change.relative();
    if (!relative) {
        return tr("%1 %2", "arrow change").arg(arrow, absolute);
    }
    const QString rel =
        (*relative > 0 ? QStringLiteral("+") : QString()) + locale.toString(*relative * 100.0, 'f', 1) + u" %";
    return tr("%1 %2 (%3)", "arrow change (relative change)").arg(arrow, absolute, rel);
}

void DashboardWidget::applyCards(const Dashboard::Snapshot& snapshot)
{
    for (const Dashboard::Change& change : Dashboard::compare(snapshot.figures, snapshot.previousFigures)) {
        const Card card = m_cards.value(change.figure);
        if (!card.frame) {
            continue;
        }
        card.value->setText(formatValue(change.figure, change.current));
        card.change->setText(formatChange(change));
        const char* trend = change.improved() ? "improved" : change.worsened() ? "worsened" : "neutral";
        const char* colour = change.improved() ? kImproved : change.worsened() ? kWorsened : kNeutral;
        card.change->setProperty("trend", QString::fromLatin1(trend));
        card.change->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(colour)));
        card.change->setToolTip(
            tr("Previous period (%1): %2")
                .arg(DashboardCharts::bucketText(snapshot.previous), formatValue(change.figure, change.previous)));
    }
}

void DashboardWidget::applyAlerts(const Dashboard::Snapshot& snapshot)
{
    m_alerts->clear();
    for (int i = 0; i < snapshot.alerts.size(); ++i) {
        const auto& alert = snapshot.alerts.at(i);
        auto* item = new QTreeWidgetItem(m_alerts);
        item->setText(0, alert.category);
        item->setText(1, alert.serviceItem);
        item->setText(2, DashboardCharts::bucketText(Dashboard::Range{alert.windowFrom, alert.windowTo}));
        item->setText(3, QLocale().toString(alert.caseIds.size()));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, Qt::UserRole, i);
    }
    if (snapshot.alerts.isEmpty()) {
        auto* item = new QTreeWidgetItem(m_alerts);
        item->setText(0, tr("No systemic problem in this period."));
        item->setFlags(Qt::NoItemFlags);
        item->setFirstColumnSpanned(true);
    }
    for (int c = 0; c < 4; ++c) {
        m_alerts->resizeColumnToContents(c);
    }
    m_alertCases->setEnabled(false);
    m_improvement->setEnabled(false);
}

const Dashboard::SystemicAlert* DashboardWidget::currentAlert() const
{
    const QTreeWidgetItem* item = m_alerts->currentItem();
    if (!item || !m_snapshot || !item->data(0, Qt::UserRole).isValid()) {
        return nullptr;
    }
    const int i = item->data(0, Qt::UserRole).toInt();
    return i >= 0 && i < m_snapshot->alerts.size() ? &m_snapshot->alerts.at(i) : nullptr;
}

void DashboardWidget::loadOverdue()
{
    if (!m_jobs.overdueActions) {
        return;
    }
    m_worker.run(
        this, [job = m_jobs.overdueActions](const WorkerScope& scope) { return job(scope); },
        [this](const Result<QList<OverdueAction>>& actions) {
            m_overdue->clear();
            if (!actions) {
                auto* item = new QTreeWidgetItem(m_overdue);
                item->setText(0, actions.error().message);
                return;
            }
            for (const OverdueAction& action : *actions) {
                auto* item = new QTreeWidgetItem(m_overdue);
                item->setText(0, action.title);
                item->setText(1, action.owner);
                item->setText(2, action.deadline.toString(Qt::ISODate));
                item->setForeground(2, QColor(QLatin1String(kWorsened)));
            }
            if (actions->isEmpty()) {
                auto* item = new QTreeWidgetItem(m_overdue);
                item->setText(0, tr("No improvement action is overdue."));
                item->setFlags(Qt::NoItemFlags);
            }
            for (int c = 0; c < 3; ++c) {
                m_overdue->resizeColumnToContents(c);
            }
        });
}

void DashboardWidget::noteActionsChanged()
{
    loadOverdue();
}

void DashboardWidget::noteCasesChanged()
{
    m_changePending = true;
    scheduleLive();
}

void DashboardWidget::scheduleLive()
{
    if (m_loading || m_liveTimer->isActive() || !isVisible()) {
        return; // the running load looks again when it ends; a planned refresh covers this change too
    }
    const qint64 since = m_sinceLoad.isValid() ? m_sinceLoad.elapsed() : m_liveIntervalMs;
    m_liveTimer->start(int(std::max<qint64>(0, m_liveIntervalMs - since)));
}

void DashboardWidget::openCases(const Dashboard::Selection& selection, const QString& description)
{
    emit selectionRequested(selection);
    if (!m_jobs.casesBehind || !m_jobs.readCases) {
        return;
    }
    auto* dialog = new CasesBehindDialog(m_jobs, m_worker, selection, description, this);
    dialog->setWindowFlag(Qt::Window);
    connect(dialog, &CasesBehindDialog::openCaseRequested, this, &DashboardWidget::openCaseRequested);
    dialog->show();
}

QAbstractButton* DashboardWidget::presetButton(Preset preset) const
{
    return m_presetButtons.value(preset);
}

QLabel* DashboardWidget::valueLabel(Figure figure) const
{
    return m_cards.value(figure).value;
}

QLabel* DashboardWidget::changeLabel(Figure figure) const
{
    return m_cards.value(figure).change;
}

QTableView* DashboardWidget::breakdownView(Dashboard::Dimension dimension) const
{
    return m_tables.value(dimension);
}

Status DashboardWidget::exportChart(Kind kind, const QString& path)
{
    QChartView* view = m_views.value(kind);
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        return DashboardExport::saveSvg(view, path, DashboardCharts::title(kind));
    }
    return DashboardExport::savePng(view, path);
}

void DashboardWidget::chooseExport(Kind kind, const QString& format)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("%1/qingting-%2-%3.%4")
                             .arg(dir, DashboardCharts::fileName(kind), m_range.from.toString(Qt::ISODate), format);
    const QString filter = format == QLatin1String("svg") ? tr("SVG images (*.svg)") : tr("PNG images (*.png)");
    auto* files = new QFileDialog(this, tr("Save the chart"), name, filter);
    files->setObjectName(QStringLiteral("exportFileDialog"));
    files->setAcceptMode(QFileDialog::AcceptSave);
    files->setDefaultSuffix(format);
    files->setAttribute(Qt::WA_DeleteOnClose);
    connect(files, &QFileDialog::fileSelected, this, [this, kind](const QString& path) {
        const Status saved = exportChart(kind, path);
        emit statusMessage(saved ? tr("Saved %1.").arg(QDir::toNativeSeparators(path)) : saved.error().message);
    });
    files->open();
}

Status DashboardWidget::printTo(QPrinter& printer)
{
    DashboardExport::Document document;
    document.title = tr("Complaint desk dashboard");
    document.subtitle = m_periodLabel->text();
    for (const Figure figure : Dashboard::figures()) {
        const Card card = m_cards.value(figure);
        document.figureRows.append({card.title->text(), card.value->text(), card.change->text()});
    }
    for (int i = 0; i < m_alerts->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_alerts->topLevelItem(i);
        if (item->data(0, Qt::UserRole).isValid()) {
            document.alerts.append(
                tr("%1 / %2: %3 cases, %4").arg(item->text(0), item->text(1), item->text(3), item->text(2)));
        }
    }
    for (const Kind kind : DashboardCharts::kinds()) {
        document.charts.append(m_views.value(kind));
    }
    return DashboardExport::print(printer, document);
}

void DashboardWidget::print()
{
    auto* printer = new QPrinter(QPrinter::HighResolution);
    printer->setDocName(tr("Complaint desk dashboard"));
    auto* dialog = new QPrintDialog(printer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, [printer] { delete printer; });
    connect(static_cast<QDialog*>(dialog), &QDialog::accepted, this, [this, printer] {
        const Status printed = printTo(*printer);
        emit statusMessage(printed ? tr("The dashboard went to the printer.") : printed.error().message);
    });
    dialog->open();
}
