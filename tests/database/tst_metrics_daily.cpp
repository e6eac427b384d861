// metrics (issue 13): the daily aggregates (migration 0019_metrics_daily, SqlMetricsDaily) agree with a full
// recomputation from the cases and queue visits after any sequence of inserts, edits, closes, reopens, appeals,
// moves between days and citizens, and raw writes that bypass the unit of work; `verify` finds a tampered day; the
// histogram buckets are the same function in C++ and in SQL. SQLite and PostgreSQL.

#include "Database.h"
#include "SqlMetricsDaily.h"
#include "SqlMetricsRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/MetricsService.h"

#include <QRandomGenerator>
#include <QTest>
#include <QThread>

namespace {
QString text(const std::optional<double>& v)
{
    return v ? QString::number(*v, 'g', 17) : QStringLiteral("null");
}

QString text(const Metrics::Summary& s)
{
    return QStringLiteral("%1/%2/%3/%4").arg(text(s.mean), text(s.median), text(s.p90)).arg(s.n);
}

/** Every figure, every digit: equal texts mean equal figures. */
QString describe(const Metrics::Figures& f)
{
    QStringList parts{QString::number(f.cases),
                      text(f.firstResponseMinutes),
                      text(f.resolutionHours),
                      text(f.within48hRate) + QLatin1Char('/') + QString::number(f.within48hN),
                      text(f.csat) + QLatin1Char('/') + QString::number(f.csatN),
                      text(f.nps) + QLatin1Char('/') + QString::number(f.npsN),
                      text(f.negativeRecurrenceRate) + QLatin1Char('/') + QString::number(f.negativeRecurrenceN),
                      text(f.waitingMinutes),
                      text(f.transfersPerCase)};
    for (const Metrics::CategoryRow& row : f.byCategory) {
        parts << QStringLiteral("%1=%2/%3/%4")
                     .arg(row.category)
                     .arg(row.cases)
                     .arg(text(row.share), text(row.cumulativeShare));
    }
    return parts.join(QLatin1String("; "));
}

QDateTime start()
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0));
}
} // namespace

class TestMetricsDaily : public QObject
{
    Q_OBJECT

private slots:
    void bucketsAreOneFunction();
    void bucketsAreOneFunction_data() { TestDatabase::addBackendRows(); }
    void agreeWithAFullRecomputation();
    void agreeWithAFullRecomputation_data() { TestDatabase::addBackendRows(); }
    void verifyFindsATamperedDay();
    void verifyFindsATamperedDay_data() { TestDatabase::addBackendRows(); }
    void twoDesksRebuildOneDay();
};

void TestMetricsDaily::bucketsAreOneFunction()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const QList<qint64> values{-100,   -1,      0,       1,       59,      60,        7199,      7200,
                               7799,   7800,    86399,   86400,   89999,   90000,     604799,    604800,
                               626399, 5183999, 5184000, 5270399, 5270400, 870000000, 900000000, 2000000000};
    for (const qint64 v : values) {
        const int bucket = SqlMetricsDaily::bucketOf(v);
        const auto [lower, upper] = SqlMetricsDaily::bucketRange(bucket);
        QVERIFY2(lower <= v && v < upper, qPrintable(QStringLiteral("%1 not in its bucket %2").arg(v).arg(bucket)));
        // The SQL expression gives the same bucket.
        const auto inSql = db->sqlContext().scalar(QStringLiteral("SELECT %1 FROM (SELECT CAST(? AS BIGINT) AS v) x")
                                                       .arg(SqlMetricsDaily::bucketSql(QStringLiteral("v"))),
                                                   {v});
        QINGTING_VERIFY_OK(inSql);
        QCOMPARE(inSql->toInt(), bucket);
    }
    // Buckets follow each other without gaps.
    for (int b = -1; b < 10608; ++b) {
        QCOMPARE(SqlMetricsDaily::bucketRange(b).second, SqlMetricsDaily::bucketRange(b + 1).first);
    }
}

