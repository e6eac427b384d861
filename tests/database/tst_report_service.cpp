// review report (issue 14, helper "report"): ReportService on a small demo file, on SQLite and PostgreSQL. Its
// numbers equal MetricsService's (this period and the previous one) and DashboardService's (series, breakdowns,
// alerts); the overdue list equals the case list's overdue query, capped with the rest counted; a cancel stops it;
// a clerk may not make it. Then the writers: a cancelled or failed write leaves no file and an existing one intact.

#include "SqlDemoWriter.h"
#include "TestDatabases.h"
#include "report/ReportTables.h"
#include "report/ReportWriter.h"
#include "repositories/AuditRepository.h"
#include "repositories/CaseRepository.h"
#include "services/DashboardService.h"
#include "services/DemoService.h"
#include "services/MetricsService.h"
#include "services/ReportService.h"
#include "services/UserService.h"
#include "users/PasswordHasher.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {
const QDate kEnd(2026, 3, 31);
const QDateTime kAsOf(QDate(2026, 4, 20), QTime(12, 0)); // late enough for open cases to be overdue
const Dashboard::Range kRange{QDate(2026, 3, 10), QDate(2026, 3, 31)};

bool same(const std::optional<double>& a, const std::optional<double>& b)
{
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

bool same(const Metrics::Summary& a, const Metrics::Summary& b)
{
    return a.n == b.n && same(a.mean, b.mean) && same(a.median, b.median) && same(a.p90, b.p90);
}

bool same(const Metrics::Figures& a, const Metrics::Figures& b)
{
    if (a.byCategory.size() != b.byCategory.size()) {
        return false;
    }
    for (int i = 0; i < a.byCategory.size(); ++i) {
        const auto& x = a.byCategory.at(i);
        const auto& y = b.byCategory.at(i);
        if (x.category != y.category || x.cases != y.cases || x.share != y.share ||
            x.cumulativeShare != y.cumulativeShare) {
            return false;
        }
    }
    return a.cases == b.cases && same(a.firstResponseMinutes, b.firstResponseMinutes) &&
           same(a.resolutionHours, b.resolutionHours) && same(a.within48hRate, b.within48hRate) &&
           a.within48hN == b.within48hN && same(a.csat, b.csat) && a.csatN == b.csatN && same(a.nps, b.nps) &&
           a.npsN == b.npsN && same(a.negativeRecurrenceRate, b.negativeRecurrenceRate) &&
           a.negativeRecurrenceN == b.negativeRecurrenceN && same(a.waitingMinutes, b.waitingMinutes) &&
           same(a.transfersPerCase, b.transfersPerCase);
}
} // namespace

class TestReportService : public QObject
{
    Q_OBJECT

private slots:
    void reportEqualsTheServices_data() { TestDatabase::addBackendRows(); }
    void reportEqualsTheServices();
    void writersNeverLeaveHalfFiles();

private:
    static void fillDemo(Database& db, const Clock& clock);
};

void TestReportService::fillDemo(Database& db, const Clock& clock)
{
    SqlDemoWriter writer(db.sqlContext());
    DemoService demo(Session::commandLine(), db.repositories(), writer, clock);
    DemoService::Options options;
    options.cases = 700;
    options.days = 60;
    options.end = kEnd;
    options.seed = 14;
    QINGTING_VERIFY_OK(demo.generate(options));
}

