#include "mainwindow/MainWindow.h"

#include "ui_MainWindow.h"

#include "admin/ReferenceDataWidget.h"
#include "admin/ReplyRuleWidget.h"
#include "admin/ScriptLibraryWidget.h"
#include "admin/SlaPolicyWidget.h" // issue 12, helper "sla"
#include "admin/UserAdminWidget.h"
#include "audit/AuditLogWidget.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseWorkspaceWidget.h"
#include "common/AppSettings.h"
#include "common/Clock.h"
#include "crisis/CrisisListWidget.h"               // crisis (issue 16)
#include "dashboard/DashboardWidget.h"             // dashboard (issue 14, helper "dashui")
#include "help/GuideDialog.h"                      // user guide (issue 17)
#include "imports/ImportDialog.h"                  // import (issue 13)
#include "improvement/ImprovementRegisterWidget.h" // register (issue 14)
#include "mainwindow/NotificationArea.h"           // supervise (issue 12)
#include "report/ReviewReportDialog.h"             // review report (issue 14, helper "report")
#include "risk/RiskAlertBanner.h"                  // riskintake (issue 16)
#include "risk/RiskQueueWidget.h"
#include "risk/RiskRulesWidget.h" // riskintake (issue 16)
#include "services/CaseService.h"
#include "services/ImprovementService.h"
#include "services/ReferenceService.h"
#include "services/RiskService.h" // riskintake (issue 16)
#include "services/UserService.h"
#include "settings/SettingsWidget.h"
#include "supervise/NoticeWatcher.h"
#include "training/DrillResultsWidget.h"    // drill15 (issue 15)
#include "training/DrillsPageWidget.h"      // drill15 (issue 15)
#include "training/TrainingLibraryWidget.h" // train15 (issue 15)
#include "workers/DatabaseWorker.h"

#include <QApplication>
#include <QVBoxLayout>

#include <QCloseEvent>
#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>

namespace {
constexpr int kStatusMessageMs = 6000;

/** review report (issue 14): the dialog for a range, over the worker, with the hall's name from the settings. */
void openReviewReport(QWidget* parent, const Session& session, AppSettings& settings, DatabaseWorker& worker,
                      const Dashboard::Range& range)
{
    auto* dialog = new ReviewReportDialog(
        ReviewReportDialog::serviceJob(session, settings.string(AppSettings::Key::HallName)), worker, range, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
} // namespace

MainWindow::MainWindow(const Session& session, const Repositories& repos, const Clock& clock,
                       const PasswordHasher& hasher, AppSettings& settings, DatabaseWorker& worker, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_session(session)
    , m_settings(settings)
    , m_caseService(std::make_unique<CaseService>(session, repos, clock))
    , m_referenceService(std::make_unique<ReferenceService>(session, repos, clock))
    , m_userService(std::make_unique<UserService>(session, repos, clock, hasher))
{
    m_ui->setupUi(this);
    // Every service holds a copy of the session; whichever finds it ended tells the window, from any thread.
    m_session.setEndedHandler([self = QPointer<MainWindow>(this)](const QString& reason) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, reason] {
                if (self) {
                    emit self->sessionEnded(reason);
                }
            },
            Qt::QueuedConnection);
    });

