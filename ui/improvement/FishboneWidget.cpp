#include "improvement/FishboneWidget.h"

#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QImage>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>

#include <cmath>

namespace {
constexpr qreal kMargin = 12;
const QColor kInk(0x33, 0x33, 0x33);
const QColor kSpine(0x1f, 0x3b, 0x5c);
const QColor kHeadFill(0xfd, 0xec, 0xea);
const QColor kHeadLine(0xb0, 0x3a, 0x2e);
const QColor kLabelFill(0xe6, 0xef, 0xfb);
const QColor kSelected(0xff, 0xe0, 0x82);

/** The font `factor` times as large, whether it is sized in points (screen) or pixels (exports). */
QFont scaled(const QFont& font, qreal factor)
{
    QFont f = font;
    if (font.pixelSize() > 0) {
        f.setPixelSize(std::max(1, qRound(font.pixelSize() * factor)));
    } else {
        f.setPointSizeF(font.pointSizeF() * factor);
    }
    return f;
}

bool isTop(int branch)
{
    return branch < 3;
}

/** Distance from p to the segment. */
qreal distance(const QLineF& line, const QPointF& p)
{
    const QPointF d = line.p2() - line.p1();
    const qreal len2 = d.x() * d.x() + d.y() * d.y();
    if (len2 <= 0) {
        return QLineF(line.p1(), p).length();
    }
    qreal t = ((p.x() - line.p1().x()) * d.x() + (p.y() - line.p1().y()) * d.y()) / len2;
    t = std::clamp(t, 0.0, 1.0);
    return QLineF(line.p1() + t * d, p).length();
}
} // namespace

/** Where every part of the diagram goes for one rectangle. */
struct FishboneWidget::Layout
{
    QRectF head;
    QLineF spine;
    struct Bone
    {
        QLineF line;
        QRectF label;
        QList<QRectF> causes;
        QList<QPointF> causeAnchors; ///< where each cause's line meets the bone
        QList<QList<QRectF>> subs;
        QList<QList<QPointF>> subAnchors;
    };
    std::array<Bone, kFishboneBranches> bones;
};

FishboneWidget::FishboneWidget(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(640, 360);
    setFont(QFont(fontFamily(), font().pointSize()));
    setAutoFillBackground(false);
}

QString FishboneWidget::fontFamily()
{
    // WenQuanYi keeps copied PDF text right (Noto CJK maps some characters to Kangxi radicals); Noto otherwise.
    const QStringList families = QFontDatabase::families();
    for (const char* f : {"WenQuanYi Micro Hei", "Noto Sans CJK SC"}) {
        if (families.contains(QLatin1String(f))) {
            return QLatin1String(f);
        }
    }
    return QStringLiteral("Noto Sans CJK SC");
}

void FishboneWidget::setFishbone(const Fishbone& fishbone)
{
    cancelEdit();
    m_fishbone = fishbone;
    m_selected.reset();
    update();
}

void FishboneWidget::setProblem(const QString& problem)
{
    if (m_fishbone.problem == problem) {
        return;
    }
    m_fishbone.problem = problem;
    update();
    emit changed();
}

void FishboneWidget::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (readOnly) {
        cancelEdit();
    }
}

