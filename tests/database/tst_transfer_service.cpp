// Transfers that cannot be passed around (转办 with 签收/退回) and extensions (延期), issue 12, on a real database:
// TransferService and ExtensionService write the case, its timeline event, their own row and the audit entry
// together; validation, permissions and stale copies are refused; the supervisors' figures; the plans of the list
// shapes (awaiting sign-for, flagged cases, pending extensions) use their indexes.

#include "SqlCaseRepository.h"
#include "SqlTransferRepository.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/CaseService.h"
#include "services/ExtensionService.h"
#include "services/TransferService.h"

#include <QRegularExpression>
#include <QTest>

using Fixtures::at;

namespace {
const QDateTime kNow = at(QStringLiteral("2026-03-02 10:00"));

qint64 department(const Repositories& repos, const char* name)
{
    return Fixtures::referenceId(repos, ReferenceKind::Department, QString::fromUtf8(name));
}

/** A case recorded by the clerk half an hour ago, with 综合受理科 responsible; due 48 h after receipt. */
Case newCase(const Repositories& repos, const Session& clerk, const Clock& clock)
{
    CaseService cases(clerk, repos, clock);
    CaseDraft draft = Fixtures::citizenDraft(repos, QStringLiteral("办理社保转移被要求反复提交材料"));
    draft.receivedAt = kNow.addSecs(-30 * 60);
    const auto created = cases.create(draft);
    return created ? *created : Case();
}

int auditCount(RawConnection& raw, const char* action, qint64 caseId)
{
    return raw
        .scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity_id = ?"),
                {QString::fromLatin1(action), caseId})
        .toInt();
}
} // namespace

class TestTransferService : public QObject
{
    Q_OBJECT

private slots:
    void transferSignedFor_data() { TestDatabase::addBackendRows(); }
    void transferSignedFor();
    void transferReturned_data() { TestDatabase::addBackendRows(); }
    void transferReturned();
    void transferRefusals_data() { TestDatabase::addBackendRows(); }
    void transferRefusals();
    void supervisorFigures_data() { TestDatabase::addBackendRows(); }
    void supervisorFigures();
    void extensionApproved_data() { TestDatabase::addBackendRows(); }
    void extensionApproved();
    void extensionRules_data() { TestDatabase::addBackendRows(); }
    void extensionRules();
    void listsUseIndexes_data() { TestDatabase::addBackendRows(); }
    void listsUseIndexes();
};

