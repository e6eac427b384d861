#include "imports/ImportDialog.h"

#include "ui_ImportDialog.h"

#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "imports/ImportProgressDialog.h"
#include "services/ImportService.h"
#include "workers/DatabaseWorker.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>

#include <atomic>

namespace {
/** The rejects the summary lists; all of them are saved. */
constexpr int kShownRejects = 1000;

const QColor kMissingColor(0xb0, 0x00, 0x20);

QString number(qint64 n)
{
    return QLocale().toString(n);
}
} // namespace

/** Shared by the GUI thread and the run on the worker: the progress it reports and the user's Cancel. */
struct ImportDialog::RunState
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> cancel{false};
};

namespace {
/** A field of FORMATS.md as the user reads it: a translated label with the format's column name. */
QString fieldLabel(const QString& field)
{
    static const struct
    {
        const char* field;
        const char* label;
    } kLabels[] = {
        {"case_no", QT_TRANSLATE_NOOP("ImportDialog", "Case number")},
        {"received_at", QT_TRANSLATE_NOOP("ImportDialog", "Received at")},
        {"channel", QT_TRANSLATE_NOOP("ImportDialog", "Channel")},
        {"window", QT_TRANSLATE_NOOP("ImportDialog", "Window")},
        {"service_item", QT_TRANSLATE_NOOP("ImportDialog", "Service item")},
        {"category", QT_TRANSLATE_NOOP("ImportDialog", "Category")},
        {"citizen_key", QT_TRANSLATE_NOOP("ImportDialog", "Citizen (phone or ID number)")},
        {"waited_minutes", QT_TRANSLATE_NOOP("ImportDialog", "Minutes waited")},
        {"summary", QT_TRANSLATE_NOOP("ImportDialog", "Complaint")},
        {"acknowledged_at", QT_TRANSLATE_NOOP("ImportDialog", "First response at")},
        {"answered_at", QT_TRANSLATE_NOOP("ImportDialog", "Answered at")},
        {"resolved_at", QT_TRANSLATE_NOOP("ImportDialog", "Resolved at")},
        {"closed_at", QT_TRANSLATE_NOOP("ImportDialog", "Closed at")},
        {"rating", QT_TRANSLATE_NOOP("ImportDialog", "Rating (1–5)")},
        {"nps", QT_TRANSLATE_NOOP("ImportDialog", "Recommendation (0–10)")},
        {"transfers", QT_TRANSLATE_NOOP("ImportDialog", "Transfers")},
        {"ticket", QT_TRANSLATE_NOOP("ImportDialog", "Ticket")},
        {"issued_at", QT_TRANSLATE_NOOP("ImportDialog", "Ticket taken at")},
        {"called_at", QT_TRANSLATE_NOOP("ImportDialog", "Called at")},
        {"finished_at", QT_TRANSLATE_NOOP("ImportDialog", "Finished at")},
    };
    for (const auto& entry : kLabels) {
        if (field == QLatin1String(entry.field)) {
            return ImportDialog::tr("%1 (%2)", "field label (column name)")
                .arg(QCoreApplication::translate("ImportDialog", entry.label), field);
        }
    }
    return field;
}
} // namespace

ImportDialog::ImportDialog(ImportJobs jobs, DatabaseWorker& worker, Import::Kind kind, const QString& path,
                           QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
    , m_jobs(std::move(jobs))
    , m_worker(worker)
    , m_kind(kind)
    , m_path(path)
    , m_progressTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->skipBadCheckBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->previewPage);
    m_ui->fileValueLabel->setText(QDir::toNativeSeparators(path));
    m_ui->missingColumnsLabel->hide();
    m_ui->importButton->setEnabled(false);
    m_ui->saveRejectsButton->hide();
    m_ui->importGoodRowsButton->hide();
    m_ui->closeButton->hide();
    m_ui->savedLabel->hide();
    m_ui->mappingTreeWidget->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->rejectsTreeWidget->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &ImportDialog::updateProgress);
    connect(m_ui->importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &ImportDialog::accept);
    connect(m_ui->saveRejectsButton, &QPushButton::clicked, this, &ImportDialog::chooseRejectsFile);
    // All or nothing refused the file: the same file again, skipping the rejected rows.
    connect(m_ui->importGoodRowsButton, &QPushButton::clicked, this, [this] {
        m_ui->skipBadCheckBox->setChecked(true);
        startImport();
    });
    resize(900, 640);
    retranslate();

    m_busy->run(
        m_worker, tr("Reading the file…"),
        [preview = m_jobs.preview, path, kind](const WorkerScope& scope) {
            return preview(scope, path, kind, kPreviewRows);
        },
        [this](const Import::Preview& preview) { showPreview(preview); });
}

