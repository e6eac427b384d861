#pragma once

#include "common/ListTableModel.h"
#include "reply/ReplyChecker.h"

/** The reply checker's rules as a read-only table for the admin page; RawValueRole gives sortable values. */
class ReplyRuleModel final : public ListTableModel<ReplyRule>
{
    Q_OBJECT

public:
    enum class Column
    {
        Kind,
        Pattern,
        Advice,
        Status,
        Changed,
    };
    static constexpr int kColumnCount = 5;
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit ReplyRuleModel(QObject* parent = nullptr)
        : ListTableModel(kColumnCount, parent)
    {}

    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /** The row of the rule with the id, or -1. */
    int rowOfId(qint64 id) const;
};
