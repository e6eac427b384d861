// The improvement register (整改台账, issue 14, helper "register") on a real database: ImprovementService writes the
// action, its linked cases, its 5 whys and fishbone and the audit entries together; permissions, validation and
// stale copies are refused; status changes (done sets done_at, reopen clears it); overdue; the effect check's
// numbers on a small fixture computed by hand; the register's list and the effect read use their indexes.

#include "Database.h"
#include "SqlCaseRepository.h"
#include "SqlImprovementRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "dashboard/Dashboard.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/ImprovementService.h"

#include <QRegularExpression>
#include <QTest>

using Fixtures::at;

namespace {
const QDateTime kNow = at(QStringLiteral("2026-03-02 10:00"));

qint64 ref(const Repositories& repos, ReferenceKind kind, const char* name)
{
    return Fixtures::referenceId(repos, kind, QString::fromUtf8(name));
}

/** A case inserted straight through the repository: received at `received`, with category, item and rating. */
qint64 addCase(const Repositories& repos, const QDateTime& received, qint64 categoryId, qint64 itemId,
               std::optional<int> rating = std::nullopt)
{
    Case c;
    c.receivedAt = received;
    c.caseNo = *repos.cases->allocateCaseNo(received.date());
    c.status = rating ? CaseStatus::Closed : CaseStatus::InProgress;
    c.createdBy = {0, QStringLiteral("cli")};
    c.complaintText = QStringLiteral("窗口排队时间过长");
    c.updatedAt = received;
    c.dueAt = received.addDays(2);
    c.category.id = categoryId;
    c.serviceItem.id = itemId;
    c.rating = rating;
    if (rating) {
        c.acknowledgedAt = received.addSecs(600);
        c.resolvedAt = received.addSecs(3600);
        c.closedAt = received.addSecs(7200);
    }
    const auto id = repos.cases->insert(c);
    return id ? *id : 0;
}

ImprovementDraft draft(const Repositories& repos)
{
    ImprovementDraft d;
    d.title = QStringLiteral("  优化社保窗口叫号流程  ");
    d.description = QStringLiteral("高峰期增开窗口，材料预审");
    d.ownerDepartmentId = ref(repos, ReferenceKind::Department, "综合受理科");
    d.deadline = QDate(2026, 3, 31);
    d.categoryId = ref(repos, ReferenceKind::Category, "服务态度");
    d.serviceItemId = ref(repos, ReferenceKind::ServiceItem, "社保业务");
    return d;
}

int auditCount(RawConnection& raw, const char* action, qint64 id)
{
    return raw
        .scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity = 'improvement' AND "
                               "entity_id = ?"),
                {QString::fromLatin1(action), id})
        .toInt();
}

/**
 * Whether the plan reads the table through `index` (SQLite: "USING INDEX x", PostgreSQL: "Index Scan using x") and
 * never scans a whole table.
 */
bool uses(const QStringList& plan, const QString& index)
{
    static const QRegularExpression fullScan(QStringLiteral("Seq Scan|^SCAN \\w+$"));
    bool found = false;
    for (const QString& line : plan) {
        found = found || line.contains(index);
        if (fullScan.match(line).hasMatch()) {
            return false;
        }
    }
    return found;
}
} // namespace

class TestImprovementService : public QObject
{
    Q_OBJECT

private slots:
    void createAndRead_data() { TestDatabase::addBackendRows(); }
    void createAndRead();
    void permissions_data() { TestDatabase::addBackendRows(); }
    void permissions();
    void validation_data() { TestDatabase::addBackendRows(); }
    void validation();
    void versionConflict_data() { TestDatabase::addBackendRows(); }
    void versionConflict();
    void statusAndOverdue_data() { TestDatabase::addBackendRows(); }
    void statusAndOverdue();
    void analysisSaved_data() { TestDatabase::addBackendRows(); }
    void analysisSaved();
    void fromAlert_data() { TestDatabase::addBackendRows(); }
    void fromAlert();
    void fromCase_data() { TestDatabase::addBackendRows(); }
    void fromCase();
    void effectCheck_data() { TestDatabase::addBackendRows(); }
    void effectCheck();
    void plansUseIndexes_data() { TestDatabase::addBackendRows(); }
    void plansUseIndexes();
};

