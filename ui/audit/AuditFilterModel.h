#pragma once

#include <QSortFilterProxyModel>

/**
 * Keeps the audit entries whose actor, action, entity or detail, as shown, contains the filter string (case
 * insensitive); time and number are not searched.
 */
class AuditFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AuditFilterModel(QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
};
