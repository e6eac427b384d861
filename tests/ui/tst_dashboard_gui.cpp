// The supervisor's dashboard (issue 14, helper "dashui") driven through the real widgets: a fixture snapshot from
// fake DashboardJobs gives known values in the chart series, the cards and the tables; presets call the job with
// their range; a newer request supersedes a running one; a click on a Pareto bar opens the cases behind it; an
// alert asks for an improvement action; the charts export as PNG and SVG and the dashboard prints to PDF; other
// desks' changes reload it (debounced). One test runs the real DashboardService on a small SQLite demo file.

#include "Database.h"
#include "GuiTestSupport.h"
#include "SqlDatabaseConnector.h"
#include "SqlDemoWriter.h"
#include "TestDatabases.h"
#include "dashboard/BreakdownTableModel.h"
#include "dashboard/CasesBehindDialog.h"
#include "dashboard/DashboardWidget.h"
#include "services/DemoService.h"
#include "services/UserService.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QAbstractButton>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QMutex>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <atomic>
#include <memory>

using namespace GuiTest;
using Dashboard::Figure;
using Dashboard::Preset;
using Kind = DashboardCharts::Kind;

Q_DECLARE_METATYPE(Dashboard::Selection)
Q_DECLARE_METATYPE(Dashboard::SystemicAlert)

namespace {

const QDate kToday(2025, 6, 2); // the Desk's fixed clock

Metrics::Summary summary(double mean, double median, double p90, int n)
{
    Metrics::Summary s;
    s.mean = mean;
    s.median = median;
    s.p90 = p90;
    s.n = n;
    return s;
}

/** Seven days up to kToday with known values: day i has i + 1 of everything the charts count. */
Dashboard::Snapshot fixture(const Dashboard::Range& range)
{
    Dashboard::Snapshot s;
    s.range = range;
    s.previous = Dashboard::previousRange(range);
    s.asOf = QDateTime(kToday, QTime(9, 30));
    s.grain = Dashboard::grainFor(range);
    const QList<Dashboard::Range> buckets = Dashboard::buckets(range, s.grain);
    for (int i = 0; i < buckets.size(); ++i) {
        Dashboard::WaitingPoint w;
        w.bucket = buckets.at(i);
        w.queueMinutes = summary(10 + i, 8 + i, 20 + i, 30);
        if (i != 2) { // day 3: nobody said how long they waited
            w.waitedMinutes = summary(30 + i, 25 + i, 60 + i, 5);
        }
        s.waiting.append(w);
        Dashboard::SatisfactionPoint p;
        p.bucket = buckets.at(i);
        p.levels = {qint64(i), 1, 2, 3, qint64(4 + i)};
        p.csat = 0.5 + 0.05 * i;
        p.nps = -10.0 + 5 * i;
        p.npsN = 10;
        s.satisfaction.append(p);
        Dashboard::ServicePoint v;
        v.bucket = buckets.at(i);
        v.firstResponseMinutes = summary(40, 30 + i, 90, 12);
        v.resolutionHours = summary(20, 12 + i, 40, 9);
        v.within48hRate = 0.9 - 0.01 * i;
        v.within48hN = 9;
        v.casesByChannel[int(Channel::Window)] = 5 + i;
        v.casesByChannel[int(Channel::Hotline12345)] = 2;
        s.service.append(v);
    }
    s.figures.cases = 100;
    s.figures.csat = 0.8;
    s.figures.csatN = 50;
    s.figures.waitingMinutes = summary(15, 20, 40, 300);
    s.figures.firstResponseMinutes = summary(40, 30, 90, 80);
    s.figures.byCategory = {{QStringLiteral("服务态度"), 50, 0.5, 0.5},
                            {QStringLiteral("办理时限"), 30, 0.3, 0.8},
                            {QStringLiteral("材料要求"), 15, 0.15, 0.95},
                            {QStringLiteral("收费"), 5, 0.05, 1.0}};
    s.previousFigures.cases = 80;
    s.previousFigures.csat = 0.7;
    s.previousFigures.csatN = 40;
    s.previousFigures.waitingMinutes = summary(12, 15, 30, 280);
    s.previousFigures.firstResponseMinutes = summary(40, 30, 90, 70);
    Dashboard::BreakdownRow a;
    a.id = 7;
    a.name = QStringLiteral("1号窗口");
    a.cases = 60;
    a.csat = 0.75;
    a.csatN = 20;
    Dashboard::BreakdownRow b;
    b.id = 9;
    b.name = QStringLiteral("综合窗口");
    b.cases = 40;
    s.byWindow = {b, a};
    Dashboard::SystemicAlert alert;
    alert.categoryId = 3;
    alert.category = QStringLiteral("办理时限");
    alert.serviceItemId = 11;
    alert.serviceItem = QStringLiteral("社保转移");
    alert.windowFrom = kToday.addDays(-6);
    alert.windowTo = kToday;
    alert.caseIds = {101, 102, 103};
    s.alerts = {alert};
    return s;
}

Case fakeCase(qint64 id)
{
    Case c;
    c.id = id;
    c.caseNo = QStringLiteral("QT-20250602-%1").arg(id, 4, 10, QLatin1Char('0'));
    c.receivedAt = QDateTime(kToday, QTime(9, 0));
    c.category = Ref{3, QStringLiteral("办理时限")};
    c.complaintText = QStringLiteral("等了很久，材料清单不清楚");
    return c;
}

/** What the fake jobs saw; the worker thread writes, the test reads. */
struct JobLog
{
    QMutex mutex;
    QList<Dashboard::Range> ranges;
    QList<Dashboard::Selection> selections;
    std::atomic<int> calls{0};
    /** When set, the next snapshot job waits for a release (a slow database). */
    std::atomic<bool> holdNext{false};
    QSemaphore release;

