#include "cases/RectificationPanel.h"

#include "ui_RectificationPanel.h"

#include "cases/AppealDialog.h"
#include "common/BusyIndicator.h"
#include "common/FormHelpers.h"
#include "services/FollowUpService.h"
#include "workers/DatabaseWorker.h"

RectificationPanel::RectificationPanel(Session session, DatabaseWorker& worker, QWidget* parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::RectificationPanel>())
    , m_session(std::move(session))
    , m_worker(worker)
{
    m_ui->setupUi(this);
    m_busy = new BusyIndicator(
        m_ui->errorLabel, {m_ui->advanceButton, m_ui->stageNoteLineEdit, m_ui->appealButton, m_ui->decideAppealButton},
        this);
    FormHelpers::clearError(m_ui->errorLabel);
    connect(m_ui->advanceButton, &QPushButton::clicked, this, &RectificationPanel::advance);
    connect(m_ui->stageNoteLineEdit, &QLineEdit::returnPressed, this, &RectificationPanel::advance);
    connect(m_ui->appealButton, &QPushButton::clicked, this, [this] { openAppeal(false); });
    connect(m_ui->decideAppealButton, &QPushButton::clicked, this, [this] { openAppeal(true); });
    setVisible(false);
}

RectificationPanel::~RectificationPanel() = default;

bool RectificationPanel::isBusy() const
{
    return m_busy->isBusy();
}

void RectificationPanel::setCase(const Case& c)
{
    m_case = c;
    load();
}

void RectificationPanel::load()
{
    if (m_case.id == 0) {
        m_record = {};
        showRecord();
        emit loaded();
        return;
    }
    m_worker.runLatest(
        this, m_request,
        [session = m_session, id = m_case.id](const WorkerScope& scope) {
            return FollowUpService(session, scope.repos, scope.clock).record(id);
        },
        [this](const Result<FollowUpRecord>& record) {
            if (record) {
                m_record = *record;
                FormHelpers::clearError(m_ui->errorLabel);
            } else {
                m_record = {};
                FormHelpers::showError(m_ui->errorLabel, record.error().message);
            }
            showRecord();
            emit loaded();
        });
}

