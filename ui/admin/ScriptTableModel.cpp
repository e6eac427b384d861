#include "admin/ScriptTableModel.h"

#include "repositories/ReferenceRepository.h"

#include <QBrush>
#include <QPalette>

ScriptTableModel::ScriptTableModel(QObject* parent)
    : ListTableModel(kColumnCount, parent)
{}

void ScriptTableModel::setCategoryNames(const QHash<qint64, QString>& names)
{
    m_categoryNames = names;
    retranslate();
}

QHash<qint64, QString> ScriptTableModel::categoryNames(const QList<ReferenceItem>& categories)
{
    QHash<qint64, QString> own;
    for (const ReferenceItem& c : categories) {
        own.insert(c.id, c.name);
    }
    QHash<qint64, QString> names = own;
    for (const ReferenceItem& c : categories) {
        if (c.parentId != 0 && own.contains(c.parentId)) {
            names.insert(c.id, tr("%1 / %2", "parent category / category").arg(own.value(c.parentId), c.name));
        }
    }
    return names;
}

QString ScriptTableModel::categoryName(qint64 categoryId) const
{
    if (categoryId == 0) {
        return tr("Every category");
    }
    return m_categoryNames.value(categoryId, tr("Category %1").arg(categoryId));
}

int ScriptTableModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < items().size(); ++row) {
        if (items().at(row).id == id) {
            return row;
        }
    }
    return -1;
}

QVariant ScriptTableModel::data(const QModelIndex& index, int role) const
{
    const ScriptTemplate* script = itemFor(index);
    if (!script) {
        return {};
    }
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Step:
            return IntakeCodes::label(script->step);
        case Column::Category:
            return categoryName(script->categoryId);
        case Column::Emotion:
            return script->emotion ? IntakeCodes::label(*script->emotion) : tr("Every level");
        case Column::Title:
            return script->title;
        case Column::Status:
            return script->active ? tr("Active") : tr("Retired");
        case Column::Text:
            return QString(script->body).replace(QLatin1Char('\n'), QLatin1Char(' '));
        }
        break;
    case Qt::ToolTipRole:
        return column == Column::Text || column == Column::Title ? QVariant(script->body) : QVariant();
    case Qt::ForegroundRole:
        return script->active ? QVariant() : QVariant(QPalette().brush(QPalette::Disabled, QPalette::Text));
    case IdRole:
        return script->id;
    case RawValueRole:
        switch (column) {
        case Column::Step:
            return static_cast<int>(script->step);
        case Column::Category:
            return script->categoryId;
        case Column::Emotion:
            return script->emotion ? static_cast<int>(*script->emotion) : -1;
        case Column::Title:
            return script->title;
        case Column::Status:
            return script->active;
        case Column::Text:
            return script->body;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ScriptTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Step:
        return tr("Step");
    case Column::Category:
        return tr("Category");
    case Column::Emotion:
        return tr("Emotion");
    case Column::Title:
        return tr("Title");
    case Column::Status:
        return tr("Status");
    case Column::Text:
        return tr("Text");
    }
    return {};
}
