#pragma once

#include "cases/Citizen.h"
#include "intake/IntakePageBase.h"
#include "workers/LatestRequest.h"

#include <QDateTime>
#include <QList>

#include <memory>

class RiskPanel;

namespace Ui {
class IntakeListenPage;
}

/**
 * Page 1 (倾听): the citizen's words with the first focus, the emotion heard, channel, window, service item, time
 * waited; the citizen (anonymous, found by phone or ID number on the worker, or entered new); the acknowledgement
 * sentences for the emotion from the script library, and the "feelings acknowledged" stamp.
 */
class IntakeListenPage : public IntakePageBase
{
    Q_OBJECT

public:
    explicit IntakeListenPage(IntakeWizard* wizard);
    ~IntakeListenPage() override;

    /** The live risk of the typed text (issue 16). */
    RiskPanel* riskPanel() const { return m_risk; }
    void writeTo(IntakeDraft& draft) const override;
    void readFrom(const IntakeDraft& draft) override;
    void initializePage() override;

    bool isAnonymous() const;
    void setAnonymous(bool anonymous);
    /** The citizen's name as entered or found (for the form of address). */
    QString citizenName() const;
    /** Chooses the service item (the Facts page asks for it again and keeps both the same). */
    void setServiceItem(qint64 id);

signals:
    void serviceItemChanged(qint64 id);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillChoices();
    void findCitizen();
    void useFoundCitizen(int index);
    void updateCitizenState();
    void loadAcknowledgement();
    void acknowledge();

    std::unique_ptr<Ui::IntakeListenPage> m_ui;
    RiskPanel* m_risk = nullptr;
    QList<Citizen> m_found;
    qint64 m_citizenId = 0;
    QDateTime m_acknowledgedAt;
    LatestRequest m_lookup;
    LatestRequest m_scripts;
};
