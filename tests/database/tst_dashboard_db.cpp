// dashboard (issue 14): DashboardService on a seeded fixture of 320 cases and 200 queue visits, on SQLite and
// PostgreSQL. Every figure is compared with the metrics engine's full recomputation of the same days, every count
// with a tally made here from the fixture itself, and the systemic alerts with a brute-force search; plus the plans.

#include "SqlCaseRepository.h"
#include "SqlDashboardRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/DashboardService.h"
#include "services/MetricsService.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <map>
#include <set>

using namespace Dashboard;

namespace {
/** What the fixture stored of one case, to count by hand. */
struct Stored
{
    qint64 id = 0;
    QDateTime received;
    Channel channel = Channel::Window;
    qint64 window = 0;
    qint64 item = 0;
    qint64 category = 0;
    QString categoryName;
    qint64 department = 0;
    std::optional<int> waited;
    std::optional<int> rating;
    bool excluded = false;
    QDateTime acknowledged;
    QDateTime answered;
    QDateTime resolved;
    QDateTime due;
    int transfers = 0;
    bool open = false;
};

const QDateTime kAsOf(QDate(2026, 4, 15), QTime(9, 0));
const Range kMarch{QDate(2026, 3, 1), QDate(2026, 3, 31)};

bool close(const std::optional<double>& a, const std::optional<double>& b)
{
    return a.has_value() == b.has_value() && (!a || qAbs(*a - *b) < 1e-9);
}

QString differences(const Metrics::Figures& a, const Metrics::Figures& b)
{
    QStringList d;
    const auto summary = [&](const char* name, const Metrics::Summary& x, const Metrics::Summary& y) {
        if (x.n != y.n || !close(x.mean, y.mean) || !close(x.median, y.median) || !close(x.p90, y.p90)) {
            d << QLatin1String(name);
        }
    };
    if (a.cases != b.cases) {
        d << QStringLiteral("cases");
    }
    summary("first response", a.firstResponseMinutes, b.firstResponseMinutes);
    summary("resolution", a.resolutionHours, b.resolutionHours);
    summary("waiting", a.waitingMinutes, b.waitingMinutes);
    if (!close(a.within48hRate, b.within48hRate) || a.within48hN != b.within48hN) {
        d << QStringLiteral("48 h");
    }
    if (!close(a.csat, b.csat) || a.csatN != b.csatN || !close(a.nps, b.nps) || a.npsN != b.npsN) {
        d << QStringLiteral("csat/nps");
    }
    if (!close(a.negativeRecurrenceRate, b.negativeRecurrenceRate) || !close(a.transfersPerCase, b.transfersPerCase)) {
        d << QStringLiteral("recurrence/transfers");
    }
    if (a.byCategory.size() != b.byCategory.size()) {
        d << QStringLiteral("categories");
    }
    return d.join(QStringLiteral(", "));
}

QList<qint64> ids(const Repositories& repos, ReferenceKind kind)
{
    QList<qint64> result;
    const auto items = repos.reference->list(kind); // kept: a range-for over *temporary would dangle
    for (const ReferenceItem& item : *items) {
        result << item.id;
    }
    return result;
}
} // namespace

