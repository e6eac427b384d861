#include "workers/DatabaseWorker.h"

#include "repositories/DatabaseConnector.h"

#include <QThread>

DatabaseWorker::DatabaseWorker(std::shared_ptr<const DatabaseConnector> connector, const Clock& clock,
                               const PasswordHasher& hasher, QObject* parent)
    : QObject(parent)
    , m_connector(std::move(connector))
    , m_clock(clock)
    , m_hasher(hasher)
    , m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("qingting-database"));
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

DatabaseWorker::~DatabaseWorker()
{
    // Drop what is still queued, let the running job finish, then close the connection in its own thread.
    m_stopping = true;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_scope.reset();
            m_connection.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_thread;
}

void DatabaseWorker::enqueue(std::function<bool()> wanted, Task task)
{
    ++m_pending;
    QMetaObject::invokeMethod(
        m_context,
        [this, wanted = std::move(wanted), task = std::move(task)] {
            if (!m_stopping && (!wanted || wanted())) {
                Error failure;
                const WorkerScope* s = scope(failure);
                task(s, s ? nullptr : &failure);
            }
            --m_pending;
        },
        Qt::QueuedConnection);
}

void DatabaseWorker::warmUp()
{
    enqueue({}, [this](const WorkerScope* scope, const Error*) {
        if (scope && m_connection) {
            (void)m_connection->warmUp();
        }
    });
}

void DatabaseWorker::handBack(std::function<void()> call)
{
    if (m_stopping) {
        return;
    }
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

const WorkerScope* DatabaseWorker::scope(Error& failure)
{
    if (!m_scope) {
        auto opened = m_connector->connect();
        if (!opened) {
            failure = opened.error();
            return nullptr;
        }
        m_connection = std::move(opened).value();
        m_scope = std::make_unique<WorkerScope>(WorkerScope{m_connection->repositories(), m_clock, m_hasher});
    }
    return m_scope.get();
}