    if (m_session.can(Permission::ViewCases)) {
        m_caseWorkspace =
            new CaseWorkspaceWidget(*m_caseService, *m_referenceService, worker, clock, m_settings, repos, this);
        m_caseWorkspace->setObjectName(QStringLiteral("caseWorkspaceWidget"));
        connect(m_caseWorkspace, &CaseWorkspaceWidget::statusMessage, this,
                [this](const QString& message) { statusBar()->showMessage(message, kStatusMessageMs); });
        addPage(Page::Cases, m_caseWorkspace);
        // A half-filled intake kept from an earlier session (closed, or the desk crashed) is offered at once.
        QTimer::singleShot(0, m_caseWorkspace, &CaseWorkspaceWidget::offerDraft);
    }
    // dashboard (issue 14, helper "dashui"): the supervisor's figures and charts, read on the worker.
    if (DashboardJobs::allowed(m_session)) {
        DashboardJobs jobs = DashboardJobs::service(m_session);
        // The register's overdue actions (issue 14): the supervisor sees them next to the figures.
        jobs.overdueActions = [session = m_session](const WorkerScope& scope) -> Result<QList<OverdueAction>> {
            const auto overdue =
                ImprovementService(session, scope.repos, scope.clock).overdue(scope.clock.now().date());
            if (!overdue) {
                return overdue.error();
            }
            QList<OverdueAction> actions;
            for (const ImprovementAction& a : *overdue) {
                actions.append({a.title, a.owner.name, a.deadline});
            }
            return actions;
        };
        m_dashboard = new DashboardWidget(std::move(jobs), worker, clock, this);
        connect(m_dashboard, &DashboardWidget::statusMessage, this,
                [this](const QString& message) { statusBar()->showMessage(message, kStatusMessageMs); });
        if (m_caseWorkspace) {
            connect(m_dashboard, &DashboardWidget::openCaseRequested, this, [this](qint64 caseId) {
                showPage(Page::Cases);
                m_caseWorkspace->openCase(caseId);
            });
        }
        addPage(Page::Dashboard, m_dashboard);
    }
    // issue 15: Training holds the trainer's library (train15), the drills for everyone with RunDrills and the team's
    // results for ViewDrillResults (drill15), as tabs.
    if (m_session.can(Permission::ManageTraining) || m_session.can(Permission::RunDrills)) {
        auto* training = new QTabWidget(this);
        training->setObjectName(QStringLiteral("trainingTabWidget"));
        if (m_session.can(Permission::ManageTraining)) {
            m_trainingLibrary = new TrainingLibraryWidget(m_session, worker, training);
            m_trainingLibrary->setObjectName(QStringLiteral("trainingLibraryWidget"));
            training->addTab(m_trainingLibrary, tr("Library"));
        }
        if (m_session.can(Permission::RunDrills)) {
            auto* drills = new DrillsPageWidget(m_session, worker, clock, training);
            drills->setObjectName(QStringLiteral("drillsPageWidget"));
            training->addTab(drills, tr("Drills"));
        }
        if (m_session.can(Permission::ViewDrillResults)) {
            auto* results = new DrillResultsWidget(m_session, worker, clock, training);
            results->setObjectName(QStringLiteral("drillResultsWidget"));
            training->addTab(results, tr("Drill results"));
        }
        addPage(Page::Training, training);
    }
    if (m_session.can(Permission::ManageUsers)) {
        auto* users = new UserAdminWidget(*m_userService, m_session, worker, clock, this);
        users->setObjectName(QStringLiteral("userAdminWidget"));
        addPage(Page::Users, users);
    }
    if (m_session.can(Permission::ManageReferenceData)) {
        auto* reference = new ReferenceDataWidget(*m_referenceService, this);
        reference->setObjectName(QStringLiteral("referenceDataWidget"));
        addPage(Page::ReferenceData, reference);
        auto* replyRules = new ReplyRuleWidget(m_session, worker, this);
        replyRules->setObjectName(QStringLiteral("replyRuleWidget"));
        addPage(Page::ReplyRules, replyRules);
        auto* scripts = new ScriptLibraryWidget(m_session, worker, this);
        scripts->setObjectName(QStringLiteral("scriptLibraryWidget"));
        addPage(Page::Scripts, scripts);
        // issue 12, helper "sla"
        auto* deadlineRules = new SlaPolicyWidget(m_session, worker, this);
        deadlineRules->setObjectName(QStringLiteral("slaPolicyWidget"));
        addPage(Page::DeadlineRules, deadlineRules);
    }
    if (m_session.can(RiskService::kRulesPermission)) { // riskintake (issue 16)
        auto* riskRules = new RiskRulesWidget(m_session, worker, this);
        addPage(Page::RiskRules, riskRules);
        connect(riskRules, &RiskRulesWidget::statusMessage, this,
                [this](const QString& message) { statusBar()->showMessage(message, kStatusMessageMs); });
    }
    if (m_session.can(Permission::ViewAuditLog)) {
        auto* audit = new AuditLogWidget(m_session, worker, this);
        audit->setObjectName(QStringLiteral("auditLogWidget"));
        addPage(Page::AuditLog, audit);
    }
    // register (issue 14): the improvement register, for the roles that may read it.
    if (m_session.can(Permission::ManageImprovements) || m_session.can(Permission::ViewFigures)) {
        m_improvements = new ImprovementRegisterWidget(m_session, worker, clock, this);
        m_improvements->setObjectName(QStringLiteral("improvementRegisterWidget"));
        addPage(Page::Improvements, m_improvements);
        connect(m_improvements, &ImprovementRegisterWidget::openCaseRequested, this, [this](qint64 caseId) {
            if (m_caseWorkspace) {
                showPage(Page::Cases);
                m_caseWorkspace->openCase(caseId);
            }
        });
    }
    if (m_dashboard && m_improvements && m_session.can(Permission::ManageImprovements)) {
        // A systemic alert becomes an improvement action: the register's dialog, pre-filled with the alert's
        // category, item and cases (issue 14).
        connect(m_dashboard, &DashboardWidget::improvementRequested, m_improvements,
                [this](const Dashboard::SystemicAlert& alert) { m_improvements->newFromAlert(alert); });
    }
    if (m_dashboard && m_improvements) { // polish (issue 14): an action saved here shows on the dashboard at once
        connect(m_improvements, &ImprovementRegisterWidget::actionSaved, m_dashboard,
                &DashboardWidget::noteActionsChanged);
    }
    if (m_caseWorkspace && m_improvements && m_session.can(Permission::ManageImprovements)) {
        // polish (issue 14): a systemic cause seen on a case becomes an action, or joins an open one.
        connect(m_caseWorkspace, &CaseWorkspaceWidget::improvementRequested, m_improvements,
                &ImprovementRegisterWidget::newFromCase);
        connect(m_caseWorkspace, &CaseWorkspaceWidget::addToImprovementRequested, m_improvements,
                &ImprovementRegisterWidget::addCaseToAction);
    }
    // riskintake (issue 16): the risk queue and its alerts, for supervisors.
    if (m_caseWorkspace && m_session.can(RiskService::kSupervisePermission)) {
        m_riskQueue = new RiskQueueWidget(m_session, worker, this);
        addPage(Page::RiskQueue, m_riskQueue);
        connect(m_riskQueue, &RiskQueueWidget::openCaseRequested, this, [this](qint64 caseId) {
            showPage(Page::Cases);
            m_caseWorkspace->openCase(caseId);
        });
        connect(m_riskQueue, &RiskQueueWidget::statusMessage, this,
                [this](const QString& message) { statusBar()->showMessage(message, kStatusMessageMs); });
    }
    // crisis (issue 16): the open crises; each opens its crisis page in a window of its own.
    if (m_session.can(Permission::ManageCrises)) {
        auto* crises = new CrisisListWidget(m_session, worker, clock, this);
        crises->setObjectName(QStringLiteral("crisisListWidget"));
        addPage(Page::Crises, crises);
        connect(crises, &CrisisListWidget::openCaseRequested, this, [this](qint64 caseId) {
            if (m_caseWorkspace) {
                showPage(Page::Cases);
                m_caseWorkspace->openCase(caseId);
            }
        });
    }
    auto* settingsPage = new SettingsWidget(m_session, m_settings, worker, this);
    settingsPage->setObjectName(QStringLiteral("settingsWidget"));
    addPage(Page::Settings, settingsPage);