ImportDialog::~ImportDialog()
{
    if (m_run) {
        m_run->cancel = true; // the window is going away (the session ended): the run stops and writes nothing
    }
}

QFileDialog* ImportDialog::chooseFile(QWidget* parent, ImportJobs jobs, DatabaseWorker& worker, Import::Kind kind,
                                      std::function<void(ImportDialog*)> opened, const QString& directory)
{
    const QString title =
        kind == Import::Kind::Cases ? tr("Import cases from a CSV file") : tr("Import queue visits from a CSV file");
    auto* files = new QFileDialog(
        parent, title,
        directory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : directory,
        tr("CSV files (*.csv);;All files (*)"));
    files->setObjectName(QStringLiteral("importFileDialog"));
    files->setAttribute(Qt::WA_DeleteOnClose);
    files->setAcceptMode(QFileDialog::AcceptOpen);
    files->setFileMode(QFileDialog::ExistingFile);
    QPointer<QWidget> owner(parent);
    connect(files, &QFileDialog::fileSelected, files,
            [owner, jobs = std::move(jobs), &worker, kind, opened = std::move(opened)](const QString& path) {
                if (!owner || path.isEmpty()) {
                    return;
                }
                auto* dialog = new ImportDialog(jobs, worker, kind, path, owner);
                dialog->setObjectName(QStringLiteral("importDialog"));
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                if (opened) {
                    opened(dialog);
                }
                dialog->open();
            });
    files->open();
    return files;
}

QString ImportDialog::defaultRejectsPath(const QString& path)
{
    return ImportService::rejectsPathFor(path);
}

bool ImportDialog::isBusy() const
{
    return m_busy->isBusy() || m_run != nullptr;
}

void ImportDialog::showPreview(const Import::Preview& preview)
{
    m_preview = preview;
    m_ui->encodingValueLabel->setText(Import::encodingName(preview.encoding));
    m_ui->recordsValueLabel->setText(tr("%1 (not counting the header)").arg(number(preview.dataLines)));

    auto* mapping = m_ui->mappingTreeWidget;
    mapping->clear();
    for (const auto& column : preview.columns) {
        auto* item = new QTreeWidgetItem(mapping);
        item->setText(0, column.header);
        if (column.field.isEmpty()) {
            item->setText(1, tr("not part of the format: ignored"));
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
        } else {
            item->setText(1, fieldLabel(column.field));
        }
    }
    QStringList missing;
    for (const auto& field : preview.missingRequired) {
        auto* item = new QTreeWidgetItem(mapping);
        item->setText(0, tr("(missing)"));
        item->setText(1, fieldLabel(field));
        item->setForeground(0, kMissingColor);
        item->setForeground(1, kMissingColor);
        missing.append(fieldLabel(field));
    }
    if (missing.isEmpty()) {
        m_ui->missingColumnsLabel->hide();
    } else {
        m_ui->missingColumnsLabel->setText(
            tr("This file cannot be imported: it has no column for %1. Add the column to the file's first row, by its "
               "English or Chinese name, and open the file again.")
                .arg(QLocale().createSeparatedList(missing)));
        m_ui->missingColumnsLabel->show();
    }

    auto* rows = m_ui->rowsTableWidget;
    int columns = int(preview.columns.size());
    for (const auto& row : preview.firstRows) {
        columns = std::max(columns, int(row.size()));
    }
    rows->clear();
    rows->setColumnCount(columns);
    rows->setRowCount(int(preview.firstRows.size()));
    QStringList headers;
    for (int c = 0; c < columns; ++c) {
        headers.append(c < preview.columns.size() ? preview.columns.at(c).header : QString());
    }
    rows->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < preview.firstRows.size(); ++r) {
        const QStringList& fields = preview.firstRows.at(r);
        for (int c = 0; c < fields.size(); ++c) {
            auto* cell = new QTableWidgetItem(fields.at(c));
            if (c >= preview.columns.size() || preview.columns.at(c).field.isEmpty()) {
                cell->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            }
            rows->setItem(r, c, cell);
        }
    }
    rows->resizeColumnsToContents();
    for (int c = 0; c < columns; ++c) {
        rows->setColumnWidth(c, std::min(rows->columnWidth(c), 260));
    }
    m_ui->importButton->setEnabled(missing.isEmpty() && preview.dataLines > 0);
    if (m_ui->importButton->isEnabled()) {
        m_ui->importButton->setFocus(); // Return imports; Shift+Tab reaches "Skip bad rows"
    }
    if (missing.isEmpty() && preview.dataLines == 0) {
        FormHelpers::showError(m_ui->errorLabel,
                               tr("The file has a header but no records: there is nothing to import."));
    }
    retranslate();
}

