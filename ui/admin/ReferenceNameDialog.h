#pragma once

#include "repositories/ReferenceRepository.h"

#include <QDialog>

#include <memory>
#include <optional>

class ReferenceService;

namespace Ui {
class ReferenceNameDialog;
}

/**
 * Names a new item of reference data (or a sub-category) or renames one, through ReferenceService; a refused name
 * shows in the dialog, which stays open with the text as typed.
 */
class ReferenceNameDialog : public QDialog
{
    Q_OBJECT

public:
    /** Adds an item of the kind; a parentId adds a sub-category under it, named parentName. */
    static ReferenceNameDialog* forAdding(ReferenceService& reference, ReferenceKind kind, qint64 parentId,
                                          const QString& parentName, QWidget* parent);
    /** Renames the item. */
    static ReferenceNameDialog* forRenaming(ReferenceService& reference, const ReferenceItem& item, QWidget* parent);
    ~ReferenceNameDialog() override;

    /** The item as stored once the dialog was accepted (with its new name when renamed). */
    const std::optional<ReferenceItem>& savedItem() const { return m_saved; }
    bool isRename() const { return m_item.id != 0; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    ReferenceNameDialog(ReferenceService& reference, const ReferenceItem& item, const QString& parentName,
                        QWidget* parent);
    void retranslate();
    static QString addTitle(ReferenceKind kind);

    std::unique_ptr<Ui::ReferenceNameDialog> m_ui;
    ReferenceService& m_reference;
    ReferenceItem m_item; ///< id 0 = a new item
    QString m_parentName;
    std::optional<ReferenceItem> m_saved;
};
