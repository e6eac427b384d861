#pragma once

#include "cases/Case.h"
#include "users/Session.h"

#include <QDialog>

#include <memory>
#include <optional>

class DatabaseWorker;

namespace Ui {
class PauseClocksDialog;
}

/**
 * Pauses a case's SLA clocks with what it waits for and why, or resumes them with an optional note
 * (SlaService::pause / resume on the worker; issue 12, helper "sla"). A case changed meanwhile is refused.
 */
class PauseClocksDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Pause,
        Resume
    };

    PauseClocksDialog(Mode mode, const Session& session, DatabaseWorker& worker, const Case& current,
                      QWidget* parent = nullptr);
    ~PauseClocksDialog() override;

    const std::optional<Case>& updatedCase() const { return m_updated; }
    bool isSaving() const { return m_saving; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void setSaving(bool saving);

    std::unique_ptr<Ui::PauseClocksDialog> m_ui;
    Mode m_mode;
    Session m_session;
    DatabaseWorker& m_worker;
    Case m_case;
    std::optional<Case> m_updated;
    bool m_saving = false;
};
