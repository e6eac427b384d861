#include "cases/CaseTableModel.h"

#include "cases/DeadlineBadge.h"
#include "common/Clock.h"
#include "common/FormHelpers.h"
#include "services/CaseService.h"
#include "workers/DatabaseWorker.h"

#include <QBrush>
#include <QColor>

namespace {
constexpr int kTooltipChars = 400;
} // namespace

CaseTableModel::CaseTableModel(DatabaseWorker& worker, const Session& session, const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent)
    , m_worker(worker)
    , m_session(session)
    , m_clock(clock)
{
    m_query.limit = kPageSize;
    reload();
}

int CaseTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

std::optional<CaseSortKey> CaseTableModel::sortKeyFor(Column column)
{
    switch (column) {
    case Column::CaseNo:
        return CaseSortKey::CaseNo;
    case Column::ReceivedAt:
        return CaseSortKey::ReceivedAt;
    case Column::Status:
        return CaseSortKey::Status;
    case Column::WaitedMinutes:
        return CaseSortKey::WaitedMinutes;
    case Column::Category:
        return CaseSortKey::Category;
    case Column::Window:
        return CaseSortKey::Window;
    default:
        return std::nullopt;
    }
}

bool CaseTableModel::isSortable(int column)
{
    return column >= 0 && column < kColumnCount && sortKeyFor(static_cast<Column>(column)).has_value();
}

QVariant CaseTableModel::displayValue(const Case& c, Column column) const
{
    switch (column) {
    case Column::CaseNo:
        return c.caseNo;
    case Column::ReceivedAt:
        return FormHelpers::dateTime(c.receivedAt);
    case Column::Status:
        return CaseStatuses::label(c.status);
    case Column::Channel:
        return Channels::label(c.channel);
    case Column::Window:
        return FormHelpers::refName(c.window);
    case Column::ServiceItem:
        return FormHelpers::refName(c.serviceItem);
    case Column::Category:
        return FormHelpers::refName(c.category);
    case Column::Summary:
        return c.summary();
    case Column::WaitedMinutes:
        return c.waitedMinutes ? QVariant(*c.waitedMinutes) : QVariant();
    case Column::Department:
        return FormHelpers::refName(c.department);
    case Column::Assignee:
        return FormHelpers::refName(c.assignee);
    case Column::Deadline:
        return DeadlineBadge::listText(c, m_clock.now(), m_nearDeadlineMinutes);
    }
    return {};
}

QVariant CaseTableModel::rawValue(const Case& c, Column column) const
{
    switch (column) {
    case Column::CaseNo:
        return c.caseNo;
    case Column::ReceivedAt:
        return c.receivedAt;
    case Column::Status:
        return static_cast<int>(c.status);
    case Column::Channel:
        return static_cast<int>(c.channel);
    case Column::Window:
        return c.window.name;
    case Column::ServiceItem:
        return c.serviceItem.name;
    case Column::Category:
        return c.category.name;
    case Column::Summary:
        return c.complaintText;
    case Column::WaitedMinutes:
        return c.waitedMinutes ? QVariant(*c.waitedMinutes) : QVariant();
    case Column::Department:
        return c.department.name;
    case Column::Assignee:
        return c.assignee.name;
    case Column::Deadline:
        return c.dueAt;
    }
    return {};
}

QVariant CaseTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Case& c = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    const auto overdue = [&] {
        return c.isOverdue(m_clock.now());
    };
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(c, column);
    case RawValueRole:
        return rawValue(c, column);
    case CaseIdRole:
        return c.id;
    case OverdueRole:
        return overdue();
    case DeadlineStateRole:
        return int(Deadlines::stateOf(c, m_clock.now(), m_nearDeadlineMinutes));
    case Qt::ForegroundRole: {
        // supervise: overdue and nearly due rows in their colour; the Deadline column adds icon and words.
        const DeadlineState state = Deadlines::stateOf(c, m_clock.now(), m_nearDeadlineMinutes);
        if (state == DeadlineState::Overdue || state == DeadlineState::NearDeadline) {
            return QBrush(DeadlineBadge::color(state));
        }
        return {};
    }
    case Qt::DecorationRole:
        if (column == Column::Deadline) {
            return DeadlineBadge::icon(Deadlines::stateOf(c, m_clock.now(), m_nearDeadlineMinutes));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Column::WaitedMinutes) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Column::Deadline && c.reminderLevel > 0) {
            return Deadlines::reminderText(c);
        }
        if (overdue()) {
            return tr("Overdue: a concrete answer was due by %1.").arg(FormHelpers::dateTime(c.dueAt));
        }
        if (column == Column::Summary) {
            return c.complaintText.left(kTooltipChars);
        }
        return {};
    default:
        return {};
    }
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::ToolTipRole && !isSortable(section)) {
        return tr("This column cannot be sorted.");
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::CaseNo:
        return tr("Case no.");
    case Column::ReceivedAt:
        return tr("Received");
    case Column::Status:
        return tr("Status");
    case Column::Channel:
        return tr("Channel");
    case Column::Window:
        return tr("Window");
    case Column::ServiceItem:
        return tr("Service item");
    case Column::Category:
        return tr("Category");
    case Column::Summary:
        return tr("Complaint");
    case Column::WaitedMinutes:
        return tr("Waited (min)");
    case Column::Department:
        return tr("Department");
    case Column::Assignee:
        return tr("Assignee");
    case Column::Deadline:
        return tr("Deadline");
    }
    return {};
}