void TestMetricsDaily::agreeWithAFullRecomputation()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    RawConnection raw(scratch);
    QRandomGenerator random(20261130);
    const auto chance = [&random](int percent) {
        return int(random.bounded(100)) < percent;
    };

    QList<qint64> citizens;
    QList<qint64> categories;
    // The dashboard's groups (migration 0023) follow these too.
    const auto idsOf = [&](ReferenceKind kind) {
        QList<qint64> ids;
        const auto items = repos.reference->list(kind);
        for (const ReferenceItem& item : *items) {
            ids << item.id;
        }
        return ids;
    };
    const QList<qint64> windows = idsOf(ReferenceKind::Window);
    const QList<qint64> items = idsOf(ReferenceKind::ServiceItem);
    const QList<qint64> departments = idsOf(ReferenceKind::Department);
    QVERIFY(!windows.isEmpty() && !items.isEmpty() && !departments.isEmpty());
    const auto someOf = [&](const QList<qint64>& ids) {
        return chance(85) ? ids[random.bounded(int(ids.size()))] : 0;
    };
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        for (int i = 0; i < 6; ++i) {
            Citizen citizen;
            citizen.name = QStringLiteral("市民%1").arg(i);
            const auto id = repos.cases->insertCitizen(citizen);
            QINGTING_VERIFY_OK(id);
            citizens << *id;
        }
        for (const char* name : {"服务态度", "流程繁琐", "系统故障"}) {
            categories << Fixtures::referenceId(repos, ReferenceKind::Category, QString::fromUtf8(name));
        }
        QINGTING_VERIFY_OK(tx.commit());
    }

    // A time in the first 40 days, on the minute or (often) exactly on a rule's boundary.
    const auto someTime = [&]() {
        return start().addSecs(qint64(random.bounded(40 * 24 * 60)) * 60);
    };
    const auto after = [&](const QDateTime& from) {
        static const qint64 offsets[] = {0, 59, 60, 3600, 48 * 3600, 48 * 3600 + 1, 30LL * 86400, 30LL * 86400 + 1};
        return chance(30) ? from.addSecs(offsets[random.bounded(int(std::size(offsets)))])
                          : from.addSecs(qint64(random.bounded(10 * 24 * 3600)));
    };
    const auto fill = [&](Case& c) {
        c.acknowledgedAt = chance(85) ? after(c.receivedAt) : QDateTime();
        c.answeredAt = chance(60) ? after(c.receivedAt) : QDateTime();
        c.resolvedAt = chance(60) ? after(c.receivedAt) : QDateTime();
        c.closedAt = c.resolvedAt.isValid() && chance(70) ? after(c.resolvedAt) : QDateTime();
        c.status = c.closedAt.isValid() ? CaseStatus::Closed : CaseStatus::InProgress;
        c.rating = chance(60) ? std::optional<int>(1 + int(random.bounded(5))) : std::nullopt;
        c.nps = chance(50) ? std::optional<int>(int(random.bounded(11))) : std::nullopt;
        c.ratingExcluded = chance(10);
        c.citizenId = chance(80) ? citizens[random.bounded(int(citizens.size()))] : 0;
        c.category.id = chance(90) ? categories[random.bounded(int(categories.size()))] : 0;
        c.transferCount = int(random.bounded(3));
        c.window.id = someOf(windows);
        c.serviceItem.id = someOf(items);
        c.department.id = someOf(departments);
        c.channel = Channels::all().at(random.bounded(int(Channels::all().size())));
        c.waitedMinutes = chance(60) ? std::optional<int>(int(random.bounded(120))) : std::nullopt;
    };

    QList<qint64> caseIds;
    int tickets = 0;
    MetricsService service(Session::commandLine(), repos);
    const auto compareAll = [&](int step) {
        const struct
        {
            QDate from, to;
            QDateTime asOf;
        } periods[] = {{QDate(2025, 12, 31), QDate(2026, 3, 1), QDateTime(QDate(2026, 3, 2), QTime(0, 0))},
                       {QDate(2026, 1, 5), QDate(2026, 1, 5), QDateTime(QDate(2026, 1, 6), QTime(12, 0))},
                       {QDate(2026, 1, 10), QDate(2026, 1, 25), QDateTime(QDate(2026, 1, 20), QTime(9, 30))},
                       {QDate(2026, 2, 1), QDate(2026, 2, 9), QDateTime(QDate(2026, 2, 11), QTime(0, 0))}};
        for (const auto& p : periods) {
            const auto fast = service.figures(p.from, p.to, p.asOf);
            const auto full = service.recomputed(p.from, p.to, p.asOf);
            QINGTING_VERIFY_OK(fast);
            QINGTING_VERIFY_OK(full);
            QVERIFY2(describe(*fast) == describe(*full),
                     qPrintable(QStringLiteral("step %1, %2..%3:\n aggregates %4\n recomputed %5")
                                    .arg(step)
                                    .arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate), describe(*fast),
                                         describe(*full))));
        }
        // The dashboard's groups of every day, built as a dashboard would (migration 0023), so verify checks them.
        const SqlMetricsDaily daily(db->sqlContext());
        {
            WriteTransaction tx(*repos.unitOfWork);
            QINGTING_VERIFY_OK(tx.started());
            QINGTING_VERIFY_OK(daily.buildGroups(QDate(2025, 1, 1), QDate(2027, 12, 31)));
            QINGTING_VERIFY_OK(tx.commit());
        }
        const auto unbuilt = daily.hasUnbuiltGroups(QDate(2025, 1, 1), QDate(2027, 12, 31));
        QINGTING_VERIFY_OK(unbuilt);
        QVERIFY(!*unbuilt);
        const auto problems = daily.verify();
        QINGTING_VERIFY_OK(problems);
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    };

    for (int step = 1; step <= 240; ++step) {
        const int op = int(random.bounded(100));
        if (op < 40 || caseIds.size() < 5) { // a new case
            WriteTransaction tx(*repos.unitOfWork);
            QINGTING_VERIFY_OK(tx.started());
            Case c;
            c.receivedAt = someTime();
            c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
            c.createdBy = {0, QStringLiteral("cli")};
            c.complaintText = QStringLiteral("投诉%1").arg(step);
            c.updatedAt = c.receivedAt;
            fill(c);
            const auto id = repos.cases->insert(c);
            QINGTING_VERIFY_OK(id);
            caseIds << *id;
            QINGTING_VERIFY_OK(tx.commit());
        } else if (op < 75) { // an edit: close, reopen, appeal, re-rate, move to another day or citizen
            WriteTransaction tx(*repos.unitOfWork);
            QINGTING_VERIFY_OK(tx.started());
            auto c = repos.cases->find(caseIds[random.bounded(int(caseIds.size()))]);
            QINGTING_VERIFY_OK(c);
            switch (random.bounded(7)) {
            case 0: // reopen
                c->closedAt = QDateTime();
                c->resolvedAt = QDateTime();
                c->status = CaseStatus::InProgress;
                break;
            case 1: // close
                c->resolvedAt = c->resolvedAt.isValid() ? c->resolvedAt : after(c->receivedAt);
                c->closedAt = after(c->resolvedAt);
                c->status = CaseStatus::Closed;
                break;
            case 2: // an appeal approved or withdrawn
                c->ratingExcluded = !c->ratingExcluded;
                break;
            case 3:
                c->rating = 1 + int(random.bounded(5));
                c->nps = int(random.bounded(11));
                break;
            case 4: // received on another day
                c->receivedAt = someTime();
                fill(*c);
                break;
            case 5: // another window, item, department, channel or wait
                c->window.id = someOf(windows);
                c->serviceItem.id = someOf(items);
                c->department.id = someOf(departments);
                c->channel = Channels::all().at(random.bounded(int(Channels::all().size())));
                c->waitedMinutes = chance(60) ? std::optional<int>(int(random.bounded(120))) : std::nullopt;
                break;
            default: // another citizen or none
                c->citizenId = chance(80) ? citizens[random.bounded(int(citizens.size()))] : 0;
                break;
            }
            QINGTING_VERIFY_OK(repos.cases->update(*c));
            QINGTING_VERIFY_OK(tx.commit());
        } else if (op < 92) { // a queue visit, written around the unit of work (as another tool would)
            const QDateTime issued = someTime();
            const QVariant called =
                chance(85) ? QVariant(issued.addSecs(qint64(random.bounded(7200))).toSecsSinceEpoch()) : QVariant();
            const QString error =
                raw.exec(QStringLiteral(
                             "INSERT INTO queue_visits (ticket, issued_day, issued_at, called_at) VALUES (?, ?, ?, ?)"),
                         {QStringLiteral("A%1").arg(++tickets), issued.date().toString(Qt::ISODate),
                          issued.toSecsSinceEpoch(), called});
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else if (op < 96) { // another tool moves a case to another window and category
            const QString error = raw.exec(
                QStringLiteral("UPDATE cases SET window_id = ?, category_id = ? WHERE id = ?"),
                {someOf(windows) == 0 ? QVariant() : QVariant(windows.first()),
                 categories[random.bounded(int(categories.size()))], caseIds[random.bounded(int(caseIds.size()))]});
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else { // a ticket called late
            const QString error =
                raw.exec(QStringLiteral("UPDATE queue_visits SET called_at = issued_at + ? WHERE id = "
                                        "(SELECT MIN(id) FROM queue_visits WHERE called_at IS NULL)"),
                         {qint64(random.bounded(20000))});
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        if (step % 40 == 0) {
            compareAll(step);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
    }
    QVERIFY(caseIds.size() > 50);
    // The sequence reached every kind of figure (a comparison of empty figures would prove nothing).
    const auto whole = service.figures(QDate(2025, 12, 31), QDate(2026, 3, 1), QDateTime(QDate(2026, 3, 2), QTime()));
    QINGTING_VERIFY_OK(whole);
    QVERIFY(whole->cases > 50 && whole->firstResponseMinutes.n > 30 && whole->resolutionHours.n > 20);
    QVERIFY(whole->csatN > 10 && whole->npsN > 10 && whole->waitingMinutes.n > 10 && whole->byCategory.size() == 4);
    QVERIFY(whole->negativeRecurrenceN > 5 && whole->negativeRecurrenceRate.value_or(0) > 0);
}

void TestMetricsDaily::verifyFindsATamperedDay()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        Case c;
        c.receivedAt = QDateTime(QDate(2026, 5, 6), QTime(10, 0));
        c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
        c.createdBy = {0, QStringLiteral("cli")};
        c.complaintText = QStringLiteral("投诉");
        c.updatedAt = c.receivedAt;
        c.status = CaseStatus::InProgress;
        c.rating = 5;
        QINGTING_VERIFY_OK(repos.cases->insert(c));
        QINGTING_VERIFY_OK(tx.commit());
    }
    auto problems = db->integrityProblems();
    QINGTING_VERIFY_OK(problems);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));

    RawConnection raw(scratch);
    QCOMPARE(raw.exec(QStringLiteral("UPDATE metrics_daily SET satisfied = 0 WHERE day = '2026-05-06'")), QString());
    problems = db->integrityProblems();
    QINGTING_VERIFY_OK(problems);
    QCOMPARE(problems->size(), 1);
    QVERIFY2(problems->first().contains(QLatin1String("2026-05-06")), qPrintable(problems->first()));

    // A tampered dashboard group (migration 0023) is found as well, once the groups are built.
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        QINGTING_VERIFY_OK(SqlMetricsDaily(db->sqlContext()).buildGroups(QDate(2026, 5, 6), QDate(2026, 5, 6)));
        QINGTING_VERIFY_OK(tx.commit());
    }
    QCOMPARE(raw.exec(QStringLiteral("UPDATE metrics_daily SET satisfied = 1 WHERE day = '2026-05-06'")), QString());
    problems = db->integrityProblems();
    QINGTING_VERIFY_OK(problems);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    QCOMPARE(raw.exec(QStringLiteral("UPDATE metrics_daily_group SET cases = 2 WHERE day = '2026-05-06' AND "
                                     "dimension = 5")),
             QString());
    problems = db->integrityProblems();
    QINGTING_VERIFY_OK(problems);
    QCOMPARE(problems->size(), 1);

    // A day with cases but no row at all is found too.
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM metrics_daily")), QString());
    problems = db->integrityProblems();
    QINGTING_VERIFY_OK(problems);
    QCOMPARE(problems->size(), 1);
}

