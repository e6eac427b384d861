#include "Database.h"
#include "Migrator.h"
#include "TestDatabases.h"
#include "audit/AuditKeyRing.h"
#include "cases/CaseStatus.h"
#include "repositories/AuditRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/ReplyRuleRepository.h"
#include "repositories/UserRepository.h"
#include "risk/RiskScorer.h"
#include "users/PasswordHasher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

/** The real qingting-cli, run as a process against scratch databases: output formats, exit codes, side effects. */
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void version();
    void initCreatesThenIsUpToDate();
    void initRefusesAndLeavesTheFileAlone_data();
    void initRefusesAndLeavesTheFileAlone();
    void userAddListDisable();
    void userAddRejections_data();
    void userAddRejections();
    void verifyDetectsTampering();
    void verifyNeedsTheAuditKey();
    void checkpointCatchesARewoundTail();
    void deadline_data();
    void deadline();
    void usageErrors_data();
    void usageErrors();
    void backupCopiesWhileInUse();
    void backupRefusals();
    void restoreReplacesAndKeepsTheOldAside();
    void restoreRefusesAndChangesNothing();
    void retentionPurgeErasesThePersonAndKeepsTheFigures();
    void calendarImportAndList();
    void calendarImportRejectsBadFiles();
    void casesListsAsTheDeskDoes();
    void lintReply();
    void lintReplyUsesTheDatabaseRules();
    void anonymizeWithoutDatabase(); // drills (issue 15)
    void anonymizeLineForLine_data();
    void anonymizeLineForLine();
    void anonymizeWithDatabase();
    void anonymizeUsageAndFailures();
    void riskJsonLineForLine(); // risk (issue 16)
    void riskJsonAgreesWithTheScorer();
    void riskPlainForm();
    void riskLineEndsAndEmptyLines_data();
    void riskLineEndsAndEmptyLines();
    void riskUsageErrors_data();
    void riskUsageErrors();
    void postgres();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList& args, const QByteArray& input = {}, const QProcessEnvironment& extraEnv = {});
    Run onDb(const QStringList& args, const QByteArray& input = {}) { return cli(dbArgs() + args, input); }
    Run addUser(const QString& login, const QString& role)
    {
        return onDb({QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), role},
                    QByteArrayLiteral("correct-horse-battery\n"));
    }
    QStringList dbArgs() const { return {QStringLiteral("--db"), m_path}; }
    /** The audit key file the CLI creates in its AppConfigLocation. */
    QString keyPath() const { return m_dir->filePath(QStringLiteral("xdg-config/Qingting/qingting/audit.key")); }
    /** One audited change without a slow password hash: a backup, which records itself in the audit log. */
    Run auditedBackup(const QProcessEnvironment& env = {})
    {
        static int n = 0;
        return cli(dbArgs() + QStringList{QStringLiteral("backup"), QStringLiteral("--out"),
                                          m_dir->filePath(QStringLiteral("backup-%1.sqlite").arg(++n))},
                   {}, env);
    }
    QStringList folder() const { return QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden, QDir::Name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

namespace {
/** Every audit entry as "action actor actorId", oldest first. */
QStringList auditTrail(const DatabaseLocation& location)
{
    auto db = Database::open(location, Database::OpenMode::ExistingOnly);
    if (!db) {
        return {QStringLiteral("cannot open: ") + db.error().message};
    }
    const auto entries = (*db)->repositories().audit->latest(1000);
    QStringList trail;
    for (const AuditEntry& e : *entries) {
        trail.prepend(QStringLiteral("%1 %2 %3").arg(e.action, e.actor).arg(e.actorId));
    }
    return trail;
}

QString describe(const QString& what, int exitCode, const QString& out, const QString& err)
{
    return QStringLiteral("%1: exit %2\nstdout: %3\nstderr: %4").arg(what).arg(exitCode).arg(out, err);
}
} // namespace

#define VERIFY_EXIT(run, code)                                                                                         \
    QVERIFY2((run).exitCode == (code), qPrintable(describe(QStringLiteral(#run), (run).exitCode, (run).out, (run).err)))

void TestCli::casesListsAsTheDeskDoes()
{
    VERIFY_EXIT(onDb({QStringLiteral("demo"), QStringLiteral("--cases"), QStringLiteral("300"),
                      QStringLiteral("--days"), QStringLiteral("30"), QStringLiteral("--end"),
                      QStringLiteral("2026-06-30"), QStringLiteral("--seed"), QStringLiteral("5")}),
                0);

    // Tab-separated: case_no, received, status, channel, window, service item, category, summary; oldest first.
    const Run firstFive = onDb({QStringLiteral("cases"), QStringLiteral("--limit"), QStringLiteral("5")});
    VERIFY_EXIT(firstFive, 0);
    const QStringList lines = firstFive.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    static const QRegularExpression number(QStringLiteral("^QT-\\d{8}-\\d{4,}$"));
    static const QRegularExpression received(QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$"));
    QString previous;
    for (const QString& line : lines) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), 8);
        QVERIFY2(number.match(fields.at(0)).hasMatch(), qPrintable(line));
        QVERIFY2(received.match(fields.at(1)).hasMatch(), qPrintable(line));
        QVERIFY(CaseStatuses::fromCode(fields.at(2)).has_value());
        QVERIFY(Channels::fromCode(fields.at(3)).has_value());
        QVERIFY(!fields.at(7).isEmpty());
        QVERIFY(previous <= fields.at(1));
        previous = fields.at(1);
    }

    // JSON: the same list, every page of it (more than one page of 1,000 is asked for), newest first.
    const Run json = onDb({QStringLiteral("cases"), QStringLiteral("--json"), QStringLiteral("--desc"),
                           QStringLiteral("--limit"), QStringLiteral("5000")});
    VERIFY_EXIT(json, 0);
    const QJsonArray all = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(all.size(), 300);
    const QStringList required{QStringLiteral("case_no"),  QStringLiteral("received"), QStringLiteral("status"),
                               QStringLiteral("channel"),  QStringLiteral("window"),   QStringLiteral("service_item"),
                               QStringLiteral("category"), QStringLiteral("summary")};
    QSet<QString> numbers;
    for (const QJsonValue& v : all) {
        const QJsonObject o = v.toObject();
        for (const QString& key : required) {
            QVERIFY2(o.contains(key), qPrintable(key));
        }
        for (const QString& personal : {QStringLiteral("citizen"), QStringLiteral("name"), QStringLiteral("phone"),
                                        QStringLiteral("id_number"), QStringLiteral("address")}) {
            QVERIFY(!o.contains(personal));
        }
        numbers.insert(o.value(QStringLiteral("case_no")).toString());
    }
    QCOMPARE(numbers.size(), 300);
    QVERIFY(all.first().toObject().value(QStringLiteral("received")).toString() >=
            all.last().toObject().value(QStringLiteral("received")).toString());

    // Filters: a status, "open", overdue, and a search term taken from a listed summary.
    const Run closed = onDb({QStringLiteral("cases"), QStringLiteral("--status"), QStringLiteral("closed"),
                             QStringLiteral("--limit"), QStringLiteral("5000")});
    VERIFY_EXIT(closed, 0);
    for (const QString& line : closed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QCOMPARE(line.section(QLatin1Char('\t'), 2, 2), QStringLiteral("closed"));
    }
    const Run overdue =
        onDb({QStringLiteral("cases"), QStringLiteral("--overdue"), QStringLiteral("--status"), QStringLiteral("open"),
              QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("5000")});
    VERIFY_EXIT(overdue, 0);
    for (const QJsonValue& v : QJsonDocument::fromJson(overdue.out.toUtf8()).array()) {
        QVERIFY(v.toObject().value(QStringLiteral("overdue")).toBool());
    }
    const QJsonObject sample = all.at(7).toObject();
    const QString term = sample.value(QStringLiteral("summary")).toString().left(4).trimmed();
    const Run found = onDb(
        {QStringLiteral("cases"), QStringLiteral("--search"), term, QStringLiteral("--limit"), QStringLiteral("5000")});
    VERIFY_EXIT(found, 0);
    QVERIFY2(found.out.contains(sample.value(QStringLiteral("case_no")).toString()), qPrintable(term));

    // Sorted by waiting time, longest first (no waiting time sorts last).
    const Run waited =
        onDb({QStringLiteral("cases"), QStringLiteral("--sort"), QStringLiteral("waited"), QStringLiteral("--desc"),
              QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("5000")});
    VERIFY_EXIT(waited, 0);
    int last = std::numeric_limits<int>::max();
    for (const QJsonValue& v : QJsonDocument::fromJson(waited.out.toUtf8()).array()) {
        const QJsonValue minutes = v.toObject().value(QStringLiteral("waited_minutes"));
        const int m = minutes.isNull() ? -1 : minutes.toInt();
        QVERIFY(m <= last);
        last = m;
    }

    // Wrong words are usage errors; an unknown assignee is rejected input.
    VERIFY_EXIT(onDb({QStringLiteral("cases"), QStringLiteral("--sort"), QStringLiteral("priority")}), 2);
    VERIFY_EXIT(onDb({QStringLiteral("cases"), QStringLiteral("--status"), QStringLiteral("lost")}), 2);
    VERIFY_EXIT(onDb({QStringLiteral("cases"), QStringLiteral("--limit"), QStringLiteral("0")}), 2);
    VERIFY_EXIT(onDb({QStringLiteral("cases"), QStringLiteral("--colour")}), 2);
    VERIFY_EXIT(onDb({QStringLiteral("cases"), QStringLiteral("--assignee"), QStringLiteral("nobody")}), 3);
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("desk.sqlite"));
}

TestCli::Run TestCli::cli(const QStringList& args, const QByteArray& input, const QProcessEnvironment& extraEnv)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QINGTING_PG"));
    env.remove(QStringLiteral("QINGTING_AUDIT_KEY")); // the CLI finds its key in its own config folder
    env.remove(QStringLiteral("QINGTING_DEBUG"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    env.insert(extraEnv);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(QINGTING_CLI), args);
    if (!p.waitForStarted(10000)) {
        return {};
    }
    p.write(input);
    p.closeWriteChannel();
    Run run;
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(5000);
        run.err = QStringLiteral("qingting-cli did not finish");
        return run;
    }
    run.exitCode = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

void TestCli::version()
{
    const Run run = cli({QStringLiteral("version")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(
        run.out,
        QStringLiteral("qingting %1 schema %2\n").arg(QStringLiteral(QINGTING_VERSION)).arg(Migrator::latestVersion()));
    QVERIFY(
        QRegularExpression(QStringLiteral("^qingting \\d+\\.\\d+\\.\\d+ schema \\d+\\n$")).match(run.out).hasMatch());
    QVERIFY(run.err.isEmpty());
    // version needs no database and creates none.
    const Run withDb = onDb({QStringLiteral("version")});
    VERIFY_EXIT(withDb, 0);
    QCOMPARE(withDb.out, run.out);
    QVERIFY(!QFileInfo::exists(m_path));
}

void TestCli::initCreatesThenIsUpToDate()
{
    const Run created = onDb({QStringLiteral("init")});
    VERIFY_EXIT(created, 0);
    QVERIFY(created.out.contains(QLatin1String("Created")));
    QVERIFY(created.out.contains(QStringLiteral("schema %1").arg(Migrator::latestVersion())));
    QVERIFY(created.err.isEmpty());
    QVERIFY(QFileInfo(m_path).size() > 0);
    // The audit key was made beside the desk's settings, private, and init says where it is.
    QVERIFY2(created.out.contains(QStringLiteral("Created the audit key %1").arg(keyPath())), qPrintable(created.out));
    QCOMPARE(QFileInfo(keyPath()).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    const Run again = onDb({QStringLiteral("init")});
    VERIFY_EXIT(again, 0);
    QVERIFY2(again.out.contains(QLatin1String("up to date")), qPrintable(again.out));
    QVERIFY2(again.out.contains(QStringLiteral("Audit key: %1").arg(keyPath())), qPrintable(again.out));

    auto db = Database::open(DatabaseLocation::sqlite(m_path), Database::OpenMode::ExistingOnly);
    QINGTING_VERIFY_OK(db);
    QCOMPARE((*db)->versionFoundOnOpen(), Migrator::latestVersion());
    QVERIFY(auditTrail(DatabaseLocation::sqlite(m_path)).isEmpty());

    // Migrating an older file says so.
    const QString older = m_dir->filePath(QStringLiteral("older.sqlite"));
    {
        // A file as the first release wrote it: only migration 1 applied.
        auto raw = RawConnection::toSqlite(older);
        QVERIFY(raw->isOpen());
        QCOMPARE(Migrator(raw->db()).migrate(1).outcome, Migrator::Outcome::Created);
    }
    const Run migrated = cli({QStringLiteral("--db"), older, QStringLiteral("init")});
    VERIFY_EXIT(migrated, 0);
    QVERIFY2(migrated.out.contains(QStringLiteral("from schema 1 to %1").arg(Migrator::latestVersion())),
             qPrintable(migrated.out));
}

void TestCli::initRefusesAndLeavesTheFileAlone_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("another application's database") << QStringLiteral("foreign");
    QTest::newRow("a newer schema") << QStringLiteral("newer");
    QTest::newRow("a text file") << QStringLiteral("text");
}

void TestCli::initRefusesAndLeavesTheFileAlone()
{
    QFETCH(QString, kind);
    if (kind == QLatin1String("text")) {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArrayLiteral("date,kind,name\n2026-10-01,holiday,国庆节\n").repeated(10));
    } else if (kind == QLatin1String("foreign")) {
        auto raw = RawConnection::toSqlite(m_path);
        QCOMPARE(raw->exec(QStringLiteral("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")), QString());
        QCOMPARE(raw->exec(QStringLiteral("INSERT INTO contacts (name) VALUES ('李雷')")), QString());
    } else {
        VERIFY_EXIT(onDb({QStringLiteral("init")}), 0);
        auto raw = RawConnection::toSqlite(m_path);
        QCOMPARE(raw->exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at, app_version) "
                                          "VALUES (42, 'future', 0, '9.0.0')")),
                 QString());
    }
    const QString sha = fileSha256(m_path);
    const QStringList files = folder();
    QCOMPARE(files, QStringList{QStringLiteral("desk.sqlite")});

    const QList<QStringList> commands{
        {QStringLiteral("init")}, {QStringLiteral("verify")}, {QStringLiteral("user"), QStringLiteral("list")}};
    for (const QStringList& command : commands) {
        const Run refused = onDb(command);
        VERIFY_EXIT(refused, 1);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(refused.err.contains(QLatin1String("unchanged")), qPrintable(refused.err));
        if (kind == QLatin1String("newer")) {
            QVERIFY2(refused.err.contains(QLatin1String("newer")), qPrintable(refused.err));
        }
        QCOMPARE(fileSha256(m_path), sha);
        QVERIFY2(folder() == files,
                 qPrintable(QStringLiteral("files beside the refused file: ") + folder().join(QLatin1String(", "))));
    }
    const Run add = onDb({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("chen"),
                          QStringLiteral("--role"), QStringLiteral("clerk")},
                         QByteArrayLiteral("long-password\n"));
    VERIFY_EXIT(add, 1);
    QCOMPARE(fileSha256(m_path), sha);
    QCOMPARE(folder(), files);
}

