#include "admin/ReferenceItemModel.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

ReferenceItemModel::ReferenceItemModel(ReferenceKind kind, QObject* parent)
    : QAbstractItemModel(parent)
    , m_kind(kind)
{}

void ReferenceItemModel::setItems(const QList<ReferenceItem>& items)
{
    beginResetModel();
    m_items = items;
    m_positionOfId.clear();
    m_children.clear();
    m_rowOfPosition.clear();
    for (int position = 0; position < m_items.size(); ++position) {
        m_positionOfId.insert(m_items.at(position).id, position);
    }
    m_rowOfPosition.resize(m_items.size());
    for (int position = 0; position < m_items.size(); ++position) {
        QList<int>& siblings = m_children[shownParentId(m_items.at(position))];
        m_rowOfPosition[position] = int(siblings.size());
        siblings.append(position);
    }
    endResetModel();
}

qint64 ReferenceItemModel::shownParentId(const ReferenceItem& item) const
{
    // A parent that is not loaded (or the item itself, in a broken row) would hide the item: show it at the top.
    if (item.parentId == 0 || item.parentId == item.id || !m_positionOfId.contains(item.parentId)) {
        return 0;
    }
    return item.parentId;
}

const ReferenceItem* ReferenceItemModel::itemAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this) {
        return nullptr;
    }
    const auto position = qsizetype(index.internalId());
    return position < m_items.size() ? &m_items.at(position) : nullptr;
}

QModelIndex ReferenceItemModel::indexOfPosition(int position, int column) const
{
    return createIndex(m_rowOfPosition.at(position), column, quintptr(position));
}

QModelIndex ReferenceItemModel::indexOfId(qint64 id) const
{
    const auto it = m_positionOfId.constFind(id);
    return it == m_positionOfId.constEnd() ? QModelIndex() : indexOfPosition(*it, 0);
}

QModelIndex ReferenceItemModel::indexOfName(const QString& name, qint64 parentId) const
{
    for (int position : m_children.value(parentId)) {
        if (m_items.at(position).name == name) {
            return indexOfPosition(position, 0);
        }
    }
    return {};
}

void ReferenceItemModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, kColumnCount - 1);
    // Only the status column carries translated text.
    for (int position = 0; position < m_items.size(); ++position) {
        const QModelIndex cell = indexOfPosition(position, int(Column::Status));
        emit dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

QModelIndex ReferenceItemModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= kColumnCount || row < 0) {
        return {};
    }
    qint64 parentId = 0;
    if (parent.isValid()) {
        const ReferenceItem* item = itemAt(parent);
        if (!item || parent.column() != 0) {
            return {};
        }
        parentId = item->id;
    }
    const auto it = m_children.constFind(parentId);
    if (it == m_children.constEnd() || row >= it->size()) {
        return {};
    }
    return createIndex(row, column, quintptr(it->at(row)));
}

QModelIndex ReferenceItemModel::parent(const QModelIndex& child) const
{
    const ReferenceItem* item = itemAt(child);
    if (!item) {
        return {};
    }
    const qint64 parentId = shownParentId(*item);
    return parentId == 0 ? QModelIndex() : indexOfPosition(m_positionOfId.value(parentId), 0);
}

int ReferenceItemModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid()) {
        return int(m_children.value(0).size());
    }
    const ReferenceItem* item = itemAt(parent);
    if (!item || parent.column() != 0) {
        return 0;
    }
    return int(m_children.value(item->id).size());
}

int ReferenceItemModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent)
    return kColumnCount;
}

QVariant ReferenceItemModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const ReferenceItem* item = itemAt(index);
    if (!item) {
        return {};
    }
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (column == Column::Name) {
            return item->name;
        }
        return item->active ? tr("Active") : tr("Inactive");
    case Qt::ToolTipRole:
        if (!item->active) {
            return tr("No longer offered for new cases; the cases recorded with it keep it.");
        }
        return {};
    case Qt::ForegroundRole:
        if (!item->active) {
            return QBrush(qGuiApp ? QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text)
                                  : QColor(Qt::gray));
        }
        return {};
    case IdRole:
        return item->id;
    case ActiveRole:
        return item->active;
    case ParentIdRole:
        return item->parentId;
    default:
        return {};
    }
}

QVariant ReferenceItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumnCount) {
        return QAbstractItemModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Status:
        return tr("Status");
    }
    return {};
}
