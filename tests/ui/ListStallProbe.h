#pragma once

#include "users/Session.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class CaseListWidget;
class QTimer;

/** A 10 ms heartbeat QTimer in the GUI thread that records how late its worst tick came: the longest stall. */
class Heartbeat : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 10;

    explicit Heartbeat(QObject* parent = nullptr);
    void start();
    void stop();
    /** Forgets the worst lateness so far. */
    void reset();
    /** The worst lateness since start() or reset(), in ms. */
    qint64 worstLatenessMs() const { return m_worstMs; }
    /**
     * The most CPU time the GUI thread used between two ticks since start() or reset(), in ms: the part of a stall
     * that is work on the GUI thread rather than waiting for a core on a busy machine.
     */
    qint64 worstBusyMs() const { return m_worstBusyMs; }

private:
    void tick();

    QTimer* m_timer = nullptr;
    QElapsedTimer m_sinceLastTick;
    qint64 m_lastCpuUs = 0;
    qint64 m_worstMs = 0;
    qint64 m_worstBusyMs = 0;
};

/** One step of driving the list: what was done, the longest GUI-thread stall meanwhile and how long it took. */
struct StallStep
{
    QString name;
    qint64 worstStallMs = 0;
    qint64 worstBusyMs = 0; ///< GUI-thread CPU time within the worst gap between ticks (see Heartbeat)
    qint64 elapsedMs = 0;
    bool finished = false; ///< the list had its answer within the timeout
    int rows = 0;          ///< rows shown afterwards
};

/**
 * Drives a shown case list as a user does, through every sortable column (both orders), every entry of the status
 * filter, "Assigned to me", a search typed key by key, and scrolling for more rows; waits for the list's answer
 * after each step and records the heartbeat's worst lateness during it.
 */
QList<StallStep> driveCaseList(CaseListWidget& list, Heartbeat& heartbeat, const QString& searchText,
                               int stepTimeoutMs);

class Database;
struct DatabaseLocation;

/** A bench's desk: an existing Qingting SQLite file opened, and a session of its first active user of `role`. */
struct BenchDesk
{
    std::unique_ptr<Database> db;
    Session session;
};
/** Opens `path` (never creating it) as the bench tools do; on failure prints why to stderr and returns nothing. */
std::optional<BenchDesk> openBenchDesk(const DatabaseLocation& location, Role role);

/** Prints the steps as a table and the worst stall; true when every step finished within `budgetMs`. */
bool printStallSteps(const QList<StallStep>& steps, qint64 budgetMs);
