#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>

class AuditRepository;
class Clock;
class Session;

/** Writes one audit entry for the session's actor; services call it inside the transaction of the change. */
class AuditWriter
{
public:
    AuditWriter(AuditRepository& audit, const Clock& clock)
        : m_audit(audit)
        , m_clock(clock)
    {}

    Status record(const Session& session, const QString& action, const QString& entity, qint64 entityId,
                  const QJsonObject& detail = {});

private:
    AuditRepository& m_audit;
    const Clock& m_clock;
};
