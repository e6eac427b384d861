#include "cases/ReferenceCombo.h"

#include "services/ReferenceService.h"

#include <QComboBox>
#include <QHash>

namespace ReferenceCombo {

namespace {
QString pathName(const ReferenceItem& item, const QHash<qint64, ReferenceItem>& byId)
{
    QString name = item.name;
    qint64 parent = item.parentId;
    for (int depth = 0; parent != 0 && depth < 8; ++depth) {
        const auto it = byId.constFind(parent);
        if (it == byId.constEnd()) {
            break;
        }
        name = it->name + QStringLiteral(" / ") + name;
        parent = it->parentId;
    }
    return name;
}
} // namespace

Status fill(QComboBox* combo, ReferenceService& reference, ReferenceKind kind, const QString& noneText)
{
    const qint64 previous = selectedId(combo);
    // Inactive rows too, so that a sub-category still shows under its parent when only the parent was deactivated.
    const auto items = reference.list(kind, true);
    combo->clear();
    if (!noneText.isEmpty()) {
        combo->addItem(noneText, qint64(0));
    }
    if (!items) {
        return items.error();
    }
    QHash<qint64, ReferenceItem> byId;
    for (const auto& item : *items) {
        byId.insert(item.id, item);
    }
    for (const auto& item : *items) {
        if (item.active) {
            combo->addItem(pathName(item, byId), item.id);
        }
    }
    select(combo, previous);
    return {};
}

qint64 selectedId(const QComboBox* combo)
{
    return combo->currentIndex() < 0 ? 0 : combo->currentData().toLongLong();
}

void select(QComboBox* combo, qint64 id)
{
    const int index = combo->findData(id);
    if (index >= 0) {
        combo->setCurrentIndex(index);
    }
}

} // namespace ReferenceCombo
