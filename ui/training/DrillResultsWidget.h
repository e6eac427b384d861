#pragma once

#include "training/Training.h"
#include "users/Session.h"

#include <QWidget>

class Clock;
class DatabaseWorker;
class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;

/**
 * The trainer's drill results (issue 15, helper "drill15"; ViewDrillResults): a table of the results (trainee, case,
 * date, percent), a line chart of each trainee's percent over time, and the criteria most often missed across the
 * team, most often first. Loads through DrillService on the database worker.
 */
class DrillResultsWidget : public QWidget
{
    Q_OBJECT

public:
    DrillResultsWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);
    ~DrillResultsWidget() override;

    /** Reads the results again. */
    void reload();
    bool isLoading() const { return m_loading; }

protected:
    void changeEvent(QEvent* event) override;
    /** The first show loads (a page that is never opened reads nothing). */
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void fill();

    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;

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
};
