#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>

/**
 * Numbers the requests of one screen so that only the latest counts: the worker skips a request that was overtaken
 * before it started, and the screen drops a result that arrives after a newer request. Copies share the number.
 */
class LatestRequest
{
public:
    /** Starts a new request; every earlier one is stale from now on. */
    quint64 next() { return ++*m_latest; }
    /** Makes every request stale without starting one (the screen goes away or resets). */
    void invalidate() { ++*m_latest; }
    bool isLatest(quint64 id) const { return m_latest->load() == id; }
    /** A check that any thread may call later, even after this object is gone. */
    std::function<bool()> stillWanted(quint64 id) const
    {
        return [latest = m_latest, id] {
            return latest->load() == id;
        };
    }

private:
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
};
