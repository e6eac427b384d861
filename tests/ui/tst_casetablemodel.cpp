#include "cases/CaseTableModel.h"

#include "Database.h"
#include "SqlDatabaseConnector.h"
#include "common/Clock.h"
#include "services/CaseService.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Column = CaseTableModel::Column;

/** Waits until the model's page request has been answered by the worker. */
#define SETTLE(model) QTRY_VERIFY_WITH_TIMEOUT(!(model).isLoading(), 10000)

/**
 * CaseTableModel over a real SQLite database, read through the database worker: paging by keyset cursor,
 * server-side sorting and filtering, and stale pages dropped.
 */
class TestCaseTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void headers();
    void fetchesIncrementally();
    void sortsOnRawValues_data();
    void sortsOnRawValues();
    void ignoresUnsortableColumns();
    void filtersByStatusAndText();
    void marksOverdueOpenCases();
    void filtersOverdueAndAssignee();
    void updatesOneRow();
    void dropsStalePages();

private:
    /** Fetches every page; false when a page did not arrive in time. */
    bool fetchAll();
    int col(Column c) const { return static_cast<int>(c); }
    QVariant raw(int row, Column c) const { return m_model->index(row, col(c)).data(CaseTableModel::RawValueRole); }

    static constexpr int kCases = 450;
    static constexpr int kWithTerm = 150;    // every third complaint mentions 态度
    static constexpr int kAcknowledged = 45; // every tenth case, offset 5
    static constexpr int kResolved = 45;     // every tenth case

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2025, 6, 2), QTime(9, 0))};
    PasswordHasher m_hasher{PasswordHasher::Strength::Minimal};
    std::unique_ptr<CaseService> m_cases;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::unique_ptr<CaseTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestCaseTableModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto opened = Database::open(DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("cases.sqlite"))));
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    m_db = std::move(opened).value();
    m_cases = std::make_unique<CaseService>(Session::commandLine(), m_db->repositories(), m_clock);
    m_worker = std::make_unique<DatabaseWorker>(std::make_shared<SqlDatabaseConnector>(DatabaseLocation::sqlite(
                                                    m_dir.filePath(QStringLiteral("cases.sqlite")))),
                                                m_clock, m_hasher);

    const QDateTime first(QDate(2025, 3, 3), QTime(8, 30));
    for (int i = 0; i < kCases; ++i) {
        CaseDraft draft;
        draft.channel = i % 2 ? Channel::Phone : Channel::Window;
        draft.receivedAt = first.addSecs(qint64(i) * 97 * 60); // distinct times over about a month
        draft.waitedMinutes = (i * 7) % 120;
        draft.complaintText = i % 3 == 0 ? QStringLiteral("第%1号：工作人员态度生硬，没有解释清楚。").arg(i)
                                         : QStringLiteral("第%1号：系统故障，材料无法上传。").arg(i);
        const auto created = m_cases->create(draft);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        if (i % 5 == 0) {
            CaseCommand acknowledge;
            acknowledge.action = CaseAction::Acknowledge;
            QVERIFY(m_cases->perform(created->id, acknowledge).ok());
        }
        if (i % 10 == 0) {
            CaseCommand resolve;
            resolve.action = CaseAction::Resolve;
            resolve.note = QStringLiteral("当面致歉并加急办理。");
            QVERIFY(m_cases->perform(created->id, resolve).ok());
        }
    }
}

void TestCaseTableModel::init()
{
    m_model = std::make_unique<CaseTableModel>(*m_worker, Session::commandLine(), m_clock);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    SETTLE(*m_model);
}

void TestCaseTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

bool TestCaseTableModel::fetchAll()
{
    for (;;) {
        if (!QTest::qWaitFor([this] { return !m_model->isLoading(); }, 10000)) {
            return false;
        }
        if (!m_model->canFetchMore(QModelIndex())) {
            return true;
        }
        m_model->fetchMore(QModelIndex());
    }
}

void TestCaseTableModel::headers()
{
    QCOMPARE(m_model->columnCount(), CaseTableModel::kColumnCount);
    for (int c = 0; c < CaseTableModel::kColumnCount; ++c) {
        QVERIFY(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty());
    }
    QVERIFY(CaseTableModel::isSortable(col(Column::CaseNo)));
    QVERIFY(CaseTableModel::isSortable(col(Column::ReceivedAt)));
    QVERIFY(!CaseTableModel::isSortable(col(Column::Summary)));
    QVERIFY(!CaseTableModel::isSortable(col(Column::Assignee)));
}

