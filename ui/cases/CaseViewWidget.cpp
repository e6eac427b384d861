#include "cases/CaseViewWidget.h"

#include "ui_CaseViewWidget.h"

#include "cases/CaseActionDialog.h"
#include "cases/CaseClocksWidget.h" // issue 12, helper "sla"
#include "cases/CaseJobs.h"
#include "cases/FollowUpDialog.h"     // followup (issue 12)
#include "cases/RectificationPanel.h" // followup (issue 12)
#include "cases/SupervisionPanel.h"
#include "cases/TransferPanel.h" // transfer (issue 12)
#include "common/BusyIndicator.h"
#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "crisis/CrisisWidget.h" // crisis (issue 16)
#include "intake/AmendIntakeDialog.h"
#include "risk/RiskExplanationDialog.h" // riskintake (issue 16)
#include "risk/RiskText.h"              // riskintake (issue 16)
#include "services/CaseService.h"
#include "services/CrisisService.h" // crisis (issue 16)
#include "workers/DatabaseWorker.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace {
/** "follow_up" -> "followUpActionButton": the name tests and translators find the button by. */
QString buttonName(CaseAction action)
{
    const QStringList parts = CaseActions::code(action).split(QLatin1Char('_'));
    QString name = parts.value(0);
    for (qsizetype i = 1; i < parts.size(); ++i) {
        name += parts.at(i).left(1).toUpper() + parts.at(i).mid(1);
    }
    return name + QStringLiteral("ActionButton");
}
} // namespace

