// case_writer: a helper process for the concurrency, crash and many-desks tests and for bench_desks.sh, not a test.
// It opens the database named on its command line and records anonymous cases through CaseService as a desk
// would. Each case number goes to stdout, flushed, only AFTER CaseService::create returned success, so whatever a
// killed writer printed was saved. With --timings each line is "CASE_NO<TAB>MICROSECONDS" (the latency of that
// create call). A failed save is reported on stderr and the writer goes on; the last stderr line is a summary.
// Exit 0 when every save worked, 1 when one failed (or the database could not be opened), 2 on bad usage.
//
//   case_writer (--db PATH | --pg URL) (--count N | --seconds S) [--at "YYYY-MM-DD HH:MM"] [--tag TEXT]
//               [--pause-ms MS] [--timings 1] [--start-at EPOCH_MS]
//   case_writer (--db PATH | --pg URL) --check FILE
//
// --check reads the writers' collected stdout from FILE and checks the database afterwards (DeskWriters::check):
// every reported case present, no number twice, integrity and audit chain; exit 0 when all held, 1 otherwise.
//
// Without --at the writer uses the system clock; --count and --seconds together stop at whichever comes first.
// --pause-ms: a pause after each save, drawn evenly between half and 1.5 times MS (a desk's own rhythm).
// --start-at: after opening the database, wait until that wall-clock time (milliseconds since the epoch) before the
// first save, so that many desks started together all save at once instead of while the others still start up.

#include "Database.h"
#include "DeskWriters.h"
#include "common/Clock.h"
#include "services/CaseService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QThread>

#include <cstdio>
#include <memory>

namespace {
constexpr const char* kUsage = "usage: case_writer (--db PATH | --pg URL) (--count N | --seconds S) "
                               "[--at \"YYYY-MM-DD HH:MM\"] [--tag TEXT] [--pause-ms MS] [--timings 1]\n"
                               "       [--start-at EPOCH_MS]\n"
                               "       case_writer (--db PATH | --pg URL) --check FILE\n";

/** One line on stdout, written and flushed at once so that a kill never leaves half a line behind. */
void report(const QByteArray& line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void complain(const QString& text)
{
    const QByteArray line = text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}
/** --check: the database after the writers, against the numbers they reported. */
int checkAfterWriters(const DatabaseLocation& location, const QString& reportFile)
{
    QFile file(reportFile);
    if (!file.open(QIODevice::ReadOnly)) {
        complain(QStringLiteral("cannot read %1: %2").arg(reportFile, file.errorString()));
        return 1;
    }
    const QStringList reported = DeskWriters::reportedNumbers(file.readAll());
    const DeskWriters::Check result = DeskWriters::check(location, reported);
    for (const QString& problem : result.problems) {
        complain(problem);
    }
    report(QStringLiteral("reported %1, stored %2, problems %3\n")
               .arg(reported.size())
               .arg(result.cases)
               .arg(result.problems.size())
               .toUtf8());
    return result.problems.isEmpty() ? 0 : 1;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QHash<QString, QString> options;
    const QStringList args = QCoreApplication::arguments().mid(1);
    bool usageOk = args.size() % 2 == 0;
    for (qsizetype i = 0; usageOk && i + 1 < args.size(); i += 2) {
        usageOk = args.at(i).startsWith(QLatin1String("--"));
        options.insert(args.at(i).mid(2), args.at(i + 1));
    }
    bool countOk = true;
    bool secondsOk = true;
    bool pauseOk = true;
    const int count =
        options.contains(QStringLiteral("count")) ? options.value(QStringLiteral("count")).toInt(&countOk) : -1;
    const double seconds = options.contains(QStringLiteral("seconds"))
                               ? options.value(QStringLiteral("seconds")).toDouble(&secondsOk)
                               : -1;
    const bool checking = options.contains(QStringLiteral("check"));
    const int pauseMs = options.value(QStringLiteral("pause-ms"), QStringLiteral("0")).toInt(&pauseOk);
    const QString atText = options.value(QStringLiteral("at"));
    const QDateTime at = QDateTime::fromString(atText, QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!usageOk || options.contains(QStringLiteral("db")) == options.contains(QStringLiteral("pg")) || !countOk ||
        !secondsOk || !pauseOk || pauseMs < 0 || (!checking && count < 1 && seconds <= 0) ||
        (!atText.isEmpty() && !at.isValid())) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const DatabaseLocation location = options.contains(QStringLiteral("db"))
                                          ? DatabaseLocation::sqlite(options.value(QStringLiteral("db")))
                                          : DatabaseLocation::postgres(options.value(QStringLiteral("pg")));
    if (checking) {
        return checkAfterWriters(location, options.value(QStringLiteral("check")));
    }
    const QString tag = options.value(QStringLiteral("tag"), QStringLiteral("writer"));
    const bool timings = options.value(QStringLiteral("timings")) == QLatin1String("1");

    auto db = Database::open(location);
    if (!db) {
        complain(QStringLiteral("%1: open failed: %2").arg(tag, db.error().message));
        return 1;
    }
    std::unique_ptr<Clock> clock;
    if (at.isValid()) {
        clock = std::make_unique<FixedClock>(at);
    } else {
        clock = std::make_unique<SystemClock>();
    }
    CaseService cases(Session::commandLine(), (*db)->repositories(), *clock);
    const qint64 startAt = options.value(QStringLiteral("start-at")).toLongLong();
    if (const qint64 wait = startAt - QDateTime::currentMSecsSinceEpoch(); startAt > 0 && wait > 0) {
        QThread::msleep(ulong(wait));
    }
    if (pauseMs > 0) {
        // Paced desks start out of step too, or the first saves of all desks would arrive as one burst.
        QThread::msleep(ulong(QRandomGenerator::global()->bounded(pauseMs)));
    }
    QElapsedTimer running;
    running.start();
    QElapsedTimer call;
    int saved = 0;
    int failed = 0;
    for (int i = 0; (count < 1 || i < count) && (seconds <= 0 || running.elapsed() < qint64(seconds * 1000)); ++i) {
        CaseDraft draft;
        draft.channel = Channel::Hotline12345;
        draft.complaintText = QStringLiteral("%1 第%2件：热线转来的投诉").arg(tag).arg(i + 1);
        call.start();
        const auto c = cases.create(draft);
        const qint64 micros = call.nsecsElapsed() / 1000;
        if (!c) {
            ++failed;
            complain(QStringLiteral("%1: case %2 failed after %3 ms: %4")
                         .arg(tag)
                         .arg(i + 1)
                         .arg(micros / 1000)
                         .arg(c.error().message));
        } else {
            ++saved;
            QByteArray line = c->caseNo.toLatin1();
            if (timings) {
                line += '\t' + QByteArray::number(micros);
            }
            report(line + '\n');
        }
        if (pauseMs > 0) {
            // Uniform between half and one and a half times the pause: desks that do not save in step.
            QThread::msleep(ulong(pauseMs / 2 + int(QRandomGenerator::global()->bounded(pauseMs + 1))));
        }
    }
    complain(QStringLiteral("%1: saved %2, failed %3").arg(tag).arg(saved).arg(failed));
    return failed == 0 ? 0 : 1;
}
