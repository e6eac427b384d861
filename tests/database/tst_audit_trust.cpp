#include "AuditTampering.h"
#include "Migrator.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "audit/AuditKeyRing.h"
#include "repositories/AuditRepository.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/AuditService.h"
#include "services/CaseService.h"
#include "services/UserService.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using AuditTampering::disableAppendOnly;
using AuditTampering::entryAt;
using Fixtures::at;

/**
 * The audit log against an insider who can write to the database but does not hold the hall's audit key: full
 * re-forges (plain SHA-256 and the old formula), a removed tail with a rewound head, TRUNCATE, typed cells, wrong
 * and missing key files, migration of a log written before keying, and audited reads of personal data.
 */
class TestAuditTrust : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void keyFileIsPrivateAndCreatedOnce();
    void insecureOrMalformedKeyFileIsRefused();
    void reforgeWithPlainSha256IsCaught_data() { TestDatabase::addBackendRows(); }
    void reforgeWithPlainSha256IsCaught();
    void reforgeWithOldFormulaIsCaught_data() { TestDatabase::addBackendRows(); }
    void reforgeWithOldFormulaIsCaught();
    void wholeLogDowngradedIsCaught_data() { TestDatabase::addBackendRows(); }
    void wholeLogDowngradedIsCaught();
    void deletedTailWithRewoundHeadIsCaught_data() { TestDatabase::addBackendRows(); }
    void deletedTailWithRewoundHeadIsCaught();
    void replayedHeadIsCaughtByCheckpoint_data() { TestDatabase::addBackendRows(); }
    void replayedHeadIsCaughtByCheckpoint();
    void nullZeroAndTextActorIdsDiffer_data() { TestDatabase::addBackendRows(); }
    void nullZeroAndTextActorIdsDiffer();
    void truncateIsRefusedAndDetected();
    void missingAndWrongKeysAreReportedClearly_data() { TestDatabase::addBackendRows(); }
    void missingAndWrongKeysAreReportedClearly();
    void legacyLogMigratesAndStaysVerifiable_data() { TestDatabase::addBackendRows(); }
    void legacyLogMigratesAndStaysVerifiable();
    void citizenReadsAreAudited_data() { TestDatabase::addBackendRows(); }
    void citizenReadsAreAudited();
    void ownerRoleIsWarned_data() { TestDatabase::addBackendRows(); }
    void ownerRoleIsWarned();
    void deskRoleWritesRowsButCannotAlterTheLog();
    void verifySpeed_data() { TestDatabase::addBackendRows(); }
    void verifySpeed();

private:
    std::unique_ptr<QTemporaryDir> m_keys;
    QString m_keyPath;
};

namespace {
/** Audited changes by the CLI session; returns how many entries they wrote, -1 on failure. */
int makeChanges(const Repositories& repos, int users, QString* error)
{
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
    UserService service(Session::commandLine(), repos, clock, hasher);
    static int next = 0;
    for (int i = 0; i < users; ++i) {
        if (auto u = service.add(QStringLiteral("user%1").arg(++next), Role::Clerk, QStringLiteral("测试"),
                                 QStringLiteral("long-password"));
            !u) {
            *error = u.error().message;
            return -1;
        }
        clock.advanceSeconds(30);
    }
    return users;
}

AuditVerification verify(const Repositories& repos, const std::optional<AuditCheckpoint>& checkpoint = std::nullopt)
{
    const auto v = AuditService(Session::commandLine(), repos).verify(checkpoint);
    AuditVerification failed;
    failed.ok = false;
    failed.brokenSeq = -1;
    failed.problem = v.ok() ? QString() : v.error().message;
    return v.ok() ? *v : failed;
}

/** What an attacker without the key can compute: SHA-256 over the new typed encoding. */
QString plainSha256(const AuditEntry& e)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(AuditChain::entryMessage(AuditChain::cells(e)), QCryptographicHash::Sha256).toHex());
}

/**
 * Rewrites entries from..last as the attacker wants (edit applied to `from` only), recomputing each hash with
 * `rehash`, relinking the chain, and moving the head's hash along; `legacy` also clears key_id (the old format).
 */
