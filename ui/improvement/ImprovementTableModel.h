#pragma once

#include "common/ListTableModel.h"
#include "improvement/Improvement.h"

#include <QDate>

/**
 * The improvement register as a table (issue 14, helper "register"): title, status, deadline (red when overdue),
 * owner department, category, service item and the number of linked cases. RawRole gives the value to sort on.
 */
class ImprovementTableModel : public ListTableModel<ImprovementAction>
{
    Q_OBJECT

public:
    enum Column
    {
        Title,
        Status,
        Deadline,
        Owner,
        Category,
        ServiceItem,
        Cases,
        ColumnCount,
    };
    /** The raw value of a cell (dates as QDate, counts as int, the status as its order): what the view sorts on. */
    static constexpr int RawRole = Qt::UserRole + 1;
    /** The action's id. */
    static constexpr int IdRole = Qt::UserRole + 2;

    explicit ImprovementTableModel(QObject* parent = nullptr);

    /** The day an active action's deadline must not be before (overdue = deadline < today). */
    void setToday(const QDate& today);
    const QDate& today() const { return m_today; }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QDate m_today;
};