void TestCli::userAddListDisable()
{
    const QByteArray password = QByteArrayLiteral("correct-horse-battery\n");
    const Run first =
        onDb({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("chen"), QStringLiteral("--role"),
              QStringLiteral("clerk"), QStringLiteral("--name"), QStringLiteral("陈明")},
             password);
    VERIFY_EXIT(first, 0);
    QVERIFY(first.out.contains(QLatin1String("chen")));
    const Run second = onDb({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("wang.li"),
                             QStringLiteral("--role=supervisor"), QStringLiteral("--name"), QStringLiteral("王丽")},
                            password);
    VERIFY_EXIT(second, 0);
    const Run third = onDb({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("root"),
                            QStringLiteral("--role"), QStringLiteral("ADMIN")},
                           QByteArrayLiteral("windows-line-end\r\n"));
    VERIFY_EXIT(third, 0);

    const Run list = onDb({QStringLiteral("user"), QStringLiteral("list")});
    VERIFY_EXIT(list, 0);
    QCOMPARE(list.out, QStringLiteral("chen\tclerk\t陈明\tactive\n"
                                      "root\tadmin\t\tactive\n"
                                      "wang.li\tsupervisor\t王丽\tactive\n"));

    // The password is stored as an Argon2id hash, and the one from stdin (without its line end) is the one kept.
    {
        auto db = Database::open(DatabaseLocation::sqlite(m_path), Database::OpenMode::ExistingOnly);
        QINGTING_VERIFY_OK(db);
        const auto root = (*db)->repositories().users->findByLogin(QStringLiteral("root"));
        const QString hash = *(*db)->repositories().users->passwordHash(root->id);
        QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(PasswordHasher(PasswordHasher::Strength::Minimal).verify(QStringLiteral("windows-line-end"), hash));
    }

    const QString usersQuery = QStringLiteral("SELECT id, login, display_name, role, password_hash, active, "
                                              "created_at, last_login_at FROM users ORDER BY id");
    const auto usersBefore = RawConnection::toSqlite(m_path)->rows(usersQuery);
    const Run disable = onDb({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("chen")});
    VERIFY_EXIT(disable, 0);
    // Only chen's active flag changed; everything they did stays on record.
    auto usersExpected = usersBefore;
    QCOMPARE(usersExpected.at(0).at(1).toString(), QStringLiteral("chen"));
    QCOMPARE(usersExpected.at(0).at(5).toInt(), 1);
    usersExpected[0][5] = 0;
    const auto usersAfter = RawConnection::toSqlite(m_path)->rows(usersQuery);
    QCOMPARE(usersAfter.size(), usersExpected.size());
    for (qsizetype i = 0; i < usersAfter.size(); ++i) {
        for (qsizetype j = 0; j < usersAfter.at(i).size(); ++j) {
            QCOMPARE(usersAfter.at(i).at(j).toString(), usersExpected.at(i).at(j).toString());
        }
    }
    const Run after = onDb({QStringLiteral("user"), QStringLiteral("list")});
    VERIFY_EXIT(after, 0);
    QCOMPARE(after.out, QStringLiteral("chen\tclerk\t陈明\tdisabled\n"
                                       "root\tadmin\t\tactive\n"
                                       "wang.li\tsupervisor\t王丽\tactive\n"));

    const Run unknown = onDb({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("nobody")});
    VERIFY_EXIT(unknown, 3);
    // The last active administrator stays.
    const Run lastAdmin = onDb({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("root")});
    VERIFY_EXIT(lastAdmin, 3);

    // Every change went through the audit log under the actor "cli" (user id 0).
    QCOMPARE(auditTrail(DatabaseLocation::sqlite(m_path)),
             (QStringList{QStringLiteral("user.add cli 0"), QStringLiteral("user.add cli 0"),
                          QStringLiteral("user.add cli 0"), QStringLiteral("user.disable cli 0")}));
    const Run verify = onDb({QStringLiteral("verify")});
    VERIFY_EXIT(verify, 0);
    QVERIFY2(verify.out.contains(QLatin1String("entries checked: 4")), qPrintable(verify.out));
}

