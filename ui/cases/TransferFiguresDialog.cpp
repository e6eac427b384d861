#include "cases/TransferFiguresDialog.h"

#include "ui_TransferFiguresDialog.h"

#include "cases/TransferJobs.h"
#include "common/FormHelpers.h"

#include <QHeaderView>
#include <QPushButton>

namespace {
/** "2 h 05 min", "45 min", or a dash. */
QString duration(const std::optional<qint64>& seconds)
{
    if (!seconds) {
        return FormHelpers::dash();
    }
    const qint64 minutes = (*seconds + 30) / 60;
    if (minutes < 60) {
        return TransferFiguresDialog::tr("%1 min").arg(minutes);
    }
    return TransferFiguresDialog::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

void fit(QTreeWidget* tree)
{
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
}
} // namespace

TransferFiguresDialog::TransferFiguresDialog(Session session, DatabaseWorker& worker, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TransferFiguresDialog>())
    , m_session(std::move(session))
    , m_worker(worker)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Transfers and extensions"));
    fit(m_ui->departmentsTreeWidget);
    fit(m_ui->flaggedTreeWidget);
    fit(m_ui->extensionsTreeWidget);
    FormHelpers::clearError(m_ui->errorLabel);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

TransferFiguresDialog::~TransferFiguresDialog() = default;

void TransferFiguresDialog::reload()
{
    m_loading = true;
    m_ui->flaggedLabel->setText(tr("Loading…"));
    m_worker.run(this, TransferJobs::figures(m_session), [this](const Result<TransferJobs::Figures>& figures) {
        m_loading = false;
        m_ui->departmentsTreeWidget->clear();
        m_ui->flaggedTreeWidget->clear();
        m_ui->extensionsTreeWidget->clear();
        if (!figures) {
            m_ui->flaggedLabel->clear();
            FormHelpers::showError(m_ui->errorLabel, figures.error().message);
            emit loaded();
            return;
        }
        m_threshold = figures->threshold;
        for (const DepartmentTransferFigures& f : figures->departments) {
            new QTreeWidgetItem(m_ui->departmentsTreeWidget,
                                {f.department.name, QString::number(f.transfers), QString::number(f.signedFor),
                                 QString::number(f.returned), QString::number(f.awaiting),
                                 duration(f.averageSecondsToSign), duration(f.longestSecondsToSign)});
        }
        m_ui->flaggedLabel->setText(
            tr("Cases transferred more than %n time(s), flagged to the supervisors:", "", m_threshold));
        for (const FlaggedTransferCase& f : figures->flagged) {
            new QTreeWidgetItem(m_ui->flaggedTreeWidget,
                                {f.caseNo, QString::number(f.transferCount), FormHelpers::refName(f.department),
                                 TransferStates::label(f.transferState), CaseStatuses::label(f.status),
                                 FormHelpers::dateTime(f.receivedAt)});
        }
        for (const CaseExtension& e : figures->pendingExtensions) {
            auto* item = new QTreeWidgetItem(m_ui->extensionsTreeWidget,
                                             {e.caseNo, e.requestedBy.name, FormHelpers::dateTime(e.requestedAt),
                                              FormHelpers::dateTime(e.previousDueAt),
                                              FormHelpers::dateTime(e.requestedDueAt), e.reason});
            item->setToolTip(5, e.reason);
        }
        emit loaded();
    });
}

void TransferFiguresDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        setWindowTitle(tr("Transfers and extensions"));
        reload();
    }
    QDialog::changeEvent(event);
}
