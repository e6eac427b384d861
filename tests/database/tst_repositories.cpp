#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/AuditRepository.h"
#include "repositories/CalendarRepository.h"
#include "repositories/CaseRepository.h"
#include "services/AuditService.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using Fixtures::at;

/** The Sql*Repository implementations through the services, on SQLite and on PostgreSQL alike. */
class TestRepositories : public QObject
{
    Q_OBJECT

private slots:
    void users_data() { TestDatabase::addBackendRows(); }
    void users();
    void seededReferenceData_data() { TestDatabase::addBackendRows(); }
    void seededReferenceData();
    void referenceDuplicatesConflict_data() { TestDatabase::addBackendRows(); }
    void referenceDuplicatesConflict();
    void createWithCitizenAndAnonymous_data() { TestDatabase::addBackendRows(); }
    void createWithCitizenAndAnonymous();
    void caseNumbersAreSequentialPerDay_data() { TestDatabase::addBackendRows(); }
    void caseNumbersAreSequentialPerDay();
    void keysetPagination_data() { TestDatabase::addBackendRows(); }
    void keysetPagination();
    void textFilter_data() { TestDatabase::addBackendRows(); }
    void textFilter();
    void searchIndexRebuild_data() { TestDatabase::addBackendRows(); }
    void searchIndexRebuild();
    void timelineAndFollowUps_data() { TestDatabase::addBackendRows(); }
    void timelineAndFollowUps();
    void staleVersionConflicts_data() { TestDatabase::addBackendRows(); }
    void staleVersionConflicts();
    void holidayCalendar_data() { TestDatabase::addBackendRows(); }
    void holidayCalendar();
    void failedCreateLeavesNothing_data() { TestDatabase::addBackendRows(); }
    void failedCreateLeavesNothing();
};

namespace {
const QStringList kSeededCategories{QStringLiteral("服务态度"), QStringLiteral("办事效率/等候时间"),
                                    QStringLiteral("流程繁琐"), QStringLiteral("政策解释"),
                                    QStringLiteral("系统故障"), QStringLiteral("环境设施"),
                                    QStringLiteral("收费"),     QStringLiteral("其他")};

qint64 auditCount(RawConnection& raw)
{
    return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong();
}

/** The raw value a sort key orders by, computed from the mapped Case, for checking the database's order. */
QVariant sortValue(const Case& c, CaseSortKey key)
{
    switch (key) {
    case CaseSortKey::ReceivedAt:
        return c.receivedAt.toSecsSinceEpoch();
    case CaseSortKey::CaseNo:
        return c.caseNo;
    case CaseSortKey::Status:
        return int(c.status);
    case CaseSortKey::WaitedMinutes:
        return c.waitedMinutes.value_or(-1);
    case CaseSortKey::Category:
        return c.category.name;
    case CaseSortKey::Window:
        return c.window.name;
    }
    return {};
}

/** Compares two sort values: numbers as numbers, text by code point (SQLite BINARY, PostgreSQL C collation). */
int compareValues(const QVariant& a, const QVariant& b)
{
    if (a.typeId() == QMetaType::QString) {
        const QList<uint> x = a.toString().toUcs4();
        const QList<uint> y = b.toString().toUcs4();
        return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end())
                   ? -1
                   : (std::lexicographical_compare(y.begin(), y.end(), x.begin(), x.end()) ? 1 : 0);
    }
    const qint64 x = a.toLongLong();
    const qint64 y = b.toLongLong();
    return x < y ? -1 : (x > y ? 1 : 0);
}
} // namespace

void TestRepositories::users()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    UserRepository& users = *db->repositories().users;
    QCOMPARE(*users.count(), 0);

    User wang;
    wang.login = QStringLiteral("wang.li");
    wang.displayName = QStringLiteral("王丽");
    wang.role = Role::Supervisor;
    wang.createdAt = at(QStringLiteral("2026-03-02 08:00"));
    const auto wangId = users.insert(wang, QStringLiteral("$argon2id$hash-of-wang"));
    QINGTING_VERIFY_OK(wangId);
    User chen = wang;
    chen.login = QStringLiteral("chen");
    chen.displayName = QStringLiteral("陈明");
    chen.role = Role::Clerk;
    QINGTING_VERIFY_OK(users.insert(chen, QStringLiteral("h2")));
    QCOMPARE(*users.count(), 2);

    const auto found = users.find(*wangId);
    QINGTING_VERIFY_OK(found);
    QCOMPARE(found->login, QStringLiteral("wang.li"));
    QCOMPARE(found->displayName, QStringLiteral("王丽"));
    QCOMPARE(found->role, Role::Supervisor);
    QVERIFY(found->active);
    QCOMPARE(found->createdAt, wang.createdAt);
    QVERIFY(!found->lastLoginAt.isValid());
    QCOMPARE(*users.passwordHash(*wangId), QStringLiteral("$argon2id$hash-of-wang"));

    const auto byLogin = users.findByLogin(QStringLiteral("chen"));
    QINGTING_VERIFY_OK(byLogin);
    QCOMPARE(byLogin->displayName, QStringLiteral("陈明"));
    QCOMPARE(users.findByLogin(QStringLiteral("nobody")).error().code, Error::Code::NotFound);
    QCOMPARE(users.find(987654).error().code, Error::Code::NotFound);

    const auto list = users.list();
    QINGTING_VERIFY_OK(list);
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).login, QStringLiteral("chen"));
    QCOMPARE(list->at(1).login, QStringLiteral("wang.li"));

    User duplicate = chen;
    duplicate.displayName = QStringLiteral("另一个陈明");
    const auto conflict = users.insert(duplicate, QStringLiteral("h3"));
    QVERIFY(!conflict.ok());
    QCOMPARE(conflict.error().code, Error::Code::Conflict);
    QCOMPARE(*users.count(), 2);

    QINGTING_VERIFY_OK(users.setActive(*wangId, false));
    QINGTING_VERIFY_OK(users.setRole(*wangId, Role::Admin));
    QINGTING_VERIFY_OK(users.setPasswordHash(*wangId, QStringLiteral("new-hash")));
    QINGTING_VERIFY_OK(users.setLastLogin(*wangId, at(QStringLiteral("2026-03-02 09:30:15"))));
    const auto changed = users.find(*wangId);
    QVERIFY(!changed->active);
    QCOMPARE(changed->role, Role::Admin);
    QCOMPARE(changed->lastLoginAt, at(QStringLiteral("2026-03-02 09:30:15")));
    QCOMPARE(*users.passwordHash(*wangId), QStringLiteral("new-hash"));
    QCOMPARE(users.setActive(987654, true).error().code, Error::Code::NotFound);
}

