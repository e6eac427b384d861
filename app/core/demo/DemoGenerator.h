#pragma once

#include "calendar/WorkCalendar.h"
#include "demo/DemoData.h"
#include "demo/DemoRandom.h"
#include "demo/DemoText.h"
#include "repositories/ReferenceRepository.h"
#include "sla/SlaEngine.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QSet>
#include <QStringList>

#include <vector>

/** What `demo` makes: N cases over `days` days that end on `end`, nothing after `asOf`. */
struct DemoOptions
{
    qint64 cases = 0;
    int days = 365;
    QDate end;
    quint64 seed = 1;
    qint64 asOf = 0; ///< seconds since the epoch: no time lies after it (the end of `end`, or now if earlier)
};

/** The reference data the cases use (active rows only). */
struct DemoReference
{
    QList<ReferenceItem> windows;
    QList<ReferenceItem> departments;
    QList<ReferenceItem> serviceItems;
    QList<ReferenceItem> categories;
};

/**
 * Generates the demo data day by day, deterministically from the seed: how many cases each day gets (hall days,
 * Monday peaks, holidays and 调休 workdays from the WorkCalendar), the time of each case (hall hours, quiet lunch,
 * online channels around the clock), its texts, citizen and timeline, and the day's queue visits.
 * Times assume a zone without daylight saving (as in China): a day is 86,400 s from local midnight.
 */
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)

public:
    /** `users`: the demo clerks first, then the supervisors (`clerks` of them are clerks). */
    DemoGenerator(const DemoOptions& options, const DemoReference& reference, const WorkCalendar& calendar,
                  const QList<Demo::User>& users, int clerks);

    qint64 totalCases() const { return m_options.cases; }
    /** One line per year outside the holiday calendar (Monday–Friday assumed there). */
    QStringList warnings() const;

    /** Fills `batch` with the next whole days, at least `minCases` cases unless the run ends; false when done. */
    bool next(Demo::Batch& batch, int minCases);
    /** Whether every day has been generated. */
    bool finished() const { return m_nextDay >= m_options.days; }

private:
    struct Slot
    {
        qint64 at;
        Channel channel;
    };

    bool isWorking(int dayIndex);
    qint64 midnight(int dayIndex) const { return m_midnight0 + qint64(dayIndex) * 86400; }
    int dayIndexOf(qint64 t) const;
    /** The first moment at or after t within hall hours on a working day. */
    qint64 workMoment(qint64 t) { return workMoment(t, m_rng); }
    qint64 workMoment(qint64 t, DemoRandom& rng);
    /** 23:59:59 of the n-th working day after t's date (the SLA engine's day clocks); 0 beyond the calendar. */
    qint64 addWorkingDays(qint64 t, int n) const;
    /**
     * The closed loop of issue 12 on a generated case, all drawn from m_loop: follow-up attempts and the unreachable
     * mark, the rectification of a bad rating with its second follow-up, appeals; then due_at through the SLA
     * engine, reminders on open overdue cases, and the timeline sorted with its statuses filled in.
     */
    struct Life
    {
        qint64 followed = 0; ///< the planned follow-up that reaches the citizen; 0 = anonymous
        qint64 closed = 0;   ///< the planned closing
        int rating = 0;      ///< of the first follow-up
        int nps = -1;
        int supervisor = 0; ///< the case's supervisor (closing, extensions, appeals, reminders)
        int assignee = 0;
    };
    /** What the intake needs beyond the case: see DemoIntake.cpp. */
    struct IntakeInput
    {
        DemoText::ComplaintParts complaint;
        qint64 earlierCases = 0;  ///< the citizen's cases before this one in the run
        qint64 namedWindowId = 0; ///< the window the complaint is about (windowName's), 0 = none
        int itemIndex = -1;       ///< the service item's index in m_ref.serviceItems
        int verdict = -1;         ///< DemoText::facts' verdict, -1 = not verified
        bool onSpot = false;
    };
    /** Whether a clerk takes the case through the guided intake (drawn from m_intake). */
    bool takesIntake(Channel channel, qint64 citizen, qint64 receivedAt, qint64 acknowledgedAt);
    /** Fills c.intake, consistent with the finished case, and links its queue ticket (generateVisits numbers it). */
    void fillIntake(Demo::Case& c, const DemoText::Context& ctx, const IntakeInput& in, int caseIndex);
    void followUpLoop(Demo::Case& c, const Life& life);
    void finishCase(Demo::Case& c, const Life& life);
    int otherSupervisor(int supervisor);
    void addEvent(Demo::Case& c, qint64 at, CaseEventKind kind, int actor, std::optional<CaseStatus> from,
                  std::optional<CaseStatus> to, QString note);
    qint64 hallTime(int dayIndex);
    qint64 onlineTime(int dayIndex);
    void generateDay(int dayIndex, Demo::Batch& batch);
    void generateCase(const Slot& slot, int dayIndex, Demo::Batch& batch);
    void generateVisits(int dayIndex, Demo::Batch& batch);
    qint64 citizenFor(Channel channel, qint64 at, Demo::Batch& batch, const Demo::Citizen** citizen);

    static std::vector<qint64> apportion(qint64 total, const std::vector<double>& weights);

    DemoOptions m_options;
    DemoReference m_ref;
    WorkCalendar m_calendar;
    QList<Demo::User> m_users;
    int m_clerks = 1;
    DemoRandom m_rng;
    DemoRandom m_loop;       ///< the closed loop's draws (issue 12): a stream of its own
    DemoRandom m_intake;     ///< the guided intake's draws (issue 11): a stream of its own
    qint64 m_intakeFrom = 0; ///< the intake's first day in the hall (midnight): cases before it have none
    SlaEngine m_engine;
    QHash<qint64, qint64> m_topCategory; ///< category id -> its top-level category id
    std::vector<double> m_returnRate;    ///< per department index: the share of transfers it returns

    QDate m_first;
    qint64 m_midnight0 = 0;
    std::vector<signed char> m_working; ///< per day index from m_first: -1 unknown, 0/1
    QSet<int> m_uncoveredYears;
    std::vector<qint64> m_casesPerDay;
    std::vector<qint64> m_visitsPerDay;
    std::vector<double> m_categoryWeights;
    std::vector<double> m_itemWeights;
    std::vector<int> m_categoryTopic;
    std::vector<int> m_itemKind;
    QList<ReferenceItem> m_hallWindows; ///< numbered windows where errands are done
    double m_categoryTotal = 0;
    double m_itemTotal = 0;
    int m_nextDay = 0;
    qint64 m_citizens = 0;              ///< citizens created so far in this run
    QList<Demo::Citizen> m_citizenData; ///< kept for the texts of repeat complainants (bounded)
    QHash<int, int> m_ticketCounters;
    std::vector<quint32> m_citizenCases; ///< per run-wide citizen index: the cases so far (recurrence)
    /** The queue visit of a case taken at a window after a ticket: numbered with the day's other tickets. */
    struct QueueLink
    {
        int caseIndex = 0; ///< in the batch
        int item = -1;
        qint64 windowId = 0;
        qint64 issued = 0;
        qint64 called = 0;
        qint64 finished = 0;
    };
    std::vector<QueueLink> m_queueLinks; ///< of the day being generated
};
