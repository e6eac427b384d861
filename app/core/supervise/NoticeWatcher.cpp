#include "supervise/NoticeWatcher.h"

#include "services/ImprovementService.h"
#include "services/RiskService.h"
#include "services/SuperviseService.h"
#include "workers/DatabaseWorker.h"

#include <QMetaObject>
#include <QTimer>

#include <mutex>

/** The way back from the database thread's NOTIFY callback to the watcher, safe once the watcher is gone. */
struct NoticeWatcher::Relay
{
    std::mutex mutex;
    NoticeWatcher* watcher = nullptr;

    void poke()
    {
        const std::lock_guard lock(mutex);
        if (watcher) {
            QMetaObject::invokeMethod(watcher, &NoticeWatcher::check, Qt::QueuedConnection);
        }
    }
};

namespace {
struct StartPoint
{
    qint64 latest = 0;
    bool listening = false;
    std::optional<qint64> improvements;
    std::optional<RiskAlertState> riskAlerts;
};
struct Checked
{
    qint64 latest = 0;
    QList<Notice> notices;
    std::optional<qint64> improvements;
    std::optional<RiskAlertState> riskAlerts;
};

/** The register's change counter for the roles that read the register; nullopt for the others (or on an error). */
std::optional<qint64> improvementStamp(const Session& session, const WorkerScope& scope)
{
    ImprovementService improvements(session, scope.repos, scope.clock);
    if (!improvements.mayRead()) {
        return std::nullopt;
    }
    const auto stamp = improvements.changeStamp();
    return stamp ? std::optional<qint64>(*stamp) : std::nullopt;
}

/** The open risk alerts' count and newest id for supervisors; nullopt for the others (or on an error). */
std::optional<RiskAlertState> riskAlertState(const Session& session, const WorkerScope& scope)
{
    if (!scope.repos.risk || !session.can(RiskService::kSupervisePermission)) {
        return std::nullopt;
    }
    const auto state = RiskService(session, scope.repos, scope.clock).alertState();
    return state ? std::optional<RiskAlertState>(*state) : std::nullopt;
}
} // namespace

NoticeWatcher::NoticeWatcher(DatabaseWorker& worker, Session session, QObject* parent)
    : QObject(parent)
    , m_worker(worker)
    , m_session(std::move(session))
    , m_timer(new QTimer(this))
    , m_relay(std::make_shared<Relay>())
{
    m_relay->watcher = this;
    connect(m_timer, &QTimer::timeout, this, &NoticeWatcher::check);
}

NoticeWatcher::~NoticeWatcher()
{
    const std::lock_guard lock(m_relay->mutex);
    m_relay->watcher = nullptr;
}

void NoticeWatcher::setPollInterval(int ms)
{
    m_pollOverride = ms;
    if (m_started) {
        m_timer->start(ms > 0 ? ms : (m_listening ? kListeningPollMs : kSqlitePollMs));
    }
}

void NoticeWatcher::start()
{
    m_worker.run(
        this,
        [session = m_session, relay = m_relay](const WorkerScope& scope) -> Result<StartPoint> {
            SuperviseService supervise(session, scope.repos, scope.clock);
            const auto latest = supervise.latestEventId();
            if (!latest) {
                return latest.error();
            }
            StartPoint point;
            point.latest = *latest;
            point.listening = scope.repos.supervision->listenForEvents([relay] { relay->poke(); });
            point.improvements = improvementStamp(session, scope);
            point.riskAlerts = riskAlertState(session, scope);
            return point;
        },
        [this](const Result<StartPoint>& point) {
            if (point) {
                m_lastSeen = point->latest;
                m_listening = point->listening;
                m_improvementStamp = point->improvements;
                m_riskAlerts = point->riskAlerts;
            }
            m_started = true;
            setPollInterval(m_pollOverride);
            emit started();
            if (m_riskAlerts) {
                emit riskAlertsChanged(m_riskAlerts->openCount);
            }
        });
}

void NoticeWatcher::check()
{
    if (!m_started) {
        return;
    }
    if (m_checking) {
        m_checkAgain = true; // a NOTIFY during a check: look once more when it is done
        return;
    }
    m_checking = true;
    m_worker.run(
        this,
        [session = m_session, after = m_lastSeen](const WorkerScope& scope) -> Result<Checked> {
            SuperviseService supervise(session, scope.repos, scope.clock);
            // The newest id first: every event up to it has been looked at once this check is done.
            const auto latest = supervise.latestEventId();
            if (!latest) {
                return latest.error();
            }
            auto notices = supervise.noticesAfter(after);
            if (!notices) {
                return notices.error();
            }
            Checked checked;
            checked.improvements = improvementStamp(session, scope);
            checked.riskAlerts = riskAlertState(session, scope);
            checked.notices = std::move(notices).value();
            checked.latest =
                checked.notices.size() == SuperviseService::kNoticeBatch
                    ? checked.notices.constLast().event.id // more to read: go on from the last one
                    : std::max(*latest, checked.notices.isEmpty() ? 0 : checked.notices.constLast().event.id);
            return checked;
        },
        [this](const Result<Checked>& checked) {
            m_checking = false;
            if (checked) {
                const bool advanced = checked->latest > m_lastSeen;
                m_lastSeen = std::max(m_lastSeen, checked->latest);
                if (advanced) {
                    emit eventsAdvanced(m_lastSeen);
                }
                if (checked->improvements) {
                    const bool changed = m_improvementStamp && *checked->improvements != *m_improvementStamp;
                    m_improvementStamp = checked->improvements;
                    if (changed) {
                        emit improvementsChanged();
                    }
                }
                if (checked->riskAlerts) {
                    const bool changed = !m_riskAlerts || *checked->riskAlerts != *m_riskAlerts;
                    m_riskAlerts = checked->riskAlerts;
                    if (changed) {
                        emit riskAlertsChanged(m_riskAlerts->openCount);
                    }
                }
                if (!checked->notices.isEmpty()) {
                    emit noticesArrived(checked->notices);
                }
                if (checked->notices.size() == SuperviseService::kNoticeBatch) {
                    m_checkAgain = true;
                }
            }
            if (m_checkAgain) {
                m_checkAgain = false;
                check();
            }
        });
}