namespace {
/** Each department's breakdown row over the range's cases of the fixture, with the 48-hour rule as of `asOf`. */
std::map<qint64, Dashboard::BreakdownRow> byDepartment(const QList<Stored>& stored, const Dashboard::Range& range,
                                                       const QDateTime& asOf)
{
    struct Sums
    {
        qint64 firstResponseSum = 0, counted = 0, complied = 0, satisfied = 0;
    };
    std::map<qint64, Dashboard::BreakdownRow> rows;
    std::map<qint64, Sums> sums;
    for (const Stored& c : stored) {
        if (!range.contains(c.received.date())) {
            continue;
        }
        Dashboard::BreakdownRow& r = rows[c.department];
        Sums& s = sums[c.department];
        r.id = c.department;
        ++r.cases;
        r.transfers += c.transfers;
        r.open += c.open ? 1 : 0;
        r.overdue += c.open && c.due < asOf ? 1 : 0;
        if (c.acknowledged.isValid()) {
            ++r.firstResponseN;
            s.firstResponseSum += c.received.secsTo(c.acknowledged);
        }
        QDateTime t = c.answered;
        if (c.resolved.isValid() && (!t.isValid() || c.resolved < t)) {
            t = c.resolved;
        }
        if (t.isValid() || c.received.addSecs(48 * 3600) <= asOf) {
            ++s.counted;
            s.complied += t.isValid() && c.received.secsTo(t) <= 48 * 3600 ? 1 : 0;
        }
        if (c.rating && !c.excluded) {
            ++r.csatN;
            s.satisfied += *c.rating >= 4 ? 1 : 0;
        }
    }
    for (auto& [id, r] : rows) {
        const Sums& s = sums[id];
        if (r.firstResponseN > 0) {
            r.firstResponseMeanMinutes = double(s.firstResponseSum) / 60.0 / double(r.firstResponseN);
        }
        if (s.counted > 0) {
            r.within48hRate = double(s.complied) / double(s.counted);
        }
        if (r.csatN > 0) {
            r.csat = double(s.satisfied) / double(r.csatN);
        }
    }
    return rows;
}

QString differences(const Dashboard::BreakdownRow& a, const Dashboard::BreakdownRow& b)
{
    QStringList d;
    if (a.id != b.id || a.cases != b.cases || a.transfers != b.transfers || a.open != b.open ||
        a.overdue != b.overdue) {
        d << QStringLiteral("counts");
    }
    if (a.firstResponseN != b.firstResponseN || !close(a.firstResponseMeanMinutes, b.firstResponseMeanMinutes)) {
        d << QStringLiteral("first response");
    }
    if (!close(a.within48hRate, b.within48hRate)) {
        d << QStringLiteral("48 h");
    }
    if (a.csatN != b.csatN || !close(a.csat, b.csat)) {
        d << QStringLiteral("csat");
    }
    return d.isEmpty() ? QString() : QStringLiteral("department %1: %2").arg(a.id).arg(d.join(QStringLiteral(", ")));
}
} // namespace

class TestDashboardDb : public QObject
{
    Q_OBJECT

private slots:
    void snapshotAgreesWithTheFixture_data() { TestDatabase::addBackendRows(); }
    void snapshotAgreesWithTheFixture();
    void casesBehindAClick_data() { TestDatabase::addBackendRows(); }
    void casesBehindAClick();
    void rightsAndBadRanges_data() { TestDatabase::addBackendRows(); }
    void rightsAndBadRanges();
    void readsUseIndexes_data() { TestDatabase::addBackendRows(); }
    void readsUseIndexes();

private:
    /** 320 cases from 2026-01-25 to 2026-04-05 (clusters of one category and item included) and 200 visits. */
    static QList<Stored> fill(const Repositories& repos, RawConnection& raw);
};

