#pragma once

#include "common/Result.h"
#include "metrics/Metrics.h"

/**
 * metrics (issue 13): the inputs of the figures of a period, read with indexed queries and only the columns the
 * figures need: the raw inputs (Metrics::compute, the full recomputation) or the daily aggregates (Metrics::finish).
 * Reads only.
 */
class MetricsRepository
{
public:
    virtual ~MetricsRepository() = default;

    /**
     * The cases received and the queue visits issued in the period (whole local days), and for the recurrence the
     * received times of the later cases of the citizens whose period's cases were closed (Metrics::Input).
     */
    virtual Result<Metrics::Input> inputs(const Metrics::Period& period) = 0;

    /**
     * The same figures' additive part from the daily aggregates (migration 0019): the cost grows with the days of
     * the period, not with the cases stored. Exact: Metrics::compute over inputs() gives the same totals.
     */
    virtual Result<Metrics::Totals> totals(const Metrics::Period& period) = 0;
    /** The exact durations at Metrics::ranksNeeded() for the totals' counts, found through the daily histograms. */
    virtual Result<Metrics::Ranked> ranked(const Metrics::Period& period, const Metrics::Totals& totals) = 0;
    /** Whether changed days wait for their daily figures (a write transaction's commit rebuilds them). */
    virtual Result<bool> hasStaleDays() = 0;
};