    m_sessionLabel = new QLabel(this);
    m_sessionLabel->setObjectName(QStringLiteral("sessionLabel"));
    m_sessionLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_sessionLabel);
    // supervise (issue 12): what other desks did on this desk's cases.
    if (m_caseWorkspace && m_session.userId() != 0) {
        auto* notices = new NotificationArea(m_session, worker, this);
        statusBar()->addPermanentWidget(notices);
        connect(notices, &NotificationArea::openCaseRequested, this, [this](qint64 caseId) {
            showPage(Page::Cases);
            m_caseWorkspace->openCase(caseId);
        });
        connect(notices, &NotificationArea::announce, this,
                [this](const QString& message) { statusBar()->showMessage(message, kStatusMessageMs); });
        if (m_dashboard) { // dashboard (issue 14): other desks' changes refresh the figures
            connect(notices->watcher(), &NoticeWatcher::eventsAdvanced, m_dashboard,
                    &DashboardWidget::noteCasesChanged);
            connect(notices->watcher(), &NoticeWatcher::improvementsChanged, m_dashboard,
                    &DashboardWidget::noteActionsChanged);
        }
        if (m_improvements) { // polish (issue 14): any desk's action write refreshes the register in place
            connect(notices->watcher(), &NoticeWatcher::improvementsChanged, m_improvements,
                    &ImprovementRegisterWidget::noteActionsChanged);
        }
        if (m_riskQueue) { // riskintake (issue 16): open high-risk alerts on any desk: a banner until taken
            // Above the navigation and the pages, across the window.
            QWidget* pages = takeCentralWidget();
            auto* holder = new QWidget(this);
            auto* holderLayout = new QVBoxLayout(holder);
            holderLayout->setContentsMargins(0, 0, 0, 0);
            holderLayout->setSpacing(0);
            m_riskBanner = new RiskAlertBanner(holder);
            holderLayout->addWidget(m_riskBanner);
            holderLayout->addWidget(pages, 1);
            setCentralWidget(holder);
            connect(notices->watcher(), &NoticeWatcher::riskAlertsChanged, m_riskBanner,
                    &RiskAlertBanner::setOpenCount);
            connect(notices->watcher(), &NoticeWatcher::riskAlertsChanged, m_riskQueue,
                    &RiskQueueWidget::noteAlertsChanged);
            connect(m_riskBanner, &RiskAlertBanner::openQueueRequested, this, [this] { showPage(Page::RiskQueue); });
            connect(m_riskBanner, &RiskAlertBanner::newAlert, this, [this] { QApplication::alert(this); });
            // Taken here: the banner follows at once, without waiting for the watcher's next look.
            connect(m_riskQueue, &RiskQueueWidget::alertTaken, notices->watcher(), &NoticeWatcher::check);
        }
    }

    // import (issue 13): File ▸ Import cases… / Import queue visits…, for the roles ImportService lets import.
    const bool mayImport = ImportJobs::allowed(m_session);
    m_ui->actionImportCases->setVisible(mayImport);
    m_ui->actionImportQueue->setVisible(mayImport);
    connect(m_ui->actionImportCases, &QAction::triggered, this,
            [this, w = &worker] { startImport(*w, Import::Kind::Cases); });
    connect(m_ui->actionImportQueue, &QAction::triggered, this,
            [this, w = &worker] { startImport(*w, Import::Kind::Queue); });

    // review report (issue 14, helper "report"): File ▸ Review report… and the dashboard's button, with ViewFigures.
    if (ReviewReportDialog::allowed(m_session)) {
        auto* reviewReport = new QAction(this);
        reviewReport->setObjectName(QStringLiteral("actionReviewReport"));
        m_ui->menuFile->insertAction(m_ui->actionLogOut, reviewReport);
        m_ui->menuFile->insertSeparator(m_ui->actionLogOut);
        connect(reviewReport, &QAction::triggered, this, [this, w = &worker, c = &clock] {
            const Dashboard::Range range = m_dashboard
                                               ? m_dashboard->range()
                                               : Dashboard::presetRange(Dashboard::Preset::Last30Days, c->now().date());
            openReviewReport(this, m_session, m_settings, *w, range);
        });
        if (m_dashboard) {
            m_dashboard->reviewReportButton()->show();
            connect(m_dashboard, &DashboardWidget::reviewReportRequested, this,
                    [this, w = &worker](const Dashboard::Range& range) {
                        openReviewReport(this, m_session, m_settings, *w, range);
                    });
        }
    }

    connect(m_ui->navigationListWidget, &QListWidget::currentRowChanged, m_ui->pagesStackedWidget,
            &QStackedWidget::setCurrentIndex);
    connect(m_ui->actionLogOut, &QAction::triggered, this, &MainWindow::logOut);
    connect(m_ui->actionQuit, &QAction::triggered, this, [this] {
        close();
        QCoreApplication::quit();
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    // The user guide (issue 17): the page of the signed-in role.
    connect(m_ui->actionGuide, &QAction::triggered, this, [this] {
        auto* guide = new GuideDialog(m_session.role(), this);
        guide->setAttribute(Qt::WA_DeleteOnClose);
        guide->show();
    });

    retranslate();
    m_ui->navigationListWidget->setCurrentRow(0);

    const QByteArray geometry = m_settings.value(AppSettings::Key::MainWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1200, 760);
    }
    restoreState(m_settings.value(AppSettings::Key::MainWindowState).toByteArray());
}

