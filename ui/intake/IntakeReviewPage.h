#pragma once

#include "cases/Case.h"
#include "cases/Receipt.h"
#include "intake/IntakePageBase.h"

#include <memory>

class BusyIndicator;

namespace Ui {
class IntakeReviewPage;
}

/**
 * Page 5 (确认): everything on one page for a last check, the "resolved on the spot" option with what was done,
 * the saving state and its error; once saved, the receipt (回执) to print or save as PDF.
 */
class IntakeReviewPage : public IntakePageBase
{
    Q_OBJECT

public:
    explicit IntakeReviewPage(IntakeWizard* wizard);
    ~IntakeReviewPage() override;

    void writeTo(IntakeDraft& draft) const override;
    void readFrom(const IntakeDraft& draft) override;
    void initializePage() override;
    /** Every page's problems, listed here; true = none. */
    bool validatePage() override;

    void setSaving(bool saving);
    void showSaveError(const QString& message);
    void showSaved(const Case& saved);
    /** The summary as shown (HTML). */
    QString summaryHtml() const;
    /** The receipt of the saved case (empty case number before saving). */
    Receipt receipt() const;

public slots:
    void printReceipt();
    void saveReceiptPdf();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateOnSpot();
    QString receiptFileSuggestion() const;

    std::unique_ptr<Ui::IntakeReviewPage> m_ui;
    BusyIndicator* m_busy = nullptr;
};
