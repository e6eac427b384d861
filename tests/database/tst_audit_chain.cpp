#include "AuditTampering.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "audit/AuditKeyRing.h"
#include "repositories/AuditRepository.h"
#include "services/AuditService.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"
#include "services/UserService.h"

#include <QTest>

using AuditTampering::disableAppendOnly;
using AuditTampering::entryAt;
using Fixtures::at;

/**
 * The hash-chained audit log on a real database: it verifies after real changes, the database refuses plain
 * edits, and an attacker who gets past that (drops or disables the trigger) is caught at the right entry, even one
 * who holds the audit key and reseals what they changed (tst_audit_trust: attackers without the key).
 */
class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void verifiesAfterChanges_data() { TestDatabase::addBackendRows(); }
    void verifiesAfterChanges();
    void triggerRefusesUpdateAndDelete_data() { TestDatabase::addBackendRows(); }
    void triggerRefusesUpdateAndDelete();
    void editedDetailIsDetected_data() { TestDatabase::addBackendRows(); }
    void editedDetailIsDetected();
    void recomputedHashBreaksTheNextLink_data() { TestDatabase::addBackendRows(); }
    void recomputedHashBreaksTheNextLink();
    void recomputedLastEntryBreaksTheHead_data() { TestDatabase::addBackendRows(); }
    void recomputedLastEntryBreaksTheHead();
    void deletedMiddleEntryIsDetected_data() { TestDatabase::addBackendRows(); }
    void deletedMiddleEntryIsDetected();
    void deletedLastEntryIsDetected_data() { TestDatabase::addBackendRows(); }
    void deletedLastEntryIsDetected();
};

namespace {
/** Makes a dozen audited changes of every kind; returns how many entries they wrote. */
int makeChanges(const Repositories& repos, QString* error)
{
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    const Session cli = Session::commandLine();
    UserService users(cli, repos, clock, hasher);
    ReferenceService reference(cli, repos, clock);
    CaseService cases(cli, repos, clock);
    const auto fail = [error](const Error& e) {
        *error = e.message;
        return -1;
    };
    int n = 0;
    for (const QString& login : {QStringLiteral("chen"), QStringLiteral("zhou")}) {
        if (auto u = users.add(login, Role::Clerk, QStringLiteral("测试"), QStringLiteral("long-password")); !u) {
            return fail(u.error());
        }
        ++n;
        clock.advanceSeconds(30);
    }
    if (auto r = reference.add(ReferenceKind::Window, QStringLiteral("6号窗口")); !r) {
        return fail(r.error());
    }
    ++n;
    for (int i = 0; i < 3; ++i) {
        const auto c =
            cases.create(Fixtures::citizenDraft(repos, QStringLiteral("审计链测试 %1 “引号”与\\反斜杠").arg(i)));
        if (!c) {
            return fail(c.error());
        }
        ++n;
        clock.advanceSeconds(45);
        for (const CaseCommand& command :
             {CaseCommand{CaseAction::Acknowledge}, CaseCommand{CaseAction::Resolve, QStringLiteral("已处理")}}) {
            if (auto p = cases.perform(c->id, command); !p) {
                return fail(p.error());
            }
            ++n;
            clock.advanceSeconds(45);
        }
    }
    if (auto s = users.disable(QStringLiteral("zhou")); !s) {
        return fail(s.error());
    }
    return n + 1;
}

/** The entry's seal recomputed by someone who holds the audit key. */
QString sealOf(const Database& db, const AuditEntry& e)
{
    return db.auditKeys() ? db.auditKeys()->mac(e.keyId, AuditChain::entryMessage(AuditChain::cells(e))) : QString();
}

AuditVerification verify(const Repositories& repos)
{
    const auto v = AuditService(Session::commandLine(), repos).verify();
    return v.ok() ? *v : AuditVerification{false, -1, -1, v.error().message};
}
} // namespace

/** Opens the scratch database and fills it; `count` gets the number of audit entries. */
#define PREPARE_CHAIN(db, count)                                                                                       \
    QINGTING_TEST_DATABASE(scratch);                                                                                   \
    QINGTING_OPEN_DATABASE(db, scratch);                                                                               \
    QString changeError;                                                                                               \
    const int count = makeChanges(db->repositories(), &changeError);                                                   \
    QVERIFY2(count > 0, qPrintable(changeError));                                                                      \
    QVERIFY(verify(db->repositories()).ok)

