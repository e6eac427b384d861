#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "cases/CaseLifecycle.h"
#include "cases/Citizen.h"
#include "common/Result.h"
#include "crisis/Crisis.h" // crisis (issue 16)
#include "workers/LatestRequest.h"

#include <QWidget>

#include <memory>

class CaseClocksWidget; // issue 12, helper "sla"
class QAction;
class QLabel;
class QPushButton;
class RiskExplanationDialog;
Q_MOC_INCLUDE("risk/RiskExplanationDialog.h")
class CaseService;
class Clock;
class DatabaseWorker;
class ReferenceService;
class RectificationPanel;

class SupervisionPanel; // supervise (issue 12)
class TransferPanel;    // transfer (issue 12)

namespace Ui {
class CaseViewWidget;
}

/**
 * One case in full: details, complaint, citizen (for roles that may see it), timeline and the actions allowed now.
 * The case, its citizen and its timeline are read on the database worker, and actions are saved there: the tab
 * says it is loading or saving, and the window stays usable while another desk holds the database.
 */
class CaseViewWidget : public QWidget
{
    Q_OBJECT

public:
    /** What one read of the case brings back. */
    struct Snapshot
    {
        Case value;
        std::optional<Result<Citizen>> citizen; ///< nullopt when not read (role, anonymous)
        Result<QList<CaseEvent>> timeline = QList<CaseEvent>();
        std::optional<Crisis> crisis; ///< crisis (issue 16): the case's open crisis or its latest closed one
    };

    CaseViewWidget(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker, const Clock& clock,
                   qint64 caseId, QWidget* parent = nullptr);
    ~CaseViewWidget() override;

    qint64 caseId() const { return m_caseId; }
    /** The case as last loaded (id 0 if it could not be loaded). */
    const Case& currentCase() const { return m_case; }
    /** The case is being read or an action saved on the worker. */
    bool isBusy() const { return m_busy; }
    /** issue 14: "New improvement action…" and "Add to an existing action…" (ManageImprovements only). */
    QAction* newImprovementAction() const { return m_newImprovement; }
    QAction* addToImprovementAction() const { return m_addToImprovement; }
    /** crisis (issue 16): "Crisis mode…" (ManageCrises only) and the case's crisis as last loaded. */
    QPushButton* crisisButton() const { return m_crisisButton; }
    const std::optional<Crisis>& crisis() const { return m_crisis; }

public slots:
    /** Reads the case, its citizen and timeline again. */
    void reload();
    /** Opens the dialog that amends the facts, impact or steps (IntakeService::amend). */
    void amendIntake();
    /** crisis (issue 16): opens the case's open crisis, or asks to start one for the case. */
    void openCrisisMode();

signals:
    /** An action changed the case; the list shows the new state. */
    void caseChanged(const Case& updated);
    /** A read of the case finished (successfully or not). */
    void loaded();
    /**
     * issue 14: the supervisor sees a systemic cause behind the case and opens an improvement action from it, or
     * adds the case to an open one; the main window hands both to the improvement register.
     */
    void improvementRequested(const Case& c);
    void addToImprovementRequested(const Case& c);
    /** riskintake (issue 16): the explanation of the case's risk score was opened (tests find it here). */
    void riskExplanationOpened(RiskExplanationDialog* dialog);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showCase();
    void showCitizen();
    void showTimeline();
    void rebuildActions();
    void runAction(CaseAction action);
    void applyUpdate(const Case& updated);
    void applySnapshot(const Result<Snapshot>& snapshot, bool changed);
    /** Reads case, citizen and timeline on the worker; `changed` = emit caseChanged when it arrives. */
    void load(bool changed);
    void setBusy(bool busy, const QString& what = QString());
    void retranslateImprovement();
    void showRisk();            // riskintake (issue 16)
    void openRiskExplanation(); // riskintake (issue 16)
    void showCrisis(); // crisis (issue 16)

    std::unique_ptr<Ui::CaseViewWidget> m_ui;
    SupervisionPanel* m_supervision = nullptr; // supervise (issue 12): deadline badge, reminders (督办)
    CaseService& m_cases;
    ReferenceService& m_reference;
    DatabaseWorker& m_worker;
    LatestRequest m_request;
    bool m_busy = false;
    quint64 m_saveGeneration = 0; ///< tells a late "waiting" notice from the save it belongs to
    std::optional<Result<Citizen>> m_citizen;
    Result<QList<CaseEvent>> m_timeline = QList<CaseEvent>();
    const Clock& m_clock;
    qint64 m_caseId;
    Case m_case;
    CaseClocksWidget* m_clocks = nullptr;          ///< issue 12, helper "sla": the SLA clocks panel
    RectificationPanel* m_followUpPanel = nullptr; ///< followup (issue 12): ratings, rectification, appeals
    TransferPanel* m_transferPanel = nullptr;      ///< transfer (issue 12): transfers, sign-for, extensions
    QPushButton* m_improvementButton = nullptr;    ///< issue 14: the improvement register's menu (supervisors)
    QAction* m_newImprovement = nullptr;
    QAction* m_addToImprovement = nullptr;
    QLabel* m_riskBadge = nullptr;       ///< riskintake (issue 16): level and score of the case's text
    QPushButton* m_riskButton = nullptr; ///< riskintake (issue 16): opens RiskExplanationDialog
    QPushButton* m_crisisButton = nullptr; ///< crisis (issue 16): "Crisis mode…" (supervisors, admins)
    QLabel* m_crisisLabel = nullptr;       ///< crisis (issue 16): "In crisis mode since …" for everyone
    std::optional<Crisis> m_crisis;
};
