#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QChartView;
class QPrinter;

/**
 * Exports of the dashboard (issue 14): a chart as PNG (drawn at twice the screen's pixel density) or as SVG (vector,
 * QSvgGenerator), and the whole dashboard on a printer (or a PDF through QPrinter::PdfFormat).
 */
class DashboardExport
{
    Q_DECLARE_TR_FUNCTIONS(DashboardExport)

public:
    static constexpr qreal kPngPixelRatio = 2.0;

    static Status savePng(QChartView* view, const QString& path);
    static Status saveSvg(QChartView* view, const QString& path, const QString& title);

    /** What a printed dashboard holds: a title, lines of text (the period, the headline figures), the charts. */
    struct Document
    {
        QString title;
        QString subtitle;
        QList<QStringList> figureRows; ///< one row per figure: label, value, change
        QList<QChartView*> charts;
        QStringList alerts;
    };
    /** Prints the dashboard: the figures first, then the charts two to a page. */
    static Status print(QPrinter& printer, const Document& document);
};
