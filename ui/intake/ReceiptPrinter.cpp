#include "intake/ReceiptPrinter.h"

#include "common/AppSettings.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

QString ReceiptPrinter::fontFamily()
{
    return QStringLiteral("Noto Sans CJK SC");
}

Receipt ReceiptPrinter::receiptFor(const Case& stored, const Citizen& citizen, const AppSettings& settings)
{
    return Receipt::compose(stored, citizen, settings.string(AppSettings::Key::HallName),
                            settings.string(AppSettings::Key::ReceiptEnquiry));
}

QString ReceiptPrinter::html(const Receipt& r)
{
    QString rows;
    for (const ReceiptLine& line : r.lines) {
        rows += QStringLiteral("<tr><td nowrap style='color:#444; padding:4px 12px 4px 0'>%1</td>"
                               "<td style='padding:4px 0'>%2</td></tr>")
                    .arg(line.label.toHtmlEscaped(),
                         line.value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    return QStringLiteral("<div align='center' style='font-size:15pt; font-weight:bold'>%1</div>"
                          "<div align='center' style='font-size:13pt; margin-top:4px'>%2</div>"
                          "<hr/><table width='100%' cellspacing='0'>%3</table><hr/>"
                          "<p style='font-size:9pt; color:#333'>%4</p>")
        .arg(r.hallName.toHtmlEscaped(), r.title.toHtmlEscaped(), rows,
             r.footer.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

void ReceiptPrinter::render(const Receipt& receipt, QPagedPaintDevice& device)
{
    // Laid out for the device itself (its resolution, its page without margins), one page after another; no page
    // numbers (QTextDocument::print would add them and lay out at screen resolution).
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&device);
    QFont font(fontFamily());
    font.setPointSizeF(10.5);
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    const QSizeF page(device.width(), device.height());
    doc.setPageSize(page);
    doc.setHtml(html(receipt));
    QPainter painter(&device);
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0) {
            device.newPage();
        }
        painter.save();
        painter.translate(0, -i * page.height());
        doc.drawContents(&painter, QRectF(QPointF(0, i * page.height()), page));
        painter.restore();
    }
}

Status ReceiptPrinter::savePdf(const Receipt& receipt, const QString& path)
{
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly)) {
            return Error::make(Error::Code::Storage,
                               tr("Cannot write the receipt to %1: %2").arg(path, probe.errorString()));
        }
    }
    QPdfWriter writer(path);
    writer.setTitle(receipt.title + QLatin1Char(' ') + receipt.caseNo);
    writer.setCreator(QStringLiteral("Qingting"));
    writer.setPageSize(QPageSize(QPageSize::A5));
    writer.setPageMargins(QMarginsF(14, 14, 14, 14), QPageLayout::Millimeter);
    writer.setResolution(300);
    render(receipt, writer);
    return {};
}

bool ReceiptPrinter::print(const Receipt& receipt, QWidget* parent)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A5));
    printer.setDocName(receipt.title + QLatin1Char(' ') + receipt.caseNo);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Print receipt"));
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    render(receipt, printer);
    return true;
}
