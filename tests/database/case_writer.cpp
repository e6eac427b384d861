// case_writer: a helper process for tst_concurrent_case_numbers, not a test. Opens the database named on its
// command line and records N anonymous cases through CaseService as the command line would, printing each
// case number. Exit 0 when all were written, 1 on the first failure (the reason on stderr), 2 on bad usage.
//
//   case_writer (--db PATH | --pg URL) --count N --at "YYYY-MM-DD HH:MM" [--tag TEXT]

#include "Database.h"
#include "common/Clock.h"
#include "services/CaseService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QHash<QString, QString> options;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (!args.at(i).startsWith(QLatin1String("--"))) {
            break;
        }
        options.insert(args.at(i).mid(2), args.at(i + 1));
    }
    bool countOk = false;
    const int count = options.value(QStringLiteral("count")).toInt(&countOk);
    const QDateTime at = QDateTime::fromString(options.value(QStringLiteral("at")), QStringLiteral("yyyy-MM-dd HH:mm"));
    if (options.contains(QStringLiteral("db")) == options.contains(QStringLiteral("pg")) || !countOk || count < 1 ||
        !at.isValid()) {
        err << "usage: case_writer (--db PATH | --pg URL) --count N --at \"YYYY-MM-DD HH:MM\" [--tag TEXT]" << Qt::endl;
        return 2;
    }
    const DatabaseLocation location = options.contains(QStringLiteral("db"))
                                          ? DatabaseLocation::sqlite(options.value(QStringLiteral("db")))
                                          : DatabaseLocation::postgres(options.value(QStringLiteral("pg")));
    const QString tag = options.value(QStringLiteral("tag"), QStringLiteral("writer"));

    auto db = Database::open(location);
    if (!db) {
        err << tag << ": open failed: " << db.error().message << Qt::endl;
        return 1;
    }
    const FixedClock clock(at);
    CaseService cases(Session::commandLine(), (*db)->repositories(), clock);
    for (int i = 0; i < count; ++i) {
        CaseDraft draft;
        draft.channel = Channel::Hotline12345;
        draft.complaintText = QStringLiteral("%1 第%2件：热线转来的投诉").arg(tag).arg(i + 1);
        const auto c = cases.create(draft);
        if (!c) {
            err << tag << ": case " << (i + 1) << " failed: " << c.error().message << Qt::endl;
            return 1;
        }
        out << c->caseNo << '\n';
    }
    out.flush();
    return 0;
}
