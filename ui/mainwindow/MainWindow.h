#pragma once

#include "imports/Import.h"
#include "repositories/Repositories.h"
#include "users/Session.h"

#include <QList>
#include <QMainWindow>

#include <memory>

class RiskAlertBanner; // riskintake (issue 16)
class RiskQueueWidget; // riskintake (issue 16)
class AppSettings;
class CaseService;
class CaseWorkspaceWidget;
class DashboardWidget;
class Clock;
class DatabaseWorker;
class ImprovementRegisterWidget;
class TrainingLibraryWidget;
class PasswordHasher;
class QLabel;
class ReferenceService;
class UserService;

namespace Ui {
class MainWindow;
}

/**
 * The application window: role-aware navigation between Cases, Training, Users, Reference data, Response scripts,
 * Audit log and Settings.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page
    {
        Cases,
        Training,
        Users,
        ReferenceData,
        ReplyRules,
        AuditLog,
        Settings,
        Scripts,       ///< the response-script library (话术库), after Reference data in the navigation
        DeadlineRules, ///< issue 12, helper "sla": the SLA policy (admins), after Response scripts
        Improvements,  ///< register (issue 14): the improvement register (整改台账), supervisors
        Dashboard,     ///< issue 14, helper "dashui": the supervisor's dashboard (ViewFigures), after Cases
        RiskQueue,     ///< riskintake (issue 16): the supervisors' risk queue and high-risk alerts
        RiskRules,     ///< riskintake (issue 16): the admins' editor of the risk rules
        Crises,        ///< crisis (issue 16): the open crises (ManageCrises: supervisors, admins)
    };

    /**
     * `repos` is the GUI thread's connection (quick reads and admin pages); `worker` runs the case list, case
     * views, case writes and the audit log on its own connection (docs/ARCHITECTURE.md, Threads and connections).
     */
    MainWindow(const Session& session, const Repositories& repos, const Clock& clock, const PasswordHasher& hasher,
               AppSettings& settings, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Session& session() const { return m_session; }
    /** Whether the session's role has the page. */
    bool hasPage(Page page) const;
    /** Shows the page if the role has it. */
    bool showPage(Page page);
    Page currentPage() const;
    /** The Cases page, or nullptr for roles without case access. */
    CaseWorkspaceWidget* caseWorkspace() const { return m_caseWorkspace; }
    /** register (issue 14): the improvement register, or nullptr for roles without it (newFromAlert for the dashboard).
     */
    ImprovementRegisterWidget* improvementRegister() const { return m_improvements; }
    TrainingLibraryWidget* trainingLibrary() const { return m_trainingLibrary; } // train15 (issue 15)
    /** The dashboard page (issue 14), or nullptr for roles without Permission::ViewFigures. */
    DashboardWidget* dashboard() const { return m_dashboard; }
    RiskQueueWidget* riskQueue() const { return m_riskQueue; }        // riskintake (issue 16)
    RiskAlertBanner* riskAlertBanner() const { return m_riskBanner; } // riskintake (issue 16)

signals:
    /** File ▸ Log out: the window closes right after; the application asks for a login again. */
    void logoutRequested();
    /**
     * A service found the account disabled or its role changed (Error::Code::SessionEnded): the application closes
     * the window and asks for a login again, showing `reason`.
     */
    void sessionEnded(const QString& reason);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct PageEntry
    {
        Page page;
        QWidget* widget;
    };

    void addPage(Page page, QWidget* widget);
    void retranslate();
    void saveWindowState();
    void logOut();
    void showAbout();
    /** import (issue 13): a CSV file, then the import dialog; a committed case import reloads the case list. */
    void startImport(DatabaseWorker& worker, Import::Kind kind);
    static QString pageTitle(Page page);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Session m_session;
    AppSettings& m_settings;
    std::unique_ptr<CaseService> m_caseService;
    std::unique_ptr<ReferenceService> m_referenceService;
    std::unique_ptr<UserService> m_userService;
    QList<PageEntry> m_pages;
    CaseWorkspaceWidget* m_caseWorkspace = nullptr;
    ImprovementRegisterWidget* m_improvements = nullptr; // register (issue 14)
    TrainingLibraryWidget* m_trainingLibrary = nullptr;  // train15 (issue 15)
    DashboardWidget* m_dashboard = nullptr;
    RiskQueueWidget* m_riskQueue = nullptr;  // riskintake (issue 16)
    RiskAlertBanner* m_riskBanner = nullptr; // riskintake (issue 16)
    QLabel* m_sessionLabel = nullptr;
};