bool CaseTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void CaseTableModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd || m_loading) {
        return;
    }
    requestPage();
}

void CaseTableModel::requestPage()
{
    CaseQuery q = m_query;
    q.after = m_next;
    q.limit = kPageSize;
    setLoading(true);
    m_worker.runLatest(
        this, m_request,
        [session = m_session, q](const WorkerScope& scope) {
            CaseService cases(session, scope.repos, scope.clock);
            return cases.list(q);
        },
        [this](const Result<CasePage>& page) { applyPage(page); });
}

void CaseTableModel::applyPage(const Result<CasePage>& page)
{
    if (!page) {
        m_atEnd = true;
        m_lastError = page.error().message;
        setLoading(false);
        emit loadFailed(m_lastError);
        emit pageLoaded();
        return;
    }
    m_lastError.clear();
    const auto& cases = page->cases;
    // Move the cursor before announcing the rows, so that whoever reacts to them continues after this page.
    m_next = page->next;
    m_atEnd = page->atEnd || cases.isEmpty();
    // Still "loading" while the rows are announced: a view that asks for more in its slot waits for this page.
    if (!cases.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(cases.size()) - 1);
        m_rows.append(cases);
        endInsertRows();
    }
    setLoading(false);
    emit pageLoaded();
}

void CaseTableModel::setLoading(bool loading)
{
    if (m_loading == loading) {
        return;
    }
    m_loading = loading;
    emit loadingChanged(loading);
}

void CaseTableModel::reload()
{
    // Every page of one load counts "overdue" against the same moment, so the pages fit together.
    m_query.overdueAt = m_filter.overdueOnly ? m_clock.now() : QDateTime();
    // supervise: "due today" is the open cases due from now to the end of the day (the overdue ones have a view
    // of their own); the two small views are flags.
    m_query.dueFrom = QDateTime();
    if (m_filter.dueTodayOnly) {
        const QDateTime now = m_clock.now();
        m_query.dueFrom = now;
        m_query.overdueAt = QDateTime(now.date().addDays(1), QTime(0, 0));
    }
    m_query.awaitingSignFor = m_filter.awaitingSignFor;
    m_query.pausedOnly = m_filter.pausedOnly;
    m_request.invalidate(); // a page still on its way belongs to the old query
    beginResetModel();
    m_rows.clear();
    m_next = CaseCursor();
    m_atEnd = true; // nothing to fetch while the reset is announced (views ask in their reset slots)
    endResetModel();
    m_atEnd = false;
    requestPage();
}

void CaseTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column)) {
        return;
    }
    const CaseSortKey key = *sortKeyFor(static_cast<Column>(column));
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_query.sortKey && descending == m_query.descending) {
        return;
    }
    m_query.sortKey = key;
    m_query.descending = descending;
    reload();
}

void CaseTableModel::setFilter(const Filter& filter)
{
    m_filter = filter;
    m_filter.text = filter.text.trimmed();
    m_query.statuses = m_filter.statuses;
    m_query.text = m_filter.text;
    m_query.assigneeId = m_filter.assigneeId;
    reload();
}

void CaseTableModel::setFilter(const QList<CaseStatus>& statuses, const QString& text)
{
    Filter filter;
    filter.statuses = statuses;
    filter.text = text;
    setFilter(filter);
}

CaseQuery CaseTableModel::query() const
{
    CaseQuery q = m_query;
    q.after = CaseCursor();
    return q;
}

const Case* CaseTableModel::caseAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int CaseTableModel::rowOfCase(qint64 caseId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == caseId) {
            return row;
        }
    }
    return -1;
}

void CaseTableModel::updateCase(const Case& updated)
{
    const int row = rowOfCase(updated.id);
    if (row < 0) {
        return;
    }
    m_rows[row] = updated;
    emit dataChanged(index(row, 0), index(row, kColumnCount - 1));
}

void CaseTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, kColumnCount - 1);
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, kColumnCount - 1));
    }
}

void CaseTableModel::setNearDeadlineMinutes(int minutes)
{
    if (minutes == m_nearDeadlineMinutes) {
        return;
    }
    m_nearDeadlineMinutes = minutes;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, kColumnCount - 1));
    }
}