void TestImprovementService::createAndRead()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    const qint64 cat = ref(repos, ReferenceKind::Category, "服务态度");
    const qint64 item = ref(repos, ReferenceKind::ServiceItem, "社保业务");
    const qint64 c1 = addCase(repos, kNow.addDays(-3), cat, item);
    const qint64 c2 = addCase(repos, kNow.addDays(-2), cat, item);

    ImprovementService service(boss, repos, clock);
    ImprovementDraft d = draft(repos);
    d.caseIds = {c2, c1, c2};
    const auto created = service.create(d);
    QINGTING_VERIFY_OK(created);
    QCOMPARE(created->title, QStringLiteral("优化社保窗口叫号流程"));
    QCOMPARE(created->owner.name, QStringLiteral("综合受理科"));
    QCOMPARE(created->deadline, QDate(2026, 3, 31));
    QCOMPARE(created->status, ImprovementStatus::Open);
    QCOMPARE(created->category.name, QStringLiteral("服务态度"));
    QCOMPARE(created->serviceItem.name, QStringLiteral("社保业务"));
    QCOMPARE(created->source, ImprovementSource::Manual);
    QCOMPARE(created->createdAt, kNow);
    QCOMPARE(created->createdBy.name, QStringLiteral("ma 同志"));
    QCOMPARE(created->version, 1);
    QCOMPARE(created->linkedCases, 2);
    QVERIFY(!created->doneAt.isValid());

    const auto detail = service.detail(created->id);
    QINGTING_VERIFY_OK(detail);
    QCOMPARE(detail->cases.size(), 2);
    QCOMPARE(detail->cases.at(0).caseId, c1); // in received order
    QCOMPARE(detail->cases.at(1).category, QStringLiteral("服务态度"));

    RawConnection raw(scratch);
    QCOMPARE(auditCount(raw, "improvement.create", created->id), 1);

    // Unlink one case, link it again by its number.
    const QString no2 = detail->cases.at(1).caseNo;
    const auto unlinked = service.unlinkCase(created->id, created->version, c2);
    QINGTING_VERIFY_OK(unlinked);
    QCOMPARE(unlinked->linkedCases, 1);
    QCOMPARE(unlinked->version, 2);
    const auto relinked = service.linkCaseNo(created->id, unlinked->version, no2);
    QINGTING_VERIFY_OK(relinked);
    QCOMPARE(relinked->linkedCases, 2);
    QCOMPARE(auditCount(raw, "improvement.unlink_case", created->id), 1);
    QCOMPARE(auditCount(raw, "improvement.link_case", created->id), 1);
    const auto unknown = service.linkCaseNo(created->id, relinked->version, QStringLiteral("QT-20990101-0001"));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, Error::Code::Invalid);
    QCOMPARE(unknown.error().message, QStringLiteral("There is no case QT-20990101-0001."));
}

void TestImprovementService::permissions()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session admin = Fixtures::addUser(repos, QStringLiteral("root"), Role::Admin);
    const auto created = ImprovementService(boss, repos, clock).create(draft(repos));
    QINGTING_VERIFY_OK(created);

    for (const Session& s : {clerk, admin}) {
        ImprovementService service(s, repos, clock);
        QVERIFY(!service.mayRead());
        QVERIFY(!service.mayWrite());
        const auto created2 = service.create(draft(repos));
        QVERIFY(!created2);
        QCOMPARE(created2.error().code, Error::Code::PermissionDenied);
        const auto listed = service.list({});
        QVERIFY(!listed);
        QCOMPARE(listed.error().code, Error::Code::PermissionDenied);
        const auto status = service.setStatus(created->id, created->version, ImprovementStatus::Done);
        QVERIFY(!status);
        QCOMPARE(status.error().code, Error::Code::PermissionDenied);
        const auto effect = service.effect(created->id);
        QVERIFY(!effect);
        QCOMPARE(effect.error().code, Error::Code::PermissionDenied);
    }
    // Nothing was written by them: one action, one audit entry.
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM improvement_actions")).toInt(), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'improvement'")).toInt(), 1);

    // A supervisor demoted after logging in is stopped at the next write.
    const qint64 bossId = boss.userId();
    QCOMPARE(raw.exec(QStringLiteral("UPDATE users SET role = 'clerk' WHERE id = ?"), {bossId}), QString());
    const auto late = ImprovementService(boss, repos, clock).setStatus(created->id, 1, ImprovementStatus::Done);
    QVERIFY(!late);
    QCOMPARE(late.error().code, Error::Code::SessionEnded);
}

