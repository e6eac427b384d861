#pragma once

#include "training/TrainingLibrary.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

class BuildTrainingCaseDialog;
class DatabaseWorker;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;
class TrainingCaseDialog;

/**
 * The trainer's library of training cases (issue 15, helpers "train15", "train15c"; Page::Training for
 * ManageTraining): a category filter (the categories the library holds) and a title filter (debounced while typing),
 * the table (title, category, service item, outcome, rating, created, stages) and New from closed cases…, Edit…,
 * Delete (also the Delete key on the table, after a question), Export…, Import…. All database work on the worker; a
 * stale list is dropped.
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

    /** How long typing in the title filter rests before the list is read. */
    static constexpr int kFilterDelayMs = 300;

    TrainingLibraryWidget(Session session, DatabaseWorker& worker, QWidget* parent = nullptr);

    bool isLoading() const { return m_loading; }
    const QList<TrainingSummary>& items() const { return m_items; }
    QTableWidget* table() const { return m_table; }
    /** The ids of the selected rows (the current row when none is selected). */
    QList<qint64> selectedIds() const;
    /** The filter as the controls set it now. */
    TrainingFilter filter() const;
    /** How many list reads this widget has asked the worker for (the debounce's test). */
    int listRequests() const { return m_listRequests; }

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
    /** The Delete key on the table deletes the selected cases (after the question). */
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void editCurrent();
    void deleteSelected();
    void exportSelected();
    void importChosen();
    void report(bool ok, const QString& message);
    void showItems();
    /** Refills the category filter with the library's categories; the chosen one stays while it exists. */
    void showCategories(const QStringList& categories);

    Session m_session;
    DatabaseWorker& m_worker;
    LatestRequest m_latest;
    QList<TrainingSummary> m_items;
    TrainingFilter m_shownFilter; ///< the filter m_items was read with
    bool m_loading = false;
    bool m_loadedOnce = false;
    int m_listRequests = 0;
    QComboBox* m_category = nullptr;
    QLineEdit* m_text = nullptr;
    QTimer* m_filterTimer = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_import = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
};