void TestRepositories::seededReferenceData()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    ReferenceService reference(Session::commandLine(), db->repositories(), clock);

    const auto categories = reference.list(ReferenceKind::Category);
    QINGTING_VERIFY_OK(categories);
    QStringList names;
    for (const auto& c : *categories) {
        names << c.name;
        QCOMPARE(c.parentId, 0);
        QVERIFY(c.active);
        QCOMPARE(c.kind, ReferenceKind::Category);
    }
    QCOMPARE(names, kSeededCategories);

    for (const auto kind : {ReferenceKind::Window, ReferenceKind::Department, ReferenceKind::ServiceItem}) {
        const auto items = reference.list(kind);
        QINGTING_VERIFY_OK(items);
        QVERIFY(items->size() >= 3);
        int lastSort = -1;
        for (const auto& item : *items) {
            QVERIFY(!item.name.isEmpty());
            QVERIFY(item.active);
            QVERIFY(item.sortOrder >= lastSort);
            lastSort = item.sortOrder;
            const auto found = db->repositories().reference->find(kind, item.id);
            QINGTING_VERIFY_OK(found);
            QCOMPARE(found->name, item.name);
        }
    }
    QVERIFY(Fixtures::referenceId(db->repositories(), ReferenceKind::Window, QStringLiteral("投诉与建议窗口")) != 0);
    QVERIFY(Fixtures::referenceId(db->repositories(), ReferenceKind::ServiceItem, QStringLiteral("不动产登记")) != 0);
    QCOMPARE(db->repositories().reference->find(ReferenceKind::Window, 987654).error().code, Error::Code::NotFound);
}

void TestRepositories::referenceDuplicatesConflict()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    ReferenceService reference(Session::commandLine(), repos, clock);
    RawConnection raw(scratch);
    const qint64 auditBefore = auditCount(raw);

    const auto dupCategory = reference.add(ReferenceKind::Category, QStringLiteral("服务态度"));
    QVERIFY(!dupCategory.ok());
    QCOMPARE(dupCategory.error().code, Error::Code::Conflict);
    const auto dupWindow = reference.add(ReferenceKind::Window, QStringLiteral(" 1号窗口 "));
    QVERIFY(!dupWindow.ok());
    QCOMPARE(dupWindow.error().code, Error::Code::Conflict);
    QCOMPARE(auditCount(raw), auditBefore);

    // The database itself refuses a duplicate name of a window, department or service item.
    ReferenceItem window;
    window.kind = ReferenceKind::Window;
    window.name = QStringLiteral("2号窗口");
    const auto dbConflict = repos.reference->insert(window);
    QVERIFY(!dbConflict.ok());
    QCOMPARE(dbConflict.error().code, Error::Code::Conflict);

    const auto added = reference.add(ReferenceKind::Window, QStringLiteral("夜间服务窗口"));
    QINGTING_VERIFY_OK(added);
    QVERIFY(added->id != 0);
    QCOMPARE(auditCount(raw), auditBefore + 1);
    const qint64 parent = Fixtures::referenceId(repos, ReferenceKind::Category, QStringLiteral("服务态度"));
    const qint64 otherParent = Fixtures::referenceId(repos, ReferenceKind::Category, QStringLiteral("收费"));
    QINGTING_VERIFY_OK(reference.add(ReferenceKind::Category, QStringLiteral("言语冷漠"), parent));
    QINGTING_VERIFY_OK(reference.add(ReferenceKind::Category, QStringLiteral("言语冷漠"), otherParent));
    const auto dupChild = reference.add(ReferenceKind::Category, QStringLiteral("言语冷漠"), parent);
    QCOMPARE(dupChild.error().code, Error::Code::Conflict);
    QCOMPARE(reference.rename(ReferenceKind::Window, added->id, QStringLiteral("3号窗口")).error().code,
             Error::Code::Conflict);
    QINGTING_VERIFY_OK(reference.rename(ReferenceKind::Window, added->id, QStringLiteral("夜间窗口")));
    QINGTING_VERIFY_OK(reference.setActive(ReferenceKind::Window, added->id, false));
    QCOMPARE(auditCount(raw), auditBefore + 5);

    const auto active = reference.list(ReferenceKind::Window);
    const auto all = reference.list(ReferenceKind::Window, true);
    QCOMPARE(all->size(), active->size() + 1);
    const auto renamed = repos.reference->find(ReferenceKind::Window, added->id);
    QCOMPARE(renamed->name, QStringLiteral("夜间窗口"));
    QVERIFY(!renamed->active);
}

