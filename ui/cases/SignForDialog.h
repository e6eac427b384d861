#pragma once

#include "cases/Case.h"
#include "cases/Transfer.h"
#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class SignForDialog;
}

/**
 * The receiving department's answer to a transfer: sign for it (签收, a note optional) or return it to the sender
 * (退回, the reason required). Both are saved on the database worker.
 */
class SignForDialog : public QDialog
{
    Q_OBJECT

public:
    SignForDialog(Session session, DatabaseWorker& worker, const Case& target, const CaseTransfer& transfer,
                  QWidget* parent = nullptr);
    ~SignForDialog() override;

    const std::optional<Case>& updatedCase() const { return m_updated; }
    void reject() override;

public slots:
    void signFor();
    void returnTransfer();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    template <typename Job> void save(Job job);

    std::unique_ptr<Ui::SignForDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    Case m_case;
    CaseTransfer m_transfer;
    std::optional<Case> m_updated;
};
