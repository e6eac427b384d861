#include "cases/DeadlineBadge.h"

#include <QCoreApplication>
#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace DeadlineBadge {

QColor color(DeadlineState state)
{
    switch (state) {
    case DeadlineState::Overdue:
        return QColor(0xb3, 0x26, 0x1e); // dark red, readable on white (contrast 6.5:1)
    case DeadlineState::NearDeadline:
        return QColor(0x8a, 0x4b, 0x00); // dark amber (contrast 6.2:1)
    case DeadlineState::OnTime:
    case DeadlineState::None:
        break;
    }
    return {};
}

QIcon icon(DeadlineState state)
{
    if (state != DeadlineState::Overdue && state != DeadlineState::NearDeadline) {
        return {};
    }
    QIcon result;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color(state));
        const QRectF box(1, 1, size - 2, size - 2);
        if (state == DeadlineState::Overdue) {
            painter.drawEllipse(box);
        } else {
            QPainterPath triangle;
            triangle.moveTo(box.center().x(), box.top());
            triangle.lineTo(box.right(), box.bottom());
            triangle.lineTo(box.left(), box.bottom());
            triangle.closeSubpath();
            painter.drawPath(triangle);
        }
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(size * 3 / 4);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(box.adjusted(0, state == DeadlineState::NearDeadline ? size / 8 : 0, 0, 0), Qt::AlignCenter,
                         QStringLiteral("!"));
        painter.end();
        result.addPixmap(pixmap);
    }
    return result;
}

QString listText(const Case& c, const QDateTime& now, int nearDeadlineMinutes)
{
    const QString text = Deadlines::text(c, now, nearDeadlineMinutes);
    if (c.reminderLevel <= 0 || text.isEmpty()) {
        return text;
    }
    return QCoreApplication::translate("DeadlineBadge", "%1 · reminded %2×").arg(text).arg(c.reminderLevel);
}

} // namespace DeadlineBadge
