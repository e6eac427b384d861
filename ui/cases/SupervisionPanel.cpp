#include "cases/SupervisionPanel.h"

#include "ui_SupervisionPanel.h"

#include "cases/DeadlineBadge.h"
#include "cases/ReminderDialog.h"
#include "common/Clock.h"
#include "services/SuperviseService.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>

SupervisionPanel::SupervisionPanel(const Session& session, DatabaseWorker& worker, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SupervisionPanel>())
    , m_session(session)
    , m_worker(worker)
    , m_clock(clock)
{
    m_ui->setupUi(this);
    connect(m_ui->sendReminderButton, &QPushButton::clicked, this, &SupervisionPanel::sendReminder);
    m_worker.run(
        this,
        [session](const WorkerScope& scope) -> Result<int> {
            return SuperviseService(session, scope.repos, scope.clock).nearDeadlineMinutes();
        },
        [this](const Result<int>& minutes) {
            if (minutes) {
                m_nearDeadlineMinutes = *minutes;
                showState();
            }
        });
    showState();
}

SupervisionPanel::~SupervisionPanel() = default;

void SupervisionPanel::setCase(const Case& c)
{
    m_case = c;
    showState();
}

void SupervisionPanel::showState()
{
    const QDateTime now = m_clock.now();
    const DeadlineState state = Deadlines::stateOf(m_case, now, m_nearDeadlineMinutes);
    const QString text = Deadlines::text(m_case, now, m_nearDeadlineMinutes);
    const QIcon icon = DeadlineBadge::icon(state);
    m_ui->deadlineIconLabel->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(16, 16));
    m_ui->deadlineIconLabel->setVisible(!icon.isNull());
    m_ui->deadlineLabel->setText(text);
    const QColor color = DeadlineBadge::color(state);
    m_ui->deadlineLabel->setStyleSheet(
        color.isValid() ? QStringLiteral("color: %1; font-weight: 600;").arg(color.name()) : QString());
    const QString reminders = Deadlines::reminderText(m_case);
    m_ui->reminderLabel->setText(reminders);
    m_ui->reminderLabel->setVisible(!reminders.isEmpty());
    // Only for those who may send one; enabled when this case can take one now.
    const bool supervisor = m_session.can(Permission::ReassignCase);
    m_ui->sendReminderButton->setVisible(supervisor && m_case.id != 0);
    const bool remindable =
        m_case.assignee.id != 0 && (state == DeadlineState::Overdue || state == DeadlineState::NearDeadline);
    m_ui->sendReminderButton->setEnabled(remindable && !m_dialog);
    m_ui->sendReminderButton->setToolTip(
        remindable ? tr("Remind %1 of this case; each reminder raises its level").arg(m_case.assignee.name)
        : m_case.assignee.id == 0 ? tr("The case has no assignee to remind.")
                                  : tr("A reminder is for a case that is overdue or nearly due."));
    setVisible(m_case.id != 0 && (!text.isEmpty() || !reminders.isEmpty() || supervisor));
}

void SupervisionPanel::sendReminder()
{
    if (m_dialog || m_case.id == 0) {
        return;
    }
    m_dialog = new ReminderDialog(m_case, m_ui->deadlineLabel->text(), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ReminderDialog::submitted, this, &SupervisionPanel::submit);
    connect(m_dialog, &QObject::destroyed, this, [this] {
        m_dialog = nullptr;
        showState();
    });
    m_ui->sendReminderButton->setEnabled(false);
    m_dialog->open();
}

void SupervisionPanel::submit(const QString& note)
{
    if (!m_dialog) {
        return;
    }
    m_dialog->setBusy(true);
    m_worker.run(
        this,
        [session = m_session, id = m_case.id, version = m_case.version, note](const WorkerScope& scope) {
            return SuperviseService(session, scope.repos, scope.clock).remind(id, version, note);
        },
        [this](const Result<Case>& updated) {
            if (!updated) {
                if (m_dialog) {
                    m_dialog->setBusy(false);
                    m_dialog->showError(updated.error().message);
                }
                return;
            }
            if (m_dialog) {
                m_dialog->accept();
            }
            setCase(*updated);
            emit reminded(*updated);
        });
}

void SupervisionPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showState();
    }
    QWidget::changeEvent(event);
}
