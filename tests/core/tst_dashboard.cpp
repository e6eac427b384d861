#include "dashboard/Dashboard.h"

#include <QTest>

using namespace Dashboard;

/** The dashboard's pure rules: presets, the previous period, chart buckets, comparisons, the Pareto cut. */
class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void channelCountsHoldEveryChannel()
    {
        // One name for the arrays indexed by int(Channel) (helper "polish"): sized for every channel there is.
        const QList<Channel> all = Channels::all();
        QCOMPARE(int(all.size()), kChannelCount);
        QCOMPARE(int(std::tuple_size_v<Dashboard::ChannelCounts>), kChannelCount);
        for (const Channel c : all) {
            QVERIFY(int(c) >= 0 && int(c) < kChannelCount);
        }
    }
    void presetRanges_data()
    {
        QTest::addColumn<int>("preset");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        const QDate d(2026, 5, 14); // a Thursday in the second quarter
        QTest::newRow("today") << int(Preset::Today) << d << d << d;
        QTest::newRow("7 days") << int(Preset::Last7Days) << d << QDate(2026, 5, 8) << d;
        QTest::newRow("30 days") << int(Preset::Last30Days) << d << QDate(2026, 4, 15) << d;
        QTest::newRow("month") << int(Preset::ThisMonth) << d << QDate(2026, 5, 1) << d;
        QTest::newRow("quarter") << int(Preset::ThisQuarter) << d << QDate(2026, 4, 1) << d;
        QTest::newRow("quarter, its first day")
            << int(Preset::ThisQuarter) << QDate(2026, 10, 1) << QDate(2026, 10, 1) << QDate(2026, 10, 1);
        QTest::newRow("30 days over a year's end")
            << int(Preset::Last30Days) << QDate(2026, 1, 10) << QDate(2025, 12, 12) << QDate(2026, 1, 10);
        QTest::newRow("month, leap February")
            << int(Preset::ThisMonth) << QDate(2028, 2, 29) << QDate(2028, 2, 1) << QDate(2028, 2, 29);
    }
    void presetRanges()
    {
        QFETCH(int, preset);
        QFETCH(QDate, today);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        const Range r = presetRange(Preset(preset), today);
        QCOMPARE(r.from, from);
        QCOMPARE(r.to, to);
        QVERIFY(!presetRange(Preset::Custom, today).isValid());
        QVERIFY(!label(Preset(preset)).isEmpty());
    }

    void previousPeriodHasTheSameLength()
    {
        const Range march{QDate(2026, 3, 1), QDate(2026, 3, 31)};
        const Range before = previousRange(march);
        QCOMPARE(before.to, QDate(2026, 2, 28));
        QCOMPARE(before.days(), march.days());
        QCOMPARE(before.from, QDate(2026, 1, 29));
        const Range day{QDate(2026, 1, 1), QDate(2026, 1, 1)};
        QCOMPARE(previousRange(day), (Range{QDate(2025, 12, 31), QDate(2025, 12, 31)}));
        QVERIFY(!previousRange(Range{}).isValid());
        QVERIFY(!previousRange(Range{QDate(2026, 2, 2), QDate(2026, 2, 1)}).isValid());
    }

    void bucketsCoverTheRangeOnce()
    {
        const Range month{QDate(2026, 5, 1), QDate(2026, 5, 31)};
        QCOMPARE(grainFor(month), Grain::Day);
        const auto days = buckets(month, Grain::Day);
        QCOMPARE(days.size(), 31);
        QCOMPARE(days.first(), (Range{QDate(2026, 5, 1), QDate(2026, 5, 1)}));

        const Range quarter{QDate(2026, 4, 1), QDate(2026, 6, 30)}; // Wednesday to Tuesday
        QCOMPARE(grainFor(quarter), Grain::Week);
        const auto weeks = buckets(quarter, Grain::Week);
        QCOMPARE(weeks.first(), (Range{QDate(2026, 4, 1), QDate(2026, 4, 5)})); // clipped: Wednesday to Sunday
        QCOMPARE(weeks.at(1), (Range{QDate(2026, 4, 6), QDate(2026, 4, 12)}));
        QCOMPARE(weeks.last(), (Range{QDate(2026, 6, 29), QDate(2026, 6, 30)}));
        qint64 covered = 0;
        QDate next = quarter.from;
        for (const Range& w : weeks) {
            QCOMPARE(w.from, next); // contiguous, no gap, no overlap
            QVERIFY(w.days() <= 7);
            covered += w.days();
            next = w.to.addDays(1);
        }
        QCOMPARE(covered, quarter.days());
        QVERIFY(buckets(Range{}, Grain::Day).isEmpty());
        QCOMPARE(grainFor(Range{QDate(2026, 1, 1), QDate(2026, 1, 1).addDays(kMaxDailyPoints - 1)}), Grain::Day);
        QCOMPARE(grainFor(Range{QDate(2026, 1, 1), QDate(2026, 1, 1).addDays(kMaxDailyPoints)}), Grain::Week);
    }

    void comparisonsSayWhichWayIsBetter()
    {
        Metrics::Figures now;
        Metrics::Figures before;
        now.cases = 120;
        before.cases = 100;
        now.csat = 0.9;
        before.csat = 0.8;
        now.waitingMinutes.median = 12;
        before.waitingMinutes.median = 8;
        now.nps = 10;
        before.nps = std::nullopt; // no NPS answers before: no verdict
        now.firstResponseMinutes.median = 5;
        before.firstResponseMinutes.median = 0;
        const QList<Change> changes = compare(now, before);
        QCOMPARE(changes.size(), figures().size());
        const auto find = [&](Figure f) {
            for (const Change& c : changes) {
                if (c.figure == f) {
                    return c;
                }
            }
            return Change{};
        };
        const Change cases = find(Figure::Cases);
        QCOMPARE(*cases.delta(), 20.0);
        QCOMPARE(*cases.relative(), 0.2);
        QVERIFY(!cases.improved() && !cases.worsened()); // volume carries no verdict
        const Change csat = find(Figure::Csat);
        QVERIFY(qAbs(*csat.delta() - 0.1) < 1e-12);
        QVERIFY(csat.improved() && !csat.worsened());
        const Change waiting = find(Figure::WaitingMedian);
        QCOMPARE(*waiting.delta(), 4.0);
        QCOMPARE(*waiting.relative(), 0.5);
        QVERIFY(waiting.worsened() && !waiting.improved());
        const Change nps = find(Figure::Nps);
        QVERIFY(!nps.delta() && !nps.relative() && !nps.improved() && !nps.worsened());
        const Change first = find(Figure::FirstResponseMedian);
        QCOMPARE(*first.delta(), 5.0);
        QVERIFY(!first.relative()); // from 0: no percentage
        QVERIFY(first.worsened());
        for (const Figure f : figures()) {
            QVERIFY(!label(f).isEmpty());
        }
    }

    void paretoCutsAtEightyPercent()
    {
        const auto rows = [](const QList<int>& counts) {
            int total = 0;
            for (int c : counts) {
                total += c;
            }
            QList<Metrics::CategoryRow> result;
            int running = 0;
            for (int c : counts) {
                running += c;
                result.append(
                    {QStringLiteral("c%1").arg(result.size()), c, double(c) / total, double(running) / total});
            }
            return result;
        };
        QCOMPARE(vitalFew(rows({50, 30, 10, 10})), 2); // exactly 80 % after two
        QCOMPARE(vitalFew(rows({50, 29, 11, 10})), 3); // 79 % after two
        QCOMPARE(vitalFew(rows({1})), 1);
        QCOMPARE(vitalFew({}), 0);
        QCOMPARE(vitalFew(rows({3, 3, 3, 3, 3})), 4); // 60 %, 80 %
        QCOMPARE(vitalFew(rows({1, 1, 1})), 3);       // 33 %, 67 %, 100 %
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