QString reforge(RawConnection& raw, qint64 from, qint64 last, const std::function<void(AuditEntry&)>& edit,
                const std::function<QString(const AuditEntry&)>& rehash, bool legacy)
{
    QString previous = entryAt(raw, from - 1).hash;
    if (from == 1) {
        previous = AuditChain::genesis();
    }
    for (qint64 seq = from; seq <= last; ++seq) {
        AuditEntry e = entryAt(raw, seq);
        if (seq == from) {
            edit(e);
        }
        if (legacy) {
            e.keyId.clear();
        }
        e.prevHash = previous;
        e.hash = rehash(e);
        const QString error =
            raw.exec(QStringLiteral("UPDATE audit_log SET detail = ?, actor = ?, prev_hash = ?, hash = ?, key_id = ? "
                                    "WHERE seq = ?"),
                     {e.detail, e.actor, e.prevHash, e.hash, legacy ? QVariant() : QVariant(e.keyId), seq});
        if (!error.isEmpty()) {
            return error;
        }
        previous = e.hash;
    }
    return raw.exec(QStringLiteral("UPDATE audit_head SET last_hash = ?"), {previous});
}

void writeFile(const QString& path, const QByteArray& content, QFile::Permissions permissions)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    QVERIFY(f.setPermissions(permissions));
}
} // namespace

#define PREPARE(db, count, n)                                                                                          \
    QINGTING_TEST_DATABASE(scratch);                                                                                   \
    QINGTING_OPEN_DATABASE(db, scratch);                                                                               \
    QString changeError;                                                                                               \
    const int count = makeChanges(db->repositories(), n, &changeError);                                                \
    QVERIFY2(count == n, qPrintable(changeError));                                                                     \
    {                                                                                                                  \
        const AuditVerification good = verify(db->repositories());                                                     \
        QVERIFY2(good.ok&& good.keyedChecked, qPrintable(good.problem + good.keyNote));                                \
        QCOMPARE(good.keyedEntries, qint64(count));                                                                    \
    }

void TestAuditTrust::initTestCase()
{
    QVERIFY(QCoreApplication::instance());
}

void TestAuditTrust::init()
{
    // Every test function gets a key file of its own, as a desk would have in AppConfigLocation.
    m_keys = std::make_unique<QTemporaryDir>();
    QVERIFY(m_keys->isValid());
    m_keyPath = m_keys->filePath(QStringLiteral("config/audit.key"));
    qputenv("QINGTING_AUDIT_KEY", QFile::encodeName(m_keyPath));
}