void ImportDialog::startImport()
{
    if (isBusy() || !m_preview || !m_preview->missingRequired.isEmpty()) {
        return;
    }
    FormHelpers::clearError(m_ui->errorLabel);
    m_skipBad = m_ui->skipBadCheckBox->isChecked();
    m_ui->importButton->setEnabled(false);
    m_ui->cancelButton->setEnabled(false);
    m_ui->skipBadCheckBox->setEnabled(false);
    m_ui->importGoodRowsButton->setEnabled(false);
    m_ui->closeButton->setEnabled(false);

    auto run = std::make_shared<RunState>();
    m_run = run;
    m_progress = new ImportProgressDialog(QFileInfo(m_path).fileName(), this);
    m_progress->setObjectName(QStringLiteral("importProgressDialog"));
    m_progress->setProgress(0, 0);
    connect(m_progress, &ImportProgressDialog::cancelRequested, this, [run] { run->cancel = true; });
    m_progress->open();
    m_progressTimer->start();

    Import::Options options;
    options.kind = m_kind;
    options.skipBad = m_skipBad;
    // The worker's callbacks only touch the atomics; the GUI thread reads them every kProgressIntervalMs.
    m_worker.run(
        this,
        [job = m_jobs.run, path = m_path, options, run](const WorkerScope& scope) {
            return job(
                scope, path, options,
                [run](qint64 done, qint64 total) {
                    run->done = done;
                    run->total = total;
                },
                [run] { return run->cancel.load(); });
        },
        [this](const Result<Import::Report>& result) { finishRun(result); });
}

void ImportDialog::updateProgress()
{
    if (m_run && m_progress) {
        m_progress->setProgress(m_run->done.load(), m_run->total.load());
    }
}

void ImportDialog::finishRun(const Result<Import::Report>& result)
{
    m_progressTimer->stop();
    const bool cancelled = m_run && m_run->cancel.load();
    m_run.reset();
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    m_ui->cancelButton->setEnabled(true);
    m_ui->skipBadCheckBox->setEnabled(true);
    m_ui->importGoodRowsButton->setEnabled(true);
    m_ui->closeButton->setEnabled(true);
    if (!result) {
        m_ui->importButton->setEnabled(true);
        FormHelpers::showError(m_ui->errorLabel, cancelled ? tr("The import was cancelled. Nothing was written.")
                                                           : result.error().message);
        return;
    }
    showReport(*result);
    if (result->committed) {
        emit imported(*result);
    }
}

void ImportDialog::showReport(const Import::Report& report)
{
    m_report = report;
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->summaryPage);
    m_ui->importButton->hide();
    m_ui->cancelButton->hide();
    m_ui->closeButton->show();
    m_ui->closeButton->setDefault(true);
    m_ui->closeButton->setFocus();

    m_ui->readValueLabel->setText(number(report.records));
    m_ui->importedValueLabel->setText(number(report.imported));
    m_ui->duplicatesValueLabel->setText(number(report.duplicates));
    m_ui->rejectedValueLabel->setText(number(report.rejects.size()));

    auto* rejects = m_ui->rejectsTreeWidget;
    rejects->clear();
    const qsizetype shown = std::min<qsizetype>(report.rejects.size(), kShownRejects);
    for (qsizetype i = 0; i < shown; ++i) {
        const auto& reject = report.rejects.at(i);
        auto* item = new QTreeWidgetItem(rejects);
        item->setText(0, number(reject.line));
        item->setData(0, Qt::UserRole, reject.line);
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(1, reject.reason);
        item->setToolTip(1, reject.reason);
        const QString record = reject.fields.join(QStringLiteral(" | "));
        item->setText(2, record);
        item->setToolTip(2, record);
    }
    rejects->setColumnWidth(1, std::max(240, rejects->viewport()->width() * 11 / 20)); // the reason first
    const bool any = !report.rejects.isEmpty();
    m_ui->rejectsLabel->setVisible(any);
    rejects->setVisible(any);
    m_ui->saveRejectsButton->setVisible(any);
    m_ui->importGoodRowsButton->setVisible(any && !report.committed && !report.cancelled && !m_skipBad &&
                                           report.rejects.size() < report.records);
    m_ui->savedLabel->hide();
    retranslate();
}

