#include "dashboard/BreakdownTableModel.h"

#include <QLocale>

namespace {
constexpr double kNoValue = -1e300; ///< sorts a figure without data below every value

QString percent(const std::optional<double>& rate)
{
    return rate ? QLocale().toString(*rate * 100.0, 'f', 1) + QStringLiteral(" %") : BreakdownTableModel::tr("no data");
}
} // namespace

BreakdownTableModel::BreakdownTableModel(QObject* parent)
    : ListTableModel(ColumnCount, parent)
{}

QVariant BreakdownTableModel::data(const QModelIndex& index, int role) const
{
    const Dashboard::BreakdownRow* row = itemFor(index);
    if (!row) {
        return {};
    }
    if (role == kIdRole) {
        return row->id;
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    const QLocale locale;
    if (role == kSortRole) {
        switch (Column(index.column())) {
        case Name:
            return row->name;
        case Cases:
            return double(row->cases);
        case FirstResponse:
            return row->firstResponseMeanMinutes.value_or(kNoValue);
        case Within48h:
            return row->within48hRate.value_or(kNoValue);
        case Csat:
            return row->csat.value_or(kNoValue);
        case Transfers:
            return double(row->transfers);
        case Open:
            return double(row->open);
        case Overdue:
            return double(row->overdue);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(index.column())) {
    case Name:
        return row->id == 0 ? tr("(none recorded)") : row->name;
    case Cases:
        return locale.toString(row->cases);
    case FirstResponse:
        return row->firstResponseMeanMinutes ? locale.toString(*row->firstResponseMeanMinutes, 'f', 0) : tr("no data");
    case Within48h:
        return percent(row->within48hRate);
    case Csat:
        return row->csat ? tr("%1 (n = %2)").arg(percent(row->csat), locale.toString(row->csatN)) : tr("no data");
    case Transfers:
        return locale.toString(row->transfers);
    case Open:
        return locale.toString(row->open);
    case Overdue:
        return locale.toString(row->overdue);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BreakdownTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Cases:
        return tr("Cases");
    case FirstResponse:
        return tr("First response (mean, min)");
    case Within48h:
        return tr("Within 48 h");
    case Csat:
        return tr("CSAT");
    case Transfers:
        return tr("Transfers");
    case Open:
        return tr("Open");
    case Overdue:
        return tr("Overdue");
    case ColumnCount:
        break;
    }
    return {};
}
