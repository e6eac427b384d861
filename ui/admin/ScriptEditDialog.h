#pragma once

#include "repositories/ReferenceRepository.h"
#include "scripts/ScriptTemplate.h"
#include "users/Session.h"

#include <QDialog>
#include <QHash>

#include <memory>
#include <optional>

class BusyIndicator;
class DatabaseWorker;

namespace Ui {
class ScriptEditDialog;
}

/**
 * Adds a response script, or edits one: step, category, emotion level, title and text, with a live preview filled
 * with sample values and a warning for placeholders Qingting cannot fill. Saves through ScriptService on the worker.
 */
class ScriptEditDialog : public QDialog
{
    Q_OBJECT

public:
    /**
     * `categories` are offered (active ones, and the edited script's own); `existing` is the script to edit, as
     * loaded (its version guards against another admin's change meanwhile), or nullopt to add one.
     */
    ScriptEditDialog(const Session& session, DatabaseWorker& worker, const QList<ReferenceItem>& categories,
                     const std::optional<ScriptTemplate>& existing, QWidget* parent = nullptr);
    ~ScriptEditDialog() override;

    /** The stored script; set once the dialog was accepted. */
    const std::optional<ScriptTemplate>& savedScript() const { return m_saved; }
    /** The values the preview fills in, for the clerk-facing placeholders. */
    static QHash<QString, QString> sampleValues();

    /** For a new script: starts with this step (if any) and category (0 = every category). */
    void preset(std::optional<ScriptStep> step, qint64 categoryId);

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillCombos();
    void updatePreview();
    void insertPlaceholder();
    ScriptTemplate edited() const;

    std::unique_ptr<Ui::ScriptEditDialog> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    QList<ReferenceItem> m_categories;
    std::optional<ScriptTemplate> m_existing;
    BusyIndicator* m_busy = nullptr;
    std::optional<ScriptTemplate> m_saved;
};
