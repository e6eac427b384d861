#pragma once

#include "cases/Case.h"
#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class FollowUpDialog;
}

/**
 * The follow-up form a clerk fills in on the phone (回访, issue 12): how the citizen was contacted, whether they
 * were reached, the five-level rating (非常满意 5 … 非常不满意 1), an optional 0–10 recommendation score and what
 * they said. Saved on the worker by FollowUpService::recordFollowUp.
 */
class FollowUpDialog : public QDialog
{
    Q_OBJECT

public:
    FollowUpDialog(Session session, DatabaseWorker& worker, const Case& target, QWidget* parent = nullptr);
    ~FollowUpDialog() override;

    /** The case after the follow-up; set once the dialog was accepted. */
    const std::optional<Case>& updatedCase() const { return m_updated; }

    void accept() override;
    void reject() override;
    bool isSaving() const;

    /** "5 — Very satisfied" … "1 — Very dissatisfied", as the form lists the levels; empty outside 1 to 5. */
    static QString ratingText(int level);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateRows();

    std::unique_ptr<Ui::FollowUpDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    Case m_case;
    std::optional<Case> m_updated;
};
