#pragma once

#include <QHash>
#include <QList>
#include <QTime>

/**
 * The hall's deadline rules (issue 12, PRODUCT.md "The case workflow" 3 and 6): the targets of every SLA clock and
 * the thresholds of the closed loop. Admins change them (ui/admin); SlaEngine turns them into due times. Plain data:
 * the defaults below are the hall's starting point and what a database without stored rules uses.
 */
struct SlaPolicy
{
    /** One working period of the day for hour-based clocks in working-hours mode, e.g. 09:00–12:00. */
    struct Period
    {
        QTime from;
        QTime to;
    };

    // --- The clocks' targets ---
    /** Acknowledgement of a case that did not come to a window (phone, online, 12345, …), in natural minutes. */
    int acknowledgeMinutes = 30;
    /** A concrete solution or a timetable (答复) within this many hours of receipt. */
    int answerHours = 48;
    /** Resolution (办结), in working days after receipt, unless the category has its own. */
    int resolveWorkingDays = 15;
    /** Resolution per top-level category id, in working days (overrides resolveWorkingDays). */
    QHash<qint64, int> resolveWorkingDaysByCategory;
    /** Rectification after a bad review (差评整改), in working days; 5 to 15. */
    int rectifyWorkingDays = 15;
    /** The second follow-up (二次回访) after the rectification's feedback, in working days. */
    int secondFollowUpWorkingDays = 3;

    // --- How hour-based clocks count ---
    /** false: natural hours (the default); true: only the working periods of working days count. */
    bool workingHoursMode = false;
    /** The working periods of a working day, in order, not overlapping (used in working-hours mode). */
    QList<Period> workingPeriods{{QTime(9, 0), QTime(12, 0)}, {QTime(13, 30), QTime(17, 30)}};

    // --- Thresholds of the closed loop ---
    /** A case with less than this left before a deadline is "near its deadline" (shown by colour, icon and text). */
    int nearDeadlineMinutes = 240;
    /** A case transferred more than this many times is flagged to the supervisor. */
    int transferFlagThreshold = 2;
    /** Failed follow-up attempts after which the case is marked unreachable (失联). */
    int unreachableAfterAttempts = 3;
    /** The no-rating rule (默认评价), off by default: no rating within this many days counts as noRatingLevel. */
    bool noRatingRuleEnabled = false;
    int noRatingDays = 7;
    int noRatingLevel = 5; ///< 非常满意 in the province that uses the rule

    // --- Crisis mode (issue 16) ---
    /** The golden hours to the first public statement of a crisis: 4 (黄金4小时, the default) or 1 (strict). */
    int crisisGoldenHours = 4;
};