QList<Stored> TestDashboardDb::fill(const Repositories& repos, RawConnection& raw)
{
    QRandomGenerator random(14);
    const QList<qint64> windows = ids(repos, ReferenceKind::Window);
    const QList<qint64> items = ids(repos, ReferenceKind::ServiceItem);
    const QList<qint64> categories = ids(repos, ReferenceKind::Category);
    const QList<qint64> departments = ids(repos, ReferenceKind::Department);
    QHash<qint64, QString> categoryNames;
    const auto categoryItems = repos.reference->list(ReferenceKind::Category);
    for (const ReferenceItem& item : *categoryItems) {
        categoryNames.insert(item.id, item.name);
    }
    const auto pick = [&](const QList<qint64>& from) {
        return random.bounded(5) == 0 ? 0 : from.at(random.bounded(int(from.size())));
    };
    QList<Stored> stored;
    WriteTransaction tx(*repos.unitOfWork);
    if (!tx.started()) {
        return {};
    }
    const QDateTime start(QDate(2026, 1, 25), QTime(8, 0));
    for (int i = 0; i < 320; ++i) {
        Stored s;
        s.received = start.addSecs(qint64(random.bounded(70 * 24 * 60)) * 60);
        s.channel = Channels::all().at(random.bounded(int(Channels::all().size())));
        s.window = pick(windows);
        s.item = pick(items);
        s.category = pick(categories);
        s.department = pick(departments);
        if (i >= 300) { // a cluster: one category and item, 20 cases in 5 days of March
            s.received = QDateTime(QDate(2026, 3, 10), QTime(9, 0)).addSecs(qint64(i - 300) * 6 * 3600);
            s.item = items.first();
            s.category = categories.first();
        }
        s.categoryName = categoryNames.value(s.category);
        if (random.bounded(3) > 0) {
            s.waited = random.bounded(90);
        }
        if (random.bounded(4) > 0) {
            s.acknowledged = s.received.addSecs(60 * qint64(random.bounded(300)));
        }
        if (random.bounded(3) > 0) {
            s.answered = s.received.addSecs(3600 * qint64(random.bounded(96)));
        }
        if (random.bounded(2) > 0) {
            s.resolved = s.received.addSecs(3600 * qint64(1 + random.bounded(200)));
        }
        if (s.resolved.isValid() && random.bounded(3) > 0) {
            s.rating = 1 + random.bounded(5);
            s.excluded = random.bounded(10) == 0;
        }
        s.transfers = random.bounded(4) == 0 ? 1 + random.bounded(2) : 0;
        s.open = !s.resolved.isValid();
        s.due = s.received.addDays(1 + random.bounded(30));

        Case c;
        c.receivedAt = s.received;
        c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
        c.status = s.open ? (s.acknowledged.isValid() ? CaseStatus::Acknowledged : CaseStatus::Received)
                          : CaseStatus::Resolved;
        c.channel = s.channel;
        c.window.id = s.window;
        c.serviceItem.id = s.item;
        c.category.id = s.category;
        c.department.id = s.department;
        c.waitedMinutes = s.waited;
        c.createdBy = {0, QStringLiteral("cli")};
        c.complaintText = QStringLiteral("办事排队时间太长，窗口%1").arg(i);
        c.updatedAt = c.receivedAt;
        c.acknowledgedAt = s.acknowledged;
        c.answeredAt = s.answered;
        c.resolvedAt = s.resolved;
        c.rating = s.rating;
        c.ratingExcluded = s.excluded;
        c.nps = s.rating ? std::optional<int>(*s.rating * 2) : std::nullopt;
        c.transferCount = s.transfers;
        c.dueAt = s.due;
        const auto id = repos.cases->insert(c);
        if (!id) {
            qWarning("insert: %s", qPrintable(id.error().message));
            return {};
        }
        s.id = *id;
        stored.append(s);
    }
    if (!tx.commit()) {
        return {};
    }
    for (int i = 0; i < 200; ++i) {
        const QDateTime issued = start.addSecs(qint64(random.bounded(70 * 24 * 60)) * 60);
        const QVariant called =
            random.bounded(8) == 0 ? QVariant() : QVariant(issued.toSecsSinceEpoch() + random.bounded(3600));
        const QString error = raw.exec(
            QStringLiteral("INSERT INTO queue_visits (ticket, issued_day, issued_at, called_at) VALUES (?, ?, ?, ?)"),
            {QStringLiteral("B%1").arg(i), issued.date().toString(Qt::ISODate), issued.toSecsSinceEpoch(), called});
        if (!error.isEmpty()) {
            qWarning("visit: %s", qPrintable(error));
            return {};
        }
    }
    return stored;
}

