#include "cases/ExtensionRequestDialog.h"

#include "ui_ExtensionRequestDialog.h"

#include "cases/TransferJobs.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"

#include <QPushButton>

ExtensionRequestDialog::ExtensionRequestDialog(Session session, DatabaseWorker& worker, const Case& target,
                                               QWidget* parent, int defaultDays)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExtensionRequestDialog>())
    , m_session(std::move(session))
    , m_worker(worker)
    , m_case(target)
{
    m_ui->setupUi(this);
    m_busy =
        new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox, m_ui->newDueDateTimeEdit, m_ui->reasonTextEdit}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(460);
    m_ui->newDueDateTimeEdit->setFocus();
    retranslate();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ExtensionRequestDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ExtensionRequestDialog::reject);
    // The deadline an extension moves is the resolve clock's (办结时限), which the engine computes on the worker.
    m_busy->run(m_worker, tr("Reading the case's deadline…"), TransferJobs::extensionDeadline(m_session, m_case.id),
                [this, defaultDays](const QDateTime& due) { showDeadline(due, defaultDays); });
}

void ExtensionRequestDialog::showDeadline(const QDateTime& due, int defaultDays)
{
    m_deadline = due;
    m_ui->currentDueValueLabel->setText(FormHelpers::dateTime(due));
    if (due.isValid()) {
        m_ui->newDueDateTimeEdit->setMinimumDateTime(due.addSecs(60));
        m_ui->newDueDateTimeEdit->setDateTime(due.addDays(defaultDays));
    }
}

ExtensionRequestDialog::~ExtensionRequestDialog() = default;

void ExtensionRequestDialog::retranslate()
{
    setWindowTitle(tr("Request an extension — %1").arg(m_case.caseNo));
    m_ui->descriptionLabel->setText(
        tr("Ask for a later deadline for case %1, before the current one passes. A supervisor approves or refuses "
           "it; once approved, the case's deadline is the new date.")
            .arg(m_case.caseNo));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Request"));
}

void ExtensionRequestDialog::accept()
{
    if (m_busy->isBusy() || !m_deadline.isValid()) {
        return;
    }
    QDateTime asked = m_ui->newDueDateTimeEdit->dateTime();
    asked.setTime(QTime(asked.time().hour(), asked.time().minute())); // whole minutes, as shown
    m_busy->run(m_worker, BusyIndicator::savingText(),
                TransferJobs::requestExtension(m_session, m_case, asked, m_ui->reasonTextEdit->toPlainText()),
                [this](const Case& updated) {
                    m_updated = updated;
                    QDialog::accept();
                });
}

void ExtensionRequestDialog::reject()
{
    if (m_busy->isBusy()) {
        return;
    }
    QDialog::reject();
}

void ExtensionRequestDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
