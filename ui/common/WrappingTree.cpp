#include "common/WrappingTree.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QMetaObject>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeWidget>

#include <algorithm>

namespace {
/**
 * QTreeView asks its delegate for row heights without the column's width, so wrapped text would keep one line's
 * height: this delegate measures each cell wrapped to its column (one-line columns as they are).
 */
class WrappingDelegate : public QStyledItemDelegate
{
public:
    WrappingDelegate(QTreeWidget* tree, QList<int> oneLineColumns)
        : QStyledItemDelegate(tree)
        , m_tree(tree)
        , m_oneLineColumns(std::move(oneLineColumns))
    {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (m_oneLineColumns.contains(index.column())) {
            return QStyledItemDelegate::sizeHint(option, index);
        }
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        opt.features |= QStyleOptionViewItem::WrapText;
        opt.rect = QRect(0, 0, m_tree->header()->sectionSize(index.column()), 1); // valid, so the style wraps
        const QWidget* widget = opt.widget ? opt.widget : m_tree;
        QSize size = widget->style()->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), widget);
        size.rheight() += 4; // wrapped rows apart from each other
        return size;
    }

private:
    QTreeWidget* m_tree;
    QList<int> m_oneLineColumns;
};
} // namespace

WrappingTree::WrappingTree(QTreeWidget* tree, QList<int> textColumns, QList<int> oneLineColumns)
    : QObject(tree)
    , m_tree(tree)
    , m_textColumns(std::move(textColumns))
    , m_oneLineColumns(std::move(oneLineColumns))
{
    tree->setWordWrap(true);
    tree->setItemDelegate(new WrappingDelegate(tree, m_oneLineColumns));
    tree->setUniformRowHeights(false);
    tree->setTextElideMode(Qt::ElideNone);
    tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->setMaximumHeight(QWIDGETSIZE_MAX);
    auto* header = tree->header();
    // fitNow() gives the widths: the header's own stretch keeps a last section of at least its default size.
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(tree->fontMetrics().averageCharWidth() * 4);
    header->setSectionResizeMode(QHeaderView::Fixed);
    for (int column : m_oneLineColumns) {
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    tree->installEventFilter(this);
}

void WrappingTree::fit()
{
    if (!m_pending) {
        m_pending = true;
        QMetaObject::invokeMethod(this, &WrappingTree::fitNow, Qt::QueuedConnection);
    }
}

bool WrappingTree::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_tree && (event->type() == QEvent::Resize || event->type() == QEvent::Show)) {
        fit();
    }
    return QObject::eventFilter(watched, event);
}

void WrappingTree::fitNow()
{
    m_pending = false;
    QTreeWidget* tree = m_tree;
    QHeaderView* header = tree->header();
    const QFontMetrics metrics = tree->fontMetrics();
    const int padding = 2 * (tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1) + 6;
    const auto widest = [&](int column) {
        int width = metrics.horizontalAdvance(tree->headerItem()->text(column));
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            width = std::max(width, metrics.horizontalAdvance(tree->topLevelItem(i)->text(column)));
        }
        return width + padding;
    };
    int rest = tree->viewport()->width();
    for (int column : m_oneLineColumns) {
        rest -= header->sectionSize(column);
    }
    // The wrapping short columns share at most 60 % of what the one-line columns leave (two: 30 % each).
    const int wrapped = int(tree->columnCount() - m_oneLineColumns.size() - m_textColumns.size());
    const int share = std::max(rest * 6 / (10 * std::max(1, wrapped)), metrics.averageCharWidth() * 6);
    int used = 0;
    for (int column = 0; column < tree->columnCount(); ++column) {
        if (!m_textColumns.contains(column) && !m_oneLineColumns.contains(column)) {
            header->resizeSection(column, std::min(widest(column), share));
            used += header->sectionSize(column);
        }
    }
    const int texts = int(std::max<qsizetype>(1, m_textColumns.size()));
    for (int i = 0; i < m_textColumns.size(); ++i) {
        const int left = rest - used;
        const int width = i + 1 == m_textColumns.size() ? left : left / (texts - i);
        header->resizeSection(m_textColumns.at(i), std::max(header->minimumSectionSize(), width));
        used += header->sectionSize(m_textColumns.at(i));
    }
    tree->doItemsLayout(); // row heights again, for the columns' present widths
    int height = header->isVisible() ? header->height() : 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        height += tree->visualItemRect(tree->topLevelItem(i)).height();
    }
    if (tree->topLevelItemCount() == 0) {
        height += metrics.height() * 2;
    }
    tree->setFixedHeight(height + 2 * tree->frameWidth());
}
