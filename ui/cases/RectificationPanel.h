#pragma once

#include "cases/Case.h"
#include "cases/Rectification.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QGroupBox>

#include <memory>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class RectificationPanel;
}

/**
 * The follow-up side of one case in the case view (issue 12, helper "followup"): every rating given (an appealed
 * one marked as left out of the figures), failed attempts and the unreachable mark, the rectification after a bad
 * review with its deadline and the button that completes its current stage (核实 → 整改 → 反馈), and the appeal
 * (申诉复核) with the buttons that ask for one and decide it. Reads and saves on the database worker.
 */
class RectificationPanel : public QGroupBox
{
    Q_OBJECT

public:
    RectificationPanel(Session session, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~RectificationPanel() override;

    /** Shows the case and reads its follow-up record on the worker. */
    void setCase(const Case& c);
    const FollowUpRecord& record() const { return m_record; }
    bool isBusy() const;

signals:
    /** A stage, an appeal or a decision was saved: the case view reads the case again. */
    void caseChanged();
    /** A read of the record finished. */
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void load();
    void showRecord();
    void advance();
    void openAppeal(bool decide);

    std::unique_ptr<Ui::RectificationPanel> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    LatestRequest m_request;
    Case m_case;
    FollowUpRecord m_record;
};
