#include "CliApp.h"

#include "DatabaseBackup.h"
#include "Migrator.h"
#include "audit/AuditKeyRing.h"
#include "common/Clock.h"
#include "common/DateTimeText.h"
#include "repositories/CalendarRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/AuditService.h"
#include "services/AuditWriter.h"
#include "services/CalendarService.h"
#include "services/RetentionService.h"
#include "services/UserService.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {
const QSet<QString> kGlobalOptions{QStringLiteral("db"), QStringLiteral("pg")};
const QSet<QString> kFlags{QStringLiteral("json"),    QStringLiteral("skip-bad"), QStringLiteral("help"),
                           QStringLiteral("overdue"), QStringLiteral("desc"),     QStringLiteral("explain"),
                           QStringLiteral("append"),  QStringLiteral("timing"),   QStringLiteral("recompute"),
                           QStringLiteral("force"),   QStringLiteral("dry-run")};

} // namespace

QSet<QString> CliApp::withGlobals(std::initializer_list<QString> names)
{
    QSet<QString> result = kGlobalOptions;
    for (const auto& n : names) {
        result.insert(n);
    }
    return result;
}

namespace {
/** Reads one line from stdin, with echo off when stdin is a terminal. */
std::optional<QString> readSecretLine(bool terminal)
{
    termios saved{};
    if (terminal) {
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    const QByteArray line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        fputs("\n", stderr);
    }
    if (line.isEmpty()) {
        return std::nullopt;
    }
    QString text = QString::fromUtf8(line);
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r'))) {
        text.chop(1);
    }
    return text;
}
/** A signed checkpoint of the audit chain's head, as `audit checkpoint` writes it and `verify --checkpoint` reads it.
 */
struct CheckpointFile
{
    qint64 seq = 0;
    QString hash;
    qint64 at = 0;
    QString keyId;
    QString publicKey;
    QString signature;

    QByteArray message() const { return AuditChain::checkpointMessage(seq, hash, at, keyId); }

    QByteArray text() const
    {
        return QStringLiteral("qingting-audit-checkpoint 1\nseq %1\nhash %2\nat %3\nkey_id %4\npublic_key %5\n"
                              "signature %6\n")
            .arg(seq)
            .arg(hash)
            .arg(at)
            .arg(keyId, publicKey, signature)
            .toUtf8();
    }

    static std::optional<CheckpointFile> parse(const QByteArray& bytes)
    {
        const QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (lines.isEmpty() || lines.constFirst().trimmed() != QLatin1String("qingting-audit-checkpoint 1")) {
            return std::nullopt;
        }
        QHash<QString, QString> fields;
        for (const QString& line : lines.mid(1)) {
            const qsizetype space = line.indexOf(QLatin1Char(' '));
            if (space > 0) {
                fields.insert(line.left(space), line.mid(space + 1).trimmed());
            }
        }
        CheckpointFile cp;
        bool seqOk = false;
        bool atOk = false;
        cp.seq = fields.value(QStringLiteral("seq")).toLongLong(&seqOk);
        cp.at = fields.value(QStringLiteral("at")).toLongLong(&atOk);
        cp.hash = fields.value(QStringLiteral("hash"));
        cp.keyId = fields.value(QStringLiteral("key_id"));
        cp.publicKey = fields.value(QStringLiteral("public_key"));
        cp.signature = fields.value(QStringLiteral("signature"));
        if (!seqOk || !atOk || cp.seq < 0 || cp.hash.isEmpty() || cp.keyId.isEmpty() || cp.signature.isEmpty()) {
            return std::nullopt;
        }
        return cp;
    }
};
} // namespace