CaseViewWidget::CaseViewWidget(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker,
                               const Clock& clock, qint64 caseId, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CaseViewWidget>())
    , m_cases(cases)
    , m_reference(reference)
    , m_worker(worker)
    , m_clock(clock)
    , m_caseId(caseId)
{
    m_ui->setupUi(this);
    // The details side carries the clocks, transfer and follow-up panels: half the width, so that the clocks'
    // due times and explanations are not cut off.
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);
    auto* header = m_ui->timelineTreeWidget->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(4, QHeaderView::Stretch);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &CaseViewWidget::reload);
    m_ui->amendButton->setVisible(m_cases.session().can(Permission::WorkCase));
    m_ui->amendButton->setEnabled(false);
    connect(m_ui->amendButton, &QPushButton::clicked, this, &CaseViewWidget::amendIntake);
    // issue 14: a systemic cause seen on the case goes to the improvement register (supervisors).
    m_improvementButton = new QPushButton(this);
    m_improvementButton->setObjectName(QStringLiteral("improvementButton"));
    m_improvementButton->setAutoDefault(false);
    auto* improvementMenu = new QMenu(m_improvementButton);
    m_newImprovement = improvementMenu->addAction(QString());
    m_newImprovement->setObjectName(QStringLiteral("newImprovementAction"));
    m_addToImprovement = improvementMenu->addAction(QString());
    m_addToImprovement->setObjectName(QStringLiteral("addToImprovementAction"));
    m_improvementButton->setMenu(improvementMenu);
    m_improvementButton->setVisible(m_cases.session().can(Permission::ManageImprovements));
    m_improvementButton->setEnabled(false);
    m_ui->headerLayout->insertWidget(m_ui->headerLayout->indexOf(m_ui->amendButton), m_improvementButton);
    connect(m_newImprovement, &QAction::triggered, this, [this] {
        if (m_case.id != 0) {
            emit improvementRequested(m_case);
        }
    });
    connect(m_addToImprovement, &QAction::triggered, this, [this] {
        if (m_case.id != 0) {
            emit addToImprovementRequested(m_case);
        }
    });
    // crisis (issue 16): crisis mode for supervisors and admins; everyone who reads the case sees that it is in one.
    m_crisisButton = new QPushButton(this);
    m_crisisButton->setObjectName(QStringLiteral("crisisButton"));
    m_crisisButton->setAutoDefault(false);
    m_crisisButton->setVisible(m_cases.session().can(Permission::ManageCrises));
    m_crisisButton->setEnabled(false);
    m_ui->headerLayout->insertWidget(m_ui->headerLayout->indexOf(m_ui->amendButton), m_crisisButton);
    connect(m_crisisButton, &QPushButton::clicked, this, &CaseViewWidget::openCrisisMode);
    m_crisisLabel = new QLabel(this);
    m_crisisLabel->setObjectName(QStringLiteral("crisisLabel"));
    m_crisisLabel->setWordWrap(true);
    m_crisisLabel->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_crisisLabel->hide();
    m_ui->mainLayout->insertWidget(1, m_crisisLabel);
    retranslateImprovement();
    // issue 12, helper "sla": the clocks panel below the details; a pause or resume shows as any other change.
    m_clocks = new CaseClocksWidget(m_cases.session(), m_worker, m_ui->detailsContents);
    m_clocks->setObjectName(QStringLiteral("caseClocksWidget"));
    m_ui->detailsLayout->insertWidget(1, m_clocks);
    connect(m_clocks, &CaseClocksWidget::caseChanged, this, &CaseViewWidget::applyUpdate);
    // followup (issue 12): the follow-up panel under the details; a saved stage or appeal reads the case again.
    m_followUpPanel = new RectificationPanel(m_cases.session(), m_worker, m_ui->detailsContents);
    m_followUpPanel->setObjectName(QStringLiteral("rectificationPanel"));
    m_ui->detailsLayout->insertWidget(1, m_followUpPanel);
    connect(m_followUpPanel, &RectificationPanel::caseChanged, this, [this] { load(true); });
    // supervise (issue 12): the deadline badge and reminders, under the header.
    m_supervision = new SupervisionPanel(m_cases.session(), m_worker, m_clock, this);
    m_supervision->setObjectName(QStringLiteral("supervisionPanel"));
    m_ui->mainLayout->insertWidget(1, m_supervision);
    connect(m_supervision, &SupervisionPanel::reminded, this, &CaseViewWidget::applyUpdate);
    // transfer (issue 12): transfers with sign-for and return, extensions; below the details.
    m_transferPanel = new TransferPanel(m_cases.session(), m_reference, m_worker, m_ui->detailsContents);
    m_ui->detailsLayout->insertWidget(1, m_transferPanel);
    connect(m_transferPanel, &TransferPanel::caseChanged, this, &CaseViewWidget::applyUpdate);
    // riskintake (issue 16): the risk badge (level and score) in the header, and the button that explains it.
    m_riskBadge = new QLabel(this);
    m_riskBadge->setObjectName(QStringLiteral("riskBadgeLabel"));
    m_riskButton = new QPushButton(this);
    m_riskButton->setObjectName(QStringLiteral("riskExplainButton"));
    m_riskButton->setAutoDefault(false);
    m_riskButton->setEnabled(false);
    m_ui->headerLayout->insertWidget(m_ui->headerLayout->indexOf(m_ui->statusLabel) + 1, m_riskBadge);
    m_ui->headerLayout->insertWidget(m_ui->headerLayout->indexOf(m_riskBadge) + 1, m_riskButton);
    connect(m_riskButton, &QPushButton::clicked, this, &CaseViewWidget::openRiskExplanation);
    reload();
}

// riskintake (issue 16)
void CaseViewWidget::showRisk()
{
    const Case& c = m_case;
    if (c.id == 0) {
        m_riskBadge->clear();
    } else if (c.riskLevel) {
        m_riskBadge->setText(RiskText::levelAndScore(*c.riskLevel, c.riskScore.value_or(0)));
        m_riskBadge->setToolTip(c.riskSignals.isEmpty() ? QString() : RiskText::signalLabels(c.riskSignals));
    } else {
        m_riskBadge->setText(tr("Risk not scored yet"));
        m_riskBadge->setToolTip(QString());
    }
    m_riskBadge->setStyleSheet(c.riskLevel ? RiskText::levelStyle(*c.riskLevel) : QString());
    m_riskButton->setText(tr("&Why this risk?"));
    m_riskButton->setToolTip(tr("Which words, which signal, what weight"));
    m_riskButton->setEnabled(c.id != 0);
}

