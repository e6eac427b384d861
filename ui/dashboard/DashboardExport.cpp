#include "dashboard/DashboardExport.h"

#include <QChartView>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPrinter>
#include <QSvgGenerator>

Status DashboardExport::savePng(QChartView* view, const QString& path)
{
    const QSize size = view->size();
    QImage image(size * kPngPixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(kPngPixelRatio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        view->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), view->viewport()->rect());
    }
    if (!image.save(path, "PNG")) {
        return Error::make(Error::Code::Storage, tr("The chart could not be saved as %1.").arg(path));
    }
    return {};
}

Status DashboardExport::saveSvg(QChartView* view, const QString& path, const QString& title)
{
    const QSize size = view->size();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(tr("A chart of the Qingting dashboard"));
    QPainter painter;
    if (!painter.begin(&svg)) {
        return Error::make(Error::Code::Storage, tr("The chart could not be saved as %1.").arg(path));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    view->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), view->viewport()->rect());
    painter.end();
    if (QFileInfo(path).size() <= 0) {
        return Error::make(Error::Code::Storage, tr("The chart could not be saved as %1.").arg(path));
    }
    return {};
}

Status DashboardExport::print(QPrinter& printer, const Document& document)
{
    QPainter painter;
    if (!painter.begin(&printer)) {
        return Error::make(Error::Code::Storage, tr("The printer could not be opened."));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QRectF page = printer.pageLayout().paintRectPixels(printer.resolution());
    const QRectF area(0, 0, page.width(), page.height());
    const qreal dpi = printer.resolution();
    const qreal line = dpi * 0.22;

    QFont titleFont = painter.font();
    titleFont.setPointSizeF(16);
    titleFont.setBold(true);
    QFont textFont = painter.font();
    textFont.setPointSizeF(10);

    qreal y = 0;
    painter.setFont(titleFont);
    painter.drawText(QRectF(0, y, area.width(), line * 1.8), Qt::AlignLeft | Qt::AlignVCenter, document.title);
    y += line * 2;
    painter.setFont(textFont);
    painter.drawText(QRectF(0, y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter, document.subtitle);
    y += line * 1.5;
    const qreal columns[] = {0, area.width() * 0.45, area.width() * 0.65};
    for (const QStringList& row : document.figureRows) {
        for (int c = 0; c < row.size() && c < 3; ++c) {
            const qreal right = c < 2 ? columns[c + 1] : area.width();
            painter.drawText(QRectF(columns[c], y, right - columns[c], line), Qt::AlignLeft | Qt::AlignVCenter,
                             row.at(c));
        }
        y += line;
    }
    if (!document.alerts.isEmpty()) {
        y += line * 0.5;
        QFont bold = textFont;
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRectF(0, y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter, tr("Systemic alerts"));
        painter.setFont(textFont);
        y += line;
        for (const QString& alert : document.alerts) {
            if (y + line > area.height()) {
                break;
            }
            painter.drawText(QRectF(0, y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter, alert);
            y += line;
        }
    }

    // The charts: as wide as the page, at their on-screen aspect ratio, two to a page after the first.
    const qreal gap = line;
    for (QChartView* view : document.charts) {
        const QSize size = view->size().isEmpty() ? QSize(800, 400) : view->size();
        const qreal height = std::min(area.width() * size.height() / size.width(), (area.height() - gap) / 2);
        if (y > 0 && y + height > area.height()) {
            printer.newPage();
            y = 0;
        }
        const QRectF target(0, y, height * size.width() / size.height(), height);
        view->render(&painter, target, view->viewport()->rect());
        y += height + gap;
    }
    painter.end();
    return {};
}