void TestAuditTrust::keyFileIsPrivateAndCreatedOnce()
{
    QVERIFY(!QFileInfo::exists(m_keyPath));
    const auto created = AuditKeyRing::create(m_keyPath);
    QINGTING_VERIFY_OK(created);
    QCOMPARE(QFileInfo(m_keyPath).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(created->ids().size(), 1);
    QCOMPARE(created->currentId().size(), 16);
    // A second create (another desk process at the same moment) keeps the first key.
    const auto again = AuditKeyRing::create(m_keyPath);
    QINGTING_VERIFY_OK(again);
    QCOMPARE(again->currentId(), created->currentId());
    const auto loaded = AuditKeyRing::load(m_keyPath);
    QINGTING_VERIFY_OK(loaded);
    QCOMPARE(loaded->currentId(), created->currentId());
    QCOMPARE(AuditKeyRing::defaultPath(), m_keyPath);

    const QByteArray message("entry");
    const QString mac = loaded->mac(loaded->currentId(), message);
    QCOMPARE(mac.size(), 64);
    QVERIFY(loaded->checkMac(loaded->currentId(), message, mac));
    QVERIFY(!loaded->checkMac(loaded->currentId(), QByteArray("entrY"), mac));
    QVERIFY(loaded->mac(QStringLiteral("0000000000000000"), message).isEmpty());
    const QString signature = loaded->sign(loaded->currentId(), message);
    QVERIFY(AuditKeyRing::checkSignature(loaded->publicKey(loaded->currentId()), message, signature));
    QVERIFY(!AuditKeyRing::checkSignature(loaded->publicKey(loaded->currentId()), QByteArray("other"), signature));

    // Rotation: a second line seals new entries; the first still verifies old ones.
    const QString second = AuditKeyRing::newKeyLine();
    QFile f(m_keyPath);
    QVERIFY(f.open(QIODevice::Append));
    f.write(second.toLatin1() + '\n');
    f.close();
    const auto rotated = AuditKeyRing::load(m_keyPath);
    QINGTING_VERIFY_OK(rotated);
    QCOMPARE(rotated->ids().size(), 2);
    QCOMPARE(rotated->currentId(), AuditKeyRing::keyIdOf(QByteArray::fromHex(second.toLatin1())));
    QVERIFY(rotated->checkMac(created->currentId(), message, mac));
}

void TestAuditTrust::insecureOrMalformedKeyFileIsRefused()
{
    QINGTING_VERIFY_OK(AuditKeyRing::create(m_keyPath));
    QVERIFY(QFile::setPermissions(m_keyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                                 QFileDevice::ReadOther));
    const auto readable = AuditKeyRing::load(m_keyPath);
    QVERIFY(!readable);
    QCOMPARE(readable.error().code, Error::Code::Invalid);
    QVERIFY2(readable.error().message.contains(QLatin1String("chmod 600")), qPrintable(readable.error().message));

    const QString bad = m_keys->filePath(QStringLiteral("bad.key"));
    writeFile(bad, QByteArrayLiteral("# comment\nnot-a-key\n"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const auto malformed = AuditKeyRing::load(bad);
    QVERIFY(!malformed);
    QVERIFY2(malformed.error().message.contains(QLatin1String("Line 2")), qPrintable(malformed.error().message));
    const auto missing = AuditKeyRing::load(m_keys->filePath(QStringLiteral("none.key")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestAuditTrust::reforgeWithPlainSha256IsCaught()
{
    PREPARE(db, count, 8);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    // Entry 4 made to say something else; 4..8 and the head recomputed with plain SHA-256 (no key).
    QCOMPARE(reforge(
                 raw, 4, count, [](AuditEntry& e) { e.detail = QStringLiteral("{\"login\":\"nobody\"}"); }, plainSha256,
                 false),
             QString());
    const AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 4);
    QVERIFY2(v.problem.contains(QLatin1String("keyed seal")), qPrintable(v.problem));

    // The same with the first entry: caught at 1.
    QCOMPARE(reforge(
                 raw, 1, count, [](AuditEntry& e) { e.actor = QStringLiteral("zhou"); }, plainSha256, false),
             QString());
    QCOMPARE(verify(db->repositories()).brokenSeq, 1);
}

void TestAuditTrust::reforgeWithOldFormulaIsCaught()
{
    PREPARE(db, count, 8);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    // Entries 5..8 rewritten in the old unkeyed format, the head's legacy boundary moved past them.
    QCOMPARE(reforge(
                 raw, 5, count, [](AuditEntry& e) { e.detail = QStringLiteral("{}"); }, AuditChain::legacyHash, true),
             QString());
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_head SET legacy_until = last_seq")), QString());
    const AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 5);
    QVERIFY2(v.problem.contains(QLatin1String("old unkeyed format")), qPrintable(v.problem));
}

void TestAuditTrust::wholeLogDowngradedIsCaught()
{
    PREPARE(db, count, 6);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    // Every entry in the old format, as if the log had never been keyed: only the head's seal can tell.
    QCOMPARE(reforge(
                 raw, 1, count, [](AuditEntry& e) { e.detail = QStringLiteral("{}"); }, AuditChain::legacyHash, true),
             QString());
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_head SET legacy_until = last_seq")), QString());
    AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 1);
    // Removing the head's seal as well does not help.
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_head SET key_id = NULL, head_mac = NULL")), QString());
    v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 1);
    // ... and reopening the database does not seal the forged head (only a creating or migrating open seals).
    db.reset();
    QINGTING_OPEN_DATABASE(reopened, scratch);
    v = verify(reopened->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 1);
}

void TestAuditTrust::deletedTailWithRewoundHeadIsCaught()
{
    PREPARE(db, count, 8);
    RawConnection raw(scratch);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    const AuditEntry keep = entryAt(raw, 5);
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 5")), QString());
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_head SET last_seq = 5, last_hash = ?"), {keep.hash}), QString());
    const AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.entriesChecked, 5);
    QCOMPARE(v.brokenSeq, 6);
    QVERIFY2(v.problem.contains(QLatin1String("removed")), qPrintable(v.problem));
    Q_UNUSED(count);
}

void TestAuditTrust::replayedHeadIsCaughtByCheckpoint()
{
    PREPARE(db, count, 5);
    RawConnection raw(scratch);
    // The attacker keeps a copy of the head row as it was after entry 5 ...
    const auto oldHead = raw.rows(QStringLiteral("SELECT last_seq, last_hash, legacy_until, key_id, head_mac "
                                                 "FROM audit_head"));
    QCOMPARE(oldHead.size(), 1);
    QString error;
    QCOMPARE(makeChanges(db->repositories(), 0, &error), 0);
    {
        FixedClock clock(at(QStringLiteral("2026-03-03 09:00")));
        const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
        QINGTING_VERIFY_OK(UserService(Session::commandLine(), db->repositories(), clock, hasher)
                               .add(QStringLiteral("late"), Role::Clerk, QString(), QStringLiteral("long-password")));
    }
    const auto good = verify(db->repositories());
    QVERIFY(good.ok && good.keyedChecked);
    // ... a checkpoint of entry 6 is kept outside the database ...
    const AuditCheckpoint checkpoint{good.lastSeq, good.lastHash};
    QCOMPARE(checkpoint.seq, qint64(count + 1));
    QVERIFY(verify(db->repositories(), checkpoint).checkpointChecked);
    // ... then deletes entry 6 and puts the old head row back: its seal is genuine, so only the checkpoint tells.
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    QCOMPARE(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 6")), QString());
    const QVariantList& h = oldHead.constFirst();
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_head SET last_seq = ?, last_hash = ?, legacy_until = ?, key_id = ?, "
                                     "head_mac = ?"),
                      {h.at(0), h.at(1), h.at(2), h.at(3), h.at(4)}),
             QString());
    QVERIFY(verify(db->repositories()).ok); // the documented limit of the head seal alone
    const AuditVerification v = verify(db->repositories(), checkpoint);
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 6);
    QVERIFY2(v.problem.contains(QLatin1String("checkpoint")), qPrintable(v.problem));
}

