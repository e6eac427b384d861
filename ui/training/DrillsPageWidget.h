#pragma once

#include "training/TrainingLibrary.h"
#include "users/Session.h"

#include <QWidget>

class Clock;
class DatabaseWorker;
class DrillRunnerWidget;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

/**
 * The "Drills" page (issue 15, helper "drill15"; RunDrills): pick a training case from the library
 * (TrainingService::list), set the optional per-stage timer, run the drill (DrillRunnerWidget), and see one's own
 * past results. All database work on the worker.
 */
class DrillsPageWidget : public QWidget
{
    Q_OBJECT

public:
    DrillsPageWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);
    ~DrillsPageWidget() override;

    /** Reads the library and one's own results again. */
    void reload();
    bool isLoading() const { return m_loading > 0; }
    DrillRunnerWidget* runner() const { return m_runner; }

protected:
    void changeEvent(QEvent* event) override;
    /** The first show loads (a page that is never opened reads nothing). */
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void startSelected();
    void fillResults();

    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;

    QStackedWidget* m_pages = nullptr;
    QTableWidget* m_cases = nullptr;
    QTableWidget* m_mine = nullptr;
    QSpinBox* m_timer = nullptr;
    QLabel* m_timerLabel = nullptr;
    QLabel* m_casesLabel = nullptr;
    QLabel* m_mineLabel = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_refresh = nullptr;
    DrillRunnerWidget* m_runner = nullptr;
    bool m_loaded = false;
    int m_loading = 0;

    QList<TrainingSummary> m_library;
    QList<DrillResultSummary> m_results;
};