FishboneWidget::Layout FishboneWidget::layoutFor(const QRectF& rect, const Fishbone& fishbone, const QFont& font)
{
    Layout l;
    const QFontMetricsF fm(font);
    const QFontMetricsF sfm(scaled(font, 0.88));
    const qreal mid = rect.center().y();
    const qreal headWidth = std::max<qreal>(150, rect.width() * 0.2);
    const qreal headHeight = std::max<qreal>(70, rect.height() * 0.24);
    l.head = QRectF(rect.right() - kMargin - headWidth, mid - headHeight / 2, headWidth, headHeight);
    const qreal left = rect.left() + kMargin;
    l.spine = QLineF(left, mid, l.head.left(), mid);
    const qreal labelHeight = fm.height() + 10;
    const qreal top = rect.top() + kMargin;
    const qreal bottom = rect.bottom() - kMargin;
    const qreal rise = mid - (top + labelHeight) - 6; // the vertical extent of a bone
    const qreal dx = rise * 0.45;
    const qreal w = (l.spine.length() - dx - 16) / 3; // the room of one bone's causes
    for (int b = 0; b < kFishboneBranches; ++b) {
        Layout::Bone& bone = l.bones[b];
        const int column = b % 3;
        const qreal attach = left + dx + w * (column + 1);
        const bool up = isTop(b);
        const QPointF outer(attach - dx, up ? top + labelHeight : bottom - labelHeight);
        bone.line = QLineF(outer, QPointF(attach, mid));
        const QString label = FishboneBranches::label(static_cast<FishboneBranch>(b));
        const qreal labelWidth = fm.horizontalAdvance(label) + 18;
        bone.label = QRectF(outer.x() - labelWidth / 2, up ? top : bottom - labelHeight, labelWidth, labelHeight);

        const auto& causes = fishbone.branches[b];
        int lines = 0;
        for (const FishboneCause& c : causes) {
            lines += 1 + int(c.subCauses.size());
        }
        const qreal step = lines > 0 ? rise / (lines + 0.5) : 0;
        int slot = 0;
        for (const FishboneCause& c : causes) {
            const auto at = [&](int s) {
                // From the label's end toward the spine: t in (0, 1) along the bone.
                const qreal t = (s + 0.75) * step / rise;
                return bone.line.pointAt(std::min<qreal>(t, 0.97));
            };
            // A top bone leans left above its anchor: keep the text clear of it by the lean over the text's height.
            const qreal lean = up ? dx / rise : 0;
            const QPointF p = at(slot++);
            bone.causeAnchors.append(p);
            const qreal right = p.x() - 6 - lean * fm.height();
            bone.causes.append(QRectF(p.x() - w + 12, p.y() - fm.height() - 1, right - (p.x() - w + 12), fm.height()));
            QList<QRectF> subs;
            QList<QPointF> subAnchors;
            for (int s = 0; s < c.subCauses.size(); ++s) {
                const QPointF q = at(slot++);
                subAnchors.append(q);
                const qreal subRight = q.x() - 20 - lean * sfm.height() / 2;
                subs.append(
                    QRectF(q.x() - w + 12, q.y() - sfm.height() / 2 - 1, subRight - (q.x() - w + 12), sfm.height()));
            }
            bone.subs.append(subs);
            bone.subAnchors.append(subAnchors);
        }
    }
    return l;
}

