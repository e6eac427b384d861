#pragma once

#include "cases/Case.h"
#include "cases/Citizen.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/** One line of the receipt: a label and its value. */
struct ReceiptLine
{
    QString label;
    QString value;
};

/**
 * The receipt (回执) a citizen takes home after the intake: the hall, the case number, the date, what was agreed
 * (the facts restated, the demand, the steps, the promised time) and where to ask. Personal data is masked except
 * the surname. Composed here (QtCore); ui/intake/ReceiptPrinter lays it out on paper or PDF.
 */
struct Receipt
{
    Q_DECLARE_TR_FUNCTIONS(Receipt)

public:
    QString hallName;
    QString title; ///< "投诉受理回执"
    QString caseNo;
    QList<ReceiptLine> lines;
    QString footer; ///< where to ask, and thanks

    /** Composes the receipt of a stored case; `citizen` may be empty (anonymous); empty settings get defaults. */
    static Receipt compose(const Case& stored, const Citizen& citizen, const QString& hallName, const QString& enquiry);

    /** The receipt as plain text, one "label: value" per line (for tests and the clipboard). */
    QString toPlainText() const;

    /** The surname kept, every other character masked: 张三 → 张*, 欧阳娜娜 → 欧***; empty stays empty. */
    static QString maskName(const QString& name);
    /** The form of address on the receipt: 张** (or "市民" for an anonymous complaint). */
    static QString maskedAddress(const Citizen& citizen);
};