void TestImprovementService::validation()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    ImprovementService service(boss, repos, clock);

    const auto refused = [&](ImprovementDraft d, const QString& message) {
        const auto r = service.create(d);
        if (r) {
            return QStringLiteral("accepted");
        }
        return r.error().code == Error::Code::Invalid && r.error().message == message
                   ? QString()
                   : QStringLiteral("%1: %2").arg(int(r.error().code)).arg(r.error().message);
    };
    ImprovementDraft d = draft(repos);
    d.title = QStringLiteral("   ");
    QCOMPARE(refused(d, QStringLiteral("Give the action a title.")), QString());
    d = draft(repos);
    d.title = QString(Improvements::kMaxTitleChars + 1, QChar(u'长'));
    QCOMPARE(refused(d, QStringLiteral("The title is longer than 200 characters.")), QString());
    d = draft(repos);
    d.ownerDepartmentId = 0;
    QCOMPARE(refused(d, QStringLiteral("Choose the department that owns the action.")), QString());
    d = draft(repos);
    d.ownerDepartmentId = 987654;
    QCOMPARE(refused(d, QStringLiteral("The chosen department does not exist or is no longer active.")), QString());
    d = draft(repos);
    d.deadline = QDate();
    QCOMPARE(refused(d, QStringLiteral("Set the action's deadline.")), QString());
    d = draft(repos);
    d.caseIds = {424242};
    QCOMPARE(refused(d, QStringLiteral("Case 424242 does not exist.")), QString());
    d = draft(repos);
    for (int i = 0; i <= Improvements::kMaxWhys; ++i) {
        d.whys.whys.append({QStringLiteral("为什么%1？").arg(i), QStringLiteral("因为")});
    }
    QCOMPARE(refused(d, QStringLiteral("The chain has more than 7 whys.")), QString());
    d = draft(repos);
    d.whys.whys = {{QString(), QStringLiteral("只有答案")}};
    QCOMPARE(refused(d, QStringLiteral("Why 1 has an answer but no question.")), QString());
    d = draft(repos);
    d.fishbone.causes(FishboneBranch::People).append({QStringLiteral("培训不足"), {}});
    QCOMPARE(refused(d, QStringLiteral("Name the problem at the head of the fishbone.")), QString());
    d = draft(repos);
    d.fishbone.problem = QStringLiteral("排队时间长");
    for (int i = 0; i <= Improvements::kMaxCausesPerBranch; ++i) {
        d.fishbone.causes(FishboneBranch::Method).append({QStringLiteral("原因%1").arg(i), {}});
    }
    QCOMPARE(refused(d, QStringLiteral("The bone Methods and process (法) has more than 12 causes.")), QString());

    // Empty causes and whys are dropped, not refused: blank rows of the editors.
    d = draft(repos);
    d.fishbone.causes(FishboneBranch::People).append({QStringLiteral("  "), {}});
    d.whys.whys = {{QStringLiteral(" "), QStringLiteral(" ")}};
    const auto ok = service.create(d);
    QINGTING_VERIFY_OK(ok);
    const auto detail = service.detail(ok->id);
    QINGTING_VERIFY_OK(detail);
    QVERIFY(detail->whys.isEmpty());
    QVERIFY(detail->fishbone.isEmpty());
    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM improvement_actions")).toInt(), 1);
}

