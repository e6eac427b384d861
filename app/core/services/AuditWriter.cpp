#include "AuditWriter.h"

#include "common/Clock.h"
#include "repositories/AuditRepository.h"
#include "users/Session.h"

#include <QJsonDocument>

Status AuditWriter::record(const Session& session, const QString& action, const QString& entity, qint64 entityId,
                           const QJsonObject& detail)
{
    AuditEntry e;
    e.at = m_clock.now();
    e.actorId = session.userId();
    e.actor = session.login();
    e.action = action;
    e.entity = entity;
    e.entityId = entityId;
    e.detail = detail.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    const auto appended = m_audit.append(e);
    if (!appended) {
        return appended.error();
    }
    return {};
}
