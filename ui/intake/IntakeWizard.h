#pragma once

#include "cases/Case.h"
#include "cases/IntakeDraftJson.h"
#include "intake/IntakeContext.h"
#include "reply/ReplyChecker.h"
#include "services/IntakeService.h"

#include <QHash>
#include <QWizard>

#include <memory>
#include <optional>

class IntakeDraftStore;
class IntakeFactsPage;
class IntakeImpactPage;
class IntakeListenPage;
class IntakePageBase;
class IntakeReviewPage;
class IntakeStepsPage;
class QTimer;
class RiskScorer;

/**
 * The guided intake (受理向导): Listen, Facts, Impact, Steps, Review, used with the citizen at the window. Every
 * lookup and the save run on the database worker; the window stays responsive and says what it waits for. The
 * half-filled intake is kept as a draft (every few seconds and on close) until the case is saved or the clerk
 * discards it. Keyboard only: Tab, the underlined accelerators, and Ctrl+Enter for the next page or saving.
 */
class IntakeWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        ListenPageId,
        FactsPageId,
        ImpactPageId,
        StepsPageId,
        ReviewPageId,
    };
    /** How often a changed draft is written while the wizard is open. */
    static constexpr int kAutosaveMs = 3000;

    IntakeWizard(const IntakeContext& context, QWidget* parent = nullptr);
    ~IntakeWizard() override;

    const IntakeContext& context() const { return m_context; }
    /** The GUI thread's service, for validation, the promise limit and restatements (no database access). */
    const IntakeService& service() const { return *m_service; }

    /** Everything entered so far. */
    IntakeDraft draft() const;
    IntakeDraftState state() const;
    /** Puts a saved draft back into the pages and shows the page the clerk was on. */
    void restore(const IntakeDraftState& state);
    /** Nothing entered yet (a draft of it would be empty). */
    bool isBlank() const;

    /** The page's problems with the draft as entered now. */
    QList<FieldProblem> problems(IntakePage page) const;
    /** The case as stored, once saved. */
    const std::optional<Case>& savedCase() const { return m_saved; }
    bool isSaving() const { return m_saving; }
    /** Writes the draft now (when there is one and the case is not saved yet). */
    void saveDraft();
    /** The store of this clerk's draft. */
    const IntakeDraftStore& draftStore() const { return *m_store; }

    /** The active reply rules (loaded once when the wizard opens). */
    const QList<ReplyRule>& replyRules() const { return m_rules; }
    /** Values for the script placeholders ({称呼}, {事项}, {承诺时间}, ...) from the draft as entered now. */
    QHash<QString, QString> placeholderValues() const;
    /** The display name of a choice in the reference combos (window, item, category, department). */
    QString windowName(qint64 id) const;
    QString serviceItemName(qint64 id) const;
    QString departmentName(qint64 id) const;
    QString categoryName(qint64 id) const;

    /**
     * The risk of the text typed so far (issue 16): the citizen's words, the facts and the impact, scored in the
     * GUI thread (microseconds) with the rules in force, loaded through the worker (the built-in ones until then).
     */
    const RiskResult& risk() const { return m_risk; }
    /** Whether the rules in force arrived from the worker (until then the built-in ones score). */
    bool riskRulesLoaded() const { return m_riskRulesLoaded; }

    IntakeListenPage* listenPage() const { return m_listen; }
    IntakeFactsPage* factsPage() const { return m_facts; }
    IntakeImpactPage* impactPage() const { return m_impact; }
    IntakeStepsPage* stepsPage() const { return m_steps; }
    IntakeReviewPage* reviewPage() const { return m_review; }

    void done(int result) override;

signals:
    /** The case was stored (the wizard stays open for the receipt). */
    void caseSaved(const Case& saved);
    /** The reply rules arrived from the worker. */
    void replyRulesLoaded();
    /** The typed text was scored again (issue 16). */
    void riskChanged(const RiskResult& risk);
    /** The risk rules in force arrived from the worker. */
    void riskRulesArrived();

protected:
    bool validateCurrentPage() override;
    void changeEvent(QEvent* event) override;

private:
    void goOn();
    void startSaving();
    void retranslate();
    void markEdited();
    void updateRisk();
    QString nameIn(const char* comboName, qint64 id) const;

    IntakeContext m_context;
    std::unique_ptr<IntakeService> m_service;
    std::unique_ptr<IntakeDraftStore> m_store;
    IntakeListenPage* m_listen = nullptr;
    IntakeFactsPage* m_facts = nullptr;
    IntakeImpactPage* m_impact = nullptr;
    IntakeStepsPage* m_steps = nullptr;
    IntakeReviewPage* m_review = nullptr;
    QTimer* m_autosave = nullptr;
    QDateTime m_receivedAt;
    QList<ReplyRule> m_rules;
    std::unique_ptr<RiskScorer> m_riskScorer;
    RiskResult m_risk;
    bool m_riskRulesLoaded = false;
    std::optional<Case> m_saved;
    bool m_saving = false;
    bool m_dirty = false;
    bool m_restoring = false;
};