void TestImprovementService::versionConflict()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session ma = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    const Session zhu = Fixtures::addUser(repos, QStringLiteral("zhu"), Role::Supervisor);
    const auto created = ImprovementService(ma, repos, clock).create(draft(repos));
    QINGTING_VERIFY_OK(created);

    ImprovementDraft edit = draft(repos);
    edit.title = QStringLiteral("增开社保高峰窗口");
    const auto first = ImprovementService(zhu, repos, clock).update(created->id, created->version, edit);
    QINGTING_VERIFY_OK(first);
    QCOMPARE(first->version, 2);
    QCOMPARE(first->title, QStringLiteral("增开社保高峰窗口"));

    // ma still holds version 1.
    edit.title = QStringLiteral("另一个标题");
    const auto stale = ImprovementService(ma, repos, clock).update(created->id, created->version, edit);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    QVERIFY(stale.error().message.contains(QStringLiteral("was changed by someone else")));
    const auto staleStatus =
        ImprovementService(ma, repos, clock).setStatus(created->id, created->version, ImprovementStatus::Done);
    QVERIFY(!staleStatus);
    QCOMPARE(staleStatus.error().code, Error::Code::Conflict);
    const auto now = ImprovementService(ma, repos, clock).find(created->id);
    QINGTING_VERIFY_OK(now);
    QCOMPARE(now->title, QStringLiteral("增开社保高峰窗口"));
    QCOMPARE(now->version, 2);
    RawConnection raw(scratch);
    QCOMPARE(auditCount(raw, "improvement.update", created->id), 1);
}

void TestImprovementService::statusAndOverdue()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    ImprovementService service(boss, repos, clock);
    // Deadlines: Feb 20 (overdue), Mar 1 (overdue), Mar 2 (today: not overdue), Mar 31.
    QList<ImprovementAction> actions;
    for (const QDate& deadline : {QDate(2026, 3, 31), QDate(2026, 3, 1), QDate(2026, 3, 2), QDate(2026, 2, 20)}) {
        ImprovementDraft d = draft(repos);
        d.title = QStringLiteral("措施 %1").arg(deadline.toString(Qt::ISODate));
        d.deadline = deadline;
        const auto a = service.create(d);
        QINGTING_VERIFY_OK(a);
        actions.append(*a);
    }
    auto overdue = service.overdue(kNow.date());
    QINGTING_VERIFY_OK(overdue);
    QCOMPARE(overdue->size(), 2);
    QCOMPARE(overdue->at(0).deadline, QDate(2026, 2, 20)); // soonest first
    QCOMPARE(overdue->at(1).deadline, QDate(2026, 3, 1));
    QVERIFY(overdue->at(0).isOverdue(kNow.date()));
    QVERIFY(!actions.at(2).isOverdue(kNow.date()));

    // Done: done_at set, no longer overdue; in progress stays overdue.
    clock.advanceSeconds(3600);
    const auto done = service.setStatus(actions.at(3).id, actions.at(3).version, ImprovementStatus::Done);
    QINGTING_VERIFY_OK(done);
    QCOMPARE(done->status, ImprovementStatus::Done);
    QCOMPARE(done->doneAt, kNow.addSecs(3600));
    const auto started = service.setStatus(actions.at(1).id, actions.at(1).version, ImprovementStatus::InProgress);
    QINGTING_VERIFY_OK(started);
    overdue = service.overdue(kNow.date());
    QINGTING_VERIFY_OK(overdue);
    QCOMPARE(overdue->size(), 1);
    QCOMPARE(overdue->at(0).id, actions.at(1).id);

    // Reopen clears done_at; the same status twice is refused.
    const auto reopened = service.setStatus(done->id, done->version, ImprovementStatus::Open);
    QINGTING_VERIFY_OK(reopened);
    QVERIFY(!reopened->doneAt.isValid());
    const auto twice = service.setStatus(done->id, reopened->version, ImprovementStatus::Open);
    QVERIFY(!twice);
    QCOMPARE(twice.error().message, QStringLiteral("The action is already \"Open\"."));

    // Filters: by status, active only.
    ImprovementFilter f;
    f.status = ImprovementStatus::InProgress;
    auto listed = service.list(f);
    QINGTING_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    const auto cancelled = service.setStatus(actions.at(0).id, actions.at(0).version, ImprovementStatus::Cancelled);
    QINGTING_VERIFY_OK(cancelled);
    f = {};
    f.activeOnly = true;
    listed = service.list(f);
    QINGTING_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 3);
    RawConnection raw(scratch);
    QCOMPARE(auditCount(raw, "improvement.status", done->id), 2);
}