MainWindow::~MainWindow()
{
    m_session.setEndedHandler({});
}

void MainWindow::addPage(Page page, QWidget* widget)
{
    m_pages.append({page, widget});
    m_ui->pagesStackedWidget->addWidget(widget);
    auto* item = new QListWidgetItem(m_ui->navigationListWidget);
    item->setData(Qt::UserRole, static_cast<int>(page));
}

QString MainWindow::pageTitle(Page page)
{
    switch (page) {
    case Page::Cases:
        return tr("Cases");
    case Page::Training:
        return tr("Training");
    case Page::Users:
        return tr("Users");
    case Page::ReferenceData:
        return tr("Reference data");
    case Page::ReplyRules:
        return tr("Reply rules");
    case Page::Scripts:
        return tr("Response scripts");
    case Page::DeadlineRules: // issue 12, helper "sla"
        return tr("Deadline rules");
    case Page::AuditLog:
        return tr("Audit log");
    case Page::Improvements: // register (issue 14)
        return tr("Improvement register");
    case Page::Settings:
        return tr("Settings");
    case Page::Dashboard: // issue 14, helper "dashui"
        return tr("Dashboard");
    case Page::RiskQueue: // riskintake (issue 16)
        return tr("Risk queue");
    case Page::RiskRules: // riskintake (issue 16)
        return tr("Risk rules");
    case Page::Crises: // crisis (issue 16)
        return tr("Crises");
    }
    return {};
}