void TestTransferService::transferSignedFor()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session other = Fixtures::addUser(repos, QStringLiteral("wang"), Role::Clerk);
    const Case c = newCase(repos, clerk, clock);
    QVERIFY(c.id != 0);
    QCOMPARE(c.transferState, TransferState::None);

    TransferService transfers(clerk, repos, clock);
    const auto moved = transfers.transfer(c.id, c.version, department(repos, "信息技术科"),
                                          QStringLiteral("  系统故障导致材料无法上传  "));
    QINGTING_VERIFY_OK(moved);
    QCOMPARE(moved->department.name, QStringLiteral("信息技术科"));
    QCOMPARE(moved->transferCount, 1);
    QCOMPARE(moved->transferState, TransferState::AwaitingSign);
    QCOMPARE(moved->status, CaseStatus::Received); // the lifecycle's Transfer row: received stays received
    QCOMPARE(moved->version, c.version + 1);

    // Awaiting sign-for: it cannot be passed on.
    const auto again =
        transfers.transfer(c.id, moved->version, department(repos, "后勤保障科"), QStringLiteral("再转"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::InvalidTransition);

    clock.advanceSeconds(2 * 3600 + 5 * 60);
    TransferService desk(other, repos, clock);
    const auto signedFor = desk.signFor(c.id, moved->version, QString());
    QINGTING_VERIFY_OK(signedFor);
    QCOMPARE(signedFor->transferState, TransferState::Signed);
    QCOMPARE(signedFor->department.name, QStringLiteral("信息技术科"));

    const auto rows = desk.transfers(c.id);
    QINGTING_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 1);
    const CaseTransfer& t = rows->first();
    QCOMPARE(t.fromDepartment.name, QStringLiteral("综合受理科"));
    QCOMPARE(t.toDepartment.name, QStringLiteral("信息技术科"));
    QCOMPARE(t.reason, QStringLiteral("系统故障导致材料无法上传"));
    QCOMPARE(t.transferredAt, kNow);
    QCOMPARE(t.transferredBy.name, QStringLiteral("li 同志")); // shown by name, as on the timeline
    QCOMPARE(t.state, TransferState::Signed);
    QCOMPARE(t.decidedAt, at(QStringLiteral("2026-03-02 12:05")));
    QCOMPARE(t.decidedBy.name, QStringLiteral("wang 同志"));
    QCOMPARE(t.secondsToSign(), std::optional<qint64>(7500));

    // Signing twice is refused: nothing awaits any more.
    const auto twice = desk.signFor(c.id, signedFor->version, QString());
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, Error::Code::InvalidTransition);

    const auto events = repos.cases->events(c.id);
    QINGTING_VERIFY_OK(events);
    QCOMPARE(events->size(), 3);
    QCOMPARE(events->at(1).kind, CaseEventKind::Transferred);
    QCOMPARE(events->at(1).note, QStringLiteral("→ 信息技术科 · 系统故障导致材料无法上传"));
    QCOMPARE(events->at(2).kind, CaseEventKind::TransferSigned);
    QCOMPARE(events->at(2).note, QStringLiteral("→ 信息技术科"));
    QCOMPARE(events->at(2).actor.name, QStringLiteral("wang 同志")); // timelines show the display name

    RawConnection raw(scratch);
    QCOMPARE(auditCount(raw, "case.transfer", c.id), 1);
    QCOMPARE(auditCount(raw, "case.transfer_sign", c.id), 1);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT transfer_state FROM cases WHERE id = ?"), {c.id}).toString(),
             QStringLiteral("signed"));
}

void TestTransferService::transferReturned()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Case c = newCase(repos, clerk, clock);
    TransferService transfers(clerk, repos, clock);
    const auto moved =
        transfers.transfer(c.id, c.version, department(repos, "信息技术科"), QStringLiteral("窗口系统问题"));
    QINGTING_VERIFY_OK(moved);

    clock.advanceSeconds(600);
    const auto noReason = transfers.returnTransfer(c.id, moved->version, QStringLiteral("   "));
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().code, Error::Code::Invalid);

    const auto returned = transfers.returnTransfer(c.id, moved->version, QStringLiteral("属于窗口服务态度问题"));
    QINGTING_VERIFY_OK(returned);
    QCOMPARE(returned->transferState, TransferState::Returned);
    QCOMPARE(returned->department.name, QStringLiteral("综合受理科")); // back to the sender
    QCOMPARE(returned->transferCount, 1);

    const auto rows = transfers.transfers(c.id);
    QINGTING_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().state, TransferState::Returned);
    QCOMPARE(rows->first().decisionNote, QStringLiteral("属于窗口服务态度问题"));
    QCOMPARE(rows->first().secondsToSign(), std::nullopt);

    const auto events = repos.cases->events(c.id);
    QINGTING_VERIFY_OK(events);
    QCOMPARE(events->last().kind, CaseEventKind::TransferReturned);
    QCOMPARE(events->last().note, QStringLiteral("→ 信息技术科 · 属于窗口服务态度问题"));
    RawConnection raw(scratch);
    QCOMPARE(auditCount(raw, "case.transfer_return", c.id), 1);

    // A returned case can be transferred again, elsewhere.
    const auto next =
        transfers.transfer(c.id, returned->version, department(repos, "督查考核科"), QStringLiteral("需督查核实"));
    QINGTING_VERIFY_OK(next);
    QCOMPARE(next->transferCount, 2);
    QCOMPARE(next->transferState, TransferState::AwaitingSign);
}

