#include "cases/PauseClocksDialog.h"

#include "ui_PauseClocksDialog.h"

#include "common/FormHelpers.h"
#include "services/SlaService.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QPushButton>

PauseClocksDialog::PauseClocksDialog(Mode mode, const Session& session, DatabaseWorker& worker, const Case& current,
                                     QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PauseClocksDialog>())
    , m_mode(mode)
    , m_session(session)
    , m_worker(worker)
    , m_case(current)
{
    m_ui->setupUi(this);
    for (SlaPauseKind kind : {SlaPauseKind::Citizen, SlaPauseKind::ThirdParty}) {
        m_ui->kindComboBox->addItem(SlaPauseKinds::label(kind), SlaPauseKinds::code(kind));
    }
    const bool pausing = m_mode == Mode::Pause;
    m_ui->kindLabel->setVisible(pausing);
    m_ui->kindComboBox->setVisible(pausing);
    FormHelpers::clearError(m_ui->errorLabel);
    retranslate();
    (pausing ? static_cast<QWidget*>(m_ui->kindComboBox) : m_ui->reasonPlainTextEdit)->setFocus();
}

PauseClocksDialog::~PauseClocksDialog() = default;

void PauseClocksDialog::retranslate()
{
    if (m_mode == Mode::Pause) {
        setWindowTitle(tr("Pause the clocks of %1").arg(m_case.caseNo));
        m_ui->introLabel->setText(tr("While the case waits on the citizen or a third party, its deadlines stand "
                                     "still. The reason goes on the timeline."));
        m_ui->reasonLabel->setText(tr("&Reason:"));
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Pause"));
    } else {
        setWindowTitle(tr("Resume the clocks of %1").arg(m_case.caseNo));
        m_ui->introLabel->setText(tr("The clocks run again; every deadline moves by the time paused."));
        m_ui->reasonLabel->setText(tr("&Note:"));
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Resume"));
    }
}

void PauseClocksDialog::setSaving(bool saving)
{
    m_saving = saving;
    m_ui->buttonBox->setEnabled(!saving);
    m_ui->kindComboBox->setEnabled(!saving);
    m_ui->reasonPlainTextEdit->setReadOnly(saving);
}

void PauseClocksDialog::accept()
{
    if (m_saving) {
        return;
    }
    FormHelpers::clearError(m_ui->errorLabel);
    const QString text = m_ui->reasonPlainTextEdit->toPlainText();
    if (m_mode == Mode::Pause && text.trimmed().isEmpty()) {
        FormHelpers::showError(m_ui->errorLabel, SlaService::tr("Say what the case is waiting for."));
        m_ui->reasonPlainTextEdit->setFocus();
        return;
    }
    const SlaPauseKind kind =
        SlaPauseKinds::fromCode(m_ui->kindComboBox->currentData().toString()).value_or(SlaPauseKind::Citizen);
    setSaving(true);
    m_worker.run(
        this,
        [session = m_session, id = m_case.id, version = m_case.version, kind, text,
         pausing = m_mode == Mode::Pause](const WorkerScope& scope) {
            SlaService sla(session, scope.repos, scope.clock);
            return pausing ? sla.pause(id, kind, text, version) : sla.resume(id, text, version);
        },
        [this](const Result<Case>& result) {
            setSaving(false);
            if (!result) {
                FormHelpers::showError(m_ui->errorLabel, result.error().message);
                return;
            }
            m_updated = *result;
            QDialog::accept();
        });
}

void PauseClocksDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
