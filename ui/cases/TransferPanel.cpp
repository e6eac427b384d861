#include "cases/TransferPanel.h"

#include "ui_TransferPanel.h"

#include "cases/ExtensionDecisionDialog.h"
#include "cases/ExtensionRequestDialog.h"
#include "cases/SignForDialog.h"
#include "cases/TransferDialog.h"
#include "cases/TransferFiguresDialog.h"
#include "cases/TransferJobs.h"
#include "common/FormHelpers.h"
#include "common/WrappingTree.h"

#include <QHeaderView>

namespace {
constexpr int kTransferredColumn = 0;
constexpr int kReasonColumn = 3;
constexpr int kOutcomeColumn = 4;
const CaseTransfer* awaitingOf(const QList<CaseTransfer>& transfers)
{
    for (auto it = transfers.crbegin(); it != transfers.crend(); ++it) {
        if (it->state == TransferState::AwaitingSign) {
            return &*it;
        }
    }
    return nullptr;
}

const CaseExtension* pendingOf(const QList<CaseExtension>& extensions)
{
    for (auto it = extensions.crbegin(); it != extensions.crend(); ++it) {
        if (it->state == ExtensionState::Pending) {
            return &*it;
        }
    }
    return nullptr;
}
} // namespace

TransferPanel::TransferPanel(Session session, ReferenceService& reference, DatabaseWorker& worker, QWidget* parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::TransferPanel>())
    , m_session(std::move(session))
    , m_reference(reference)
    , m_worker(worker)
{
    m_ui->setupUi(this);
    // The reason and the outcome share the width the other columns leave, wrapped in rows that fit them: no
    // scrolling sideways to read them.
    m_wrapping = new WrappingTree(m_ui->transfersTreeWidget, {kReasonColumn, kOutcomeColumn}, {kTransferredColumn});
    FormHelpers::clearError(m_ui->errorLabel);
    connect(m_ui->signForButton, &QPushButton::clicked, this, &TransferPanel::signForOrReturn);
    connect(m_ui->requestExtensionButton, &QPushButton::clicked, this, &TransferPanel::requestExtension);
    connect(m_ui->decideExtensionButton, &QPushButton::clicked, this, &TransferPanel::decideExtension);
    connect(m_ui->figuresButton, &QPushButton::clicked, this, &TransferPanel::showFigures);
    showState();
}

TransferPanel::~TransferPanel() = default;

void TransferPanel::setCase(const Case& c)
{
    m_case = c;
    m_transfers.clear();
    m_extensions.clear();
    FormHelpers::clearError(m_ui->errorLabel);
    if (c.id == 0) {
        m_request.invalidate();
        m_loading = false;
        showState();
        return;
    }
    m_loading = true;
    showState();
    m_worker.runLatest(this, m_request, TransferJobs::load(m_session, c.id),
                       [this](const Result<TransferJobs::PanelData>& data) {
                           m_loading = false;
                           if (!data) {
                               FormHelpers::showError(m_ui->errorLabel, data.error().message);
                           } else {
                               m_transfers = data->transfers;
                               m_extensions = data->extensions;
                           }
                           showState();
                           emit loaded();
                       });
}

