// metrics (issue 13): the figures of `stats` on a small fixture database, through MetricsService and through the
// real `qingting-cli stats --json`, on SQLite and PostgreSQL; and the plans of MetricsRepository's reads.

#include "SqlCaseRepository.h"
#include "SqlMetricsRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/MetricsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
QDateTime at(int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute, second));
}

struct FixtureCase
{
    QDateTime received;
    const char* category;
    int ackMinutes; ///< -1: never acknowledged
    int answeredHours;
    int resolvedHours; ///< -1: not yet
    QDateTime closed;
    std::optional<int> rating;
    bool excluded;
    std::optional<int> nps;
    int citizen; ///< index into the fixture's citizens, -1: anonymous
    int transfers;
};

/** `count` citizens; fewer if one could not be stored. */
QList<qint64> addCitizens(const Repositories& repos, int count)
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        Citizen citizen;
        citizen.name = QStringLiteral("市民%1").arg(i);
        if (const auto id = repos.cases->insertCitizen(citizen)) {
            ids << *id;
        }
    }
    return ids;
}

void compareNumber(const QJsonValue& value, double expected, const char* key)
{
    QVERIFY2(value.isDouble(), key);
    QVERIFY2(qAbs(value.toDouble() - expected) < 1e-9,
             qPrintable(QStringLiteral("%1: %2 != %3").arg(QLatin1String(key)).arg(value.toDouble()).arg(expected)));
}

void compareOptional(const std::optional<double>& value, double expected, const char* what)
{
    QVERIFY2(value.has_value(), what);
    QVERIFY2(qAbs(*value - expected) < 1e-9,
             qPrintable(QStringLiteral("%1: %2 != %3").arg(QLatin1String(what)).arg(*value).arg(expected)));
}
} // namespace

class TestMetricsDb : public QObject
{
    Q_OBJECT

private slots:
    void figuresOfAFixture_data() { TestDatabase::addBackendRows(); }
    void figuresOfAFixture();
    void readsUseIndexes_data() { TestDatabase::addBackendRows(); }
    void readsUseIndexes();
    void usageErrorsExitTwo();

private:
    static void fill(const Repositories& repos, RawConnection& raw);
};

