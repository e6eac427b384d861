#pragma once

#include "common/ListTableModel.h"
#include "dashboard/Dashboard.h"

/**
 * A breakdown of the dashboard (by window, service item or department) as a table. Qt::DisplayRole gives the text,
 * kSortRole the raw number (a figure without data sorts below every value), so a QSortFilterProxyModel sorts on
 * values, not on text.
 */
class BreakdownTableModel : public ListTableModel<Dashboard::BreakdownRow>
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Cases,
        FirstResponse,
        Within48h,
        Csat,
        Transfers,
        Open,
        Overdue,
        ColumnCount
    };
    static constexpr int kSortRole = Qt::UserRole + 1;
    static constexpr int kIdRole = Qt::UserRole + 2;

    explicit BreakdownTableModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};
