#pragma once

#include "cases/Case.h"

#include "cases/CaseQuery.h"
#include "sla/SlaPolicy.h"
#include "workers/LatestRequest.h"

#include <QWidget>

#include <memory>
#include <optional>

class AppSettings;
class CaseService;
class CaseTableModel;
class Clock;
class DatabaseWorker;
class QModelIndex;
class QTimer;
class ReferenceService;

namespace Ui {
class CaseListWidget;
}

/**
 * The case list: status filter, debounced search, the paged table and the button that records a new case. Pages
 * and the count are read on the database worker; the list says it is loading and stays usable meanwhile.
 */
class CaseListWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 300;
    /** supervise (issue 12): the views of the "Show" list (its item data; statuses are their enum values). */
    enum View
    {
        MyCasesView = -4,
        DueTodayView = -5,
        AwaitingFollowUpView = -6,
        AwaitingSignForView = -7,
        PausedView = -8,
    };

    CaseListWidget(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker, const Clock& clock,
                   AppSettings& settings, QWidget* parent = nullptr);
    ~CaseListWidget() override;

    CaseTableModel* model() const { return m_model; }
    /** The count under the list as last read; nullopt while it is being counted or when counting failed. */
    const std::optional<CaseCount>& total() const { return m_total; }
    /** A page or the count is being read. */
    bool isLoading() const;

public slots:
    /** Reloads the list with the filters in force. */
    void refresh();
    /** Shows the new state of a case that changed elsewhere. */
    void showChangedCase(const Case& updated);
    /** supervise: shows one of the views (View, or a CaseStatus as int) as if chosen in the "Show" list. */
    void showView(int view);
    /** Asks for the guided intake (the workspace opens it). */
    void newCase();
    /** Shows a case recorded elsewhere (the intake, a staff report): reloads the list and selects it. */
    void showCreatedCase(const Case& created);
    /**
     * The no-rating rule (默认评价): asks the supervisor to confirm the policy's days and level, then rates the
     * resolved cases without a rating on the worker (FollowUpService::applyNoRatingRule) and reloads the list.
     */
    void applyNoRatingRule();

signals:
    void openCaseRequested(qint64 caseId);
    /** The no-rating rule was applied: how many cases it rated. */
    void noRatingRuleApplied(int rated);
    void caseCreated(const Case& created);
    /** "New case…" (Ctrl+N): the workspace opens the guided intake. */
    void newCaseRequested();
    /** "Staff report…": the workspace opens the staff report form. */
    void staffReportRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillStatusFilter();
    void applyFilter();
    void updateTotal();
    void updateStateTexts();
    void openIndex(const QModelIndex& index);
    void selectCase(qint64 caseId);
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void onLoadingChanged();
    void onPageLoaded();
    /** Reads the hall's policy on the worker (a supervisor in "Awaiting follow-up" may apply its no-rating rule). */
    void readPolicy();
    void updateNoRatingButton();

    std::unique_ptr<Ui::CaseListWidget> m_ui;
    CaseService& m_cases;
    ReferenceService& m_reference;
    AppSettings& m_settings;
    DatabaseWorker& m_worker;
    CaseTableModel* m_model = nullptr;
    QTimer* m_searchTimer = nullptr;
    std::optional<CaseCount> m_total;
    LatestRequest m_countRequest;
    bool m_counting = false;
    qint64 m_selectWhenLoaded = 0; ///< a case to select once the page that holds it has arrived
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    std::optional<SlaPolicy> m_policy; ///< as last read; the no-rating button follows it
    bool m_applyingRule = false;
};
