#pragma once

#include "cases/Case.h"

#include <QDialog>

#include <memory>
#include <optional>

class BusyIndicator;
class CaseService;
class DatabaseWorker;
class ReferenceService;

namespace Ui {
class NewCaseDialog;
}

/**
 * The simple intake form: records one complaint through CaseService::create on the database worker (the form says
 * it is saving, and a second submit waits for the first); on error nothing typed is lost.
 */
class NewCaseDialog : public QDialog
{
    Q_OBJECT

public:
    NewCaseDialog(CaseService& cases, ReferenceService& reference, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~NewCaseDialog() override;

    /** The case as stored; set once the dialog was accepted. */
    const std::optional<Case>& createdCase() const { return m_created; }
    /** What the form holds now. */
    CaseDraft draft() const;

    void accept() override;
    void reject() override;
    /** The case is being saved on the worker. */
    bool isSaving() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillChoices();
    void retranslate();

    std::unique_ptr<Ui::NewCaseDialog> m_ui;
    CaseService& m_cases;
    ReferenceService& m_reference;
    DatabaseWorker& m_worker;
    BusyIndicator* m_busy = nullptr;
    std::optional<Case> m_created;
};
