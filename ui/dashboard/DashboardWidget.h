#pragma once

#include "dashboard/DashboardCharts.h"
#include "dashboard/DashboardJobs.h"
#include "workers/LatestRequest.h"

#include <QElapsedTimer>
#include <QMap>
#include <QWidget>

#include <functional>
#include <optional>

class BreakdownTableModel;
class CasesBehindDialog;
class Clock;
class DatabaseWorker;
class QAbstractButton;
class QButtonGroup;
class QChartView;
class QDateEdit;
class QFrame;
class QGroupBox;
class QLabel;
class QPrinter;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTableView;
class QTimer;
class QToolButton;
class QTreeWidget;

/**
 * The supervisor's dashboard (issue 14): date presets and a custom range; the headline figures as cards, each
 * compared with the previous period of the same length; the charts (waiting time, satisfaction, response and
 * resolution, cases by channel, the Pareto of categories); the breakdowns by window, service item and department;
 * the systemic alerts and, when the register is connected, the overdue improvement actions. Everything is read on
 * the DatabaseWorker through DashboardJobs: a newer request supersedes a running one (its result is dropped), and
 * the GUI thread never waits. The first load comes when the page is first shown. A click on a bar, a point or a row
 * opens the cases behind it.
 */
class DashboardWidget : public QWidget
{
    Q_OBJECT

public:
    /** Live refreshes come at most this often (ms). */
    static constexpr int kLiveIntervalMs = 5000;

    DashboardWidget(DashboardJobs jobs, DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);
    ~DashboardWidget() override;

    /** Chooses a preset (as a click on its button does) and loads its range. */
    void setPreset(Dashboard::Preset preset);
    /** Chooses Custom with these days and loads them. */
    void setCustomRange(const Dashboard::Range& range);
    Dashboard::Preset preset() const { return m_preset; }
    const Dashboard::Range& range() const { return m_range; }
    Dashboard::AlertRule alertRule() const;
    /** Loads the current range again (the previous result stays shown until the new one arrives). */
    void reload();

    /** Tests: a shorter interval between live refreshes. */
    void setLiveInterval(int ms) { m_liveIntervalMs = ms; }
    bool isLoading() const { return m_loading; }
    /** The snapshot shown, if one has arrived. */
    const std::optional<Dashboard::Snapshot>& snapshot() const { return m_snapshot; }
    /** How long the last load took from the request to the charts rebuilt (ms); -1 before the first. */
    qint64 lastLoadMs() const { return m_lastLoadMs; }

    QAbstractButton* presetButton(Dashboard::Preset preset) const;
    QChartView* chartView(DashboardCharts::Kind kind) const { return m_views.value(kind); }
    QLabel* valueLabel(Dashboard::Figure figure) const;
    QLabel* changeLabel(Dashboard::Figure figure) const;
    QTableView* breakdownView(Dashboard::Dimension dimension) const;
    QTreeWidget* alertsTree() const { return m_alerts; }
    QPushButton* alertCasesButton() const { return m_alertCases; }
    QPushButton* improvementButton() const { return m_improvement; }
    /** "Review report…" (issue 14, helper "report"): hidden until the main window shows it and takes the signal. */
    QPushButton* reviewReportButton() const { return m_reviewReport; }
    QGroupBox* overdueGroup() const { return m_overdueGroup; }
    QTreeWidget* overdueTree() const { return m_overdue; }
    QScrollArea* scrollArea() const { return m_scroll; }