QString ImportDialog::outcomeText(const Import::Report& report) const
{
    if (report.cancelled) {
        return tr("The import was cancelled. Nothing was written: the database is as it was before.");
    }
    if (report.committed) {
        if (report.rejects.isEmpty()) {
            return tr("The import is done. Records written: %1.").arg(number(report.imported));
        }
        return tr("The import is done. Records written: %1; rejected records skipped: %2. Save them, correct them "
                  "and import that file again.")
            .arg(number(report.imported), number(report.rejects.size()));
    }
    if (!report.rejects.isEmpty()) {
        return tr("Nothing was written: records were rejected (%1), and without “Skip bad rows” a file is imported "
                  "whole or not at all. Correct the rejected records in the file and import it again, or choose "
                  "“Import the "
                  "good rows” to write the others now.")
            .arg(number(report.rejects.size()));
    }
    if (report.records > 0 && report.duplicates == report.records) {
        return tr("Nothing was written: every record of this file is in the database already.");
    }
    return tr("Nothing was written.");
}

void ImportDialog::chooseRejectsFile()
{
    if (!m_report || m_report->rejects.isEmpty()) {
        return;
    }
    const QString target = defaultRejectsPath(m_path);
    auto* files = new QFileDialog(this, tr("Save the rejected records"), QFileInfo(target).absolutePath(),
                                  tr("CSV files (*.csv)"));
    files->setObjectName(QStringLiteral("rejectsFileDialog"));
    files->setAttribute(Qt::WA_DeleteOnClose);
    files->setAcceptMode(QFileDialog::AcceptSave);
    files->setDefaultSuffix(QStringLiteral("csv"));
    files->selectFile(QFileInfo(target).fileName());
    connect(files, &QFileDialog::fileSelected, this, &ImportDialog::saveRejects);
    files->open();
}

void ImportDialog::saveRejects(const QString& path)
{
    if (!m_report || path.isEmpty()) {
        return;
    }
    const Status saved = m_jobs.writeRejects(path, m_report->header, m_report->rejects);
    if (!saved) {
        m_ui->savedLabel->hide();
        FormHelpers::showError(m_ui->errorLabel, saved.error().message);
        return;
    }
    FormHelpers::clearError(m_ui->errorLabel);
    m_ui->savedLabel->setText(tr("The rejected records (%1) are saved to %2, each with its line number and reason.")
                                  .arg(number(m_report->rejects.size()), QDir::toNativeSeparators(path)));
    m_ui->savedLabel->show();
}

void ImportDialog::reject()
{
    if (isBusy()) {
        return; // the preview or the run is on the worker; the run is stopped from its progress dialog
    }
    QDialog::reject();
}

void ImportDialog::retranslate()
{
    const QString file = QFileInfo(m_path).fileName();
    setWindowTitle(m_kind == Import::Kind::Cases ? tr("Import cases — %1").arg(file)
                                                 : tr("Import queue visits — %1").arg(file));
    m_ui->skipBadHintLabel->setText(
        tr("Without it, one bad row stops the whole file and nothing is written; with it, the good rows are imported "
           "and the bad ones listed, to save, correct and import again."));
    if (m_report) {
        m_ui->outcomeLabel->setText(QStringLiteral("<b>%1</b>").arg(outcomeText(*m_report).toHtmlEscaped()));
        if (m_report->rejects.size() > kShownRejects) {
            m_ui->rejectsLabel->setText(tr("Rejected records (the first %1 of %2; “Save rejects…” writes them all):")
                                            .arg(number(kShownRejects), number(m_report->rejects.size())));
        } else {
            m_ui->rejectsLabel->setText(tr("Rejected records:"));
        }
    }
}

void ImportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        if (m_preview && !m_run) {
            showPreview(*m_preview);
        }
        if (m_report) {
            showReport(*m_report);
        }
    }
    QDialog::changeEvent(event);
}
