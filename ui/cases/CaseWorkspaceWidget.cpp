#include "cases/CaseWorkspaceWidget.h"

#include "cases/CaseListWidget.h"
#include "cases/CaseViewWidget.h"
#include "cases/IntakeDraftStore.h"
#include "intake/IntakeWizard.h"
#include "intake/StaffReportDialog.h"
#include "services/CaseService.h"

#include <QMessageBox>
#include <QPushButton>

#include <QEvent>
#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

CaseWorkspaceWidget::CaseWorkspaceWidget(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker,
                                         const Clock& clock, AppSettings& settings, const Repositories& repos,
                                         QWidget* parent)
    : QWidget(parent)
    , m_cases(cases)
    , m_reference(reference)
    , m_worker(worker)
    , m_clock(clock)
{
    m_intake.session = cases.session();
    m_intake.repos = repos;
    m_intake.clock = &clock;
    m_intake.worker = &worker;
    m_intake.reference = &reference;
    m_intake.settings = &settings;

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("caseTabWidget"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(false);
    layout->addWidget(m_tabs);

    m_list = new CaseListWidget(cases, reference, worker, clock, settings, m_tabs);
    m_list->setObjectName(QStringLiteral("caseListWidget"));
    m_tabs->addTab(m_list, QString());
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    retranslate();

    connect(m_list, &CaseListWidget::openCaseRequested, this, &CaseWorkspaceWidget::openCase);
    connect(m_list, &CaseListWidget::caseCreated, this, [this](const Case& created) {
        emit statusMessage(tr("Case %1 recorded. Press Enter to open it.").arg(created.caseNo));
    });
    connect(m_list, &CaseListWidget::newCaseRequested, this, &CaseWorkspaceWidget::newCase);
    connect(m_list, &CaseListWidget::staffReportRequested, this, &CaseWorkspaceWidget::staffReport);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &CaseWorkspaceWidget::closeTab);
    auto* close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &CaseWorkspaceWidget::closeCurrentCase);
}

CaseViewWidget* CaseWorkspaceWidget::viewOf(qint64 caseId) const
{
    for (int i = 1; i < m_tabs->count(); ++i) {
        auto* view = qobject_cast<CaseViewWidget*>(m_tabs->widget(i));
        if (view && view->caseId() == caseId) {
            return view;
        }
    }
    return nullptr;
}

void CaseWorkspaceWidget::openCase(qint64 caseId)
{
    if (caseId == 0) {
        return;
    }
    if (auto* existing = viewOf(caseId)) {
        m_tabs->setCurrentWidget(existing);
        return;
    }
    auto* view = new CaseViewWidget(m_cases, m_reference, m_worker, m_clock, caseId, m_tabs);
    connect(view, &CaseViewWidget::caseChanged, m_list, &CaseListWidget::showChangedCase);
    connect(view, &CaseViewWidget::caseChanged, this, [this](const Case& updated) {
        emit statusMessage(tr("Case %1 is now \"%2\".").arg(updated.caseNo, CaseStatuses::label(updated.status)));
    });
    connect(view, &CaseViewWidget::improvementRequested, this, &CaseWorkspaceWidget::improvementRequested);
    connect(view, &CaseViewWidget::addToImprovementRequested, this, &CaseWorkspaceWidget::addToImprovementRequested);
    // The case arrives from the worker: the tab is named "Case" until then.
    const int index = m_tabs->addTab(view, tr("Case"));
    connect(view, &CaseViewWidget::loaded, this, [this, view] {
        const int at = m_tabs->indexOf(view);
        if (at > 0 && !view->currentCase().caseNo.isEmpty()) {
            m_tabs->setTabText(at, view->currentCase().caseNo);
            m_tabs->setTabToolTip(at, view->currentCase().summary(200));
        }
    });
    m_tabs->setCurrentIndex(index);
}

void CaseWorkspaceWidget::closeCurrentCase()
{
    closeTab(m_tabs->currentIndex());
}

void CaseWorkspaceWidget::closeTab(int index)
{
    if (index <= 0) {
        return; // the list stays
    }
    QWidget* page = m_tabs->widget(index);
    m_tabs->removeTab(index);
    page->deleteLater();
    m_tabs->setCurrentIndex(qMin(index, m_tabs->count() - 1));
}

