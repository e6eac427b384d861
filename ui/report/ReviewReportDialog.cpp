#include "report/ReviewReportDialog.h"

#include "services/ReportService.h"
#include "workers/DatabaseWorker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

bool ReviewReportDialog::allowed(const Session& session)
{
    return session.can(Permission::ViewFigures);
}

ReviewReportDialog::Job ReviewReportDialog::serviceJob(const Session& session, const QString& hallName)
{
    return [session, hallName](const WorkerScope& scope, const Dashboard::Range& range, ReportWriter::Format format,
                               const QString& path, Progress& progress) -> Status {
        const auto cancelled = [&progress] {
            return progress.cancelled.load();
        };
        ReportService service(session, scope.repos, scope.clock);
        ReportService::Options options;
        options.hallName = hallName;
        const auto report = service.build(
            range, options, [&progress](int percent, const QString&) { progress.percent = percent; }, cancelled);
        if (!report) {
            return report.error();
        }
        const Status written = ReportWriter::write(*report, format, path, cancelled);
        progress.percent = 100;
        return written;
    };
}

ReviewReportDialog::ReviewReportDialog(Job job, DatabaseWorker& worker, const Dashboard::Range& range, QWidget* parent)
    : QDialog(parent)
    , m_job(std::move(job))
    , m_worker(worker)
{
    setObjectName(QStringLiteral("reviewReportDialog"));
    setWindowTitle(tr("Review report"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The review report (复盘报告) of a period: the figures against the previous period of "
                                "the same length, the trends, the Pareto of categories, the breakdowns, overdue and "
                                "systemic items, the improvement actions and the audit checkpoint."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_from = new QDateEdit(range.from, this);
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to = new QDateEdit(range.to, this);
    m_to->setObjectName(QStringLiteral("reportTo"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, [this] { m_path->setText(suggestedPath()); });
    }
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("reportFormat"));
    for (const ReportWriter::Format f : ReportWriter::formats()) {
        m_format->addItem(ReportWriter::filter(f), int(f));
    }
    form->addRow(tr("F&ormat:"), m_format);

    auto* fileRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("reportPath"));
    m_browse = new QPushButton(tr("&Choose…"), this);
    m_browse->setObjectName(QStringLiteral("reportBrowse"));
    m_browse->setAutoDefault(false);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    form->addRow(tr("F&ile:"), fileRow);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("reportProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_create = m_buttons->addButton(tr("C&reate report"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("reportCreate"));
    m_create->setDefault(true);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ReviewReportDialog::formatChanged);
    connect(m_browse, &QPushButton::clicked, this, &ReviewReportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &ReviewReportDialog::create);
    m_path->setText(suggestedPath());
    resize(560, sizeHint().height());
}

ReviewReportDialog::~ReviewReportDialog()
{
    if (m_progress) {
        m_progress->cancelled = true; // a job still running stops at its next step; its result is dropped
    }
}

QString ReviewReportDialog::suggestedPath() const
{
    const auto format = ReportWriter::Format(m_format->currentData().toInt());
    QString folder = m_path && !m_path->text().isEmpty()
                         ? QFileInfo(m_path->text()).absolutePath()
                         : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty()) {
        folder = QDir::homePath();
    }
    const QString name =
        tr("review-report") + QStringLiteral("-%1-%2.%3")
                                  .arg(m_from->date().toString(QStringLiteral("yyyyMMdd")),
                                       m_to->date().toString(QStringLiteral("yyyyMMdd")), ReportWriter::suffix(format));
    return QDir(folder).filePath(name);
}

void ReviewReportDialog::formatChanged()
{
    const auto format = ReportWriter::Format(m_format->currentData().toInt());
    QString path = m_path->text();
    if (path.isEmpty()) {
        m_path->setText(suggestedPath());
        return;
    }
    const QFileInfo info(path);
    m_path->setText(
        QDir(info.absolutePath()).filePath(info.completeBaseName() + QLatin1Char('.') + ReportWriter::suffix(format)));
}