void CaseViewWidget::openRiskExplanation()
{
    if (m_case.id == 0) {
        return;
    }
    auto* dialog = new RiskExplanationDialog(m_cases.session(), m_worker, m_case.id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    emit riskExplanationOpened(dialog);
}

CaseViewWidget::~CaseViewWidget() = default;

void CaseViewWidget::reload()
{
    load(false);
}

void CaseViewWidget::load(bool changed)
{
    FormHelpers::clearError(m_ui->errorLabel);
    setBusy(true, tr("Loading…"));
    m_worker.runLatest(
        this, m_request,
        [session = m_cases.session(), id = m_caseId](const WorkerScope& scope) -> Result<Snapshot> {
            CaseService cases(session, scope.repos, scope.clock);
            auto found = cases.get(id);
            if (!found) {
                return found.error();
            }
            Snapshot snapshot;
            snapshot.value = *found;
            if (session.can(Permission::ViewPersonalData) && !snapshot.value.isAnonymous()) {
                snapshot.citizen = cases.citizen(id);
            }
            snapshot.timeline = cases.timeline(id);
            if (scope.repos.crises && scope.repos.audit) { // crisis (issue 16)
                if (auto crisis = CrisisService(session, scope.repos, scope.clock).crisisOfCase(id)) {
                    snapshot.crisis = *crisis;
                }
            }
            return snapshot;
        },
        [this, changed](const Result<Snapshot>& snapshot) { applySnapshot(snapshot, changed); });
}

void CaseViewWidget::applySnapshot(const Result<Snapshot>& snapshot, bool changed)
{
    setBusy(false);
    if (!snapshot) {
        FormHelpers::showError(m_ui->errorLabel, snapshot.error().message);
        m_case = Case();
        m_citizen.reset();
        m_timeline = QList<CaseEvent>();
        m_crisis.reset();
    } else {
        m_case = snapshot->value;
        m_citizen = snapshot->citizen;
        m_timeline = snapshot->timeline;
        m_crisis = snapshot->crisis;
    }
    showCrisis(); // crisis (issue 16)
    showCase();
    showCitizen();
    showTimeline();
    rebuildActions();
    m_clocks->setCase(m_case);        // issue 12, helper "sla"
    m_followUpPanel->setCase(m_case); // followup (issue 12)
    m_supervision->setCase(m_case);   // supervise
    m_transferPanel->setCase(m_case); // transfer (issue 12)
    m_ui->amendButton->setEnabled(!m_busy && m_case.id != 0);
    m_improvementButton->setEnabled(m_case.id != 0);
    if (changed && m_case.id != 0) {
        emit caseChanged(m_case);
    }
    emit loaded();
}

void CaseViewWidget::setBusy(bool busy, const QString& what)
{
    m_busy = busy;
    m_ui->refreshButton->setEnabled(!busy);
    m_ui->amendButton->setEnabled(!busy && m_case.id != 0);
    m_ui->actionButtonsWidget->setEnabled(!busy);
    if (busy) {
        m_ui->actionsLabel->setText(what);
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
    }
}

void CaseViewWidget::showCase()
{
    const Case& c = m_case;
    using FormHelpers::dateTime;
    using FormHelpers::refName;
    m_ui->caseNoLabel->setText(c.caseNo);
    m_ui->statusLabel->setText(c.id ? CaseStatuses::label(c.status) : QString());
    m_ui->statusLabel->setVisible(c.id != 0);
    showRisk(); // riskintake (issue 16)
    // Overdue (or nearly due) is said once, by the supervision panel's badge (colour, icon and text) under the header.

    m_ui->channelValueLabel->setText(c.id ? Channels::label(c.channel) : FormHelpers::dash());
    m_ui->windowValueLabel->setText(refName(c.window));
    m_ui->serviceItemValueLabel->setText(refName(c.serviceItem));
    m_ui->categoryValueLabel->setText(refName(c.category));
    QString department = refName(c.department);
    if (c.transferCount > 0) {
        department = tr("%1 (transferred %n time(s))", "", c.transferCount).arg(department);
    }
    m_ui->departmentValueLabel->setText(department);
    m_ui->assigneeValueLabel->setText(refName(c.assignee));
    m_ui->waitedValueLabel->setText(c.waitedMinutes ? tr("%n minute(s)", "", *c.waitedMinutes) : tr("Not recorded"));
    m_ui->receivedValueLabel->setText(dateTime(c.receivedAt));
    m_ui->dueValueLabel->setText(dateTime(c.dueAt));
    m_ui->acknowledgedValueLabel->setText(dateTime(c.acknowledgedAt));
    m_ui->resolvedValueLabel->setText(dateTime(c.resolvedAt));
    QString rating = FormHelpers::dash();
    if (c.rating && c.nps) {
        rating = tr("%1 of 5, recommendation %2 of 10").arg(*c.rating).arg(*c.nps);
    } else if (c.rating) {
        rating = tr("%1 of 5").arg(*c.rating);
    }
    if (c.rating && c.ratingExcluded) { // followup (issue 12): an approved appeal left it out of CSAT and NPS
        rating = tr("%1 — left out of the figures after an appeal").arg(rating);
    }
    m_ui->ratingValueLabel->setText(rating);

    m_ui->complaintPlainTextEdit->setPlainText(c.complaintText);
    const auto orDash = [](const QString& text) {
        return text.trimmed().isEmpty() ? FormHelpers::dash() : text;
    };
    m_ui->factsValueLabel->setText(orDash(c.facts));
    m_ui->impactValueLabel->setText(orDash(c.impact));
    m_ui->stepsValueLabel->setText(orDash(c.steps));

    // What the guided intake confirmed (empty for cases recorded before it).
    const IntakeDetail& d = c.intake;
    const auto labelOf = [](const auto& value) {
        return value ? IntakeCodes::label(*value) : QString();
    };
    const auto joined = [&orDash](const QStringList& parts) {
        QStringList present;
        for (const QString& p : parts) {
            if (!p.isEmpty()) {
                present << p;
            }
        }
        return orDash(present.join(QStringLiteral(" · ")));
    };
    m_ui->emotionValueLabel->setText(orDash(labelOf(d.emotion)));
    m_ui->demandValueLabel->setText(orDash(d.impact.demand));
    m_ui->classificationValueLabel->setText(
        joined({labelOf(d.impact.severity), labelOf(d.impact.scope), labelOf(d.impact.recurrence)}));
    m_ui->judgementValueLabel->setText(joined({labelOf(d.impact.reasonableness), labelOf(d.impact.responsibility)}));
    QStringList remedies;
    for (Remedy r : d.steps.remedies) {
        remedies << IntakeCodes::label(r);
    }
    QString remedyText = remedies.join(QStringLiteral("、"));
    if (!d.steps.remedyNote.isEmpty()) {
        remedyText = remedyText.isEmpty() ? d.steps.remedyNote : tr("%1 (%2)").arg(remedyText, d.steps.remedyNote);
    }
    if (d.resolvedOnSpot) {
        remedyText = tr("Resolved on the spot: %1").arg(remedyText);
    }
    m_ui->remediesValueLabel->setText(orDash(remedyText));
    QString promised = c.promisedAt.isValid() ? dateTime(c.promisedAt) : QString();
    if (!d.steps.promiseReason.isEmpty()) {
        promised = tr("%1 (later because: %2)").arg(promised, d.steps.promiseReason);
    }
    m_ui->promisedValueLabel->setText(orDash(promised));
    m_ui->replyValueLabel->setText(orDash(d.steps.replyText));
}

void CaseViewWidget::amendIntake()
{
    if (m_case.id == 0 || m_busy) {
        return;
    }
    auto* dialog = new AmendIntakeDialog(m_cases.session(), m_worker, m_case, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto& amended = dialog->amendedCase()) {
            applyUpdate(*amended);
        }
    });
    dialog->open();
}