void TestImprovementService::analysisSaved()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    ImprovementService service(boss, repos, clock);
    const auto created = service.create(draft(repos));
    QINGTING_VERIFY_OK(created);

    FiveWhys whys;
    whys.whys = {{QStringLiteral("为什么群众等候超过一小时？"), QStringLiteral("叫号后材料不齐退回重排")},
                 {QStringLiteral("为什么材料不齐？"), QStringLiteral("一次性告知单没有更新")},
                 {QStringLiteral("为什么告知单没有更新？"), QStringLiteral("政策变更没有通知窗口")}};
    whys.rootCause = QStringLiteral("政策变更缺少传达机制");
    whys.countermeasure = QStringLiteral("建立政策变更当日通报制度");
    const auto w = service.saveWhys(created->id, created->version, whys);
    QINGTING_VERIFY_OK(w);
    QCOMPARE(w->version, 2);
    QCOMPARE(w->rootCause, whys.rootCause);

    Fishbone fish;
    fish.problem = QStringLiteral("社保窗口等候时间长");
    fish.causes(FishboneBranch::People).append({QStringLiteral("新人业务不熟"), {QStringLiteral("缺少带教")}});
    fish.causes(FishboneBranch::People).append({QStringLiteral("午休无人顶岗"), {}});
    fish.causes(FishboneBranch::Machine)
        .append({QStringLiteral("叫号系统故障"), {QStringLiteral("网络不稳"), QStringLiteral("打印机卡纸")}});
    fish.causes(FishboneBranch::Measurement).append({QStringLiteral("没有统计等候时间"), {}});
    const auto f = service.saveFishbone(created->id, w->version, fish);
    QINGTING_VERIFY_OK(f);
    QCOMPARE(f->version, 3);

    const auto detail = service.detail(created->id);
    QINGTING_VERIFY_OK(detail);
    QCOMPARE(detail->whys, whys);
    QCOMPARE(detail->fishbone, fish);
    RawConnection raw(scratch);
    QCOMPARE(auditCount(raw, "improvement.whys", created->id), 1);
    QCOMPARE(auditCount(raw, "improvement.fishbone", created->id), 1);

    // Saving the same again writes nothing; removing a cause replaces the bone's causes.
    ImprovementDraft same = draft(repos);
    same.whys = whys;
    same.fishbone = fish;
    const auto unchanged = service.save(created->id, f->version, same);
    QINGTING_VERIFY_OK(unchanged);
    QCOMPARE(unchanged->version, 3);
    same.fishbone.causes(FishboneBranch::Machine).clear();
    const auto pruned = service.save(created->id, f->version, same);
    QINGTING_VERIFY_OK(pruned);
    QCOMPARE(pruned->version, 4);
    const auto after = service.detail(created->id);
    QINGTING_VERIFY_OK(after);
    QCOMPARE(after->fishbone.causeCount(), 3);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM improvement_causes")).toInt(), 4); // 3 causes + 1 sub
    QCOMPARE(auditCount(raw, "improvement.fishbone", created->id), 2);
}

