#pragma once

#include "cases/Case.h"
#include "intake/IntakeContext.h"
#include "services/IntakeService.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;

namespace Ui {
class StaffReportDialog;
}

/**
 * The staff report (员工上报): a member of staff reports a problem they noticed themselves. Non-punitive: the form
 * thanks the reporter and never asks who is to blame. It makes a case of channel staff_report on the worker.
 */
class StaffReportDialog : public QDialog
{
    Q_OBJECT

public:
    StaffReportDialog(const IntakeContext& context, QWidget* parent = nullptr);
    ~StaffReportDialog() override;

    StaffReportDraft draft() const;
    const std::optional<Case>& createdCase() const { return m_created; }
    bool isSaving() const;

    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillChoices();
    void retranslate();

    std::unique_ptr<Ui::StaffReportDialog> m_ui;
    IntakeContext m_context;
    BusyIndicator* m_busy = nullptr;
    std::optional<Case> m_created;
};
