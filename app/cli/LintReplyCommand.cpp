// qingting-cli lint-reply: the reply checker on one draft reply read from stdin (CLI.md).

#include "CliApp.h"
#include "common/Clock.h"
#include "reply/ReplyChecker.h"
#include "services/ReplyRuleService.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

int CliApp::cmdLintReply(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(withGlobals({QStringLiteral("json")}));
        !extra.isEmpty() || args.positional().size() != 1) {
        return usage(extra.isEmpty() ? tr("lint-reply reads the reply from stdin and takes no other words.")
                                     : tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    // The rules: the database's, as admins keep them, when there is a database; the built-in ones only when none
    // was named and the default file does not exist (a named database that cannot be opened is an error).
    int code = Done;
    const auto db = openDatabaseIfAny(args, &code);
    if (code != Done) {
        return code;
    }
    QList<ReplyRule> rules;
    if (db) {
        const SystemClock clock;
        const auto stored = ReplyRuleService(Session::commandLine(), db->repositories(), clock).activeRules();
        if (!stored) {
            return fail(stored.error());
        }
        rules = *stored;
    } else {
        m_err << tr("No database: checking with the built-in rules.") << Qt::endl;
        rules = ReplyChecker::defaultRules();
    }

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        m_err << tr("Cannot read stdin.") << Qt::endl;
        return Failed;
    }
    const QString reply = QString::fromUtf8(in.readAll());
    const QList<ReplyFinding> findings = ReplyChecker(rules).check(reply);

    if (args.has(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ReplyFinding& f : findings) {
            array.append(QJsonObject{{QStringLiteral("kind"), ReplyFindingKinds::code(f.kind)},
                                     {QStringLiteral("text"), f.text},
                                     {QStringLiteral("advice"), f.advice}});
        }
        m_out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("findings"), array}}).toJson(QJsonDocument::Indented));
    } else {
        for (const ReplyFinding& f : findings) {
            m_out << ReplyFindingKinds::code(f.kind) << '\t' << tabField(f.text) << '\t' << tabField(f.advice) << '\n';
        }
    }
    m_out.flush();
    return Done; // findings or none, the check itself succeeded
}
