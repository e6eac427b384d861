#include "intake/StaffReportDialog.h"

#include "ui_StaffReportDialog.h"

#include "cases/ReferenceCombo.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "intake/IntakeJobs.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QPushButton>
#include <QShortcut>

StaffReportDialog::StaffReportDialog(const IntakeContext& context, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::StaffReportDialog>())
    , m_context(context)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("staffReportDialog"));
    for (QLabel* label : findChildren<QLabel*>()) {
        if (label->objectName().endsWith(QLatin1String("ErrorLabel"))) {
            FormHelpers::clearError(label);
        }
    }
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    fillChoices();
    retranslate();
    setMinimumSize(560, 520);
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &StaffReportDialog::accept);
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &StaffReportDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &StaffReportDialog::reject);
    m_ui->whatHappenedTextEdit->setFocus();
}

StaffReportDialog::~StaffReportDialog() = default;

void StaffReportDialog::fillChoices()
{
    const QString none = tr("Not specified");
    ReferenceCombo::fill(m_ui->windowComboBox, *m_context.reference, ReferenceKind::Window, none);
    ReferenceCombo::fill(m_ui->serviceItemComboBox, *m_context.reference, ReferenceKind::ServiceItem, none);
    ReferenceCombo::fill(m_ui->categoryComboBox, *m_context.reference, ReferenceKind::Category, none);
}

void StaffReportDialog::retranslate()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Send report"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setToolTip(tr("Send the report (Ctrl+Enter)"));
}

StaffReportDraft StaffReportDialog::draft() const
{
    StaffReportDraft d;
    d.windowId = ReferenceCombo::selectedId(m_ui->windowComboBox);
    d.serviceItemId = ReferenceCombo::selectedId(m_ui->serviceItemComboBox);
    d.categoryId = ReferenceCombo::selectedId(m_ui->categoryComboBox);
    d.whatHappened = m_ui->whatHappenedTextEdit->toPlainText().trimmed();
    d.suggestion = m_ui->suggestionTextEdit->toPlainText().trimmed();
    return d;
}

void StaffReportDialog::accept()
{
    const StaffReportDraft d = draft();
    if (d.whatHappened.isEmpty()) {
        FormHelpers::showError(m_ui->whatHappenedTextEditErrorLabel,
                               tr("Describe what you noticed, in a sentence or two."));
        m_ui->whatHappenedTextEdit->setFocus();
        return;
    }
    FormHelpers::clearError(m_ui->whatHappenedTextEditErrorLabel);
    if (m_busy->isBusy()) {
        return;
    }
    m_busy->run(*m_context.worker, BusyIndicator::savingText(), IntakeJobs::submitStaffReport(m_context.session, d),
                [this](const Case& created) {
                    m_created = created;
                    QDialog::accept();
                });
}

void StaffReportDialog::reject()
{
    if (m_busy->isBusy()) {
        return; // the report may be stored already
    }
    QDialog::reject();
}

bool StaffReportDialog::isSaving() const
{
    return m_busy->isBusy();
}

void StaffReportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillChoices();
        retranslate();
    }
    QDialog::changeEvent(event);
}