void TestCaseTableModel::fetchesIncrementally()
{
    // A model of its own without a tester at first: the tester calls fetchMore in every round of checks, as a
    // view does when it scrolls, so the page-by-page counts can only be seen without it.
    CaseTableModel model(*m_worker, Session::commandLine(), m_clock);
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore(QModelIndex())); // not while a page is on its way
    SETTLE(model);
    QCOMPARE(model.rowCount(), CaseTableModel::kPageSize);
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    SETTLE(model);
    QCOMPARE(model.rowCount(), 2 * CaseTableModel::kPageSize);
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    SETTLE(model);
    QCOMPARE(model.rowCount(), kCases);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    QVERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), kCases);
    QVERIFY(model.lastError().isEmpty());

    // Every case exactly once across the pages.
    QSet<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(model.index(row, 0).data(CaseTableModel::CaseIdRole).toLongLong());
    }
    QCOMPARE(ids.size(), kCases);

    // A new order or filter starts again from the first page.
    model.sort(col(Column::CaseNo), Qt::AscendingOrder);
    QCOMPARE(model.rowCount(), 0); // reset at once; the first page follows from the worker
    SETTLE(model);
    QCOMPARE(model.rowCount(), CaseTableModel::kPageSize);
    model.setFilter({}, QStringLiteral("态度"));
    SETTLE(model);
    QCOMPARE(model.rowCount(), kWithTerm);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.setFilter({}, QString());
    SETTLE(model);
    QCOMPARE(model.rowCount(), CaseTableModel::kPageSize);

    // The loaded model passes the tester's checks, including its own fetching.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > CaseTableModel::kPageSize, 10000);
    model.reload();
    for (;;) {
        SETTLE(model);
        if (!model.canFetchMore(QModelIndex())) {
            break;
        }
        model.fetchMore(QModelIndex());
    }
    QCOMPARE(model.rowCount(), kCases);
}

void TestCaseTableModel::sortsOnRawValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("received ascending") << col(Column::ReceivedAt) << Qt::AscendingOrder;
    QTest::newRow("received descending") << col(Column::ReceivedAt) << Qt::DescendingOrder;
    QTest::newRow("case no ascending") << col(Column::CaseNo) << Qt::AscendingOrder;
    QTest::newRow("case no descending") << col(Column::CaseNo) << Qt::DescendingOrder;
}

void TestCaseTableModel::sortsOnRawValues()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    m_model->sort(column, order);
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kCases);

    const auto c = static_cast<Column>(column);
    for (int row = 1; row < m_model->rowCount(); ++row) {
        const QVariant before = raw(row - 1, c);
        const QVariant after = raw(row, c);
        if (c == Column::ReceivedAt) {
            QCOMPARE(before.typeId(), QMetaType::QDateTime);
            const bool inOrder = order == Qt::AscendingOrder ? before.toDateTime() < after.toDateTime()
                                                             : before.toDateTime() > after.toDateTime();
            QVERIFY2(inOrder, qPrintable(QStringLiteral("row %1").arg(row)));
        } else {
            const bool inOrder = order == Qt::AscendingOrder ? before.toString() < after.toString()
                                                             : before.toString() > after.toString();
            QVERIFY2(inOrder,
                     qPrintable(QStringLiteral("row %1: %2 / %3").arg(row).arg(before.toString(), after.toString())));
        }
    }
    const QDateTime newest = QDateTime(QDate(2025, 3, 3), QTime(8, 30)).addSecs(qint64(kCases - 1) * 97 * 60);
    if (c == Column::ReceivedAt && order == Qt::DescendingOrder) {
        QCOMPARE(raw(0, Column::ReceivedAt).toDateTime(), newest);
    }
}

void TestCaseTableModel::ignoresUnsortableColumns()
{
    m_model->sort(col(Column::ReceivedAt), Qt::AscendingOrder);
    SETTLE(*m_model);
    const qint64 firstId = m_model->index(0, 0).data(CaseTableModel::CaseIdRole).toLongLong();
    m_model->sort(col(Column::Summary), Qt::DescendingOrder);
    QCOMPARE(m_model->index(0, 0).data(CaseTableModel::CaseIdRole).toLongLong(), firstId);
    QCOMPARE(m_model->query().sortKey, CaseSortKey::ReceivedAt);
    QVERIFY(!m_model->query().descending);
}

void TestCaseTableModel::filtersByStatusAndText()
{
    // A two-character Chinese term: too short for a trigram index, so the repository must still find it.
    const QString term = QStringLiteral("态度");
    m_model->setFilter({}, term);
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kWithTerm);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QVERIFY(raw(row, Column::Summary).toString().contains(term));
    }

    m_model->setFilter({CaseStatus::Resolved}, QString());
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kResolved);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QCOMPARE(raw(row, Column::Status).toInt(), static_cast<int>(CaseStatus::Resolved));
    }

    m_model->setFilter({CaseStatus::Acknowledged}, QString());
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kAcknowledged);

    // Resolved cases are i % 10 == 0; those with the term also have i % 3 == 0: i % 30 == 0.
    m_model->setFilter({CaseStatus::Resolved}, term);
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kCases / 30);

    m_model->setFilter({CaseStatus::Received, CaseStatus::Acknowledged}, QString());
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kCases - kResolved);
    QCOMPARE(m_cases->count(m_model->query())->value, qint64(kCases - kResolved));

    m_model->setFilter({}, QStringLiteral("不存在的内容"));
    SETTLE(*m_model);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore(QModelIndex()));

    m_model->setFilter({}, QString());
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kCases);
}