void TransferPanel::showState()
{
    using FormHelpers::dateTime;
    QString state;
    switch (m_case.transferState) {
    case TransferState::None:
        state =
            m_case.transferCount > 0 ? tr("Transferred %n time(s).", "", m_case.transferCount) : tr("Not transferred.");
        break;
    case TransferState::AwaitingSign:
        if (const CaseTransfer* t = awaitingOf(m_transfers)) {
            state = tr("Awaiting sign-for by %1 since %2.")
                        .arg(FormHelpers::refName(t->toDepartment), dateTime(t->transferredAt));
        } else {
            state = tr("Awaiting sign-for by %1.").arg(FormHelpers::refName(m_case.department));
        }
        break;
    case TransferState::Signed:
        state = tr("Signed for by %1.").arg(FormHelpers::refName(m_case.department));
        break;
    case TransferState::Returned:
        state = tr("Returned to %1: it must handle the case or transfer it with a better reason.")
                    .arg(FormHelpers::refName(m_case.department));
        break;
    }
    if (m_case.transferCount > 0 && m_case.transferState != TransferState::None) {
        state += QLatin1Char(' ') + tr("Transferred %n time(s) in all.", "", m_case.transferCount);
    }
    m_ui->transferStateLabel->setText(m_case.id ? state : QString());

    QString extension;
    if (const CaseExtension* e = pendingOf(m_extensions)) {
        extension = tr("Extension to %1 asked for by %2, awaiting a supervisor's decision.")
                        .arg(dateTime(e->requestedDueAt), e->requestedBy.name);
    } else if (m_case.extendedDueAt.isValid()) {
        extension = tr("Deadline extended to %1.").arg(dateTime(m_case.extendedDueAt));
    } else if (!m_extensions.isEmpty() && m_extensions.last().state == ExtensionState::Refused) {
        extension = tr("Extension refused: %1").arg(m_extensions.last().decisionNote);
    }
    m_ui->extensionStateLabel->setText(extension);
    m_ui->extensionStateLabel->setVisible(!extension.isEmpty());

    m_ui->transfersTreeWidget->clear();
    for (const CaseTransfer& t : m_transfers) {
        QString outcome = TransferStates::label(t.state);
        if (t.state != TransferState::AwaitingSign) {
            outcome = tr("%1 %2 by %3", "outcome, time, who").arg(outcome, dateTime(t.decidedAt), t.decidedBy.name);
            if (!t.decisionNote.isEmpty()) {
                outcome = tr("%1: %2", "outcome: note").arg(outcome, t.decisionNote);
            }
        }
        auto* item = new QTreeWidgetItem(m_ui->transfersTreeWidget,
                                         {dateTime(t.transferredAt), FormHelpers::refName(t.fromDepartment),
                                          FormHelpers::refName(t.toDepartment), t.reason, outcome});
        item->setToolTip(3, t.reason);
        item->setToolTip(4, outcome);
    }
    m_ui->transfersTreeWidget->setVisible(!m_transfers.isEmpty());
    m_wrapping->fit();
    updateButtons();
}

void TransferPanel::updateButtons()
{
    const bool work = m_session.can(Permission::WorkCase);
    const bool supervise = m_session.can(Permission::ApproveCase);
    const bool ready = m_case.id != 0 && !m_loading;
    const bool open = CaseStatuses::isOpen(m_case.status);
    m_ui->signForButton->setVisible(work && m_case.transferState == TransferState::AwaitingSign);
    m_ui->signForButton->setEnabled(ready && awaitingOf(m_transfers) != nullptr);
    const CaseExtension* pending = pendingOf(m_extensions);
    m_ui->requestExtensionButton->setVisible(work && open && m_case.dueAt.isValid() && pending == nullptr);
    m_ui->requestExtensionButton->setEnabled(ready);
    m_ui->decideExtensionButton->setVisible(supervise && pending != nullptr);
    m_ui->decideExtensionButton->setEnabled(ready);
    m_ui->figuresButton->setVisible(supervise);
}

template <typename Dialog> void TransferPanel::openDialog(Dialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto& updated = dialog->updatedCase()) {
            setCase(*updated);
            emit caseChanged(*updated);
        }
    });
    dialog->open();
}

void TransferPanel::transfer()
{
    if (m_case.id == 0) {
        return;
    }
    openDialog(new TransferDialog(m_session, m_reference, m_worker, m_case, window()));
}

void TransferPanel::signForOrReturn()
{
    const CaseTransfer* awaiting = awaitingOf(m_transfers);
    if (m_case.id == 0 || !awaiting) {
        return;
    }
    openDialog(new SignForDialog(m_session, m_worker, m_case, *awaiting, window()));
}

void TransferPanel::requestExtension()
{
    if (m_case.id == 0) {
        return;
    }
    openDialog(new ExtensionRequestDialog(m_session, m_worker, m_case, window()));
}

void TransferPanel::decideExtension()
{
    const CaseExtension* pending = pendingOf(m_extensions);
    if (m_case.id == 0 || !pending) {
        return;
    }
    openDialog(new ExtensionDecisionDialog(m_session, m_worker, m_case, *pending, window()));
}

void TransferPanel::showFigures()
{
    auto* dialog = new TransferFiguresDialog(m_session, m_worker, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TransferPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showState();
    }
    QGroupBox::changeEvent(event);
}
