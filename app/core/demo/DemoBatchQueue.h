#pragma once

#include "demo/DemoData.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

class DemoGenerator;

/**
 * Runs a DemoGenerator on a thread of its own, a few batches ahead of the writer, so that on two cores generating
 * the next days overlaps with writing the last ones. The batches come out in the generator's order: the data stays
 * the same for a seed. Destroying the queue stops the thread.
 */
class DemoBatchQueue
{
public:
    DemoBatchQueue(DemoGenerator& generator, int batchCases, int depth = 2);
    ~DemoBatchQueue();
    DemoBatchQueue(const DemoBatchQueue&) = delete;
    DemoBatchQueue& operator=(const DemoBatchQueue&) = delete;

    /** Waits for the next batch; false when there is none. `last` says whether no batch follows it. */
    bool take(Demo::Batch& batch, bool* last);

private:
    struct Item
    {
        Demo::Batch batch;
        bool last = false;
    };
    void produce();

    DemoGenerator& m_generator;
    const int m_batchCases;
    const std::size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_items;
    bool m_done = false; ///< the producer has generated everything
    bool m_stop = false; ///< the consumer wants no more
    std::thread m_thread;
};