void TestDashboardDb::snapshotAgreesWithTheFixture()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    RawConnection raw(scratch);
    const QList<Stored> stored = fill(repos, raw);
    QCOMPARE(stored.size(), 320);
    const Session supervisor = Fixtures::addUser(repos, QStringLiteral("boss"), Role::Supervisor);
    FixedClock clock(kAsOf);
    DashboardService service(supervisor, repos, clock);
    const auto snapshot = service.snapshot(kMarch);
    QINGTING_VERIFY_OK(snapshot);
    const Snapshot& s = *snapshot;
    QCOMPARE(s.range, kMarch);
    QCOMPARE(s.previous, (Range{QDate(2026, 1, 29), QDate(2026, 2, 28)}));
    QCOMPARE(s.asOf, kAsOf);
    QCOMPARE(s.grain, Grain::Day);

    // The figures: the engine's full recomputation of the same days (raw rows, Metrics::compute).
    MetricsService metrics(Session::commandLine(), repos);
    const auto recompute = [&](const Range& r) {
        return metrics.recomputed(r.from, r.to, kAsOf);
    };
    QVERIFY(s.figures.cases > 50);
    QCOMPARE(differences(s.figures, *recompute(kMarch)), QString());
    QCOMPARE(differences(s.previousFigures, *recompute(s.previous)), QString());

    // Every chart point: the engine's figures of its day, and counts made here from the fixture.
    QCOMPARE(s.waiting.size(), 31);
    QCOMPARE(s.satisfaction.size(), 31);
    QCOMPARE(s.service.size(), 31);
    qint64 rated = 0;
    for (int d = 0; d < 31; ++d) {
        const Range day{kMarch.from.addDays(d), kMarch.from.addDays(d)};
        QCOMPARE(s.waiting.at(d).bucket, day);
        const Metrics::Figures f = *recompute(day);
        const QString at = day.from.toString(Qt::ISODate);
        QVERIFY2(close(s.waiting.at(d).queueMinutes.median, f.waitingMinutes.median), qPrintable(at));
        QVERIFY2(close(s.waiting.at(d).queueMinutes.p90, f.waitingMinutes.p90), qPrintable(at));
        QVERIFY2(close(s.service.at(d).firstResponseMinutes.median, f.firstResponseMinutes.median), qPrintable(at));
        QVERIFY2(close(s.service.at(d).resolutionHours.mean, f.resolutionHours.mean), qPrintable(at));
        QVERIFY2(close(s.service.at(d).within48hRate, f.within48hRate), qPrintable(at));
        QVERIFY2(close(s.satisfaction.at(d).csat, f.csat) && close(s.satisfaction.at(d).nps, f.nps), qPrintable(at));

        Dashboard::LevelCounts levels{};
        Dashboard::ChannelCounts channels{};
        QList<double> waited;
        for (const Stored& c : stored) {
            if (c.received.date() != day.from) {
                continue;
            }
            ++channels[std::size_t(c.channel)];
            if (c.rating && !c.excluded) {
                ++levels[std::size_t(*c.rating - 1)];
            }
            if (c.waited) {
                waited << *c.waited;
            }
        }
        QVERIFY2(s.satisfaction.at(d).levels == levels, qPrintable(at));
        QVERIFY2(s.service.at(d).casesByChannel == channels, qPrintable(at));
        QCOMPARE(s.waiting.at(d).waitedMinutes.n, int(waited.size()));
        QVERIFY2(close(s.waiting.at(d).waitedMinutes.median, Metrics::median(waited)), qPrintable(at));
        QVERIFY2(close(s.waiting.at(d).waitedMinutes.p90, Metrics::percentile(waited, 90)), qPrintable(at));
        for (qint64 n : levels) {
            rated += n;
        }
    }
    QCOMPARE(rated, qint64(s.figures.csatN));

    // Breakdown by window: counted here.
    std::map<qint64, Dashboard::BreakdownRow> expected;
    for (const Stored& c : stored) {
        if (!kMarch.contains(c.received.date())) {
            continue;
        }
        Dashboard::BreakdownRow& r = expected[c.window];
        ++r.cases;
        r.transfers += c.transfers;
        r.open += c.open ? 1 : 0;
        r.overdue += c.open && c.due < kAsOf ? 1 : 0;
        if (c.rating && !c.excluded) {
            ++r.csatN;
            r.csat = r.csat.value_or(0) + (*c.rating >= 4 ? 1 : 0);
        }
    }
    QCOMPARE(qsizetype(expected.size()), s.byWindow.size());
    qint64 previousCases = std::numeric_limits<qint64>::max();
    for (const Dashboard::BreakdownRow& row : s.byWindow) {
        QVERIFY(row.cases <= previousCases); // most cases first
        previousCases = row.cases;
        const Dashboard::BreakdownRow& e = expected[row.id];
        QCOMPARE(row.cases, e.cases);
        QCOMPARE(row.transfers, e.transfers);
        QCOMPARE(row.open, e.open);
        QCOMPARE(row.overdue, e.overdue);
        QCOMPARE(row.csatN, e.csatN);
        if (e.csatN > 0) {
            QVERIFY(close(row.csat, *e.csat / double(e.csatN)));
        }
        QVERIFY(!row.name.isEmpty());
    }
    // Breakdown by department: every figure, counted here; and again with as-of inside the range, where the cases of
    // the last 48 hours without an answer do not count yet.
    const auto compareDepartments = [&](const Snapshot& snap) {
        const auto expectedRows = byDepartment(stored, snap.range, snap.asOf);
        QCOMPARE(qsizetype(expectedRows.size()), snap.byDepartment.size());
        for (const Dashboard::BreakdownRow& row : snap.byDepartment) {
            QCOMPARE(differences(row, expectedRows.at(row.id)), QString());
        }
    };
    compareDepartments(s);
    {
        // As-of at 18:00 on the first day of March whose morning-to-cut-off part (the pending part of the 48-hour
        // rule, read from the cases) holds a case without an answer, so that path is exercised.
        QDateTime nearAsOf;
        for (QDate d = kMarch.from.addDays(3); d <= kMarch.to && !nearAsOf.isValid(); d = d.addDays(1)) {
            const QDateTime asOf(d, QTime(18, 0));
            const QDateTime cutoff = asOf.addSecs(-48 * 3600);
            for (const Stored& c : stored) {
                if (c.received >= cutoff.date().startOfDay() && c.received <= cutoff && !c.answered.isValid() &&
                    !c.resolved.isValid()) {
                    nearAsOf = asOf;
                }
            }
        }
        QVERIFY(nearAsOf.isValid());
        FixedClock nearClock(nearAsOf);
        DashboardService near(supervisor, repos, nearClock);
        const auto nearSnapshot = near.snapshot(kMarch);
        QINGTING_VERIFY_OK(nearSnapshot);
        compareDepartments(*nearSnapshot);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    // A desk moves a March case to another department: the day's groups are built again for the next snapshot.
    {
        QList<Stored> moved = stored;
        const auto march = std::find_if(moved.begin(), moved.end(), [](const Stored& c) {
            return kMarch.contains(c.received.date()) && c.department != 0;
        });
        QVERIFY(march != moved.end());
        const QList<qint64> departments = ids(repos, ReferenceKind::Department);
        const qint64 other = departments.first() == march->department ? departments.last() : departments.first();
        QVERIFY(other != march->department);
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        auto c = repos.cases->find(march->id);
        QINGTING_VERIFY_OK(c);
        c->department.id = other;
        QINGTING_VERIFY_OK(repos.cases->update(*c));
        QINGTING_VERIFY_OK(tx.commit());
        march->department = other;
        const auto again = service.snapshot(kMarch);
        QINGTING_VERIFY_OK(again);
        const auto expectedRows = byDepartment(moved, kMarch, kAsOf);
        QCOMPARE(qsizetype(expectedRows.size()), again->byDepartment.size());
        for (const Dashboard::BreakdownRow& row : again->byDepartment) {
            QCOMPARE(differences(row, expectedRows.at(row.id)), QString());
        }
    }

    qint64 total = 0;
    for (const auto* rows : {&s.byWindow, &s.byServiceItem, &s.byDepartment}) {
        total = 0;
        for (const Dashboard::BreakdownRow& row : *rows) {
            total += row.cases;
        }
        QCOMPARE(total, qint64(s.figures.cases)); // each breakdown covers every case once
    }

    // Systemic alerts: a brute-force search over the fixture finds the same pairs and windows.
    std::map<std::pair<qint64, qint64>, QList<const Stored*>> byPair;
    for (const Stored& c : stored) {
        if (kMarch.contains(c.received.date()) && c.category != 0 && c.item != 0) {
            byPair[{c.category, c.item}].append(&c);
        }
    }
    QList<std::tuple<qint64, qint64, QDate, int>> found;
    for (const auto& [pair, cases] : byPair) {
        std::optional<QDate> latest;
        for (const Stored* end : cases) {
            int n = 0;
            for (const Stored* c : cases) {
                n += c->received.date() <= end->received.date() && c->received.date() > end->received.date().addDays(-7)
                         ? 1
                         : 0;
            }
            if (n >= 3 && (!latest || end->received.date() > *latest)) {
                latest = end->received.date();
            }
        }
        if (latest) {
            int n = 0;
            for (const Stored* c : cases) {
                n += c->received.date() <= *latest && c->received.date() > latest->addDays(-7) ? 1 : 0;
            }
            found.append({pair.first, pair.second, *latest, n});
        }
    }
    QCOMPARE(s.alerts.size(), found.size());
    QVERIFY(!s.alerts.isEmpty());
    QCOMPARE(s.alerts.first().caseIds.size(), 20); // the cluster, largest first
    for (const SystemicAlert& a : s.alerts) {
        bool matched = false;
        for (const auto& [category, item, last, n] : found) {
            if (category == a.categoryId && item == a.serviceItemId) {
                matched = true;
                QCOMPARE(a.windowTo, last);
                QCOMPARE(a.windowFrom, last.addDays(-6));
                QCOMPARE(a.caseIds.size(), qsizetype(n));
            }
        }
        QVERIFY(matched);
        QVERIFY(!a.category.isEmpty() && !a.serviceItem.isEmpty());
    }
    // A stricter rule flags only the cluster.
    const auto strict = service.snapshot(kMarch, AlertRule{10, 7});
    QINGTING_VERIFY_OK(strict);
    QCOMPARE(strict->alerts.size(), 1);

    // A long range is charted by week, and the weeks' figures are the engine's too.
    const Range quarter{QDate(2026, 1, 1), QDate(2026, 3, 31)};
    const auto weekly = service.snapshot(quarter);
    QINGTING_VERIFY_OK(weekly);
    QCOMPARE(weekly->grain, Grain::Week);
    QCOMPARE(weekly->service.size(), buckets(quarter, Grain::Week).size());
    for (const ServicePoint& p : weekly->service) {
        const Metrics::Figures f = *recompute(p.bucket);
        QVERIFY(close(p.firstResponseMinutes.median, f.firstResponseMinutes.median));
        QVERIFY(close(p.within48hRate, f.within48hRate));
    }
}

