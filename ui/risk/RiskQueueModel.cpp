#include "risk/RiskQueueModel.h"

#include "common/FormHelpers.h"
#include "risk/RiskText.h"

#include <QBrush>
#include <QColor>

RiskQueueModel::RiskQueueModel(QObject* parent)
    : ListTableModel(ColumnCount, parent)
{}

void RiskQueueModel::setFirstPage(const RiskQueuePage& page)
{
    m_next = page.next;
    m_fetching = false;
    setItems(page.rows);
}

void RiskQueueModel::appendPage(const RiskQueuePage& page)
{
    m_next = page.next;
    m_fetching = false;
    appendItems(page.rows);
}

bool RiskQueueModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_next.has_value() && !m_fetching;
}

void RiskQueueModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_fetching = true;
    emit moreRequested(*m_next);
}

QVariant RiskQueueModel::data(const QModelIndex& index, int role) const
{
    const RiskQueueRow* row = itemFor(index);
    if (!row) {
        return {};
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case CaseNoColumn:
            return row->caseNo;
        case ReceivedColumn:
            return row->receivedAt.toSecsSinceEpoch();
        case LevelColumn:
            return int(row->level);
        case ScoreColumn:
            return row->score;
        case SignalsColumn:
            return row->signalCodes.join(QLatin1Char(','));
        case StatusColumn:
            return int(row->status);
        }
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == LevelColumn) {
        return row->level == RiskLevel::High ? QBrush(QColor(0xa0, 0, 0)) : QBrush(QColor(0x7a, 0x4a, 0));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case CaseNoColumn:
        return row->caseNo;
    case ReceivedColumn:
        return FormHelpers::dateTime(row->receivedAt);
    case LevelColumn:
        return RiskText::level(row->level);
    case ScoreColumn:
        return row->score;
    case SignalsColumn:
        return RiskText::signalLabels(row->signalCodes);
    case StatusColumn:
        return CaseStatuses::label(row->status);
    }
    return {};
}

QVariant RiskQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case CaseNoColumn:
        return tr("Case no.");
    case ReceivedColumn:
        return tr("Received");
    case LevelColumn:
        return tr("Risk");
    case ScoreColumn:
        return tr("Score");
    case SignalsColumn:
        return tr("Signals");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}