void TestMetricsDb::fill(const Repositories& repos, RawConnection& raw)
{
    WriteTransaction tx(*repos.unitOfWork);
    QINGTING_VERIFY_OK(tx.started());
    const QList<qint64> citizens = addCitizens(repos, 3);
    QCOMPARE(citizens.size(), 3);
    const QDateTime closeB = at(3, 20, 8, 0);
    const FixtureCase cases[] = {
        // A: the period's first second; citizen 0, who comes back (case C) 26 days after A's close.
        {at(3, 1, 0, 0, 0), "服务态度", 10, 24, 30, at(3, 5, 12, 0), 5, false, 10, 0, 1},
        // B: resolved after 50 h; citizen 1 comes back exactly 30 days after the close (E, outside the period).
        {at(3, 15, 8, 0), "收费", 20, -1, 50, closeB, 2, false, 3, 1, 0},
        // C: the period's last second; never answered (its 48 hours passed before as-of).
        {at(3, 31, 23, 59, 59), "服务态度", 60, -1, -1, QDateTime(), std::nullopt, false, std::nullopt, 0, 0},
        // D: the second before the period (citizen 1 again, before B's close).
        {at(2, 28, 23, 59, 59), "收费", 1, -1, -1, QDateTime(), std::nullopt, false, std::nullopt, 1, 0},
        // E: after the period, exactly 30 days after B's close.
        {closeB.addSecs(30LL * 24 * 3600), "收费", 1, -1, -1, QDateTime(), std::nullopt, false, std::nullopt, 1, 5},
        // F: anonymous; its 4 and NPS 0 were left out by an approved appeal.
        {at(3, 10, 9, 0), "环境设施", 5, 2, -1, at(3, 12, 9, 0), 4, true, 0, -1, 2},
        // H: citizen 2, closed, never back.
        {at(3, 5, 10, 0), "服务态度", 30, -1, 4, at(3, 6, 10, 0), std::nullopt, false, std::nullopt, 2, 0},
    };
    for (const FixtureCase& f : cases) {
        Case c;
        c.receivedAt = f.received;
        c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
        c.status = f.closed.isValid() ? CaseStatus::Closed : CaseStatus::InProgress;
        c.createdBy = {0, QStringLiteral("cli")};
        c.complaintText = QStringLiteral("投诉");
        c.updatedAt = c.receivedAt;
        c.category.id = Fixtures::referenceId(repos, ReferenceKind::Category, QString::fromUtf8(f.category));
        c.acknowledgedAt = f.ackMinutes >= 0 ? c.receivedAt.addSecs(f.ackMinutes * 60) : QDateTime();
        c.answeredAt = f.answeredHours >= 0 ? c.receivedAt.addSecs(f.answeredHours * 3600) : QDateTime();
        c.resolvedAt = f.resolvedHours >= 0 ? c.receivedAt.addSecs(f.resolvedHours * 3600) : QDateTime();
        c.closedAt = f.closed;
        c.rating = f.rating;
        c.ratingExcluded = f.excluded;
        c.nps = f.nps;
        c.citizenId = f.citizen >= 0 ? citizens[f.citizen] : 0;
        c.transferCount = f.transfers;
        QINGTING_VERIFY_OK(repos.cases->insert(c));
    }
    QINGTING_VERIFY_OK(tx.commit());
    // Queue visits: waits of 3, 7 and 12 minutes in the period; one never called; two outside.
    const struct
    {
        QDateTime issued;
        int waited; ///< -1: never called
    } visits[] = {{at(3, 1, 0, 0), 3},    {at(3, 10, 9, 0), 7},     {at(3, 31, 23, 59), 12},
                  {at(3, 12, 10, 0), -1}, {at(2, 28, 23, 59), 100}, {at(4, 1, 0, 0), 100}};
    int ticket = 0;
    for (const auto& v : visits) {
        const QVariant called =
            v.waited >= 0 ? QVariant(v.issued.addSecs(v.waited * 60).toSecsSinceEpoch()) : QVariant();
        const QString error = raw.exec(
            QStringLiteral("INSERT INTO queue_visits (ticket, issued_day, issued_at, called_at) VALUES (?, ?, ?, ?)"),
            {QStringLiteral("A%1").arg(++ticket), v.issued.date().toString(Qt::ISODate), v.issued.toSecsSinceEpoch(),
             called});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

void TestMetricsDb::figuresOfAFixture()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    {
        RawConnection raw(scratch);
        fill(db->repositories(), raw);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    // By hand, March 2026 as of 2026-04-15 00:00: cases A, B, C, F, H.
    MetricsService service(Session::commandLine(), db->repositories());
    const auto figures = service.figures(QDate(2026, 3, 1), QDate(2026, 3, 31), at(4, 15));
    QINGTING_VERIFY_OK(figures);
    const Metrics::Figures& f = *figures;
    QCOMPARE(f.cases, 5);
    QCOMPARE(f.firstResponseMinutes.n, 5); // 10, 20, 60, 5, 30
    compareOptional(f.firstResponseMinutes.mean, 25, "first response mean");
    compareOptional(f.firstResponseMinutes.median, 20, "first response median");
    QCOMPARE(f.resolutionHours.n, 3); // 30, 50, 4
    compareOptional(f.resolutionHours.mean, 28, "resolution mean");
    compareOptional(f.resolutionHours.median, 30, "resolution median");
    QCOMPARE(f.within48hN, 5); // A 24 h, F 2 h, H 4 h comply; B 50 h and C (unanswered) do not
    compareOptional(f.within48hRate, 0.6, "within 48 h");
    QCOMPARE(f.csatN, 2); // A 5, B 2 (F's 4 was appealed)
    compareOptional(f.csat, 0.5, "csat");
    QCOMPARE(f.npsN, 2); // A 10, B 3
    compareOptional(f.nps, 0, "nps");
    QCOMPARE(f.negativeRecurrenceN, 3); // A (C came back), B (E came back), H (never)
    compareOptional(f.negativeRecurrenceRate, 2.0 / 3.0, "recurrence");
    QCOMPARE(f.waitingMinutes.n, 3);
    compareOptional(f.waitingMinutes.mean, 22.0 / 3.0, "waiting mean");
    compareOptional(f.waitingMinutes.median, 7, "waiting median");
    compareOptional(f.waitingMinutes.p90, 11, "waiting p90"); // rank 1.8: 7 + 0.8 × 5
    compareOptional(f.transfersPerCase, 0.6, "transfers per case");

    // The same through the real CLI, in CLI.md's JSON.
    QProcess p;
    QStringList args;
    if (scratch.isPostgres()) {
        args << QStringLiteral("--pg") << scratch.postgresUrl();
    } else {
        args << QStringLiteral("--db") << scratch.sqlitePath();
    }
    args << QStringLiteral("stats") << QStringLiteral("--from") << QStringLiteral("2026-03-01")
         << QStringLiteral("--to") << QStringLiteral("2026-03-31") << QStringLiteral("--as-of")
         << QStringLiteral("2026-04-15 00:00") << QStringLiteral("--json");
    db.reset(); // the CLI opens the database itself
    p.start(QStringLiteral(QINGTING_CLI), args);
    QVERIFY(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    // Every key, in CLI.md's order.
    QStringList keys;
    for (const QString& line : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("  \""))) {
            continue;
        }
        static const QRegularExpression key(QStringLiteral("\"(\\w+)\": "));
        // Top-level keys only: those outside {...} on the line.
        int depth = 0;
        for (int i = 0; i < line.size(); ++i) {
            depth += line[i] == QLatin1Char('{') ? 1 : line[i] == QLatin1Char('}') ? -1 : 0;
            if (depth == 0 && line[i] == QLatin1Char('"')) {
                const auto m =
                    key.match(line, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
                if (m.hasMatch()) {
                    keys << m.captured(1);
                    i = int(m.capturedEnd()) - 1;
                }
            }
        }
    }
    QCOMPARE(
        keys.join(QLatin1Char(' ')),
        QStringLiteral("from to as_of cases first_response_minutes resolution_hours within_48h_rate within_48h_n csat "
                       "csat_n nps nps_n negative_recurrence_rate negative_recurrence_n waiting_minutes "
                       "transfers_per_case by_category"));
    QCOMPARE(json.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-04-15 00:00:00"));
    QCOMPARE(json.value(QStringLiteral("cases")).toInt(), 5);
    const QJsonObject waiting = json.value(QStringLiteral("waiting_minutes")).toObject();
    QCOMPARE(waiting.keys().size(), 4);
    compareNumber(waiting.value(QStringLiteral("p90")), 11, "p90");
    compareNumber(json.value(QStringLiteral("negative_recurrence_rate")), 2.0 / 3.0, "negative_recurrence_rate");
    compareNumber(json.value(QStringLiteral("within_48h_rate")), 0.6, "within_48h_rate");
    // The Pareto table: 服务态度 3, then the tie of 1 by name (收 U+6536 before 环 U+73AF).
    const QJsonArray categories = json.value(QStringLiteral("by_category")).toArray();
    QCOMPARE(categories.size(), 3);
    const char* names[] = {"服务态度", "收费", "环境设施"};
    const int counts[] = {3, 1, 1};
    const double cumulative[] = {0.6, 0.8, 1.0};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject row = categories[i].toObject();
        QCOMPARE(row.value(QStringLiteral("category")).toString(), QString::fromUtf8(names[i]));
        QCOMPARE(row.value(QStringLiteral("cases")).toInt(), counts[i]);
        compareNumber(row.value(QStringLiteral("share")), counts[i] / 5.0, "share");
        compareNumber(row.value(QStringLiteral("cumulative_share")), cumulative[i], "cumulative_share");
    }
}

void TestMetricsDb::readsUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        const QList<qint64> citizens = addCitizens(repos, 40);
        QCOMPARE(citizens.size(), 40);
        for (int i = 0; i < 400; ++i) {
            Case c;
            c.receivedAt = at(1, 1).addSecs(qint64(i) * 60000);
            c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
            c.createdBy = {0, QStringLiteral("cli")};
            c.complaintText = QStringLiteral("案件%1").arg(i);
            c.updatedAt = c.receivedAt;
            if (i % 2 == 0) { // half closed, for 40 citizens
                c.status = CaseStatus::Closed;
                c.closedAt = c.receivedAt.addDays(3);
            }
            c.citizenId = citizens[i % citizens.size()];
            QINGTING_VERIFY_OK(repos.cases->insert(c));
        }
        QINGTING_VERIFY_OK(tx.commit());
    }
    RawConnection raw(scratch);
    raw.exec(QStringLiteral("ANALYZE"));
    if (scratch.isPostgres()) {
        // A small table is rightly read whole; show whether an index CAN serve, as it must at a million rows.
        QINGTING_VERIFY_OK(
            db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")));
    }
    const Metrics::Period period{QDate(2026, 1, 10), QDate(2026, 1, 20), at(2, 1)};
    SqlMetricsRepository& repo = db->metricsRepository();
    const auto check = [&](const char* what, const Result<QStringList>& plan, const QStringList& indexes) {
        QVERIFY2(plan.ok(), plan.ok() ? what : qPrintable(plan.error().message));
        const QString text = plan->join(QLatin1Char('\n'));
        const QString shown = QLatin1String(what) + QStringLiteral(":\n") + text;
        for (const QString& index : indexes) {
            QVERIFY2(text.contains(index), qPrintable(shown));
        }
        static const QRegularExpression fullScan(QStringLiteral("Seq Scan|^SCAN \\w+( \\w+)?$"),
                                                 QRegularExpression::MultilineOption);
        QVERIFY2(!fullScan.match(text).hasMatch(), qPrintable(shown));
    };
    check("the period's cases", repo.explainCases(period), {QStringLiteral("cases_received")});
    // On a tiny table PostgreSQL may walk queue_visits_waiting (issued_at is its second column) instead; SQLite
    // shows the choice it makes at any size.
    check("the period's queue visits", repo.explainVisits(period),
          {scratch.isPostgres() ? QStringLiteral("queue_visits_") : QStringLiteral("queue_visits_issued")});
    // The exact values of one histogram bucket (the daily aggregates' medians and p90): one range of an expression
    // index each.
    const SqlMetricsDaily& daily = repo.daily();
    check("first-response values", daily.explainValues(Metrics::Duration::FirstResponse, period),
          {QStringLiteral("cases_first_response_bucket")});
    check("resolution values", daily.explainValues(Metrics::Duration::Resolution, period),
          {QStringLiteral("cases_resolution_bucket")});
    check("waiting values", daily.explainValues(Metrics::Duration::Waiting, period),
          {QStringLiteral("queue_visits_waiting_bucket")});
    // A day's stored histograms (read by verify, deleted by every rebuild of the day): ranges of the key, not the
    // whole table once a day.
    check("a day's histograms", daily.explainStoredHistogram(QDate(2026, 1, 12)),
          {QStringLiteral("metrics_daily_hist")});
    // The later cases: per citizen a range of cases_citizen_received (SQLite), or one range of cases_received from
    // the first close to 30 days after the last, hashed on the citizen (PostgreSQL's choice): either way no table
    // scan, and the cost follows the period, not the table.
    check("the citizens' later cases", repo.explainCitizenCases(period), {QStringLiteral("cases_received")});
    if (!scratch.isPostgres()) {
        check("the citizens' later cases", repo.explainCitizenCases(period),
              {QStringLiteral("cases_citizen_received")});
    }
}

void TestMetricsDb::usageErrorsExitTwo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("none.sqlite"));
    const auto run = [&](const QStringList& options) {
        QProcess p;
        p.start(QStringLiteral(QINGTING_CLI),
                QStringList{QStringLiteral("--db"), path, QStringLiteral("stats")} + options);
        p.waitForFinished(30000);
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return std::make_pair(p.exitCode(), err);
    };
    const QList<QStringList> usageErrors{
        {QStringLiteral("--from"), QStringLiteral("2026-01-01")},
        {QStringLiteral("--to"), QStringLiteral("2026-01-01")},
        {QStringLiteral("--from"), QStringLiteral("2026-13-01"), QStringLiteral("--to"), QStringLiteral("2026-12-31")},
        {QStringLiteral("--from"), QStringLiteral("2026-02-01"), QStringLiteral("--to"), QStringLiteral("2026-01-31")},
        {QStringLiteral("--from"), QStringLiteral("2026-01-01"), QStringLiteral("--to"), QStringLiteral("2026-01-31"),
         QStringLiteral("--as-of"), QStringLiteral("tomorrow")},
        {QStringLiteral("--from"), QStringLiteral("2026-01-01"), QStringLiteral("--to"), QStringLiteral("2026-01-31"),
         QStringLiteral("--bogus"), QStringLiteral("1")},
    };
    for (const QStringList& options : usageErrors) {
        const auto [code, err] = run(options);
        QVERIFY2(code == 2, qPrintable(options.join(QLatin1Char(' ')) + QStringLiteral(": ") + err));
        QVERIFY2(!err.isEmpty(), qPrintable(options.join(QLatin1Char(' '))));
    }
    // Valid options on a file that is not there: a run-time failure, one line.
    const auto [code, err] = run(
        {QStringLiteral("--from"), QStringLiteral("2026-01-01"), QStringLiteral("--to"), QStringLiteral("2026-01-31")});
    QCOMPARE(code, 1);
    QVERIFY(!err.isEmpty() && !err.contains(QLatin1Char('\n')));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestMetricsDb)
#include "tst_metrics_db.moc"