void TestCli::userAddRejections_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    const QByteArray good = QByteArrayLiteral("long-password\n");
    const auto add = [](const QString& login, const QString& role) {
        return QStringList{QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), role};
    };
    QTest::newRow("duplicate login") << add(QStringLiteral("chen"), QStringLiteral("clerk")) << good << 3;
    QTest::newRow("unknown role") << add(QStringLiteral("li"), QStringLiteral("boss")) << good << 3;
    QTest::newRow("short password") << add(QStringLiteral("li"), QStringLiteral("clerk"))
                                    << QByteArrayLiteral("short\n") << 3;
    QTest::newRow("no password") << add(QStringLiteral("li"), QStringLiteral("clerk")) << QByteArray() << 3;
    QTest::newRow("bad login") << add(QStringLiteral("李"), QStringLiteral("clerk")) << good << 3;
    QTest::newRow("reserved login") << add(QStringLiteral("CLI"), QStringLiteral("clerk")) << good << 3;
    QTest::newRow("missing role") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("li")}
                                  << good << 2;
    QTest::newRow("unknown option") << (add(QStringLiteral("li"), QStringLiteral("clerk"))
                                        << QStringLiteral("--admin") << QStringLiteral("yes"))
                                    << good << 2;
}

void TestCli::userAddRejections()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    VERIFY_EXIT(onDb({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("chen"), QStringLiteral("--role"),
                      QStringLiteral("clerk")},
                     QByteArrayLiteral("long-password\n")),
                0);
    const auto dump = [this] {
        return RawConnection::toSqlite(m_path)->dump();
    };
    const QString before = dump();
    QVERIFY(!before.isEmpty());
    const Run rejected = onDb(args, input);
    VERIFY_EXIT(rejected, exitCode);
    QVERIFY(rejected.out.isEmpty());
    QVERIFY(!rejected.err.trimmed().isEmpty());
    QCOMPARE(dump(), before);
}

void TestCli::verifyDetectsTampering()
{
    VERIFY_EXIT(onDb({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("chen"), QStringLiteral("--role"),
                      QStringLiteral("clerk")},
                     QByteArrayLiteral("long-password\n")),
                0);
    VERIFY_EXIT(onDb({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zhou"), QStringLiteral("--role"),
                      QStringLiteral("supervisor")},
                     QByteArrayLiteral("long-password\n")),
                0);
    const Run good = onDb({QStringLiteral("verify")});
    VERIFY_EXIT(good, 0);
    QVERIFY2(good.out.contains(QLatin1String("database integrity: ok")), qPrintable(good.out));
    QVERIFY2(good.out.contains(QLatin1String("audit chain: ok (entries checked: 2)")), qPrintable(good.out));

    {
        auto raw = RawConnection::toSqlite(m_path);
        QVERIFY(raw->exec(QStringLiteral("UPDATE audit_log SET detail = '{}' WHERE seq = 1"))
                    .contains(QLatin1String("append-only")));
        QCOMPARE(raw->exec(QStringLiteral("DROP TRIGGER audit_log_no_update")), QString());
        QCOMPARE(raw->exec(QStringLiteral("UPDATE audit_log SET detail = '{\"login\":\"chen\",\"role\":\"admin\"}' "
                                          "WHERE seq = 1")),
                 QString());
    }
    const Run broken = onDb({QStringLiteral("verify")});
    VERIFY_EXIT(broken, 1);
    QVERIFY2(broken.out.contains(QLatin1String("BROKEN at entry 1")), qPrintable(broken.out));
    QVERIFY2(broken.out.contains(QLatin1String("user.add")), qPrintable(broken.out));
}