void CaseViewWidget::showCitizen()
{
    QString note;
    bool showFields = false;
    if (m_case.id == 0) {
        note = FormHelpers::dash();
    } else if (!m_cases.session().can(Permission::ViewPersonalData)) {
        note = tr("Hidden: your role may not read citizens' personal data.");
    } else if (m_case.isAnonymous()) {
        note = tr("Anonymous complaint: no personal data was recorded.");
    } else if (!m_citizen) {
        note = FormHelpers::dash();
    } else {
        const auto& citizen = *m_citizen;
        if (!citizen) {
            note = citizen.error().message;
        } else {
            showFields = true;
            const auto orDash = [](const QString& text) {
                return text.isEmpty() ? FormHelpers::dash() : text;
            };
            m_ui->citizenNameValueLabel->setText(orDash(citizen->name));
            m_ui->citizenPhoneValueLabel->setText(orDash(citizen->phone));
            m_ui->citizenIdNumberValueLabel->setText(orDash(citizen->idNumber));
            m_ui->citizenAddressValueLabel->setText(orDash(citizen->address));
        }
    }
    m_ui->citizenNoteLabel->setText(note);
    m_ui->citizenNoteLabel->setVisible(!note.isEmpty());
    for (int row = 0; row < m_ui->citizenFormLayout->rowCount(); ++row) {
        m_ui->citizenFormLayout->setRowVisible(row, showFields);
    }
}

