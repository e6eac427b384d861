#pragma once

#include "repositories/ReferenceRepository.h"

#include <QList>
#include <QWidget>

#include <memory>

class QTreeView;
class ReferenceItemModel;
class ReferenceNameDialog;
class ReferenceService;

namespace Ui {
class ReferenceDataWidget;
}

/**
 * The Reference data page for administrators: one tab each for windows, departments, service items and categories
 * (a tree of top-level categories and their sub-categories). Add, rename, deactivate and reactivate; never delete.
 */
class ReferenceDataWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ReferenceDataWidget(ReferenceService& reference, QWidget* parent = nullptr);
    ~ReferenceDataWidget() override;

    ReferenceItemModel* model(ReferenceKind kind) const;
    QTreeView* view(ReferenceKind kind) const;
    /** The kind of the tab shown. */
    ReferenceKind currentKind() const;

public slots:
    /** Loads every kind again. */
    void reloadAll();
    void addItem();
    void addSubCategory();
    void renameItem();
    void toggleActive();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Tab
    {
        ReferenceKind kind;
        QTreeView* view;
        ReferenceItemModel* model;
    };

    const Tab& currentTab() const;
    const Tab& tabOf(ReferenceKind kind) const;
    void reload(ReferenceKind kind);
    /** The selected item of the tab shown, or nullptr. */
    const ReferenceItem* selectedItem() const;
    void select(ReferenceKind kind, qint64 id);
    void openNameDialog(ReferenceNameDialog* dialog);
    void updateButtons();
    void showMessage(const QString& message);
    void showError(const QString& message);

    std::unique_ptr<Ui::ReferenceDataWidget> m_ui;
    ReferenceService& m_reference;
    QList<Tab> m_tabs; ///< in the order of the tab widget's pages
};
