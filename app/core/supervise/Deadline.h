#pragma once

#include "cases/Case.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

/** How a case stands against its due time, for the list and the case view (never shown by colour alone). */
enum class DeadlineState
{
    None,         ///< closed, resolved or without a due time: nothing owed against a clock
    OnTime,       ///< open, more than the policy's near-deadline minutes left
    NearDeadline, ///< open, due within the near-deadline minutes (SlaPolicy::nearDeadlineMinutes)
    Overdue,      ///< open and past its due time (Case::isOverdue)
};

/** The deadline state of a case and the words that go with it (the colour and icon are the UI's). */
class Deadlines
{
    Q_DECLARE_TR_FUNCTIONS(Deadlines)

public:
    static DeadlineState stateOf(const Case& c, const QDateTime& now, int nearDeadlineMinutes);
    /** "Overdue by 3 h 20 min", "Due in 45 min", "Due 2026-06-03 17:00"; empty for DeadlineState::None. */
    static QString text(const Case& c, const QDateTime& now, int nearDeadlineMinutes);
    /** A span as the desk reads it: "2 d 3 h", "3 h 20 min", "45 min" (at least 1 min). */
    static QString span(qint64 seconds);
    /** The escalation a reminder level stands for: 1 督办 reminder, 2 催办 urgent reminder, 3+ 挂牌督办. */
    static QString reminderLevelLabel(int level);
    /** "Reminded 2× (urgent reminder), last 2026-06-01 10:00"; empty when no reminder was sent. */
    static QString reminderText(const Case& c);
};
