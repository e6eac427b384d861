#pragma once

#include "supervise/Deadline.h"

#include <QColor>
#include <QIcon>
#include <QString>

/**
 * How a deadline state looks: a colour, an icon whose shape differs per state (so it reads without colour), and
 * the words. The list and the case view use the same three, never the colour alone.
 */
namespace DeadlineBadge {
QColor color(DeadlineState state);
/** A red disc with "!" (overdue), an amber triangle with "!" (nearly due), nothing otherwise. */
QIcon icon(DeadlineState state);
/** The list's deadline cell: Deadlines::text plus the reminder level when reminders were sent. */
QString listText(const Case& c, const QDateTime& now, int nearDeadlineMinutes);
} // namespace DeadlineBadge
