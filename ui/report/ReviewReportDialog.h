#pragma once

#include "common/Result.h"
#include "dashboard/Dashboard.h"
#include "report/ReportWriter.h"
#include "users/Session.h"

#include <QDialog>

#include <atomic>
#include <functional>
#include <memory>

class DatabaseWorker;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QProgressDialog;
class QPushButton;
class QTimer;
struct WorkerScope;

/**
 * "Review report…" (复盘报告, issue 14, helper "report"): from and to, the format and the file; then the report is
 * built and written on the DatabaseWorker (ReportService, ReportWriter) under a progress dialog that can cancel it.
 * An existing file is replaced only after asking: the file dialog asks itself, a path typed in the line edit gets a
 * question here. At the end a message offers to open the file or its folder.
 */
class ReviewReportDialog : public QDialog
{
    Q_OBJECT

public:
    /** Shared with the worker: the progress (0–100) it reached and whether the user cancelled. */
    struct Progress
    {
        std::atomic<int> percent{0};
        std::atomic<bool> cancelled{false};
    };
    /** What runs on the worker: build the report for the range and write it. Tests may put a fake in. */
    using Job = std::function<Status(const WorkerScope& scope, const Dashboard::Range& range,
                                     ReportWriter::Format format, const QString& path, Progress& progress)>;

    /** The real job: ReportService acting for `session`, the hall's name from AppSettings. */
    static Job serviceJob(const Session& session, const QString& hallName);
    /** Whether the session may make the report (Permission::ViewFigures). */
    static bool allowed(const Session& session);

    ReviewReportDialog(Job job, DatabaseWorker& worker, const Dashboard::Range& range, QWidget* parent = nullptr);
    ~ReviewReportDialog() override;

    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QComboBox* formatCombo() const { return m_format; }
    QLineEdit* pathEdit() const { return m_path; }
    QPushButton* browseButton() const { return m_browse; }
    QPushButton* createButton() const { return m_create; }
    bool isRunning() const { return m_running; }

signals:
    /** The report was written to `path`. */
    void written(const QString& path);
    /** It failed or was cancelled; the message is shown too. */
    void failed(const QString& message);

private:
    void browse();
    void formatChanged();
    void create();
    void finish(const Status& result, const QString& path);
    void showDone(const QString& path);
    /** The default file name for the range and format, in the documents folder. */
    QString suggestedPath() const;

    Job m_job;
    DatabaseWorker& m_worker;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_path = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_create = nullptr;
    QProgressDialog* m_progressDialog = nullptr;
    QTimer* m_poll = nullptr;
    std::shared_ptr<Progress> m_progress;
    /** The path the file dialog confirmed replacing (it asked the user already). */
    QString m_confirmed;
    bool m_running = false;
};
