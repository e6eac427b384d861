#pragma once

#include "cases/Case.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ReminderDialog;
}

/** A supervisor's reminder (督办) on one case: who gets it, at which level, and a note for the assignee. */
class ReminderDialog : public QDialog
{
    Q_OBJECT

public:
    ReminderDialog(const Case& c, const QString& deadlineText, QWidget* parent = nullptr);
    ~ReminderDialog() override;

    QString note() const;
    /** Shows why the reminder could not be recorded; the dialog stays open. */
    void showError(const QString& message);
    /** Disables the form while the reminder is written. */
    void setBusy(bool busy);

signals:
    /** OK pressed: the panel writes the reminder and closes the dialog when it is recorded. */
    void submitted(const QString& note);

private:
    std::unique_ptr<Ui::ReminderDialog> m_ui;
};