void TestCli::verifyNeedsTheAuditKey()
{
    VERIFY_EXIT(onDb({QStringLiteral("init")}), 0);
    const Run backup1 = auditedBackup(); // VERIFY_EXIT evaluates its run more than once
    VERIFY_EXIT(backup1, 0);
    const Run good = onDb({QStringLiteral("verify")});
    VERIFY_EXIT(good, 0);
    QVERIFY2(good.out.contains(QLatin1String("audit key: ok")), qPrintable(good.out));
    QVERIFY2(good.out.contains(QLatin1String("sealed entries: 1")), qPrintable(good.out));

    // Without the key: the structure holds, the keyed check was skipped, and verify does not pass.
    QProcessEnvironment noKey;
    noKey.insert(QStringLiteral("QINGTING_AUDIT_KEY"), m_dir->filePath(QStringLiteral("nowhere/audit.key")));
    const Run keyless = cli(dbArgs() + QStringList{QStringLiteral("verify")}, {}, noKey);
    VERIFY_EXIT(keyless, 1);
    QVERIFY2(keyless.out.contains(QLatin1String("audit chain: ok (entries checked: 1)")), qPrintable(keyless.out));
    QVERIFY2(keyless.out.contains(QLatin1String("audit key: NOT CHECKED")), qPrintable(keyless.out));
    QVERIFY2(keyless.out.contains(QLatin1String("no audit key file")), qPrintable(keyless.out));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("nowhere/audit.key"))));
    // ... and writes nothing: a desk without the hall's key cannot add to a keyed log.
    const Run refused = auditedBackup(noKey);
    VERIFY_EXIT(refused, 1);
    QVERIFY2(refused.err.contains(QLatin1String("audit key")), qPrintable(refused.err));

    // Another hall's key is named as such, not as tampering.
    const QString foreign = m_dir->filePath(QStringLiteral("foreign/audit.key"));
    QINGTING_VERIFY_OK(AuditKeyRing::create(foreign));
    QProcessEnvironment wrongKey;
    wrongKey.insert(QStringLiteral("QINGTING_AUDIT_KEY"), foreign);
    const Run wrong = cli(dbArgs() + QStringList{QStringLiteral("verify")}, {}, wrongKey);
    VERIFY_EXIT(wrong, 1);
    QVERIFY2(wrong.out.contains(QLatin1String("audit chain: ok")), qPrintable(wrong.out));
    QVERIFY2(wrong.out.contains(QLatin1String("holds only")), qPrintable(wrong.out));
    QVERIFY2(!wrong.out.contains(QLatin1String("BROKEN")), qPrintable(wrong.out));

    // A key file others may read is refused, with the fix.
    QVERIFY(
        QFile::setPermissions(keyPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    const Run exposed = onDb({QStringLiteral("verify")});
    VERIFY_EXIT(exposed, 1);
    QVERIFY2(exposed.out.contains(QLatin1String("chmod 600")), qPrintable(exposed.out));
}

void TestCli::checkpointCatchesARewoundTail()
{
    VERIFY_EXIT(onDb({QStringLiteral("init")}), 0);
    const Run backup2 = auditedBackup();
    VERIFY_EXIT(backup2, 0);
    const Run backup3 = auditedBackup();
    VERIFY_EXIT(backup3, 0);
    const QString early = m_dir->filePath(QStringLiteral("early.checkpoint"));
    const Run first = onDb({QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--out"), early});
    VERIFY_EXIT(first, 0);
    QVERIFY2(first.out.contains(QLatin1String("entry 2")), qPrintable(first.out));
    VERIFY_EXIT(onDb({QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--out"), early}), 3);

    QList<QVariantList> oldHead;
    {
        auto raw = RawConnection::toSqlite(m_path);
        oldHead =
            raw->rows(QStringLiteral("SELECT last_seq, last_hash, legacy_until, key_id, head_mac FROM audit_head"));
    }
    const Run backup4 = auditedBackup();
    VERIFY_EXIT(backup4, 0);
    const QString late = m_dir->filePath(QStringLiteral("late.checkpoint"));
    VERIFY_EXIT(onDb({QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--out"), late}), 0);
    const Run holds = onDb({QStringLiteral("verify"), QStringLiteral("--checkpoint"), early});
    VERIFY_EXIT(holds, 0);
    QVERIFY2(holds.out.contains(QLatin1String("checkpoint: ok (entry 2")), qPrintable(holds.out));

    // Entry 3 removed and the head row from before it put back: the head's seal is genuine, the checkpoint tells.
    {
        auto raw = RawConnection::toSqlite(m_path);
        QCOMPARE(raw->exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")), QString());
        QCOMPARE(raw->exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 3")), QString());
        const QVariantList& h = oldHead.constFirst();
        QCOMPARE(raw->exec(QStringLiteral("UPDATE audit_head SET last_seq = ?, last_hash = ?, legacy_until = ?, "
                                          "key_id = ?, head_mac = ?"),
                           {h.at(0), h.at(1), h.at(2), h.at(3), h.at(4)}),
                 QString());
    }
    const Run rewound = onDb({QStringLiteral("verify"), QStringLiteral("--checkpoint"), late});
    VERIFY_EXIT(rewound, 1);
    QVERIFY2(rewound.out.contains(QLatin1String("BROKEN at entry 3")), qPrintable(rewound.out));

    // A checkpoint file edited by hand fails its signature; a file that is no checkpoint is rejected.
    QFile file(late);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    text.replace("seq 3", "seq 2");
    const QString edited = m_dir->filePath(QStringLiteral("edited.checkpoint"));
    QFile out(edited);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();
    const Run forged = onDb({QStringLiteral("verify"), QStringLiteral("--checkpoint"), edited});
    VERIFY_EXIT(forged, 1);
    QVERIFY2(forged.out.contains(QLatin1String("checkpoint: FAILED")), qPrintable(forged.out));
    VERIFY_EXIT(onDb({QStringLiteral("verify"), QStringLiteral("--checkpoint"), m_path}), 3);
}

void TestCli::deadline_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("output");
    const auto days = [](const QString& from, const QString& n) {
        return QStringList{QStringLiteral("deadline"), QStringLiteral("--from"), from, QStringLiteral("--working-days"),
                           n};
    };
    const auto hours = [](const QString& from, const QString& n) {
        return QStringList{QStringLiteral("deadline"), QStringLiteral("--from"), from, QStringLiteral("--hours"), n};
    };
    QTest::newRow("national day, 10-10 is a make-up workday")
        << days(QStringLiteral("2026-09-30 10:00"), QStringLiteral("3")) << 0 << QStringLiteral("2026-10-10 23:59:59");
    QTest::newRow("start date never counts, even at 00:00")
        << days(QStringLiteral("2026-03-02 00:00"), QStringLiteral("1")) << 0 << QStringLiteral("2026-03-03 23:59:59");
    QTest::newRow("over a weekend") << days(QStringLiteral("2026-03-06 18:30:15"), QStringLiteral("1")) << 0
                                    << QStringLiteral("2026-03-09 23:59:59");
    QTest::newRow("make-up Saturday before the spring festival")
        << days(QStringLiteral("2026-02-13 09:00"), QStringLiteral("1")) << 0 << QStringLiteral("2026-02-14 23:59:59");
    QTest::newRow("across the spring festival")
        << days(QStringLiteral("2026-02-13 09:00"), QStringLiteral("2")) << 0 << QStringLiteral("2026-02-24 23:59:59");
    QTest::newRow("from 2025 into 2026, make-up Sunday")
        << days(QStringLiteral("2025-12-31 16:00"), QStringLiteral("1")) << 0 << QStringLiteral("2026-01-04 23:59:59");
    QTest::newRow("T separator") << days(QStringLiteral("2026-10-01T08:30"), QStringLiteral("1")) << 0
                                 << QStringLiteral("2026-10-08 23:59:59");
    QTest::newRow("ten working days") << days(QStringLiteral("2026-04-30 09:00"), QStringLiteral("10")) << 0
                                      << QStringLiteral("2026-05-18 23:59:59");
    QTest::newRow("hours") << hours(QStringLiteral("2026-03-02 22:30"), QStringLiteral("5")) << 0
                           << QStringLiteral("2026-03-03 03:30:00");
    QTest::newRow("hours ignore holidays") << hours(QStringLiteral("2026-09-30 10:00"), QStringLiteral("48")) << 0
                                           << QStringLiteral("2026-10-02 10:00:00");
    QTest::newRow("a 2027 start is beyond the calendar")
        << days(QStringLiteral("2027-01-04 10:00"), QStringLiteral("1")) << 1 << QString();
    QTest::newRow("running into 2027 is beyond the calendar")
        << days(QStringLiteral("2026-12-30 10:00"), QStringLiteral("5")) << 1 << QString();
    QTest::newRow("missing N") << QStringList{QStringLiteral("deadline"), QStringLiteral("--from"),
                                              QStringLiteral("2026-03-02 10:00")}
                               << 2 << QString();
    QTest::newRow("both N") << (days(QStringLiteral("2026-03-02 10:00"), QStringLiteral("1"))
                                << QStringLiteral("--hours") << QStringLiteral("2"))
                            << 2 << QString();
    QTest::newRow("negative N") << days(QStringLiteral("2026-03-02 10:00"), QStringLiteral("-1")) << 2 << QString();
    QTest::newRow("N not a number") << hours(QStringLiteral("2026-03-02 10:00"), QStringLiteral("two")) << 2
                                    << QString();
    QTest::newRow("bad date") << days(QStringLiteral("2026-02-30 10:00"), QStringLiteral("1")) << 2 << QString();
    QTest::newRow("date without time") << days(QStringLiteral("2026-03-02"), QStringLiteral("1")) << 2 << QString();
    QTest::newRow("missing --from") << QStringList{QStringLiteral("deadline"), QStringLiteral("--hours"),
                                                   QStringLiteral("1")}
                                    << 2 << QString();
}

void TestCli::deadline()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, output);
    const Run run = onDb(args);
    VERIFY_EXIT(run, exitCode);
    if (exitCode == 0) {
        QCOMPARE(run.out, output + QLatin1Char('\n'));
        QVERIFY(run.err.isEmpty());
    } else {
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.trimmed().isEmpty());
        if (exitCode == 1) {
            QVERIFY2(run.err.contains(QLatin1String("2027")), qPrintable(run.err));
            QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        }
    }
}

void TestCli::backupCopiesWhileInUse()
{
    VERIFY_EXIT(onDb({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("chen"), QStringLiteral("--role"),
                      QStringLiteral("clerk")},
                     QByteArrayLiteral("correct-horse-battery\n")),
                0);
    // A desk keeps the database open (and so its -wal) while the copy is made.
    auto open = Database::open(DatabaseLocation::sqlite(m_path), Database::OpenMode::ExistingOnly);
    QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error().message));
    const QString copy = m_dir->filePath(QStringLiteral("copy.sqlite"));
    const Run backup = onDb({QStringLiteral("backup"), QStringLiteral("--out"), copy});
    VERIFY_EXIT(backup, 0);
    QVERIFY(QFileInfo::exists(copy));
    QVERIFY(!QFileInfo::exists(copy + QLatin1String(".partial")));

    // The copy is a whole Qingting database: it verifies, knows the user and records its own making.
    const Run verify = cli({QStringLiteral("--db"), copy, QStringLiteral("verify")});
    VERIFY_EXIT(verify, 0);
    const Run users = cli({QStringLiteral("--db"), copy, QStringLiteral("user"), QStringLiteral("list")});
    VERIFY_EXIT(users, 0);
    QCOMPARE(users.out, QStringLiteral("chen\tclerk\t\tactive\n"));
    const QStringList trail = auditTrail(DatabaseLocation::sqlite(copy));
    QCOMPARE(trail.constLast(), QStringLiteral("database.backup cli 0"));
}

void TestCli::backupRefusals()
{
    VERIFY_EXIT(onDb({QStringLiteral("init")}), 0);
    const QString existing = m_dir->filePath(QStringLiteral("existing.sqlite"));
    {
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    const Run overwrite = onDb({QStringLiteral("backup"), QStringLiteral("--out"), existing});
    VERIFY_EXIT(overwrite, 1);
    QVERIFY(overwrite.err.contains(QLatin1String("exists")));
    QFile f(existing);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me"));

    const Run noFolder = onDb({QStringLiteral("backup"), QStringLiteral("--out"),
                               m_dir->filePath(QStringLiteral("missing/folder/copy.sqlite"))});
    VERIFY_EXIT(noFolder, 1);
    VERIFY_EXIT(onDb({QStringLiteral("backup")}), 2);
    const Run noDatabase =
        cli({QStringLiteral("--db"), m_dir->filePath(QStringLiteral("none.sqlite")), QStringLiteral("backup"),
             QStringLiteral("--out"), m_dir->filePath(QStringLiteral("c.sqlite"))});
    VERIFY_EXIT(noDatabase, 1);
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("none.sqlite"))));
}

namespace {
QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return QByteArrayLiteral("unreadable");
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}
} // namespace

void TestCli::restoreReplacesAndKeepsTheOldAside()
{
    VERIFY_EXIT(addUser(QStringLiteral("chen"), QStringLiteral("clerk")), 0);
    const QString copy = m_dir->filePath(QStringLiteral("monday.sqlite"));
    const Run backup = onDb({QStringLiteral("backup"), QStringLiteral("--out"), copy});
    VERIFY_EXIT(backup, 0);
    // The copy was opened and verified as a database of its own.
    QVERIFY2(backup.out.contains(QLatin1String("Verified the copy")), qPrintable(backup.out));
    const QByteArray backupHash = fileHash(copy);
    VERIFY_EXIT(addUser(QStringLiteral("wang"), QStringLiteral("supervisor")), 0);

    const Run restore = onDb({QStringLiteral("restore"), QStringLiteral("--from"), copy});
    VERIFY_EXIT(restore, 0);
    QVERIFY2(restore.out.contains(QLatin1String("Restored")), qPrintable(restore.out));
    // Monday's users, and the restore on record in the restored database's own log.
    const Run users = onDb({QStringLiteral("user"), QStringLiteral("list")});
    VERIFY_EXIT(users, 0);
    QCOMPARE(users.out, QStringLiteral("chen\tclerk\t\tactive\n"));
    const QStringList trail = auditTrail(DatabaseLocation::sqlite(m_path));
    QCOMPARE(trail.constLast(), QStringLiteral("database.restore cli 0"));
    QVERIFY(trail.contains(QStringLiteral("database.backup cli 0")));
    VERIFY_EXIT(onDb({QStringLiteral("verify")}), 0);
    // The backup itself was only read.
    QCOMPARE(fileHash(copy), backupHash);

    // What it replaced is kept whole beside it, with the later user.
    const QStringList aside =
        QDir(m_dir->path()).entryList({QStringLiteral("desk.sqlite.before-restore-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(restore.out.contains(aside.constFirst()), qPrintable(restore.out));
    const Run before = cli(
        {QStringLiteral("--db"), m_dir->filePath(aside.constFirst()), QStringLiteral("user"), QStringLiteral("list")});
    VERIFY_EXIT(before, 0);
    QVERIFY2(before.out.contains(QLatin1String("wang\tsupervisor")), qPrintable(before.out));
    QVERIFY(!QFileInfo::exists(m_path + QLatin1String(".restoring")));
}

void TestCli::restoreRefusesAndChangesNothing()
{
    VERIFY_EXIT(addUser(QStringLiteral("chen"), QStringLiteral("clerk")), 0);
    const QString good = m_dir->filePath(QStringLiteral("good.sqlite"));
    VERIFY_EXIT(onDb({QStringLiteral("backup"), QStringLiteral("--out"), good}), 0);
    QVERIFY(!QFileInfo::exists(m_path + QLatin1String("-wal"))); // closed: the hash below is the whole database
    const QByteArray current = fileHash(m_path);
    auto unchanged = [&] {
        return fileHash(m_path) == current &&
               QDir(m_dir->path()).entryList({QStringLiteral("desk.sqlite.*")}, QDir::Files).isEmpty();
    };

    // A truncated copy, a file that is no database, and another hall's database (sealed with another audit key).
    const QString truncated = m_dir->filePath(QStringLiteral("truncated.sqlite"));
    {
        QFile in(good);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(truncated);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(in.read(in.size() / 2));
    }
    const QString text = m_dir->filePath(QStringLiteral("notes.sqlite"));
    {
        QFile out(text);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("这不是数据库\n");
    }
    const QString foreign = m_dir->filePath(QStringLiteral("other-hall.sqlite"));
    QProcessEnvironment otherHall;
    otherHall.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("other-config")));
    VERIFY_EXIT(cli({QStringLiteral("--db"), foreign, QStringLiteral("init")}, {}, otherHall), 0);
    for (const QString& bad : {truncated, text, foreign}) {
        const Run refused = onDb({QStringLiteral("restore"), QStringLiteral("--from"), bad});
        VERIFY_EXIT(refused, 3);
        QVERIFY2(refused.err.contains(QLatin1String("nothing was changed")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(bad), qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QLatin1String(".restoring")), qPrintable(refused.err));
        QVERIFY2(unchanged(), qPrintable(bad));
        QVERIFY(!QFileInfo::exists(m_path + QLatin1String(".restoring")));
    }

    // While a desk has the database open, nothing is swapped under it.
    {
        auto open = Database::open(DatabaseLocation::sqlite(m_path), Database::OpenMode::ExistingOnly);
        QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error().message));
        const Run inUse = onDb({QStringLiteral("restore"), QStringLiteral("--from"), good});
        VERIFY_EXIT(inUse, 1);
        QVERIFY2(inUse.err.contains(QLatin1String("in use")), qPrintable(inUse.err));
        QVERIFY(QDir(m_dir->path()).entryList({QStringLiteral("desk.sqlite.before-restore-*")}, QDir::Files).isEmpty());
    }
    QVERIFY(unchanged());

    VERIFY_EXIT(onDb({QStringLiteral("restore")}), 2);
    VERIFY_EXIT(onDb({QStringLiteral("restore"), QStringLiteral("--from"), m_path}), 3);
    VERIFY_EXIT(onDb({QStringLiteral("restore"), QStringLiteral("--from"), m_dir->filePath(QStringLiteral("none"))}),
                3);
    QVERIFY(unchanged());
}

void TestCli::retentionPurgeErasesThePersonAndKeepsTheFigures()
{
    // 500 days of cases; the purge counts 1 year back from 2026-11-30: citizens whose cases all closed before
    // 2025-11-30 are due.
    VERIFY_EXIT(onDb({QStringLiteral("demo"), QStringLiteral("--cases"), QStringLiteral("1500"),
                      QStringLiteral("--days"), QStringLiteral("500"), QStringLiteral("--end"),
                      QStringLiteral("2026-11-29"), QStringLiteral("--seed"), QStringLiteral("5")}),
                0);
    const qint64 cutoff = QDateTime(QDate(2025, 11, 30), QTime(0, 0)).toSecsSinceEpoch();
    const QStringList purge{QStringLiteral("retention"), QStringLiteral("purge"),   QStringLiteral("--years"),
                            QStringLiteral("1"),         QStringLiteral("--as-of"), QStringLiteral("2026-11-30")};
    const QStringList stats{QStringLiteral("stats"),
                            QStringLiteral("--from"),
                            QStringLiteral("2025-06-01"),
                            QStringLiteral("--to"),
                            QStringLiteral("2026-11-29"),
                            QStringLiteral("--as-of"),
                            QStringLiteral("2026-11-30 12:00"),
                            QStringLiteral("--json")};
    struct Person
    {
        qint64 id;
        QString name, phone, idNumber;
        qint64 caseId;
    };
    QList<Person> due;
    qint64 others = 0;
    {
        auto raw = RawConnection::toSqlite(m_path);
        QVERIFY2(raw->isOpen(), qPrintable(raw->error()));
        for (const QVariantList& r : raw->rows(
                 QStringLiteral("SELECT z.id, z.name, z.phone, z.id_number, MIN(c.id) FROM citizens z JOIN cases c ON "
                                "c.citizen_id = z.id GROUP BY z.id HAVING COUNT(*) = COUNT(c.closed_at) AND "
                                "MAX(c.closed_at) < ? ORDER BY z.id"),
                 {cutoff})) {
            due.append(Person{r[0].toLongLong(), r[1].toString(), r[2].toString(), r[3].toString(), r[4].toLongLong()});
        }
        QVERIFY(due.size() > 50);
        others =
            raw->scalar(QStringLiteral("SELECT COUNT(*) FROM citizens WHERE name <> ''")).toLongLong() - due.size();
        // What clerks type: the citizen named in a note of the timeline, a transfer reason and the reply.
        for (const Person& p : std::as_const(due)) {
            const QString said =
                QStringLiteral("%1（电话 %2，身份证 %3）来电补充材料").arg(p.name, p.phone, p.idNumber);
            QCOMPARE(raw->exec(QStringLiteral("UPDATE case_events SET note = ? WHERE id = (SELECT MIN(id) FROM "
                                              "case_events WHERE case_id = ?)"),
                               {said, p.caseId}),
                     QString());
            QCOMPARE(raw->exec(QStringLiteral("UPDATE cases SET reply_text = ? WHERE id = ?"),
                               {QStringLiteral("%1您好，您反映的问题已办理。").arg(p.name), p.caseId}),
                     QString());
        }
    }
    const Run before = onDb(stats);
    VERIFY_EXIT(before, 0);

    // A dry run counts and changes nothing.
    const QByteArray unchanged = fileHash(m_path);
    const Run dry = onDb(purge + QStringList{QStringLiteral("--dry-run")});
    VERIFY_EXIT(dry, 0);
    QVERIFY2(dry.out.contains(QStringLiteral("Would purge %1 citizens").arg(due.size())), qPrintable(dry.out));
    QCOMPARE(fileHash(m_path), unchanged);

    const Run run = onDb(purge);
    VERIFY_EXIT(run, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Purged %1 citizens").arg(due.size())), qPrintable(run.out));

    auto raw = RawConnection::toSqlite(m_path);
    // Their rows name no one any more; everyone else's are as they were.
    QCOMPARE(raw->scalar(QStringLiteral("SELECT COUNT(*) FROM citizens WHERE purged_at IS NOT NULL AND name = '' AND "
                                        "phone = '' AND phone_key = '' AND id_number = '' AND address = ''"))
                 .toLongLong(),
             qint64(due.size()));
    QCOMPARE(raw->scalar(QStringLiteral("SELECT COUNT(*) FROM citizens WHERE name <> ''")).toLongLong(), others);
    // No phone or ID number of theirs in any text column of any table (digits compared without separators).
    QSet<QString> numbers;
    for (const Person& p : std::as_const(due)) {
        for (QString n : {p.phone, p.idNumber}) {
            n.remove(QRegularExpression(QStringLiteral("[^0-9Xx]")));
            if (n.size() >= 7) {
                numbers.insert(n);
            }
        }
    }
    QVERIFY(numbers.size() > 50);
    const QList<QVariantList> columns = raw->rows(QStringLiteral(
        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND "
        "p.type = 'TEXT' AND m.name NOT LIKE 'case_search%' ORDER BY 1, 2"));
    QVERIFY(columns.size() > 100);
    for (const QVariantList& c : columns) {
        for (const QVariantList& v : raw->rows(QStringLiteral("SELECT \"%1\" FROM \"%2\" WHERE \"%1\" <> ''")
                                                   .arg(c[1].toString(), c[0].toString()))) {
            QString digits = v[0].toString();
            digits.remove(QRegularExpression(QStringLiteral("[^0-9Xx]")));
            for (const QString& n : std::as_const(numbers)) {
                QVERIFY2(!digits.contains(n),
                         qPrintable(QStringLiteral("%1.%2 still holds %3").arg(c[0].toString(), c[1].toString(), n)));
            }
        }
    }
    // Nor their names in their cases' text and records.
    for (const Person& p : std::as_const(due)) {
        if (p.name.size() < 2) {
            continue;
        }
        for (const QString& sql :
             {QStringLiteral("SELECT complaint_text || facts || impact || steps || reply_text FROM cases WHERE "
                             "citizen_id = ?"),
              QStringLiteral("SELECT e.note FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.citizen_id = ? "
                             "AND e.note IS NOT NULL")}) {
            for (const QVariantList& v : raw->rows(sql, {p.id})) {
                QVERIFY2(!v[0].toString().contains(p.name), qPrintable(p.name + QLatin1String(": ") + v[0].toString()));
            }
        }
    }
    // The figures of the period are the same, the database verifies, and the purge is on record without a name.
    const Run after = onDb(stats);
    VERIFY_EXIT(after, 0);
    QCOMPARE(after.out, before.out);
    VERIFY_EXIT(onDb({QStringLiteral("verify")}), 0);
    QCOMPARE(auditTrail(DatabaseLocation::sqlite(m_path)).constLast(), QStringLiteral("retention.purge cli 0"));
    // A second run has nothing left to do.
    const Run again = onDb(purge);
    VERIFY_EXIT(again, 0);
    QVERIFY2(again.out.contains(QStringLiteral("Purged 0 citizens")), qPrintable(again.out));
    QVERIFY2(again.out.contains(QStringLiteral("%1 were purged before").arg(due.size())), qPrintable(again.out));

    VERIFY_EXIT(onDb({QStringLiteral("retention"), QStringLiteral("purge")}), 2);
    VERIFY_EXIT(
        onDb({QStringLiteral("retention"), QStringLiteral("purge"), QStringLiteral("--years"), QStringLiteral("0")}),
        2);
}

void TestCli::calendarImportAndList()
{
    VERIFY_EXIT(onDb({QStringLiteral("init")}), 0);
    const Run shipped = onDb({QStringLiteral("calendar"), QStringLiteral("list"), QStringLiteral("2026")});
    VERIFY_EXIT(shipped, 0);
    QFile official(QStringLiteral(QINGTING_TEST_DATA_DIR "/calendars/cn-holidays-2026.csv"));
    QVERIFY(official.open(QIODevice::ReadOnly));
    QString expected = QString::fromUtf8(official.readAll());
    expected.remove(0, expected.indexOf(QLatin1Char('\n')) + 1); // the header
    QCOMPARE(shipped.out, expected);

    const Run before = onDb({QStringLiteral("deadline"), QStringLiteral("--from"), QStringLiteral("2026-12-31 10:00"),
                             QStringLiteral("--working-days"), QStringLiteral("2")});
    VERIFY_EXIT(before, 1);

    const QString file = m_dir->filePath(QStringLiteral("cn-holidays-2027.csv"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF"
                "date,kind,name\r\n2027-01-01,holiday,元旦\r\n2027-02-06,workday,春节调休上班\r\n");
    }
    const Run imported = onDb({QStringLiteral("calendar"), QStringLiteral("import"), file});
    VERIFY_EXIT(imported, 0);
    QVERIFY(imported.out.contains(QLatin1String("2027")));
    const Run listed = onDb({QStringLiteral("calendar"), QStringLiteral("list"), QStringLiteral("2027")});
    VERIFY_EXIT(listed, 0);
    QCOMPARE(listed.out, QStringLiteral("2027-01-01,holiday,元旦\n2027-02-06,workday,春节调休上班\n"));
    const Run after = onDb({QStringLiteral("deadline"), QStringLiteral("--from"), QStringLiteral("2026-12-31 10:00"),
                            QStringLiteral("--working-days"), QStringLiteral("2")});
    VERIFY_EXIT(after, 0);
    QCOMPARE(after.out, QStringLiteral("2027-01-05 23:59:59\n"));
    QCOMPARE(auditTrail(DatabaseLocation::sqlite(m_path)).constLast(), QStringLiteral("calendar.import cli 0"));
}

void TestCli::calendarImportRejectsBadFiles()
{
    VERIFY_EXIT(onDb({QStringLiteral("init")}), 0);
    const QString file = m_dir->filePath(QStringLiteral("bad.csv"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,x\n2027-01-02,rest,y\n");
    }
    const Run bad = onDb({QStringLiteral("calendar"), QStringLiteral("import"), file});
    VERIFY_EXIT(bad, 3);
    QVERIFY2(bad.err.contains(QLatin1String("line 3")) && bad.err.contains(QLatin1String("line 4")),
             qPrintable(bad.err));
    QVERIFY(bad.out.isEmpty());
    const Run listed = onDb({QStringLiteral("calendar"), QStringLiteral("list"), QStringLiteral("2027")});
    VERIFY_EXIT(listed, 1); // nothing of the file was kept (tst_calendar_service compares every table)

    VERIFY_EXIT(
        onDb({QStringLiteral("calendar"), QStringLiteral("import"), m_dir->filePath(QStringLiteral("nope.csv"))}), 1);
    VERIFY_EXIT(onDb({QStringLiteral("calendar"), QStringLiteral("list"), QStringLiteral("next")}), 2);
    VERIFY_EXIT(onDb({QStringLiteral("calendar")}), 2);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{QStringLiteral("--db"), QStringLiteral("DB")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"),
                                                    QStringLiteral("frobnicate")};
    QTest::newRow("both --db and --pg") << QStringList{
        QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("--pg"),
        QStringLiteral("postgresql://x@127.0.0.1:1/none"), QStringLiteral("init")};
    QTest::newRow("--db without a value") << QStringList{QStringLiteral("init"), QStringLiteral("--db")};
    QTest::newRow("init with an option") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"),
                                                        QStringLiteral("init"), QStringLiteral("--force"),
                                                        QStringLiteral("yes")};
    QTest::newRow("user without subcommand")
        << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("user")};
    QTest::newRow("unknown user subcommand")
        << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("user"), QStringLiteral("delete"),
                       QStringLiteral("chen")};
    QTest::newRow("user add without login")
        << QStringList{QStringLiteral("--db"), QStringLiteral("DB"),     QStringLiteral("user"),
                       QStringLiteral("add"),  QStringLiteral("--role"), QStringLiteral("clerk")};
    QTest::newRow("user list with a word")
        << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("user"), QStringLiteral("list"),
                       QStringLiteral("all")};
    QTest::newRow("user disable without login")
        << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("user"), QStringLiteral("disable")};
    QTest::newRow("audit without a subcommand")
        << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("audit")};
    QTest::newRow("audit checkpoint without --out") << QStringList{
        QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("audit"), QStringLiteral("checkpoint")};
    QTest::newRow("verify with a word") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"),
                                                       QStringLiteral("verify"), QStringLiteral("now")};
    QTest::newRow("lint-reply with a word") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"),
                                                           QStringLiteral("lint-reply"), QStringLiteral("reply.txt")};
    QTest::newRow("lint-reply with an unknown option") << QStringList{
        QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("lint-reply"), QStringLiteral("--strict")};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    args.replaceInStrings(QRegularExpression(QStringLiteral("^DB$")), m_path);
    const Run run = cli(args, QByteArrayLiteral("long-password\n"));
    VERIFY_EXIT(run, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains(QLatin1String("Usage: qingting-cli")));
    QVERIFY2(!QFileInfo::exists(m_path), "a usage error created the database");
}

