#pragma once

#include "repositories/ReferenceRepository.h"
#include "scripts/ScriptTemplate.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QList>
#include <QWidget>

#include <memory>

class DatabaseWorker;
class QSortFilterProxyModel;
class ScriptTableModel;

namespace Ui {
class ScriptLibraryWidget;
}

/**
 * The Response scripts page for administrators (话术库): the templates filtered by step and category, added and
 * edited in ScriptEditDialog, retired and reactivated. Loads and writes go through the database worker.
 */
class ScriptLibraryWidget : public QWidget
{
    Q_OBJECT

public:
    ScriptLibraryWidget(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);
    ~ScriptLibraryWidget() override;

    ScriptTableModel* model() const { return m_model; }
    /** Whether a load is under way. */
    bool isLoading() const { return m_loading; }

public slots:
    /** Loads the scripts and the categories again; keeps the selection. */
    void reload();
    void addScript();
    void editScript();
    void toggleActive();

signals:
    /** A load finished (successfully or not). */
    void loaded();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void fillFilters();
    void applyFilter();
    const ScriptTemplate* selectedScript() const;
    void selectId(qint64 id);
    void updateButtons();
    void showMessage(const QString& message);
    void showError(const QString& message);
    void openEditor(const std::optional<ScriptTemplate>& existing);

    std::unique_ptr<Ui::ScriptLibraryWidget> m_ui;
    Session m_session;
    DatabaseWorker& m_worker;
    ScriptTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QList<ScriptTemplate> m_all;
    QList<ReferenceItem> m_categories;
    LatestRequest m_loadRequest;
    qint64 m_selectAfterLoad = 0;
    bool m_loaded = false;
    bool m_loading = false;
};
