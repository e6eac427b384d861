#pragma once

#include "improvement/Improvement.h"

#include <QList>
#include <QRectF>
#include <QWidget>

#include <optional>

class QLineEdit;
class QPainter;

/**
 * The fishbone diagram (鱼骨图) drawn in the app: the spine, the head with the problem, six labelled bones
 * (人机料法环测) with their causes and sub-causes. Click a bone (its label or the bone itself) to add a cause;
 * click a cause to select it, double-click it to edit it (an emptied text removes it); Delete removes the selected
 * cause or sub-cause; the context menu of a cause adds a sub-cause. Exports the same drawing to PNG and to a vector
 * PDF whose text can be selected.
 */
class FishboneWidget : public QWidget
{
    Q_OBJECT

public:
    /** What a point of the diagram is: a bone, a cause on it or a sub-cause of that cause. */
    struct Hit
    {
        FishboneBranch branch = FishboneBranch::People;
        int cause = -1; ///< -1 = the bone itself
        int sub = -1;   ///< -1 = the cause itself
        bool operator==(const Hit& other) const = default;
    };

    explicit FishboneWidget(QWidget* parent = nullptr);

    const Fishbone& fishbone() const { return m_fishbone; }
    void setFishbone(const Fishbone& fishbone);
    void setProblem(const QString& problem);
    void setReadOnly(bool readOnly);

    /** Where things are drawn now, in widget coordinates (tests click there). */
    QRectF boneLabelRect(FishboneBranch branch) const;
    QRectF causeRect(FishboneBranch branch, int cause) const;
    QRectF subCauseRect(FishboneBranch branch, int cause, int sub) const;
    std::optional<Hit> selection() const { return m_selected; }
    /** The inline editor while a cause is being added or edited, else nullptr. */
    QLineEdit* editor() const;

    /** Draws the diagram into `rect` (the widget, an image or a PDF page). */
    static void paint(QPainter& painter, const QRectF& rect, const Fishbone& fishbone, const QFont& font,
                      const std::optional<Hit>& selected = std::nullopt);
    /** A PNG of `size` pixels; false when it cannot be written. */
    bool exportPng(const QString& path, const QSize& size = QSize(1600, 900)) const;
    /** A landscape A4 PDF with a title line above the diagram, text as text (CJK font). */
    bool exportPdf(const QString& path, const QString& title) const;
    /** The font family of the exports and the drawing: a CJK font whose copied text stays right. */
    static QString fontFamily();

signals:
    void changed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Layout;
    static Layout layoutFor(const QRectF& rect, const Fishbone& fishbone, const QFont& font);
    std::optional<Hit> hitAt(const QPointF& point) const;
    void startEditing(const Hit& target, bool adding);
    void commitEdit();
    void cancelEdit();
    void removeSelected();

    Fishbone m_fishbone;
    std::optional<Hit> m_selected;
    bool m_readOnly = false;
    QLineEdit* m_editor = nullptr;
    Hit m_editTarget;
    bool m_editAdds = false; ///< the editor adds a cause (target.cause = -1) or a sub-cause (target.sub = -1)
};
