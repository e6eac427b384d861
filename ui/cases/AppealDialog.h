#pragma once

#include "cases/Case.h"
#include "cases/Rectification.h"
#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class AppealDialog;
}

/**
 * An appeal against a rating (申诉复核, issue 12). Asking: a supervisor says whether the rating is mistaken or
 * malicious and why. Deciding: a second supervisor reads the request and approves or refuses it (a refusal needs a
 * reason). FollowUpService enforces the four eyes; the dialog only shows the request.
 */
class AppealDialog : public QDialog
{
    Q_OBJECT

public:
    /** Asks for an appeal against the case's current rating. */
    AppealDialog(Session session, DatabaseWorker& worker, const Case& target, QWidget* parent = nullptr);
    /** Decides the pending appeal on the case. */
    AppealDialog(Session session, DatabaseWorker& worker, const Case& target, const RatingAppeal& pending,
                 QWidget* parent = nullptr);
    ~AppealDialog() override;

    bool isDeciding() const { return m_pending.has_value(); }
    /** The appeal as stored; set once the dialog was accepted. */
    const std::optional<RatingAppeal>& result() const { return m_result; }

    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void setUp();
    void retranslate();

    std::unique_ptr<Ui::AppealDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    Case m_case;
    std::optional<RatingAppeal> m_pending;
    std::optional<RatingAppeal> m_result;
};
