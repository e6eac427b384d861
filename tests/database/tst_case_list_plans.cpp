// The case list at scale: every sort column and filter (and their combinations) is served by an index on both
// databases, in both shapes the repository uses (collect a small matching set, or walk the sort order), the two
// shapes return the same rows, deep pages continue exactly, and search gives the same results on both databases.

#include "SqlCaseRepository.h"
#include "SqlDatabaseConnector.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "search/SearchGrams.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QRandomGenerator>
#include <QSet>
#include <QtTest>

#include <algorithm>

namespace {
constexpr int kCases = 1200;
const QDateTime kNow = QDateTime(QDate(2026, 6, 1), QTime(12, 0));

const QStringList kPhrases{
    QStringLiteral("窗口人员态度生硬"),
    QStringLiteral("排队等候两个小时"),
    QStringLiteral("收费标准不透明"),
    QStringLiteral("系统故障无法办理"),
    QStringLiteral("材料要求前后不一"),
    QStringLiteral("电话一直打不通"),
    QStringLiteral("空调坏了很热"),
    QStringLiteral("营业执照变更太慢"),
    QStringLiteral("医保报销迟迟不到账"),
    QStringLiteral("Mixed ASCII text"),
    QStringLiteral("慢"),
    QStringLiteral("自助机不能打印"),
};

struct Combination
{
    QString name;
    CaseQuery query;
};

/** Every filter the list offers, alone and combined, with a few search terms of each length. */
QList<Combination> combinations(qint64 assigneeId)
{
    QList<Combination> result;
    const auto add = [&result](const QString& name, const std::function<void(CaseQuery&)>& set) {
        CaseQuery q;
        set(q);
        result.append({name, q});
    };
    add(QStringLiteral("none"), [](CaseQuery&) {});
    add(QStringLiteral("status"), [](CaseQuery& q) { q.statuses = {CaseStatus::InProgress}; });
    add(QStringLiteral("open"), [](CaseQuery& q) {
        q.statuses = {CaseStatus::Received, CaseStatus::Acknowledged, CaseStatus::InProgress};
    });
    add(QStringLiteral("overdue"), [](CaseQuery& q) { q.overdueAt = kNow; });
    add(QStringLiteral("assignee"), [assigneeId](CaseQuery& q) { q.assigneeId = assigneeId; });
    add(QStringLiteral("text1"), [](CaseQuery& q) { q.text = QStringLiteral("慢"); });
    add(QStringLiteral("text2"), [](CaseQuery& q) { q.text = QStringLiteral("态度"); });
    add(QStringLiteral("text4"), [](CaseQuery& q) { q.text = QStringLiteral("系统故障"); });
    add(QStringLiteral("caseno"), [](CaseQuery& q) { q.text = QStringLiteral("0601-00"); });
    add(QStringLiteral("status+text"), [](CaseQuery& q) {
        q.statuses = {CaseStatus::Closed};
        q.text = QStringLiteral("收费");
    });
    add(QStringLiteral("assignee+overdue"), [assigneeId](CaseQuery& q) {
        q.assigneeId = assigneeId;
        q.overdueAt = kNow;
    });
    add(QStringLiteral("all"), [assigneeId](CaseQuery& q) {
        q.statuses = {CaseStatus::Received, CaseStatus::Acknowledged, CaseStatus::InProgress};
        q.assigneeId = assigneeId;
        q.overdueAt = kNow;
        q.text = QStringLiteral("等候");
    });
    return result;
}

const QList<CaseSortKey> kSortKeys{CaseSortKey::ReceivedAt,    CaseSortKey::CaseNo,   CaseSortKey::Status,
                                   CaseSortKey::WaitedMinutes, CaseSortKey::Category, CaseSortKey::Window};

/** Fills the database through the repository's own write path (derived sort keys and search index included). */
void fill(Database& db, qint64* assigneeId)
{
    const Repositories repos = db.repositories();
    User clerk;
    clerk.login = QStringLiteral("clerk1");
    clerk.role = Role::Clerk;
    clerk.createdAt = kNow;
    const auto id = repos.users->insert(clerk, QStringLiteral("not-a-hash"));
    QVERIFY(id.ok());
    *assigneeId = *id;

    QList<ReferenceItem> windows = *repos.reference->list(ReferenceKind::Window);
    QList<ReferenceItem> categories = *repos.reference->list(ReferenceKind::Category);
    QRandomGenerator random(42);
    WriteTransaction tx(*repos.unitOfWork);
    QVERIFY(tx.started().ok());
    for (int i = 0; i < kCases; ++i) {
        Case c;
        c.receivedAt = kNow.addSecs(-qint64(random.bounded(400 * 24 * 3600)));
        const auto number = repos.cases->allocateCaseNo(c.receivedAt.date());
        QVERIFY(number.ok());
        c.caseNo = *number;
        c.status = CaseStatuses::all().at(int(random.bounded(6)));
        c.channel = Channel::Window;
        c.window.id = windows.at(int(random.bounded(int(windows.size())))).id;
        c.category.id = categories.at(int(random.bounded(int(categories.size())))).id;
        c.assignee.id = random.bounded(4) == 0 ? *assigneeId : 0;
        c.createdBy = {0, QStringLiteral("cli")};
        if (random.bounded(5) != 0) {
            c.waitedMinutes = int(random.bounded(120));
        }
        c.complaintText = kPhrases.at(int(random.bounded(int(kPhrases.size())))) + QStringLiteral("，") +
                          kPhrases.at(int(random.bounded(int(kPhrases.size()))));
        c.dueAt = c.receivedAt.addSecs(48 * 3600);
        c.updatedAt = c.receivedAt;
        QVERIFY(repos.cases->insert(c).ok());
    }
    QVERIFY(tx.commit().ok());
}

/** Pages through the whole list and returns the case numbers in order. */
QStringList allPages(CaseRepository& cases, CaseQuery query, int pageSize)
{
    QStringList numbers;
    query.limit = pageSize;
    for (int guard = 0; guard < 1000; ++guard) {
        const auto page = cases.list(query);
        if (!page.ok()) {
            return {QStringLiteral("error: ") + page.error().message};
        }
        for (const Case& c : page->cases) {
            numbers << c.caseNo;
        }
        if (page->atEnd) {
            break;
        }
        query.after = page->next;
    }
    return numbers;
}

QString planProblem(const Dialect::Kind kind, const QStringList& plan, bool walk)
{
    const QString text = plan.join(QLatin1Char('\n'));
    if (kind == Dialect::Kind::Sqlite) {
        for (const QString& line : plan) {
            const QString l = line.trimmed();
            if (l == QLatin1String("SCAN c") || l == QLatin1String("SCAN cases")) {
                return QStringLiteral("full scan:\n") + text;
            }
        }
        if (walk && text.contains(QLatin1String("TEMP B-TREE FOR ORDER BY"))) {
            return QStringLiteral("walking the order should not sort:\n") + text;
        }
        return {};
    }
    if (text.contains(QLatin1String("Seq Scan on cases"))) {
        return QStringLiteral("full scan:\n") + text;
    }
    return {};
}
} // namespace

