#include "admin/ReplyRuleModel.h"

#include "common/FormHelpers.h"

#include <QBrush>
#include <QCoreApplication>
#include <QPalette>

QVariant ReplyRuleModel::data(const QModelIndex& index, int role) const
{
    const ReplyRule* rule = itemFor(index);
    if (!rule) {
        return {};
    }
    const auto column = Column(index.column());
    if (role == Qt::ForegroundRole && !rule->active) {
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    }
    if (role == Qt::ToolTipRole && (column == Column::Pattern || column == Column::Advice)) {
        return column == Column::Pattern ? rule->pattern : rule->advice;
    }
    if (role != Qt::DisplayRole && role != RawValueRole) {
        return {};
    }
    switch (column) {
    case Column::Kind:
        return role == RawValueRole ? QVariant(int(rule->kind)) : QVariant(ReplyFindingKinds::label(rule->kind));
    case Column::Pattern:
        if (role == RawValueRole || !rule->isRegex) {
            return rule->pattern;
        }
        return tr("%1 (pattern)").arg(rule->pattern);
    case Column::Advice:
        return rule->advice;
    case Column::Status:
        if (role == RawValueRole) {
            return rule->active;
        }
        return rule->active ? tr("Active") : tr("Retired");
    case Column::Changed:
        if (role == RawValueRole) {
            return rule->updatedAt;
        }
        return tr("%1 by %2").arg(FormHelpers::dateTime(rule->updatedAt), rule->updatedBy);
    }
    return {};
}

QVariant ReplyRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case Column::Kind:
        return tr("Kind");
    case Column::Pattern:
        return tr("Phrase or pattern");
    case Column::Advice:
        return tr("Advice");
    case Column::Status:
        return tr("Status");
    case Column::Changed:
        return tr("Last change");
    }
    return {};
}

int ReplyRuleModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (itemAt(row)->id == id) {
            return row;
        }
    }
    return -1;
}
