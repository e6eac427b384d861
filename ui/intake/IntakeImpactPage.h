#pragma once

#include "cases/Case.h"
#include "intake/IntakePageBase.h"
#include "workers/LatestRequest.h"

#include <QDateTime>

#include <memory>

class QLabel;
class QListWidget;

namespace Ui {
class IntakeImpactPage;
}

/**
 * Page 3 (确认影响): who is affected, severity, scope, recurrence, demand, reasonableness, responsibility, restated
 * for the citizen to confirm. While the page is shown, two lists load on the worker: the citizen's earlier cases and
 * recent cases of the same service item and category ("a repeat? systemic?").
 */
class IntakeImpactPage : public IntakePageBase
{
    Q_OBJECT

public:
    explicit IntakeImpactPage(IntakeWizard* wizard);
    ~IntakeImpactPage() override;

    void writeTo(IntakeDraft& draft) const override;
    void readFrom(const IntakeDraft& draft) override;
    void initializePage() override;

    /** Either list is still loading. */
    bool isLoading() const { return m_loadingCitizen || m_loadingSimilar; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillChoices();
    void impactChanged();
    void agree();
    void showAgreement();
    void loadHistory();
    void showCases(QListWidget* list, QLabel* status, const Result<QList<Case>>& cases, const QString& emptyText);

    std::unique_ptr<Ui::IntakeImpactPage> m_ui;
    QDateTime m_confirmedAt;
    QString m_confirmedText; ///< the restatement the citizen agreed to
    LatestRequest m_citizenRequest;
    LatestRequest m_similarRequest;
    bool m_loadingCitizen = false;
    bool m_loadingSimilar = false;
    bool m_loading = false;
    bool m_agreeing = false;
};