namespace {
const QByteArray kBuckPassing = "不好意思，这个不归我们管，您去找区住建局吧。\n";
const QByteArray kGoodReply = "感谢您的反映，给您带来不便非常抱歉。我们已转交区住建局，由房管科负责核实，"
                              "两个工作日内电话答复您。";

/** The kinds of a lint-reply --json answer, checking that every finding has exactly kind, text and advice. */
QStringList jsonKinds(const QString& out)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() ||
        doc.object().keys() != QStringList{QStringLiteral("findings")}) {
        return {QStringLiteral("not the JSON of CLI.md: ") + out};
    }
    QStringList kinds;
    for (const auto& value : doc.object().value(QLatin1String("findings")).toArray()) {
        const QJsonObject f = value.toObject();
        if (f.keys() != QStringList{QStringLiteral("advice"), QStringLiteral("kind"), QStringLiteral("text")} ||
            f.value(QLatin1String("advice")).toString().isEmpty()) {
            return {QStringLiteral("a finding without exactly kind, text and advice")};
        }
        kinds << f.value(QLatin1String("kind")).toString();
    }
    return kinds;
}
} // namespace

void TestCli::lintReply()
{
    // No database named and none at the default place: the built-in rules, said on stderr, and nothing created.
    const Run builtIn = cli({QStringLiteral("lint-reply")}, kBuckPassing);
    VERIFY_EXIT(builtIn, 0);
    QVERIFY2(builtIn.err.contains(QLatin1String("built-in rules")), qPrintable(builtIn.err));
    const QStringList lines = builtIn.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("defensive\t不归我们管\t")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("defensive\t您去找区住建局吧\t")));
    QVERIFY(lines.at(2).startsWith(QLatin1String("missing_steps\t\t")));
    QVERIFY(lines.at(3).startsWith(QLatin1String("missing_time\t\t")));
    for (const QString& line : lines) {
        QCOMPARE(line.count(QLatin1Char('\t')), 2);
    }
    QVERIFY(!QDir(m_dir->filePath(QStringLiteral("xdg-data"))).exists(QStringLiteral("Qingting")));

    // A named database that does not exist is a run-time failure, never a silent fall-back.
    const Run missing = onDb({QStringLiteral("lint-reply")}, kBuckPassing);
    VERIFY_EXIT(missing, 1);
    QVERIFY(!QFileInfo::exists(m_path));

    VERIFY_EXIT(onDb({QStringLiteral("init")}), 0);
    const Run json = onDb({QStringLiteral("lint-reply"), QStringLiteral("--json")}, kBuckPassing);
    VERIFY_EXIT(json, 0);
    QCOMPARE(jsonKinds(json.out), (QStringList{QStringLiteral("defensive"), QStringLiteral("defensive"),
                                               QStringLiteral("missing_steps"), QStringLiteral("missing_time")}));
    QVERIFY(json.out.contains(QStringLiteral("\"text\": \"不归我们管\"")));

    // A good reply: no findings, still exit 0; empty input is a reply that lacks everything.
    const Run good = onDb({QStringLiteral("lint-reply"), QStringLiteral("--json")}, kGoodReply);
    VERIFY_EXIT(good, 0);
    QCOMPARE(jsonKinds(good.out), QStringList());
    const Run goodPlain = onDb({QStringLiteral("lint-reply")}, kGoodReply);
    VERIFY_EXIT(goodPlain, 0);
    QCOMPARE(goodPlain.out, QString());
    const Run empty = onDb({QStringLiteral("lint-reply"), QStringLiteral("--json")});
    VERIFY_EXIT(empty, 0);
    QCOMPARE(jsonKinds(empty.out), (QStringList{QStringLiteral("missing_empathy"), QStringLiteral("missing_steps"),
                                                QStringLiteral("missing_time")}));
}