void TestAuditTrust::nullZeroAndTextActorIdsDiffer()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Clerk);
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService asClerk(clerk, repos, clock);
    QINGTING_VERIFY_OK(asClerk.create(Fixtures::anonymousDraft(repos, QStringLiteral("等候时间太长"))));
    QString error;
    QCOMPARE(makeChanges(repos, 1, &error), 1); // entry 2: the CLI, actor_id NULL
    QVERIFY(verify(repos).ok);

    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE seq = 2 AND actor_id IS NULL")).toInt(),
             1);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    // NULL -> 0: the old formula read both as 0.
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET actor_id = 0 WHERE seq = 2")), QString());
    QVERIFY(AuditChain::legacyHash(entryAt(raw, 2)) == AuditChain::legacyHash([&] {
                AuditEntry e = entryAt(raw, 2);
                e.actorId = 0;
                return e;
            }()));
    AuditVerification v = verify(repos);
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 2);
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET actor_id = NULL WHERE seq = 2")), QString());
    QVERIFY(verify(repos).ok);
    // The clerk's id -> NULL.
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET actor_id = NULL WHERE seq = 1")), QString());
    QCOMPARE(verify(repos).brokenSeq, 1);
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET actor_id = ? WHERE seq = 1"), {clerk.userId()}), QString());
    QVERIFY(verify(repos).ok);
    if (!scratch.isPostgres()) {
        // SQLite keeps a text in an integer column: garbage and a number spelled as text are not the number.
        QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET actor_id = 'garbage' WHERE seq = 2")), QString());
        QCOMPARE(verify(repos).brokenSeq, 2);
        // A time made a real number is not the integer it was, even where it compares equal.
        QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET actor_id = NULL WHERE seq = 2")), QString());
        QVERIFY(verify(repos).ok);
        QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET entity_id = 1.5 WHERE seq = 2")), QString());
        QCOMPARE(verify(repos).brokenSeq, 2);
    }
    // Typed cells in the encoding itself.
    QVERIFY(AuditChain::canonical({QVariant()}) != AuditChain::canonical({QVariant(qint64(0))}));
    QVERIFY(AuditChain::canonical({QVariant(qint64(0))}) != AuditChain::canonical({QVariant(QStringLiteral("0"))}));
    QVERIFY(AuditChain::canonical({QVariant()}) != AuditChain::canonical({QVariant(QString(QLatin1String("")))}));
}

