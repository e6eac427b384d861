#pragma once

#include "intake/IntakePageBase.h"

#include <QDateTime>

#include <memory>

class RiskPanel;

namespace Ui {
class IntakeFactsPage;
}

/**
 * Page 2 (确认事实): what, when, where, which service item, who was involved; the restatement composed live for the
 * citizen to confirm. "Citizen agreed" stamps the time; changing a field afterwards clears the stamp.
 */
class IntakeFactsPage : public IntakePageBase
{
    Q_OBJECT

public:
    explicit IntakeFactsPage(IntakeWizard* wizard);
    ~IntakeFactsPage() override;

    /** The live risk of the typed text (issue 16). */
    RiskPanel* riskPanel() const { return m_risk; }
    void writeTo(IntakeDraft& draft) const override;
    void readFrom(const IntakeDraft& draft) override;
    void initializePage() override;

    QString restatement() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillChoices();
    void factsChanged();
    void agree();
    void showAgreement();

    std::unique_ptr<Ui::IntakeFactsPage> m_ui;
    RiskPanel* m_risk = nullptr;
    QDateTime m_confirmedAt;
    QString m_confirmedText; ///< the restatement the citizen agreed to
    bool m_loading = false;
};