CliApp::CliApp(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{}

int CliApp::usage(const QString& problem)
{
    if (!problem.isEmpty()) {
        m_err << problem << Qt::endl;
    }
    m_err << tr("Usage: qingting-cli [--db PATH | --pg URL] COMMAND [options]\n"
                "Commands:\n"
                "  version                         the program and schema versions\n"
                "  init                            create or migrate the database\n"
                "  verify [--checkpoint FILE]      check database integrity and the audit chain (with the audit\n"
                "                                  key: every entry's seal; FILE: a signed checkpoint it must hold)\n"
                "  audit checkpoint --out FILE     sign the verified head of the audit chain into FILE\n"
                "  deadline --from DATETIME (--working-days N | --hours N)\n"
                "                                  the due time under the holiday calendar\n"
                "  backup --out FILE               a consistent copy of the SQLite database, while in use,\n"
                "                                  then opened and verified as `verify` does\n"
                "  restore --from FILE             replace the SQLite database with a verified backup; the\n"
                "                                  current one is kept aside as FILE.before-restore-TIME\n"
                "  retention purge --years N [--as-of DATE] [--dry-run]\n"
                "                                  erase the personal data of citizens whose cases all closed\n"
                "                                  more than N years ago; their cases' text is anonymized\n"
                "  calendar list YEAR              the holiday arrangement of a year (date,kind,name)\n"
                "  calendar import FILE            replace the years in FILE (date,kind,name CSV, UTF-8)\n"
                "  cases [--status S[,S...]|open] [--overdue] [--assignee LOGIN] [--search TEXT]\n"
                "        [--sort received|case_no|status|category|window|waited] [--desc] [--limit N] [--json]\n"
                "                                  the case list as the desk shows it (no personal data)\n"
                "  lint-reply [--json]             check a draft reply (stdin) with the reply rules: one finding a\n"
                "                                  line (kind, words, advice), or {\"findings\": [...]}\n"
                "  anonymize                       stdin to stdout with personal data masked, line for line\n"
                "  risk [--json]                   one complaint text a line (stdin): score, level, signals and\n"
                "                                  evidence, tab-separated, or {\"score\", \"level\", \"signals\"}\n"
                "  import-cases FILE [--skip-bad]  import cases from CSV (FORMATS.md); all or nothing, or with\n"
                "                                  --skip-bad the good rows and FILE.rejects.csv for the rest\n"
                "  import-queue FILE [--skip-bad]  import queue visits (取号系统) from CSV, the same way\n"
                "  stats --from DATE --to DATE [--as-of DATETIME] [--json] [--recompute]\n"
                "                                  the figures of a period (cases by received date, whole days)\n"
                "  report --from DATE --to DATE --format pdf|xlsx|csv --out FILE [--force] [--as-of DATETIME]\n"
                "                                  the periodic review report (复盘报告); --force replaces FILE\n"
                "  user add LOGIN --role clerk|supervisor|trainer|admin [--name NAME]\n"
                "                                  create a user (password: first line of stdin)\n"
                "  user list                       users, tab-separated\n"
                "  user disable LOGIN              stop a user from logging in\n"
                "  demo --cases N [--days D] [--end DATE] [--seed S] [--append]\n"
                "                                  fill the database with realistic synthetic cases")
          << Qt::endl;
    return Usage;
}

QString CliApp::tabField(QString text)
{
    for (QChar& c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            c = QLatin1Char(' ');
        }
    }
    return text;
}

int CliApp::fail(const Error& error)
{
    QString message = error.message;
    message.replace(QLatin1Char('\n'), QLatin1String("; "));
    m_err << message << Qt::endl;
    return error.code == Error::Code::Invalid || error.code == Error::Code::Conflict ? Rejected : Failed;
}

std::unique_ptr<Database> CliApp::openDatabase(Database::OpenMode mode, int* exitCode)
{
    auto db = Database::open(m_location, mode);
    if (!db) {
        *exitCode = Failed;
        QString message = db.error().message;
        m_err << message.replace(QLatin1Char('\n'), QLatin1String("; ")) << Qt::endl;
        return nullptr;
    }
    *exitCode = Done;
    return std::move(db).value();
}

std::unique_ptr<Database> CliApp::openDatabaseIfAny(const CliArguments& args, int* exitCode)
{
    const bool named = args.has(QStringLiteral("db")) || args.has(QStringLiteral("pg")) ||
                       !qEnvironmentVariable("QINGTING_PG").isEmpty();
    *exitCode = Done;
    if (!named && !QFileInfo::exists(m_location.sqlitePath)) {
        return nullptr;
    }
    return openDatabase(Database::OpenMode::ExistingOnly, exitCode);
}

