#pragma once

#include "cases/Case.h"
#include "cases/IntakeDraftJson.h"
#include "intake/IntakeContext.h"

#include <QWidget>

#include <optional>

class AppSettings;
class CaseListWidget;
class CaseService;
class CaseViewWidget;
class Clock;
class DatabaseWorker;
class IntakeWizard;
class QMessageBox;
class QTabWidget;
class ReferenceService;

/** The Cases page: the case list as the first tab, and each opened case in a closable tab of its own. */
class CaseWorkspaceWidget : public QWidget
{
    Q_OBJECT

public:
    /** `repos` is the GUI thread's connection, for the intake's reference combos (as `reference` uses). */
    CaseWorkspaceWidget(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker, const Clock& clock,
                        AppSettings& settings, const Repositories& repos, QWidget* parent = nullptr);

    CaseListWidget* listWidget() const { return m_list; }
    /** The tab that shows the case, or nullptr. */
    CaseViewWidget* viewOf(qint64 caseId) const;
    /** The open intake wizard, or nullptr. */
    IntakeWizard* intakeWizard() const { return m_wizard; }
    /** The box that offers the clerk's kept draft, while it is shown. */
    QMessageBox* draftOffer() const { return m_offer; }

public slots:
    /** Shows the case in its tab, opening one if needed. */
    void openCase(qint64 caseId);
    void closeCurrentCase();
    /** Opens the guided intake; a kept draft is offered first (continue, or discard and start anew). */
    void newCase();
    /** At the start of a session: offers a kept draft, if there is one (nothing happens otherwise). */
    void offerDraft();
    /** Opens the staff report form. */
    void staffReport();

signals:
    /** A short message for the status bar. */
    void statusMessage(const QString& message);
    /** issue 14: a case view asks for an improvement action from its case, or to add it to an open one. */
    void improvementRequested(const Case& c);
    void addToImprovementRequested(const Case& c);

protected:
    void changeEvent(QEvent* event) override;

private:
    void closeTab(int index);
    void retranslate();
    /** Shows the wizard, restoring `state` when given. */
    void openWizard(const std::optional<IntakeDraftState>& state);
    /** Asks what to do with the kept draft; `startNew` = "Discard" opens an empty wizard. */
    void askAboutDraft(bool startNew);

    CaseService& m_cases;
    ReferenceService& m_reference;
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    QTabWidget* m_tabs = nullptr;
    CaseListWidget* m_list = nullptr;
    IntakeContext m_intake;
    IntakeWizard* m_wizard = nullptr;
    QMessageBox* m_offer = nullptr;
};
