#pragma once

#include <QDateTime>

/** The source of "now" for the domain: the system clock in the app, a fixed one in tests. */
class Clock
{
public:
    virtual ~Clock() = default;
    /** Local time, truncated to whole seconds (the precision we store). */
    virtual QDateTime now() const = 0;
};

/** The real wall clock. */
class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

/** A clock that only moves when told to; for tests and for `--as-of`. */
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now)
        : m_now(std::move(now))
    {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime& now) { m_now = now; }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};