int CliApp::run(const QStringList& args)
{
    QString error;
    const auto parsed = CliArguments::parse(args, kFlags, &error);
    if (!parsed) {
        return usage(error);
    }
    if (parsed->positional().isEmpty() || parsed->has(QStringLiteral("help"))) {
        return usage(parsed->positional().isEmpty() && !parsed->has(QStringLiteral("help")) ? tr("No command given.")
                                                                                            : QString());
    }
    const QString pgUrl =
        parsed->has(QStringLiteral("pg")) ? parsed->value(QStringLiteral("pg")) : qEnvironmentVariable("QINGTING_PG");
    if (parsed->has(QStringLiteral("db")) && parsed->has(QStringLiteral("pg"))) {
        return usage(tr("Give either --db or --pg, not both."));
    }
    if (parsed->has(QStringLiteral("db"))) {
        m_location = DatabaseLocation::sqlite(parsed->value(QStringLiteral("db")));
    } else if (!pgUrl.isEmpty()) {
        m_location = DatabaseLocation::postgres(pgUrl);
    } else {
        m_location = DatabaseLocation::defaultLocation();
    }

    const QString command = parsed->positional().constFirst();
    if (command == QLatin1String("version")) {
        return cmdVersion(*parsed);
    }
    if (command == QLatin1String("init")) {
        return cmdInit(*parsed);
    }
    if (command == QLatin1String("verify")) {
        return cmdVerify(*parsed);
    }
    if (command == QLatin1String("audit")) {
        return cmdAudit(*parsed);
    }
    if (command == QLatin1String("deadline")) {
        return cmdDeadline(*parsed);
    }
    if (command == QLatin1String("user")) {
        return cmdUser(*parsed);
    }
    if (command == QLatin1String("backup")) {
        return cmdBackup(*parsed);
    }
    if (command == QLatin1String("restore")) {
        return cmdRestore(*parsed);
    }
    if (command == QLatin1String("retention")) {
        return cmdRetention(*parsed);
    }
    if (command == QLatin1String("calendar")) {
        return cmdCalendar(*parsed);
    }
    if (command == QLatin1String("demo")) {
        return cmdDemo(*parsed);
    }
    if (command == QLatin1String("cases")) {
        return cmdCases(*parsed);
    }
    if (command == QLatin1String("lint-reply")) {
        return cmdLintReply(*parsed);
    }
    if (command == QLatin1String("anonymize")) {
        return cmdAnonymize(*parsed);
    }
    if (command == QLatin1String("risk")) {
        return cmdRisk(*parsed);
    }
    if (command == QLatin1String("stats")) {
        return cmdStats(*parsed);
    }
    if (command == QLatin1String("report")) {
        return cmdReport(*parsed);
    }
    if (command == QLatin1String("import-cases")) {
        return cmdImport(*parsed, Import::Kind::Cases);
    }
    if (command == QLatin1String("import-queue")) {
        return cmdImport(*parsed, Import::Kind::Queue);
    }
    return usage(tr("Unknown command \"%1\".").arg(command));
}

int CliApp::cmdVersion(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(kGlobalOptions); !extra.isEmpty() || args.positional().size() > 1) {
        return usage(tr("version takes no options."));
    }
    m_out << "qingting " << QStringLiteral(QINGTING_VERSION) << " schema " << Migrator::latestVersion() << Qt::endl;
    return Done;
}

int CliApp::cmdInit(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(kGlobalOptions); !extra.isEmpty() || args.positional().size() > 1) {
        return usage(tr("init takes no options."));
    }
    int code = Done;
    const auto db = openDatabase(Database::OpenMode::CreateOrMigrate, &code);
    if (!db) {
        return code;
    }
    const QString where = db->location().displayName();
    if (db->versionFoundOnOpen() == 0) {
        m_out << tr("Created %1 with schema %2.").arg(where).arg(db->schemaVersion()) << Qt::endl;
    } else if (db->versionFoundOnOpen() < db->schemaVersion()) {
        m_out
            << tr("Migrated %1 from schema %2 to %3.").arg(where).arg(db->versionFoundOnOpen()).arg(db->schemaVersion())
            << Qt::endl;
    } else {
        m_out << tr("%1 is up to date (schema %2).").arg(where).arg(db->schemaVersion()) << Qt::endl;
    }
    if (const AuditKeyRing* keys = db->auditKeys(); keys && db->auditKeyProblem().isEmpty()) {
        if (db->auditKeyCreated()) {
            m_out << tr("Created the audit key %1 (key %2). Every desk of the hall needs this same file, mode 0600 "
                        "(README: \"The audit key\").")
                         .arg(keys->path(), keys->currentId())
                  << Qt::endl;
        } else {
            m_out << tr("Audit key: %1 (key %2).").arg(keys->path(), keys->currentId()) << Qt::endl;
        }
    } else {
        m_err << tr("warning: %1").arg(db->auditKeyProblem()) << Qt::endl;
    }
    for (const QString& warning : db->warnings()) {
        m_err << tr("warning: %1").arg(warning) << Qt::endl;
    }
    return Done;
}

