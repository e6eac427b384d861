#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"
#include "workers/LatestRequest.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>

class Clock;
class DatabaseConnection;
class DatabaseConnector;
class PasswordHasher;
class QThread;

/** What a job on the database thread works with: that thread's own repositories, the app's clock and hasher. */
struct WorkerScope
{
    Repositories repos;
    const Clock& clock;
    const PasswordHasher& hasher;
};

/**
 * The database thread of the app: one QThread that opens its own connection (through a DatabaseConnector) on its
 * first job, runs jobs one after another and hands each result back to the thread of the object that asked, by
 * a queued call. A job builds the services it needs over WorkerScope with the caller's Session. The connection is
 * closed in the worker's thread when the worker is destroyed; jobs still queued then are dropped.
 */
class DatabaseWorker : public QObject
{
    Q_OBJECT

public:
    DatabaseWorker(std::shared_ptr<const DatabaseConnector> connector, const Clock& clock, const PasswordHasher& hasher,
                   QObject* parent = nullptr);
    ~DatabaseWorker() override;
    DatabaseWorker(const DatabaseWorker&) = delete;
    DatabaseWorker& operator=(const DatabaseWorker&) = delete;

    /**
     * Runs job(const WorkerScope&) on the database thread, then done(result) in `receiver`'s thread unless the
     * receiver is gone by then. The job's result must be constructible from Error (Result<T>, Status): it is
     * what done gets when the worker's connection cannot be opened.
     */
    template <typename Job, typename Done> void run(QObject* receiver, Job job, Done done)
    {
        post(receiver, {}, std::move(job), std::move(done));
    }

    /**
     * As run(), for a screen that only cares about its latest request: starts a new request on `latest`; the job
     * is skipped when a newer request overtook it before it started, and done is not called when one overtook it
     * before the result arrived. Returns the request's id.
     */
    template <typename Job, typename Done>
    quint64 runLatest(QObject* receiver, LatestRequest& latest, Job job, Done done)
    {
        const quint64 id = latest.next();
        post(receiver, latest.stillWanted(id), std::move(job), std::move(done));
        return id;
    }

    /**
     * Opens the worker's connection now, without waiting for the first job, and warms it
     * (DatabaseConnection::warmUp) on the database thread; the composition root calls it at start, while the
     * login dialog waits for the user. A connection that cannot open is tried again by the first job, which
     * reports why; a warm-up that fails only leaves the first list to load what it needs.
     */
    void warmUp();

    /** Jobs queued or running; for tests and status displays. Thread-safe. */
    int pendingJobs() const { return m_pending.load(); }

private:
    using Task = std::function<void(const WorkerScope* scope, const Error* failure)>;

    template <typename Job, typename Done>
    void post(QObject* receiver, std::function<bool()> wanted, Job job, Done done)
    {
        using R = std::invoke_result_t<Job&, const WorkerScope&>;
        static_assert(std::is_constructible_v<R, Error>, "the job must return a Result<T> or Status");
        QPointer<QObject> guard(receiver);
        auto deliver = [guard, wanted, done = std::move(done)](std::shared_ptr<R> result) mutable {
            if (guard && (!wanted || wanted())) {
                done(std::move(*result));
            }
        };
        enqueue(wanted, [this, job = std::move(job), deliver = std::move(deliver)](const WorkerScope* scope,
                                                                                   const Error* failure) mutable {
            auto result = std::make_shared<R>(scope ? R(job(*scope)) : R(*failure));
            handBack([deliver, result]() mutable { deliver(result); });
        });
    }

    void enqueue(std::function<bool()> wanted, Task task);
    /** Called on the database thread: runs `call` in this object's (the GUI) thread. */
    void handBack(std::function<void()> call);
    /** On the database thread: the connection, opened on first use. Null and `failure` set when it cannot open. */
    const WorkerScope* scope(Error& failure);

    std::shared_ptr<const DatabaseConnector> m_connector;
    const Clock& m_clock;
    const PasswordHasher& m_hasher;
    QThread* m_thread = nullptr;
    QObject* m_context = nullptr; ///< lives in m_thread; jobs are queued calls on it
    std::atomic<int> m_pending{0};
    std::atomic<bool> m_stopping{false};
    // Touched only on the database thread:
    std::unique_ptr<DatabaseConnection> m_connection;
    std::unique_ptr<WorkerScope> m_scope;
};