void TestDashboardDb::casesBehindAClick()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    RawConnection raw(scratch);
    const QList<Stored> stored = fill(repos, raw);
    QCOMPARE(stored.size(), 320);
    FixedClock clock(kAsOf);
    DashboardService service(Fixtures::addUser(repos, QStringLiteral("boss"), Role::Supervisor), repos, clock);
    const auto expect = [&](const std::function<bool(const Stored&)>& match) {
        QList<const Stored*> hits;
        for (const Stored& c : stored) {
            if (kMarch.contains(c.received.date()) && match(c)) {
                hits << &c;
            }
        }
        std::sort(hits.begin(), hits.end(), [](const Stored* a, const Stored* b) {
            return a->received != b->received ? a->received > b->received : a->id > b->id;
        });
        QList<qint64> result;
        for (const Stored* c : hits) {
            result << c->id;
        }
        return result;
    };
    const Stored& sample = stored.at(300); // in the March cluster
    Selection category{kMarch};
    category.category = sample.categoryName;
    QCOMPARE(*service.casesBehind(category), expect([&](const Stored& c) { return c.category == sample.category; }));
    Selection rating{kMarch};
    rating.rating = 2;
    const QList<qint64> poor = expect([](const Stored& c) { return c.rating == 2 && !c.excluded; });
    QVERIFY(!poor.isEmpty());
    QCOMPARE(*service.casesBehind(rating), poor);
    Selection channel{kMarch};
    channel.channel = Channel::Phone;
    QCOMPARE(*service.casesBehind(channel), expect([](const Stored& c) { return c.channel == Channel::Phone; }));
    Selection window{kMarch};
    window.dimension = Dimension::Window;
    window.dimensionId = sample.window == 0 ? stored.at(0).window : sample.window;
    const qint64 chosen = window.dimensionId;
    QCOMPARE(*service.casesBehind(window), expect([&](const Stored& c) { return c.window == chosen; }));
    Selection none{kMarch};
    none.dimension = Dimension::Department;
    none.dimensionId = 0;
    const QList<qint64> unassigned = expect([](const Stored& c) { return c.department == 0; });
    QVERIFY(!unassigned.isEmpty());
    QCOMPARE(*service.casesBehind(none), unassigned);
    Selection alert{kMarch};
    alert.caseIds = {stored.at(301).id, stored.at(302).id};
    QCOMPARE(*service.casesBehind(alert), alert.caseIds);
}