void TestAuditTrust::truncateIsRefusedAndDetected()
{
    TestDatabase scratch(QStringLiteral("postgres"));
    if (!scratch.skipReason().isEmpty()) {
        QSKIP(qPrintable(scratch.skipReason()));
    }
    QVERIFY2(scratch.setupError().isEmpty(), qPrintable(scratch.setupError()));
    QINGTING_OPEN_DATABASE(db, scratch);
    QString error;
    QCOMPARE(makeChanges(db->repositories(), 3, &error), 3);
    RawConnection raw(scratch);
    const QString refused = raw.exec(QStringLiteral("TRUNCATE audit_log"));
    QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 3);
    QVERIFY(verify(db->repositories()).ok);

    QCOMPARE(raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_truncate ON audit_log")), QString());
    QCOMPARE(raw.exec(QStringLiteral("TRUNCATE audit_log")), QString());
    AuditVerification v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 1);
    // Resetting the head to "nothing written" needs the key for its seal.
    QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_head SET last_seq = 0, last_hash = ?"), {AuditChain::genesis()}),
             QString());
    v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 1);
}

void TestAuditTrust::missingAndWrongKeysAreReportedClearly()
{
    PREPARE(db, count, 3);
    db.reset();
    const QString deskKey = m_keyPath;

    // Another desk without any key file: it opens and verifies the structure, says why the keyed check was skipped,
    // and refuses to write.
    qputenv("QINGTING_AUDIT_KEY", QFile::encodeName(m_keys->filePath(QStringLiteral("other/audit.key"))));
    {
        QINGTING_OPEN_DATABASE(other, scratch);
        QVERIFY(!QFileInfo::exists(m_keys->filePath(QStringLiteral("other/audit.key"))));
        QVERIFY(other->auditKeys() == nullptr);
        QVERIFY2(other->auditKeyProblem().contains(QLatin1String("Copy the hall's audit key file")),
                 qPrintable(other->auditKeyProblem()));
        const AuditVerification v = verify(other->repositories());
        QVERIFY(v.ok);
        QVERIFY(!v.keyedChecked);
        QCOMPARE(v.entriesChecked, qint64(count));
        QVERIFY2(v.keyNote.contains(QLatin1String("no audit key file")), qPrintable(v.keyNote));
        QString error;
        QCOMPARE(makeChanges(other->repositories(), 1, &error), -1);
        QVERIFY2(error.contains(QLatin1String("audit key")), qPrintable(error));
    }
    // A desk with another hall's key: named as a wrong key, not as tampering.
    QINGTING_VERIFY_OK(AuditKeyRing::create(m_keys->filePath(QStringLiteral("other/audit.key"))));
    {
        QINGTING_OPEN_DATABASE(other, scratch);
        QVERIFY(other->auditKeys() != nullptr);
        QVERIFY2(other->auditKeyProblem().contains(QLatin1String("is sealed with key")),
                 qPrintable(other->auditKeyProblem()));
        const AuditVerification v = verify(other->repositories());
        QVERIFY(v.ok);
        QVERIFY(!v.keyedChecked);
        QVERIFY2(v.keyNote.contains(QLatin1String("holds only")), qPrintable(v.keyNote));
        QString error;
        QCOMPARE(makeChanges(other->repositories(), 1, &error), -1);
    }
    // The right key again: everything holds, nothing was written meanwhile.
    qputenv("QINGTING_AUDIT_KEY", QFile::encodeName(deskKey));
    QINGTING_OPEN_DATABASE(again, scratch);
    QVERIFY(again->auditKeyProblem().isEmpty());
    const AuditVerification v = verify(again->repositories());
    QVERIFY(v.ok && v.keyedChecked);
    QCOMPARE(v.entriesChecked, qint64(count));
}

