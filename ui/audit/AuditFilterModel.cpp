#include "audit/AuditFilterModel.h"

#include "audit/AuditTableModel.h"

AuditFilterModel::AuditFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool AuditFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    using Column = AuditTableModel::Column;
    const QRegularExpression filter = filterRegularExpression();
    for (Column column : {Column::Actor, Column::Action, Column::Entity, Column::Detail}) {
        const QModelIndex cell = sourceModel()->index(sourceRow, int(column), sourceParent);
        if (cell.data(filterRole()).toString().contains(filter)) {
            return true;
        }
    }
    return false;
}