void TestReportService::reportEqualsTheServices()
{
    QFETCH(QString, backend);
    TestDatabase scratch(backend);
    if (!scratch.skipReason().isEmpty()) {
        QSKIP(qPrintable(scratch.skipReason()));
    }
    QVERIFY2(scratch.setupError().isEmpty(), qPrintable(scratch.setupError()));
    auto opened = scratch.open();
    QINGTING_VERIFY_OK(opened);
    const std::unique_ptr<Database> db = std::move(opened).value();
    FixedClock clock(QDateTime(QDate(2026, 4, 2), QTime(9, 30)));
    fillDemo(*db, clock);
    const Repositories repos = db->repositories();

    ReportService service(Session::commandLine(), repos, clock);
    ReportService::Options options;
    options.hallName = QStringLiteral("东城区政务服务中心");
    options.asOf = kAsOf;
    options.maxOverdueCases = 5;
    QList<int> percents;
    const auto built = service.build(kRange, options, [&](int percent, const QString& step) {
        QVERIFY(!step.isEmpty());
        percents << percent;
    });
    QINGTING_VERIFY_OK(built);
    const Report::ReviewReport& r = *built;
    QVERIFY(percents.size() >= 5);
    QVERIFY(std::is_sorted(percents.begin(), percents.end()));
    QCOMPARE(r.hallName, options.hallName);
    QCOMPARE(r.asOf, kAsOf);
    QCOMPARE(r.generatedAt, clock.now());
    QCOMPARE(r.previous, Dashboard::previousRange(kRange));
    QVERIFY(r.figures.cases > 50);

    // The metric table: exactly the figures of stats for both periods.
    MetricsService metrics(Session::commandLine(), repos);
    const auto now = metrics.figures(kRange.from, kRange.to, kAsOf);
    const auto before = metrics.figures(r.previous.from, r.previous.to, kAsOf);
    QINGTING_VERIFY_OK(now);
    QINGTING_VERIFY_OK(before);
    QVERIFY(same(r.figures, *now));
    QVERIFY(same(r.previousFigures, *before));
    QVERIFY(r.previousFigures.cases > 0);
    const QList<Report::MetricRow> rows = Report::metricRows(*now, *before);
    QCOMPARE(r.metrics.size(), rows.size());
    QCOMPARE(r.metrics.first().key, QStringLiteral("cases"));
    QCOMPARE(*r.metrics.first().current, double(now->cases));
    QCOMPARE(*r.metrics.first().previous, double(before->cases));
    QCOMPARE(*r.metrics.first().delta(), double(now->cases - before->cases));
    for (const Report::MetricRow& row : r.metrics) {
        if (row.key == QLatin1String("waiting_minutes.p90")) {
            QVERIFY(same(row.current, now->waitingMinutes.p90));
            QVERIFY(same(row.previous, before->waitingMinutes.p90));
        }
        if (row.key == QLatin1String("csat")) {
            QVERIFY(same(row.current, now->csat));
            QCOMPARE(row.unit, Report::Unit::Rate);
        }
    }
    QCOMPARE(r.pareto.size(), now->byCategory.size());
    QCOMPARE(r.vitalFew, Dashboard::vitalFew(now->byCategory));

    // The series, breakdowns and alerts: the dashboard's snapshot at the same as-of.
    const FixedClock asOfClock(kAsOf);
    const auto snapshot = DashboardService(Session::commandLine(), repos, asOfClock).snapshot(kRange);
    QINGTING_VERIFY_OK(snapshot);
    QCOMPARE(r.waiting.size(), snapshot->waiting.size());
    QCOMPARE(r.grain, Dashboard::Grain::Day);
    for (int i = 0; i < r.waiting.size(); ++i) {
        QVERIFY(same(r.waiting.at(i).queueMinutes, snapshot->waiting.at(i).queueMinutes));
        QCOMPARE(r.satisfaction.at(i).levels, snapshot->satisfaction.at(i).levels);
        QCOMPARE(r.service.at(i).casesByChannel, snapshot->service.at(i).casesByChannel);
    }
    QCOMPARE(r.byWindow.size(), snapshot->byWindow.size());
    QCOMPARE(r.byDepartment.size(), snapshot->byDepartment.size());
    QCOMPARE(r.alerts.size(), snapshot->alerts.size());
    for (int i = 0; i < r.alerts.size(); ++i) {
        QCOMPARE(r.alerts.at(i).cases, snapshot->alerts.at(i).caseIds.size());
        QCOMPARE(r.alerts.at(i).caseNos.size(),
                 std::min<qsizetype>(snapshot->alerts.at(i).caseIds.size(), Report::kMaxAlertCaseNos));
    }

    // Overdue cases: the case list's overdue query at as-of, capped at 5 with the rest counted.
    CaseQuery overdue;
    overdue.overdueAt = kAsOf;
    const auto count = repos.cases->count(overdue);
    QINGTING_VERIFY_OK(count);
    QVERIFY2(count->value > 5, "the demo file should have more than 5 overdue cases");
    QCOMPARE(r.overdueCases.size(), 5);
    QCOMPARE(r.overdueMore, count->value - 5);
    for (const Report::OverdueCase& o : r.overdueCases) {
        QVERIFY(o.caseNo.startsWith(QLatin1String("QT-")));
        QVERIFY(o.due < kAsOf);
        QVERIFY(o.daysOver >= 0);
    }

    // Actions: every active one (the demo makes a few) and none done outside the period.
    for (const Report::ActionItem& a : r.actions) {
        QVERIFY(ImprovementStatuses::isActive(a.status) || kRange.contains(a.doneAt.date()));
        QCOMPARE(a.overdue, ImprovementStatuses::isActive(a.status) && a.deadline < kAsOf.date());
    }

    // The audit head: the newest entry, and verify held.
    const auto latest = repos.audit->latest(1);
    QINGTING_VERIFY_OK(latest);
    QVERIFY(r.audit.present);
    QCOMPARE(r.audit.seq, latest->first().seq);
    QCOMPARE(r.audit.hash, latest->first().hash);
    QCOMPARE(r.audit.check, Report::AuditCheck::Held);
    QVERIFY(r.audit.verifyMs >= 0);

    // The tables hold the same numbers.
    const QList<ReportTables::Table> tables = ReportTables::all(r);
    QCOMPARE(tables.size(), 8);
    QCOMPARE(tables.at(int(ReportTables::Id::Pareto)).rows.size(), now->byCategory.size());
    QCOMPARE(tables.at(int(ReportTables::Id::Overdue)).rows.size(), 5);
    QVERIFY(!tables.at(int(ReportTables::Id::Overdue)).note.isEmpty());
    qint64 seriesCases = 0;
    for (const QVariantList& row : tables.at(int(ReportTables::Id::Series)).rows) {
        seriesCases += row.at(2).toLongLong();
    }
    QCOMPARE(seriesCases, qint64(now->cases));

    // A cancel between steps stops it.
    int asked = 0;
    const auto cancelled = service.build(kRange, options, {}, [&] { return ++asked >= 2; });
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().message, ReportService::cancelledMessage());
    QCOMPARE(asked, 2);

    // Bad ranges, and a clerk.
    QVERIFY(!service.build({kRange.to, kRange.from}, options));
    QCOMPARE(service.build({QDate(2025, 1, 1), kRange.to}, options).error().message, ReportService::tooLongMessage());
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    UserService users(Session::commandLine(), repos, clock, hasher);
    const auto clerk =
        users.add(QStringLiteral("li"), Role::Clerk, QStringLiteral("李"), QStringLiteral("Clerk-pass-2026"));
    QINGTING_VERIFY_OK(clerk);
    ReportService asClerk(Session::forUser(clerk->id, clerk->login, clerk->displayName, clerk->role), repos, clock);
    const auto denied = asClerk.build(kRange, options);
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, Error::Code::PermissionDenied);
}

