#pragma once

#include "cases/Case.h"

#include <QDialog>

#include <memory>
#include <optional>

class CaseService;
class ReferenceService;

namespace Ui {
class NewCaseDialog;
}

/** The simple intake form: records one complaint through CaseService::create; on error nothing typed is lost. */
class NewCaseDialog : public QDialog
{
    Q_OBJECT

public:
    NewCaseDialog(CaseService& cases, ReferenceService& reference, QWidget* parent = nullptr);
    ~NewCaseDialog() override;

    /** The case as stored; set once the dialog was accepted. */
    const std::optional<Case>& createdCase() const { return m_created; }
    /** What the form holds now. */
    CaseDraft draft() const;

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillChoices();
    void retranslate();

    std::unique_ptr<Ui::NewCaseDialog> m_ui;
    CaseService& m_cases;
    ReferenceService& m_reference;
    std::optional<Case> m_created;
};