void FishboneWidget::paint(QPainter& painter, const QRectF& rect, const Fishbone& fishbone, const QFont& font,
                           const std::optional<Hit>& selected)
{
    const Layout l = layoutFor(rect, fishbone, font);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect, Qt::white);
    QFont bold = font;
    bold.setBold(true);
    const QFont small = scaled(font, 0.88);

    // The spine with an arrow into the head.
    painter.setPen(QPen(kSpine, 3.5, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(l.spine);
    QPainterPath arrow;
    const QPointF tip = l.spine.p2();
    arrow.moveTo(tip);
    arrow.lineTo(tip + QPointF(-14, -7));
    arrow.lineTo(tip + QPointF(-14, 7));
    arrow.closeSubpath();
    painter.fillPath(arrow, kSpine);

    // The head: the problem.
    painter.setPen(QPen(kHeadLine, 2));
    painter.setBrush(kHeadFill);
    painter.drawRoundedRect(l.head, 10, 10);
    painter.setFont(bold);
    const QRectF headText = l.head.adjusted(10, 8, -10, -8);
    if (fishbone.problem.isEmpty()) {
        painter.setPen(Qt::gray);
        painter.drawText(headText, Qt::AlignCenter | Qt::TextWordWrap, tr("The problem"));
    } else {
        painter.setPen(kInk);
        painter.drawText(headText, Qt::AlignCenter | Qt::TextWordWrap, fishbone.problem);
    }

    for (int b = 0; b < kFishboneBranches; ++b) {
        const Layout::Bone& bone = l.bones[b];
        painter.setPen(QPen(kSpine, 2.2, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(bone.line);
        painter.setPen(QPen(kSpine, 1.2));
        painter.setBrush(kLabelFill);
        painter.drawRoundedRect(bone.label, 6, 6);
        painter.setFont(bold);
        painter.setPen(kSpine);
        painter.drawText(bone.label, Qt::AlignCenter, FishboneBranches::label(static_cast<FishboneBranch>(b)));

        const auto& causes = fishbone.branches[b];
        for (int c = 0; c < causes.size(); ++c) {
            const QRectF r = bone.causes.at(c);
            const QPointF anchor = bone.causeAnchors.at(c);
            if (selected && int(selected->branch) == b && selected->cause == c && selected->sub < 0) {
                painter.fillRect(r.adjusted(-2, -1, 2, 3), kSelected);
            }
            painter.setPen(QPen(kInk, 1.2));
            painter.drawLine(QPointF(r.left(), anchor.y()), anchor);
            painter.setFont(font);
            painter.setPen(kInk);
            const QString text = QFontMetricsF(font).elidedText(causes.at(c).text, Qt::ElideRight, r.width());
            painter.drawText(r, Qt::AlignRight | Qt::AlignBottom, text);
            for (int s = 0; s < causes.at(c).subCauses.size(); ++s) {
                const QRectF sr = bone.subs.at(c).at(s);
                const QPointF sa = bone.subAnchors.at(c).at(s);
                if (selected && int(selected->branch) == b && selected->cause == c && selected->sub == s) {
                    painter.fillRect(sr.adjusted(-2, -1, 2, 1), kSelected);
                }
                painter.setPen(QPen(Qt::gray, 1));
                painter.drawLine(QPointF(sr.right() + 4, sa.y()), sa);
                painter.setFont(small);
                painter.setPen(QColor(0x55, 0x55, 0x55));
                const QString subText =
                    QFontMetricsF(small).elidedText(causes.at(c).subCauses.at(s), Qt::ElideRight, sr.width());
                painter.drawText(sr, Qt::AlignRight | Qt::AlignVCenter, subText);
            }
        }
    }
    painter.restore();
}

void FishboneWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paint(painter, QRectF(rect()), m_fishbone, font(), m_selected);
    if (hasFocus()) {
        painter.setPen(QPen(palette().highlight().color(), 1, Qt::DotLine));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void FishboneWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    cancelEdit();
}

QRectF FishboneWidget::boneLabelRect(FishboneBranch branch) const
{
    return layoutFor(QRectF(rect()), m_fishbone, font()).bones[int(branch)].label;
}

QRectF FishboneWidget::causeRect(FishboneBranch branch, int cause) const
{
    const auto bone = layoutFor(QRectF(rect()), m_fishbone, font()).bones[int(branch)];
    return cause >= 0 && cause < bone.causes.size() ? bone.causes.at(cause) : QRectF();
}

QRectF FishboneWidget::subCauseRect(FishboneBranch branch, int cause, int sub) const
{
    const auto bone = layoutFor(QRectF(rect()), m_fishbone, font()).bones[int(branch)];
    if (cause < 0 || cause >= bone.subs.size() || sub < 0 || sub >= bone.subs.at(cause).size()) {
        return {};
    }
    return bone.subs.at(cause).at(sub);
}

QLineEdit* FishboneWidget::editor() const
{
    return m_editor && m_editor->isVisible() ? m_editor : nullptr;
}

std::optional<FishboneWidget::Hit> FishboneWidget::hitAt(const QPointF& point) const
{
    const Layout l = layoutFor(QRectF(rect()), m_fishbone, font());
    for (int b = 0; b < kFishboneBranches; ++b) {
        const auto& bone = l.bones[b];
        for (int c = 0; c < bone.causes.size(); ++c) {
            for (int s = 0; s < bone.subs.at(c).size(); ++s) {
                if (bone.subs.at(c).at(s).adjusted(0, -1, 0, 1).contains(point)) {
                    return Hit{static_cast<FishboneBranch>(b), c, s};
                }
            }
            if (bone.causes.at(c).adjusted(0, 0, 0, 3).contains(point)) {
                return Hit{static_cast<FishboneBranch>(b), c, -1};
            }
        }
    }
    for (int b = 0; b < kFishboneBranches; ++b) {
        const auto& bone = l.bones[b];
        if (bone.label.contains(point) || distance(bone.line, point) < 8) {
            return Hit{static_cast<FishboneBranch>(b), -1, -1};
        }
    }
    return std::nullopt;
}

void FishboneWidget::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const auto hit = hitAt(event->position());
    if (!hit) {
        m_selected.reset();
        update();
        return;
    }
    if (hit->cause < 0) {
        m_selected.reset();
        update();
        if (!m_readOnly) {
            startEditing(*hit, true);
        }
        return;
    }
    m_selected = hit;
    update();
}

void FishboneWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    const auto hit = hitAt(event->position());
    if (!hit || hit->cause < 0 || m_readOnly) {
        return;
    }
    m_selected = hit;
    startEditing(*hit, false);
}

void FishboneWidget::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && m_selected && !m_readOnly) {
        removeSelected();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_F2) && m_selected &&
        !m_readOnly) {
        startEditing(*m_selected, false);
        return;
    }
    QWidget::keyPressEvent(event);
}