void TestImprovementService::fromAlert()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    const qint64 cat = ref(repos, ReferenceKind::Category, "服务态度");
    const qint64 item = ref(repos, ReferenceKind::ServiceItem, "社保业务");
    Dashboard::SystemicAlert alert;
    alert.categoryId = cat;
    alert.category = QStringLiteral("服务态度");
    alert.serviceItemId = item;
    alert.serviceItem = QStringLiteral("社保业务");
    alert.windowFrom = QDate(2026, 2, 24);
    alert.windowTo = QDate(2026, 3, 2);
    for (int i = 0; i < 3; ++i) {
        alert.caseIds.append(addCase(repos, kNow.addDays(-i), cat, item));
    }
    const auto created = ImprovementService(boss, repos, clock)
                             .createFromAlert(alert, ref(repos, ReferenceKind::Department, "综合受理科"), QDate());
    QINGTING_VERIFY_OK(created);
    QCOMPARE(created->title, QStringLiteral("服务态度 · 社保业务: 3 repeated complaint(s)"));
    QCOMPARE(created->source, ImprovementSource::Alert);
    QCOMPARE(created->category.id, cat);
    QCOMPARE(created->serviceItem.id, item);
    QCOMPARE(created->linkedCases, 3);
    QCOMPARE(created->deadline, QDate(2026, 4, 1)); // 30 days after today
    QCOMPARE(created->problem, created->title);

    // What the dialog lists before the save: the alert's cases by number; an unknown id is refused.
    ImprovementService service(boss, repos, clock);
    const auto listed = service.casesByIds(alert.caseIds);
    QINGTING_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 3);
    QCOMPARE(listed->at(0).caseNo, repos.cases->find(alert.caseIds.at(0))->caseNo);
    QCOMPARE(listed->at(2).category, QStringLiteral("服务态度"));
    const auto unknown = service.casesByIds({alert.caseIds.at(0), 987654});
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().message, QStringLiteral("Case 987654 does not exist."));
}

void TestImprovementService::fromCase()
{
    // issue 14 (helper "polish"): a supervisor on a case sees a systemic cause: a new action from the case, or the
    // case added to an open action.
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const qint64 cat = ref(repos, ReferenceKind::Category, "服务态度");
    const qint64 item = ref(repos, ReferenceKind::ServiceItem, "社保业务");
    const qint64 owner = ref(repos, ReferenceKind::Department, "综合受理科");
    const qint64 c1 = addCase(repos, kNow.addDays(-1), cat, item);
    const qint64 c2 = addCase(repos, kNow.addDays(-2), cat, item);
    const auto case1 = repos.cases->find(c1);
    QINGTING_VERIFY_OK(case1);

    ImprovementService service(boss, repos, clock);
    const auto created = service.createFromCase(c1, owner, QDate());
    QINGTING_VERIFY_OK(created);
    QCOMPARE(created->title, QStringLiteral("服务态度 · 社保业务: systemic cause"));
    QCOMPARE(created->source, ImprovementSource::Case);
    QCOMPARE(created->category.id, cat);
    QCOMPARE(created->serviceItem.id, item);
    QCOMPARE(created->linkedCases, 1);
    QCOMPARE(created->deadline, kNow.date().addDays(30));
    QCOMPARE(created->description, QStringLiteral("Opened from case %1: 窗口排队时间过长").arg(case1->caseNo));
    const auto detail = service.detail(created->id);
    QINGTING_VERIFY_OK(detail);
    QCOMPARE(detail->cases.size(), 1);
    QCOMPARE(detail->cases.at(0).caseId, c1);
    RawConnection raw(scratch);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT source FROM improvement_actions WHERE id = ?"), {created->id}).toString(),
        QStringLiteral("case"));

    // Add another case to it: no version needed, audited as a link; the same case again, or a closed action, is
    // refused with a message.
    const auto stamp = service.changeStamp();
    QINGTING_VERIFY_OK(stamp);
    const auto added = service.addCase(created->id, c2);
    QINGTING_VERIFY_OK(added);
    QCOMPARE(added->linkedCases, 2);
    QCOMPARE(added->version, created->version + 1);
    QCOMPARE(*service.changeStamp(), *stamp + 1);
    QCOMPARE(auditCount(raw, "improvement.link_case", created->id), 1);
    const auto again = service.addCase(created->id, c2);
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Invalid);
    QCOMPARE(again.error().message, QStringLiteral("Case %1 is already linked to the action \"%2\".")
                                        .arg(repos.cases->find(c2)->caseNo, created->title));
    QINGTING_VERIFY_OK(service.setStatus(created->id, added->version, ImprovementStatus::Done));
    const qint64 c3 = addCase(repos, kNow.addDays(-1), cat, item);
    const auto closed = service.addCase(created->id, c3);
    QVERIFY(!closed);
    QCOMPARE(closed.error().code, Error::Code::Invalid);
    QVERIFY(closed.error().message.contains(QStringLiteral("only open actions")));
    QCOMPARE(service.find(created->id)->linkedCases, 2);
    const auto unknown = service.createFromCase(987654, owner, QDate());
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().message, QStringLiteral("Case 987654 does not exist."));

    // A clerk may do neither.
    ImprovementService clerkService(clerk, repos, clock);
    const auto denied = clerkService.createFromCase(c3, owner, QDate());
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, Error::Code::PermissionDenied);
    QCOMPARE(clerkService.addCase(created->id, c3).error().code, Error::Code::PermissionDenied);
}