    QList<Dashboard::Range> rangesSeen()
    {
        const QMutexLocker lock(&mutex);
        return ranges;
    }
};

DashboardJobs fakeJobs(const std::shared_ptr<JobLog>& log, bool withOverdue = false)
{
    DashboardJobs jobs;
    jobs.snapshot = [log](const WorkerScope&, const Dashboard::Range& range,
                          const Dashboard::AlertRule& rule) -> Result<Dashboard::Snapshot> {
        {
            const QMutexLocker lock(&log->mutex);
            log->ranges.append(range);
        }
        ++log->calls;
        if (log->holdNext.exchange(false)) {
            log->release.acquire();
        }
        Dashboard::Snapshot s = fixture(range);
        s.rule = rule;
        return s;
    };
    jobs.casesBehind = [log](const WorkerScope&, const Dashboard::Selection& selection) -> Result<QList<qint64>> {
        const QMutexLocker lock(&log->mutex);
        log->selections.append(selection);
        return selection.caseIds.isEmpty() ? QList<qint64>{201, 202} : selection.caseIds;
    };
    jobs.readCases = [](const WorkerScope&, const QList<qint64>& ids) -> Result<QList<Case>> {
        QList<Case> cases;
        for (const qint64 id : ids) {
            cases.append(fakeCase(id));
        }
        return cases;
    };
    if (withOverdue) {
        jobs.overdueActions = [](const WorkerScope&) -> Result<QList<OverdueAction>> {
            return QList<OverdueAction>{
                {QStringLiteral("优化社保转移材料清单"), QStringLiteral("社保科"), kToday.addDays(-3)}};
        };
    }
    return jobs;
}

template <typename T> T* seriesNamed(QChartView* view, const char* name)
{
    for (QAbstractSeries* series : view->chart()->series()) {
        if (series->objectName() == QLatin1String(name)) {
            return qobject_cast<T*>(series);
        }
    }
    return nullptr;
}

QBarSet* barSetNamed(QChartView* view, const QByteArray& name)
{
    for (QAbstractSeries* series : view->chart()->series()) {
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            for (QBarSet* set : bars->barSets()) {
                if (set->objectName() == QLatin1String(name.constData())) {
                    return set;
                }
            }
        }
    }
    return nullptr;
}

QList<double> valuesOf(QBarSet* set)
{
    QList<double> values;
    for (int i = 0; i < set->count(); ++i) {
        values.append(set->at(i));
    }
    return values;
}

QList<double> ysOf(QLineSeries* series)
{
    QList<double> ys;
    for (const QPointF& p : series->points()) {
        ys.append(p.y());
    }
    return ys;
}

QAbstractSeries* seriesOf(QChartView* view, const char* name)
{
    for (QAbstractSeries* series : view->chart()->series()) {
        if (series->objectName() == QLatin1String(name)) {
            return series;
        }
    }
    return nullptr;
}

/** Clicks the chart at `value` in the coordinates of `series`' axes, as the mouse would. */
void clickAt(QChartView* view, QAbstractSeries* series, const QPointF& value)
{
    const QPoint at = view->mapFromScene(view->chart()->mapToPosition(value, series));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
}

/** The middle of `set`'s segment of the stacked bar at `index` (the sets stack in the series' order). */
QPointF middleOfSegment(QAbstractBarSeries* series, QBarSet* set, int index)
{
    double below = 0;
    for (QBarSet* s : series->barSets()) {
        if (s == set) {
            break;
        }
        below += s->at(index);
    }
    return {double(index), below + set->at(index) / 2};
}

CasesBehindDialog* casesDialog()
{
    return findWindow<CasesBehindDialog>();
}

void closeCasesDialogs()
{
    while (CasesBehindDialog* dialog = casesDialog()) {
        dialog->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

} // namespace

class TestDashboardGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void seriesHoldTheFixtureValues();
    void cardsShowTheChanges();
    void breakdownTablesSortByValue();
    void presetCallsTheJobWithItsRange();
    void newerRequestSupersedesARunningOne();
    void paretoBarOpensItsCases();
    void satisfactionChannelAndWaitingClicksOpenTheirCases();
    void alertAsksForAnImprovementAction();
    void overdueActionsShownOnlyWhenConnected();
    void chartsExportAsPngAndSvg();
    void printWritesAPdf();
    void otherDesksChangesReloadDebounced();
    void hiddenPageLoadsWhenShown();
    void mainWindowHasTheDashboardForSupervisorsOnly();
    void realServiceEndToEnd();
    void benchPresetSwitch();

private:
    std::unique_ptr<DashboardWidget> makeWidget(const DashboardJobs& jobs);

    Desk m_desk;
    std::shared_ptr<JobLog> m_log;
};

void TestDashboardGui::initTestCase()
{
    qRegisterMetaType<Dashboard::Selection>();
    qRegisterMetaType<Dashboard::SystemicAlert>();
    const QString error = m_desk.open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDashboardGui::init()
{
    m_log = std::make_shared<JobLog>();
}

void TestDashboardGui::cleanup()
{
    closeCasesDialogs();
}

std::unique_ptr<DashboardWidget> TestDashboardGui::makeWidget(const DashboardJobs& jobs)
{
    auto widget = std::make_unique<DashboardWidget>(jobs, m_desk.worker(), m_desk.clock());
    widget->resize(1400, 900);
    QSignalSpy loaded(widget.get(), &DashboardWidget::loaded); // the first load starts when it is shown
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget.get())) {
        return nullptr;
    }
    if (loaded.isEmpty() && !loaded.wait(kTimeoutMs)) {
        return nullptr;
    }
    return widget;
}

