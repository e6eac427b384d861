#pragma once

#include "improvement/Improvement.h"
#include "users/Session.h"

#include <QWidget>

class Clock;
class DatabaseWorker;
class ImprovementDialog;
class ImprovementPickerDialog;
struct Case;
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
    /** From a case view (issue 14): a new action pre-filled from the case (Improvements::draftFromCase). */
    ImprovementDialog* newFromCase(const Case& c);
    /** From a case view (issue 14): the picker of open actions; the register reloads once the case is added. */
    ImprovementPickerDialog* addCaseToAction(const Case& c);
    /**
     * Another desk (or this one) wrote an action (NoticeWatcher::improvementsChanged): reloads the list with the same
     * filters, keeping the selected action and the scroll position. Nothing before the first load; a change during
     * a load reloads once after it.
     */
    void noteActionsChanged();

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
    /** Reads the list; `keepPlace` = keep the selected action and the scroll position (a live reload). */
    void load(bool keepPlace);
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
    bool m_changePending = false;
};
