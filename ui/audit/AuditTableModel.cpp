#include "audit/AuditTableModel.h"

#include "audit/AuditActions.h"
#include "common/DateTimeText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QJsonObject detailObject(const QString& detailJson)
{
    return detailJson.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(detailJson.toUtf8()).object();
}

QString valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue& element : value.toArray()) {
            parts << valueText(element);
        }
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

QString rawEntityText(const AuditEntry& entry)
{
    if (entry.entity.isEmpty() || entry.entityId == 0) {
        return entry.entity;
    }
    return AuditTableModel::tr("%1 #%2", "entity and its id").arg(entry.entity).arg(entry.entityId);
}
} // namespace

AuditTableModel::AuditTableModel(QObject* parent)
    : ListTableModel(kColumnCount, parent)
{}

QString AuditTableModel::entityText(const AuditEntry& entry)
{
    const QJsonObject detail = detailObject(entry.detail);
    if (const QString caseNo = detail.value(QLatin1String("case_no")).toString(); !caseNo.isEmpty()) {
        return tr("Case %1").arg(caseNo);
    }
    if (const QString login = detail.value(QLatin1String("login")).toString(); !login.isEmpty()) {
        return tr("User %1").arg(login);
    }
    return rawEntityText(entry);
}

QString AuditTableModel::detailText(const QString& detailJson)
{
    const QJsonDocument document = QJsonDocument::fromJson(detailJson.toUtf8());
    if (!document.isObject()) {
        return detailJson;
    }
    const QJsonObject detail = document.object();
    QStringList pairs;
    for (auto it = detail.begin(); it != detail.end(); ++it) {
        pairs << tr("%1: %2", "key: value in an audit entry's detail").arg(it.key(), valueText(it.value()));
    }
    return pairs.join(QStringLiteral(" · "));
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    const AuditEntry* e = itemFor(index);
    if (!e) {
        return {};
    }
    const auto column = static_cast<Column>(index.column());
    if (role == RawValueRole) {
        switch (column) {
        case Column::Seq:
            return e->seq;
        case Column::Time:
            return e->at;
        case Column::Actor:
            return e->actor;
        case Column::Action:
            return e->action;
        case Column::Entity:
            return e->entity;
        case Column::Detail:
            return e->detail;
        }
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Column::Seq:
            return e->seq;
        case Column::Time:
            return DateTimeText::format(e->at);
        case Column::Actor:
            return e->actor;
        case Column::Action:
            return AuditActions::label(e->action);
        case Column::Entity:
            return entityText(*e);
        case Column::Detail:
            return detailText(e->detail);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Column::Action:
            return e->action;
        case Column::Entity:
            return rawEntityText(*e);
        case Column::Detail:
            return e->detail;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && column == Column::Seq) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumnCount) {
        return ListTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::Seq:
        return tr("No.");
    case Column::Time:
        return tr("Time");
    case Column::Actor:
        return tr("Actor");
    case Column::Action:
        return tr("Action");
    case Column::Entity:
        return tr("Entity");
    case Column::Detail:
        return tr("Detail");
    }
    return {};
}
