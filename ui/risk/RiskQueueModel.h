#pragma once

#include "common/ListTableModel.h"
#include "repositories/RiskRepository.h"

#include <optional>

/**
 * The supervisor's risk queue (issue 16): medium and high cases, newest first, page by page (keyset: fetchMore asks
 * for the page after the last row). Qt::UserRole gives the raw value of a cell for sorting.
 */
class RiskQueueModel : public ListTableModel<RiskQueueRow>
{
    Q_OBJECT

public:
    enum Column
    {
        CaseNoColumn,
        ReceivedColumn,
        LevelColumn,
        ScoreColumn,
        SignalsColumn,
        StatusColumn,
        ColumnCount
    };

    explicit RiskQueueModel(QObject* parent = nullptr);

    /** Replaces the rows with a first page. */
    void setFirstPage(const RiskQueuePage& page);
    /** Appends the page that fetchMore asked for. */
    void appendPage(const RiskQueuePage& page);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    /** The view scrolled to the end and there is more: load the page after `after`. */
    void moreRequested(const RiskQueueCursor& after);

private:
    std::optional<RiskQueueCursor> m_next;
    bool m_fetching = false;
};
