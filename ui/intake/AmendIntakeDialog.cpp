#include "intake/AmendIntakeDialog.h"

#include "ui_AmendIntakeDialog.h"

#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "intake/IntakeJobs.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QPushButton>

AmendIntakeDialog::AmendIntakeDialog(const Session& session, DatabaseWorker& worker, const Case& current,
                                     QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AmendIntakeDialog>())
    , m_session(session)
    , m_worker(worker)
    , m_case(current)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("amendIntakeDialog"));
    for (QLabel* label : findChildren<QLabel*>()) {
        if (label->objectName().endsWith(QLatin1String("ErrorLabel"))) {
            FormHelpers::clearError(label);
        }
    }
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumSize(560, 460);
    fillParts();
    connect(m_ui->partComboBox, &QComboBox::currentIndexChanged, this, &AmendIntakeDialog::showPart);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AmendIntakeDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AmendIntakeDialog::reject);
    showPart();
    m_ui->partComboBox->setFocus();
}

AmendIntakeDialog::~AmendIntakeDialog() = default;

void AmendIntakeDialog::fillParts()
{
    const int current = m_ui->partComboBox->currentIndex();
    m_ui->partComboBox->clear();
    m_ui->partComboBox->addItem(tr("Facts"), static_cast<int>(IntakePart::Facts));
    m_ui->partComboBox->addItem(tr("Impact"), static_cast<int>(IntakePart::Impact));
    m_ui->partComboBox->addItem(tr("Steps"), static_cast<int>(IntakePart::Steps));
    m_ui->partComboBox->setCurrentIndex(qMax(0, current));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Amend"));
}

IntakePart AmendIntakeDialog::part() const
{
    return static_cast<IntakePart>(m_ui->partComboBox->currentData().toInt());
}

void AmendIntakeDialog::showPart()
{
    const IntakePart p = part();
    m_ui->restatementTextEdit->setPlainText(p == IntakePart::Facts    ? m_case.facts
                                            : p == IntakePart::Impact ? m_case.impact
                                                                      : m_case.steps);
    m_ui->demandTextEdit->setPlainText(m_case.intake.impact.demand);
    m_ui->promisedDateTimeEdit->setDateTime(m_case.promisedAt.isValid() ? m_case.promisedAt : m_case.dueAt);
    m_ui->demandTextEdit->setVisible(p == IntakePart::Impact);
    m_ui->demandTextEditLabel->setVisible(p == IntakePart::Impact);
    m_ui->promisedDateTimeEdit->setVisible(p == IntakePart::Steps);
    m_ui->promisedDateTimeEditLabel->setVisible(p == IntakePart::Steps);
}

IntakeAmendment AmendIntakeDialog::amendment() const
{
    IntakeAmendment a;
    a.part = part();
    a.expectedVersion = m_case.version;
    a.restatement = m_ui->restatementTextEdit->toPlainText().trimmed();
    a.detail = m_case.intake;
    if (a.part == IntakePart::Impact) {
        a.detail.impact.demand = m_ui->demandTextEdit->toPlainText().trimmed();
    }
    a.promisedAt = a.part == IntakePart::Steps ? m_ui->promisedDateTimeEdit->dateTime() : m_case.promisedAt;
    a.note = m_ui->noteLineEdit->text().trimmed();
    return a;
}

void AmendIntakeDialog::accept()
{
    const IntakeAmendment a = amendment();
    if (a.note.isEmpty()) {
        FormHelpers::showError(m_ui->noteLineEditErrorLabel,
                               tr("Say why it changed (for example the citizen's correction)."));
        m_ui->noteLineEdit->setFocus();
        return;
    }
    FormHelpers::clearError(m_ui->noteLineEditErrorLabel);
    if (m_busy->isBusy()) {
        return;
    }
    m_busy->run(m_worker, BusyIndicator::savingText(), IntakeJobs::amend(m_session, m_case.id, a),
                [this](const Case& amended) {
                    m_amended = amended;
                    QDialog::accept();
                });
}

void AmendIntakeDialog::reject()
{
    if (m_busy->isBusy()) {
        return;
    }
    QDialog::reject();
}

bool AmendIntakeDialog::isSaving() const
{
    return m_busy->isBusy();
}

void AmendIntakeDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillParts();
    }
    QDialog::changeEvent(event);
}
