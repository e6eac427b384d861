#pragma once

#include "repositories/ReferenceRepository.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

/**
 * One kind of reference data (windows, departments, service items or categories), active and inactive rows alike.
 * Flat for most kinds; categories form a tree through parentId (sub-categories under their parent).
 */
class ReferenceItemModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Name,
        Status,
    };
    static constexpr int kColumnCount = static_cast<int>(Column::Status) + 1;

    enum ItemRole
    {
        /** The item's id (qint64), in every column. */
        IdRole = Qt::UserRole + 1,
        /** Whether the item is still offered for new cases (bool). */
        ActiveRole,
        /** The parent category's id (qint64), 0 at the top level. */
        ParentIdRole,
    };

    explicit ReferenceItemModel(ReferenceKind kind, QObject* parent = nullptr);

    ReferenceKind kind() const { return m_kind; }
    /** Replaces every row (in the order given: the service's sort order). */
    void setItems(const QList<ReferenceItem>& items);
    /** The item behind an index, or nullptr. */
    const ReferenceItem* itemAt(const QModelIndex& index) const;
    /** The index (first column) of the item with the id, invalid if absent. */
    QModelIndex indexOfId(qint64 id) const;
    /** The index of the item named so under the parent (0 = top level), invalid if absent. */
    QModelIndex indexOfName(const QString& name, qint64 parentId = 0) const;
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /** The parent id under which an item is shown: its own parent when loaded, else the top level. */
    qint64 shownParentId(const ReferenceItem& item) const;
    QModelIndex indexOfPosition(int position, int column) const;

    ReferenceKind m_kind;
    QList<ReferenceItem> m_items;
    QHash<qint64, int> m_positionOfId;    ///< item id -> position in m_items
    QHash<qint64, QList<int>> m_children; ///< parent id (0 = top level) -> positions in m_items, in order
    QList<int> m_rowOfPosition;           ///< position in m_items -> row under its parent
};
