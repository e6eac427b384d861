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
class ExtensionDecisionDialog;
}

/** A supervisor approves an extension request (the case follows the new date) or refuses it, saying why. */
class ExtensionDecisionDialog : public QDialog
{
    Q_OBJECT

public:
    ExtensionDecisionDialog(Session session, DatabaseWorker& worker, const Case& target, const CaseExtension& request,
                            QWidget* parent = nullptr);
    ~ExtensionDecisionDialog() override;

    const std::optional<Case>& updatedCase() const { return m_updated; }
    void reject() override;

public slots:
    void approve();
    void refuse();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void decide(bool approve);

    std::unique_ptr<Ui::ExtensionDecisionDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    Case m_case;
    CaseExtension m_request;
    std::optional<Case> m_updated;
};