/**
 * PostgreSQL: two desks commit changes to cases of the same day at once. Each commit rebuilds the day's figures (a
 * DELETE and an INSERT of its rows); without a lock, the second desk's DELETE would wait for the first's new row,
 * skip it once it commits, and then fail on its INSERT (a duplicate key), losing that desk's save. Desk A here holds
 * the daily-figures lock mid-rebuild while desk B saves; B must wait, then succeed.
 */
void TestMetricsDaily::twoDesksRebuildOneDay()
{
    TestDatabase scratch(QStringLiteral("postgres"));
    if (!scratch.skipReason().isEmpty()) {
        QSKIP(qPrintable(scratch.skipReason()));
    }
    QVERIFY2(scratch.setupError().isEmpty(), qPrintable(scratch.setupError()));
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const QDateTime received(QDate(2026, 6, 3), QTime(9, 0));
    QList<qint64> ids;
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        for (int i = 0; i < 2; ++i) {
            Case c;
            c.receivedAt = received.addSecs(600 * i);
            c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
            c.createdBy = {0, QStringLiteral("cli")};
            c.complaintText = QStringLiteral("投诉%1").arg(i);
            c.updatedAt = c.receivedAt;
            c.status = CaseStatus::InProgress;
            const auto id = repos.cases->insert(c);
            QINGTING_VERIFY_OK(id);
            ids << *id;
        }
        QINGTING_VERIFY_OK(tx.commit());
    }

    // Desk A, mid-rebuild of 2026-06-03: the lock, the day's row deleted and written again, not yet committed.
    RawConnection a(scratch);
    const QString lock = db->sqlContext().dialect().dailyFiguresLock();
    QVERIFY(!lock.isEmpty());
    for (const QString& statement :
         {QStringLiteral("BEGIN"), lock,
          QStringLiteral("CREATE TEMP TABLE kept AS SELECT * FROM metrics_daily WHERE day = '2026-06-03'"),
          QStringLiteral("DELETE FROM metrics_daily WHERE day = '2026-06-03'"),
          QStringLiteral("INSERT INTO metrics_daily SELECT * FROM kept")}) {
        QCOMPARE(a.exec(statement), QString());
    }

    // Desk B rates the other case of that day, on a connection of its own.
    QString problem = QStringLiteral("desk B did not finish");
    const DatabaseLocation location = scratch.location();
    const qint64 other = ids.last();
    std::unique_ptr<QThread> deskB(QThread::create([&problem, location, other] {
        auto opened = Database::open(location);
        if (!opened) {
            problem = opened.error().message;
            return;
        }
        const Repositories b = (*opened)->repositories();
        WriteTransaction tx(*b.unitOfWork);
        auto c = b.cases->find(other);
        if (!tx.started() || !c) {
            problem = QStringLiteral("desk B could not start");
            return;
        }
        c->rating = 5;
        c->resolvedAt = c->receivedAt.addSecs(3600);
        const auto updated = b.cases->update(*c);
        const auto committed = updated ? tx.commit() : Status{updated.error()};
        problem = committed ? QString() : committed.error().message;
    }));
    deskB->start();
    QVERIFY(!deskB->wait(500)); // B waits for A's lock
    QCOMPARE(a.exec(QStringLiteral("COMMIT")), QString());
    QVERIFY(deskB->wait(30000));
    QCOMPARE(problem, QString());

    const auto problems = db->integrityProblems();
    QINGTING_VERIFY_OK(problems);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    const auto day = MetricsService(Session::commandLine(), repos)
                         .figures(QDate(2026, 6, 3), QDate(2026, 6, 3), QDateTime(QDate(2026, 7, 1), QTime()));
    QINGTING_VERIFY_OK(day);
    QCOMPARE(day->csatN, 1);
}

QTEST_GUILESS_MAIN(TestMetricsDaily)
#include "tst_metrics_daily.moc"
