#include "cases/CaseClocksWidget.h"

#include "ui_CaseClocksWidget.h"

#include "cases/PauseClocksDialog.h"
#include "common/FormHelpers.h"
#include "common/WrappingTree.h"
#include "workers/DatabaseWorker.h"

#include <QEvent>
#include <QPushButton>
#include <QStyle>

namespace {
/** Colour never carries the state alone: the icon and the text say it too. */
QColor stateColour(SlaClock::State state)
{
    switch (state) {
    case SlaClock::State::Overdue:
    case SlaClock::State::Error:
        return QColor(0xb0, 0x00, 0x20);
    case SlaClock::State::Near:
    case SlaClock::State::Late:
        return QColor(0x9a, 0x5b, 0x00);
    case SlaClock::State::Met:
        return QColor(0x1b, 0x6e, 0x20);
    default:
        return {};
    }
}

constexpr int kStateColumn = 1;
constexpr int kWhyColumn = 3;

QStyle::StandardPixmap stateIcon(SlaClock::State state)
{
    switch (state) {
    case SlaClock::State::Overdue:
    case SlaClock::State::Error:
        return QStyle::SP_MessageBoxCritical;
    case SlaClock::State::Near:
    case SlaClock::State::Late:
        return QStyle::SP_MessageBoxWarning;
    case SlaClock::State::Paused:
        return QStyle::SP_MediaPause;
    case SlaClock::State::Met:
        return QStyle::SP_DialogApplyButton;
    case SlaClock::State::Running:
        return QStyle::SP_MediaPlay;
    }
    return QStyle::SP_MediaPlay;
}
} // namespace

CaseClocksWidget::CaseClocksWidget(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CaseClocksWidget>())
    , m_session(session)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    // The explanation ("due …: 48 h from receipt, plus 2 h paused") is what a clerk reads to answer a citizen: it
    // wraps in the column that takes the rest of the width, the rows grow to fit it, and the table is as tall as its
    // rows, so neither a horizontal nor a vertical scroll bar hides part of a deadline.
    // The clock's name and the due time ("… (done …)") wrap too, at some 30 % of the width each.
    m_wrapping = new WrappingTree(m_ui->clocksTreeWidget, {kWhyColumn}, {kStateColumn});
    m_ui->pauseButton->setVisible(m_session.can(Permission::WorkCase));
    connect(m_ui->pauseButton, &QPushButton::clicked, this, &CaseClocksWidget::pauseOrResume);
    FormHelpers::clearError(m_ui->errorLabel);
    updateButton();
}

CaseClocksWidget::~CaseClocksWidget() = default;

QString CaseClocksWidget::stateText(SlaClock::State state)
{
    switch (state) {
    case SlaClock::State::Running:
        return tr("Running");
    case SlaClock::State::Near:
        return tr("Due soon");
    case SlaClock::State::Overdue:
        return tr("Overdue");
    case SlaClock::State::Paused:
        return tr("Paused");
    case SlaClock::State::Met:
        return tr("Met");
    case SlaClock::State::Late:
        return tr("Met late");
    case SlaClock::State::Error:
        return tr("Cannot be computed");
    }
    return {};
}

void CaseClocksWidget::setCase(const Case& c)
{
    m_case = c;
    reload();
}

void CaseClocksWidget::reload()
{
    if (m_case.id == 0) {
        m_clocks.clear();
        m_pauses.clear();
        showClocks();
        return;
    }
    m_busy = true;
    updateButton();
    m_worker.runLatest(
        this, m_request,
        [session = m_session, id = m_case.id](const WorkerScope& scope) {
            return SlaService(session, scope.repos, scope.clock).clocks(id);
        },
        [this](const Result<SlaService::CaseClocks>& result) { show(result); });
}

void CaseClocksWidget::show(const Result<SlaService::CaseClocks>& result)
{
    m_busy = false;
    if (!result) {
        FormHelpers::showError(m_ui->errorLabel, result.error().message);
        m_clocks.clear();
        m_pauses.clear();
    } else {
        FormHelpers::clearError(m_ui->errorLabel);
        m_case = result->value;
        m_clocks = result->clocks;
        m_pauses = result->pauses;
    }
    showClocks();
    updateButton();
    emit loaded();
}

void CaseClocksWidget::showClocks()
{
    m_ui->clocksTreeWidget->clear();
    for (const SlaClock& clock : m_clocks) {
        QString due = FormHelpers::dateTime(clock.due);
        if (clock.state == SlaClock::State::Paused) {
            due = tr("%1 if resumed now").arg(due);
        } else if (clock.stoppedAt.isValid()) {
            due = tr("%1 (done %2)").arg(due, FormHelpers::dateTime(clock.stoppedAt));
        }
        auto* item = new QTreeWidgetItem(
            m_ui->clocksTreeWidget, {SlaClockKinds::label(clock.kind), stateText(clock.state), due, clock.explanation});
        item->setIcon(1, style()->standardIcon(stateIcon(clock.state)));
        if (const QColor colour = stateColour(clock.state); colour.isValid()) {
            item->setForeground(1, colour);
        }
        item->setData(0, Qt::UserRole, SlaClockKinds::code(clock.kind));
        item->setToolTip(3, clock.explanation);
    }
    m_wrapping->fit();
    QString pauseText;
    for (const SlaPause& p : m_pauses) {
        if (p.isOpen()) {
            pauseText = tr("Clocks paused since %1 (%2): %3")
                            .arg(FormHelpers::dateTime(p.from), SlaPauseKinds::label(p.kind), p.reason);
        }
    }
    m_ui->pauseLabel->setText(pauseText);
    m_ui->pauseLabel->setVisible(!pauseText.isEmpty());
}

void CaseClocksWidget::updateButton()
{
    const bool paused = m_case.pausedAt.isValid();
    m_ui->pauseButton->setText(paused ? tr("Resume clocks…") : tr("Pause clocks…"));
    m_ui->pauseButton->setEnabled(!m_busy && m_case.id != 0 && (paused || CaseStatuses::isOpen(m_case.status)));
}

void CaseClocksWidget::pauseOrResume()
{
    if (m_case.id == 0 || m_busy) {
        return;
    }
    const auto mode = m_case.pausedAt.isValid() ? PauseClocksDialog::Mode::Resume : PauseClocksDialog::Mode::Pause;
    auto* dialog = new PauseClocksDialog(mode, m_session, m_worker, m_case, this);
    dialog->setObjectName(QStringLiteral("pauseClocksDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto& updated = dialog->updatedCase()) {
            m_case = *updated;
            reload();
            emit caseChanged(*updated);
        }
    });
    dialog->open();
}

void CaseClocksWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showClocks();
        updateButton();
    }
    QWidget::changeEvent(event);
}