void TestAuditTrust::legacyLogMigratesAndStaysVerifiable()
{
    QINGTING_TEST_DATABASE(scratch);
    const int keyedVersion = [] {
        for (const Migration& m : Migrator::migrations()) {
            if (m.name == QLatin1String("audit_keyed")) {
                return m.version;
            }
        }
        return 0;
    }();
    QVERIFY(keyedVersion > 1);
    {
        // A log as the schema before keying wrote it: plain SHA-256 over text, actor_id NULL for the CLI.
        auto raw = scratch.isPostgres() ? RawConnection::toPostgres(scratch.postgresUrl())
                                        : RawConnection::toSqlite(scratch.sqlitePath());
        QVERIFY(raw->isOpen());
        QCOMPARE(Migrator(raw->db()).migrate(keyedVersion - 1).toVersion, keyedVersion - 1);
        QString previous = AuditChain::genesis();
        for (int seq = 1; seq <= 4; ++seq) {
            AuditEntry e;
            e.seq = seq;
            e.at = at(QStringLiteral("2026-01-05 08:00")).addSecs(seq * 60);
            e.actor = QStringLiteral("cli");
            e.action = QStringLiteral("user.add");
            e.entity = QStringLiteral("user");
            e.entityId = seq;
            e.detail = QStringLiteral("{\"login\":\"u%1\"}").arg(seq);
            e.prevHash = previous;
            e.hash = AuditChain::legacyHash(e);
            QCOMPARE(raw->exec(
                         QStringLiteral("INSERT INTO audit_log (seq, at, actor_id, actor, action, entity, "
                                        "entity_id, detail, prev_hash, hash) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)"),
                         {e.seq, e.at.toSecsSinceEpoch(), e.actor, e.action, e.entity, e.entityId, e.detail, e.prevHash,
                          e.hash}),
                     QString());
            previous = e.hash;
        }
        QCOMPARE(raw->exec(QStringLiteral("UPDATE audit_head SET last_seq = 4, last_hash = ?"), {previous}), QString());
    }
    QVERIFY(!QFileInfo::exists(m_keyPath));
    QINGTING_OPEN_DATABASE(db, scratch);
    QVERIFY(db->auditKeyCreated());
    QVERIFY(QFileInfo::exists(m_keyPath));
    AuditVerification v = verify(db->repositories());
    QVERIFY2(v.ok && v.keyedChecked, qPrintable(v.problem + v.keyNote));
    QCOMPARE(v.legacyEntries, 4);
    QCOMPARE(v.keyedEntries, 0);
    QString error;
    QCOMPARE(makeChanges(db->repositories(), 2, &error), 2);
    v = verify(db->repositories());
    QVERIFY2(v.ok && v.keyedChecked, qPrintable(v.problem + v.keyNote));
    QCOMPARE(v.legacyEntries, 4);
    QCOMPARE(v.keyedEntries, 2);

    RawConnection raw(scratch);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT legacy_until FROM audit_head")).toInt(), 4);
    QCOMPARE(disableAppendOnly(raw, scratch.isPostgres()), QString());
    // An old entry edited and every later one recomputed, old ones with the old formula, keyed ones with SHA-256:
    // the first keyed entry no longer links under its seal.
    QCOMPARE(reforge(
                 raw, 2, 4, [](AuditEntry& e) { e.detail = QStringLiteral("{}"); }, AuditChain::legacyHash, true),
             QString());
    v = verify(db->repositories());
    QVERIFY(!v.ok);
    QCOMPARE(v.brokenSeq, 5);
}

