#pragma once

#include "cases/CaseEvent.h"
#include "common/Result.h"

#include <QList>
#include <QString>

#include <functional>

/** A timeline event that concerns one desk: what another desk did on a case assigned to it. */
struct Notice
{
    CaseEvent event;
    QString caseNo;
};

/** What supervision reads: the change counter of the timeline and the events that concern a desk. */
class SupervisionRepository
{
public:
    virtual ~SupervisionRepository() = default;

    /** The newest timeline event's id (0 when there is none): one index lookup, the change counter desks poll. */
    virtual Result<qint64> latestEventId() = 0;
    /**
     * Events after `afterEventId`, of the given kinds, on cases now assigned to `userId`, by anyone else; oldest
     * first, at most `limit`.
     */
    virtual Result<QList<Notice>> notices(qint64 afterEventId, qint64 userId, const QList<CaseEventKind>& kinds,
                                          int limit) = 0;
    /**
     * Calls `changed` (on the connection's thread) whenever another connection adds a timeline event or writes an
     * improvement action (issue 14), as the database announces it (PostgreSQL LISTEN/NOTIFY). Returns false where the
     * database announces nothing (SQLite): the caller polls latestEventId() instead.
     */
    virtual bool listenForEvents(std::function<void()> changed) = 0;
};