void TestReportService::writersNeverLeaveHalfFiles()
{
    Report::ReviewReport r;
    r.range = kRange;
    r.previous = Dashboard::previousRange(kRange);
    r.hallName = QStringLiteral("测试大厅");
    r.asOf = kAsOf;
    r.generatedAt = kAsOf;
    r.metrics = Report::metricRows({}, {});
    QTemporaryDir dir;
    for (const ReportWriter::Format format : ReportWriter::formats()) {
        const QString path = dir.filePath(QStringLiteral("old.") + ReportWriter::suffix(format));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old report");
        old.close();
        // Cancelled: the old file stays as it was, and nothing else is left in the folder.
        const Status cancelled = ReportWriter::write(r, format, path, [] { return true; });
        QVERIFY2(!cancelled, qPrintable(ReportWriter::code(format)));
        QCOMPARE(cancelled.error().message, ReportWriter::cancelledMessage());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the old report"));
        old.close();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        // Written: an empty period still makes a whole report, which replaces the old file.
        QINGTING_VERIFY_OK(ReportWriter::write(r, format, path));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QVERIFY(old.readAll() != QByteArray("the old report"));
        old.close();
        QFile::remove(path);
        // A folder that does not exist: an error, no file.
        QVERIFY(
            !ReportWriter::write(r, format, dir.filePath(QStringLiteral("none/r.") + ReportWriter::suffix(format))));
    }
    QCOMPARE(ReportTables::sheetName(QStringLiteral("a[b]:c*d?e/f\\g and a name longer than thirty-one")),
             QStringLiteral("abcdefg and a name longer than"));
    QCOMPARE(ReportTables::sheetName(QStringLiteral("[]")), QStringLiteral("Sheet"));
    QCOMPARE(ReportWriter::fromCode(QStringLiteral("XLSX")), ReportWriter::Format::Xlsx);
    QVERIFY(!ReportWriter::fromCode(QStringLiteral("docx")));
}

QTEST_MAIN(TestReportService)
#include "tst_report_service.moc"