    /** Writes the chart as PNG (at 2x) or SVG, by the file's suffix. */
    Status exportChart(DashboardCharts::Kind kind, const QString& path);
    /** Prints the whole dashboard on `printer` (a PDF with QPrinter::PdfFormat). */
    Status printTo(QPrinter& printer);

public slots:
    /**
     * Other desks changed cases (NoticeWatcher): reloads, debounced, never while a load runs; a hidden page reloads
     * when it is shown again.
     */
    void noteCasesChanged();
    /**
     * An improvement action was saved here or on another desk (issue 14): reads the overdue actions again, at once
     * (a few rows; the figures stay as they are).
     */
    void noteActionsChanged();
    /** Opens the dialog with the cases behind a selection. */
    void openCases(const Dashboard::Selection& selection, const QString& description);

signals:
    /** "Open an improvement action…" on a systemic alert; the lead wires it to the improvement register. */
    void improvementRequested(const Dashboard::SystemicAlert& alert);
    /** "Review report…" for the range shown (review report, issue 14). */
    void reviewReportRequested(const Dashboard::Range& range);
    /** A double click in the cases dialog: open the case as the case list does. */
    void openCaseRequested(qint64 caseId);
    /** A click asked for the cases behind a bar, point, row or alert (the dialog opens too). */
    void selectionRequested(const Dashboard::Selection& selection);
    /** A snapshot arrived and the screen shows it. */
    void loaded();
    /** A load failed: the message is shown above the charts. */
    void loadFailed(const QString& message);
    /** A short message for the status bar. */
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Card
    {
        QFrame* frame = nullptr;
        QLabel* title = nullptr;
        QLabel* value = nullptr;
        QLabel* change = nullptr;
    };

    void buildTopBar(QLayout* layout);
    QWidget* buildCards();
    QWidget* buildCharts();
    QWidget* buildBreakdowns();
    QWidget* buildAlerts();
    void retranslate();
    void load();
    void setBusy(bool busy);
    /** Shows a snapshot in steps (see the .cpp); `done` runs after the last. */
    void apply(const Dashboard::Snapshot& snapshot, std::function<void()> done = {});
    void runSteps(int generation, QList<std::function<void()>> steps);
    void applyCards(const Dashboard::Snapshot& snapshot);
    void applyAlerts(const Dashboard::Snapshot& snapshot);
    void loadOverdue();
    void showDates();
    void scheduleLive();
    void chooseExport(DashboardCharts::Kind kind, const QString& format);
    void print();
    const Dashboard::SystemicAlert* currentAlert() const;
    static QString formatValue(Dashboard::Figure figure, const std::optional<double>& value);
    static QString formatChange(const Dashboard::Change& change);

    DashboardJobs m_jobs;
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    Dashboard::Preset m_preset = Dashboard::Preset::Last30Days;
    Dashboard::Range m_range;
    std::optional<Dashboard::Snapshot> m_snapshot;
    int m_applyGeneration = 0; ///< apply()'s steps of an older snapshot stop when this moves on
    LatestRequest m_latest;
    bool m_loading = false;
    bool m_changePending = false;
    QElapsedTimer m_sinceLoad;
    QElapsedTimer m_loadClock;
    qint64 m_lastLoadMs = -1;
    int m_liveIntervalMs = kLiveIntervalMs;

    QButtonGroup* m_presets = nullptr;
    QMap<Dashboard::Preset, QAbstractButton*> m_presetButtons;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_fromLabel = nullptr;
    QLabel* m_toLabel = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_busyLabel = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_reviewReport = nullptr; ///< review report (issue 14)
    QScrollArea* m_scroll = nullptr;
    QLabel* m_periodLabel = nullptr;
    QMap<Dashboard::Figure, Card> m_cards;
    QMap<DashboardCharts::Kind, QChartView*> m_views;
    QMap<DashboardCharts::Kind, QToolButton*> m_exportButtons;
    QMap<Dashboard::Dimension, BreakdownTableModel*> m_models;
    QMap<Dashboard::Dimension, QTableView*> m_tables;
    QWidget* m_breakdownTabs = nullptr;
    QGroupBox* m_alertsGroup = nullptr;
    QLabel* m_ruleLabel = nullptr;
    QLabel* m_ruleDaysLabel = nullptr;
    QSpinBox* m_ruleCases = nullptr;
    QSpinBox* m_ruleDays = nullptr;
    QTreeWidget* m_alerts = nullptr;
    QPushButton* m_alertCases = nullptr;
    QPushButton* m_improvement = nullptr;
    QGroupBox* m_overdueGroup = nullptr;
    QTreeWidget* m_overdue = nullptr;
    QTimer* m_liveTimer = nullptr;
};
