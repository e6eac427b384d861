#pragma once

#include "calendar/WorkCalendar.h"
#include "cases/CaseStatus.h"
#include "common/Result.h"
#include "sla/SlaPolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

/** Why a case's clocks stopped (docs/ARCHITECTURE.md "SLA clocks"). */
enum class SlaPauseKind
{
    Citizen,    ///< waiting on the citizen (补正材料)
    ThirdParty, ///< waiting on a third party (another authority, an expert opinion)
};

namespace SlaPauseKinds {
QString code(SlaPauseKind kind); ///< "citizen", "third_party"
std::optional<SlaPauseKind> fromCode(const QString& code);
QString label(SlaPauseKind kind);
} // namespace SlaPauseKinds

/** One stop of a case's clocks: [from, to), `to` invalid while it lasts. */
struct SlaPause
{
    qint64 id = 0;
    qint64 caseId = 0;
    SlaPauseKind kind = SlaPauseKind::Citizen;
    QString reason;
    QDateTime from;
    QDateTime to; ///< invalid = still paused
    QString pausedBy;
    QString resumedBy;

    bool isOpen() const { return !to.isValid(); }
};

/** The clocks of a case (PRODUCT.md "The case workflow" 3 and 6). */
enum class SlaClockKind
{
    Acknowledge,    ///< channels other than the window: acknowledge within acknowledgeMinutes
    Answer,         ///< a concrete solution or timetable within answerHours
    Resolve,        ///< resolution within the category's working days, or an approved extension date
    Rectify,        ///< after a bad review: rectification within rectifyWorkingDays
    SecondFollowUp, ///< the second follow-up within secondFollowUpWorkingDays of the rectification's feedback
};

namespace SlaClockKinds {
QList<SlaClockKind> all();
QString code(SlaClockKind kind);
QString label(SlaClockKind kind);
} // namespace SlaClockKinds

/** One clock of one case as the engine sees it at a moment. */
struct SlaClock
{
    enum class State
    {
        Running, ///< counting, due in the future
        Near,    ///< counting, less than nearDeadlineMinutes left
        Overdue, ///< counting, past its due time
        Paused,  ///< stopped by an open pause
        Met,     ///< stopped in time
        Late,    ///< stopped after its due time
        Error,   ///< the due time cannot be computed (a date beyond the holiday calendar)
    };

    SlaClockKind kind = SlaClockKind::Answer;
    State state = State::Running;
    QDateTime start;
    QDateTime due;               ///< invalid while paused (see remainingSeconds) or on error
    QDateTime stoppedAt;         ///< when the clock was met (acknowledged, answered, resolved, ...)
    qint64 pausedSeconds = 0;    ///< counted time lost to pauses (seconds), for hour clocks
    int pausedWorkingDays = 0;   ///< working days lost to pauses, for day clocks
    qint64 remainingSeconds = 0; ///< counted time left when the clock was paused
    QString explanation;         ///< translated: "Due 2026-05-08 17:00: 48 h from receipt, plus 2 h 15 min paused."
    bool extended = false;       ///< the resolve clock follows an approved extension (延期)

    bool isPending() const { return state == State::Running || state == State::Near || state == State::Overdue; }
};

/** What the engine needs to know of a case; SlaFacts::from fills it from the case and its timeline. */
struct SlaFacts
{
    Channel channel = Channel::Window;
    qint64 categoryId = 0; ///< the top-level category (its working days from the policy)
    QDateTime receivedAt;
    QDateTime restartedAt; ///< the latest reopening: answer and resolve clocks run again from there
    QDateTime acknowledgedAt;
    QDateTime answeredAt;
    QDateTime resolvedAt;
    QDateTime extendedTo; ///< an approved extension (延期): the resolve clock's due time
    QDateTime rectifyStartedAt;
    QDateTime rectifyFeedbackAt; ///< the rectification's last stage (反馈) done: the second follow-up's clock starts
    QDateTime secondFollowUpAt;
    QList<SlaPause> pauses; ///< in order, not overlapping; at most the last one open
};

/**
 * The one SLA engine (issue 12): turns the hall's rules (SlaPolicy) and the holiday calendar into every clock's due
 * time, with pauses and extensions, and says why. Pure: no database, no clock of its own (the caller gives `now`).
 *
 * Rules (docs/ARCHITECTURE.md "SLA clocks"):
 * - Minute and hour clocks count natural time by default; in working-hours mode, hour clocks count only the
 *   policy's working periods of working days. The acknowledgement clock always counts natural minutes.
 * - Day clocks end at 23:59:59 of the n-th working day after the start's date (as `qingting-cli deadline`).
 * - Paused time does not count: an hour clock is pushed back by the counted time the pause covered; a day clock
 *   skips every working day at whose end (23:59:59) the case was paused.
 * - An approved extension replaces the resolve clock's due time.
 * - A date beyond the holiday calendar is an error, never a guess.
 */