int CliApp::cmdVerify(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(withGlobals({QStringLiteral("checkpoint")}));
        !extra.isEmpty() || args.positional().size() > 1) {
        return usage(tr("verify takes only --checkpoint FILE."));
    }
    std::optional<CheckpointFile> checkpoint;
    if (args.has(QStringLiteral("checkpoint"))) {
        const QString path = args.value(QStringLiteral("checkpoint"));
        if (path.isEmpty()) {
            return usage(tr("--checkpoint needs a FILE."));
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_err << tr("Cannot read the checkpoint %1: %2").arg(path, file.errorString()) << Qt::endl;
            return Failed;
        }
        checkpoint = CheckpointFile::parse(file.read(64 * 1024));
        if (!checkpoint) {
            m_err << tr("%1 is not an audit checkpoint written by qingting-cli audit checkpoint.").arg(path)
                  << Qt::endl;
            return Rejected;
        }
    }
    int code = Done;
    const auto db = openDatabase(Database::OpenMode::ExistingOnly, &code);
    if (!db) {
        return code;
    }
    const auto problems = db->integrityProblems();
    if (!problems) {
        return fail(problems.error());
    }
    // The checkpoint's signature first: only a checkpoint signed with this hall's key may vouch for the chain.
    QString checkpointProblem;
    if (checkpoint) {
        const AuditKeyRing* keys = db->auditKeys();
        if (!keys || !keys->has(checkpoint->keyId)) {
            checkpointProblem = tr("NOT CHECKED: it is signed with key %1, which this desk's audit key file does not "
                                   "hold.")
                                    .arg(checkpoint->keyId);
        } else if (keys->publicKey(checkpoint->keyId) != checkpoint->publicKey ||
                   !AuditKeyRing::checkSignature(checkpoint->publicKey, checkpoint->message(), checkpoint->signature)) {
            checkpointProblem = tr("FAILED: its signature does not match; the file was altered or not made with "
                                   "this hall's key.");
        }
    }
    AuditService audit(Session::commandLine(), db->repositories());
    const auto chain = checkpointProblem.isEmpty() && checkpoint
                           ? audit.verify(AuditCheckpoint{checkpoint->seq, checkpoint->hash})
                           : audit.verify();
    if (!chain) {
        return fail(chain.error());
    }
    bool ok = true;
    if (problems->isEmpty()) {
        m_out << tr("database integrity: ok") << Qt::endl;
    } else {
        ok = false;
        m_out << tr("database integrity: FAILED") << Qt::endl;
        for (const QString& p : *problems) {
            m_out << "  " << p << Qt::endl;
        }
    }
    if (chain->ok) {
        m_out << tr("audit chain: ok (entries checked: %1)").arg(chain->entriesChecked) << Qt::endl;
    } else {
        ok = false;
        m_out << tr("audit chain: BROKEN at entry %1: %2").arg(chain->brokenSeq).arg(chain->problem) << Qt::endl;
    }
    // A missing or foreign key fails verify: without it a chain re-forged by anyone with write access would pass.
    if (chain->keyedChecked) {
        m_out << tr("audit key: ok (key %1; sealed entries: %2, older unkeyed entries: %3)")
                     .arg(db->auditKeys()->ids().join(QLatin1String(", ")))
                     .arg(chain->keyedEntries)
                     .arg(chain->legacyEntries)
              << Qt::endl;
    } else if (chain->ok) {
        ok = false;
        m_out << tr("audit key: NOT CHECKED: %1 Only the chain's structure and the older unkeyed hashes were "
                    "verified; a chain re-forged by someone with write access would pass this check.")
                     .arg(chain->keyNote)
              << Qt::endl;
    }
    if (checkpoint) {
        if (!checkpointProblem.isEmpty()) {
            ok = false;
            m_out << tr("checkpoint: %1").arg(checkpointProblem) << Qt::endl;
        } else if (chain->checkpointChecked) {
            m_out << tr("checkpoint: ok (entry %1, signed %2)")
                         .arg(checkpoint->seq)
                         .arg(DateTimeText::format(QDateTime::fromSecsSinceEpoch(checkpoint->at)))
                  << Qt::endl;
        } else if (chain->ok) {
            ok = false;
            m_out << tr("checkpoint: NOT CHECKED") << Qt::endl;
        }
    }
    return ok ? Done : Failed;
}