void CaseViewWidget::showTimeline()
{
    m_ui->timelineTreeWidget->clear();
    if (m_case.id == 0) {
        return;
    }
    const auto& events = m_timeline;
    if (!events) {
        FormHelpers::showError(m_ui->errorLabel, events.error().message);
        return;
    }
    for (const auto& event : *events) {
        QString statusChange;
        if (event.toStatus && (!event.fromStatus || *event.fromStatus != *event.toStatus)) {
            statusChange = event.fromStatus
                               ? tr("%1 → %2", "status change")
                                     .arg(CaseStatuses::label(*event.fromStatus), CaseStatuses::label(*event.toStatus))
                               : CaseStatuses::label(*event.toStatus);
        }
        auto* item = new QTreeWidgetItem(m_ui->timelineTreeWidget,
                                         {FormHelpers::dateTime(event.at), event.actor.name,
                                          CaseEventKinds::label(event.kind), statusChange, event.note});
        item->setToolTip(4, event.note);
        item->setData(0, Qt::UserRole, event.id);
    }
    m_ui->timelineTreeWidget->scrollToBottom();
}

void CaseViewWidget::rebuildActions()
{
    auto* layout = m_ui->actionButtonsLayout;
    while (QLayoutItem* item = layout->takeAt(0)) {
        if (QWidget* old = item->widget()) {
            // The button may be the sender of the signal being handled: let the event loop delete it.
            old->setObjectName(QString());
            old->hide();
            old->deleteLater();
        }
        delete item;
    }
    const QList<CaseAction> actions = m_case.id ? m_cases.availableActions(m_case) : QList<CaseAction>();
    for (CaseAction action : actions) {
        QString text = CaseActions::label(action);
        if (CaseActionDialog::needsInput(action)) {
            text = tr("%1…", "button that opens a dialog").arg(text);
        }
        auto* button = new QPushButton(text, m_ui->actionButtonsWidget);
        button->setObjectName(buttonName(action));
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, action] { runAction(action); });
        layout->addWidget(button);
    }
    m_ui->actionsLabel->setText(actions.isEmpty() ? tr("No action is open to you on this case.") : tr("Actions:"));
}