void TestRepositories::createWithCitizenAndAnonymous()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:15:30")));
    CaseService cases(Session::commandLine(), repos, clock);

    CaseDraft draft = Fixtures::citizenDraft(repos, QStringLiteral("  窗口人员服务态度生硬，让我重复排队。  "));
    draft.citizen.idNumber = QStringLiteral("11010519491231002x");
    draft.citizen.name = QStringLiteral(" 张三 ");
    draft.promisedAt = at(QStringLiteral("2026-03-03 17:00"));
    const auto named = cases.create(draft);
    QINGTING_VERIFY_OK(named);
    QVERIFY(named->id != 0);
    QCOMPARE(named->caseNo, QStringLiteral("QT-20260302-0001"));
    QCOMPARE(named->status, CaseStatus::Received);
    QCOMPARE(named->channel, Channel::Window);
    QCOMPARE(named->complaintText, QStringLiteral("窗口人员服务态度生硬，让我重复排队。"));
    QCOMPARE(named->facts, QStringLiteral("窗口人员态度生硬"));
    QCOMPARE(named->window.name, QStringLiteral("3号窗口"));
    QCOMPARE(named->serviceItem.name, QStringLiteral("社保业务"));
    QCOMPARE(named->category.name, QStringLiteral("服务态度"));
    QCOMPARE(named->department.name, QStringLiteral("综合受理科"));
    QCOMPARE(named->waitedMinutes, std::optional<int>(35));
    QCOMPARE(named->receivedAt, clock.now());
    QCOMPARE(named->updatedAt, clock.now());
    QCOMPARE(named->dueAt, clock.now().addSecs(48 * 3600));
    QCOMPARE(named->promisedAt, at(QStringLiteral("2026-03-03 17:00")));
    QCOMPARE(named->createdBy.name, QStringLiteral("cli"));
    QCOMPARE(named->version, 0);
    QVERIFY(!named->acknowledgedAt.isValid());
    QVERIFY(!named->rating.has_value());
    QVERIFY(!named->isAnonymous());

    const auto citizen = cases.citizen(named->id);
    QINGTING_VERIFY_OK(citizen);
    QCOMPARE(citizen->name, QStringLiteral("张三"));
    QCOMPARE(citizen->phone, QStringLiteral("13800138000"));
    QCOMPARE(citizen->idNumber, QStringLiteral("11010519491231002X"));
    QCOMPARE(citizen->address, QStringLiteral("北京市东城区"));

    CaseDraft anonymousDraft = Fixtures::anonymousDraft(repos, QStringLiteral("网上办事系统经常卡顿"));
    anonymousDraft.waitedMinutes.reset();
    anonymousDraft.windowId = 0;
    const auto anonymous = cases.create(anonymousDraft);
    QINGTING_VERIFY_OK(anonymous);
    QCOMPARE(anonymous->caseNo, QStringLiteral("QT-20260302-0002"));
    QVERIFY(anonymous->isAnonymous());
    QCOMPARE(anonymous->citizenId, 0);
    QCOMPARE(anonymous->channel, Channel::Online);
    QVERIFY(!anonymous->window.isSet());
    QVERIFY(!anonymous->waitedMinutes.has_value());
    QCOMPARE(cases.citizen(anonymous->id).error().code, Error::Code::NotFound);

    const auto byId = cases.get(named->id);
    QINGTING_VERIFY_OK(byId);
    QCOMPARE(byId->caseNo, named->caseNo);
    const auto byNumber = cases.getByNumber(QStringLiteral(" qt-20260302-0002 "));
    QINGTING_VERIFY_OK(byNumber);
    QCOMPARE(byNumber->id, anonymous->id);
    QCOMPARE(repos.cases->findByNumber(QStringLiteral("QT-20260302-0001"))->id, named->id);
    QCOMPARE(cases.getByNumber(QStringLiteral("QT-20260302-0099")).error().code, Error::Code::NotFound);
    QCOMPARE(cases.get(987654).error().code, Error::Code::NotFound);

    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM citizens")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases")).toInt(), 2);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.create'")).toInt(), 2);
}

