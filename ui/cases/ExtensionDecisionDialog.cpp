#include "cases/ExtensionDecisionDialog.h"

#include "ui_ExtensionDecisionDialog.h"

#include "cases/TransferJobs.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"

#include <QPushButton>

ExtensionDecisionDialog::ExtensionDecisionDialog(Session session, DatabaseWorker& worker, const Case& target,
                                                 const CaseExtension& request, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExtensionDecisionDialog>())
    , m_session(std::move(session))
    , m_worker(worker)
    , m_case(target)
    , m_request(request)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel,
                               {m_ui->approveButton, m_ui->refuseButton, m_ui->cancelButton, m_ui->noteTextEdit}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(460);
    m_ui->approveButton->setDefault(true);
    m_ui->noteTextEdit->setFocus();
    retranslate();
    connect(m_ui->approveButton, &QPushButton::clicked, this, &ExtensionDecisionDialog::approve);
    connect(m_ui->refuseButton, &QPushButton::clicked, this, &ExtensionDecisionDialog::refuse);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ExtensionDecisionDialog::reject);
}

ExtensionDecisionDialog::~ExtensionDecisionDialog() = default;

void ExtensionDecisionDialog::retranslate()
{
    setWindowTitle(tr("Decide the extension — %1").arg(m_case.caseNo));
    m_ui->descriptionLabel->setText(
        tr("%1 asks that the deadline of case %2 move from %3 to %4. Approve it, or refuse it and say why.")
            .arg(m_request.requestedBy.name, m_case.caseNo, FormHelpers::dateTime(m_request.previousDueAt),
                 FormHelpers::dateTime(m_request.requestedDueAt)));
    m_ui->requestValueLabel->setText(
        tr("Asked %1: %2").arg(FormHelpers::dateTime(m_request.requestedAt), m_request.reason));
}

void ExtensionDecisionDialog::decide(bool approve)
{
    if (m_busy->isBusy()) {
        return;
    }
    m_busy->run(m_worker, BusyIndicator::savingText(),
                TransferJobs::decideExtension(m_session, m_case, approve, m_ui->noteTextEdit->toPlainText()),
                [this](const Case& updated) {
                    m_updated = updated;
                    QDialog::accept();
                });
}

void ExtensionDecisionDialog::approve()
{
    decide(true);
}

void ExtensionDecisionDialog::refuse()
{
    decide(false);
}

void ExtensionDecisionDialog::reject()
{
    if (m_busy->isBusy()) {
        return;
    }
    QDialog::reject();
}

void ExtensionDecisionDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
