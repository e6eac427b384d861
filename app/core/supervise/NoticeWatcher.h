#pragma once

#include "repositories/RiskRepository.h"
#include "repositories/SupervisionRepository.h"
#include "users/Session.h"

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class DatabaseWorker;
class QTimer;

/**
 * Tells a desk what other desks did that concerns it (a case assigned to it, a reminder for it, a return), with no
 * server of our own. On the database worker it starts at the newest timeline event, then looks again on every tick
 * (SQLite: a cheap index lookup every kSqlitePollMs) or at once when PostgreSQL announces a new event
 * (LISTEN/NOTIFY on the worker's connection; a slow tick stays as a safety net). Notices are emitted oldest first.
 * The same check tells the improvement register's readers when any action was written (improvementsChanged).
 */
class NoticeWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSqlitePollMs = 15000;    ///< well inside the one minute a desk may wait
    static constexpr int kListeningPollMs = 60000; ///< PostgreSQL: NOTIFY is the signal; the tick only backs it up

    NoticeWatcher(DatabaseWorker& worker, Session session, QObject* parent = nullptr);
    ~NoticeWatcher() override;

    /** Starts watching from the newest event; nothing that happened before is reported. */
    void start();
    /** Looks for new notices now (a tick, a NOTIFY, or a test). */
    void check();
    /** Tests: a different tick; 0 keeps the default for the database. */
    void setPollInterval(int ms);

    bool isStarted() const { return m_started; }
    /** Whether the database announces new events (PostgreSQL) rather than being polled only. */
    bool isListening() const { return m_listening; }
    qint64 lastSeenEventId() const { return m_lastSeen; }

signals:
    void noticesArrived(const QList<Notice>& notices);
    /**
     * Some desk changed cases: the newest timeline event is newer than the last check saw, whoever it concerns.
     * The dashboard (issue 14) reloads its figures on it.
     */
    void eventsAdvanced(qint64 latestEventId);
    /**
     * Some desk (this one included) created or changed an improvement action: the register's change counter
     * (ImprovementService::changeStamp) differs from the last check's. Only for roles that read the register; the
     * register and the dashboard's overdue actions reload on it (issue 14).
     */
    void improvementsChanged();
    /**
     * Supervisors (issue 16): the open high-risk alerts changed — a new one was raised or one was taken, on any desk
     * (their count and newest id differ from the last check's). Emitted once after start() with the open count too,
     * so a desk that opens while alerts are open shows them.
     */
    void riskAlertsChanged(int openCount);
    /** The watcher has its starting point (and knows whether it listens); for tests and status displays. */
    void started();

private:
    struct Relay;

    DatabaseWorker& m_worker;
    Session m_session;
    QTimer* m_timer = nullptr;
    std::shared_ptr<Relay> m_relay;
    qint64 m_lastSeen = 0;
    std::optional<qint64> m_improvementStamp;   ///< nullopt until read (or for roles without the register)
    std::optional<RiskAlertState> m_riskAlerts; ///< nullopt until read (or for roles without the risk queue)
    bool m_started = false;
    bool m_listening = false;
    bool m_checking = false;
    bool m_checkAgain = false;
    int m_pollOverride = 0;
};