class TestCaseListPlans : public QObject
{
    Q_OBJECT

private slots:
    /** One filled database per backend, checked in turn (filling it is the slow part). */
    void listAtScale_data() { TestDatabase::addBackendRows(); }
    void listAtScale();
    void sameResultsOnBothDatabases();
    /** The desk's worker opens and warms its connection before the first job asks for anything. */
    void workerWarmsItsConnection_data() { TestDatabase::addBackendRows(); }
    void workerWarmsItsConnection();

private:
    void plansUseIndexes(const TestDatabase& scratch, Database& db, qint64 assignee);
    void shapesAgreeAndPagesContinue(Database& db, qint64 assignee);
    void countsAreCappedOrExact(Database& db, qint64 assignee);
    void countNeverBelowThePage(Database& db, qint64 assignee);
    void warmUpLeavesTheSession(const TestDatabase& scratch, Database& db);
    void renameReachesSortKeys(const TestDatabase& scratch, Database& db);
};

void TestCaseListPlans::listAtScale()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    qint64 assignee = 0;
    fill(*db, &assignee);
    plansUseIndexes(scratch, *db, assignee);
    shapesAgreeAndPagesContinue(*db, assignee);
    countsAreCappedOrExact(*db, assignee);
    countNeverBelowThePage(*db, assignee);
    warmUpLeavesTheSession(scratch, *db);
    renameReachesSortKeys(scratch, *db); // last: it changes the data
}

