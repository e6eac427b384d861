#pragma once

#include "cases/Case.h"
#include "improvement/Improvement.h"
#include "users/Session.h"

#include <QDialog>

class DatabaseWorker;
class QDialogButtonBox;
class QLabel;
class QTreeWidget;

/**
 * "Add to an existing action…" from a case (issue 14, helper "polish"): the open and in-progress actions of the
 * register, those of the case's category and service item first (the first of them chosen); Add links the case to
 * the chosen action (ImprovementService::addCase) on the database worker. A refusal (already linked, closed since)
 * shows in the dialog, which stays open.
 */
class ImprovementPickerDialog : public QDialog
{
    Q_OBJECT

public:
    ImprovementPickerDialog(Session session, DatabaseWorker& worker, const Case& c, QWidget* parent = nullptr);
    ~ImprovementPickerDialog() override;

    QTreeWidget* list() const { return m_list; }
    bool isBusy() const { return m_busy; }
    /** The id of the chosen action (0 when none). */
    qint64 chosenId() const;

    /** Links the case to the chosen action; accepts the dialog when it is done. */
    void add();

signals:
    /** The case was linked; `action` is the action as stored now. */
    void added(const ImprovementAction& action);
    /** A load or the add finished (with or without an error). */
    void settled();

private:
    void setBusy(bool busy);
    void fill(const QList<ImprovementAction>& actions);

    Session m_session;
    DatabaseWorker& m_worker;
    Case m_case;
    bool m_busy = false;
    QLabel* m_intro = nullptr;
    QTreeWidget* m_list = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
