#include "cases/CaseWorkspaceWidget.h"

#include "cases/CaseListWidget.h"
#include "cases/CaseViewWidget.h"

#include <QEvent>
#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

CaseWorkspaceWidget::CaseWorkspaceWidget(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker,
                                         const Clock& clock, AppSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_cases(cases)
    , m_reference(reference)
    , m_worker(worker)
    , m_clock(clock)
{
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
