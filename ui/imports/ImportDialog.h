#pragma once

#include "imports/ImportJobs.h"
#include "imports/ImportProgressDialog.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;
class QFileDialog;
class QTimer;

namespace Ui {
class ImportDialog;
}

/**
 * Imports one CSV file of FORMATS.md (issue 13): first a preview (the detected encoding, how each column of the
 * header is read, missing required columns, the first records), then the run on the database worker behind an
 * ImportProgressDialog whose Cancel leaves nothing written, then the summary (read / imported / duplicates /
 * rejected) with the rejected records, which can be saved as CSV.
 */
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    /** How many records the preview shows. */
    static constexpr int kPreviewRows = 20;
    /** How often the progress dialog reads the run's progress, in ms. */
    static constexpr int kProgressIntervalMs = 100;

    /** Reads the preview of `path` on the worker at once. */
    ImportDialog(ImportJobs jobs, DatabaseWorker& worker, Import::Kind kind, const QString& path,
                 QWidget* parent = nullptr);
    ~ImportDialog() override;

    /**
     * The file dialog for a CSV file of `kind` (not modal to the event loop: open()); when a file is chosen, an
     * ImportDialog for it opens, and `opened` is called with it (to connect to imported()). It starts in
     * `directory`, or in the user's documents when empty.
     */
    static QFileDialog* chooseFile(QWidget* parent, ImportJobs jobs, DatabaseWorker& worker, Import::Kind kind,
                                   std::function<void(ImportDialog*)> opened = {}, const QString& directory = {});
    /** The default file of "Save rejects…": FILE.rejects.csv next to the imported file (as the CLI writes it). */
    static QString defaultRejectsPath(const QString& path);

    /** The preview or the run is waiting for the worker. */
    bool isBusy() const;
    const std::optional<Import::Preview>& preview() const { return m_preview; }
    const std::optional<Import::Report>& report() const { return m_report; }
    /** The progress dialog while the run goes on, else nullptr. */
    ImportProgressDialog* progressDialog() const { return m_progress; }
    void reject() override;

signals:
    /** A run wrote rows (Report::committed): the case list and the figures are to be read again. */
    void imported(const Import::Report& report);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct RunState;

    void retranslate();
    void showPreview(const Import::Preview& preview);
    void startImport();
    void updateProgress();
    void finishRun(const Result<Import::Report>& result);
    void showReport(const Import::Report& report);
    void chooseRejectsFile();
    void saveRejects(const QString& path);
    QString outcomeText(const Import::Report& report) const;

    std::unique_ptr<Ui::ImportDialog> m_ui;
    ImportJobs m_jobs;
    DatabaseWorker& m_worker;
    Import::Kind m_kind;
    QString m_path;
    BusyIndicator* m_busy = nullptr;
    std::optional<Import::Preview> m_preview;
    std::optional<Import::Report> m_report;
    bool m_skipBad = false; ///< as the report's run was started
    std::shared_ptr<RunState> m_run;
    QPointer<ImportProgressDialog> m_progress;
    QTimer* m_progressTimer = nullptr;
};
