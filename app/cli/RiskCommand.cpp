// qingting-cli risk: one complaint text a line on stdin, one risk result a line on stdout (CLI.md, issue 16).

#include "CliApp.h"
#include "risk/RiskScorer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
/** The plain form's evidence field: `code:words@start+weight` for each piece of evidence, separated by spaces. */
QString evidenceText(const RiskResult& result)
{
    QStringList parts;
    for (const RiskSignal& s : result.fired) {
        for (const RiskEvidence& e : s.evidence) {
            parts.append(
                QStringLiteral("%1:%2@%3+%4").arg(RiskSignalKinds::code(s.kind), e.words).arg(e.start).arg(e.weight));
        }
    }
    return parts.join(QLatin1Char(' '));
}
} // namespace

int CliApp::cmdRisk(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(withGlobals({QStringLiteral("json")}));
        !extra.isEmpty() || args.positional().size() != 1) {
        return usage(extra.isEmpty() ? tr("risk reads the texts from stdin, one a line, and takes no other words.")
                                     : tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    // The built-in rules: no database is opened (the rules an admin edits will come from one in a later phase).
    const RiskScorer scorer;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        m_err << tr("Cannot read stdin.") << Qt::endl;
        return Failed;
    }
    const bool json = args.has(QStringLiteral("json"));
    // Line for line: one result for every input line, an empty line included (it scores 0); \r\n is a line end.
    while (!in.atEnd()) {
        QByteArray line = in.readLine();
        if (line.isEmpty()) {
            break; // the end of a pipe: every real line has at least its \n or a character
        }
        if (line.endsWith('\n')) {
            line.chop(1);
        }
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        const RiskResult result = scorer.score(QString::fromUtf8(line));
        if (json) {
            const QJsonObject o{{QStringLiteral("score"), result.score},
                                {QStringLiteral("level"), RiskLevels::code(result.level)},
                                {QStringLiteral("signals"), QJsonArray::fromStringList(result.signalCodes())}};
            m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
        } else {
            const QStringList codes = result.signalCodes();
            m_out << result.score << '\t' << RiskLevels::code(result.level) << '\t'
                  << (codes.isEmpty() ? QStringLiteral("-") : codes.join(QLatin1Char(','))) << '\t'
                  << tabField(evidenceText(result)) << '\n';
        }
    }
    m_out.flush();
    return Done;
}