void TestDashboardDb::rightsAndBadRanges()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kAsOf);
    const auto clerk =
        DashboardService(Fixtures::addUser(repos, QStringLiteral("clerk"), Role::Clerk), repos, clock).snapshot(kMarch);
    QVERIFY(!clerk.ok());
    QCOMPARE(clerk.error().code, Error::Code::PermissionDenied);
    DashboardService boss(Fixtures::addUser(repos, QStringLiteral("boss"), Role::Supervisor), repos, clock);
    const auto backwards = boss.snapshot(Range{QDate(2026, 3, 5), QDate(2026, 3, 1)});
    QVERIFY(!backwards.ok());
    QCOMPARE(backwards.error().code, Error::Code::Invalid);
    QVERIFY(!backwards.error().message.isEmpty());
    QCOMPARE(boss.snapshot(Range{QDate(2025, 1, 1), QDate(2026, 3, 1)}).error().code, Error::Code::Invalid);
    QCOMPARE(boss.snapshot(kMarch, AlertRule{1, 7}).error().code, Error::Code::Invalid);
    Selection bad{kMarch};
    bad.rating = 6;
    QCOMPARE(boss.casesBehind(bad).error().code, Error::Code::Invalid);
    // An empty database: figures without data are null, never 0; the charts still have their 31 days.
    const auto empty = boss.snapshot(kMarch);
    QINGTING_VERIFY_OK(empty);
    QCOMPARE(empty->figures.cases, 0);
    QVERIFY(!empty->figures.csat.has_value());
    QCOMPARE(empty->waiting.size(), 31);
    QVERIFY(!empty->waiting.first().waitedMinutes.median.has_value());
    QVERIFY(empty->alerts.isEmpty());
    QVERIFY(empty->byWindow.isEmpty());
}