void TestDashboardGui::seriesHoldTheFixtureValues()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    // Opens on the last 30 days: 30 daily points.
    QCOMPARE(widget->preset(), Preset::Last30Days);
    QCOMPARE(widget->range(), Dashboard::presetRange(Preset::Last30Days, kToday));
    const Dashboard::Snapshot expected = fixture(widget->range());
    const int n = int(expected.waiting.size());
    QCOMPARE(n, 30);

    QChartView* waiting = widget->chartView(Kind::Waiting);
    auto* queueMedian = seriesNamed<QLineSeries>(waiting, "queueMedian");
    auto* queueP90 = seriesNamed<QLineSeries>(waiting, "queueP90");
    auto* waitedMean = seriesNamed<QLineSeries>(waiting, "waitedMean");
    QVERIFY(queueMedian && queueP90 && waitedMean);
    QCOMPARE(queueMedian->count(), n);
    for (int i = 0; i < n; ++i) {
        QCOMPARE(queueMedian->at(i), QPointF(i, *expected.waiting.at(i).queueMinutes.median));
        QCOMPARE(queueP90->at(i).y(), *expected.waiting.at(i).queueMinutes.p90);
    }
    // The day without waited minutes has no point, rather than a 0.
    QCOMPARE(waitedMean->count(), n - 1);
    QCOMPARE(waitedMean->at(2).x(), 3.0);
    // The two sources are told apart by the line style.
    QCOMPARE(queueMedian->pen().style(), Qt::SolidLine);
    QCOMPARE(seriesNamed<QLineSeries>(waiting, "waitedMedian")->pen().style(), Qt::DashLine);

    QChartView* satisfaction = widget->chartView(Kind::Satisfaction);
    for (int level = 1; level <= 5; ++level) {
        QBarSet* set = barSetNamed(satisfaction, QStringLiteral("level%1").arg(level).toLatin1().constData());
        QVERIFY(set);
        QCOMPARE(set->count(), n);
        for (int i = 0; i < n; ++i) {
            QCOMPARE(set->at(i), double(expected.satisfaction.at(i).levels.at(level - 1)));
        }
    }
    QVERIFY(barSetNamed(satisfaction, "level1")->color().red() > barSetNamed(satisfaction, "level1")->color().green());
    QVERIFY(barSetNamed(satisfaction, "level5")->color().green() > barSetNamed(satisfaction, "level5")->color().red());
    auto* csat = seriesNamed<QLineSeries>(satisfaction, "csat");
    auto* nps = seriesNamed<QLineSeries>(satisfaction, "nps");
    QVERIFY(csat && nps);
    QCOMPARE(csat->at(4).y(), *expected.satisfaction.at(4).csat * 100.0);
    QCOMPARE(nps->at(4).y(), *expected.satisfaction.at(4).nps);

    QChartView* service = widget->chartView(Kind::Service);
    QCOMPARE(ysOf(seriesNamed<QLineSeries>(service, "resolutionMedian")).at(6),
             *expected.service.at(6).resolutionHours.median);
    QCOMPARE(ysOf(seriesNamed<QLineSeries>(service, "within48h")).at(6), *expected.service.at(6).within48hRate * 100);
    QChartView* channels = widget->chartView(Kind::Channels);
    QBarSet* window = barSetNamed(channels, QStringLiteral("channel%1").arg(int(Channel::Window)).toLatin1());
    QVERIFY(window);
    QCOMPARE(window->at(9), double(expected.service.at(9).casesByChannel.at(int(Channel::Window))));
    QVERIFY(!barSetNamed(channels, QStringLiteral("channel%1").arg(int(Channel::Letter)).toLatin1()));

    QChartView* pareto = widget->chartView(Kind::Pareto);
    QCOMPARE(Dashboard::vitalFew(expected.figures.byCategory), 2);
    QCOMPARE(valuesOf(barSetNamed(pareto, "vitalFew")), (QList<double>{50, 30, 0, 0}));
    QCOMPARE(valuesOf(barSetNamed(pareto, "others")), (QList<double>{0, 0, 15, 5}));
    QCOMPARE(ysOf(seriesNamed<QLineSeries>(pareto, "cumulative")), (QList<double>{50, 80, 95, 100}));
    auto* mark = seriesNamed<QLineSeries>(pareto, "paretoMark");
    QVERIFY(mark);
    QCOMPARE(mark->count(), 2);
    QCOMPARE(mark->at(0).y(), 80.0);
    QCOMPARE(mark->at(1).y(), 80.0);
    // Axes carry their units.
    const auto axes = waiting->chart()->axes(Qt::Vertical);
    QVERIFY(!axes.isEmpty());
    QVERIFY(!axes.first()->titleText().isEmpty());
}