void FishboneWidget::contextMenuEvent(QContextMenuEvent* event)
{
    if (m_readOnly) {
        return;
    }
    const auto hit = hitAt(event->pos());
    if (!hit) {
        return;
    }
    QMenu menu(this);
    if (hit->cause < 0) {
        menu.addAction(tr("Add a cause"), this, [this, h = *hit] { startEditing(h, true); });
    } else {
        m_selected = hit;
        update();
        const Hit cause{hit->branch, hit->cause, -1};
        menu.addAction(tr("Add a sub-cause"), this, [this, cause] { startEditing(cause, true); });
        menu.addAction(tr("Edit"), this, [this, h = *hit] { startEditing(h, false); });
        menu.addAction(tr("Remove"), this, [this] { removeSelected(); });
    }
    menu.exec(event->globalPos());
}

void FishboneWidget::startEditing(const Hit& target, bool adding)
{
    cancelEdit();
    m_editTarget = target;
    m_editAdds = adding;
    if (!m_editor) {
        m_editor = new QLineEdit(this);
        m_editor->setObjectName(QStringLiteral("fishboneCauseLineEdit"));
        m_editor->setMaxLength(Improvements::kMaxCauseChars);
        // Enter commits and Escape cancels here, so that neither reaches the dialog's default button nor this
        // widget's own keys.
        m_editor->installEventFilter(this);
    }
    const Layout l = layoutFor(QRectF(rect()), m_fishbone, font());
    const auto& bone = l.bones[int(target.branch)];
    QRectF at;
    QString text;
    auto& causes = m_fishbone.causes(target.branch);
    if (adding && target.cause < 0) {
        at = bone.label.translated(0, isTop(int(target.branch)) ? bone.label.height() + 2 : -bone.label.height() - 2);
        m_editor->setPlaceholderText(tr("A cause on %1").arg(FishboneBranches::label(target.branch)));
    } else if (adding) {
        at = bone.causes.at(target.cause).translated(0, bone.causes.at(target.cause).height());
        m_editor->setPlaceholderText(tr("A sub-cause of \"%1\"").arg(causes.at(target.cause).text));
    } else if (target.sub < 0) {
        at = bone.causes.at(target.cause);
        text = causes.at(target.cause).text;
        m_editor->setPlaceholderText(QString());
    } else {
        at = bone.subs.at(target.cause).at(target.sub);
        text = causes.at(target.cause).subCauses.at(target.sub);
        m_editor->setPlaceholderText(QString());
    }
    const qreal width = std::max<qreal>(at.width(), 220);
    QRect geometry = QRectF(at.left(), at.top() - 3, width, at.height() + 8).toAlignedRect();
    geometry.moveLeft(std::clamp(geometry.left(), 0, std::max(0, this->width() - geometry.width())));
    geometry.moveTop(std::clamp(geometry.top(), 0, std::max(0, height() - geometry.height())));
    m_editor->setGeometry(geometry);
    m_editor->setText(text);
    m_editor->selectAll();
    m_editor->show();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool FishboneWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            commitEdit();
            return true;
        }
        if (key == Qt::Key_Escape) {
            cancelEdit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FishboneWidget::commitEdit()
{
    if (!editor()) {
        return;
    }
    const QString text = m_editor->text().trimmed();
    m_editor->hide();
    auto& causes = m_fishbone.causes(m_editTarget.branch);
    bool changedAny = false;
    if (m_editAdds && m_editTarget.cause < 0) {
        if (!text.isEmpty()) {
            causes.append({text, {}});
            m_selected = Hit{m_editTarget.branch, int(causes.size()) - 1, -1};
            changedAny = true;
        }
    } else if (m_editAdds) {
        if (!text.isEmpty() && m_editTarget.cause < causes.size()) {
            causes[m_editTarget.cause].subCauses.append(text);
            m_selected =
                Hit{m_editTarget.branch, m_editTarget.cause, int(causes.at(m_editTarget.cause).subCauses.size()) - 1};
            changedAny = true;
        }
    } else if (m_editTarget.cause < causes.size()) {
        m_selected = m_editTarget;
        if (text.isEmpty()) {
            removeSelected();
            setFocus(Qt::OtherFocusReason);
            return;
        }
        if (m_editTarget.sub < 0) {
            changedAny = causes[m_editTarget.cause].text != text;
            causes[m_editTarget.cause].text = text;
        } else if (m_editTarget.sub < causes.at(m_editTarget.cause).subCauses.size()) {
            changedAny = causes[m_editTarget.cause].subCauses[m_editTarget.sub] != text;
            causes[m_editTarget.cause].subCauses[m_editTarget.sub] = text;
        }
    }
    setFocus(Qt::OtherFocusReason);
    update();
    if (changedAny) {
        emit changed();
    }
}

void FishboneWidget::cancelEdit()
{
    if (m_editor && m_editor->isVisible()) {
        m_editor->hide();
        setFocus(Qt::OtherFocusReason);
    }
}

void FishboneWidget::removeSelected()
{
    if (!m_selected) {
        return;
    }
    auto& causes = m_fishbone.causes(m_selected->branch);
    if (m_selected->cause < 0 || m_selected->cause >= causes.size()) {
        m_selected.reset();
        return;
    }
    if (m_selected->sub < 0) {
        causes.removeAt(m_selected->cause);
    } else if (m_selected->sub < causes.at(m_selected->cause).subCauses.size()) {
        causes[m_selected->cause].subCauses.removeAt(m_selected->sub);
    }
    m_selected.reset();
    update();
    emit changed();
}

bool FishboneWidget::exportPng(const QString& path, const QSize& size) const
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont f(fontFamily());
    f.setPixelSize(std::max(12, size.height() / 48));
    paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), m_fishbone, f);
    painter.end();
    return image.save(path, "PNG");
}

bool FishboneWidget::exportPdf(const QString& path, const QString& title) const
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Qingting"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        return false;
    }
    // Draw in points (72 per inch) with pixel-sized fonts: the layout's font metrics then hold on the PDF as on the
    // screen, and the diagram keeps its proportions.
    const qreal scale = writer.resolution() / 72.0;
    painter.scale(scale, scale);
    const QRectF page(0, 0, writer.width() / scale, writer.height() / scale);
    QFont titleFont(fontFamily());
    titleFont.setPixelSize(16);
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(kInk);
    const qreal titleHeight = QFontMetricsF(titleFont).height() * 1.6;
    painter.drawText(QRectF(page.left(), page.top(), page.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     title);
    QFont f(fontFamily());
    f.setPixelSize(10);
    paint(painter, page.adjusted(0, titleHeight + 6, 0, 0), m_fishbone, f);
    return painter.end();
}