void RectificationPanel::showRecord()
{
    const bool any = !m_record.followUps.isEmpty() || !m_record.attempts.isEmpty() || m_record.rectification ||
                     !m_record.appeals.isEmpty() || m_case.rating.has_value();
    setVisible(m_case.id != 0 && any);

    QStringList ratings;
    for (const FollowUp& f : m_record.followUps) {
        QString line =
            tr("%1 of 5 on %2 (%3)").arg(f.rating).arg(FormHelpers::dateTime(f.at), FollowUpMethods::label(f.method));
        if (f.nps) {
            line = tr("%1, recommendation %2 of 10").arg(line).arg(*f.nps);
        }
        if (f.excluded) {
            line = tr("%1 — left out of the figures after an appeal").arg(line);
        }
        ratings << line;
    }
    if (ratings.isEmpty() && m_case.rating) {
        ratings << tr("%1 of 5 (no-rating rule)").arg(*m_case.rating);
    }
    m_ui->ratingsValueLabel->setText(ratings.isEmpty() ? FormHelpers::dash() : ratings.join(QLatin1Char('\n')));

    QString attempts = FormHelpers::dash();
    if (!m_record.attempts.isEmpty()) {
        attempts = tr("%n failed attempt(s), the last on %1", "", int(m_record.attempts.size()))
                       .arg(FormHelpers::dateTime(m_record.attempts.last().at));
        if (m_case.unreachableAt.isValid()) {
            attempts = tr("%1 — marked unreachable").arg(attempts);
        }
    }
    m_ui->attemptsValueLabel->setText(attempts);

    const auto& r = m_record.rectification;
    QString rectification = FormHelpers::dash();
    bool canAdvance = false;
    if (r) {
        switch (r->stage) {
        case RectificationStage::Verify:
        case RectificationStage::Rectify:
        case RectificationStage::Feedback:
            rectification = tr("After the rating %1 of 5: next, %2; due %3")
                                .arg(r->badRating)
                                .arg(RectificationStages::label(r->stage), FormHelpers::dateTime(r->dueAt));
            canAdvance = m_session.can(Permission::WorkCase);
            break;
        case RectificationStage::SecondFollowUp:
            rectification = tr("After the rating %1 of 5: rectified, the second follow-up is due %2")
                                .arg(r->badRating)
                                .arg(FormHelpers::dateTime(r->secondDueAt));
            break;
        case RectificationStage::Done:
            rectification = tr("After the rating %1 of 5: rectified and followed up again on %2")
                                .arg(r->badRating)
                                .arg(FormHelpers::dateTime(r->doneAt));
            break;
        }
    }
    m_ui->rectificationValueLabel->setText(rectification);
    m_ui->formLayout->setRowVisible(m_ui->stageLayout, canAdvance);
    if (canAdvance) {
        switch (r->stage) {
        case RectificationStage::Verify:
            m_ui->stageNoteLabel->setText(tr("&What was verified:"));
            m_ui->advanceButton->setText(tr("Verified"));
            break;
        case RectificationStage::Rectify:
            m_ui->stageNoteLabel->setText(tr("&What was put right:"));
            m_ui->advanceButton->setText(tr("Put right"));
            break;
        default:
            m_ui->stageNoteLabel->setText(tr("&What the citizen was told:"));
            m_ui->advanceButton->setText(tr("Citizen told"));
            break;
        }
    }

    const RatingAppeal* pending = m_record.pendingAppeal();
    QString appeal = FormHelpers::dash();
    if (!m_record.appeals.isEmpty()) {
        const RatingAppeal& a = m_record.appeals.last();
        appeal =
            tr("%1 (%2) asked by %3: %4")
                .arg(AppealReasons::label(a.reasonKind), AppealStates::label(a.state), a.requestedBy.name, a.reason);
        if (a.state != AppealState::Pending) {
            appeal = tr("%1; decided by %2").arg(appeal, a.decidedBy.name);
        }
    }
    m_ui->appealValueLabel->setText(appeal);
    const bool supervisor = m_session.can(Permission::ApproveCase);
    m_ui->appealButton->setVisible(supervisor && !pending && m_case.rating && !m_case.ratingExcluded);
    m_ui->decideAppealButton->setVisible(supervisor && pending);
    m_ui->decideAppealButton->setEnabled(!m_busy->isBusy() && pending &&
                                         !(pending->requestedBy.id == m_session.userId()));
    if (pending && pending->requestedBy.id == m_session.userId()) {
        m_ui->decideAppealButton->setToolTip(tr("A second supervisor must decide the appeal you asked for."));
    } else {
        m_ui->decideAppealButton->setToolTip(QString());
    }
}

void RectificationPanel::advance()
{
    if (m_busy->isBusy() || m_case.id == 0) {
        return;
    }
    const QString note = m_ui->stageNoteLineEdit->text().trimmed();
    m_busy->run(
        m_worker, BusyIndicator::savingText(),
        [session = m_session, id = m_case.id, note](const WorkerScope& scope) {
            return FollowUpService(session, scope.repos, scope.clock).advanceRectification(id, note);
        },
        [this](const Case& updated) {
            m_ui->stageNoteLineEdit->clear();
            m_case = updated;
            emit caseChanged();
        });
}

void RectificationPanel::openAppeal(bool decide)
{
    const RatingAppeal* pending = m_record.pendingAppeal();
    if (m_busy->isBusy() || m_case.id == 0 || (decide && !pending)) {
        return;
    }
    auto* dialog = decide ? new AppealDialog(m_session, m_worker, m_case, *pending, this)
                          : new AppealDialog(m_session, m_worker, m_case, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { emit caseChanged(); });
    dialog->open();
}

void RectificationPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showRecord();
    }
    QGroupBox::changeEvent(event);
}
