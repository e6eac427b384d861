#include "audit/AuditTableModel.h"

#include "common/DateTimeText.h"

AuditTableModel::AuditTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void AuditTableModel::setEntries(const QList<AuditEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const AuditEntry* AuditTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

void AuditTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, kColumnCount - 1);
    if (!m_entries.isEmpty()) {
        emit dataChanged(index(0, 0), index(int(m_entries.size()) - 1, kColumnCount - 1));
    }
}

int AuditTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AuditEntry& e = m_entries.at(index.row());
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == RawValueRole) {
        const bool raw = role == RawValueRole;
        switch (column) {
        case Column::Seq:
            return e.seq;
        case Column::Time:
            return raw ? QVariant(e.at) : QVariant(DateTimeText::format(e.at));
        case Column::Actor:
            return e.actor;
        case Column::Action:
            return e.action;
        case Column::Entity:
            if (raw || e.entity.isEmpty()) {
                return e.entity;
            }
            return e.entityId ? tr("%1 #%2", "entity and its id").arg(e.entity).arg(e.entityId) : e.entity;
        case Column::Detail:
            return e.detail;
        }
    }
    if (role == Qt::ToolTipRole && column == Column::Detail) {
        return e.detail;
    }
    if (role == Qt::TextAlignmentRole && column == Column::Seq) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::Seq:
        return tr("No.");
    case Column::Time:
        return tr("Time");
    case Column::Actor:
        return tr("Actor");
    case Column::Action:
        return tr("Action");
    case Column::Entity:
        return tr("Entity");
    case Column::Detail:
        return tr("Detail");
    }
    return {};
}