void TestTransferService::transferRefusals()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session trainer = Fixtures::addUser(repos, QStringLiteral("zhao"), Role::Trainer);
    const Case c = newCase(repos, clerk, clock);
    TransferService transfers(clerk, repos, clock);
    RawConnection raw(scratch);
    const QString before = raw.dump();

    const auto noReason = transfers.transfer(c.id, c.version, department(repos, "信息技术科"), QString());
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().code, Error::Code::Invalid);
    const auto noDepartment = transfers.transfer(c.id, c.version, 0, QStringLiteral("原因"));
    QCOMPARE(noDepartment.error().code, Error::Code::Invalid);
    const auto same = transfers.transfer(c.id, c.version, department(repos, "综合受理科"), QStringLiteral("原因"));
    QCOMPARE(same.error().code, Error::Code::Invalid);
    const auto stale = transfers.transfer(c.id, c.version + 1, department(repos, "信息技术科"), QStringLiteral("原因"));
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    TransferService notAllowed(trainer, repos, clock);
    const auto denied = notAllowed.transfer(c.id, c.version, department(repos, "信息技术科"), QStringLiteral("原因"));
    QCOMPARE(denied.error().code, Error::Code::PermissionDenied);
    const auto nothingToSign = transfers.signFor(c.id, c.version, QString());
    QCOMPARE(nothingToSign.error().code, Error::Code::InvalidTransition);
    const auto nothingToReturn = transfers.returnTransfer(c.id, c.version, QStringLiteral("原因"));
    QCOMPARE(nothingToReturn.error().code, Error::Code::InvalidTransition);
    QCOMPARE(raw.dump(), before); // nothing was written
}

void TestTransferService::supervisorFigures()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session chief = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Supervisor);
    TransferService transfers(clerk, repos, clock);
    const qint64 it = department(repos, "信息技术科");
    const qint64 desk = department(repos, "综合受理科");
    const qint64 logistics = department(repos, "后勤保障科");

    // Case A goes around three times: IT signs after 1 h, the desk after 3 h, logistics returns it.
    Case a = newCase(repos, clerk, clock);
    const qint64 route[] = {it, desk, logistics};
    const qint64 signAfter[] = {3600, 3 * 3600, 0};
    for (int i = 0; i < 3; ++i) {
        auto moved = transfers.transfer(a.id, a.version, route[i], QStringLiteral("第%1次转办").arg(i + 1));
        QINGTING_VERIFY_OK(moved);
        clock.advanceSeconds(signAfter[i] ? signAfter[i] : 900);
        auto done = signAfter[i] ? transfers.signFor(a.id, moved->version, QString())
                                 : transfers.returnTransfer(a.id, moved->version, QStringLiteral("不属于本科室"));
        QINGTING_VERIFY_OK(done);
        a = *done;
    }
    // Case B goes to IT twice (signed after 2 h, then awaiting): at the threshold, not above it.
    Case b = newCase(repos, clerk, clock);
    auto moved = transfers.transfer(b.id, b.version, it, QStringLiteral("系统问题"));
    QINGTING_VERIFY_OK(moved);
    clock.advanceSeconds(2 * 3600);
    QINGTING_VERIFY_OK(transfers.signFor(b.id, moved->version, QString()));
    b = *repos.cases->find(b.id);
    QINGTING_VERIFY_OK(transfers.transfer(b.id, b.version, logistics, QStringLiteral("设施问题")));

    // Clerks do not see the figures.
    QCOMPARE(transfers.departmentFigures().error().code, Error::Code::PermissionDenied);
    QCOMPARE(transfers.flaggedCases(50).error().code, Error::Code::PermissionDenied);

    TransferService supervisor(chief, repos, clock);
    int threshold = 0;
    const auto flagged = supervisor.flaggedCases(50, &threshold);
    QINGTING_VERIFY_OK(flagged);
    QCOMPARE(threshold, 2);
    QCOMPARE(flagged->size(), 1);
    QCOMPARE(flagged->first().caseNo, a.caseNo);
    QCOMPARE(flagged->first().transferCount, 3);
    QCOMPARE(flagged->first().transferState, TransferState::Returned);

    const auto figures = supervisor.departmentFigures();
    QINGTING_VERIFY_OK(figures);
    QCOMPARE(figures->size(), 3);
    QMap<QString, DepartmentTransferFigures> byName;
    for (const auto& f : *figures) {
        byName.insert(f.department.name, f);
    }
    const DepartmentTransferFigures& itFigures = byName.value(QStringLiteral("信息技术科"));
    QCOMPARE(itFigures.transfers, 2);
    QCOMPARE(itFigures.signedFor, 2);
    QCOMPARE(itFigures.returned, 0);
    QCOMPARE(itFigures.awaiting, 0);
    QCOMPARE(itFigures.averageSecondsToSign, std::optional<qint64>(5400));
    QCOMPARE(itFigures.longestSecondsToSign, std::optional<qint64>(7200));
    const DepartmentTransferFigures& logisticsFigures = byName.value(QStringLiteral("后勤保障科"));
    QCOMPARE(logisticsFigures.transfers, 2);
    QCOMPARE(logisticsFigures.signedFor, 0);
    QCOMPARE(logisticsFigures.returned, 1);
    QCOMPARE(logisticsFigures.awaiting, 1);
    QCOMPARE(logisticsFigures.averageSecondsToSign, std::nullopt);
    const DepartmentTransferFigures& deskFigures = byName.value(QStringLiteral("综合受理科"));
    QCOMPARE(deskFigures.transfers, 1);
    QCOMPARE(deskFigures.signedFor, 1);
    QCOMPARE(deskFigures.averageSecondsToSign, std::optional<qint64>(10800));
}