void TestRepositories::caseNumbersAreSequentialPerDay()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(Session::commandLine(), repos, clock);
    const QRegularExpression shape(QStringLiteral("^QT-\\d{8}-\\d{4}$"));

    QStringList numbers;
    for (int i = 0; i < 12; ++i) {
        const auto c = cases.create(Fixtures::anonymousDraft(repos, QStringLiteral("第%1件").arg(i + 1)));
        QINGTING_VERIFY_OK(c);
        QVERIFY(shape.match(c->caseNo).hasMatch());
        numbers << c->caseNo;
        clock.advanceSeconds(60);
    }
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(numbers.at(i), QStringLiteral("QT-20260302-%1").arg(i + 1, 4, 10, QLatin1Char('0')));
    }

    clock.set(at(QStringLiteral("2026-03-03 00:00:05")));
    const auto nextDay = cases.create(Fixtures::anonymousDraft(repos, QStringLiteral("次日第一件")));
    QINGTING_VERIFY_OK(nextDay);
    QCOMPARE(nextDay->caseNo, QStringLiteral("QT-20260303-0001"));

    // The number follows the day the complaint was received, not the day it was typed in.
    CaseDraft late = Fixtures::anonymousDraft(repos, QStringLiteral("补录昨天的投诉"));
    late.receivedAt = at(QStringLiteral("2026-03-02 17:45"));
    const auto backdated = cases.create(late);
    QINGTING_VERIFY_OK(backdated);
    QCOMPARE(backdated->caseNo, QStringLiteral("QT-20260302-0013"));
    QCOMPARE(backdated->receivedAt, at(QStringLiteral("2026-03-02 17:45")));

    const auto second = cases.create(Fixtures::anonymousDraft(repos, QStringLiteral("次日第二件")));
    QCOMPARE(second->caseNo, QStringLiteral("QT-20260303-0002"));
}

void TestRepositories::keysetPagination()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-10 18:00")));
    CaseService cases(Session::commandLine(), repos, clock);

    const auto categories = repos.reference->list(ReferenceKind::Category);
    const auto windows = repos.reference->list(ReferenceKind::Window);
    constexpr int kCases = 250;
    QSet<qint64> allIds;
    int acknowledged = 0;
    for (int i = 0; i < kCases; ++i) {
        CaseDraft d = Fixtures::anonymousDraft(repos, QStringLiteral("分页测试 %1").arg(i));
        // Ties everywhere: three cases share each time, waits repeat, some values are missing.
        d.receivedAt = at(QStringLiteral("2026-03-02 08:00")).addSecs(qint64(i / 3) * 17 * 60);
        d.waitedMinutes = i % 5 == 0 ? std::nullopt : std::optional<int>(i % 40);
        d.categoryId = i % 9 == 8 ? 0 : categories->at(i % 9).id;
        d.windowId = i % 7 == 6 ? 0 : windows->at(i % windows->size()).id;
        const auto c = cases.create(d);
        QINGTING_VERIFY_OK(c);
        allIds.insert(c->id);
        if (i % 3 == 0) {
            QINGTING_VERIFY_OK(cases.perform(c->id, {CaseAction::Acknowledge}));
            ++acknowledged;
            if (i % 6 == 0) {
                QINGTING_VERIFY_OK(cases.perform(c->id, {CaseAction::Start}));
                --acknowledged;
            }
        }
    }
    QCOMPARE(cases.count({})->value, qint64(kCases));

    const QList<CaseSortKey> keys{CaseSortKey::ReceivedAt,    CaseSortKey::CaseNo,   CaseSortKey::Status,
                                  CaseSortKey::WaitedMinutes, CaseSortKey::Category, CaseSortKey::Window};
    for (const CaseSortKey key : keys) {
        for (const bool descending : {false, true}) {
            const QString label = QStringLiteral("key %1 %2")
                                      .arg(int(key))
                                      .arg(descending ? QLatin1String("desc") : QLatin1String("asc"));
            CaseQuery query;
            query.sortKey = key;
            query.descending = descending;
            query.limit = 5000;
            const auto whole = cases.list(query);
            QINGTING_VERIFY_OK(whole);
            QCOMPARE(whole->cases.size(), kCases);
            QVERIFY(whole->atEnd);

            query.limit = 100;
            QList<qint64> paged;
            QList<Case> pagedCases;
            int pages = 0;
            for (;;) {
                const auto page = cases.list(query);
                QINGTING_VERIFY_OK(page);
                ++pages;
                QVERIFY2(pages <= 4, qPrintable(label));
                for (const Case& c : page->cases) {
                    paged << c.id;
                    pagedCases << c;
                }
                if (page->atEnd) {
                    QVERIFY2(page->cases.size() <= 100, qPrintable(label));
                    break;
                }
                QCOMPARE(page->cases.size(), 100);
                query.after = page->next;
            }
            QCOMPARE(pages, 3);
            QCOMPARE(paged.size(), kCases);
            QCOMPARE(QSet<qint64>(paged.begin(), paged.end()), allIds);
            QList<qint64> wholeIds;
            for (const Case& c : whole->cases) {
                wholeIds << c.id;
            }
            QVERIFY2(paged == wholeIds, qPrintable(label));
            for (qsizetype i = 1; i < pagedCases.size(); ++i) {
                int order = compareValues(sortValue(pagedCases.at(i - 1), key), sortValue(pagedCases.at(i), key));
                if (order == 0) {
                    order = pagedCases.at(i - 1).id < pagedCases.at(i).id ? -1 : 1;
                }
                QVERIFY2(descending ? order > 0 : order < 0,
                         qPrintable(label + QStringLiteral(" out of order at %1").arg(i)));
            }
        }
    }

    // A status filter pages the same way, and count() agrees with it.
    CaseQuery onlyAcknowledged;
    onlyAcknowledged.statuses = {CaseStatus::Acknowledged};
    onlyAcknowledged.limit = 10;
    QCOMPARE(cases.count(onlyAcknowledged)->value, qint64(acknowledged));
    int seen = 0;
    for (;;) {
        const auto page = cases.list(onlyAcknowledged);
        QINGTING_VERIFY_OK(page);
        for (const Case& c : page->cases) {
            QCOMPARE(c.status, CaseStatus::Acknowledged);
        }
        seen += int(page->cases.size());
        if (page->atEnd) {
            break;
        }
        onlyAcknowledged.after = page->next;
    }
    QCOMPARE(seen, acknowledged);
    CaseQuery twoStatuses;
    twoStatuses.statuses = {CaseStatus::Received, CaseStatus::InProgress};
    QCOMPARE(cases.count(twoStatuses)->value, qint64(kCases - acknowledged));
}