int CliApp::cmdAudit(const CliArguments& args)
{
    const QStringList& words = args.positional();
    if (words.size() != 2 || words.at(1) != QLatin1String("checkpoint") ||
        !args.unknown(withGlobals({QStringLiteral("out")})).isEmpty()) {
        return usage(tr("Use: audit checkpoint --out FILE."));
    }
    const QString out = args.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        return usage(tr("audit checkpoint needs --out FILE."));
    }
    if (QFileInfo::exists(out)) {
        m_err << tr("%1 exists already; choose a new file name.").arg(out) << Qt::endl;
        return Rejected;
    }
    int code = Done;
    const auto db = openDatabase(Database::OpenMode::ExistingOnly, &code);
    if (!db) {
        return code;
    }
    const AuditKeyRing* keys = db->auditKeys();
    if (!keys || !db->auditKeyProblem().isEmpty()) {
        m_err << db->auditKeyProblem() << Qt::endl;
        return Failed;
    }
    const auto chain = AuditService(Session::commandLine(), db->repositories()).verify();
    if (!chain) {
        return fail(chain.error());
    }
    if (!chain->ok || !chain->keyedChecked) {
        m_err << tr("The audit chain does not verify, so no checkpoint was signed: %1")
                     .arg(chain->ok ? chain->keyNote : chain->problem)
              << Qt::endl;
        return Failed;
    }
    CheckpointFile cp;
    cp.seq = chain->lastSeq;
    cp.hash = chain->lastHash;
    cp.at = SystemClock().now().toSecsSinceEpoch();
    cp.keyId = keys->currentId();
    cp.publicKey = keys->publicKey(cp.keyId);
    cp.signature = keys->sign(cp.keyId, cp.message());
    QFile file(out);
    if (!file.open(QIODevice::NewOnly | QIODevice::WriteOnly) || file.write(cp.text()) < 0 || !file.flush()) {
        m_err << tr("Cannot write %1: %2").arg(out, file.errorString()) << Qt::endl;
        return Failed;
    }
    file.close();
    m_out << tr("Checkpoint of entry %1 written to %2. Keep it away from the database (another machine, paper).")
                 .arg(cp.seq)
                 .arg(out)
          << Qt::endl;
    return Done;
}

