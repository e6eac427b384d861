#include "cases/TransferDialog.h"

#include "ui_TransferDialog.h"

#include "cases/ReferenceCombo.h"
#include "cases/TransferJobs.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/ReferenceService.h"

#include <QPushButton>

TransferDialog::TransferDialog(Session session, ReferenceService& reference, DatabaseWorker& worker, const Case& target,
                               QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TransferDialog>())
    , m_session(std::move(session))
    , m_worker(worker)
    , m_case(target)
{
    m_ui->setupUi(this);
    m_busy =
        new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox, m_ui->departmentComboBox, m_ui->reasonTextEdit}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(460);
    if (const auto filled = ReferenceCombo::fill(m_ui->departmentComboBox, reference, ReferenceKind::Department,
                                                 tr("Choose a department"));
        !filled) {
        FormHelpers::showError(m_ui->errorLabel, filled.error().message);
    }
    m_ui->departmentComboBox->setFocus();
    retranslate();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &TransferDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &TransferDialog::reject);
}

TransferDialog::~TransferDialog() = default;

void TransferDialog::retranslate()
{
    setWindowTitle(tr("Transfer — %1").arg(m_case.caseNo));
    m_ui->descriptionLabel->setText(
        tr("Transfer case %1 to the department that must handle it. The department signs for it or returns it "
           "with its reason; until then the case cannot be passed on. Every transfer is counted: a case transferred "
           "too often is shown to the supervisors.")
            .arg(m_case.caseNo));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Transfer"));
}

void TransferDialog::accept()
{
    if (m_busy->isBusy()) {
        return;
    }
    m_busy->run(m_worker, BusyIndicator::savingText(),
                TransferJobs::transfer(m_session, m_case, ReferenceCombo::selectedId(m_ui->departmentComboBox),
                                       m_ui->reasonTextEdit->toPlainText()),
                [this](const Case& updated) {
                    m_updated = updated;
                    QDialog::accept();
                });
}

void TransferDialog::reject()
{
    if (m_busy->isBusy()) {
        return; // the transfer may be stored already: wait for the answer instead of losing it
    }
    QDialog::reject();
}

void TransferDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