void TestCaseTableModel::marksOverdueOpenCases()
{
    QVERIFY(fetchAll());
    int overdue = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, col(Column::Status));
        const auto status = static_cast<CaseStatus>(index.data(CaseTableModel::RawValueRole).toInt());
        const bool isOverdue = index.data(CaseTableModel::OverdueRole).toBool();
        // The clock stands months after every case's 48-hour deadline: each open case is overdue.
        QCOMPARE(isOverdue, CaseStatuses::isOpen(status));
        QCOMPARE(index.data(Qt::ForegroundRole).isValid(), isOverdue);
        overdue += isOverdue ? 1 : 0;
    }
    QCOMPARE(overdue, kCases - kResolved);
}

void TestCaseTableModel::filtersOverdueAndAssignee()
{
    const QDateTime saved = m_clock.now();
    const auto restoreClock = qScopeGuard([&] { m_clock.set(saved); });

    CaseTableModel::Filter overdue;
    overdue.overdueOnly = true;
    m_model->setFilter(overdue);
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kCases - kResolved);
    QVERIFY(m_model->query().overdueAt.isValid());
    QCOMPARE(m_cases->count(m_model->query())->value, qint64(kCases - kResolved));

    // Combined with text: open cases with the term are i % 3 == 0 but not i % 10 == 0.
    overdue.text = QStringLiteral("态度");
    m_model->setFilter(overdue);
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kWithTerm - kCases / 30);

    // Just after case 10's deadline, cases 0..10 are past due; 0 and 10 are resolved. A reload measures again.
    const QDateTime first(QDate(2025, 3, 3), QTime(8, 30));
    m_clock.set(first.addSecs(qint64(CaseService::kAnswerDueHours) * 3600 + qint64(10) * 97 * 60 + 60));
    overdue.text.clear();
    m_model->setFilter(overdue);
    SETTLE(*m_model);
    QCOMPARE(m_model->rowCount(), 9);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QVERIFY(m_model->index(row, 0).data(CaseTableModel::OverdueRole).toBool());
    }
    m_clock.set(first.addSecs(qint64(CaseService::kAnswerDueHours) * 3600 + qint64(20) * 97 * 60 + 60));
    m_model->reload();
    SETTLE(*m_model);
    QCOMPARE(m_model->rowCount(), 18);

    // Every case here was recorded from the command line, so it is nobody's.
    CaseTableModel::Filter mine;
    mine.assigneeId = 1;
    m_model->setFilter(mine);
    SETTLE(*m_model);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_cases->count(m_model->query())->value, qint64(0));

    m_model->setFilter(CaseTableModel::Filter());
    QVERIFY(!m_model->query().overdueAt.isValid());
    QCOMPARE(m_model->query().assigneeId, qint64(0));
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kCases);
}

void TestCaseTableModel::updatesOneRow()
{
    const Case* first = m_model->caseAt(0);
    QVERIFY(first);
    Case changed = *first;
    changed.status = CaseStatus::InProgress;
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->updateCase(changed);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(raw(0, Column::Status).toInt(), static_cast<int>(CaseStatus::InProgress));
    QCOMPARE(m_model->rowOfCase(changed.id), 0);
    QCOMPARE(m_model->rowOfCase(-5), -1);
}

void TestCaseTableModel::dropsStalePages()
{
    // The user types on: three filters in a row before any answer arrives. Only the last one's rows are shown,
    // and the model says it is loading until they are in.
    QSignalSpy loaded(m_model.get(), &CaseTableModel::pageLoaded);
    m_model->setFilter({CaseStatus::Resolved}, QString());
    m_model->setFilter({}, QStringLiteral("不存在的内容"));
    m_model->setFilter({}, QStringLiteral("态度"));
    QVERIFY(m_model->isLoading());
    QCOMPARE(m_model->rowCount(), 0);
    SETTLE(*m_model);
    QVERIFY(QTest::qWaitFor([this] { return m_worker->pendingJobs() == 0; }, 10000));
    QTest::qWait(50); // anything still queued for the GUI thread would arrive now
    QCOMPARE(loaded.count(), 1);
    QVERIFY(fetchAll());
    QCOMPARE(m_model->rowCount(), kWithTerm);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QVERIFY(raw(row, Column::Summary).toString().contains(QStringLiteral("态度")));
    }
}

QTEST_GUILESS_MAIN(TestCaseTableModel)
#include "tst_casetablemodel.moc"