void TestRepositories::textFilter()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(Session::commandLine(), repos, clock);
    const QStringList texts{QStringLiteral("窗口人员服务态度生硬"), QStringLiteral("态度还行但是效率太低"),
                            QStringLiteral("收费标准不透明"),       QStringLiteral("系统故障导致无法办理"),
                            QStringLiteral("满意度是100%吗"),       QStringLiteral("上传文件a_b.pdf失败"),
                            QStringLiteral("Mixed Case English"),   QStringLiteral("路径C:\\temp打不开"),
                            QStringLiteral("排队等候两个小时")};
    for (const QString& t : texts) {
        CaseDraft draft = Fixtures::anonymousDraft(repos, t);
        draft.facts.clear(); // only the complaint text speaks in the checks below
        QINGTING_VERIFY_OK(cases.create(draft));
    }

    const struct
    {
        QString term;
        int expected;
    } checks[] = {
        {QStringLiteral("态度"), 2},
        {QStringLiteral("收"), 1},
        {QStringLiteral("故"), 1},
        {QStringLiteral("服务态度生硬"), 1},
        {QStringLiteral("%"), 1},
        {QStringLiteral("100%"), 1},
        {QStringLiteral("_"), 1},
        {QStringLiteral("a_b"), 1},
        {QStringLiteral("a%b"), 0},
        {QStringLiteral("\\"), 1},
        {QStringLiteral("mixed case"), 1},
        {QStringLiteral("不存在的词"), 0},
        {QStringLiteral("QT-20260302-0003"), 1},
        {QStringLiteral("0302-000"), 9},
        {QStringLiteral("20260302"), 9},
        {QStringLiteral("qt-"), 9},
        {QStringLiteral("度还"), 1},
        {QStringLiteral("度 还"), 0},
        {QStringLiteral("  态度  "), 2},
    };
    for (const auto& check : checks) {
        CaseQuery query;
        query.text = check.term;
        const auto page = cases.list(query);
        QINGTING_VERIFY_OK(page);
        QVERIFY2(page->cases.size() == check.expected, qPrintable(QStringLiteral("\"%1\": %2 cases, expected %3")
                                                                      .arg(check.term)
                                                                      .arg(page->cases.size())
                                                                      .arg(check.expected)));
        QCOMPARE(cases.count(query)->value, qint64(check.expected));
        for (const Case& c : page->cases) {
            const QString needle = check.term.trimmed();
            QVERIFY(c.complaintText.contains(needle, Qt::CaseInsensitive) ||
                    c.caseNo.contains(needle, Qt::CaseInsensitive));
        }
    }

    // Facts, impact and steps are searched too (and only list columns come back: the long texts stay behind).
    CaseDraft confirmed = Fixtures::anonymousDraft(repos, QStringLiteral("窗口关闭太早"));
    confirmed.facts = QStringLiteral("下午四点半窗口已无人");
    confirmed.impact = QStringLiteral("白跑一趟误工半天");
    confirmed.steps = QStringLiteral("调整午休排班并电话致歉");
    QINGTING_VERIFY_OK(cases.create(confirmed));
    for (const QString& term :
         {QStringLiteral("四点半"), QStringLiteral("误工"), QStringLiteral("排班"), QStringLiteral("歉")}) {
        CaseQuery query;
        query.text = term;
        const auto page = cases.list(query);
        QINGTING_VERIFY_OK(page);
        QCOMPARE(page->cases.size(), 1);
        QCOMPARE(page->cases.constFirst().complaintText, QStringLiteral("窗口关闭太早"));
        QVERIFY(page->cases.constFirst().facts.isEmpty());
        QCOMPARE(cases.count(query)->value, qint64(1));
    }

    CaseQuery combined;
    combined.text = QStringLiteral("态度");
    combined.statuses = {CaseStatus::Acknowledged};
    QCOMPARE(cases.count(combined)->value, qint64(0));
    const auto first = repos.cases->findByNumber(QStringLiteral("QT-20260302-0001"));
    QINGTING_VERIFY_OK(cases.perform(first->id, {CaseAction::Acknowledge}));
    QCOMPARE(cases.count(combined)->value, qint64(1));
}

