#pragma once

#include "training/Training.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

class Clock;
class DatabaseWorker;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

/**
 * The trainer's drill results (issue 15, helpers "drill15", "train15c"; ViewDrillResults): a period (from / to, by
 * default the last 90 days up to today by the clock) and an optional trainee; a table of the results (trainee, case,
 * date, percent), a line chart of each trainee's percent over time, and the criteria most often missed, most often
 * first, all of that period and trainee. Loads through DrillService on the database worker; a stale load is dropped.
 */
class DrillResultsWidget : public QWidget
{
    Q_OBJECT

public:
    /** The default period: this many days before today, up to today. */
    static constexpr int kDefaultDays = 90;
    /** How long a date being typed rests before the results are read. */
    static constexpr int kDateDelayMs = 300;

    DrillResultsWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);
    ~DrillResultsWidget() override;

    /** Reads the results again with the period and trainee as set. */
    void reload();
    bool isLoading() const { return m_loading; }
    /** What is shown (after the latest load). */
    const QList<DrillResultSummary>& results() const { return m_rows; }
    const QList<TraineeSeries>& series() const { return m_series; }
    const QList<MissedCriterion>& missed() const { return m_missedRows; }

protected:
    void changeEvent(QEvent* event) override;
    /** The first show loads (a page that is never opened reads nothing). */
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void fill();
    /** Refills the trainee filter; the chosen trainee stays. */
    void showTrainees(const QList<Ref>& trainees);

    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;

    LatestRequest m_latest;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_trainee = nullptr;
    QTimer* m_dateTimer = nullptr;
    QLabel* m_fromLabel = nullptr;
    QLabel* m_toLabel = nullptr;
    QLabel* m_traineeLabel = nullptr;
    QTableWidget* m_results = nullptr;
    QTableWidget* m_missed = nullptr;
    QChartView* m_chart = nullptr;
    QLabel* m_resultsLabel = nullptr;
    QLabel* m_missedLabel = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_refresh = nullptr;
    bool m_loaded = false;
    bool m_loading = false;

    QList<DrillResultSummary> m_rows;
    QList<TraineeSeries> m_series;
    QList<MissedCriterion> m_missedRows;
    QList<Ref> m_trainees;
    qint64 m_shownTrainee = 0; ///< the trainee of the rows shown (0 = everyone)
};