void ReviewReportDialog::browse()
{
    const auto format = ReportWriter::Format(m_format->currentData().toInt());
    // The file dialog asks before replacing a file itself; this path needs no second question.
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the review report"), m_path->text(), ReportWriter::filter(format));
    if (path.isEmpty()) {
        return;
    }
    m_path->setText(path);
    m_confirmed = QFileInfo(path).absoluteFilePath();
}

void ReviewReportDialog::create()
{
    if (m_running) {
        return;
    }
    m_problem->hide();
    const Dashboard::Range range{m_from->date(), m_to->date()};
    const auto problem = [this](const QString& text) {
        m_problem->setText(text);
        m_problem->show();
    };
    if (!range.isValid()) {
        problem(tr("Choose a start date on or before the end date."));
        return;
    }
    if (range.days() > Report::kMaxRangeDays) {
        problem(ReportService::tooLongMessage());
        return;
    }
    const QString typed = m_path->text().trimmed();
    if (typed.isEmpty()) {
        problem(tr("Choose the file to write."));
        return;
    }
    const QFileInfo target(typed);
    const QString path = target.absoluteFilePath();
    if (target.isDir()) {
        problem(tr("%1 is a folder; choose a file name.").arg(path));
        return;
    }
    if (target.exists() && path != m_confirmed) {
        QMessageBox question(QMessageBox::Question, tr("Replace the file?"),
                             tr("%1 exists already. Replace it with the new report?").arg(path),
                             QMessageBox::Yes | QMessageBox::No, this);
        question.setObjectName(QStringLiteral("reportReplaceBox"));
        question.setDefaultButton(QMessageBox::No);
        if (question.exec() != QMessageBox::Yes) {
            return;
        }
    }
    m_confirmed.clear();

    const auto format = ReportWriter::Format(m_format->currentData().toInt());
    m_running = true;
    m_create->setEnabled(false);
    m_progress = std::make_shared<Progress>();
    m_progressDialog = new QProgressDialog(tr("Making the review report…"), tr("Cancel"), 0, 100, this);
    m_progressDialog->setObjectName(QStringLiteral("reportProgress"));
    m_progressDialog->setWindowModality(Qt::WindowModal);
    m_progressDialog->setMinimumDuration(0);
    m_progressDialog->setAutoClose(false);
    m_progressDialog->setAutoReset(false);
    connect(m_progressDialog, &QProgressDialog::canceled, this,
            [progress = m_progress] { progress->cancelled = true; });
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_progressDialog && m_progress) {
            m_progressDialog->setValue(std::min(99, m_progress->percent.load()));
        }
    });
    m_poll->start();

    Job job = m_job;
    std::shared_ptr<Progress> progress = m_progress;
    m_worker.run(
        this,
        [job, range, format, path, progress](const WorkerScope& scope) -> Status {
            return job(scope, range, format, path, *progress);
        },
        [this, path](Status result) { finish(result, path); });
}

void ReviewReportDialog::finish(const Status& result, const QString& path)
{
    const bool cancelled = m_progress && m_progress->cancelled.load();
    m_running = false;
    m_create->setEnabled(true);
    if (m_poll) {
        m_poll->stop();
        m_poll->deleteLater();
        m_poll = nullptr;
    }
    if (m_progressDialog) {
        m_progressDialog->hide();
        m_progressDialog->deleteLater();
        m_progressDialog = nullptr;
    }
    m_progress.reset();
    if (!result) {
        const QString message = cancelled ? ReportWriter::cancelledMessage() : result.error().message;
        m_problem->setText(message);
        m_problem->show();
        emit failed(message);
        return;
    }
    emit written(path);
    showDone(path);
}

void ReviewReportDialog::showDone(const QString& path)
{
    auto* box = new QMessageBox(QMessageBox::Information, tr("Review report"),
                                tr("The review report was written to %1.").arg(path), QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("reportDoneBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* openFile = box->addButton(tr("Open &file"), QMessageBox::ActionRole);
    openFile->setObjectName(QStringLiteral("reportOpenFile"));
    QPushButton* openFolder = box->addButton(tr("Open f&older"), QMessageBox::ActionRole);
    openFolder->setObjectName(QStringLiteral("reportOpenFolder"));
    connect(openFile, &QPushButton::clicked, this, [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    connect(openFolder, &QPushButton::clicked, this,
            [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath())); });
    box->open();
}
