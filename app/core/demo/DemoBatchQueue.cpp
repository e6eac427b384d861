#include "DemoBatchQueue.h"

#include "demo/DemoGenerator.h"

DemoBatchQueue::DemoBatchQueue(DemoGenerator& generator, int batchCases, int depth)
    : m_generator(generator)
    , m_batchCases(batchCases)
    , m_depth(std::size_t(std::max(1, depth)))
    , m_thread([this] { produce(); })
{}

DemoBatchQueue::~DemoBatchQueue()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void DemoBatchQueue::produce()
{
    while (true) {
        Item item;
        const bool more = m_generator.next(item.batch, m_batchCases);
        item.last = m_generator.finished();
        std::unique_lock lock(m_mutex);
        if (!more) {
            m_done = true;
            m_changed.notify_all();
            return;
        }
        m_changed.wait(lock, [this] { return m_stop || m_items.size() < m_depth; });
        if (m_stop) {
            return;
        }
        m_items.push_back(std::move(item));
        m_changed.notify_all();
    }
}

bool DemoBatchQueue::take(Demo::Batch& batch, bool* last)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_items.empty() || m_done; });
    if (m_items.empty()) {
        return false;
    }
    batch = std::move(m_items.front().batch);
    *last = m_items.front().last;
    m_items.pop_front();
    m_changed.notify_all();
    return true;
}
