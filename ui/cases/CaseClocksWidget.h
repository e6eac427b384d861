#pragma once

#include "cases/Case.h"
#include "common/Result.h"
#include "services/SlaService.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

#include <memory>

class DatabaseWorker;
class WrappingTree;

namespace Ui {
class CaseClocksWidget;
}

/**
 * The clocks panel of the case view (issue 12, helper "sla"): every SLA clock of the case with its state (icon, text
 * and colour together), its due time and why it is what it is; pause and resume buttons for those who work cases.
 * The clocks are read on the database worker (SlaService::clocks), pause and resume saved there.
 */
class CaseClocksWidget : public QWidget
{
    Q_OBJECT

public:
    CaseClocksWidget(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~CaseClocksWidget() override;

    /** Shows the clocks of the case (read again on the worker). */
    void setCase(const Case& c);
    bool isBusy() const { return m_busy; }
    /** The clocks last shown. */
    const QList<SlaClock>& clocks() const { return m_clocks; }

    /** "Overdue", "Due soon", ... as the panel writes it. */
    static QString stateText(SlaClock::State state);

public slots:
    void reload();
    /** Opens the pause dialog (or resumes, when the case is paused). */
    void pauseOrResume();

signals:
    /** A pause or resume changed the case. */
    void caseChanged(const Case& updated);
    /** The clocks arrived (or failed to). */
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void show(const Result<SlaService::CaseClocks>& result);
    void showClocks();
    void updateButton();

    std::unique_ptr<Ui::CaseClocksWidget> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    LatestRequest m_request;
    Case m_case;
    QList<SlaClock> m_clocks;
    QList<SlaPause> m_pauses;
    bool m_busy = false;
    WrappingTree* m_wrapping = nullptr; ///< the explanations wrap in rows that fit them
};
