#include "cases/AppealDialog.h"

#include "ui_AppealDialog.h"

#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/FollowUpService.h"
#include "workers/DatabaseWorker.h"

#include <QPushButton>

AppealDialog::AppealDialog(Session session, DatabaseWorker& worker, const Case& target, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AppealDialog>())
    , m_session(std::move(session))
    , m_worker(worker)
    , m_case(target)
{
    setUp();
}

AppealDialog::AppealDialog(Session session, DatabaseWorker& worker, const Case& target, const RatingAppeal& pending,
                           QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AppealDialog>())
    , m_session(std::move(session))
    , m_worker(worker)
    , m_case(target)
    , m_pending(pending)
{
    setUp();
}

AppealDialog::~AppealDialog() = default;

void AppealDialog::setUp()
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(m_ui->errorLabel, {m_ui->buttonBox}, this);
    FormHelpers::clearError(m_ui->errorLabel);
    setMinimumWidth(460);
    m_ui->formLayout->setRowVisible(m_ui->reasonKindComboBox, !isDeciding());
    m_ui->formLayout->setRowVisible(m_ui->decisionLabel, isDeciding());
    m_ui->approveRadioButton->setChecked(true);
    retranslate();
    connect(m_ui->refuseRadioButton, &QRadioButton::toggled, this, &AppealDialog::retranslate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AppealDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AppealDialog::reject);
    if (isDeciding()) {
        m_ui->approveRadioButton->setFocus();
    } else {
        m_ui->reasonKindComboBox->setFocus();
    }
}

void AppealDialog::retranslate()
{
    const QString rating = m_case.rating ? QString::number(*m_case.rating) : FormHelpers::dash();
    if (!isDeciding()) {
        setWindowTitle(tr("Appeal against a rating — %1").arg(m_case.caseNo));
        const int kind = std::max(0, m_ui->reasonKindComboBox->currentIndex());
        m_ui->reasonKindComboBox->clear();
        for (AppealReason r : {AppealReason::Mistaken, AppealReason::Malicious}) {
            m_ui->reasonKindComboBox->addItem(AppealReasons::label(r), AppealReasons::code(r));
        }
        m_ui->reasonKindComboBox->setCurrentIndex(kind);
        m_ui->descriptionLabel->setText(
            tr("Ask that the rating %1 of 5 on case %2 be left out of the figures. A second supervisor decides; the "
               "rating itself is kept.")
                .arg(rating, m_case.caseNo));
        m_ui->noteLabel->setText(tr("&Why (required):"));
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Ask for review"));
        return;
    }
    const RatingAppeal& a = *m_pending;
    setWindowTitle(tr("Decide an appeal — %1").arg(m_case.caseNo));
    m_ui->descriptionLabel->setText(tr("%1 asks on %2 that the rating %3 of 5 be left out of the figures as "
                                       "\"%4\":\n%5")
                                        .arg(a.requestedBy.name, FormHelpers::dateTime(a.requestedAt))
                                        .arg(a.rating)
                                        .arg(AppealReasons::label(a.reasonKind), a.reason));
    m_ui->noteLabel->setText(m_ui->refuseRadioButton->isChecked() ? tr("&Why it is refused (required):")
                                                                  : tr("&Note (optional):"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Decide"));
}

void AppealDialog::accept()
{
    if (m_busy->isBusy()) {
        return;
    }
    const QString note = m_ui->noteTextEdit->toPlainText().trimmed();
    const auto done = [this](const RatingAppeal& appeal) {
        m_result = appeal;
        QDialog::accept();
    };
    if (!isDeciding()) {
        const AppealReason kind = AppealReasons::fromCode(m_ui->reasonKindComboBox->currentData().toString())
                                      .value_or(AppealReason::Mistaken);
        m_busy->run(
            m_worker, BusyIndicator::savingText(),
            [session = m_session, id = m_case.id, kind, note](const WorkerScope& scope) {
                return FollowUpService(session, scope.repos, scope.clock).requestAppeal(id, kind, note);
            },
            done);
        return;
    }
    const bool approve = m_ui->approveRadioButton->isChecked();
    m_busy->run(
        m_worker, BusyIndicator::savingText(),
        [session = m_session, id = m_pending->id, approve, note](const WorkerScope& scope) {
            return FollowUpService(session, scope.repos, scope.clock).decideAppeal(id, approve, note);
        },
        done);
}

void AppealDialog::reject()
{
    if (m_busy->isBusy()) {
        return;
    }
    QDialog::reject();
}

void AppealDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