/** An emptied index marked for rebuilding is rebuilt on open and finds what it found before; writes go on. */
void TestRepositories::searchIndexRebuild()
{
    QINGTING_TEST_DATABASE(scratch);
    const QStringList terms{QStringLiteral("态度"), QStringLiteral("a9"), QStringLiteral("\U00020000好"),
                            QStringLiteral("办理"), QStringLiteral("qt-2026")};
    const auto idsFound = [&terms](CaseService& cases) {
        QList<QList<qint64>> found;
        for (const QString& term : terms) {
            CaseQuery query;
            query.text = term;
            const auto page = cases.list(query);
            QList<qint64> ids;
            if (page) {
                for (const Case& c : page->cases) {
                    ids << c.id;
                }
            }
            std::sort(ids.begin(), ids.end());
            found << ids;
        }
        return found;
    };
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    QList<QList<qint64>> before;
    {
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        CaseService cases(Session::commandLine(), repos, clock);
        for (const QString& t : {QStringLiteral("服务态度生硬"), QStringLiteral("车牌苏A95834无法办理"),
                                 QStringLiteral("生僻字\U00020000好不显示"), QStringLiteral("态度好，办理快")}) {
            CaseDraft draft = Fixtures::anonymousDraft(repos, t);
            draft.facts.clear(); // only the complaint text speaks
            QINGTING_VERIFY_OK(cases.create(draft));
        }
        before = idsFound(cases);
    }
    QCOMPARE(before.at(0).size(), 2);
    QCOMPARE(before.at(1).size(), 1);
    QCOMPARE(before.at(2).size(), 1);
    QCOMPARE(before.at(3).size(), 2);
    QCOMPARE(before.at(4).size(), 4);
    {
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        const QString emptied =
            scratch.isPostgres()
                ? raw.exec(QStringLiteral("UPDATE cases SET search_grams = '{}'"))
                : raw.exec(QStringLiteral("INSERT INTO case_search (case_search) VALUES ('delete-all')"));
        QVERIFY2(emptied.isEmpty(), qPrintable(emptied));
        const QString marked =
            raw.exec(QStringLiteral("UPDATE qingting_meta SET value = 'rebuild' WHERE key = 'search_index'"));
        QVERIFY2(marked.isEmpty(), qPrintable(marked));
    }
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    CaseService cases(Session::commandLine(), repos, clock);
    QCOMPARE(idsFound(cases), before);

    // Changing a case after the rebuild replaces its grams.
    auto changed = repos.cases->findByNumber(QStringLiteral("QT-20260302-0001"));
    QINGTING_VERIFY_OK(changed);
    changed->complaintText = QStringLiteral("排队等候两个小时");
    QINGTING_VERIFY_OK(repos.cases->update(*changed));
    CaseQuery query;
    query.text = QStringLiteral("态度生硬");
    QCOMPARE(cases.count(query)->value, qint64(0));
    query.text = QStringLiteral("等候");
    QCOMPARE(cases.count(query)->value, qint64(1));
}

