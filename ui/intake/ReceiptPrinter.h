#pragma once

#include "cases/Receipt.h"
#include "common/Result.h"

#include <QCoreApplication>

class AppSettings;
class QPagedPaintDevice;
class QWidget;

/**
 * Lays the receipt (回执) out on A5 paper or a PDF, with a CJK font (Noto Sans CJK SC) embedded as text so that the
 * citizen's copy can be searched and copied. Printing goes through the system print dialog.
 */
class ReceiptPrinter
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptPrinter)

public:
    /** The font family the receipt asks for. */
    static QString fontFamily();
    /** The receipt of a stored case with the hall's name and enquiry text from the settings. */
    static Receipt receiptFor(const Case& stored, const Citizen& citizen, const AppSettings& settings);
    /** The receipt as HTML for QTextDocument. */
    static QString html(const Receipt& receipt);
    /** Paints the receipt on the device's pages. */
    static void render(const Receipt& receipt, QPagedPaintDevice& device);
    static Status savePdf(const Receipt& receipt, const QString& path);
    /** Shows the print dialog and prints; false when the clerk cancelled. */
    static bool print(const Receipt& receipt, QWidget* parent);
};