void TestCli::lintReplyUsesTheDatabaseRules()
{
    VERIFY_EXIT(onDb({QStringLiteral("init")}), 0);
    {
        // An admin retires the rule that caught "不归我们管" and adds one of the hall's own.
        auto db = Database::open(DatabaseLocation::sqlite(m_path), Database::OpenMode::ExistingOnly);
        QVERIFY(db.ok());
        ReplyRuleRepository& rules = *(*db)->repositories().replyRules;
        auto all = rules.list(false);
        QVERIFY(all.ok());
        int retired = 0;
        for (ReplyRule rule : *all) {
            if (rule.kind == ReplyFindingKind::Defensive && rule.pattern.startsWith(QStringLiteral("不归"))) {
                rule.active = false;
                QVERIFY(rules.update(rule, QStringLiteral("test"), QDateTime::currentDateTime()).ok());
                ++retired;
            }
        }
        QCOMPARE(retired, 1);
        ReplyRule own;
        own.kind = ReplyFindingKind::OverPromise;
        own.pattern = QStringLiteral("包您满意");
        own.advice = QStringLiteral("不要承诺结果。");
        QVERIFY(rules.insert(own, QStringLiteral("test"), QDateTime::currentDateTime()).ok());
    }
    const Run run = onDb({QStringLiteral("lint-reply")}, kBuckPassing + "包您满意。");
    VERIFY_EXIT(run, 0);
    QVERIFY2(!run.out.contains(QStringLiteral("不归我们管")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("defensive\t您去找区住建局吧\t")));
    QVERIFY(run.out.contains(QStringLiteral("over_promise\t包您满意\t不要承诺结果。\n")));
}