void TestDashboardGui::cardsShowTheChanges()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    const QLocale locale;
    // CSAT 70 % -> 80 %: up 10 points, 14.3 %, good news in green.
    QCOMPARE(widget->valueLabel(Figure::Csat)->text(), locale.toString(80.0, 'f', 1) + QStringLiteral(" %"));
    QLabel* csat = widget->changeLabel(Figure::Csat);
    QVERIFY2(csat->text().contains(QStringLiteral("▲")), qPrintable(csat->text()));
    QVERIFY2(csat->text().contains(QStringLiteral("+") + locale.toString(10.0, 'f', 1)), qPrintable(csat->text()));
    QVERIFY2(csat->text().contains(locale.toString(100.0 / 7, 'f', 1)), qPrintable(csat->text()));
    QCOMPARE(csat->property("trend").toString(), QStringLiteral("improved"));
    QVERIFY(csat->styleSheet().contains(QStringLiteral("#1b7f3b")));
    // Waiting median 15 -> 20 min: up, bad news in red.
    QLabel* waiting = widget->changeLabel(Figure::WaitingMedian);
    QVERIFY2(waiting->text().contains(QStringLiteral("▲")), qPrintable(waiting->text()));
    QCOMPARE(waiting->property("trend").toString(), QStringLiteral("worsened"));
    QVERIFY(waiting->styleSheet().contains(QStringLiteral("#c0392b")));
    // First response 30 -> 30 min: no change, grey.
    QLabel* first = widget->changeLabel(Figure::FirstResponseMedian);
    QCOMPARE(first->property("trend").toString(), QStringLiteral("neutral"));
    // NPS has no value in either period: "no data", never 0.
    QCOMPARE(widget->valueLabel(Figure::Nps)->text(), DashboardWidget::tr("no data"));
    QCOMPARE(widget->changeLabel(Figure::Nps)->property("trend").toString(), QStringLiteral("neutral"));
    QCOMPARE(widget->valueLabel(Figure::Cases)->text(), locale.toString(100));
}

void TestDashboardGui::breakdownTablesSortByValue()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    QTableView* view = widget->breakdownView(Dashboard::Dimension::Window);
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 2);
    // Sorted by cases, most first, although the fixture lists 综合窗口 (40) first.
    QCOMPARE(view->model()->index(0, BreakdownTableModel::Name).data().toString(), QStringLiteral("1号窗口"));
    // A click on the CSAT header sorts by value: 1号窗口 has CSAT, 综合窗口 none ("no data" sorts last descending).
    view->sortByColumn(BreakdownTableModel::Csat, Qt::AscendingOrder);
    QCOMPARE(view->model()->index(0, BreakdownTableModel::Csat).data().toString(), BreakdownTableModel::tr("no data"));
    // A double click on a row opens its cases: window 9.
    QSignalSpy selected(widget.get(), &DashboardWidget::selectionRequested);
    const QRect cell = view->visualRect(view->model()->index(0, BreakdownTableModel::Name));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE_WITH_TIMEOUT(selected.count(), 1, kTimeoutMs);
    const auto selection = selected.first().first().value<Dashboard::Selection>();
    QCOMPARE(selection.dimension, std::optional(Dashboard::Dimension::Window));
    QCOMPARE(selection.dimensionId, qint64(9));
    QCOMPARE(selection.range, widget->range());
    // ... and the dialog lists the cases casesBehind gives for that row (helper "polish").
    QTRY_VERIFY_WITH_TIMEOUT(casesDialog() && !casesDialog()->isLoading(), kTimeoutMs);
    QCOMPARE(casesDialog()->selection().dimension, selection.dimension);
    QCOMPARE(casesDialog()->selection().dimensionId, qint64(9));
    QCOMPARE(casesDialog()->table()->rowCount(), 2);
    {
        const QMutexLocker lock(&m_log->mutex);
        QCOMPARE(m_log->selections.last().dimensionId, qint64(9));
    }
}

void TestDashboardGui::presetCallsTheJobWithItsRange()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    QSignalSpy loaded(widget.get(), &DashboardWidget::loaded);
    for (const Preset preset : {Preset::Last7Days, Preset::Today, Preset::ThisMonth, Preset::ThisQuarter}) {
        QTest::mouseClick(widget->presetButton(preset), Qt::LeftButton);
        QVERIFY(loaded.wait(kTimeoutMs));
        const Dashboard::Range expected = Dashboard::presetRange(preset, kToday);
        QCOMPARE(m_log->rangesSeen().last(), expected);
        QCOMPARE(widget->snapshot()->range, expected);
        QVERIFY(widget->presetButton(preset)->isChecked());
        QCOMPARE(widget->chartView(Kind::Waiting)->chart()->series().isEmpty(), false);
    }
    // Today has one point per chart; the quarter is charted by week.
    QCOMPARE(widget->snapshot()->grain, Dashboard::grainFor(Dashboard::presetRange(Preset::ThisQuarter, kToday)));
    // Custom: the dates typed in are the range.
    const Dashboard::Range custom{QDate(2025, 5, 1), QDate(2025, 5, 10)};
    widget->setCustomRange(custom);
    QVERIFY(loaded.wait(kTimeoutMs));
    QCOMPARE(m_log->rangesSeen().last(), custom);
    QVERIFY(widget->presetButton(Preset::Custom)->isChecked());
    QCOMPARE(widget->chartView(Kind::Waiting)->chart()->series().first()->objectName(), QStringLiteral("queueMean"));
    QCOMPARE(seriesNamed<QLineSeries>(widget->chartView(Kind::Waiting), "queueMean")->count(), 10);
}

void TestDashboardGui::newerRequestSupersedesARunningOne()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    QSignalSpy loaded(widget.get(), &DashboardWidget::loaded);
    m_log->holdNext = true;
    const int before = m_log->calls;
    QTest::mouseClick(widget->presetButton(Preset::Last7Days), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_log->calls.load(), before + 1, kTimeoutMs); // the slow load runs
    QVERIFY(widget->isLoading());
    QVERIFY(widget->findChild<QWidget*>(QStringLiteral("busyBar"))->isVisible());
    // The GUI thread is free: the user switches period while the first load still runs.
    QTest::mouseClick(widget->presetButton(Preset::Today), Qt::LeftButton);
    m_log->release.release();
    QVERIFY(loaded.wait(kTimeoutMs));
    QTest::qWait(100);
    QCOMPARE(loaded.count(), 1); // the superseded result was dropped
    QCOMPARE(widget->snapshot()->range, Dashboard::presetRange(Preset::Today, kToday));
    QCOMPARE(widget->range(), Dashboard::presetRange(Preset::Today, kToday));
    QVERIFY(!widget->isLoading());
    QVERIFY(!widget->findChild<QWidget*>(QStringLiteral("busyBar"))->isVisible());
}

