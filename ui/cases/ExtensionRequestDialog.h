#pragma once

#include "cases/Case.h"
#include "users/Session.h"

#include <QDateTime>
#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class ExtensionRequestDialog;
}

/** Asks for a later deadline (延期) before the current one passes: the new date and the reason. */
class ExtensionRequestDialog : public QDialog
{
    Q_OBJECT

public:
    /** The new date starts at the current deadline (the resolve clock's, read on the worker) plus `defaultDays`. */
    ExtensionRequestDialog(Session session, DatabaseWorker& worker, const Case& target, QWidget* parent = nullptr,
                           int defaultDays = 5);
    ~ExtensionRequestDialog() override;

    const std::optional<Case>& updatedCase() const { return m_updated; }
    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showDeadline(const QDateTime& due, int defaultDays);

    std::unique_ptr<Ui::ExtensionRequestDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    Case m_case;
    QDateTime m_deadline; ///< invalid until read
    std::optional<Case> m_updated;
};
