#pragma once

#include "common/Result.h"
#include "dashboard/Dashboard.h"

#include <QHash>

/**
 * dashboard (issue 14): what the dashboard reads beyond the figures of MetricsRepository, each with indexed queries
 * over the range's cases. Reads only. Names of windows, items and departments are not joined here: the service takes
 * them from ReferenceRepository.
 */
class DashboardRepository
{
public:
    virtual ~DashboardRepository() = default;

    /**
     * Whether some day of the range waits for its daily groups (the counts the reads below use, built when the
     * dashboard first needs them rather than by every write), and building them: a write, inside a transaction.
     */
    virtual Result<bool> groupsPending(const Dashboard::Range& range) = 0;
    virtual Status buildGroups(const Dashboard::Range& range) = 0;

    /** The counts of one chart point (cases received in `bucket`). */
    struct Tally
    {
        Dashboard::LevelCounts levels{};     ///< ratings 1–5 not left out by an approved appeal: [0] = 1
        Dashboard::ChannelCounts channels{}; ///< cases by channel: index int(Channel)
        QList<double> waitedMinutes;         ///< the minutes complainants said they waited (recorded ones only)
    };
    virtual Result<Tally> tally(const Dashboard::Range& bucket) = 0;

    /**
     * The range's cases grouped by window, item or department (id 0 = none), with the 48-hour rule and the open and
     * overdue counts as of `asOf`. Names left empty.
     */
    virtual Result<QList<Dashboard::BreakdownRow>> breakdown(Dashboard::Dimension dimension,
                                                             const Dashboard::Range& range, const QDateTime& asOf) = 0;

    /** The systemic alerts of the range under the rule (names left empty), most cases first. */
    virtual Result<QList<Dashboard::SystemicAlert>> alerts(const Dashboard::Range& range,
                                                           const Dashboard::AlertRule& rule) = 0;

    /** The ids of the cases behind a selection, in received order (newest first), at most `limit`. */
    virtual Result<QList<qint64>> casesBehind(const Dashboard::Selection& selection, int limit) = 0;
};