void TestDashboardGui::paretoBarOpensItsCases()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    QChartView* view = widget->chartView(Kind::Pareto);
    widget->scrollArea()->ensureWidgetVisible(view);
    QTest::qWait(50);
    QBarSet* vital = barSetNamed(view, "vitalFew");
    QVERIFY(vital);
    QSignalSpy selected(widget.get(), &DashboardWidget::selectionRequested);
    // The bar of 办理时限 (index 1, 30 cases): click in its middle.
    QAbstractSeries* bars = nullptr;
    for (QAbstractSeries* s : view->chart()->series()) {
        if (s->objectName() == QLatin1String("pareto")) {
            bars = s;
        }
    }
    QVERIFY(bars);
    const QPointF scene = view->chart()->mapToPosition(QPointF(1, 15), bars);
    const QPoint at = view->mapFromScene(scene);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE_WITH_TIMEOUT(selected.count(), 1, kTimeoutMs);
    const auto selection = selected.first().first().value<Dashboard::Selection>();
    QCOMPARE(selection.category, std::optional(QStringLiteral("办理时限")));
    QCOMPARE(selection.range, widget->range());
    QVERIFY(!selection.rating && !selection.channel && !selection.dimension);

    QTRY_VERIFY_WITH_TIMEOUT(casesDialog() != nullptr, kTimeoutMs);
    CasesBehindDialog* dialog = casesDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), kTimeoutMs);
    QCOMPARE(dialog->table()->rowCount(), 2);
    QCOMPARE(dialog->table()->item(0, 0)->text(), fakeCase(201).caseNo);
    QCOMPARE(dialog->table()->item(1, 3)->text(), QStringLiteral("办理时限"));
    {
        const QMutexLocker lock(&m_log->mutex);
        QCOMPARE(m_log->selections.last().category, selection.category);
    }
    // A double click opens the case, as in the case list.
    QSignalSpy open(widget.get(), &DashboardWidget::openCaseRequested);
    const QRect cell = dialog->table()->visualItemRect(dialog->table()->item(1, 0));
    QTest::mouseClick(dialog->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(dialog->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE_WITH_TIMEOUT(open.count(), 1, kTimeoutMs);
    QCOMPARE(open.first().first().toLongLong(), qint64(202));
}

void TestDashboardGui::satisfactionChannelAndWaitingClicksOpenTheirCases()
{
    // issue 14 (helper "polish"): mouse clicks where the bars and points are drawn, as a supervisor clicks them; each
    // asks for the cases of the fixture's bucket, narrowed by the rating level or the channel, and the dialog lists
    // what casesBehind returns for exactly that selection.
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    const Dashboard::Snapshot expected = fixture(widget->range());
    QSignalSpy selected(widget.get(), &DashboardWidget::selectionRequested);
    const auto clicked = [&]() -> std::optional<Dashboard::Selection> {
        if (!QTest::qWaitFor([&] { return !selected.isEmpty(); }, kTimeoutMs)) {
            return std::nullopt;
        }
        QTest::qWait(20);
        if (selected.size() != 1) { // one click, one selection (a line over a bar must not add its own)
            return std::nullopt;
        }
        return selected.takeFirst().first().value<Dashboard::Selection>();
    };
    const auto dialogShows = [&](const Dashboard::Selection& selection) {
        CasesBehindDialog* dialog = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                dialog = casesDialog();
                return dialog && !dialog->isLoading();
            },
            kTimeoutMs);
        const bool same = shown && dialog->selection().range == selection.range &&
                          dialog->selection().rating == selection.rating &&
                          dialog->selection().channel == selection.channel && dialog->table()->rowCount() == 2 &&
                          dialog->table()->item(0, 0)->text() == fakeCase(201).caseNo;
        closeCasesDialogs();
        return same;
    };

    // A satisfaction bar: day 6 (index 5) has levels {5, 1, 2, 3, 9}; the top segment is 非常满意 (level 5).
    QChartView* satisfaction = widget->chartView(Kind::Satisfaction);
    widget->scrollArea()->ensureWidgetVisible(satisfaction);
    QTest::qWait(50);
    auto* levels = qobject_cast<QAbstractBarSeries*>(seriesOf(satisfaction, "levels"));
    QVERIFY(levels);
    clickAt(satisfaction, levels, middleOfSegment(levels, barSetNamed(satisfaction, "level5"), 5));
    auto selection = clicked();
    QVERIFY(selection);
    QCOMPARE(selection->range, expected.satisfaction.at(5).bucket);
    QCOMPARE(selection->rating, std::optional(5));
    QVERIFY(!selection->channel && !selection->category);
    QVERIFY(dialogShows(*selection));
    // The bottom segment of another day: 非常不满意 (level 1) on day 10 (index 9, 9 ratings).
    clickAt(satisfaction, levels, middleOfSegment(levels, barSetNamed(satisfaction, "level1"), 9));
    selection = clicked();
    QVERIFY(selection);
    QCOMPARE(selection->range, expected.satisfaction.at(9).bucket);
    QCOMPARE(selection->rating, std::optional(1));
    QVERIFY(dialogShows(*selection));

    // A channel bar: day 13 (index 12), the window's segment (17 cases) of the stacked bar.
    QChartView* channels = widget->chartView(Kind::Channels);
    widget->scrollArea()->ensureWidgetVisible(channels);
    QTest::qWait(50);
    auto* channelBars = qobject_cast<QAbstractBarSeries*>(seriesOf(channels, "channels"));
    QVERIFY(channelBars);
    QBarSet* window = barSetNamed(channels, QStringLiteral("channel%1").arg(int(Channel::Window)).toLatin1());
    QVERIFY(window);
    QCOMPARE(window->at(12), double(expected.service.at(12).casesByChannel.at(int(Channel::Window))));
    clickAt(channels, channelBars, middleOfSegment(channelBars, window, 12));
    selection = clicked();
    QVERIFY(selection);
    QCOMPARE(selection->range, expected.service.at(12).bucket);
    QCOMPARE(selection->channel, std::optional(Channel::Window));
    QVERIFY(!selection->rating && !selection->category);
    QVERIFY(dialogShows(*selection));
    // The 12345 hotline's segment (2 cases) on top of it.
    QBarSet* hotline = barSetNamed(channels, QStringLiteral("channel%1").arg(int(Channel::Hotline12345)).toLatin1());
    QVERIFY(hotline);
    clickAt(channels, channelBars, middleOfSegment(channelBars, hotline, 12));
    selection = clicked();
    QVERIFY(selection);
    QCOMPARE(selection->channel, std::optional(Channel::Hotline12345));
    QVERIFY(dialogShows(*selection));

    // A waiting-time point: the queue's p90 on day 21 (index 20), 40 minutes.
    QChartView* waiting = widget->chartView(Kind::Waiting);
    widget->scrollArea()->ensureWidgetVisible(waiting);
    QTest::qWait(50);
    auto* p90 = seriesNamed<QLineSeries>(waiting, "queueP90");
    QVERIFY(p90);
    QCOMPARE(p90->at(20).y(), *expected.waiting.at(20).queueMinutes.p90);
    clickAt(waiting, p90, p90->at(20));
    selection = clicked();
    QVERIFY(selection);
    QCOMPARE(selection->range, expected.waiting.at(20).bucket);
    QVERIFY(!selection->rating && !selection->channel && !selection->category && !selection->dimension);
    QVERIFY(dialogShows(*selection));
    {
        const QMutexLocker lock(&m_log->mutex);
        QCOMPARE(m_log->selections.last().range, expected.waiting.at(20).bucket);
    }
}