void TestDashboardDb::readsUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    RawConnection raw(scratch);
    QCOMPARE(fill(repos, raw).size(), 320);
    raw.exec(QStringLiteral("ANALYZE"));
    if (scratch.isPostgres()) {
        // A small table is rightly read whole; show whether an index CAN serve, as it must at a million rows.
        QINGTING_VERIFY_OK(
            db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")));
    }
    SqlDashboardRepository& repo = static_cast<SqlDashboardRepository&>(*repos.dashboard);
    using Statement = SqlDashboardRepository::Statement;
    const auto check = [&](Statement statement, const QString& index, Dimension dimension = Dimension::Window) {
        const auto plan = repo.explain(statement, kMarch, dimension);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        const QString text = plan->join(QLatin1Char('\n'));
        const QString shown = QStringLiteral("statement %1:\n").arg(int(statement)) + text;
        QVERIFY2(text.contains(index), qPrintable(shown));
        static const QRegularExpression fullScan(QStringLiteral("Seq Scan|^SCAN \\w+( \\w+)?$"),
                                                 QRegularExpression::MultilineOption);
        QVERIFY2(!fullScan.match(text).hasMatch(), qPrintable(shown));
    };
    // The daily groups through their key (dimension, day, …); the cases only where they must be read.
    const QString groups = scratch.isPostgres() ? QStringLiteral("metrics_daily_group_pkey")
                                                : QStringLiteral("sqlite_autoindex_metrics_daily_group");
    check(Statement::Tally, groups);
    check(Statement::AlertPairs, groups);
    check(Statement::AlertCases, QStringLiteral("cases_item_category_received"));
    for (const Dimension d : {Dimension::Window, Dimension::ServiceItem, Dimension::Department}) {
        check(Statement::Breakdown, groups, d);
        check(Statement::Pending, QStringLiteral("cases_received"), d);
        check(Statement::Open, QStringLiteral("cases_status_received"), d);
    }
}

QTEST_GUILESS_MAIN(TestDashboardDb)
#include "tst_dashboard_db.moc"
