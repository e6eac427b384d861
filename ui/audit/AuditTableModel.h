#pragma once

#include "audit/AuditEntry.h"
#include "common/ListTableModel.h"

/**
 * Audit log entries as a table (seq, time, actor, action, entity, detail), newest first, in words for people: the
 * action's label, the case number or login the entry is about, the detail as "key: value" pairs.
 */
class AuditTableModel : public ListTableModel<AuditEntry>
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
    /**
     * The raw value behind a cell: qint64 seq, QDateTime, the actor's login, the action code ("case.create"), the
     * entity code ("case") and the detail JSON.
     */
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit AuditTableModel(QObject* parent = nullptr);

    /** "Case QT-20250602-0001" or "User wangfang" when the detail names them, else the entity code and its id. */
    static QString entityText(const AuditEntry& entry);
    /** The detail JSON's pairs as "key: value" joined with " · "; the JSON itself when it is not an object. */
    static QString detailText(const QString& detailJson);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};
