// qingting-cli anonymize: stdin to stdout with personal data masked, line for line (CLI.md, issue 15).

#include "CliApp.h"
#include "common/Clock.h"
#include "repositories/ReferenceRepository.h"
#include "services/ReferenceService.h"
#include "services/UserService.h"
#include "training/Anonymizer.h"
#include "users/PasswordHasher.h"

#include <QFile>
#include <QFileInfo>

int CliApp::cmdAnonymize(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(withGlobals({})); !extra.isEmpty() || args.positional().size() != 1) {
        return usage(extra.isEmpty() ? tr("anonymize reads the text from stdin and takes no other words.")
                                     : tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    // One Anonymizer for the whole input: the same person keeps one label on every line. With a database (named,
    // or the default file when it exists; never created for this), its users are known staff and its reference
    // names (windows, departments, service items, categories) are kept.
    Anonymizer anonymizer;
    int code = Done;
    const auto db = openDatabaseIfAny(args, &code);
    if (code != Done) {
        return code;
    }
    if (db) {
        const SystemClock clock;
        const PasswordHasher hasher;
        const auto users = UserService(Session::commandLine(), db->repositories(), clock, hasher).list();
        if (!users) {
            return fail(users.error());
        }
        for (const User& user : *users) {
            if (!user.displayName.trimmed().isEmpty()) {
                anonymizer.addKnownPerson({KnownPerson::Kind::Staff, user.displayName.trimmed(), {}});
            }
        }
        ReferenceService reference(Session::commandLine(), db->repositories(), clock);
        for (ReferenceKind kind :
             {ReferenceKind::Window, ReferenceKind::Department, ReferenceKind::ServiceItem, ReferenceKind::Category}) {
            const auto items = reference.list(kind, true);
            if (!items) {
                return fail(items.error());
            }
            QStringList names;
            for (const ReferenceItem& item : *items) {
                names.append(item.name);
            }
            anonymizer.addKeepWords(names);
        }
    }

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        m_err << tr("Cannot read stdin.") << Qt::endl;
        return Failed;
    }
    // Line for line: as many lines out as in, empty ones kept, a last line without a newline stays without one;
    // \r\n is read as a line end and written as \n.
    while (!in.atEnd()) {
        QByteArray line = in.readLine();
        const bool newline = line.endsWith('\n');
        if (newline) {
            line.chop(1);
        }
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        m_out << anonymizer.anonymize(QString::fromUtf8(line));
        if (newline) {
            m_out << '\n';
        }
    }
    m_out.flush();
    return Done;
}
