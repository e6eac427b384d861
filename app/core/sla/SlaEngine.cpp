#include "SlaEngine.h"

#include <algorithm>

namespace {
constexpr int kMaxDaysSearched = 800; ///< a clock never needs more; guards against a policy without periods

QString shortTime(const QDateTime& t)
{
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QList<SlaPause> sortedBefore(QList<SlaPause> pauses, const QDateTime& stoppedAt)
{
    if (stoppedAt.isValid()) {
        pauses.erase(
            std::remove_if(pauses.begin(), pauses.end(), [&](const SlaPause& p) { return p.from >= stoppedAt; }),
            pauses.end());
        for (SlaPause& p : pauses) {
            if (p.isOpen() || p.to > stoppedAt) {
                p.to = stoppedAt;
            }
        }
    }
    std::sort(pauses.begin(), pauses.end(), [](const SlaPause& a, const SlaPause& b) { return a.from < b.from; });
    return pauses;
}

/** The same pauses with the open one closed at `now` (the due time if the clock ran again now). */
QList<SlaPause> closedAt(QList<SlaPause> pauses, const QDateTime& now)
{
    for (SlaPause& p : pauses) {
        if (p.isOpen()) {
            p.to = std::max(now, p.from);
        }
    }
    return pauses;
}

const SlaPause* openPause(const QList<SlaPause>& pauses)
{
    for (const SlaPause& p : pauses) {
        if (p.isOpen()) {
            return &p;
        }
    }
    return nullptr;
}
} // namespace

namespace SlaPauseKinds {
QString code(SlaPauseKind kind)
{
    return kind == SlaPauseKind::ThirdParty ? QStringLiteral("third_party") : QStringLiteral("citizen");
}

std::optional<SlaPauseKind> fromCode(const QString& code)
{
    if (code == QLatin1String("citizen")) {
        return SlaPauseKind::Citizen;
    }
    if (code == QLatin1String("third_party")) {
        return SlaPauseKind::ThirdParty;
    }
    return std::nullopt;
}

QString label(SlaPauseKind kind)
{
    return kind == SlaPauseKind::ThirdParty ? SlaEngine::tr("Waiting on a third party")
                                            : SlaEngine::tr("Waiting on the citizen (supplementary documents)");
}
} // namespace SlaPauseKinds

namespace SlaClockKinds {
QList<SlaClockKind> all()
{
    return {SlaClockKind::Acknowledge, SlaClockKind::Answer, SlaClockKind::Resolve, SlaClockKind::Rectify,
            SlaClockKind::SecondFollowUp};
}

QString code(SlaClockKind kind)
{
    switch (kind) {
    case SlaClockKind::Acknowledge:
        return QStringLiteral("acknowledge");
    case SlaClockKind::Answer:
        return QStringLiteral("answer");
    case SlaClockKind::Resolve:
        return QStringLiteral("resolve");
    case SlaClockKind::Rectify:
        return QStringLiteral("rectify");
    case SlaClockKind::SecondFollowUp:
        return QStringLiteral("second_follow_up");
    }
    return {};
}

QString label(SlaClockKind kind)
{
    switch (kind) {
    case SlaClockKind::Acknowledge:
        return SlaEngine::tr("Acknowledgement");
    case SlaClockKind::Answer:
        return SlaEngine::tr("Answer (solution or timetable)");
    case SlaClockKind::Resolve:
        return SlaEngine::tr("Resolution");
    case SlaClockKind::Rectify:
        return SlaEngine::tr("Rectification after a bad review");
    case SlaClockKind::SecondFollowUp:
        return SlaEngine::tr("Second follow-up");
    }
    return {};
}
} // namespace SlaClockKinds

SlaEngine::SlaEngine(SlaPolicy policy, WorkCalendar calendar)
    : m_policy(std::move(policy))
    , m_calendar(std::move(calendar))
{}

QString SlaEngine::duration(qint64 seconds)
{
    const qint64 minutes = (std::max<qint64>(seconds, 0) + 59) / 60;
    const qint64 h = minutes / 60;
    const qint64 m = minutes % 60;
    if (h == 0) {
        return tr("%1 min").arg(m);
    }
    if (m == 0) {
        return tr("%1 h").arg(h);
    }
    return tr("%1 h %2 min").arg(h).arg(m);
}

Result<std::pair<QDateTime, QDateTime>> SlaEngine::nextWorkingPeriod(const QDateTime& t) const
{
    QDate day = t.date();
    for (int i = 0; i < kMaxDaysSearched; ++i, day = day.addDays(1)) {
        if (!m_calendar.covers(day)) {
            return Error::make(
                Error::Code::Invalid,
                WorkCalendar::tr(
                    "The holiday calendar has no entries for %1; an administrator must add that year first.")
                    .arg(day.year()));
        }
        if (!m_calendar.isWorkingDay(day)) {
            continue;
        }
        for (const SlaPolicy::Period& p : m_policy.workingPeriods) {
            const QDateTime from(day, p.from);
            const QDateTime to(day, p.to);
            if (t < to && from < to) {
                return std::make_pair(std::max(t, from), to);
            }
        }
    }
    return Error::make(Error::Code::Invalid, tr("The working hours have no period in which a clock could run."));
}

Result<qint64> SlaEngine::countedBetween(const QDateTime& a, const QDateTime& b, Mode mode) const
{
    if (!(a < b)) {
        return qint64(0);
    }
    if (mode == Mode::Natural) {
        return a.secsTo(b);
    }
    qint64 sum = 0;
    QDateTime t = a;
    while (t < b) {
        const auto period = nextWorkingPeriod(t);
        if (!period) {
            return period.error();
        }
        if (period->first >= b) {
            break;
        }
        sum += period->first.secsTo(std::min(period->second, b));
        t = period->second;
    }
    return sum;
}

Result<SlaEngine::Counted> SlaEngine::count(const QDateTime& start, qint64 seconds, Mode mode,
                                            const QList<SlaPause>& pauses) const
{
    Counted result;
    if (seconds <= 0) {
        result.due = start;
        return result;
    }
    const QDateTime far = start.addYears(5);
    QDateTime t = start;
    qint64 remaining = seconds;
    for (int guard = 0; guard < 100000; ++guard) {
        QDateTime segStart = t;
        QDateTime segEnd = far;
        if (mode == Mode::WorkingHours) {
            const auto period = nextWorkingPeriod(t);
            if (!period) {
                return period.error();
            }
            segStart = period->first;
            segEnd = period->second;
        }
        bool skipped = false;
        for (const SlaPause& p : pauses) {
            if (p.from <= segStart && (p.isOpen() || segStart < p.to)) {
                if (p.isOpen()) {
                    result.stoppedByOpenPause = true;
                    result.remaining = remaining;
                    return result;
                }
                t = p.to;
                skipped = true;
                break;
            }
        }
        if (skipped) {
            continue;
        }
        for (const SlaPause& p : pauses) {
            if (p.from > segStart && p.from < segEnd) {
                segEnd = p.from;
                break;
            }
        }
        const qint64 length = segStart.secsTo(segEnd);
        if (length >= remaining) {
            result.due = segStart.addSecs(remaining);
            break;
        }
        remaining -= length;
        t = segEnd;
    }
    if (!result.due.isValid()) {
        return Error::make(Error::Code::Invalid, tr("The deadline could not be computed."));
    }
    for (const SlaPause& p : pauses) {
        const QDateTime from = std::max(p.from, start);
        const QDateTime to = std::min(p.to, result.due);
        const auto covered = countedBetween(from, to, mode);
        if (!covered) {
            return covered.error();
        }
        result.paused += *covered;
    }
    return result;
}

Result<SlaEngine::DayCount> SlaEngine::countDays(const QDateTime& start, int n, const QList<SlaPause>& pauses) const
{
    if (n < 0) {
        return Error::make(Error::Code::Invalid, WorkCalendar::tr("The number of working days must not be negative."));
    }
    const auto beyond = [](const QDate& day) {
        return Error::make(
            Error::Code::Invalid,
            WorkCalendar::tr("The holiday calendar has no entries for %1; an administrator must add that year first.")
                .arg(day.year()));
    };
    DayCount result;
    QDate day = start.date();
    if (!m_calendar.covers(day)) {
        return beyond(day);
    }
    int counted = 0;
    while (counted < n) {
        day = day.addDays(1);
        if (!m_calendar.covers(day)) {
            return beyond(day);
        }
        if (!m_calendar.isWorkingDay(day)) {
            continue;
        }
        if (pauses.isEmpty()) { // the common case: no local date-time to build for every day counted
            ++counted;
            continue;
        }
        const QDateTime end(day, QTime(23, 59, 59));
        const auto paused = std::find_if(pauses.begin(), pauses.end(), [&](const SlaPause& p) {
            return p.from <= end && (p.isOpen() || end < p.to);
        });
        if (paused != pauses.end()) {
            if (paused->isOpen()) {
                result.stoppedByOpenPause = true;
                result.remainingDays = n - counted;
                return result;
            }
            ++result.pausedDays;
            continue;
        }
        ++counted;
    }
    result.due = QDateTime(day, QTime(23, 59, 59));
    return result;
}

Result<QDateTime> SlaEngine::addHours(const QDateTime& start, int hours, const QList<SlaPause>& pauses) const
{
    const auto counted =
        count(start, qint64(hours) * 3600, m_policy.workingHoursMode ? Mode::WorkingHours : Mode::Natural,
              sortedBefore(pauses, {}));
    if (!counted) {
        return counted.error();
    }
    if (counted->stoppedByOpenPause) {
        return Error::make(Error::Code::Invalid, tr("The clock is paused."));
    }
    return counted->due;
}

Result<QDateTime> SlaEngine::addNaturalMinutes(const QDateTime& start, int minutes, const QList<SlaPause>& pauses) const
{
    const auto counted = count(start, qint64(minutes) * 60, Mode::Natural, sortedBefore(pauses, {}));
    if (!counted) {
        return counted.error();
    }
    if (counted->stoppedByOpenPause) {
        return Error::make(Error::Code::Invalid, tr("The clock is paused."));
    }
    return counted->due;
}

Result<QDateTime> SlaEngine::addWorkingDays(const QDateTime& start, int n, const QList<SlaPause>& pauses) const
{
    const auto counted = countDays(start, n, sortedBefore(pauses, {}));
    if (!counted) {
        return counted.error();
    }
    if (counted->stoppedByOpenPause) {
        return Error::make(Error::Code::Invalid, tr("The clock is paused."));
    }
    return counted->due;
}

Result<QDateTime> SlaEngine::rectifyDue(const QDateTime& start) const
{
    return addWorkingDays(start, m_policy.rectifyWorkingDays);
}

Result<QDateTime> SlaEngine::secondFollowUpDue(const QDateTime& feedbackAt) const
{
    return addWorkingDays(feedbackAt, m_policy.secondFollowUpWorkingDays);
}

int SlaEngine::resolveWorkingDays(qint64 categoryId) const
{
    return m_policy.resolveWorkingDaysByCategory.value(categoryId, m_policy.resolveWorkingDays);
}

void SlaEngine::finish(SlaClock& clock, const QDateTime& now) const
{
    if (clock.state == SlaClock::State::Error) {
        return;
    }
    if (clock.stoppedAt.isValid()) {
        clock.state = clock.stoppedAt <= clock.due ? SlaClock::State::Met : SlaClock::State::Late;
    } else if (clock.state == SlaClock::State::Paused) {
        return;
    } else if (clock.due < now) {
        clock.state = SlaClock::State::Overdue;
    } else if (now.secsTo(clock.due) < qint64(m_policy.nearDeadlineMinutes) * 60) {
        clock.state = SlaClock::State::Near;
    } else {
        clock.state = SlaClock::State::Running;
    }
}

SlaClock SlaEngine::hourClock(SlaClockKind kind, const QDateTime& start, qint64 seconds, Mode mode,
                              const QString& budget, const QString& from, const QDateTime& stoppedAt,
                              const QList<SlaPause>& allPauses, const QDateTime& now, Explain explain) const
{
    SlaClock clock;
    clock.kind = kind;
    clock.start = start;
    clock.stoppedAt = stoppedAt;
    const QList<SlaPause> pauses = sortedBefore(allPauses, stoppedAt);
    auto counted = count(start, seconds, mode, pauses);
    if (counted && counted->stoppedByOpenPause) {
        clock.state = SlaClock::State::Paused;
        clock.remainingSeconds = counted->remaining;
        if (explain == Explain::Yes) {
            const SlaPause* open = openPause(pauses);
            clock.explanation = tr("Paused since %1: %2 left of %3 %4.")
                                    .arg(shortTime(open->from), duration(counted->remaining), budget, from);
        }
        counted = count(start, seconds, mode, closedAt(pauses, now));
    }
    if (!counted) {
        clock.state = SlaClock::State::Error;
        clock.explanation = counted.error().message;
        return clock;
    }
    clock.due = counted->due;
    clock.pausedSeconds = counted->paused;
    if (explain == Explain::Yes && clock.state != SlaClock::State::Paused) {
        clock.explanation = clock.pausedSeconds > 0
                                ? tr("Due %1: %2 %3, plus %4 paused.")
                                      .arg(shortTime(clock.due), budget, from, duration(clock.pausedSeconds))
                                : tr("Due %1: %2 %3.").arg(shortTime(clock.due), budget, from);
    }
    finish(clock, now);
    return clock;
}

SlaClock SlaEngine::dayClock(SlaClockKind kind, const QDateTime& start, int days, const QString& from,
                             const QDateTime& stoppedAt, const QList<SlaPause>& allPauses, const QDateTime& now,
                             Explain explain) const
{
    SlaClock clock;
    clock.kind = kind;
    clock.start = start;
    clock.stoppedAt = stoppedAt;
    const QString budget = explain == Explain::Yes ? tr("%n working day(s)", "", days) : QString();
    const QList<SlaPause> pauses = sortedBefore(allPauses, stoppedAt);
    auto counted = countDays(start, days, pauses);
    if (counted && counted->stoppedByOpenPause) {
        clock.state = SlaClock::State::Paused;
        if (explain == Explain::Yes) {
            const SlaPause* open = openPause(pauses);
            clock.explanation = tr("Paused since %1: %n working day(s) left of %2 %3.", "", counted->remainingDays)
                                    .arg(shortTime(open->from), budget, from);
        }
        counted = countDays(start, days, closedAt(pauses, now));
    }
    if (!counted) {
        clock.state = SlaClock::State::Error;
        clock.explanation = counted.error().message;
        return clock;
    }
    clock.due = counted->due;
    clock.pausedWorkingDays = counted->pausedDays;
    if (explain == Explain::Yes && clock.state != SlaClock::State::Paused) {
        clock.explanation = clock.pausedWorkingDays > 0
                                ? tr("Due %1: %2 %3, plus %n working day(s) paused.", "", clock.pausedWorkingDays)
                                      .arg(shortTime(clock.due), budget, from)
                                : tr("Due %1: %2 %3.").arg(shortTime(clock.due), budget, from);
    }
    finish(clock, now);
    return clock;
}

QList<SlaClock> SlaEngine::clocks(const SlaFacts& facts, const QDateTime& now, Explain explain) const
{
    QList<SlaClock> result;
    if (!facts.receivedAt.isValid()) {
        return result;
    }
    const bool explained = explain == Explain::Yes;
    const auto text = [explained](auto make) {
        return explained ? make() : QString();
    };
    const auto after = [](const QDateTime& t, const QDateTime& start) {
        return t.isValid() && t >= start ? t : QDateTime();
    };
    if (facts.channel != Channel::Window) {
        const qint64 seconds = qint64(m_policy.acknowledgeMinutes) * 60;
        result.append(hourClock(SlaClockKind::Acknowledge, facts.receivedAt, seconds, Mode::Natural,
                                text([&] { return duration(seconds); }), text([] { return tr("from receipt"); }),
                                facts.acknowledgedAt, facts.pauses, now, explain));
    }
    const bool restarted = facts.restartedAt.isValid() && facts.restartedAt > facts.receivedAt;
    const QDateTime start = restarted ? facts.restartedAt : facts.receivedAt;
    const QString from = text([&] { return restarted ? tr("from reopening") : tr("from receipt"); });
    const Mode mode = m_policy.workingHoursMode ? Mode::WorkingHours : Mode::Natural;
    const QString answerBudget = text([&] {
        return mode == Mode::WorkingHours ? tr("%n working hour(s)", "", m_policy.answerHours)
                                          : duration(qint64(m_policy.answerHours) * 3600);
    });
    QDateTime answered = after(facts.answeredAt, start);
    if (!answered.isValid()) {
        answered = after(facts.resolvedAt, start);
    }
    result.append(hourClock(SlaClockKind::Answer, start, qint64(m_policy.answerHours) * 3600, mode, answerBudget, from,
                            answered, facts.pauses, now, explain));

    SlaClock resolve = dayClock(SlaClockKind::Resolve, start, resolveWorkingDays(facts.categoryId), from,
                                after(facts.resolvedAt, start), facts.pauses, now, explain);
    if (facts.extendedTo.isValid()) {
        const QDateTime before = resolve.due;
        resolve.due = facts.extendedTo;
        resolve.pausedWorkingDays = 0;
        resolve.state = SlaClock::State::Running;
        resolve.extended = true;
        resolve.explanation = text([&] {
            return before.isValid() ? tr("Due %1: extension approved (the deadline was %2).")
                                          .arg(shortTime(resolve.due), shortTime(before))
                                    : tr("Due %1: extension approved.").arg(shortTime(resolve.due));
        });
        finish(resolve, now);
    }
    result.append(resolve);

    if (facts.rectifyStartedAt.isValid()) {
        result.append(dayClock(SlaClockKind::Rectify, facts.rectifyStartedAt, m_policy.rectifyWorkingDays,
                               text([] { return tr("from the bad review"); }),
                               after(facts.rectifyFeedbackAt, facts.rectifyStartedAt), facts.pauses, now, explain));
    }
    if (facts.rectifyFeedbackAt.isValid()) {
        result.append(dayClock(SlaClockKind::SecondFollowUp, facts.rectifyFeedbackAt,
                               m_policy.secondFollowUpWorkingDays,
                               text([] { return tr("from the rectification's feedback"); }),
                               after(facts.secondFollowUpAt, facts.rectifyFeedbackAt), facts.pauses, now, explain));
    }
    return result;
}

QDateTime SlaEngine::caseDue(const QList<SlaClock>& clocks)
{
    for (const SlaClock& c : clocks) {
        if (c.extended && c.isPending() && c.due.isValid()) {
            return c.due;
        }
    }
    QDateTime due;
    for (const SlaClock& c : clocks) {
        if (c.kind == SlaClockKind::Acknowledge || !(c.isPending() || c.state == SlaClock::State::Paused) ||
            !c.due.isValid()) {
            continue;
        }
        if (!due.isValid() || c.due < due) {
            due = c.due;
        }
    }
    return due;
}
