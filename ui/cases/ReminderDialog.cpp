#include "cases/ReminderDialog.h"

#include "ui_ReminderDialog.h"

#include "common/FormHelpers.h"
#include "supervise/Deadline.h"

#include <QPushButton>

ReminderDialog::ReminderDialog(const Case& c, const QString& deadlineText, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReminderDialog>())
{
    m_ui->setupUi(this);
    FormHelpers::clearError(m_ui->errorLabel);
    const int level = c.reminderLevel + 1;
    m_ui->summaryLabel->setText(tr("Case %1 (%2) goes back to %3 as reminder no. %4: %5.")
                                    .arg(c.caseNo, deadlineText, FormHelpers::refName(c.assignee))
                                    .arg(level)
                                    .arg(Deadlines::reminderLevelLabel(level)));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Send reminder"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] { emit submitted(note()); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->notePlainTextEdit->setFocus();
}

ReminderDialog::~ReminderDialog() = default;

QString ReminderDialog::note() const
{
    return m_ui->notePlainTextEdit->toPlainText().trimmed();
}

void ReminderDialog::showError(const QString& message)
{
    FormHelpers::showError(m_ui->errorLabel, message);
}

void ReminderDialog::setBusy(bool busy)
{
    m_ui->notePlainTextEdit->setEnabled(!busy);
    m_ui->buttonBox->setEnabled(!busy);
}