void TestDashboardGui::alertAsksForAnImprovementAction()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    QTreeWidget* alerts = widget->alertsTree();
    QCOMPARE(alerts->topLevelItemCount(), 1);
    QCOMPARE(alerts->topLevelItem(0)->text(0), QStringLiteral("办理时限"));
    QCOMPARE(alerts->topLevelItem(0)->text(3), QLocale().toString(3));
    QVERIFY(!widget->improvementButton()->isEnabled());
    widget->scrollArea()->ensureWidgetVisible(alerts);
    QTest::mouseClick(alerts->viewport(), Qt::LeftButton, {}, alerts->visualItemRect(alerts->topLevelItem(0)).center());
    QVERIFY(widget->improvementButton()->isEnabled());
    QSignalSpy requested(widget.get(), &DashboardWidget::improvementRequested);
    QTest::mouseClick(widget->improvementButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    const auto alert = requested.first().first().value<Dashboard::SystemicAlert>();
    QCOMPARE(alert.categoryId, qint64(3));
    QCOMPARE(alert.serviceItemId, qint64(11));
    QCOMPARE(alert.caseIds, (QList<qint64>{101, 102, 103}));
    // "Show cases" opens exactly the alert's cases.
    QTest::mouseClick(widget->alertCasesButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(casesDialog() && !casesDialog()->isLoading(), kTimeoutMs);
    QCOMPARE(casesDialog()->table()->rowCount(), 3);
    QCOMPARE(casesDialog()->selection().caseIds, alert.caseIds);
}

void TestDashboardGui::overdueActionsShownOnlyWhenConnected()
{
    {
        const auto widget = makeWidget(fakeJobs(m_log));
        QVERIFY(widget);
        QVERIFY(!widget->overdueGroup()->isVisible());
    }
    const auto widget = makeWidget(fakeJobs(m_log, true));
    QVERIFY(widget);
    QVERIFY(widget->overdueGroup()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(widget->overdueTree()->topLevelItemCount(), 1, kTimeoutMs);
    QCOMPARE(widget->overdueTree()->topLevelItem(0)->text(0), QStringLiteral("优化社保转移材料清单"));
    QCOMPARE(widget->overdueTree()->topLevelItem(0)->text(2), kToday.addDays(-3).toString(Qt::ISODate));
}

void TestDashboardGui::chartsExportAsPngAndSvg()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const Kind kind : DashboardCharts::kinds()) {
        const QString png = dir.filePath(DashboardCharts::fileName(kind) + QStringLiteral(".png"));
        const QString svg = dir.filePath(DashboardCharts::fileName(kind) + QStringLiteral(".svg"));
        const Status pngSaved = widget->exportChart(kind, png);
        QVERIFY2(pngSaved, pngSaved ? "" : qPrintable(pngSaved.error().message));
        const Status svgSaved = widget->exportChart(kind, svg);
        QVERIFY2(svgSaved, svgSaved ? "" : qPrintable(svgSaved.error().message));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), widget->chartView(kind)->size() * 2);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.size() > 2000);
    }
    // The waiting chart is not blank: its PNG holds more than the background.
    const QImage image(dir.filePath(QStringLiteral("waiting.png")));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
        }
    }
    QVERIFY(colours.size() > 10);
}

