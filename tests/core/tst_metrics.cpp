// metrics (issue 13): every figure of `stats` computed by hand on small fixtures (CLI.md, "stats --json").
#include "metrics/Metrics.h"

#include <QTest>

using namespace Metrics;

namespace {
QDateTime moment(int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute, second));
}

/** Local 2026-month-day hour:minute:second as seconds since the epoch. */
qint64 at(int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return moment(month, day, hour, minute, second).toSecsSinceEpoch();
}

/** March 2026, as of 2026-04-15 00:00. */
Period march()
{
    return Period{QDate(2026, 3, 1), QDate(2026, 3, 31), moment(4, 15)};
}

CaseInput received(qint64 t, const QString& category = QStringLiteral("服务态度"))
{
    CaseInput c;
    c.received = t;
    c.category = category;
    return c;
}

void compareOptional(const std::optional<double>& actual, double expected)
{
    QVERIFY2(actual.has_value(), "a figure is null");
    QVERIFY2(qAbs(*actual - expected) < 1e-9, qPrintable(QStringLiteral("%1 != %2").arg(*actual).arg(expected)));
}
} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void emptyPeriodGivesNullsAndZeroCounts()
    {
        const Figures f = compute(march(), Input{});
        QCOMPARE(f.cases, 0);
        for (const Summary& s : {f.firstResponseMinutes, f.resolutionHours, f.waitingMinutes}) {
            QCOMPARE(s.n, 0);
            QVERIFY(!s.mean && !s.median && !s.p90);
        }
        QVERIFY(!f.within48hRate && !f.csat && !f.nps && !f.negativeRecurrenceRate && !f.transfersPerCase);
        QCOMPARE(f.within48hN + f.csatN + f.npsN + f.negativeRecurrenceN, 0);
        QVERIFY(f.byCategory.isEmpty());
    }

    void singleCase()
    {
        CaseInput c = received(at(3, 2, 9, 0), QStringLiteral("收费"));
        c.acknowledged = at(3, 2, 9, 30);
        c.answered = at(3, 3, 9, 0);
        c.resolved = at(3, 3, 21, 0);
        c.closed = at(3, 5, 10, 0);
        c.rating = 5;
        c.nps = 10;
        c.citizenId = 1;
        c.transferCount = 2;
        const Figures f = compute(march(), Input{{c}, {}, {}});
        QCOMPARE(f.cases, 1);
        QCOMPARE(f.firstResponseMinutes.n, 1);
        compareOptional(f.firstResponseMinutes.mean, 30);
        compareOptional(f.firstResponseMinutes.median, 30);
        QVERIFY(!f.firstResponseMinutes.p90);
        QCOMPARE(f.resolutionHours.n, 1);
        compareOptional(f.resolutionHours.mean, 36);
        compareOptional(f.resolutionHours.median, 36);
        QCOMPARE(f.within48hN, 1);
        compareOptional(f.within48hRate, 1);
        QCOMPARE(f.csatN, 1);
        compareOptional(f.csat, 1);
        QCOMPARE(f.npsN, 1);
        compareOptional(f.nps, 100);
        QCOMPARE(f.negativeRecurrenceN, 1);
        compareOptional(f.negativeRecurrenceRate, 0);
        compareOptional(f.transfersPerCase, 2);
        QCOMPARE(f.byCategory.size(), 1);
        QCOMPARE(f.byCategory[0].category, QStringLiteral("收费"));
        QCOMPARE(f.byCategory[0].cases, 1);
        QCOMPARE(f.byCategory[0].share, 1.0);
        QCOMPARE(f.byCategory[0].cumulativeShare, 1.0);
    }

    void meanAndMedianOverTheMeasuredCasesOnly()
    {
        // First response 10, 20, 60 min (one case never acknowledged); resolution 2, 4, 9, 50 h (even count).
        QList<CaseInput> cases;
        const int ackMinutes[] = {10, 20, 60, -1};
        const int resolveHours[] = {2, 4, 9, 50};
        for (int i = 0; i < 4; ++i) {
            CaseInput c = received(at(3, 10, 8, 0));
            if (ackMinutes[i] >= 0) {
                c.acknowledged = c.received + ackMinutes[i] * 60;
            }
            c.resolved = c.received + resolveHours[i] * 3600;
            c.transferCount = i; // 0 + 1 + 2 + 3 over 4 cases
            cases << c;
        }
        const Figures f = compute(march(), Input{cases, {}, {}});
        QCOMPARE(f.firstResponseMinutes.n, 3);
        compareOptional(f.firstResponseMinutes.mean, 30);
        compareOptional(f.firstResponseMinutes.median, 20);
        QCOMPARE(f.resolutionHours.n, 4);
        compareOptional(f.resolutionHours.mean, 16.25);
        compareOptional(f.resolutionHours.median, 6.5);
        compareOptional(f.transfersPerCase, 1.5);
        // 2, 4 and 9 h comply; 50 h counts (resolved) and does not.
        QCOMPARE(f.within48hN, 4);
        compareOptional(f.within48hRate, 0.75);
    }

    void percentileInterpolatesBetweenClosestRanks()
    {
        // numpy.percentile([1, 2, 3, 4, 10], 90) = 7.6; ([1, 2, 3, 4], 90) = 3.7; one value is its own p90.
        compareOptional(percentile({10, 1, 4, 3, 2}, 90), 7.6);
        compareOptional(percentile({4, 3, 2, 1}, 90), 3.7);
        compareOptional(percentile({5}, 90), 5);
        compareOptional(percentile({1, 2, 3, 4}, 50), 2.5);
        QVERIFY(!percentile({}, 90));
        QVERIFY(!mean({}));
    }

    void waitingMinutesOverCalledVisitsOfThePeriod()
    {
        QList<QueueVisitInput> visits;
        for (int minutes : {1, 2, 3, 4, 10}) {
            visits << QueueVisitInput{at(3, 4, 10, 0), at(3, 4, 10, minutes)};
        }
        visits << QueueVisitInput{at(3, 4, 11, 0), std::nullopt};          // never called
        visits << QueueVisitInput{at(2, 28, 23, 59, 59), at(3, 1, 0, 30)}; // issued the day before
        visits << QueueVisitInput{at(4, 1, 0, 0), at(4, 1, 0, 50)};        // issued the day after
        visits << QueueVisitInput{at(3, 31, 23, 59, 0), at(4, 1, 0, 0)};   // last minute of the period: 1
        const Figures f = compute(march(), Input{{}, visits, {}});
        QCOMPARE(f.waitingMinutes.n, 6); // 1, 1, 2, 3, 4, 10
        compareOptional(f.waitingMinutes.mean, 21.0 / 6.0);
        compareOptional(f.waitingMinutes.median, 2.5);
        compareOptional(f.waitingMinutes.p90, 7.0); // rank 4.5 between 4 and 10
        QCOMPARE(f.cases, 0);
    }

    void casesStraddlingThePeriodsEnds()
    {
        const QList<CaseInput> cases{received(at(2, 28, 23, 59, 59)), received(at(3, 1, 0, 0, 0)),
                                     received(at(3, 31, 23, 59, 59)), received(at(4, 1, 0, 0, 0))};
        const Figures f = compute(march(), Input{cases, {}, {}});
        QCOMPARE(f.cases, 2);
        QCOMPARE(f.byCategory.size(), 1);
        QCOMPARE(f.byCategory[0].cases, 2);
        // A one-day period holds exactly that local day.
        const Figures day =
            compute(Period{QDate(2026, 3, 31), QDate(2026, 3, 31), moment(4, 15)}, Input{cases, {}, {}});
        QCOMPARE(day.cases, 1);
    }

    void within48HoursBoundaries()
    {
        const Period period = march(); // as of 2026-04-15 00:00
        QList<CaseInput> cases;
        CaseInput exactly = received(at(3, 2, 10, 0));
        exactly.answered = at(3, 4, 10, 0); // exactly 48 h: complies
        CaseInput late = received(at(3, 2, 10, 0));
        late.resolved = at(3, 4, 10, 0, 1); // 48 h and one second: counts, does not comply
        CaseInput earlierWins = received(at(3, 2, 10, 0));
        earlierWins.answered = at(3, 4, 12, 0);       // 50 h
        earlierWins.resolved = at(3, 4, 9, 0);        // 47 h: t is the earlier, complies
        CaseInput dueNow = received(at(4, 13, 0, 0)); // outside the period: ignored
        cases << exactly << late << earlierWins << dueNow;
        Period asOfShort = period;
        asOfShort.asOf = moment(3, 30, 12, 0);
        CaseInput unanswered = received(at(3, 28, 12, 0)); // + 48 h = as-of: counts, does not comply
        CaseInput notYet = received(at(3, 28, 12, 0, 1));  // + 48 h is a second after as-of: not counted
        cases << unanswered << notYet;
        const Figures f = compute(asOfShort, Input{cases, {}, {}});
        QCOMPARE(f.cases, 5);
        QCOMPARE(f.within48hN, 4);
        compareOptional(f.within48hRate, 0.5);
        // Later, the unanswered case past its 48 hours counts too.
        const Figures later = compute(period, Input{cases, {}, {}});
        QCOMPARE(later.within48hN, 5);
        compareOptional(later.within48hRate, 0.4);
    }

    void csatAndNpsLeaveOutAppealedRatings()
    {
        QList<CaseInput> cases;
        const struct
        {
            std::optional<int> rating;
            std::optional<int> nps;
            bool excluded;
        } rows[] = {
            {5, 0, true}, // appealed: neither rating nor NPS counts
            {4, 9, false}, {2, 9, false}, {3, 3, false}, {std::nullopt, std::nullopt, false}, {1, std::nullopt, false}};
        for (const auto& r : rows) {
            CaseInput c = received(at(3, 6, 9, 0));
            c.rating = r.rating;
            c.nps = r.nps;
            c.ratingExcluded = r.excluded;
            cases << c;
        }
        const Figures f = compute(march(), Input{cases, {}, {}});
        QCOMPARE(f.csatN, 4); // 4, 2, 3, 1
        compareOptional(f.csat, 0.25);
        QCOMPARE(f.npsN, 3); // 9, 9, 3
        compareOptional(f.nps, 100.0 / 3.0);
    }

    void npsBoundaries()
    {
        QList<CaseInput> cases;
        for (int score : {6, 7, 8, 9}) { // 6 detracts, 7 and 8 are passive, 9 promotes
            CaseInput c = received(at(3, 6, 9, 0));
            c.nps = score;
            cases << c;
        }
        const Figures f = compute(march(), Input{cases, {}, {}});
        QCOMPARE(f.npsN, 4);
        compareOptional(f.nps, 0);
        QCOMPARE(f.csatN, 0);
        QVERIFY(!f.csat);
    }

    void recurrenceWithinThirtyDaysOfTheClose()
    {
        QList<CaseInput> cases;
        Input input;
        const auto closedCase = [&](qint64 citizen, qint64 closed) {
            CaseInput c = received(at(3, 3, 9, 0));
            c.citizenId = citizen;
            c.closed = closed;
            cases << c;
        };
        const qint64 close = at(3, 20, 15, 0);
        closedCase(1, close); // a case exactly 30 days after the close, outside the period: recurs
        input.citizenCases[1] = {close + kRecurrenceWindowSecs};
        closedCase(2, close); // 30 days and a second: does not
        input.citizenCases[2] = {close + kRecurrenceWindowSecs + 1};
        closedCase(3, close); // received at the very second of the close: not after it
        input.citizenCases[3] = {close};
        closedCase(4, close); // its other case came before the close
        cases << received(at(3, 10, 9, 0));
        cases.last().citizenId = 4;
        closedCase(5, close); // a later case inside the period, given only as a period's case: recurs
        cases << received(close + 86400);
        cases.last().citizenId = 5;
        closedCase(0, close); // no citizen: not in n
        CaseInput open = received(at(3, 3, 9, 0));
        open.citizenId = 6; // not closed: not in n
        cases << open;
        input.citizenCases[6] = {at(3, 25)};
        input.cases = cases;
        const Figures f = compute(march(), input);
        QCOMPARE(f.negativeRecurrenceN, 5);
        compareOptional(f.negativeRecurrenceRate, 0.4);
    }

    void paretoTiesByName()
    {
        QList<CaseInput> cases;
        for (const char* name : {"B", "A", "C", "B", "A"}) {
            cases << received(at(3, 8, 9, 0), QString::fromLatin1(name));
        }
        const Figures f = compute(march(), Input{cases, {}, {}});
        QCOMPARE(f.byCategory.size(), 3);
        const QString names[] = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
        const int counts[] = {2, 2, 1};
        const double shares[] = {0.4, 0.4, 0.2};
        const double cumulative[] = {0.4, 0.8, 1.0};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(f.byCategory[i].category, names[i]);
            QCOMPARE(f.byCategory[i].cases, counts[i]);
            compareOptional(f.byCategory[i].share, shares[i]);
            compareOptional(f.byCategory[i].cumulativeShare, cumulative[i]);
        }
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
