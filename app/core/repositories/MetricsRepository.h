#pragma once

#include "common/Result.h"
#include "metrics/Metrics.h"

/**
 * metrics (issue 13): the inputs of the figures of a period (Metrics::compute), read with indexed queries and only
 * the columns the figures need. Reads only.
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
};