void TestDashboardGui::printWritesAPdf()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dashboard.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    const Status printed = widget->printTo(printer);
    QVERIFY2(printed, printed ? "" : qPrintable(printed.error().message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > 20000);
    QVERIFY(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") + pdf.count("/Type/Page") >= 2);
}

void TestDashboardGui::otherDesksChangesReloadDebounced()
{
    const auto widget = makeWidget(fakeJobs(m_log));
    QVERIFY(widget);
    widget->setLiveInterval(300);
    QSignalSpy loaded(widget.get(), &DashboardWidget::loaded);
    widget->scrollArea()->verticalScrollBar()->setValue(250);
    const int scrolled = widget->scrollArea()->verticalScrollBar()->value();
    QVERIFY(scrolled > 0);
    const int before = m_log->calls;
    // A burst of changes is one reload, of the same range.
    for (int i = 0; i < 5; ++i) {
        widget->noteCasesChanged();
    }
    QVERIFY(loaded.wait(kTimeoutMs));
    QTest::qWait(600);
    QCOMPARE(m_log->calls.load(), before + 1);
    QCOMPARE(m_log->rangesSeen().last(), Dashboard::presetRange(Preset::Last30Days, kToday));
    QCOMPARE(widget->scrollArea()->verticalScrollBar()->value(), scrolled);
    // A change during a load waits for it to end, then reloads once more.
    m_log->holdNext = true;
    widget->reload();
    QTRY_COMPARE_WITH_TIMEOUT(m_log->calls.load(), before + 2, kTimeoutMs);
    widget->noteCasesChanged();
    QTest::qWait(500);
    QCOMPARE(m_log->calls.load(), before + 2); // never while a load runs
    m_log->release.release();
    QTRY_COMPARE_WITH_TIMEOUT(m_log->calls.load(), before + 3, kTimeoutMs);
}

void TestDashboardGui::hiddenPageLoadsWhenShown()
{
    DashboardWidget widget(fakeJobs(m_log), m_desk.worker(), m_desk.clock());
    widget.setLiveInterval(50);
    QTest::qWait(200);
    QCOMPARE(m_log->calls.load(), 0); // a page never opened reads nothing
    QSignalSpy loaded(&widget, &DashboardWidget::loaded);
    widget.show();
    QVERIFY(loaded.wait(kTimeoutMs));
    QCOMPARE(m_log->calls.load(), 1);
    // Changes while the page is hidden: one reload when it is shown again.
    widget.hide();
    widget.noteCasesChanged();
    widget.noteCasesChanged();
    QTest::qWait(200);
    QCOMPARE(m_log->calls.load(), 1);
    widget.show();
    QVERIFY(loaded.wait(kTimeoutMs));
    QTest::qWait(200);
    QCOMPARE(m_log->calls.load(), 2);
}

void TestDashboardGui::mainWindowHasTheDashboardForSupervisorsOnly()
{
    const auto boss = m_desk.addUser(QStringLiteral("wang"), Role::Supervisor, QStringLiteral("王主任"),
                                     QStringLiteral("Wang-pass-2025"));
    const auto clerk =
        m_desk.addUser(QStringLiteral("li"), Role::Clerk, QStringLiteral("李窗口"), QStringLiteral("Li-pass-2025"));
    QVERIFY(boss && clerk);
    {
        const auto window = m_desk.showWindow(*clerk);
        QVERIFY(window);
        QVERIFY(!window->hasPage(MainWindow::Page::Dashboard));
        QVERIFY(!window->dashboard());
    }
    const auto window = m_desk.showWindow(*boss);
    QVERIFY(window);
    QVERIFY(window->hasPage(MainWindow::Page::Dashboard));
    QVERIFY(openPage(*window, MainWindow::Page::Dashboard));
    QVERIFY(window->dashboard());
    QTRY_VERIFY_WITH_TIMEOUT(window->dashboard()->snapshot().has_value(), kTimeoutMs);
    QCOMPARE(window->dashboard()->snapshot()->figures.cases, 0);
    // No cases: the figures say "no data", never 0.
    QCOMPARE(window->dashboard()->valueLabel(Figure::Csat)->text(), DashboardWidget::tr("no data"));
}

void TestDashboardGui::realServiceEndToEnd()
{
    TestDatabase scratch(QStringLiteral("sqlite"));
    QVERIFY2(scratch.setupError().isEmpty(), qPrintable(scratch.setupError()));
    auto opened = scratch.open();
    QINGTING_VERIFY_OK(opened);
    const std::unique_ptr<Database> db = std::move(opened).value();
    FixedClock clock(QDateTime(kToday, QTime(17, 0)));
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    {
        SqlDemoWriter writer(db->sqlContext());
        DemoService demo(Session::commandLine(), db->repositories(), writer, clock);
        DemoService::Options options;
        options.cases = 600;
        options.days = 40;
        options.end = kToday;
        options.seed = 14;
        QINGTING_VERIFY_OK(demo.generate(options));
    }
    UserService users(Session::commandLine(), db->repositories(), clock, hasher);
    const auto boss =
        users.add(QStringLiteral("zhao"), Role::Supervisor, QStringLiteral("赵主任"), QStringLiteral("Zhao-pass-2025"));
    QINGTING_VERIFY_OK(boss);
    const Session session = Session::forUser(boss->id, boss->login, boss->displayName, boss->role);
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(scratch.location()), clock, hasher);

    DashboardWidget widget(DashboardJobs::service(session), worker, clock);
    widget.resize(1400, 900);
    QSignalSpy loaded(&widget, &DashboardWidget::loaded);
    QSignalSpy failed(&widget, &DashboardWidget::loadFailed);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, kTimeoutMs);
    QCOMPARE(failed.count(), 0);
    const Dashboard::Snapshot& s = *widget.snapshot();
    QCOMPARE(s.range, Dashboard::presetRange(Preset::Last30Days, kToday));
    QVERIFY(s.figures.cases > 0);
    QCOMPARE(widget.valueLabel(Figure::Cases)->text(), QLocale().toString(s.figures.cases));
    // The Pareto bars add up to the period's cases, and the satisfaction bars to its rated cases.
    QChartView* pareto = widget.chartView(Kind::Pareto);
    double paretoSum = 0;
    for (const char* name : {"vitalFew", "others"}) {
        for (const double v : valuesOf(barSetNamed(pareto, name))) {
            paretoSum += v;
        }
    }
    QCOMPARE(qint64(paretoSum), qint64(s.figures.cases));
    double rated = 0;
    for (int level = 1; level <= 5; ++level) {
        for (const double v : valuesOf(
                 barSetNamed(widget.chartView(Kind::Satisfaction), QStringLiteral("level%1").arg(level).toLatin1()))) {
            rated += v;
        }
    }
    qint64 expectedRated = 0;
    for (const auto& p : s.satisfaction) {
        for (const qint64 n : p.levels) {
            expectedRated += n;
        }
    }
    QCOMPARE(qint64(rated), expectedRated);
    QVERIFY(rated > 0);

    // The first Pareto category's cases, through casesBehind and CaseService on the worker.
    QVERIFY(!s.figures.byCategory.isEmpty());
    Dashboard::Selection selection;
    selection.range = s.range;
    selection.category = s.figures.byCategory.first().category;
    widget.openCases(selection, s.figures.byCategory.first().category);
    QTRY_VERIFY_WITH_TIMEOUT(casesDialog() && !casesDialog()->isLoading(), kTimeoutMs);
    const int expectedRows = std::min(s.figures.byCategory.first().cases, CasesBehindDialog::kMaxListed);
    QCOMPARE(casesDialog()->table()->rowCount(), expectedRows);
    for (const Case& c : casesDialog()->cases()) {
        QCOMPARE(c.category.name, s.figures.byCategory.first().category);
        QVERIFY(s.range.contains(c.receivedAt.date()));
    }
    closeCasesDialogs();

    // Switching to the last 7 days reads the real service again.
    QTest::mouseClick(widget.presetButton(Preset::Last7Days), Qt::LeftButton);
    QVERIFY(loaded.wait(kTimeoutMs));
    QCOMPARE(widget.snapshot()->range, Dashboard::presetRange(Preset::Last7Days, kToday));
    QCOMPARE(seriesNamed<QLineSeries>(widget.chartView(Kind::Waiting), "queueMean")->count() <= 7, true);
}