void TestAuditTrust::citizenReadsAreAudited()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    const Session clerk = Fixtures::addUser(repos, QStringLiteral("chen"), Role::Clerk);
    FixedClock clock(at(QStringLiteral("2026-03-02 09:00")));
    CaseService service(clerk, repos, clock);
    const auto c = service.create(Fixtures::citizenDraft(repos, QStringLiteral("办事人员态度差")));
    QINGTING_VERIFY_OK(c);
    clock.advanceSeconds(120);
    const auto citizen = service.citizen(c->id);
    QINGTING_VERIFY_OK(citizen);
    QCOMPARE(citizen->name, QStringLiteral("张三"));
    const auto latest = repos.audit->latest(1);
    QINGTING_VERIFY_OK(latest);
    const AuditEntry& read = latest->constFirst();
    QCOMPARE(read.action, QStringLiteral("citizen.read"));
    QCOMPARE(read.actor, QStringLiteral("chen"));
    QCOMPARE(read.actorId, clerk.userId());
    QCOMPARE(read.entity, QStringLiteral("case"));
    QCOMPARE(read.entityId, c->id);
    QCOMPARE(read.at, clock.now());
    QVERIFY2(read.detail.contains(c->caseNo), qPrintable(read.detail));

    // An anonymous case has no personal data to read, and a trainer may not read any: neither is recorded.
    const auto anonymous = service.create(Fixtures::anonymousDraft(repos, QStringLiteral("大厅太冷")));
    QINGTING_VERIFY_OK(anonymous);
    const qint64 before = verify(repos).entriesChecked;
    QVERIFY(!service.citizen(anonymous->id));
    const Session trainer = Fixtures::addUser(repos, QStringLiteral("lin"), Role::Trainer);
    QVERIFY(!CaseService(trainer, repos, clock).citizen(c->id));
    QCOMPARE(verify(repos).entriesChecked, before);

    // A desk that cannot record the read gets no data.
    db.reset();
    qputenv("QINGTING_AUDIT_KEY", QFile::encodeName(m_keys->filePath(QStringLiteral("missing/audit.key"))));
    QINGTING_OPEN_DATABASE(keyless, scratch);
    const auto refused = CaseService(clerk, keyless->repositories(), clock).citizen(c->id);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("audit key")), qPrintable(refused.error().message));
}

void TestAuditTrust::ownerRoleIsWarned()
{
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    if (!scratch.isPostgres()) {
        QVERIFY(db->warnings().isEmpty());
        return;
    }
    // The test server's admin owns everything: exactly the set-up the README warns against.
    QCOMPARE(db->warnings().size(), 1);
    QVERIFY2(db->warnings().constFirst().contains(QLatin1String("owns")), qPrintable(db->warnings().constFirst()));
}

void TestAuditTrust::deskRoleWritesRowsButCannotAlterTheLog()
{
    const QString role = QStringLiteral("qt_desk_%1").arg(QCoreApplication::applicationPid());
    {
        TestDatabase scratch(QStringLiteral("postgres"));
        if (!scratch.skipReason().isEmpty()) {
            QSKIP(qPrintable(scratch.skipReason()));
        }
        QVERIFY2(scratch.setupError().isEmpty(), qPrintable(scratch.setupError()));
        {
            QINGTING_OPEN_DATABASE(owner, scratch); // init, as the owner
        }
        RawConnection admin(scratch);
        // The README's grants, word for word in spirit: rows, not tables.
        const QStringList grants{
            QStringLiteral("CREATE ROLE %1 LOGIN").arg(role),
            QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(role),
            QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1").arg(role),
            QStringLiteral("REVOKE UPDATE, DELETE ON audit_log FROM %1").arg(role),
            QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1").arg(role),
        };
        for (const QString& sql : grants) {
            QCOMPARE(admin.exec(sql), QString());
        }
        QUrl deskUrl(scratch.postgresUrl());
        deskUrl.setUserName(role);
        {
            auto desk =
                Database::open(DatabaseLocation::postgres(deskUrl.toString()), Database::OpenMode::ExistingOnly);
            QINGTING_VERIFY_OK(desk);
            QVERIFY2((*desk)->warnings().isEmpty(), qPrintable((*desk)->warnings().join(QLatin1Char('\n'))));
            QVERIFY((*desk)->auditKeyProblem().isEmpty());
            QString error;
            QCOMPARE(makeChanges((*desk)->repositories(), 2, &error), 2);
            const AuditVerification v = verify((*desk)->repositories());
            QVERIFY(v.ok && v.keyedChecked);

            auto raw = RawConnection::toPostgres(deskUrl.toString());
            QVERIFY(raw->isOpen());
            for (const QString& attack :
                 {QStringLiteral("DROP TRIGGER audit_log_no_update ON audit_log"),
                  QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER"),
                  QStringLiteral("UPDATE audit_log SET detail = '{}'"), QStringLiteral("DELETE FROM audit_log"),
                  QStringLiteral("TRUNCATE audit_log"), QStringLiteral("DROP TABLE audit_log")}) {
                const QString refused = raw->exec(attack);
                QVERIFY2(!refused.isEmpty(), qPrintable(attack));
            }
            QCOMPARE(raw->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 2);
        }
        QCOMPARE(admin.exec(QStringLiteral("DROP OWNED BY %1").arg(role)), QString());
    }
    auto server = RawConnection::toPostgres(TestDatabase::adminUrl());
    QCOMPARE(server->exec(QStringLiteral("DROP ROLE %1").arg(role)), QString());
}