void TestRepositories::timelineAndFollowUps()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const Session supervisor = Fixtures::addUser(repos, QStringLiteral("zhou"), Role::Supervisor);
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(supervisor, repos, clock);

    const auto created = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("窗口人员态度生硬")));
    QINGTING_VERIFY_OK(created);
    const qint64 id = created->id;
    const qint64 newDepartment = Fixtures::referenceId(repos, ReferenceKind::Department, QStringLiteral("督查考核科"));

    struct Step
    {
        CaseCommand command;
        CaseEventKind kind;
        CaseStatus to;
    };
    CaseCommand transfer{CaseAction::Transfer, QStringLiteral("涉及作风问题")};
    transfer.departmentId = newDepartment;
    CaseCommand followUp{CaseAction::FollowUp, QStringLiteral("市民表示满意")};
    followUp.rating = 4;
    followUp.nps = 9;
    followUp.method = FollowUpMethod::Sms;
    const QList<Step> steps{
        {{CaseAction::Acknowledge}, CaseEventKind::Acknowledged, CaseStatus::Acknowledged},
        {{CaseAction::Start}, CaseEventKind::Started, CaseStatus::InProgress},
        {transfer, CaseEventKind::Transferred, CaseStatus::InProgress},
        {{CaseAction::AddNote, QStringLiteral("已电话联系")}, CaseEventKind::NoteAdded, CaseStatus::InProgress},
        {{CaseAction::Resolve, QStringLiteral("当面致歉并加急办理")}, CaseEventKind::Resolved, CaseStatus::Resolved},
        {followUp, CaseEventKind::FollowedUp, CaseStatus::FollowedUp},
        {{CaseAction::Close}, CaseEventKind::Closed, CaseStatus::Closed},
    };
    QList<QDateTime> times{created->receivedAt};
    for (const Step& step : steps) {
        clock.advanceSeconds(600);
        const auto after = cases.perform(id, step.command);
        QINGTING_VERIFY_OK(after);
        QCOMPARE(after->status, step.to);
        times << clock.now();
    }

    const auto timeline = cases.timeline(id);
    QINGTING_VERIFY_OK(timeline);
    QCOMPARE(timeline->size(), steps.size() + 1);
    QCOMPARE(timeline->at(0).kind, CaseEventKind::Created);
    QVERIFY(!timeline->at(0).fromStatus.has_value());
    QCOMPARE(timeline->at(0).toStatus, std::optional<CaseStatus>(CaseStatus::Received));
    CaseStatus previous = CaseStatus::Received;
    for (qsizetype i = 0; i < timeline->size(); ++i) {
        const CaseEvent& e = timeline->at(i);
        QCOMPARE(e.caseId, id);
        QCOMPARE(e.actor.id, supervisor.userId());
        QCOMPARE(e.actor.name, supervisor.displayName());
        QCOMPARE(e.at, times.at(i));
        if (i > 0) {
            QVERIFY(e.id > timeline->at(i - 1).id);
            QCOMPARE(e.kind, steps.at(i - 1).kind);
            QCOMPARE(e.fromStatus, std::optional<CaseStatus>(previous));
            QCOMPARE(e.toStatus, std::optional<CaseStatus>(steps.at(i - 1).to));
            previous = steps.at(i - 1).to;
        }
    }
    QVERIFY(timeline->at(3).note.contains(QStringLiteral("督查考核科")));
    QVERIFY(timeline->at(3).note.contains(QStringLiteral("涉及作风问题")));
    QCOMPARE(timeline->at(4).note, QStringLiteral("已电话联系"));

    const auto followUps = repos.cases->followUps(id);
    QINGTING_VERIFY_OK(followUps);
    QCOMPARE(followUps->size(), 1);
    const FollowUp& f = followUps->constFirst();
    QCOMPARE(f.caseId, id);
    QCOMPARE(f.method, FollowUpMethod::Sms);
    QCOMPARE(f.rating, 4);
    QCOMPARE(f.nps, std::optional<int>(9));
    QCOMPARE(f.note, QStringLiteral("市民表示满意"));
    QCOMPARE(f.actor.id, supervisor.userId());
    QCOMPARE(f.at, times.at(6));

    const auto closed = cases.get(id);
    QCOMPARE(closed->rating, std::optional<int>(4));
    QCOMPARE(closed->nps, std::optional<int>(9));
    QCOMPARE(closed->transferCount, 1);
    QCOMPARE(closed->department.id, newDepartment);
    QCOMPARE(closed->acknowledgedAt, times.at(1));
    QCOMPARE(closed->resolvedAt, times.at(5));
    QCOMPARE(closed->answeredAt, times.at(5));
    QCOMPARE(closed->followedUpAt, times.at(6));
    QCOMPARE(closed->closedAt, times.at(7));
    QCOMPARE(closed->version, int(steps.size()));

    RawConnection raw(scratch);
    const auto actions = raw.rows(QStringLiteral("SELECT action, actor, actor_id FROM audit_log WHERE entity = 'case' "
                                                 "ORDER BY seq"));
    const QStringList expectedActions{QStringLiteral("case.create"),    QStringLiteral("case.acknowledge"),
                                      QStringLiteral("case.start"),     QStringLiteral("case.transfer"),
                                      QStringLiteral("case.note"),      QStringLiteral("case.resolve"),
                                      QStringLiteral("case.follow_up"), QStringLiteral("case.close")};
    QCOMPARE(actions.size(), expectedActions.size());
    for (qsizetype i = 0; i < actions.size(); ++i) {
        QCOMPARE(actions.at(i).at(0).toString(), expectedActions.at(i));
        QCOMPARE(actions.at(i).at(1).toString(), QStringLiteral("zhou"));
        QCOMPARE(actions.at(i).at(2).toLongLong(), supervisor.userId());
    }
}

void TestRepositories::staleVersionConflicts()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(Session::commandLine(), repos, clock);
    const auto stale = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("等候时间过长")));
    QINGTING_VERIFY_OK(stale);
    QCOMPARE(stale->version, 0);
    const auto fresh = cases.perform(stale->id, {CaseAction::Acknowledge});
    QINGTING_VERIFY_OK(fresh);
    QCOMPARE(fresh->version, 1);

    Case overwrite = *stale;
    overwrite.complaintText = QStringLiteral("被覆盖的内容");
    const Status conflict = repos.cases->update(overwrite);
    QVERIFY(!conflict.ok());
    QCOMPARE(conflict.error().code, Error::Code::Conflict);
    QVERIFY(conflict.error().message.contains(stale->caseNo));
    const auto unchanged = cases.get(stale->id);
    QCOMPARE(unchanged->status, CaseStatus::Acknowledged);
    QCOMPARE(unchanged->complaintText, stale->complaintText);
    QCOMPARE(unchanged->version, 1);

    Case current = *fresh;
    current.facts = QStringLiteral("核实：等候95分钟");
    QINGTING_VERIFY_OK(repos.cases->update(current));
    QCOMPARE(cases.get(stale->id)->version, 2);
    QCOMPARE(cases.get(stale->id)->facts, QStringLiteral("核实：等候95分钟"));
    QCOMPARE(repos.cases->update(current).error().code, Error::Code::Conflict);
}