class SlaEngine
{
    Q_DECLARE_TR_FUNCTIONS(SlaEngine)

public:
    SlaEngine(SlaPolicy policy, WorkCalendar calendar);

    const SlaPolicy& policy() const { return m_policy; }
    const WorkCalendar& calendar() const { return m_calendar; }

    /** start + hours of counted time (natural or working hours, per policy), minus pauses. Open pause: error. */
    Result<QDateTime> addHours(const QDateTime& start, int hours, const QList<SlaPause>& pauses = {}) const;
    /** start + minutes of natural time, minus pauses. */
    Result<QDateTime> addNaturalMinutes(const QDateTime& start, int minutes, const QList<SlaPause>& pauses = {}) const;
    /** 23:59:59 of the n-th working day after start's date that was not paused at its end. */
    Result<QDateTime> addWorkingDays(const QDateTime& start, int n, const QList<SlaPause>& pauses = {}) const;

    /** The rectification's due time for a bad review given at `start` (rectifyWorkingDays working days). */
    Result<QDateTime> rectifyDue(const QDateTime& start) const;
    /** The second follow-up's due time after the rectification's feedback at `feedbackAt`. */
    Result<QDateTime> secondFollowUpDue(const QDateTime& feedbackAt) const;
    /** The resolve clock's working days for a top-level category. */
    int resolveWorkingDays(qint64 categoryId) const;

    /** Whether clocks() writes each clock's explanation (translated, formatted: most of its cost). */
    enum class Explain
    {
        Yes,
        No ///< due times and states only (a due date to store, thousands of cases in a bulk write)
    };
    /** Every clock that applies to the case, in SlaClockKinds::all() order, as of `now`. */
    QList<SlaClock> clocks(const SlaFacts& facts, const QDateTime& now, Explain explain = Explain::Yes) const;
    /**
     * The deadline the desk works to (cases.due_at): the earliest due time of the answer, resolve, rectify and
     * second follow-up clocks still counting; after an approved extension (延期), the approved date, which a
     * supervisor set for the whole handling. While paused, the due time as it stood when the clock stopped.
     * Invalid when no clock is counting (or none can be computed).
     */
    static QDateTime caseDue(const QList<SlaClock>& clocks);

    /** "2 h 15 min", "30 min", "3 d 4 h" style; translated. */
    static QString duration(qint64 seconds);

private:
    enum class Mode
    {
        Natural,
        WorkingHours
    };
    struct Counted
    {
        QDateTime due;        ///< invalid while paused
        qint64 remaining = 0; ///< seconds left when an open pause stopped the clock
        qint64 paused = 0;    ///< counted seconds covered by pauses before the due time
        bool stoppedByOpenPause = false;
    };
    Result<Counted> count(const QDateTime& start, qint64 seconds, Mode mode, const QList<SlaPause>& pauses) const;
    struct DayCount
    {
        QDateTime due;
        int pausedDays = 0;
        bool stoppedByOpenPause = false;
        int remainingDays = 0;
    };
    Result<DayCount> countDays(const QDateTime& start, int n, const QList<SlaPause>& pauses) const;
    /** The working period containing t or the next one, within the calendar. */
    Result<std::pair<QDateTime, QDateTime>> nextWorkingPeriod(const QDateTime& t) const;
    /** Counted seconds in [a, b) under the mode, ignoring pauses. */
    Result<qint64> countedBetween(const QDateTime& a, const QDateTime& b, Mode mode) const;

    SlaClock hourClock(SlaClockKind kind, const QDateTime& start, qint64 seconds, Mode mode, const QString& budget,
                       const QString& from, const QDateTime& stoppedAt, const QList<SlaPause>& pauses,
                       const QDateTime& now, Explain explain) const;
    SlaClock dayClock(SlaClockKind kind, const QDateTime& start, int days, const QString& from,
                      const QDateTime& stoppedAt, const QList<SlaPause>& pauses, const QDateTime& now,
                      Explain explain) const;
    void finish(SlaClock& clock, const QDateTime& now) const;

    SlaPolicy m_policy;
    WorkCalendar m_calendar;
};