void TestImprovementService::effectCheck()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow); // the action is created on Monday 2 March 2026
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    const qint64 cat = ref(repos, ReferenceKind::Category, "服务态度");
    const qint64 item = ref(repos, ReferenceKind::ServiceItem, "社保业务");
    const qint64 otherItem = ref(repos, ReferenceKind::ServiceItem, "不动产登记");
    QVERIFY(otherItem != 0);
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        // Two weeks before: 16 Feb – 1 Mar. Six cases; rated 5, 4, 2, 1 (CSAT 2/4) and two unrated.
        const QList<std::optional<int>> ratings{5, 4, 2, 1, std::nullopt, std::nullopt};
        for (int i = 0; i < ratings.size(); ++i) {
            QVERIFY(addCase(repos, at(QStringLiteral("2026-02-16 09:30")).addDays(2 * i), cat, item, ratings.at(i)));
        }
        QVERIFY(addCase(repos, at(QStringLiteral("2026-03-01 23:59")), cat, item)); // the last day before: counts
        // Not counted: another service item, before the period, and (after) another category.
        QVERIFY(addCase(repos, at(QStringLiteral("2026-02-20 10:00")), cat, otherItem, 1));
        QVERIFY(addCase(repos, at(QStringLiteral("2026-02-15 23:59")), cat, item, 1));
        // Since: 2 March (the creation day counts) until today 12 March; two cases rated 5 and 4.
        QVERIFY(addCase(repos, at(QStringLiteral("2026-03-02 08:00")), cat, item, 5));
        QVERIFY(addCase(repos, at(QStringLiteral("2026-03-10 15:00")), cat, item, 4));
        QVERIFY(addCase(repos, at(QStringLiteral("2026-03-12 16:00")), ref(repos, ReferenceKind::Category, "收费"),
                        item, 1));
        QINGTING_VERIFY_OK(tx.commit());
    }
    ImprovementService service(boss, repos, clock);
    const auto created = service.create(draft(repos));
    QINGTING_VERIFY_OK(created);

    clock.set(at(QStringLiteral("2026-03-12 18:00")));
    const auto effect = service.effect(created->id, 2);
    QINGTING_VERIFY_OK(effect);
    QCOMPARE(effect->before.from, QDate(2026, 2, 16));
    QCOMPARE(effect->before.to, QDate(2026, 3, 1));
    QCOMPARE(effect->before.cases, 7);
    QCOMPARE(*effect->before.casesPerWeek, 3.5); // 7 cases in 14 days
    QCOMPARE(*effect->before.csat, 0.5);
    QCOMPARE(effect->before.csatN, 4);
    QCOMPARE(effect->after.from, QDate(2026, 3, 2));
    QCOMPARE(effect->after.to, QDate(2026, 3, 12)); // until today: 11 days
    QCOMPARE(effect->after.cases, 2);
    QCOMPARE(*effect->after.casesPerWeek, 2.0 * 7 / 11);
    QCOMPARE(*effect->after.csat, 1.0);
    // (14/11) / 3.5 − 1 = −0.636…
    QCOMPARE(qRound(*effect->casesChange() * 1000), -636);
    QCOMPARE(effect->casesSentence(), QStringLiteral("Fewer cases per week since the action (\u221264 %)."));
    QCOMPARE(effect->csatSentence(), QStringLiteral("Satisfaction (CSAT) rose by 50 percentage points."));

    // The default eight weeks: the same cases, more days.
    const auto eight = service.effect(created->id);
    QINGTING_VERIFY_OK(eight);
    QCOMPARE(eight->weeks, 8);
    QCOMPARE(eight->before.from, QDate(2026, 1, 5));
    QCOMPARE(eight->before.cases, 8); // now the 15 February case counts too
    QCOMPARE(*eight->before.casesPerWeek, 1.0);
}