int CliApp::cmdDeadline(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(
            withGlobals({QStringLiteral("from"), QStringLiteral("working-days"), QStringLiteral("hours")}));
        !extra.isEmpty()) {
        return usage(tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    const auto from = DateTimeText::parseDateTime(args.value(QStringLiteral("from")));
    if (!from) {
        return usage(tr("--from needs a date-time, YYYY-MM-DD HH:MM[:SS]."));
    }
    const bool byDays = args.has(QStringLiteral("working-days"));
    if (byDays == args.has(QStringLiteral("hours"))) {
        return usage(tr("Give exactly one of --working-days N and --hours N."));
    }
    bool isNumber = false;
    const int n = args.value(byDays ? QStringLiteral("working-days") : QStringLiteral("hours")).toInt(&isNumber);
    if (!isNumber || n < 0) {
        return usage(tr("N must be a whole number, 0 or more."));
    }
    if (!byDays) {
        m_out << DateTimeText::format(from->addSecs(qint64(n) * 3600)) << Qt::endl;
        return Done;
    }
    int code = Done;
    const auto db = openDatabase(Database::OpenMode::CreateOrMigrate, &code);
    if (!db) {
        return code;
    }
    const auto calendar = db->repositories().calendar->load();
    if (!calendar) {
        return fail(calendar.error());
    }
    const auto due = calendar->addWorkingDays(*from, n);
    if (!due) {
        m_err << due.error().message << Qt::endl;
        return Failed;
    }
    m_out << DateTimeText::format(*due) << Qt::endl;
    return Done;
}

int CliApp::cmdBackup(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(withGlobals({QStringLiteral("out")}));
        !extra.isEmpty() || args.positional().size() != 1) {
        return usage(tr("backup takes only --out FILE."));
    }
    const QString out = args.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        return usage(tr("backup needs --out FILE."));
    }
    int code = Done;
    const auto db = openDatabase(Database::OpenMode::ExistingOnly, &code);
    if (!db) {
        return code;
    }
    // The entry goes in first, so that the copy records its own making.
    const SystemClock clock;
    const Repositories repos = db->repositories();
    {
        WriteTransaction tx(*repos.unitOfWork);
        AuditWriter audit(*repos.audit, clock);
        Status recorded = tx.started();
        if (recorded) {
            recorded =
                audit.record(Session::commandLine(), QStringLiteral("database.backup"), QStringLiteral("database"), 0,
                             {{QStringLiteral("out"), QFileInfo(out).absoluteFilePath()}});
        }
        if (recorded) {
            recorded = tx.commit();
        }
        if (!recorded) {
            return fail(recorded.error());
        }
    }
    if (auto s = db->backupTo(out); !s) {
        m_err << s.error().message << Qt::endl;
        return Failed;
    }
    m_out << tr("Copied %1 to %2.").arg(db->location().displayName(), out) << Qt::endl;
    // A backup is only as good as its check: the copy is opened as a database of its own and verified.
    const auto checked = DatabaseBackup::check(out);
    if (!checked) {
        m_err << tr("The copy %1 does not open: %2").arg(out, checked.error().message) << Qt::endl;
        return Failed;
    }
    if (!checked->ok()) {
        m_err << tr("The copy %1 does not verify:").arg(out) << Qt::endl;
        for (const QString& p : checked->problems) {
            m_err << "  " << p << Qt::endl;
        }
        return Failed;
    }
    m_out << tr("Verified the copy: database integrity ok, audit chain ok (entries checked: %1).")
                 .arg(checked->auditEntries)
          << Qt::endl;
    return Done;
}

int CliApp::cmdRestore(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(withGlobals({QStringLiteral("from")}));
        !extra.isEmpty() || args.positional().size() != 1) {
        return usage(tr("restore takes only --from FILE."));
    }
    const QString from = args.value(QStringLiteral("from"));
    if (from.isEmpty()) {
        return usage(tr("restore needs --from FILE."));
    }
    if (m_location.kind != DatabaseLocation::Kind::Sqlite) {
        m_err << tr("A PostgreSQL database is restored on the server, with pg_restore (README: \"Backups\"); this "
                    "command restores SQLite files.")
              << Qt::endl;
        return Failed;
    }
    const SystemClock clock;
    const auto restored = DatabaseBackup::restore(m_location.sqlitePath, from, Session::commandLine(), clock);
    if (!restored) {
        m_err << restored.error().message << Qt::endl;
        return restored.error().code == Error::Code::Invalid ? Rejected : Failed;
    }
    m_out << tr("Restored %1 from %2 (schema %3; audit chain ok, entries checked: %4).")
                 .arg(m_location.displayName(), from)
                 .arg(restored->check.schemaVersion)
                 .arg(restored->check.auditEntries)
          << Qt::endl;
    if (!restored->asidePath.isEmpty()) {
        m_out << tr("The database it replaced is kept at %1.").arg(restored->asidePath) << Qt::endl;
    }
    return Done;
}

