#pragma once

#include <QAbstractTableModel>
#include <QList>

/**
 * The row bookkeeping of a read-only table over values loaded all at once (users, audit entries): rows, reset,
 * lookup and retranslation. A subclass gives the cells and the headers.
 */
template <typename T> class ListTableModel : public QAbstractTableModel
{
public:
    /** Replaces every row. */
    void setItems(const QList<T>& items)
    {
        beginResetModel();
        m_items = items;
        endResetModel();
    }
    /** Adds rows at the end (a further page). */
    void appendItems(const QList<T>& items)
    {
        if (items.isEmpty()) {
            return;
        }
        beginInsertRows(QModelIndex(), int(m_items.size()), int(m_items.size() + items.size()) - 1);
        m_items.append(items);
        endInsertRows();
    }
    const QList<T>& items() const { return m_items; }
    /** The value shown in the row, nullptr outside the table. */
    const T* itemAt(int row) const { return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr; }
    /** Tells the views that every header and cell has new text, after a change of language. */
    void retranslate()
    {
        emit headerDataChanged(Qt::Horizontal, 0, m_columnCount - 1);
        if (!m_items.isEmpty()) {
            emit dataChanged(index(0, 0), index(int(m_items.size()) - 1, m_columnCount - 1));
        }
    }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_items.size());
    }
    int columnCount(const QModelIndex& parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : m_columnCount;
    }

protected:
    ListTableModel(int columnCount, QObject* parent)
        : QAbstractTableModel(parent)
        , m_columnCount(columnCount)
    {}

    /** The value behind a cell of this model that data() was asked for; nullptr for an index it does not hold. */
    const T* itemFor(const QModelIndex& index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
                   ? &m_items.at(index.row())
                   : nullptr;
    }

private:
    QList<T> m_items;
    int m_columnCount;
};
