#include "sla/SlaEngine.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

namespace {
QDateTime at(const char* text)
{
    const QString s = QString::fromLatin1(text);
    return QDateTime::fromString(s, s.size() > 16 ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                  : QStringLiteral("yyyy-MM-dd HH:mm"));
}

SlaPause pause(const char* from, const char* to = nullptr)
{
    SlaPause p;
    p.from = at(from);
    if (to) {
        p.to = at(to);
    }
    p.reason = QStringLiteral("补正材料");
    return p;
}

const SlaClock* find(const QList<SlaClock>& clocks, SlaClockKind kind)
{
    for (const SlaClock& c : clocks) {
        if (c.kind == kind) {
            return &c;
        }
    }
    return nullptr;
}
} // namespace

/** The SLA engine under the official 2025/2026 arrangements: literal due times, pauses, extensions, modes. */
class TestSlaEngine : public QObject
{
    Q_OBJECT

private:
    WorkCalendar m_calendar;

    SlaEngine engine(SlaPolicy policy = {}) const { return SlaEngine(std::move(policy), m_calendar); }
    SlaEngine workingHours() const
    {
        SlaPolicy p;
        p.workingHoursMode = true;
        return engine(p);
    }

private slots:
    void initTestCase()
    {
        QList<CalendarDay> all;
        for (const char* year : {"2025", "2026"}) {
            QFile f(QStringLiteral(QINGTING_TEST_DATA_DIR "/calendars/cn-holidays-%1.csv").arg(QLatin1String(year)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto days = WorkCalendar::parseCsv(f.readAll());
            QVERIFY(days.ok());
            all += *days;
        }
        m_calendar = WorkCalendar(all);
    }

    void workingDays_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<int>("days");
        QTest::addColumn<QDateTime>("due");
        QTest::newRow("plain 15 days") << at("2026-03-02 09:00") << 15 << at("2026-03-23 23:59:59");
        QTest::newRow("2025 Spring Festival make-up Sunday 01-26")
            << at("2025-01-24 16:00") << 1 << at("2025-01-26 23:59:59");
        QTest::newRow("2025 Spring Festival holidays") << at("2025-01-24 16:00") << 3 << at("2025-02-05 23:59:59");
        QTest::newRow("2025 make-up Saturday 02-08") << at("2025-02-07 10:00") << 1 << at("2025-02-08 23:59:59");
        QTest::newRow("2025 Qingming") << at("2025-04-03 10:00") << 1 << at("2025-04-07 23:59:59");
        QTest::newRow("2025 make-up Sunday 04-27") << at("2025-04-25 10:00") << 2 << at("2025-04-28 23:59:59");
        QTest::newRow("2025 Labour Day") << at("2025-04-30 10:00") << 1 << at("2025-05-06 23:59:59");
        QTest::newRow("2025 Dragon Boat") << at("2025-05-30 10:00") << 1 << at("2025-06-03 23:59:59");
        QTest::newRow("2025 make-up Sunday 09-28") << at("2025-09-26 10:00") << 1 << at("2025-09-28 23:59:59");
        QTest::newRow("2025 National Day") << at("2025-09-30 10:00") << 1 << at("2025-10-09 23:59:59");
        QTest::newRow("2025 make-up Saturday 10-11") << at("2025-09-30 10:00") << 3 << at("2025-10-11 23:59:59");
        QTest::newRow("year end 2025/2026 and make-up Sunday 01-04")
            << at("2025-12-30 16:00") << 2 << at("2026-01-04 23:59:59");
        QTest::newRow("year end 2025/2026, New Year holidays")
            << at("2025-12-30 16:00") << 3 << at("2026-01-05 23:59:59");
        QTest::newRow("2026 make-up Saturday 02-14 and Spring Festival")
            << at("2026-02-12 10:00") << 5 << at("2026-02-26 23:59:59");
        QTest::newRow("2026 make-up Saturday 02-28") << at("2026-02-26 10:00") << 2 << at("2026-02-28 23:59:59");
        QTest::newRow("2026 Qingming") << at("2026-04-03 10:00") << 1 << at("2026-04-07 23:59:59");
        QTest::newRow("2026 Labour Day") << at("2026-04-30 10:00") << 2 << at("2026-05-07 23:59:59");
        QTest::newRow("2026 make-up Saturday 05-09") << at("2026-04-30 10:00") << 4 << at("2026-05-09 23:59:59");
        QTest::newRow("2026 Dragon Boat") << at("2026-06-18 10:00") << 1 << at("2026-06-22 23:59:59");
        QTest::newRow("2026 make-up Sunday 09-20") << at("2026-09-18 10:00") << 1 << at("2026-09-20 23:59:59");
        QTest::newRow("2026 Mid-Autumn") << at("2026-09-24 10:00") << 1 << at("2026-09-28 23:59:59");
        QTest::newRow("2026 National Day") << at("2026-09-30 10:00") << 1 << at("2026-10-08 23:59:59");
        QTest::newRow("2026 make-up Saturday 10-10") << at("2026-09-30 10:00") << 3 << at("2026-10-10 23:59:59");
        QTest::newRow("2026 last working day") << at("2026-12-29 10:00") << 2 << at("2026-12-31 23:59:59");
    }

    void workingDays()
    {
        QFETCH(QDateTime, start);
        QFETCH(int, days);
        QFETCH(QDateTime, due);
        const auto result = engine().addWorkingDays(start, days);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
        QCOMPARE(*result, due);
    }

    void beyondTheCalendarIsAnError()
    {
        const auto days = engine().addWorkingDays(at("2026-12-29 10:00"), 3);
        QVERIFY(!days.ok());
        QVERIFY(days.error().message.contains(QLatin1String("2027")));
        QVERIFY(!engine().addWorkingDays(at("2024-12-31 10:00"), 1).ok());
        QVERIFY(!workingHours().addHours(at("2026-12-31 17:00"), 2).ok());
        // The clock says why instead of guessing.
        SlaFacts f;
        f.receivedAt = at("2026-12-20 10:00");
        const auto clocks = engine().clocks(f, at("2026-12-21 10:00"));
        QCOMPARE(find(clocks, SlaClockKind::Resolve)->state, SlaClock::State::Error);
        QVERIFY(find(clocks, SlaClockKind::Resolve)->explanation.contains(QLatin1String("2027")));
        QCOMPARE(find(clocks, SlaClockKind::Answer)->due, at("2026-12-22 10:00"));
    }

    void naturalHoursWithPauses()
    {
        const SlaEngine e = engine();
        QCOMPARE(*e.addHours(at("2026-05-06 14:45"), 48), at("2026-05-08 14:45"));
        QCOMPARE(*e.addHours(at("2026-05-06 14:45"), 48, {pause("2026-05-07 09:00", "2026-05-07 11:15")}),
                 at("2026-05-08 17:00"));
        QCOMPARE(
            *e.addHours(at("2026-05-06 14:45"), 48,
                        {pause("2026-05-07 15:00", "2026-05-07 15:30"), pause("2026-05-07 09:00", "2026-05-07 11:15")}),
            at("2026-05-08 17:30"));
        // A pause after the due time changes nothing; one before the start only its part after the start.
        QCOMPARE(*e.addHours(at("2026-05-06 14:45"), 48, {pause("2026-05-09 09:00", "2026-05-09 11:00")}),
                 at("2026-05-08 14:45"));
        QCOMPARE(*e.addHours(at("2026-05-06 14:45"), 48, {pause("2026-05-06 14:00", "2026-05-06 15:45")}),
                 at("2026-05-08 15:45"));
        QCOMPARE(*e.addNaturalMinutes(at("2026-05-06 23:50"), 30), at("2026-05-07 00:20"));
    }

    void explanation()
    {
        SlaFacts f;
        f.channel = Channel::Window;
        f.receivedAt = at("2026-05-06 14:45");
        f.pauses = {pause("2026-05-07 09:00", "2026-05-07 11:15")};
        const auto clocks = engine().clocks(f, at("2026-05-07 12:00"));
        QCOMPARE(clocks.size(), 2); // a window case: no acknowledgement clock
        const SlaClock* answer = find(clocks, SlaClockKind::Answer);
        QCOMPARE(answer->due, at("2026-05-08 17:00"));
        QCOMPARE(answer->pausedSeconds, qint64(8100));
        QCOMPARE(answer->state, SlaClock::State::Running);
        QCOMPARE(answer->explanation,
                 QStringLiteral("Due 2026-05-08 17:00: 48 h from receipt, plus 2 h 15 min paused."));
        const SlaClock* resolve = find(clocks, SlaClockKind::Resolve);
        QCOMPARE(resolve->due, at("2026-05-26 23:59:59"));
        QCOMPARE(resolve->explanation, QStringLiteral("Due 2026-05-26 23:59: 15 working day(s) from receipt."));
        QCOMPARE(SlaEngine::caseDue(clocks), at("2026-05-08 17:00"));
    }

    void openPause()
    {
        SlaFacts f;
        f.receivedAt = at("2026-05-06 14:45");
        f.pauses = {pause("2026-05-07 09:00")};
        const auto clocks = engine().clocks(f, at("2026-05-07 10:00"));
        const SlaClock* answer = find(clocks, SlaClockKind::Answer);
        QCOMPARE(answer->state, SlaClock::State::Paused);
        QCOMPARE(answer->remainingSeconds, qint64(29 * 3600 + 45 * 60));
        QCOMPARE(answer->due, at("2026-05-08 15:45")); // if it ran again now
        QCOMPARE(answer->explanation,
                 QStringLiteral("Paused since 2026-05-07 09:00: 29 h 45 min left of 48 h from receipt."));
        const SlaClock* resolve = find(clocks, SlaClockKind::Resolve);
        QCOMPARE(resolve->state, SlaClock::State::Paused);
        QCOMPARE(SlaEngine::caseDue(clocks), at("2026-05-08 15:45"));
        // At the moment of pausing the due time stands where it was.
        QCOMPARE(find(engine().clocks(f, at("2026-05-07 09:00")), SlaClockKind::Answer)->due, at("2026-05-08 14:45"));
        // A clock met before the pause is not paused by it.
        f.answeredAt = at("2026-05-06 16:00");
        QCOMPARE(find(engine().clocks(f, at("2026-05-07 10:00")), SlaClockKind::Answer)->state, SlaClock::State::Met);
    }

    void dayClockPauses()
    {
        const SlaEngine e = engine();
        QCOMPARE(*e.addWorkingDays(at("2026-03-02 09:00"), 5), at("2026-03-09 23:59:59"));
        // Paused at the end of 03-03 and 03-04: those two working days do not count.
        QCOMPARE(*e.addWorkingDays(at("2026-03-02 09:00"), 5, {pause("2026-03-03 10:00", "2026-03-05 08:00")}),
                 at("2026-03-11 23:59:59"));
        // A pause within one day, or over a weekend only, costs no working day.
        QCOMPARE(*e.addWorkingDays(at("2026-03-02 09:00"), 5, {pause("2026-03-03 10:00", "2026-03-03 15:00")}),
                 at("2026-03-09 23:59:59"));
        QCOMPARE(*e.addWorkingDays(at("2026-03-02 09:00"), 5, {pause("2026-03-07 10:00", "2026-03-09 08:00")}),
                 at("2026-03-09 23:59:59"));
        SlaFacts f;
        f.receivedAt = at("2026-03-02 09:00");
        f.categoryId = 7;
        f.answeredAt = at("2026-03-02 10:00");
        f.pauses = {pause("2026-03-03 10:00", "2026-03-05 08:00")};
        SlaPolicy p;
        p.resolveWorkingDaysByCategory.insert(7, 5);
        const auto clocks = engine(p).clocks(f, at("2026-03-05 09:00"));
        const SlaClock* resolve = find(clocks, SlaClockKind::Resolve);
        QCOMPARE(resolve->due, at("2026-03-11 23:59:59"));
        QCOMPARE(resolve->pausedWorkingDays, 2);
        QCOMPARE(resolve->explanation,
                 QStringLiteral("Due 2026-03-11 23:59: 5 working day(s) from receipt, plus 2 working day(s) paused."));
        QCOMPARE(find(clocks, SlaClockKind::Answer)->state, SlaClock::State::Met);
        QCOMPARE(SlaEngine::caseDue(clocks), at("2026-03-11 23:59:59"));
    }

    void workingHoursMode()
    {
        const SlaEngine e = workingHours();
        QCOMPARE(*e.addHours(at("2026-03-02 10:00"), 48), at("2026-03-10 17:30"));
        QCOMPARE(*e.addHours(at("2026-03-06 18:00"), 4), at("2026-03-09 14:30"));
        QCOMPARE(*e.addHours(at("2026-03-02 12:30"), 1), at("2026-03-02 14:30")); // lunch does not count
        QCOMPARE(*e.addHours(at("2026-02-13 16:30"), 9), at("2026-02-24 10:00")); // make-up Saturday, Spring Festival
        QCOMPARE(*e.addHours(at("2025-01-01 09:00"), 3), at("2025-01-02 12:00")); // New Year's Day 2025
        QCOMPARE(*e.addHours(at("2025-12-31 16:00"), 3), at("2026-01-04 10:30")); // year end, make-up Sunday
        QCOMPARE(*e.addHours(at("2026-03-02 10:00"), 4, {pause("2026-03-02 11:00", "2026-03-02 14:30")}),
                 at("2026-03-02 17:30"));
        SlaFacts f;
        f.receivedAt = at("2026-03-02 10:00");
        f.pauses = {pause("2026-03-02 11:00", "2026-03-02 14:30")};
        const SlaClock* answer = find(e.clocks(f, at("2026-03-02 15:00")), SlaClockKind::Answer);
        QCOMPARE(answer->due, at("2026-03-11 11:00"));
        QCOMPARE(answer->pausedSeconds, qint64(2 * 3600));
        QCOMPARE(answer->explanation,
                 QStringLiteral("Due 2026-03-11 11:00: 48 working hour(s) from receipt, plus 2 h paused."));
        // The acknowledgement counts natural minutes in either mode.
        f.channel = Channel::Phone;
        f.receivedAt = at("2026-03-07 20:00");
        f.pauses.clear();
        QCOMPARE(find(e.clocks(f, at("2026-03-07 20:10")), SlaClockKind::Acknowledge)->due, at("2026-03-07 20:30"));
    }

    void acknowledgement()
    {
        SlaFacts f;
        f.channel = Channel::Online;
        f.receivedAt = at("2026-03-02 09:00");
        const SlaClock* ack = find(engine().clocks(f, at("2026-03-02 09:40")), SlaClockKind::Acknowledge);
        QVERIFY(ack);
        QCOMPARE(ack->due, at("2026-03-02 09:30"));
        QCOMPARE(ack->state, SlaClock::State::Overdue);
        QCOMPARE(ack->explanation, QStringLiteral("Due 2026-03-02 09:30: 30 min from receipt."));
        f.acknowledgedAt = at("2026-03-02 09:20");
        QCOMPARE(find(engine().clocks(f, at("2026-03-02 09:40")), SlaClockKind::Acknowledge)->state,
                 SlaClock::State::Met);
        f.acknowledgedAt = at("2026-03-02 09:31");
        QCOMPARE(find(engine().clocks(f, at("2026-03-02 09:40")), SlaClockKind::Acknowledge)->state,
                 SlaClock::State::Late);
    }

    void nearDeadline()
    {
        SlaFacts f;
        f.receivedAt = at("2026-05-06 17:00");
        QCOMPARE(find(engine().clocks(f, at("2026-05-08 12:00")), SlaClockKind::Answer)->state,
                 SlaClock::State::Running);
        QCOMPARE(find(engine().clocks(f, at("2026-05-08 14:00")), SlaClockKind::Answer)->state, SlaClock::State::Near);
        QCOMPARE(find(engine().clocks(f, at("2026-05-08 17:01")), SlaClockKind::Answer)->state,
                 SlaClock::State::Overdue);
    }

    void extension()
    {
        SlaFacts f;
        f.receivedAt = at("2026-03-02 09:00");
        f.answeredAt = at("2026-03-02 11:00");
        f.extendedTo = at("2026-04-10 17:00");
        const auto clocks = engine().clocks(f, at("2026-03-20 09:00"));
        const SlaClock* resolve = find(clocks, SlaClockKind::Resolve);
        QCOMPARE(resolve->due, at("2026-04-10 17:00"));
        QCOMPARE(resolve->state, SlaClock::State::Running);
        QCOMPARE(resolve->explanation,
                 QStringLiteral("Due 2026-04-10 17:00: extension approved (the deadline was 2026-03-23 23:59)."));
        QCOMPARE(SlaEngine::caseDue(clocks), at("2026-04-10 17:00"));
        f.resolvedAt = at("2026-04-10 16:00");
        QCOMPARE(find(engine().clocks(f, at("2026-04-11 09:00")), SlaClockKind::Resolve)->state, SlaClock::State::Met);
        QVERIFY(!SlaEngine::caseDue(engine().clocks(f, at("2026-04-11 09:00"))).isValid());
    }

    void reopening()
    {
        SlaFacts f;
        f.receivedAt = at("2026-03-02 09:00");
        f.answeredAt = at("2026-03-02 11:00");
        f.resolvedAt = at("2026-03-04 11:00");
        f.restartedAt = at("2026-03-10 09:00");
        const auto clocks = engine().clocks(f, at("2026-03-10 10:00"));
        const SlaClock* answer = find(clocks, SlaClockKind::Answer);
        QCOMPARE(answer->due, at("2026-03-12 09:00"));
        QCOMPARE(answer->explanation, QStringLiteral("Due 2026-03-12 09:00: 48 h from reopening."));
        QCOMPARE(find(clocks, SlaClockKind::Resolve)->due, at("2026-03-31 23:59:59"));
    }

    void rectification()
    {
        QCOMPARE(*engine().rectifyDue(at("2026-09-24 10:00")), at("2026-10-22 23:59:59"));
        SlaPolicy p;
        p.rectifyWorkingDays = 5;
        QCOMPARE(*engine(p).rectifyDue(at("2026-09-24 10:00")), at("2026-10-09 23:59:59"));
        QCOMPARE(*engine().secondFollowUpDue(at("2026-10-09 15:00")), at("2026-10-13 23:59:59"));
        QVERIFY(!engine().rectifyDue(at("2026-12-15 10:00")).ok()); // 15 working days reach into 2027

        SlaFacts f;
        f.receivedAt = at("2026-09-01 09:00");
        f.answeredAt = at("2026-09-01 10:00");
        f.resolvedAt = at("2026-09-10 10:00");
        f.rectifyStartedAt = at("2026-09-24 10:00");
        f.pauses = {pause("2026-09-28 09:00", "2026-09-30 09:00")};
        auto clocks = engine(p).clocks(f, at("2026-10-08 09:00"));
        const SlaClock* rectify = find(clocks, SlaClockKind::Rectify);
        QVERIFY(rectify);
        QCOMPARE(rectify->due, at("2026-10-12 23:59:59")); // 09-28 and 09-29 paused: 09-30, 10-08, 10-09, 10-10, 10-12
        QCOMPARE(rectify->explanation,
                 QStringLiteral(
                     "Due 2026-10-12 23:59: 5 working day(s) from the bad review, plus 2 working day(s) paused."));
        QVERIFY(!find(clocks, SlaClockKind::SecondFollowUp));
        QCOMPARE(SlaEngine::caseDue(clocks), at("2026-10-12 23:59:59"));

        f.rectifyFeedbackAt = at("2026-10-09 15:00");
        clocks = engine(p).clocks(f, at("2026-10-12 09:00"));
        QCOMPARE(find(clocks, SlaClockKind::Rectify)->state, SlaClock::State::Met);
        const SlaClock* second = find(clocks, SlaClockKind::SecondFollowUp);
        QCOMPARE(second->due, at("2026-10-13 23:59:59"));
        QCOMPARE(second->explanation,
                 QStringLiteral("Due 2026-10-13 23:59: 3 working day(s) from the rectification's feedback."));
        f.secondFollowUpAt = at("2026-10-14 09:00");
        QCOMPARE(find(engine(p).clocks(f, at("2026-10-14 10:00")), SlaClockKind::SecondFollowUp)->state,
                 SlaClock::State::Late);
    }

    /** Explain::No (bulk writes' due dates) gives the same due times and states as the explained clocks. */
    void unexplainedClocksAgree()
    {
        QRandomGenerator random(12); // fixed seed: the same 600 cases every run
        const QDateTime base = at("2025-01-02 08:00");
        const auto later = [&](const QDateTime& t, int maxMinutes) {
            return t.addSecs(60 * qint64(random.bounded(maxMinutes)));
        };
        int paused = 0;
        for (int i = 0; i < 600; ++i) {
            SlaFacts f;
            f.channel = random.bounded(2) == 0 ? Channel::Window : Channel::Phone;
            f.receivedAt = later(base, 600 * 24 * 60);
            if (random.bounded(3) > 0) {
                f.acknowledgedAt = later(f.receivedAt, 90);
            }
            if (random.bounded(2) > 0) {
                f.answeredAt = later(f.receivedAt, 4 * 24 * 60);
            }
            if (random.bounded(3) == 0) {
                f.resolvedAt = later(f.receivedAt, 30 * 24 * 60);
            }
            if (random.bounded(4) == 0) {
                SlaPause p;
                p.from = later(f.receivedAt, 3 * 24 * 60);
                if (random.bounded(2) == 0) {
                    p.to = later(p.from, 5 * 24 * 60);
                }
                f.pauses.append(p);
                ++paused;
            }
            if (random.bounded(10) == 0) {
                f.extendedTo = later(f.receivedAt, 40 * 24 * 60);
            }
            if (random.bounded(8) == 0) {
                f.rectifyStartedAt = later(f.receivedAt, 20 * 24 * 60);
                if (random.bounded(2) == 0) {
                    f.rectifyFeedbackAt = later(f.rectifyStartedAt, 10 * 24 * 60);
                }
            }
            const SlaEngine e = random.bounded(2) == 0 ? engine() : workingHours();
            const QDateTime now = later(f.receivedAt, 20 * 24 * 60);
            const QList<SlaClock> explained = e.clocks(f, now);
            const QList<SlaClock> bare = e.clocks(f, now, SlaEngine::Explain::No);
            QCOMPARE(bare.size(), explained.size());
            for (qsizetype k = 0; k < bare.size(); ++k) {
                QCOMPARE(bare.at(k).kind, explained.at(k).kind);
                QCOMPARE(bare.at(k).due, explained.at(k).due);
                QCOMPARE(bare.at(k).state, explained.at(k).state);
                QCOMPARE(bare.at(k).pausedSeconds, explained.at(k).pausedSeconds);
                QCOMPARE(bare.at(k).pausedWorkingDays, explained.at(k).pausedWorkingDays);
                QVERIFY(bare.at(k).explanation.isEmpty());
                if (explained.at(k).state != SlaClock::State::Error) {
                    QVERIFY(!explained.at(k).explanation.isEmpty());
                }
            }
            QCOMPARE(SlaEngine::caseDue(bare), SlaEngine::caseDue(explained));
        }
        QVERIFY(paused > 100); // the pause paths were walked, not only the plain ones
    }
};

QTEST_GUILESS_MAIN(TestSlaEngine)
#include "tst_sla_engine.moc"
