#include "cases/CaseActionDialog.h"

#include "ui_CaseActionDialog.h"

#include "cases/CaseJobs.h"
#include "cases/ReferenceCombo.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"
#include "workers/DatabaseWorker.h"

#include <QPushButton>

namespace {
bool noteRequired(CaseAction action)
{
    return action == CaseAction::Transfer || action == CaseAction::Escalate || action == CaseAction::Reopen ||
           action == CaseAction::AddNote;
}
} // namespace

CaseActionDialog::CaseActionDialog(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker,
                                   const Case& target, CaseAction action, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CaseActionDialog>())
    , m_cases(cases)
    , m_reference(reference)
    , m_worker(worker)
    , m_case(target)
    , m_action(action)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(440);
    setUpFields();
    retranslate();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &CaseActionDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &CaseActionDialog::reject);
}

CaseActionDialog::~CaseActionDialog() = default;

bool CaseActionDialog::needsInput(CaseAction action)
{
    return action != CaseAction::Acknowledge && action != CaseAction::Start;
}

void CaseActionDialog::setUpFields()
{
    const bool transfer = m_action == CaseAction::Transfer;
    const bool reassign = m_action == CaseAction::Reassign;
    const bool followUp = m_action == CaseAction::FollowUp;
    m_ui->formLayout->setRowVisible(m_ui->departmentComboBox, transfer);
    m_ui->formLayout->setRowVisible(m_ui->assigneeComboBox, reassign);
    m_ui->formLayout->setRowVisible(m_ui->ratingComboBox, followUp);
    m_ui->formLayout->setRowVisible(m_ui->npsSpinBox, followUp);

    QStringList problems;
    if (transfer) {
        if (const auto filled = ReferenceCombo::fill(m_ui->departmentComboBox, m_reference, ReferenceKind::Department,
                                                     tr("Choose a department"));
            !filled) {
            problems << filled.error().message;
        }
        m_ui->departmentComboBox->setFocus();
    }
    if (reassign) {
        m_ui->assigneeComboBox->clear();
        m_ui->assigneeComboBox->addItem(tr("Choose a person"), qint64(0));
        const auto users = m_cases.assignableUsers();
        if (users) {
            for (const auto& user : *users) {
                const QString name = user.displayName.isEmpty()
                                         ? user.login
                                         : tr("%1 (%2)", "display name (login)").arg(user.displayName, user.login);
                m_ui->assigneeComboBox->addItem(name, user.id);
            }
        } else {
            problems << users.error().message;
        }
        m_ui->assigneeComboBox->setFocus();
    }
    if (followUp) {
        m_ui->ratingComboBox->clear();
        m_ui->ratingComboBox->addItem(tr("Choose the rating"), 0);
        const char* const levels[] = {
            QT_TR_NOOP("5 — Very satisfied"),      QT_TR_NOOP("4 — Satisfied"),
            QT_TR_NOOP("3 — Basically satisfied"), QT_TR_NOOP("2 — Dissatisfied"),
            QT_TR_NOOP("1 — Very dissatisfied"),
        };
        int rating = 5;
        for (const char* level : levels) {
            m_ui->ratingComboBox->addItem(tr(level), rating--);
        }
        m_ui->ratingComboBox->setFocus();
    }
    if (!transfer && !reassign && !followUp) {
        m_ui->noteTextEdit->setFocus();
    }
    FormHelpers::showError(m_ui->errorLabel, problems.join(QLatin1Char('\n')));
}

void CaseActionDialog::retranslate()
{
    setWindowTitle(tr("%1 — %2", "action — case number").arg(CaseActions::label(m_action), m_case.caseNo));
    QString description;
    switch (m_action) {
    case CaseAction::Acknowledge:
        description = tr("Record that the citizen's feelings were acknowledged on case %1.");
        break;
    case CaseAction::Start:
        description = tr("Start handling case %1.");
        break;
    case CaseAction::Transfer:
        description = tr("Move case %1 to another department. Every transfer is counted; say why it is needed.");
        break;
    case CaseAction::Escalate:
        description = tr("Move case %1 one level up the supervisor queue and say why.");
        break;
    case CaseAction::Resolve:
        description = tr("Resolve case %1: describe the remedy given to the citizen.");
        break;
    case CaseAction::FollowUp:
        description = tr("Record the follow-up call on case %1 and the citizen's rating. A rating of 1 or 2 means "
                         "the handling must be rectified.");
        break;
    case CaseAction::Close:
        description = tr("Approve closing case %1. Its handling and follow-up are complete.");
        break;
    case CaseAction::Reopen:
        description = tr("Reopen case %1 and say why.");
        break;
    case CaseAction::Reassign:
        description = tr("Hand case %1 to another clerk or supervisor.");
        break;
    case CaseAction::AddNote:
        description = tr("Add a note to the timeline of case %1.");
        break;
    }
    m_ui->descriptionLabel->setText(description.arg(m_case.caseNo));
    if (m_action == CaseAction::Resolve) {
        m_ui->noteLabel->setText(tr("&Remedy given to the citizen:"));
    } else if (noteRequired(m_action)) {
        m_ui->noteLabel->setText(tr("&Note (required):"));
    } else {
        m_ui->noteLabel->setText(tr("&Note (optional):"));
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(CaseActions::label(m_action));
}

void CaseActionDialog::accept()
{
    if (m_busy->isBusy()) {
        return; // the first submit is still being saved
    }
    CaseCommand command;
    command.action = m_action;
    command.note = m_ui->noteTextEdit->toPlainText().trimmed();
    if (m_action == CaseAction::Transfer) {
        command.departmentId = ReferenceCombo::selectedId(m_ui->departmentComboBox);
    }
    if (m_action == CaseAction::Reassign) {
        command.assigneeId = m_ui->assigneeComboBox->currentData().toLongLong();
    }
    if (m_action == CaseAction::FollowUp) {
        const int rating = m_ui->ratingComboBox->currentData().toInt();
        if (rating > 0) {
            command.rating = rating;
        }
        if (m_ui->npsSpinBox->value() >= 0) {
            command.nps = m_ui->npsSpinBox->value();
        }
    }
    m_busy->run(m_worker, BusyIndicator::savingText(), CaseJobs::perform(m_cases.session(), m_case.id, command),
                [this](const Case& updated) {
                    m_updated = updated;
                    QDialog::accept();
                });
}

void CaseActionDialog::reject()
{
    if (m_busy->isBusy()) {
        return; // the action may be stored already: wait for the answer instead of losing it
    }
    QDialog::reject();
}

bool CaseActionDialog::isSaving() const
{
    return m_busy->isBusy();
}

void CaseActionDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
