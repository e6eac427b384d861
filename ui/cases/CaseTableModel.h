#pragma once

#include "cases/Case.h"
#include "cases/CaseQuery.h"
#include "common/Result.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

class Clock;
class DatabaseWorker;

/**
 * The case list as a table: pages through CaseService::list by keyset cursor (canFetchMore/fetchMore);
 * sorting and filtering run in the query, on raw values, never on displayed text. Every page is read on the
 * database worker: the model shows what has arrived, says when it is loading, and drops pages of a query the
 * user has moved on from (a newer filter, order or reload).
 */
class CaseTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        CaseNo,
        ReceivedAt,
        Status,
        Channel,
        Window,
        ServiceItem,
        Category,
        Summary,
        WaitedMinutes,
        Department,
        Assignee,
        Deadline, ///< supervise (issue 12): overdue / due in … / due at, with icon and colour (not sortable)
    };
    static constexpr int kColumnCount = static_cast<int>(Column::Deadline) + 1;

    enum ItemRole
    {
        /** The value behind the cell: QString, QDateTime, int minutes, or the enum as int. */
        RawValueRole = Qt::UserRole + 1,
        /** The case id (qint64) of the row, in every column. */
        CaseIdRole,
        /** True when the case is open and past its due time. */
        OverdueRole,
        /** supervise (issue 12): the DeadlineState (as int) of the row's case, in every column. */
        DeadlineStateRole,
    };

    static constexpr int kPageSize = 200;

    /** What the list is narrowed to; every part combines with the others. */
    struct Filter
    {
        QList<CaseStatus> statuses; ///< empty = every status
        QString text;               ///< in the case number or the complaint
        qint64 assigneeId = 0;      ///< 0 = anyone's cases
        bool overdueOnly = false;   ///< only open cases past their due time, as of the clock at each (re)load
        // supervise (issue 12): the views.
        bool dueTodayOnly = false;    ///< only open cases due between now and the end of today
        bool awaitingSignFor = false; ///< only transfers not yet signed for
        bool pausedOnly = false;      ///< only cases whose clocks are paused

        friend bool operator==(const Filter&, const Filter&) = default;
    };

    /** Starts loading the first page (newest received first) on the worker, as the session. */
    CaseTableModel(DatabaseWorker& worker, const Session& session, const Clock& clock, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    /** Re-queries in the order of the column's sort key; columns without one are left as they are. */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /** The repository order behind a column, if the column can be sorted. */
    static std::optional<CaseSortKey> sortKeyFor(Column column);
    static bool isSortable(int column);

    /** Applies the filter and reloads from the first page. */
    void setFilter(const Filter& filter);
    /** Filters by status (empty = all) and text only (anyone's cases, overdue or not). */
    void setFilter(const QList<CaseStatus>& statuses, const QString& text);
    const Filter& filter() const { return m_filter; }
    /** The filters and order in force (first page, no cursor). */
    CaseQuery query() const;
    /** Reloads from the first page, keeping filter and order; "overdue" is measured again against the clock. */
    void reload();
    /** supervise (issue 12): how close to its due time a case stands out as nearly due (SlaPolicy). */
    void setNearDeadlineMinutes(int minutes);
    int nearDeadlineMinutes() const { return m_nearDeadlineMinutes; }

    const Case* caseAt(int row) const;
    /** The row that shows the case, or -1. */
    int rowOfCase(qint64 caseId) const;
    /** Replaces the row that shows the case (after an action on it), if it is loaded. */
    void updateCase(const Case& updated);
    /** Emits header and data changes so that translated labels are fetched again. */
    void retranslate();

    /** The last error from the service, empty when the last load worked. */
    const QString& lastError() const { return m_lastError; }
    /** A page is being read on the worker. */
    bool isLoading() const { return m_loading; }

signals:
    /** A page could not be loaded; the message is ready to show. */
    void loadFailed(const QString& message);
    /** A page request started (true) or its answer arrived (false). */
    void loadingChanged(bool loading);
    /** The answer to a page request was applied (rows appended, or the error recorded). */
    void pageLoaded();

private:
    void requestPage();
    void applyPage(const Result<CasePage>& page);
    void setLoading(bool loading);
    QVariant displayValue(const Case& c, Column column) const;
    QVariant rawValue(const Case& c, Column column) const;

    DatabaseWorker& m_worker;
    Session m_session;
    const Clock& m_clock;
    LatestRequest m_request;
    Filter m_filter;
    CaseQuery m_query;
    QList<Case> m_rows;
    CaseCursor m_next;
    bool m_atEnd = true;
    bool m_loading = false;
    QString m_lastError;
    int m_nearDeadlineMinutes = 240; // supervise: SlaPolicy's default until the policy is read
};