void TestImprovementService::plansUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session boss = Fixtures::addUser(repos, QStringLiteral("ma"), Role::Supervisor);
    const qint64 cat = ref(repos, ReferenceKind::Category, "服务态度");
    const qint64 item = ref(repos, ReferenceKind::ServiceItem, "社保业务");
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        // Cases spread over every category and service item, as a hall's are.
        const auto categories = repos.reference->list(ReferenceKind::Category);
        const auto items = repos.reference->list(ReferenceKind::ServiceItem);
        QINGTING_VERIFY_OK(categories);
        QINGTING_VERIFY_OK(items);
        for (int i = 0; i < 800; ++i) {
            QVERIFY(addCase(repos, kNow.addSecs(-qint64(i) * 5000), categories->at(i % categories->size()).id,
                            items->at((i / categories->size()) % items->size()).id));
        }
        ImprovementService service(boss, repos, clock);
        for (int i = 0; i < 300; ++i) {
            ImprovementDraft d = draft(repos);
            d.deadline = kNow.date().addDays(i - 150);
            const auto a = service.create(d);
            QINGTING_VERIFY_OK(a);
            if (i % 10 != 0) { // most actions of a register are done
                QINGTING_VERIFY_OK(service.setStatus(a->id, a->version, ImprovementStatus::Done));
            }
        }
        QINGTING_VERIFY_OK(tx.commit());
    }
    RawConnection raw(scratch);
    raw.exec(QStringLiteral("ANALYZE"));
    if (scratch.isPostgres()) {
        // A small table is rightly read whole; show whether an index CAN serve, as it must at scale.
        QINGTING_VERIFY_OK(
            db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")));
    }
    auto& sql = db->improvementRepository();
    ImprovementFilter overdue;
    overdue.overdueOnly = true;
    overdue.today = kNow.date();
    const auto plan = sql.explainList(overdue);
    QINGTING_VERIFY_OK(plan);
    QVERIFY2(uses(*plan, QStringLiteral("improvement_actions_status")), qPrintable(plan->join(u'\n')));
    ImprovementFilter byStatus;
    byStatus.status = ImprovementStatus::Done;
    const auto statusPlan = sql.explainList(byStatus);
    QINGTING_VERIFY_OK(statusPlan);
    QVERIFY2(uses(*statusPlan, QStringLiteral("improvement_actions_status")), qPrintable(statusPlan->join(u'\n')));
    const Metrics::Period period{QDate(2026, 1, 5), QDate(2026, 3, 1), kNow};
    const auto effectPlan = sql.explainEffectInput(cat, item, period);
    QINGTING_VERIFY_OK(effectPlan);
    QVERIFY2(uses(*effectPlan, QStringLiteral("cases_item_category_received")), qPrintable(effectPlan->join(u'\n')));
}

QTEST_GUILESS_MAIN(TestImprovementService)
#include "tst_improvement_service.moc"