/**
 * Not part of ./test: QINGTING_DASHBOARD_BENCH_DB=FILE (a demo file, docs/BENCHMARKS.md) times the dashboard on it,
 * from a preset click to every chart rendered (QWidget::grab of each chart view), per preset, on the real service.
 */
void TestDashboardGui::benchPresetSwitch()
{
    const QString path = qEnvironmentVariable("QINGTING_DASHBOARD_BENCH_DB");
    if (path.isEmpty()) {
        QSKIP("set QINGTING_DASHBOARD_BENCH_DB to a demo file to time the dashboard");
    }
    const DatabaseLocation location = DatabaseLocation::sqlite(path);
    auto opened = Database::open(location);
    QINGTING_VERIFY_OK(opened);
    const std::unique_ptr<Database> db = std::move(opened).value();
    const SystemClock clock;
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    // A demo supervisor (reading writes nothing, so the file's audit key is not needed here).
    UserService users(Session::commandLine(), db->repositories(), clock, hasher);
    const auto all = users.list();
    QINGTING_VERIFY_OK(all);
    std::optional<Session> found;
    for (const User& user : *all) {
        if (user.role == Role::Supervisor && !found) {
            found = Session::forUser(user.id, user.login, user.displayName, user.role);
        }
    }
    QVERIFY2(found, "the file has no supervisor: make it with qingting-cli demo");
    const Session session = *found;
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(location), clock, hasher);

    const auto paint = [](DashboardWidget& widget) {
        for (const Kind kind : DashboardCharts::kinds()) {
            QVERIFY(!widget.chartView(kind)->grab().isNull());
        }
    };
    QElapsedTimer opening;
    opening.start();
    DashboardWidget widget(DashboardJobs::service(session), worker, clock);
    widget.resize(1280, 760);
    QSignalSpy loaded(&widget, &DashboardWidget::loaded);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
    paint(widget);
    qInfo("open (last 30 days): %lld ms; cases in range: %d", opening.elapsed(), widget.snapshot()->figures.cases);
    QMap<Preset, QList<qint64>> times;
    QMap<Preset, QList<qint64>> loads; // request to charts rebuilt, before painting
    for (int round = 0; round < 5; ++round) {
        for (const Preset preset :
             {Preset::Today, Preset::Last7Days, Preset::Last30Days, Preset::ThisMonth, Preset::ThisQuarter}) {
            QElapsedTimer t;
            t.start();
            QTest::mouseClick(widget.presetButton(preset), Qt::LeftButton);
            QVERIFY(loaded.wait(60000));
            paint(widget);
            times[preset].append(t.elapsed());
            loads[preset].append(widget.lastLoadMs());
        }
    }
    for (auto it = times.begin(); it != times.end(); ++it) {
        QList<qint64>& load = loads[it.key()];
        std::sort(it->begin(), it->end());
        std::sort(load.begin(), load.end());
        qInfo("%-14s click to painted: median %lld ms (min %lld, max %lld, n = %lld); of which loaded and built: "
              "median %lld ms",
              qPrintable(Dashboard::label(it.key())), it->at(it->size() / 2), it->first(), it->last(),
              qint64(it->size()), load.at(load.size() / 2));
    }
}

QTEST_MAIN(TestDashboardGui)
#include "tst_dashboard_gui.moc"