bool MainWindow::hasPage(Page page) const
{
    for (const auto& entry : m_pages) {
        if (entry.page == page) {
            return true;
        }
    }
    return false;
}

bool MainWindow::showPage(Page page)
{
    for (int row = 0; row < m_pages.size(); ++row) {
        if (m_pages.at(row).page == page) {
            m_ui->navigationListWidget->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

MainWindow::Page MainWindow::currentPage() const
{
    const int row = m_ui->pagesStackedWidget->currentIndex();
    return row >= 0 && row < m_pages.size() ? m_pages.at(row).page : Page::Settings;
}

void MainWindow::retranslate()
{
    for (int row = 0; row < m_pages.size(); ++row) {
        m_ui->navigationListWidget->item(row)->setText(pageTitle(m_pages.at(row).page));
    }
    const QString role = m_session.role() ? Roles::label(*m_session.role()) : tr("Command line");
    const QString who = m_session.displayName() == m_session.login()
                            ? m_session.login()
                            : tr("%1 (%2)", "display name (login)").arg(m_session.displayName(), m_session.login());
    m_sessionLabel->setText(tr("Signed in as %1 · %2").arg(who, role));
    if (auto* reviewReport = findChild<QAction*>(QStringLiteral("actionReviewReport"))) {
        reviewReport->setText(tr("&Review report…"));
    }
}

void MainWindow::startImport(DatabaseWorker& worker, Import::Kind kind)
{
    ImportDialog::chooseFile(this, ImportJobs::service(m_session), worker, kind, [this](ImportDialog* dialog) {
        connect(dialog, &ImportDialog::imported, this, [this](const Import::Report& report) {
            statusBar()->showMessage(tr("Import done. Records written: %1.").arg(QLocale().toString(report.imported)),
                                     kStatusMessageMs);
            if (m_caseWorkspace && report.kind == Import::Kind::Cases) {
                m_caseWorkspace->listWidget()->refresh();
            }
        });
    });
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(AppSettings::Key::MainWindowGeometry, saveGeometry());
    m_settings.setValue(AppSettings::Key::MainWindowState, saveState());
    m_settings.sync();
}

void MainWindow::logOut()
{
    emit logoutRequested();
    close();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Qingting"),
        tr("<h3>%1 %2</h3>"
           "<p>The complaint desk of a government service hall: every complaint heard, confirmed, resolved, "
           "followed up and learned from.</p>")
            .arg(windowTitle(), QStringLiteral(QINGTING_VERSION)));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}
