#pragma once

#include "cases/Case.h"
#include "dashboard/DashboardJobs.h"

#include <QDialog>

class DatabaseWorker;
class QLabel;
class QProgressBar;
class QTableWidget;

/**
 * The cases behind a click on the dashboard (issue 14): the Selection's case ids (DashboardService::casesBehind) and
 * the cases read (CaseService), both on the database worker; then a table of case no, received, status, category
 * and summary. A double click (or Enter) on a row asks to open that case, as the case list does.
 */
class CasesBehindDialog : public QDialog
{
    Q_OBJECT

public:
    /** The most cases the table lists (the newest); the label says how many there are in all. */
    static constexpr int kMaxListed = 500;

    CasesBehindDialog(const DashboardJobs& jobs, DatabaseWorker& worker, const Dashboard::Selection& selection,
                      const QString& description, QWidget* parent = nullptr);

    const Dashboard::Selection& selection() const { return m_selection; }
    bool isLoading() const { return m_loading; }
    const QList<Case>& cases() const { return m_cases; }
    QTableWidget* table() const { return m_table; }

signals:
    void openCaseRequested(qint64 caseId);

private:
    struct Loaded
    {
        qint64 total = 0;
        QList<Case> cases;
    };
    void showLoaded(const Result<Loaded>& loaded);

    Dashboard::Selection m_selection;
    QLabel* m_status = nullptr;
    QProgressBar* m_busy = nullptr;
    QTableWidget* m_table = nullptr;
    QList<Case> m_cases;
    bool m_loading = true;
};