void TestCli::postgres()
{
    TestDatabase scratch(QStringLiteral("postgres"));
    if (!scratch.skipReason().isEmpty()) {
        QSKIP(qPrintable(scratch.skipReason()));
    }
    QVERIFY2(scratch.setupError().isEmpty(), qPrintable(scratch.setupError()));
    const QStringList pg{QStringLiteral("--pg"), scratch.postgresUrl()};

    const Run created = cli(pg + QStringList{QStringLiteral("init")});
    VERIFY_EXIT(created, 0);
    QVERIFY(created.out.contains(QLatin1String("Created")));
    VERIFY_EXIT(cli(pg + QStringList{QStringLiteral("init")}), 0);
    const Run add = cli(pg + QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("chen"),
                                         QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--name"),
                                         QStringLiteral("陈明")},
                        QByteArrayLiteral("long-password\n"));
    VERIFY_EXIT(add, 0);
    const Run duplicate = cli(pg + QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("chen"),
                                               QStringLiteral("--role"), QStringLiteral("clerk")},
                              QByteArrayLiteral("long-password\n"));
    VERIFY_EXIT(duplicate, 3);

    // QINGTING_PG does what --pg does.
    QProcessEnvironment env;
    env.insert(QStringLiteral("QINGTING_PG"), scratch.postgresUrl());
    const Run list = cli({QStringLiteral("user"), QStringLiteral("list")}, {}, env);
    VERIFY_EXIT(list, 0);
    QCOMPARE(list.out, QStringLiteral("chen\tclerk\t陈明\tactive\n"));
    const Run lint = cli(pg + QStringList{QStringLiteral("lint-reply"), QStringLiteral("--json")}, kBuckPassing);
    VERIFY_EXIT(lint, 0);
    QCOMPARE(jsonKinds(lint.out), (QStringList{QStringLiteral("defensive"), QStringLiteral("defensive"),
                                               QStringLiteral("missing_steps"), QStringLiteral("missing_time")}));

    const Run verify = cli(pg + QStringList{QStringLiteral("verify")});
    VERIFY_EXIT(verify, 0);
    QVERIFY2(verify.out.contains(QLatin1String("audit chain: ok (entries checked: 1)")), qPrintable(verify.out));
    QCOMPARE(auditTrail(scratch.location()), QStringList{QStringLiteral("user.add cli 0")});

    {
        RawConnection raw(scratch);
        QVERIFY(raw.exec(QStringLiteral("UPDATE audit_log SET actor = 'chen'")).contains(QLatin1String("append-only")));
        QCOMPARE(raw.exec(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")), QString());
        QCOMPARE(raw.exec(QStringLiteral("UPDATE audit_log SET actor = 'chen'")), QString());
    }
    const Run broken = cli(pg + QStringList{QStringLiteral("verify")});
    VERIFY_EXIT(broken, 1);
    QVERIFY2(broken.out.contains(QLatin1String("BROKEN at entry 1")), qPrintable(broken.out));

    const Run wrongServer = cli({QStringLiteral("--pg"), QStringLiteral("postgresql://postgres@127.0.0.1:1/nowhere"),
                                 QStringLiteral("user"), QStringLiteral("list")});
    VERIFY_EXIT(wrongServer, 1);
    QCOMPARE(wrongServer.err.count(QLatin1Char('\n')), 1);
}

// `anonymize` (issue 15): stdin to stdout line for line, with and without a database.
namespace {
const QByteArray kAnonymizeCase = QStringLiteral(u"来电人王建国，手机138 1234 5678，身份证11010519491231002X。\n"
                                                 u"\n"
                                                 u"王建国说3号窗口的李明让他明天再来。\n"
                                                 u"已转金桥办理，周五前答复，工单QT-20261130-0042。\n"
                                                 u"今天龚晓值班，邮箱gx@example.com，车牌粤B·12345。\n")
                                      .toUtf8();
} // namespace

void TestCli::anonymizeWithoutDatabase()
{
    const Run run = cli({QStringLiteral("anonymize")}, kAnonymizeCase);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 6); // five lines, each ended by \n
    QCOMPARE(lines.at(1), QString());
    for (const char16_t* personal : {u"王建国", u"1234", u"11010519491231002X", u"李明", u"gx@example.com", u"粤B"}) {
        QVERIFY2(!run.out.contains(QString::fromUtf16(personal)), qPrintable(run.out));
    }
    // One Anonymizer for the whole input: 王建国 is 市民甲 on both lines.
    QVERIFY2(lines.at(0).startsWith(QStringLiteral(u"来电人市民甲，")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(2).startsWith(QStringLiteral(u"市民甲说3号窗口的工作人员甲")), qPrintable(lines.at(2)));
    QVERIFY(run.out.contains(QStringLiteral("QT-20261130-0042")));
    // Without a database 金桥 reads as a name, and 龚晓 is nobody known but a bare name after 今天 all the same.
    QVERIFY2(!lines.at(3).contains(QStringLiteral(u"金桥")), qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).startsWith(QStringLiteral(u"今天市民")), qPrintable(lines.at(4)));
    // No database file was created for this.
    QVERIFY2(!QDir(m_dir->filePath(QStringLiteral("xdg-data"))).exists(), "a data folder was created");
}

void TestCli::anonymizeLineForLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("no trailing newline") << QStringLiteral(u"王先生来了").toUtf8()
                                         << QStringLiteral(u"市民甲来了").toUtf8();
    QTest::newRow("trailing newline") << QStringLiteral(u"王先生来了\n").toUtf8()
                                      << QStringLiteral(u"市民甲来了\n").toUtf8();
    QTest::newRow("CRLF") << QStringLiteral(u"王先生来了\r\n\r\n李女士也来了\r\n").toUtf8()
                          << QStringLiteral(u"市民甲来了\n\n市民乙也来了\n").toUtf8();
    QTest::newRow("only empty lines") << QByteArray("\n\n\n") << QByteArray("\n\n\n");
}