int CliApp::cmdRetention(const CliArguments& args)
{
    if (const QStringList extra =
            args.unknown(withGlobals({QStringLiteral("years"), QStringLiteral("as-of"), QStringLiteral("dry-run")}));
        !extra.isEmpty() || args.positional().size() != 2 || args.positional().at(1) != QLatin1String("purge")) {
        return usage(tr("Use: retention purge --years N [--as-of DATE] [--dry-run]."));
    }
    bool isNumber = false;
    const int years = args.value(QStringLiteral("years")).toInt(&isNumber);
    if (!isNumber || years < 1 || years > 50) {
        return usage(tr("--years takes the retention period in whole years, 1 to 50."));
    }
    QDate asOf = QDate::currentDate();
    if (args.has(QStringLiteral("as-of"))) {
        const auto parsed = DateTimeText::parseDate(args.value(QStringLiteral("as-of")));
        if (!parsed) {
            return usage(tr("--as-of takes a date, YYYY-MM-DD."));
        }
        asOf = *parsed;
    }
    int code = Done;
    const auto db = openDatabase(Database::OpenMode::ExistingOnly, &code);
    if (!db) {
        return code;
    }
    const SystemClock clock;
    RetentionService service(Session::commandLine(), db->repositories(), clock);
    const bool dryRun = args.has(QStringLiteral("dry-run"));
    const auto report = service.purge(years, asOf, dryRun, [this](qint64 done) {
        if (done % 1000 == 0) {
            m_err << tr("retention: %1 citizens purged").arg(done) << Qt::endl;
        }
    });
    if (!report) {
        return fail(report.error());
    }
    if (dryRun) {
        m_out << tr("Would purge %1 citizens (cases %2) whose cases all closed before %3; %4 were purged before.")
                     .arg(report->citizens)
                     .arg(report->cases)
                     .arg(report->closedBefore.toString(Qt::ISODate))
                     .arg(report->purgedBefore)
              << Qt::endl;
    } else {
        m_out << tr("Purged %1 citizens whose cases all closed before %2: %3 cases, %4 texts masked; %5 were purged "
                    "before.")
                     .arg(report->citizens)
                     .arg(report->closedBefore.toString(Qt::ISODate))
                     .arg(report->cases)
                     .arg(report->textsChanged)
                     .arg(report->purgedBefore)
              << Qt::endl;
    }
    return Done;
}

int CliApp::cmdCalendar(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(kGlobalOptions); !extra.isEmpty()) {
        return usage(tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    const QString sub = args.positional().value(1);
    if ((sub != QLatin1String("list") && sub != QLatin1String("import")) || args.positional().size() != 3) {
        return usage(tr("Use: calendar list YEAR, or calendar import FILE."));
    }
    const QString what = args.positional().at(2);
    QByteArray csv;
    int year = 0;
    if (sub == QLatin1String("import")) {
        QFile file(what);
        if (!file.open(QIODevice::ReadOnly)) {
            m_err << tr("Cannot read %1: %2").arg(what, file.errorString()) << Qt::endl;
            return Failed;
        }
        csv = file.readAll();
    } else {
        bool isNumber = false;
        year = what.toInt(&isNumber);
        if (!isNumber || year < 1900 || year > 2999) {
            return usage(tr("YEAR is a year such as 2027."));
        }
    }
    int code = Done;
    const auto db = openDatabase(Database::OpenMode::ExistingOnly, &code);
    if (!db) {
        return code;
    }
    const SystemClock clock;
    CalendarService calendar(Session::commandLine(), db->repositories(), clock);
    if (sub == QLatin1String("list")) {
        const auto days = calendar.days(year);
        if (!days) {
            return fail(days.error());
        }
        if (days->isEmpty()) {
            m_err << tr("The calendar has no entries for %1.").arg(year) << Qt::endl;
            return Failed;
        }
        for (const CalendarDay& d : *days) {
            m_out << d.date.toString(Qt::ISODate) << ','
                  << (d.kind == CalendarDay::Kind::Workday ? "workday" : "holiday") << ',' << d.name << Qt::endl;
        }
        return Done;
    }
    const auto years = calendar.importCsv(csv);
    if (!years) {
        if (years.error().code == Error::Code::Invalid) {
            m_err << years.error().message << Qt::endl; // every bad line, one a line; nothing was written
            return Rejected;
        }
        return fail(years.error());
    }
    QStringList names;
    for (int y : *years) {
        names << QString::number(y);
    }
    m_out << tr("Replaced the holiday calendar of %1.").arg(names.join(QLatin1String(", "))) << Qt::endl;
    return Done;
}

int CliApp::cmdUser(const CliArguments& args)
{
    const QString sub = args.positional().value(1);
    if (sub == QLatin1String("add")) {
        return cmdUserAdd(args);
    }
    if (sub == QLatin1String("list")) {
        return cmdUserList(args);
    }
    if (sub == QLatin1String("disable")) {
        return cmdUserDisable(args);
    }
    return usage(sub.isEmpty() ? tr("user needs a subcommand: add, list or disable.")
                               : tr("Unknown user subcommand \"%1\".").arg(sub));
}

std::optional<QString> CliApp::readNewPassword()
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    if (terminal) {
        m_err << tr("Password: ") << Qt::flush;
    }
    const auto first = readSecretLine(terminal);
    if (!first || !terminal) {
        return first;
    }
    m_err << tr("Password again: ") << Qt::flush;
    const auto second = readSecretLine(terminal);
    if (!second || *second != *first) {
        m_err << tr("The two passwords differ.") << Qt::endl;
        return std::nullopt;
    }
    return first;
}

