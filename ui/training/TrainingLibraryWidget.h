#pragma once

#include "training/TrainingLibrary.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

class BuildTrainingCaseDialog;
class DatabaseWorker;
class QLabel;
class QPushButton;
class QTableWidget;
class TrainingCaseDialog;

/**
 * The trainer's library of training cases (issue 15, helper "train15"; Page::Training for ManageTraining): the table
 * (title, category, service item, outcome, rating, created, stages) and New from closed cases…, Edit…, Delete,
 * Export…, Import…. All database work on the worker; a stale list is dropped.
 */
class TrainingLibraryWidget : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        Title,
        Category,
        ServiceItem,
        Outcome,
        Rating,
        Created,
        Stages,
        ColumnCount,
    };

    TrainingLibraryWidget(Session session, DatabaseWorker& worker, QWidget* parent = nullptr);

    bool isLoading() const { return m_loading; }
    const QList<TrainingSummary>& items() const { return m_items; }
    QTableWidget* table() const { return m_table; }
    /** The ids of the selected rows (the current row when none is selected). */
    QList<qint64> selectedIds() const;

public slots:
    void reload();
    BuildTrainingCaseDialog* newFromClosedCases();
    TrainingCaseDialog* editCase(qint64 id);
    /** Writes the training set of these cases to a file; the result is reported in the status line. */
    void exportTo(const QString& path, const QList<qint64>& ids);
    /** Imports a training-set file; a file that cannot be read, or is refused, is reported with the reason. */
    void importFrom(const QString& path);

signals:
    void loaded();
    /** An export or import finished; `message` says what happened. */
    void fileDone(bool ok, const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void editCurrent();
    void deleteSelected();
    void exportSelected();
    void importChosen();
    void report(bool ok, const QString& message);

    Session m_session;
    DatabaseWorker& m_worker;
    LatestRequest m_latest;
    QList<TrainingSummary> m_items;
    bool m_loading = false;
    bool m_loadedOnce = false;
    QTableWidget* m_table = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_import = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
};
