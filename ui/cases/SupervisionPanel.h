#pragma once

#include "cases/Case.h"
#include "users/Session.h"

#include <QWidget>

#include <memory>

class Clock;
class DatabaseWorker;
class ReminderDialog;

namespace Ui {
class SupervisionPanel;
}

/**
 * The case view's deadline and supervision line: how the case stands against its due time (icon, words and
 * colour together), the reminders (督办) sent and their escalation level, and for a supervisor "Send reminder…"
 * on an overdue or nearly due case.
 */
class SupervisionPanel : public QWidget
{
    Q_OBJECT

public:
    SupervisionPanel(const Session& session, DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);
    ~SupervisionPanel() override;

    void setCase(const Case& c);
    /** The dialog of the reminder being written, if one is open (for tests). */
    ReminderDialog* openDialog() const { return m_dialog; }

public slots:
    /** Opens the reminder dialog for the case shown (a supervisor, on an overdue or nearly due case). */
    void sendReminder();

signals:
    /** A reminder was recorded: the case as it is now. */
    void reminded(const Case& updated);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showState();
    void submit(const QString& note);

    std::unique_ptr<Ui::SupervisionPanel> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    Case m_case;
    int m_nearDeadlineMinutes = 240; ///< SlaPolicy's default until the policy is read
    ReminderDialog* m_dialog = nullptr;
};
