#pragma once

#include "cases/Case.h"
#include "cases/CaseLifecycle.h"

#include <QWidget>

#include <memory>

class CaseService;
class Clock;
class ReferenceService;

namespace Ui {
class CaseViewWidget;
}

/** One case in full: details, complaint, citizen (for roles that may see it), timeline and the actions allowed now. */
class CaseViewWidget : public QWidget
{
    Q_OBJECT

public:
    CaseViewWidget(CaseService& cases, ReferenceService& reference, const Clock& clock, qint64 caseId,
                   QWidget* parent = nullptr);
    ~CaseViewWidget() override;

    qint64 caseId() const { return m_caseId; }
    /** The case as last loaded (id 0 if it could not be loaded). */
    const Case& currentCase() const { return m_case; }

public slots:
    /** Reads the case, its citizen and timeline again. */
    void reload();

signals:
    /** An action changed the case; the list shows the new state. */
    void caseChanged(const Case& updated);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showCase();
    void showCitizen();
    void loadTimeline();
    void rebuildActions();
    void runAction(CaseAction action);
    void applyUpdate(const Case& updated);

    std::unique_ptr<Ui::CaseViewWidget> m_ui;
    CaseService& m_cases;
    ReferenceService& m_reference;
    const Clock& m_clock;
    qint64 m_caseId;
    Case m_case;
};
