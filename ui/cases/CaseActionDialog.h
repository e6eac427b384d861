#pragma once

#include "cases/Case.h"
#include "cases/CaseLifecycle.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class CaseService;
class DatabaseWorker;
class ReferenceService;

namespace Ui {
class CaseActionDialog;
}

/**
 * Asks for what one case action needs (note, department, assignee or rating) and performs it on the database
 * worker, saying that it saves (and waits, when another desk holds the database) meanwhile.
 */
class CaseActionDialog : public QDialog
{
    Q_OBJECT

public:
    CaseActionDialog(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker, const Case& target,
                     CaseAction action, QWidget* parent = nullptr);
    ~CaseActionDialog() override;

    /** Whether the action asks for anything at all; Acknowledge and Start do not. */
    static bool needsInput(CaseAction action);

    CaseAction action() const { return m_action; }
    /** The case after the action; set once the dialog was accepted. */
    const std::optional<Case>& updatedCase() const { return m_updated; }

    void accept() override;
    void reject() override;
    /** The action is being saved on the worker. */
    bool isSaving() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void setUpFields();
    void retranslate();

    std::unique_ptr<Ui::CaseActionDialog> m_ui;
    CaseService& m_cases;
    ReferenceService& m_reference;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    Case m_case;
    CaseAction m_action;
    std::optional<Case> m_updated;
};
