#pragma once

#include "cases/Case.h"
#include "services/IntakeService.h"
#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class AmendIntakeDialog;
}

/**
 * Amends the facts, the impact or the steps of a recorded case (IntakeService::amend on the worker); each amendment
 * becomes a timeline event with its reason. A case changed meanwhile by another desk refuses the amendment.
 */
class AmendIntakeDialog : public QDialog
{
    Q_OBJECT

public:
    AmendIntakeDialog(const Session& session, DatabaseWorker& worker, const Case& current, QWidget* parent = nullptr);
    ~AmendIntakeDialog() override;

    IntakeAmendment amendment() const;
    const std::optional<Case>& amendedCase() const { return m_amended; }
    bool isSaving() const;

    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillParts();
    void showPart();
    IntakePart part() const;

    std::unique_ptr<Ui::AmendIntakeDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    Case m_case;
    BusyIndicator* m_busy = nullptr;
    std::optional<Case> m_amended;
};