void TestTransferService::extensionApproved()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session chief = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Supervisor);
    const Case c = newCase(repos, clerk, clock);
    QCOMPARE(c.dueAt, at(QStringLiteral("2026-03-04 09:30"))); // the 48-hour answer

    // An extension moves the handling deadline, the resolve clock's: 15 working days after Monday 2 March.
    ExtensionService extensions(clerk, repos, clock);
    QCOMPARE(*extensions.deadline(c.id), at(QStringLiteral("2026-03-23 23:59:59")));
    const QDateTime asked = at(QStringLiteral("2026-03-27 17:00"));
    const auto requested = extensions.request(c.id, c.version, asked, QStringLiteral("需等待社保中心出具证明"));
    QINGTING_VERIFY_OK(requested);
    QCOMPARE(requested->dueAt, c.dueAt); // nothing changes before the decision
    const auto pending = extensions.pending(c.id);
    QINGTING_VERIFY_OK(pending);
    QVERIFY(pending->has_value());
    QCOMPARE((*pending)->requestedDueAt, asked);
    QCOMPARE((*pending)->previousDueAt, at(QStringLiteral("2026-03-23 23:59:59")));
    QCOMPARE((*pending)->requestedBy.name, QStringLiteral("li 同志"));

    // One request at a time.
    const auto second = extensions.request(c.id, requested->version, asked.addDays(1), QStringLiteral("再延"));
    QCOMPARE(second.error().code, Error::Code::InvalidTransition);

    clock.advanceSeconds(3600);
    ExtensionService supervisor(chief, repos, clock);
    QCOMPARE(supervisor.pendingAcrossCases(10)->size(), 1);
    QCOMPARE(supervisor.pendingAcrossCases(10)->first().caseNo, c.caseNo);
    const auto approved = supervisor.decide(c.id, requested->version, true, QString());
    QINGTING_VERIFY_OK(approved);
    QCOMPARE(approved->dueAt, asked);
    QCOMPARE(approved->extendedDueAt, asked);
    QVERIFY(!supervisor.pending(c.id)->has_value());
    QCOMPARE(supervisor.pendingAcrossCases(10)->size(), 0);

    const auto rows = supervisor.extensions(c.id);
    QINGTING_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().state, ExtensionState::Approved);
    QCOMPARE(rows->first().decidedBy.name, QStringLiteral("chen 同志"));
    QCOMPARE(rows->first().decidedAt, at(QStringLiteral("2026-03-02 11:00")));

    const auto events = repos.cases->events(c.id);
    QINGTING_VERIFY_OK(events);
    QCOMPARE(events->size(), 3);
    QCOMPARE(events->at(1).kind, CaseEventKind::ExtensionRequested);
    QCOMPARE(events->at(1).note, QStringLiteral("→ 2026-03-27 17:00 · 需等待社保中心出具证明"));
    QCOMPARE(events->at(2).kind, CaseEventKind::ExtensionApproved);
    QCOMPARE(events->at(2).note, QStringLiteral("→ 2026-03-27 17:00"));

    RawConnection raw(scratch);
    QCOMPARE(auditCount(raw, "case.extension_request", c.id), 1);
    QCOMPARE(auditCount(raw, "case.extension_approve", c.id), 1);
    // The lists' due column follows the approved date.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT open_due_at FROM cases WHERE id = ?"), {c.id}).toLongLong(),
             asked.toSecsSinceEpoch());
}

