#pragma once

#include "training/TrainingLibrary.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QDialog>

class DatabaseWorker;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

/**
 * "New from closed cases…" (issue 15, helpers "train15", "train15c"): filters (category, outcome, rating, closed from /
 * to, either left open by its check box) and the closed cases as anonymized previews (TrainingService::candidates: a
 * trainer sees nothing else of a live case). Build makes the training case of the chosen row and emits built(); the
 * library then opens it.
 */
class BuildTrainingCaseDialog : public QDialog
{
    Q_OBJECT

public:
    /** Columns of the candidate table. */
    enum Column
    {
        CaseNo,
        Closed,
        Category,
        ServiceItem,
        Rating,
        Outcome,
        Emotion,
        Risk,
        Preview,
        Built,
        ColumnCount,
    };

    BuildTrainingCaseDialog(Session session, DatabaseWorker& worker, QWidget* parent = nullptr);

    bool isBusy() const { return m_busy; }
    const QList<TrainingCandidate>& candidates() const { return m_candidates; }
    QTableWidget* table() const { return m_table; }
    /** The filter as the controls set it now. */
    TrainingCandidateFilter filter() const;

public slots:
    /** Reads the candidates with the filters as set. */
    void search();
    /** Builds the training case of the current row. */
    void build();

signals:
    void built(const TrainingCase& trainingCase);

private:
    void setBusy(bool busy);
    void showCandidates();

    Session m_session;
    DatabaseWorker& m_worker;
    LatestRequest m_latest;
    bool m_busy = false;
    QList<TrainingCandidate> m_candidates;
    QComboBox* m_category = nullptr;
    QComboBox* m_outcome = nullptr;
    QComboBox* m_risk = nullptr;
    QSpinBox* m_minRating = nullptr;
    QSpinBox* m_maxRating = nullptr;
    QCheckBox* m_closedFromSet = nullptr;
    QDateEdit* m_closedFrom = nullptr;
    QCheckBox* m_closedToSet = nullptr;
    QDateEdit* m_closedTo = nullptr;
    QPushButton* m_search = nullptr;
    QPushButton* m_build = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
};
