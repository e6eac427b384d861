#pragma once

#include "improvement/Improvement.h"
#include "users/Session.h"

#include <QWidget>

class Clock;
class DatabaseWorker;
class ImprovementDialog;
class ImprovementTableModel;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
namespace Dashboard {
struct SystemicAlert;
}

/**
 * The improvement register (整改台账) for supervisors (issue 14, helper "register"): the actions in a sortable table
 * (status, deadline with the overdue ones in red, owner, category, item, linked cases), filtered by status, overdue
 * and category; New and Edit open the action dialog. Reads on the database worker.
 */
class ImprovementRegisterWidget : public QWidget
{
    Q_OBJECT

public:
    ImprovementRegisterWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);
    ~ImprovementRegisterWidget() override;

    ImprovementTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    bool isLoading() const { return m_loading; }

public slots:
    void reload();
    /** Opens the dialog of a new action. */
    ImprovementDialog* newAction();
    /** Opens the dialog of the stored action. */
    ImprovementDialog* editAction(qint64 id);
    /** For the dashboard: a new action pre-filled from a systemic alert; the register reloads once it is saved. */
    ImprovementDialog* newFromAlert(const Dashboard::SystemicAlert& alert);

signals:
    void openCaseRequested(qint64 caseId);
    void loaded();
    /** An action was created or changed through this register. */
    void actionSaved(const ImprovementAction& action);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    enum StatusFilter
    {
        AllActions,
        ActiveActions,
        OverdueActions,
        FirstStatus, ///< then one entry per ImprovementStatus
    };
    void retranslate();
    ImprovementDialog* showDialog(ImprovementDialog* dialog);
    void editCurrent();

    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    ImprovementTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_category = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_categoryLabel = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_refresh = nullptr;
    bool m_loading = false;
    bool m_loadedOnce = false;
};