void TestTransferService::extensionRules()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    FixedClock clock(kNow);
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("li"), Role::Clerk);
    const Session chief = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Supervisor);
    const Session deputy = Fixtures::addUser(repos, QStringLiteral("zhou"), Role::Supervisor);
    const Case c = newCase(repos, clerk, clock);
    ExtensionService extensions(clerk, repos, clock);
    const QDateTime deadline = at(QStringLiteral("2026-03-23 23:59:59")); // the resolve clock's

    // Not earlier than the deadline it extends (even if later than the 48-hour answer).
    QCOMPARE(extensions.request(c.id, c.version, c.dueAt.addDays(3), QStringLiteral("原因")).error().code,
             Error::Code::Invalid);
    QCOMPARE(extensions.request(c.id, c.version, deadline.addSecs(-60), QStringLiteral("原因")).error().code,
             Error::Code::Invalid);
    QCOMPARE(extensions.request(c.id, c.version, deadline.addDays(3), QStringLiteral("  ")).error().code,
             Error::Code::Invalid);
    QCOMPARE(extensions.request(c.id, c.version, QDateTime(), QStringLiteral("原因")).error().code,
             Error::Code::Invalid);
    QCOMPARE(extensions.decide(c.id, c.version, true, QString()).error().code, Error::Code::PermissionDenied);

    // A supervisor's own request is decided by another supervisor; a refusal says why.
    ExtensionService chiefs(chief, repos, clock);
    const auto requested = chiefs.request(c.id, c.version, deadline.addDays(5), QStringLiteral("第三方鉴定"));
    QINGTING_VERIFY_OK(requested);
    QCOMPARE(chiefs.decide(c.id, requested->version, true, QString()).error().code, Error::Code::PermissionDenied);
    ExtensionService deputies(deputy, repos, clock);
    QCOMPARE(deputies.decide(c.id, requested->version, false, QString()).error().code, Error::Code::Invalid);
    const auto refused = deputies.decide(c.id, requested->version, false, QStringLiteral("鉴定可并行进行"));
    QINGTING_VERIFY_OK(refused);
    QCOMPARE(refused->dueAt, c.dueAt);
    QVERIFY(!refused->extendedDueAt.isValid());
    QCOMPARE(deputies.extensions(c.id)->first().state, ExtensionState::Refused);
    QCOMPARE(repos.cases->events(c.id)->last().kind, CaseEventKind::ExtensionRefused);
    QCOMPARE(
        repos.cases->events(c.id)->last().note,
        QStringLiteral("→ %1 · 鉴定可并行进行").arg(deadline.addDays(5).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));

    // Once the deadline has passed, it is too late to ask.
    clock.set(deadline.addSecs(1));
    const auto late = extensions.request(c.id, refused->version, deadline.addDays(5), QStringLiteral("原因"));
    QVERIFY(!late);
    QCOMPARE(late.error().code, Error::Code::InvalidTransition);
}

