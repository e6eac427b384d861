#pragma once

#include "audit/AuditEntry.h"

#include <QAbstractTableModel>
#include <QList>

/** Audit log entries as a table (seq, time, actor, action, entity, detail), newest first. */
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Seq,
        Time,
        Actor,
        Action,
        Entity,
        Detail
    };
    static constexpr int kColumnCount = static_cast<int>(Column::Detail) + 1;
    /** The raw value behind a cell: qint64 seq, QDateTime, QString. */
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit AuditTableModel(QObject* parent = nullptr);

    void setEntries(const QList<AuditEntry>& entries);
    const AuditEntry* entryAt(int row) const;
    void retranslate();

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntry> m_entries;
};