void TestRepositories::holidayCalendar()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    CalendarRepository& repo = *db->repositories().calendar;
    const auto calendar = repo.load();
    QINGTING_VERIFY_OK(calendar);
    QCOMPARE(calendar->years(), (QList<int>{2025, 2026}));
    QVERIFY(calendar->isWorkingDay(QDate(2026, 2, 14))); // Saturday, 春节调休上班
    QVERIFY(!calendar->isWorkingDay(QDate(2026, 10, 1)));
    QVERIFY(calendar->isWorkingDay(QDate(2026, 10, 10)));
    QVERIFY(calendar->isWorkingDay(QDate(2026, 3, 2)));
    QVERIFY(!calendar->isWorkingDay(QDate(2026, 3, 7)));
    QVERIFY(calendar->isWorkingDay(QDate(2025, 1, 26)));
    QVERIFY(!calendar->covers(QDate(2027, 1, 4)));
    QCOMPARE(*calendar->addWorkingDays(at(QStringLiteral("2026-09-30 10:00")), 3),
             at(QStringLiteral("2026-10-10 23:59:59")));
    QVERIFY(!calendar->addWorkingDays(at(QStringLiteral("2026-12-30 10:00")), 5).ok());

    // The built-in rows are exactly the shipped calendar files.
    for (const int year : {2025, 2026}) {
        QFile csv(QStringLiteral(QINGTING_TEST_DATA_DIR "/calendars/cn-holidays-%1.csv").arg(year));
        QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(csv.fileName()));
        const auto expected = WorkCalendar::parseCsv(csv.readAll());
        QINGTING_VERIFY_OK(expected);
        const auto stored = repo.days(year);
        QINGTING_VERIFY_OK(stored);
        QCOMPARE(stored->size(), expected->size());
        for (qsizetype i = 0; i < stored->size(); ++i) {
            QCOMPARE(stored->at(i).date, expected->at(i).date);
            QCOMPARE(stored->at(i).kind, expected->at(i).kind);
            QCOMPARE(stored->at(i).name, expected->at(i).name);
        }
    }

    const qsizetype days2025 = repo.days(2025)->size();
    const QList<CalendarDay> replacement{
        {QDate(2026, 10, 1), CalendarDay::Kind::Holiday, QStringLiteral("国庆节")},
        {QDate(2026, 10, 2), CalendarDay::Kind::Holiday, QStringLiteral("国庆节")},
        {QDate(2027, 1, 1), CalendarDay::Kind::Holiday, QStringLiteral("元旦")},
        {QDate(2027, 2, 6), CalendarDay::Kind::Workday, QStringLiteral("春节调休上班")},
    };
    QINGTING_VERIFY_OK(repo.replaceYears(replacement));
    QCOMPARE(repo.days(2026)->size(), 2);
    QCOMPARE(repo.days(2027)->size(), 2);
    QCOMPARE(repo.days(2025)->size(), days2025);
    const auto reloaded = repo.load();
    QCOMPARE(reloaded->years(), (QList<int>{2025, 2026, 2027}));
    QVERIFY(!reloaded->isWorkingDay(QDate(2026, 2, 14))); // the make-up day of the old 2026 rows is gone
    QVERIFY(!reloaded->isWorkingDay(QDate(2026, 10, 2)));
    QVERIFY(reloaded->isWorkingDay(QDate(2027, 2, 6)));
    QVERIFY(!reloaded->isWorkingDay(QDate(2027, 1, 1)));
}

void TestRepositories::failedCreateLeavesNothing()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService cases(Session::commandLine(), repos, clock);
    RawConnection raw(scratch);
    const QString before = raw.dump();

    CaseDraft badCategory = Fixtures::citizenDraft(repos, QStringLiteral("类别不存在"));
    badCategory.categoryId = 987654;
    const auto refused = cases.create(badCategory);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Invalid);
    QVERIFY(refused.error().message.contains(QLatin1String("category")));

    CaseDraft badPhone = Fixtures::citizenDraft(repos, QStringLiteral("电话号码不对"));
    badPhone.citizen.phone = QStringLiteral("12345");
    QCOMPARE(cases.create(badPhone).error().code, Error::Code::Invalid);
    QCOMPARE(cases.create(Fixtures::citizenDraft(repos, QStringLiteral("   "))).error().code, Error::Code::Invalid);
    QCOMPARE(raw.dump(), before);

    // A failure half-way through the transaction (the audit head is gone, so the audit entry cannot be written
    // after the counter, the citizen, the case and its event were): everything is rolled back.
    const QVariantList head = raw.rows(QStringLiteral("SELECT id, last_seq, last_hash, legacy_until, key_id, head_mac "
                                                      "FROM audit_head"))
                                  .value(0);
    QCOMPARE(head.size(), 6);
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM audit_head")), QString());
    const QString sabotaged = raw.dump();
    const auto failed = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("写到一半失败")));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, Error::Code::Storage);
    QCOMPARE(raw.dump(), sabotaged);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases")).toInt(), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM citizens")).toInt(), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM case_counters")).toInt(), 0);

    QCOMPARE(raw.exec(QStringLiteral("INSERT INTO audit_head (id, last_seq, last_hash, legacy_until, key_id, head_mac) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      head),
             QString());
    QCOMPARE(raw.dump(), before);
    const auto works = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("恢复之后")));
    QINGTING_VERIFY_OK(works);
    QCOMPARE(works->caseNo, QStringLiteral("QT-20260302-0001"));
    const auto verified = AuditService(Session::commandLine(), repos).verify();
    QINGTING_VERIFY_OK(verified);
    QVERIFY(verified->ok);
    QCOMPARE(verified->entriesChecked, 1);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
