#pragma once

#include "cases/Case.h"
#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;
class ReferenceService;

namespace Ui {
class TransferDialog;
}

/** Transfers a case to another department with the reason (转办); the department must then sign for it. */
class TransferDialog : public QDialog
{
    Q_OBJECT

public:
    TransferDialog(Session session, ReferenceService& reference, DatabaseWorker& worker, const Case& target,
                   QWidget* parent = nullptr);
    ~TransferDialog() override;

    /** The case after the transfer; set once the dialog was accepted. */
    const std::optional<Case>& updatedCase() const { return m_updated; }
    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::TransferDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    Case m_case;
    std::optional<Case> m_updated;
};