void TestCli::anonymizeLineForLine()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Run run = cli({QStringLiteral("anonymize")}, input);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.toUtf8(), expected);
}

void TestCli::anonymizeWithDatabase()
{
    const QString path = m_path;
    {
        auto db = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::CreateOrMigrate);
        if (!db.ok()) {
            QFAIL(qPrintable(db.error().message));
        }
        User clerk;
        clerk.login = QStringLiteral("gongx");
        clerk.displayName = QStringLiteral(u"龚晓");
        clerk.role = Role::Clerk;
        clerk.createdAt = QDateTime::currentDateTime();
        const auto user = (*db)->repositories().users->insert(clerk, QStringLiteral("not-a-hash"));
        QVERIFY2(user.ok(), user.ok() ? "" : qPrintable(user.error().message));
        ReferenceItem department;
        department.kind = ReferenceKind::Department;
        department.name = QStringLiteral(u"金桥");
        const auto item = (*db)->repositories().reference->insert(department);
        QVERIFY2(item.ok(), item.ok() ? "" : qPrintable(item.error().message));
    }
    const Run run = cli({QStringLiteral("--db"), path, QStringLiteral("anonymize")}, kAnonymizeCase);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 6);
    // The user is known staff; the department's name is kept.
    QVERIFY2(!run.out.contains(QStringLiteral(u"龚晓")), qPrintable(run.out));
    QVERIFY2(lines.at(4).startsWith(QStringLiteral(u"今天工作人员")), qPrintable(lines.at(4)));
    QVERIFY2(lines.at(3).startsWith(QStringLiteral(u"已转金桥办理")), qPrintable(lines.at(3)));
    QVERIFY2(!run.out.contains(QStringLiteral(u"王建国")), qPrintable(run.out));
}

void TestCli::anonymizeUsageAndFailures()
{
    const Run extra = cli({QStringLiteral("anonymize"), QStringLiteral("file.txt")}, {});
    QCOMPARE(extra.exitCode, 2);
    const Run option = cli({QStringLiteral("anonymize"), QStringLiteral("--json")}, {});
    QCOMPARE(option.exitCode, 2);
    // A named database that cannot be opened is an error, and nothing is created.
    const QString missing = m_dir->filePath(QStringLiteral("missing.sqlite"));
    const Run run = cli({QStringLiteral("--db"), missing, QStringLiteral("anonymize")}, kAnonymizeCase);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(missing));
}

// `risk` (issue 16): one complaint text a line, one result a line; its answers are RiskScorer's.
namespace {
const QStringList kRiskTexts{
    QStringLiteral(u"再不解决，我就去找电视台曝光你们！！"), QStringLiteral(u"我不会去曝光的，只是希望你们改进一下。"),
    QStringLiteral(u"工作人员说可以打12345咨询。"),          QStringLiteral(u"我要打12345投诉你们这个窗口。"),
    QStringLiteral(u"律师事务所的执照变更需要哪些材料？"),   QStringLiteral(u"窗口只开了两个，排队的人太多了。"),
};

QByteArray riskLines(const QStringList& texts)
{
    return (texts.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}
} // namespace

void TestCli::riskJsonLineForLine()
{
    const Run run = cli({QStringLiteral("risk"), QStringLiteral("--json")}, riskLines(kRiskTexts));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), kRiskTexts.size() + 1); // one line each, every one ended by \n
    QVERIFY(lines.last().isEmpty());
    const QSet<QString> known{QStringLiteral("media"),  QStringLiteral("legal"), QStringLiteral("petition"),
                              QStringLiteral("safety"), QStringLiteral("group"), QStringLiteral("strong_emotion"),
                              QStringLiteral("repeat")};
    QList<QJsonObject> results;
    for (qsizetype i = 0; i < kRiskTexts.size(); ++i) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i).toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(lines.at(i)));
        const QJsonObject o = doc.object();
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("level"), QStringLiteral("score"), QStringLiteral("signals")}));
        QVERIFY(o.value(QStringLiteral("score")).isDouble());
        const int score = o.value(QStringLiteral("score")).toInt();
        QVERIFY(score >= 0 && score <= 100);
        QVERIFY(QStringList({QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")})
                    .contains(o.value(QStringLiteral("level")).toString()));
        QVERIFY(o.value(QStringLiteral("signals")).isArray());
        for (const QJsonValue& s : o.value(QStringLiteral("signals")).toArray()) {
            QVERIFY2(known.contains(s.toString()), qPrintable(s.toString()));
        }
        results.append(o);
    }
    // The threat fires; the negation, the reported speech, the innocent sense and the ordinary complaint do not.
    QCOMPARE(results.at(0).value(QStringLiteral("level")).toString(), QStringLiteral("high"));
    QCOMPARE(results.at(0).value(QStringLiteral("signals")).toArray(),
             (QJsonArray{QStringLiteral("media"), QStringLiteral("strong_emotion")}));
    for (int i : {1, 2, 4, 5}) {
        QCOMPARE(results.at(i).value(QStringLiteral("score")).toInt(), 0);
        QCOMPARE(results.at(i).value(QStringLiteral("level")).toString(), QStringLiteral("low"));
        QVERIFY(results.at(i).value(QStringLiteral("signals")).toArray().isEmpty());
    }
    QCOMPARE(results.at(3).value(QStringLiteral("signals")).toArray(), QJsonArray{QStringLiteral("petition")});
    QCOMPARE(results.at(3).value(QStringLiteral("level")).toString(), QStringLiteral("medium"));
    // No database was named and none was created for this.
    QVERIFY(!QDir(m_dir->filePath(QStringLiteral("xdg-data"))).exists());
}

void TestCli::riskJsonAgreesWithTheScorer()
{
    const RiskScorer scorer;
    const Run run = cli({QStringLiteral("risk"), QStringLiteral("--json")}, riskLines(kRiskTexts));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), kRiskTexts.size());
    for (qsizetype i = 0; i < kRiskTexts.size(); ++i) {
        const RiskResult expected = scorer.score(kRiskTexts.at(i));
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i).toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("score")).toInt(), expected.score);
        QCOMPARE(o.value(QStringLiteral("level")).toString(), RiskLevels::code(expected.level));
        QCOMPARE(o.value(QStringLiteral("signals")).toVariant().toStringList(), expected.signalCodes());
    }
}

void TestCli::riskPlainForm()
{
    // score <TAB> level <TAB> signals (comma-separated, "-" for none) <TAB> evidence (code:words@start+weight …)
    const Run run = cli({QStringLiteral("risk")}, riskLines({kRiskTexts.at(0), kRiskTexts.at(5)}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const RiskResult expected = RiskScorer().score(kRiskTexts.at(0));
    const QStringList first = lines.at(0).split(QLatin1Char('\t'));
    QCOMPARE(first.size(), 4);
    QCOMPARE(first.at(0), QString::number(expected.score));
    QCOMPARE(first.at(1), QStringLiteral("high"));
    QCOMPARE(first.at(2), QStringLiteral("media,strong_emotion"));
    const RiskEvidence& tv = expected.signal(RiskSignalKind::Media)->evidence.first();
    QVERIFY2(first.at(3).contains(QStringLiteral("media:%1@%2+%3").arg(tv.words).arg(tv.start).arg(tv.weight)),
             qPrintable(first.at(3)));
    QVERIFY(first.at(3).contains(QStringLiteral(u"media:曝光@")));
    QCOMPARE(lines.at(1), QStringLiteral("0\tlow\t-\t"));
}

void TestCli::riskLineEndsAndEmptyLines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("lines");
    QTest::newRow("nothing") << QByteArray() << 0;
    QTest::newRow("an empty line scores 0") << QByteArray("\n") << 1;
    QTest::newRow("a last line without newline") << QStringLiteral(u"我要起诉\n\n我要曝光").toUtf8() << 3;
    QTest::newRow("CRLF") << QStringLiteral(u"我要起诉\r\n我要曝光\r\n").toUtf8() << 2;
}

void TestCli::riskLineEndsAndEmptyLines()
{
    QFETCH(QByteArray, input);
    QFETCH(int, lines);
    const Run run = cli({QStringLiteral("risk"), QStringLiteral("--json")}, input);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.count(QLatin1Char('\n')), lines);
    QVERIFY(!run.out.contains(QLatin1Char('\r')));
    for (const QString& line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY(o.contains(QStringLiteral("score")));
    }
    if (lines == 3) {
        QVERIFY(run.out.section(QLatin1Char('\n'), 1, 1).contains(QStringLiteral("\"score\":0")));
        QVERIFY(run.out.section(QLatin1Char('\n'), 2, 2).contains(QStringLiteral("media")));
    }
}

void TestCli::riskUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("a file name") << QStringList{QStringLiteral("risk"), QStringLiteral("texts.txt")};
    QTest::newRow("an unknown option") << QStringList{QStringLiteral("risk"), QStringLiteral("--csv")};
}

void TestCli::riskUsageErrors()
{
    QFETCH(QStringList, args);
    const Run run = cli(args, "我要起诉\n");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