void TestTransferService::listsUseIndexes()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const qint64 dept = department(repos, "信息技术科");
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        for (int i = 0; i < 600; ++i) {
            Case c;
            c.receivedAt = kNow.addSecs(-qint64(i) * 4000);
            c.caseNo = *repos.cases->allocateCaseNo(c.receivedAt.date());
            c.status = i % 2 ? CaseStatus::Closed : CaseStatus::InProgress;
            c.createdBy = {0, QStringLiteral("cli")};
            c.complaintText = QStringLiteral("案件%1").arg(i);
            c.updatedAt = c.receivedAt;
            c.dueAt = c.receivedAt.addDays(2);
            if (i % 20 == 0) {
                c.transferCount = 1 + i % 3;
                c.transferState = i % 40 == 0 ? TransferState::AwaitingSign : TransferState::Signed;
            }
            const auto id = repos.cases->insert(c);
            QINGTING_VERIFY_OK(id);
            if (i % 20 == 0) {
                CaseTransfer t;
                t.caseId = *id;
                t.toDepartment.id = dept;
                t.reason = QStringLiteral("原因");
                t.transferredAt = c.receivedAt;
                t.transferredBy = {0, QStringLiteral("cli")};
                QINGTING_VERIFY_OK(repos.transfers->insertTransfer(t));
            }
            if (i % 30 == 0) {
                CaseExtension e;
                e.caseId = *id;
                e.requestedAt = c.receivedAt;
                e.requestedBy = {0, QStringLiteral("cli")};
                e.reason = QStringLiteral("原因");
                e.previousDueAt = c.dueAt;
                e.requestedDueAt = c.dueAt.addDays(3);
                if (i % 90 != 0) { // most requests were decided long ago: few await a decision
                    e.state = ExtensionState::Approved;
                    e.decidedAt = c.receivedAt.addSecs(3600);
                    e.decidedBy = {0, QStringLiteral("cli")};
                }
                QINGTING_VERIFY_OK(repos.transfers->insertExtension(e));
            }
        }
        QINGTING_VERIFY_OK(tx.commit());
    }
    RawConnection raw(scratch);
    raw.exec(QStringLiteral("ANALYZE"));
    SqlTransferRepository& repo = db->transferRepository();
    if (scratch.isPostgres()) {
        // A small table is rightly read whole; show whether an index CAN serve, as it must at a million rows.
        QINGTING_VERIFY_OK(
            db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("off")));
    }
    const auto check = [&](const char* what, const Result<QStringList>& plan, const QString& index, bool ordered) {
        QVERIFY2(plan.ok(), plan.ok() ? what : qPrintable(plan.error().message));
        const QString text = plan->join(QLatin1Char('\n'));
        const QString shown = QLatin1String(what) + QStringLiteral(":\n") + text;
        QVERIFY2(text.contains(index), qPrintable(shown));
        static const QRegularExpression fullScan(QStringLiteral("Seq Scan|^SCAN \\w+$"),
                                                 QRegularExpression::MultilineOption);
        QVERIFY2(!fullScan.match(text).hasMatch(), qPrintable(shown));
        // Read in the index's order: no sort step. (PostgreSQL may sort the few rows of a small range it found
        // through the index: still one index range, which the index name shows.)
        if (ordered && !scratch.isPostgres()) {
            QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(shown));
        }
    };
    check("awaiting sign-for", repo.explainAwaitingSign(), QStringLiteral("cases_transfer_state"), true);
    check("flagged cases", repo.explainFlaggedCases(2), QStringLiteral("cases_transferred"), true);
    // At scale the requests awaiting a decision are a handful beside a million cases: each is joined to its case by
    // primary key. On this small table PostgreSQL would rather merge-join the whole of both; keep it from that.
    QINGTING_VERIFY_OK(
        db->caseRepository().setSessionOption(QStringLiteral("enable_mergejoin"), QStringLiteral("off")));
    QINGTING_VERIFY_OK(db->caseRepository().setSessionOption(QStringLiteral("enable_hashjoin"), QStringLiteral("off")));
    check("pending extensions", repo.explainPendingExtensions(), QStringLiteral("case_extensions_pending"), true);
    QINGTING_VERIFY_OK(db->caseRepository().setSessionOption(QStringLiteral("enable_mergejoin"), QStringLiteral("on")));
    QINGTING_VERIFY_OK(db->caseRepository().setSessionOption(QStringLiteral("enable_hashjoin"), QStringLiteral("on")));
    check("a case's transfers", repo.explainCaseTransfers(1), QStringLiteral("case_transfers_case"), true);
    QINGTING_VERIFY_OK(db->caseRepository().setSessionOption(QStringLiteral("enable_seqscan"), QStringLiteral("on")));

    // What the lists show, by literal count: 15 cases with a transfer awaiting (every 40th of 600).
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE transfer_state = 'awaiting_sign'")).toInt(),
             15);
}

QTEST_GUILESS_MAIN(TestTransferService)
#include "tst_transfer_service.moc"