void TestAuditChain::verifiesAfterChanges()
{
    PREPARE_CHAIN(db, count);
    QCOMPARE(count, 13);
    const AuditVerification v = verify(db->repositories());
    QVERIFY2(v.ok, qPrintable(v.problem));
    QCOMPARE(v.entriesChecked, qint64(count));
    QCOMPARE(v.brokenSeq, 0);
    QVERIFY(v.problem.isEmpty());

    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), count);
    QString previous = AuditChain::genesis();
    for (qint64 seq = 1; seq <= count; ++seq) {
        const AuditEntry e = entryAt(raw, seq);
        QCOMPARE(e.seq, seq);
        QCOMPARE(e.prevHash, previous);
        QVERIFY(!e.keyId.isEmpty());
        QCOMPARE(sealOf(*db, e), e.hash);
        QCOMPARE(e.actor, QStringLiteral("cli"));
        QCOMPARE(e.actorId, 0);
        previous = e.hash;
    }
    const auto head = raw.rows(QStringLiteral("SELECT last_seq, last_hash FROM audit_head"));
    QCOMPARE(head.size(), 1);
    QCOMPARE(head.at(0).at(0).toInt(), count);
    QCOMPARE(head.at(0).at(1).toString(), previous);

    const auto latest = AuditService(Session::commandLine(), db->repositories()).latest(3);
    QINGTING_VERIFY_OK(latest);
    QCOMPARE(latest->size(), 3);
    QCOMPARE(latest->at(0).seq, qint64(count));
    QCOMPARE(latest->at(0).action, QStringLiteral("user.disable"));
    QCOMPARE(latest->at(2).seq, qint64(count - 2));
    QCOMPARE(latest->at(0).hash, previous);
}

void TestAuditChain::triggerRefusesUpdateAndDelete()
{
    PREPARE_CHAIN(db, count);
    RawConnection raw(scratch);
    const QString before = raw.dump();
    const QString update = raw.exec(QStringLiteral("UPDATE audit_log SET detail = '{}' WHERE seq = 2"));
    QVERIFY2(update.contains(QLatin1String("append-only")), qPrintable(update));
    const QString erase = raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = ?"), {count});
    QVERIFY2(erase.contains(QLatin1String("append-only")), qPrintable(erase));
    const QString eraseAll = raw.exec(QStringLiteral("DELETE FROM audit_log"));
    QVERIFY2(eraseAll.contains(QLatin1String("append-only")), qPrintable(eraseAll));
    QCOMPARE(raw.dump(), before);
    QVERIFY(verify(db->repositories()).ok);
}

void TestAuditChain::editedDetailIsDetected()
{
    PREPARE_CHAIN(db, count);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET detail = ? WHERE seq = 5"),
                      {QStringLiteral("{\"case_no\":\"QT-20260302-0009\"}")}),
             QString());
    const AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 5);
    QCOMPARE(v.entriesChecked, 5);
    QVERIFY2(v.problem.contains(QLatin1String("5")), qPrintable(v.problem));

    // Changing who did it is caught the same way.
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET actor = 'somebody' WHERE seq = 2")), QString());
    QCOMPARE(verify(db->repositories()).brokenSeq, 2);
}

void TestAuditChain::recomputedHashBreaksTheNextLink()
{
    PREPARE_CHAIN(db, count);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    AuditEntry forged = entryAt(raw, 6);
    QVERIFY(forged.seq == 6);
    forged.detail = QStringLiteral("{\"case_no\":\"QT-20260302-0099\"}");
    forged.hash = sealOf(*db, forged);
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET detail = ?, hash = ? WHERE seq = 6"),
                      {forged.detail, forged.hash}),
             QString());
    const AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 7);
    QCOMPARE(v.entriesChecked, 7);
    QVERIFY2(v.problem.contains(QLatin1String("7")), qPrintable(v.problem));
}

void TestAuditChain::recomputedLastEntryBreaksTheHead()
{
    PREPARE_CHAIN(db, count);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    AuditEntry forged = entryAt(raw, count);
    forged.detail = QStringLiteral("{\"login\":\"nobody\"}");
    forged.hash = sealOf(*db, forged);
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET detail = ?, hash = ? WHERE seq = ?"),
                      {forged.detail, forged.hash, count}),
             QString());
    const AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, qint64(count));
    QCOMPARE(v.entriesChecked, qint64(count));
}

void TestAuditChain::deletedMiddleEntryIsDetected()
{
    PREPARE_CHAIN(db, count);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 4")), QString());
    const AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 4);
    QVERIFY2(v.problem.contains(QLatin1String("4")), qPrintable(v.problem));
}

void TestAuditChain::deletedLastEntryIsDetected()
{
    PREPARE_CHAIN(db, count);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = ?"), {count}), QString());
    const AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.entriesChecked, qint64(count - 1));
    QVERIFY2(v.problem.contains(QString::number(count)), qPrintable(v.problem));
    // The first entry that does not hold is the one that is gone, as for a gap in the middle (see
    // deletedMiddleEntryIsDetected); the entry before it is intact.
    QCOMPARE(v.brokenSeq, qint64(count));
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_audit_chain.moc"