void TestCaseListPlans::plansUseIndexes(const TestDatabase& scratch, Database& db, qint64 assignee)
{
    RawConnection raw(scratch);
    raw.exec(QStringLiteral("ANALYZE"));
    if (scratch.isPostgres()) {
        // The table is small, so PostgreSQL would rightly read it whole: make the planner show whether an index
        // CAN serve each query, as it must at a million rows.
        QVERIFY(db.caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")).ok());
    }
    SqlCaseRepository& repo = db.caseRepository();
    const Dialect::Kind kind = scratch.isPostgres() ? Dialect::Kind::Postgres : Dialect::Kind::Sqlite;
    int checked = 0;
    for (const bool walk : {true, false}) {
        // walk: every set counts as large (walk the order); otherwise every set counts as small (collect, sort).
        repo.setPlanThresholds(walk ? 1 : 1000000, SqlCaseRepository::kDefaultCountCap);
        for (const auto& combination : combinations(assignee)) {
            for (CaseSortKey key : kSortKeys) {
                for (const bool deep : {false, true}) {
                    CaseQuery q = combination.query;
                    q.sortKey = key;
                    q.descending = (int(key) % 2) == 0;
                    if (deep) {
                        // A cursor in the middle of the order.
                        q.after = {key == CaseSortKey::CaseNo || key == CaseSortKey::Category ||
                                           key == CaseSortKey::Window
                                       ? QVariant(QStringLiteral("M"))
                                       : QVariant(qint64(3)),
                                   qint64(kCases / 2)};
                    }
                    const auto plan = repo.explainList(q);
                    QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
                    const QString problem = planProblem(kind, *plan, walk);
                    QVERIFY2(problem.isEmpty(),
                             qPrintable(QStringLiteral("%1, sort %2%3, %4: %5")
                                            .arg(combination.name)
                                            .arg(int(key))
                                            .arg(deep ? QStringLiteral(" (deep page)") : QString(),
                                                 walk ? QStringLiteral("walk") : QStringLiteral("small"), problem)));
                    ++checked;
                }
            }
        }
    }
    QCOMPARE(checked, 2 * int(combinations(assignee).size()) * int(kSortKeys.size()) * 2);

    // PostgreSQL: a search sorted by a key with few values, walked value by value (the window of the order held
    // no page): the count of a value's candidates, their collection and the walk of the value's range, on the
    // first value and on a cursor in the middle. None reads the table whole.
    if (kind == Dialect::Kind::Postgres) {
        repo.setPlanThresholds(1, SqlCaseRepository::kDefaultCountCap);
        int byValue = 0;
        for (const auto& combination : combinations(assignee)) {
            if (combination.query.text.isEmpty()) {
                continue;
            }
            for (CaseSortKey key : {CaseSortKey::Category, CaseSortKey::Window, CaseSortKey::Status}) {
                for (const bool deep : {false, true}) {
                    CaseQuery q = combination.query;
                    q.sortKey = key;
                    q.descending = deep;
                    if (deep) {
                        CaseQuery first = q;
                        first.limit = 50;
                        const auto page = repo.list(first);
                        QINGTING_VERIFY_OK(page);
                        if (page->atEnd) {
                            continue;
                        }
                        q.after = page->next;
                    }
                    const auto plan = repo.explainByValue(q);
                    QINGTING_VERIFY_OK(plan);
                    const QString text = plan->join(QLatin1Char('\n'));
                    QVERIFY2(!text.contains(QLatin1String("Seq Scan on cases")),
                             qPrintable(combination.name + QStringLiteral(", by value: full scan:\n") + text));
                    // The count of a value's candidates reads bitmaps of the key's index and/or the search index
                    // (at a million cases their intersection, BitmapAnd; on these few rows the planner may take the
                    // key's bitmap alone), never a walk of an index row by row.
                    const QString probe = text.section(QStringLiteral("\n\n"), 0, 0);
                    QVERIFY2(probe.contains(QLatin1String("Bitmap Index Scan")), qPrintable(probe));
                    QVERIFY2(!probe.contains(QLatin1String(" Index Scan using")), qPrintable(probe));
                    ++byValue;
                }
            }
        }
        QVERIFY(byValue >= 12);
    }

    // One status in received order (the "awaiting follow-up" view): a small set and a large one alike are read in
    // the order of the (status, received_at, id) index, so the read stops after a page and nothing is sorted.
    for (const int smallSet : {1, 1000000}) {
        if (kind != Dialect::Kind::Sqlite) {
            break;
        }
        repo.setPlanThresholds(smallSet, SqlCaseRepository::kDefaultCountCap);
        for (const bool descending : {true, false}) {
            CaseQuery q;
            q.statuses = {CaseStatus::Resolved};
            q.sortKey = CaseSortKey::ReceivedAt;
            q.descending = descending;
            const auto plan = repo.explainList(q);
            QINGTING_VERIFY_OK(plan);
            const QString text = plan->join(QLatin1Char('\n'));
            QVERIFY2(text.contains(QLatin1String("USING INDEX cases_status_received")), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
        }
    }
    QVERIFY(db.caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("on")).ok());
}

void TestCaseListPlans::shapesAgreeAndPagesContinue(Database& db, qint64 assignee)
{
    SqlCaseRepository& repo = db.caseRepository();
    for (const auto& combination : combinations(assignee)) {
        for (CaseSortKey key : kSortKeys) {
            for (const bool descending : {(int(key) + int(combination.name.size())) % 2 == 0}) {
                CaseQuery q = combination.query;
                q.sortKey = key;
                q.descending = descending;
                repo.setPlanThresholds(1, SqlCaseRepository::kDefaultCountCap);
                const QStringList walked = allPages(repo, q, 97);
                // A search walking a short window of the order: pages from the window and pages collected when
                // the window held none continue each other exactly.
                repo.setSearchWalkWindow(150);
                const QStringList windowed = allPages(repo, q, 97);
                // The same with a threshold between: on PostgreSQL, sorted by a key with few values, a value with
                // few candidates is collected and one with many is walked, in the same list.
                repo.setPlanThresholds(40, SqlCaseRepository::kDefaultCountCap);
                const QStringList mixed = allPages(repo, q, 97);
                repo.setSearchWalkWindow(-1);
                repo.setPlanThresholds(1000000, SqlCaseRepository::kDefaultCountCap);
                const QStringList collected = allPages(repo, q, 97);
                const QStringList onePage = allPages(repo, q, 5000);
                const QString where = QStringLiteral("%1, sort %2 %3")
                                          .arg(combination.name)
                                          .arg(int(key))
                                          .arg(descending ? QStringLiteral("desc") : QStringLiteral("asc"));
                QVERIFY2(walked == collected, qPrintable(where));
                QVERIFY2(windowed == collected, qPrintable(where + QStringLiteral(": walking a window")));
                QVERIFY2(mixed == collected, qPrintable(where + QStringLiteral(": by value, collected and walked")));
                QVERIFY2(walked == onePage, qPrintable(where + QStringLiteral(": pages of 97 differ from one page")));
                QVERIFY2(QSet<QString>(walked.begin(), walked.end()).size() == walked.size(), qPrintable(where));
                if (combination.name == QLatin1String("none")) {
                    QCOMPARE(walked.size(), kCases);
                }
            }
        }
    }
}

void TestCaseListPlans::countsAreCappedOrExact(Database& db, qint64 assignee)
{
    SqlCaseRepository& repo = db.caseRepository();
    for (const auto& combination : combinations(assignee)) {
        repo.setPlanThresholds(1000000, 1000000);
        const QStringList all = allPages(repo, combination.query, 5000);
        const auto exact = repo.count(combination.query);
        QVERIFY(exact.ok());
        QCOMPARE(exact->value, qint64(all.size()));
        QVERIFY(exact->exact);

        // A low cap: a large set says "at least", a smaller one stays exact; never more than there are.
        repo.setPlanThresholds(SqlCaseRepository::kDefaultSmallSet, 100);
        const auto capped = repo.count(combination.query);
        QVERIFY(capped.ok());
        const bool statusOnly = combination.query.assigneeId == 0 && !combination.query.overdueAt.isValid() &&
                                combination.query.text.isEmpty();
        if (statusOnly || all.size() <= 100) {
            QCOMPARE(capped->value, qint64(all.size()));
            QVERIFY(capped->exact);
        } else {
            QCOMPARE(capped->value, qint64(100));
            QVERIFY(!capped->exact);
        }
    }
    repo.setPlanThresholds(SqlCaseRepository::kDefaultSmallSet, SqlCaseRepository::kDefaultCountCap);
}

void TestCaseListPlans::countNeverBelowThePage(Database& db, qint64 assignee)
{
    // A count that confirms only a sample of a large candidate set (here one candidate) still says at least what
    // the first page under it shows, and exactly that when the page is the whole list.
    SqlCaseRepository& repo = db.caseRepository();
    int checked = 0;
    for (const auto& combination : combinations(assignee)) {
        if (combination.query.text.isEmpty()) {
            continue;
        }
        for (CaseSortKey key : kSortKeys) {
            CaseQuery q = combination.query;
            q.sortKey = key;
            q.limit = 97;
            repo.setPlanThresholds(1000000, 1000000);
            const int all = int(allPages(repo, q, 5000).size());
            repo.setPlanThresholds(1, 1000000);
            repo.setCountSample(1);
            const auto page = repo.list(q);
            const auto n = repo.count(q);
            repo.setCountSample(0);
            QINGTING_VERIFY_OK(page);
            QINGTING_VERIFY_OK(n);
            const QString where = QStringLiteral("%1, sort %2: %3 counted, %4 on the page, %5 in all")
                                      .arg(combination.name)
                                      .arg(int(key))
                                      .arg(n->value)
                                      .arg(page->cases.size())
                                      .arg(all);
            QVERIFY2(n->value >= page->cases.size(), qPrintable(where));
            QVERIFY2(n->value <= all, qPrintable(where));
            if (page->atEnd) {
                QVERIFY2(n->exact && n->value == all, qPrintable(where));
            } else {
                QVERIFY2(!n->exact || n->value == all, qPrintable(where));
            }
            ++checked;
        }
    }
    QVERIFY(checked > 0);
    repo.setPlanThresholds(SqlCaseRepository::kDefaultSmallSet, SqlCaseRepository::kDefaultCountCap);
}

void TestCaseListPlans::warmUpLeavesTheSession(const TestDatabase& scratch, Database& db)
{
    // The warm-up runs the list's shapes (some with planner settings changed for one statement) and puts every
    // setting back; the lists after it are what they were.
    SqlCaseRepository& repo = db.caseRepository();
    CaseQuery q;
    q.text = QStringLiteral("收费");
    q.sortKey = CaseSortKey::Category;
    q.limit = 97;
    const QStringList before = allPages(repo, q, 97);
    QINGTING_VERIFY_OK(repo.warmUp());
    QCOMPARE(allPages(repo, q, 97), before);
    QVERIFY(!before.isEmpty());
    if (scratch.isPostgres()) {
        for (const auto& [setting, expected] :
             {std::pair{"enable_seqscan", "on"}, std::pair{"enable_indexscan", "on"}, std::pair{"work_mem", "4MB"}}) {
            const auto shown = db.sqlContext().scalar(QStringLiteral("SHOW ") + QLatin1String(setting));
            QINGTING_VERIFY_OK(shown);
            QCOMPARE(shown->toString(), QLatin1String(expected));
        }
    }
}

void TestCaseListPlans::workerWarmsItsConnection()
{
    QINGTING_TEST_DATABASE(scratch);
    {
        QINGTING_OPEN_DATABASE(db, scratch); // created and migrated
    }
    /** Counts what the worker asks of its connector and connection. */
    struct Counts
    {
        std::atomic<int> connects{0};
        std::atomic<int> warmUps{0};
    };
    class CountingConnection final : public DatabaseConnection
    {
    public:
        CountingConnection(std::unique_ptr<DatabaseConnection> inner, Counts& counts)
            : m_inner(std::move(inner))
            , m_counts(counts)
        {}
        Repositories repositories() const override { return m_inner->repositories(); }
        Status warmUp() override
        {
            ++m_counts.warmUps;
            return m_inner->warmUp();
        }

    private:
        std::unique_ptr<DatabaseConnection> m_inner;
        Counts& m_counts;
    };
    class CountingConnector final : public DatabaseConnector
    {
    public:
        CountingConnector(DatabaseLocation location, Counts& counts)
            : m_inner(std::move(location))
            , m_counts(counts)
        {}
        Result<std::unique_ptr<DatabaseConnection>> connect() const override
        {
            ++m_counts.connects;
            auto inner = m_inner.connect();
            if (!inner) {
                return inner.error();
            }
            return std::unique_ptr<DatabaseConnection>(
                std::make_unique<CountingConnection>(std::move(inner).value(), m_counts));
        }

    private:
        SqlDatabaseConnector m_inner;
        Counts& m_counts;
    };
    Counts counts;
    const SystemClock clock;
    const PasswordHasher hasher;
    DatabaseWorker worker(std::make_shared<CountingConnector>(scratch.location(), counts), clock, hasher);
    worker.warmUp();
    QVERIFY(QTest::qWaitFor([&] { return worker.pendingJobs() == 0; }, 30000));
    QCOMPARE(counts.connects.load(), 1);
    QCOMPARE(counts.warmUps.load(), 1);
    // The first job finds the connection open and warm: no second connect, no second warm-up.
    std::optional<Result<CasePage>> answer;
    QObject receiver;
    worker.run(
        &receiver,
        [](const WorkerScope& scope) {
            CaseQuery q;
            q.limit = 5;
            return scope.repos.cases->list(q);
        },
        [&answer](Result<CasePage> page) { answer = std::move(page); });
    QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 30000));
    QINGTING_VERIFY_OK(*answer);
    QCOMPARE(counts.connects.load(), 1);
    QCOMPARE(counts.warmUps.load(), 1);
}

