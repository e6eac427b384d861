#include "cases/FollowUpDialog.h"

#include "ui_FollowUpDialog.h"

#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/FollowUpService.h"
#include "workers/DatabaseWorker.h"

#include <QPushButton>

FollowUpDialog::FollowUpDialog(Session session, DatabaseWorker& worker, const Case& target, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FollowUpDialog>())
    , m_session(std::move(session))
    , m_worker(worker)
    , m_case(target)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(460);
    retranslate();
    connect(m_ui->reachedCheckBox, &QCheckBox::toggled, this, &FollowUpDialog::updateRows);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &FollowUpDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &FollowUpDialog::reject);
    updateRows();
    m_ui->methodComboBox->setFocus();
}

FollowUpDialog::~FollowUpDialog() = default;

QString FollowUpDialog::ratingText(int level)
{
    static const char* const levels[] = {
        QT_TR_NOOP("1 — Very dissatisfied"), QT_TR_NOOP("2 — Dissatisfied"),   QT_TR_NOOP("3 — Basically satisfied"),
        QT_TR_NOOP("4 — Satisfied"),         QT_TR_NOOP("5 — Very satisfied"),
    };
    return level >= 1 && level <= 5 ? tr(levels[level - 1]) : QString();
}

void FollowUpDialog::retranslate()
{
    setWindowTitle(tr("Follow-up — %1").arg(m_case.caseNo));
    const int method = std::max(0, m_ui->methodComboBox->currentIndex());
    m_ui->methodComboBox->clear();
    for (FollowUpMethod m : {FollowUpMethod::Phone, FollowUpMethod::Sms, FollowUpMethod::Visit}) {
        m_ui->methodComboBox->addItem(FollowUpMethods::label(m), FollowUpMethods::code(m));
    }
    m_ui->methodComboBox->setCurrentIndex(method);
    const int rating = std::max(0, m_ui->ratingComboBox->currentIndex());
    m_ui->ratingComboBox->clear();
    m_ui->ratingComboBox->addItem(tr("Choose the rating"), 0);
    for (int level = 5; level >= 1; --level) {
        m_ui->ratingComboBox->addItem(ratingText(level), level);
    }
    m_ui->ratingComboBox->setCurrentIndex(rating);
    m_ui->descriptionLabel->setText(
        m_case.followUpAttempts > 0
            ? tr("Call back the citizen of case %1 and record what they say. %n earlier attempt(s) did not reach them.",
                 "", m_case.followUpAttempts)
                  .arg(m_case.caseNo)
            : tr("Call back the citizen of case %1 and record what they say.").arg(m_case.caseNo));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Record follow-up"));
    updateRows();
}

void FollowUpDialog::updateRows()
{
    const bool reached = m_ui->reachedCheckBox->isChecked();
    m_ui->formLayout->setRowVisible(m_ui->ratingComboBox, reached);
    m_ui->formLayout->setRowVisible(m_ui->npsSpinBox, reached);
    m_ui->hintLabel->setText(reached ? tr("A rating of 2 (dissatisfied) or 1 (very dissatisfied) reopens the case "
                                          "for rectification, with a second follow-up afterwards.")
                                     : tr("The attempt is recorded; after several failed attempts the case is "
                                          "marked unreachable."));
}

void FollowUpDialog::accept()
{
    if (m_busy->isBusy()) {
        return;
    }
    FollowUpInput input;
    input.method =
        FollowUpMethods::fromCode(m_ui->methodComboBox->currentData().toString()).value_or(FollowUpMethod::Phone);
    input.reached = m_ui->reachedCheckBox->isChecked();
    input.note = m_ui->noteTextEdit->toPlainText().trimmed();
    if (input.reached) {
        if (const int rating = m_ui->ratingComboBox->currentData().toInt(); rating > 0) {
            input.rating = rating;
        }
        if (m_ui->npsSpinBox->value() >= 0) {
            input.nps = m_ui->npsSpinBox->value();
        }
    }
    m_busy->run(
        m_worker, BusyIndicator::savingText(),
        [session = m_session, id = m_case.id, input](const WorkerScope& scope) {
            FollowUpService followUps(session, scope.repos, scope.clock);
            return followUps.recordFollowUp(id, input);
        },
        [this](const Case& updated) {
            m_updated = updated;
            QDialog::accept();
        });
}

void FollowUpDialog::reject()
{
    if (m_busy->isBusy()) {
        return;
    }
    QDialog::reject();
}

bool FollowUpDialog::isSaving() const
{
    return m_busy->isBusy();
}

void FollowUpDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
