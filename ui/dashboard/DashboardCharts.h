#pragma once

#include "dashboard/Dashboard.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class QChart;

/**
 * The charts of the supervisor's dashboard (issue 14), each built anew from a Snapshot as a QChart: x is the bucket
 * (day or week) on a category axis, so bars and lines share it. Every bar set and line answers hovering with a
 * tooltip that gives the values, and a click with the Selection of the cases behind it (onSelect). Series and bar
 * sets carry object names (e.g. "queueMedian", "level5", "vitalFew") for tests and exports.
 */
class DashboardCharts
{
    Q_DECLARE_TR_FUNCTIONS(DashboardCharts)

public:
    enum class Kind
    {
        Waiting,      ///< mean, median, p90 of the queue and of the minutes complainants waited
        Satisfaction, ///< the five 好差评 levels stacked, CSAT and NPS as lines
        Service,      ///< first-response and resolution medians, 48-hour compliance
        Channels,     ///< cases per bucket by channel, stacked
        Pareto,       ///< categories by cases, the cumulative share, the 80 % mark
    };
    static QList<Kind> kinds();
    static QString title(Kind kind);
    /** A short file-name part for exports: "waiting", "satisfaction", … */
    static QString fileName(Kind kind);

    /** What a click asks for, and a one-line description of it for the cases dialog's title. */
    using OnSelect = std::function<void(const Dashboard::Selection& selection, const QString& description)>;

    /** A new chart of the kind over the snapshot; the caller owns it (a QChartView takes it). */
    static QChart* build(Kind kind, const Dashboard::Snapshot& snapshot, const OnSelect& onSelect);

    /** The label of a bucket on the x axis: "06-02" (a day) or "06-02" with the week's first day. */
    static QString bucketLabel(const Dashboard::Range& bucket);
    /** A bucket for tooltips and titles: "2025-06-02" or "2025-06-02 – 2025-06-08". */
    static QString bucketText(const Dashboard::Range& bucket);
};