void CaseWorkspaceWidget::newCase()
{
    if (!m_cases.session().can(Permission::CreateCase)) {
        return;
    }
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    if (IntakeDraftStore(m_intake.draftFolder(), m_intake.session.login()).exists()) {
        askAboutDraft(true);
        return;
    }
    openWizard(std::nullopt);
}

void CaseWorkspaceWidget::offerDraft()
{
    if (m_wizard || m_offer || !m_cases.session().can(Permission::CreateCase) ||
        !IntakeDraftStore(m_intake.draftFolder(), m_intake.session.login()).exists()) {
        return;
    }
    askAboutDraft(false);
}

void CaseWorkspaceWidget::askAboutDraft(bool startNew)
{
    if (m_offer) {
        return;
    }
    const IntakeDraftStore store(m_intake.draftFolder(), m_intake.session.login());
    const auto kept = store.load();
    if (!kept) {
        // Unreadable (a newer format, or damaged): left on disk for inspection, never offered as empty.
        emit statusMessage(tr("A kept intake draft could not be read: %1").arg(store.filePath()));
        if (startNew) {
            openWizard(std::nullopt);
        }
        return;
    }
    const QString words = kept->draft.base.complaintText.trimmed().left(60);
    m_offer = new QMessageBox(QMessageBox::Question, tr("Unfinished intake"),
                              tr("An intake you had not finished was kept (%1):\n\n“%2”\n\nContinue it now?")
                                  .arg(kept->savedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), words),
                              QMessageBox::NoButton, this);
    m_offer->setObjectName(QStringLiteral("draftOfferBox"));
    auto* resume = m_offer->addButton(tr("&Continue it"), QMessageBox::AcceptRole);
    resume->setObjectName(QStringLiteral("continueDraftButton"));
    auto* discard = m_offer->addButton(startNew ? tr("&Discard it and start anew") : tr("&Discard it"),
                                       QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardDraftButton"));
    auto* later = m_offer->addButton(tr("&Later"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("laterDraftButton"));
    m_offer->setDefaultButton(resume);
    m_offer->setEscapeButton(later);
    m_offer->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_offer, &QMessageBox::buttonClicked, this,
            [this, resume, discard, startNew, state = *kept](QAbstractButton* b) {
                m_offer = nullptr;
                if (b == resume) {
                    openWizard(state);
                } else if (b == discard) {
                    IntakeDraftStore(m_intake.draftFolder(), m_intake.session.login()).discard();
                    emit statusMessage(tr("The kept intake was discarded."));
                    if (startNew) {
                        openWizard(std::nullopt);
                    }
                }
            });
    connect(m_offer, &QObject::destroyed, this, [this] { m_offer = nullptr; });
    m_offer->open();
}

void CaseWorkspaceWidget::openWizard(const std::optional<IntakeDraftState>& state)
{
    m_wizard = new IntakeWizard(m_intake, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (state) {
        m_wizard->restore(*state);
    }
    connect(m_wizard, &IntakeWizard::caseSaved, m_list, &CaseListWidget::showCreatedCase);
    connect(m_wizard, &QDialog::rejected, this, [this] {
        if (m_wizard && !m_wizard->savedCase() && !m_wizard->isBlank()) {
            emit statusMessage(tr("The intake was kept as a draft; it is offered again next time."));
        }
    });
    connect(m_wizard, &QObject::destroyed, this, [this] { m_wizard = nullptr; });
    m_wizard->open();
}

void CaseWorkspaceWidget::staffReport()
{
    if (!m_cases.session().can(Permission::CreateCase)) {
        return;
    }
    auto* dialog = new StaffReportDialog(m_intake, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto& created = dialog->createdCase()) {
            m_list->showCreatedCase(*created);
            emit statusMessage(tr("Thank you for the report. It was recorded as case %1.").arg(created->caseNo));
        }
    });
    dialog->open();
}

void CaseWorkspaceWidget::retranslate()
{
    m_tabs->setTabText(0, tr("Case list"));
}

void CaseWorkspaceWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}
