#include "supervise/Deadline.h"

#include "cases/CaseStatus.h"

DeadlineState Deadlines::stateOf(const Case& c, const QDateTime& now, int nearDeadlineMinutes)
{
    if (!CaseStatuses::isOpen(c.status) || !c.dueAt.isValid()) {
        return DeadlineState::None;
    }
    if (c.dueAt < now) {
        return DeadlineState::Overdue;
    }
    return now.secsTo(c.dueAt) <= qint64(nearDeadlineMinutes) * 60 ? DeadlineState::NearDeadline
                                                                   : DeadlineState::OnTime;
}

QString Deadlines::span(qint64 seconds)
{
    const qint64 minutes = std::max<qint64>(1, (seconds + 59) / 60);
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = (minutes / 60) % 24;
    const qint64 rest = minutes % 60;
    if (days > 0) {
        return hours > 0 ? tr("%1 d %2 h").arg(days).arg(hours) : tr("%1 d").arg(days);
    }
    if (hours > 0) {
        return rest > 0 ? tr("%1 h %2 min").arg(hours).arg(rest) : tr("%1 h").arg(hours);
    }
    return tr("%1 min").arg(rest);
}

QString Deadlines::text(const Case& c, const QDateTime& now, int nearDeadlineMinutes)
{
    switch (stateOf(c, now, nearDeadlineMinutes)) {
    case DeadlineState::None:
        return {};
    case DeadlineState::Overdue:
        return tr("Overdue by %1").arg(span(c.dueAt.secsTo(now)));
    case DeadlineState::NearDeadline:
        return tr("Due in %1").arg(span(now.secsTo(c.dueAt)));
    case DeadlineState::OnTime:
        return tr("Due %1").arg(c.dueAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    return {};
}

QString Deadlines::reminderLevelLabel(int level)
{
    if (level <= 0) {
        return {};
    }
    if (level == 1) {
        return tr("reminder");
    }
    if (level == 2) {
        return tr("urgent reminder");
    }
    return tr("supervised by the hall's leadership");
}

QString Deadlines::reminderText(const Case& c)
{
    if (c.reminderLevel <= 0) {
        return {};
    }
    return tr("Reminded %1× (%2), last %3")
        .arg(c.reminderLevel)
        .arg(reminderLevelLabel(c.reminderLevel), c.remindedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}
