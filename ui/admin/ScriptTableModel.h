#pragma once

#include "common/ListTableModel.h"
#include "scripts/ScriptTemplate.h"

#include <QHash>

struct ReferenceItem;

/** The response scripts as a table for the admin: step, category, emotion level, title, status and the text. */
class ScriptTableModel : public ListTableModel<ScriptTemplate>
{
    Q_OBJECT

public:
    enum class Column
    {
        Step,
        Category,
        Emotion,
        Title,
        Status,
        Text
    };
    static constexpr int kColumnCount = static_cast<int>(Column::Text) + 1;
    /** The raw value behind a cell: the step, category id and emotion as numbers (-1 = every level), texts, bool. */
    static constexpr int RawValueRole = Qt::UserRole + 1;
    /** The script's id, in every column. */
    static constexpr int IdRole = Qt::UserRole + 2;

    explicit ScriptTableModel(QObject* parent = nullptr);

    /** The names shown for category ids; a category not named here shows its id. */
    void setCategoryNames(const QHash<qint64, QString>& names);
    /** Each category's name as lists show it: "parent / category" for a sub-category. */
    static QHash<qint64, QString> categoryNames(const QList<ReferenceItem>& categories);
    QString categoryName(qint64 categoryId) const;
    int rowOfId(qint64 id) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QHash<qint64, QString> m_categoryNames;
};