int CliApp::cmdUserAdd(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(withGlobals({QStringLiteral("role"), QStringLiteral("name")}));
        !extra.isEmpty()) {
        return usage(tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    if (args.positional().size() != 3) {
        return usage(tr("user add needs exactly one LOGIN."));
    }
    const QString login = args.positional().at(2);
    if (!args.has(QStringLiteral("role"))) {
        return usage(tr("user add needs --role clerk|supervisor|trainer|admin."));
    }
    const auto role = Roles::fromCode(args.value(QStringLiteral("role")));
    if (!role) {
        m_err << tr("Unknown role \"%1\"; use clerk, supervisor, trainer or admin.")
                     .arg(args.value(QStringLiteral("role")))
              << Qt::endl;
        return Rejected;
    }
    const auto password = readNewPassword();
    if (!password) {
        m_err << tr("No password was given on standard input.") << Qt::endl;
        return Rejected;
    }
    return withUserService(Database::OpenMode::CreateOrMigrate, [&](UserService& users) {
        const auto user = users.add(login, *role, args.value(QStringLiteral("name")), *password);
        if (!user) {
            return fail(user.error());
        }
        m_out << tr("Created user %1 (%2).").arg(user->login, Roles::code(user->role)) << Qt::endl;
        return int(Done);
    });
}

int CliApp::cmdUserList(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(kGlobalOptions); !extra.isEmpty() || args.positional().size() != 2) {
        return usage(tr("user list takes no options."));
    }
    return withUserService(Database::OpenMode::ExistingOnly, [&](UserService& users) {
        const auto all = users.list();
        if (!all) {
            return fail(all.error());
        }
        for (const User& u : *all) {
            m_out << u.login << '\t' << Roles::code(u.role) << '\t' << u.displayName << '\t'
                  << (u.active ? "active" : "disabled") << Qt::endl;
        }
        return int(Done);
    });
}

int CliApp::cmdUserDisable(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(kGlobalOptions); !extra.isEmpty() || args.positional().size() != 3) {
        return usage(tr("user disable needs exactly one LOGIN."));
    }
    const QString login = args.positional().at(2);
    return withUserService(Database::OpenMode::ExistingOnly, [&](UserService& users) {
        if (auto s = users.disable(login); !s) {
            if (s.error().code == Error::Code::NotFound) {
                m_err << s.error().message << Qt::endl;
                return int(Rejected);
            }
            return fail(s.error());
        }
        m_out << tr("Disabled user %1; their records stay.").arg(login) << Qt::endl;
        return int(Done);
    });
}

int CliApp::withUserService(Database::OpenMode mode, const std::function<int(UserService&)>& work)
{
    int code = Done;
    const auto db = openDatabase(mode, &code);
    if (!db) {
        return code;
    }
    const SystemClock clock;
    const PasswordHasher hasher;
    UserService users(Session::commandLine(), db->repositories(), clock, hasher);
    return work(users);
}