void TestCaseListPlans::renameReachesSortKeys(const TestDatabase& scratch, Database& db)
{
    const Repositories repos = db.repositories();
    auto categories = *repos.reference->list(ReferenceKind::Category);
    ReferenceItem renamed = categories.constFirst();
    renamed.name = QStringLiteral("AAA 首位类别");
    {
        WriteTransaction tx(*repos.unitOfWork);
        QVERIFY(repos.reference->update(renamed).ok());
        QVERIFY(tx.commit().ok());
    }
    CaseQuery q;
    q.sortKey = CaseSortKey::Category;
    q.descending = false;
    q.limit = 1;
    const auto page = repos.cases->list(q);
    QVERIFY(page.ok());
    QCOMPARE(page->cases.constFirst().category.name, renamed.name);
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE category_id = ? AND category_name <> ?"),
                        {renamed.id, renamed.name})
                 .toLongLong(),
             qint64(0));
}

void TestCaseListPlans::sameResultsOnBothDatabases()
{
    if (TestDatabase::adminUrl().isEmpty()) {
        QSKIP("QINGTING_TEST_PG is not set: no PostgreSQL to compare with.");
    }
    TestDatabase sqlite(QStringLiteral("sqlite"));
    TestDatabase postgres(QStringLiteral("postgres"));
    QVERIFY(sqlite.setupError().isEmpty() && postgres.setupError().isEmpty());
    auto a = sqlite.open();
    auto b = postgres.open();
    QVERIFY(a.ok() && b.ok());
    qint64 assigneeA = 0;
    qint64 assigneeB = 0;
    fill(**a, &assigneeA);
    fill(**b, &assigneeB);
    for (const QString& term :
         {QStringLiteral("慢"), QStringLiteral("态度"), QStringLiteral("收费标准"), QStringLiteral("mixed"),
          QStringLiteral("ASCII TEXT"), QStringLiteral("，排队"), QStringLiteral("0601"), QStringLiteral("QT-2026"),
          QStringLiteral("不存在的词"), QStringLiteral("打印")}) {
        CaseQuery q;
        q.text = term;
        q.sortKey = CaseSortKey::CaseNo;
        const QStringList onSqlite = allPages((*a)->caseRepository(), q, 500);
        const QStringList onPostgres = allPages((*b)->caseRepository(), q, 500);
        QVERIFY2(onSqlite == onPostgres, qPrintable(term));
        // And the index agrees with a plain scan of the texts.
        const QString needle = SearchGrams::normalizedTerm(term);
        int expected = 0;
        CaseQuery everything;
        everything.limit = 5000;
        everything.sortKey = CaseSortKey::CaseNo;
        for (const QString& number : allPages((*a)->caseRepository(), everything, 5000)) {
            const auto c = (*a)->repositories().cases->findByNumber(number);
            QVERIFY(c.ok());
            const QString text = QStringList{c->caseNo, c->complaintText}.join(QLatin1Char('\n')).toLower();
            expected += text.contains(needle) ? 1 : 0;
        }
        QVERIFY2(onSqlite.size() == expected,
                 qPrintable(QStringLiteral("%1: %2 found, %3 expected").arg(term).arg(onSqlite.size()).arg(expected)));
    }
}

QTEST_GUILESS_MAIN(TestCaseListPlans)
#include "tst_case_list_plans.moc"
