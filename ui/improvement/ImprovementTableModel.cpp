#include "improvement/ImprovementTableModel.h"

#include "common/FormHelpers.h"

#include <QBrush>
#include <QColor>

ImprovementTableModel::ImprovementTableModel(QObject* parent)
    : ListTableModel<ImprovementAction>(ColumnCount, parent)
{}

void ImprovementTableModel::setToday(const QDate& today)
{
    m_today = today;
    retranslate();
}

QVariant ImprovementTableModel::data(const QModelIndex& index, int role) const
{
    const ImprovementAction* a = itemFor(index);
    if (!a) {
        return {};
    }
    const bool overdue = a->isOverdue(m_today);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return a->title;
        case Status:
            return overdue ? tr("%1 · overdue").arg(ImprovementStatuses::label(a->status))
                           : ImprovementStatuses::label(a->status);
        case Deadline:
            return a->deadline.toString(Qt::ISODate);
        case Owner:
            return FormHelpers::refName(a->owner);
        case Category:
            return FormHelpers::refName(a->category);
        case ServiceItem:
            return FormHelpers::refName(a->serviceItem);
        case Cases:
            return a->linkedCases;
        }
        return {};
    case RawRole:
        switch (index.column()) {
        case Title:
            return a->title;
        case Status:
            return static_cast<int>(a->status);
        case Deadline:
            return a->deadline;
        case Owner:
            return a->owner.name;
        case Category:
            return a->category.name;
        case ServiceItem:
            return a->serviceItem.name;
        case Cases:
            return a->linkedCases;
        }
        return {};
    case IdRole:
        return a->id;
    case Qt::ForegroundRole:
        if (overdue && (index.column() == Deadline || index.column() == Status)) {
            return QBrush(QColor(0xc6, 0x28, 0x28));
        }
        if (!ImprovementStatuses::isActive(a->status)) {
            return QBrush(QColor(0x75, 0x75, 0x75));
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Cases ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (overdue) {
            return tr("Overdue: the deadline was %1.").arg(a->deadline.toString(Qt::ISODate));
        }
        return index.column() == Title ? QVariant(a->title) : QVariant();
    }
    return {};
}

QVariant ImprovementTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Title:
        return tr("Action");
    case Status:
        return tr("Status");
    case Deadline:
        return tr("Deadline");
    case Owner:
        return tr("Owner");
    case Category:
        return tr("Category");
    case ServiceItem:
        return tr("Service item");
    case Cases:
        return tr("Cases");
    }
    return {};
}
