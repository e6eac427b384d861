#include "cases/SignForDialog.h"

#include "ui_SignForDialog.h"

#include "cases/TransferJobs.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"

#include <QPushButton>

SignForDialog::SignForDialog(Session session, DatabaseWorker& worker, const Case& target, const CaseTransfer& transfer,
                             QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignForDialog>())
    , m_session(std::move(session))
    , m_worker(worker)
    , m_case(target)
    , m_transfer(transfer)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel,
                               {m_ui->signForButton, m_ui->returnButton, m_ui->cancelButton, m_ui->noteTextEdit}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(460);
    m_ui->signForButton->setDefault(true);
    m_ui->noteTextEdit->setFocus();
    retranslate();
    connect(m_ui->signForButton, &QPushButton::clicked, this, &SignForDialog::signFor);
    connect(m_ui->returnButton, &QPushButton::clicked, this, &SignForDialog::returnTransfer);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SignForDialog::reject);
}

SignForDialog::~SignForDialog() = default;

void SignForDialog::retranslate()
{
    setWindowTitle(tr("Sign for or return — %1").arg(m_case.caseNo));
    m_ui->descriptionLabel->setText(
        tr("Case %1 was transferred to %2. Sign for it if it is yours to handle; otherwise return it to %3 and say "
           "why.")
            .arg(m_case.caseNo, FormHelpers::refName(m_transfer.toDepartment),
                 FormHelpers::refName(m_transfer.fromDepartment)));
    m_ui->transferValueLabel->setText(
        tr("Transferred %1 by %2: %3")
            .arg(FormHelpers::dateTime(m_transfer.transferredAt), m_transfer.transferredBy.name, m_transfer.reason));
}

template <typename Job> void SignForDialog::save(Job job)
{
    if (m_busy->isBusy()) {
        return;
    }
    m_busy->run(m_worker, BusyIndicator::savingText(), std::move(job), [this](const Case& updated) {
        m_updated = updated;
        QDialog::accept();
    });
}

void SignForDialog::signFor()
{
    save(TransferJobs::signFor(m_session, m_case, m_ui->noteTextEdit->toPlainText()));
}

void SignForDialog::returnTransfer()
{
    save(TransferJobs::returnTransfer(m_session, m_case, m_ui->noteTextEdit->toPlainText()));
}

void SignForDialog::reject()
{
    if (m_busy->isBusy()) {
        return;
    }
    QDialog::reject();
}

void SignForDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