/** QINGTING_AUDIT_BENCH=N: appends N entries and times verify (median of 3); not part of ./test. */
void TestAuditTrust::verifySpeed()
{
    const int n = qEnvironmentVariableIntValue("QINGTING_AUDIT_BENCH");
    if (n <= 0) {
        QSKIP("set QINGTING_AUDIT_BENCH=N to time verify over N entries");
    }
    QINGTING_TEST_DATABASE(scratch);
    QINGTING_OPEN_DATABASE(db, scratch);
    const Repositories repos = db->repositories();
    {
        WriteTransaction tx(*repos.unitOfWork);
        QINGTING_VERIFY_OK(tx.started());
        for (int i = 0; i < n; ++i) {
            AuditEntry e;
            e.at = at(QStringLiteral("2026-03-02 09:00")).addSecs(i);
            e.actorId = i % 7;
            e.actor = QStringLiteral("clerk%1").arg(i % 7);
            e.action = QStringLiteral("case.acknowledge");
            e.entity = QStringLiteral("case");
            e.entityId = i + 1;
            e.detail = QStringLiteral("{\"case_no\":\"QT-20260302-%1\"}").arg(i, 4, 10, QLatin1Char('0'));
            QINGTING_VERIFY_OK(repos.audit->append(e));
        }
        QINGTING_VERIFY_OK(tx.commit());
    }
    QList<qint64> times;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const AuditVerification v = verify(repos);
        times << timer.elapsed();
        QVERIFY(v.ok && v.keyedChecked);
        QCOMPARE(v.entriesChecked, qint64(n));
    }
    std::sort(times.begin(), times.end());
    // For comparison under the same load: the walk verify did before keying (one query, SHA-256 over text fields).
    RawConnection raw(scratch);
    QList<qint64> oldTimes;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery q(raw.db());
        q.setForwardOnly(true);
        QVERIFY(q.exec(QStringLiteral("SELECT seq, at, actor_id, actor, action, entity, entity_id, detail, prev_hash, "
                                      "hash FROM audit_log ORDER BY seq")));
        int walked = 0;
        while (q.next()) {
            AuditEntry e;
            e.seq = q.value(0).toLongLong();
            e.at = QDateTime::fromSecsSinceEpoch(q.value(1).toLongLong());
            e.actorId = q.value(2).toLongLong();
            e.actor = q.value(3).toString();
            e.action = q.value(4).toString();
            e.entity = q.value(5).toString();
            e.entityId = q.value(6).toLongLong();
            e.detail = q.value(7).toString();
            e.prevHash = q.value(8).toString();
            walked += AuditChain::legacyHash(e).size() == 64 ? 1 : 0;
        }
        oldTimes << timer.elapsed();
        QCOMPARE(walked, n);
    }
    std::sort(oldTimes.begin(), oldTimes.end());
    qInfo("verify over %d entries (%s): median %lld ms; the walk before keying, same data and load: %lld ms", n,
          qPrintable(scratch.backend()), times.at(1), oldTimes.at(1));
}

QTEST_GUILESS_MAIN(TestAuditTrust)
#include "tst_audit_trust.moc"