void CaseViewWidget::runAction(CaseAction action)
{
    FormHelpers::clearError(m_ui->errorLabel);
    if (action == CaseAction::FollowUp) { // followup (issue 12): the follow-up form with attempts and rectification
        auto* dialog = new FollowUpDialog(m_cases.session(), m_worker, m_case, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            if (dialog->updatedCase()) {
                applyUpdate(*dialog->updatedCase());
            }
        });
        dialog->open();
        return;
    }
    if (action == CaseAction::Transfer) { // transfer (issue 12): with the reason, then sign-for or return
        m_transferPanel->transfer();
        return;
    }
    if (!CaseActionDialog::needsInput(action)) {
        // Saved on the worker: a desk that holds the write lock makes this tab wait, not the window.
        CaseCommand command;
        command.action = action;
        setBusy(true, BusyIndicator::savingText());
        // Another desk may hold the write lock: after a moment, say that this tab waits for it.
        QTimer::singleShot(BusyIndicator::kWaitingNoticeMs, this, [this, generation = ++m_saveGeneration] {
            if (m_busy && generation == m_saveGeneration) {
                m_ui->actionsLabel->setText(BusyIndicator::waitingText());
            }
        });
        m_request.invalidate(); // a read still on its way would show the case from before the action
        m_worker.run(this, CaseJobs::perform(m_cases.session(), m_case.id, command),
                     [this](const Result<Case>& result) {
                         ++m_saveGeneration;
                         setBusy(false);
                         if (!result) {
                             FormHelpers::showError(m_ui->errorLabel, result.error().message);
                             rebuildActions();
                             return;
                         }
                         applyUpdate(*result);
                     });
        return;
    }
    auto* dialog = new CaseActionDialog(m_cases, m_reference, m_worker, m_case, action, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->updatedCase()) {
            applyUpdate(*dialog->updatedCase());
        }
    });
    dialog->open();
}

void CaseViewWidget::applyUpdate(const Case& updated)
{
    // Show the new state at once; the timeline (and citizen) follow from the worker.
    m_case = updated;
    showCase();
    rebuildActions();
    emit caseChanged(m_case);
    load(false);
}

void CaseViewWidget::retranslateImprovement()
{
    m_improvementButton->setText(tr("Im&provement"));
    m_improvementButton->setToolTip(tr("A systemic cause behind this case: open an improvement action from it, "
                                       "or add it to an open one."));
    m_newImprovement->setText(tr("New improvement action…"));
    m_addToImprovement->setText(tr("Add to an existing action…"));
    m_crisisButton->setText(tr("Cr&isis mode…"));
    m_crisisButton->setToolTip(tr("Public-opinion crisis: open the crisis of this case, or start one for it (the "
                                  "golden-hours clock, checklist and statements)."));
}

// crisis (issue 16)
void CaseViewWidget::showCrisis()
{
    m_crisisButton->setEnabled(m_case.id != 0);
    const bool inOpenCrisis = m_crisis && m_crisis->isOpen();
    m_crisisLabel->setVisible(inOpenCrisis);
    if (inOpenCrisis) {
        m_crisisLabel->setText(
            tr("In crisis mode since %1: %2").arg(FormHelpers::dateTime(m_crisis->openedAt), m_crisis->title));
    }
}

void CaseViewWidget::openCrisisMode()
{
    if (m_case.id == 0 || m_busy) {
        return;
    }
    const Session& session = m_cases.session();
    const auto show = [this, session](qint64 crisisId) {
        CrisisWidget* page = CrisisWidget::showWindow(session, m_worker, m_clock, crisisId, this);
        connect(page, &CrisisWidget::crisisChanged, this, &CaseViewWidget::reload, Qt::UniqueConnection);
    };
    if (m_crisis && m_crisis->isOpen()) {
        show(m_crisis->id);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Crisis mode"),
                                tr("Start crisis mode for case %1? The golden-hours clock to the first public "
                                   "statement starts now.")
                                    .arg(m_case.caseNo),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("startCrisisMessageBox"));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, session, show](int answer) {
        if (answer != QMessageBox::Yes) {
            return;
        }
        setBusy(true, tr("Starting crisis mode…"));
        m_worker.run(
            this,
            [session, id = m_case.id](const WorkerScope& scope) {
                return CrisisService(session, scope.repos, scope.clock).open({id});
            },
            [this, show](const Result<CrisisDetail>& opened) {
                setBusy(false);
                if (!opened) {
                    FormHelpers::showError(m_ui->errorLabel, opened.error().message);
                    return;
                }
                show(opened->crisis.id);
                load(false);
            });
    });
    box->open();
}

void CaseViewWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateImprovement();
        showCase();
        showCitizen();
        showTimeline();
        rebuildActions();
    }
    QWidget::changeEvent(event);
}
