#pragma once

#include <QList>
#include <QObject>

class QTreeWidget;

/**
 * Makes a small QTreeWidget readable without scrolling (issue 12's clocks and transfers): the text columns wrap and
 * share what the other columns leave, the other columns (names, times) wrap within 60 % of the width together,
 * one-line columns keep their contents' width, the rows grow to their wrapped text and the tree is as tall as its
 * rows. Call fit() after filling the tree; resizes refit by themselves.
 */
class WrappingTree : public QObject
{
    Q_OBJECT

public:
    /** The `textColumns` share the rest of the width; `oneLineColumns` never wrap (times, states with an icon). */
    WrappingTree(QTreeWidget* tree, QList<int> textColumns, QList<int> oneLineColumns);

    /** Fits the columns and rows again once the event loop is back (after a refill). */
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitNow();

    QTreeWidget* m_tree;
    QList<int> m_textColumns;
    QList<int> m_oneLineColumns;
    bool m_pending = false;
};
