// qingting-cli import-cases / import-queue (issue 13): FORMATS.md's CSV files into the database.
#include "CliApp.h"

#include "common/Clock.h"
#include "services/ImportService.h"

#include <QDir>
#include <QElapsedTimer>

#include <atomic>
#include <csignal>

namespace {
std::atomic<bool> g_importInterrupted{false};

extern "C" void onImportInterrupt(int)
{
    g_importInterrupted = true;
}
} // namespace

int CliApp::cmdImport(const CliArguments& args, Import::Kind kind)
{
    const QString command = args.positional().constFirst();
    if (const QStringList extra = args.unknown(withGlobals({QStringLiteral("skip-bad")})); !extra.isEmpty()) {
        return usage(tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    if (args.positional().size() != 2) {
        return usage(tr("%1 needs one FILE.").arg(command));
    }
    const QString path = args.positional().at(1);
    Import::Options options;
    options.kind = kind;
    options.skipBad = args.has(QStringLiteral("skip-bad"));

    int code = Done;
    const auto db = openDatabase(Database::OpenMode::CreateOrMigrate, &code);
    if (!db) {
        return code;
    }
    const SystemClock clock;
    ImportService service(Session::commandLine(), db->repositories(), clock);
    QElapsedTimer timer;
    timer.start();
    qint64 lastReport = -1;
    const auto progress = [&](qint64 done, qint64 total) {
        const qint64 step = done * 10 / std::max<qint64>(1, total); // every 10 %
        if (total >= 10000 && step != lastReport) {
            lastReport = step;
            m_err << tr("%1: %2 of %3 rows (%4 s)")
                         .arg(command)
                         .arg(done)
                         .arg(total)
                         .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                  << Qt::endl;
        }
    };
    g_importInterrupted = false;
    const auto previous = std::signal(SIGINT, onImportInterrupt);
    const auto report = service.run(path, options, progress, [] { return g_importInterrupted.load(); });
    std::signal(SIGINT, previous);
    if (!report) {
        return fail(report.error());
    }
    for (const Import::Reject& r : report->rejects) {
        QString reason = r.reason;
        m_err << tr("line %1: %2").arg(r.line).arg(reason.replace(QLatin1Char('\n'), QLatin1Char(' '))) << Qt::endl;
    }
    m_out << tr("%1: read %2, imported %3, duplicates %4, rejected %5 (%6)")
                 .arg(QDir::toNativeSeparators(path))
                 .arg(report->records)
                 .arg(report->imported)
                 .arg(report->duplicates)
                 .arg(report->rejects.size())
                 .arg(Import::encodingName(report->encoding))
          << Qt::endl;
    if (report->cancelled) {
        m_err << tr("Interrupted: nothing was imported.") << Qt::endl;
        return Failed;
    }
    if (!report->rejects.isEmpty() && !options.skipBad) {
        m_err << tr("%1 row(s) rejected: nothing was imported (--skip-bad imports the good rows).")
                     .arg(report->rejects.size())
              << Qt::endl;
        return Rejected;
    }
    if (!report->rejects.isEmpty()) {
        const QString rejectsPath = ImportService::rejectsPathFor(path);
        if (auto s = ImportService::writeRejects(rejectsPath, report->header, report->rejects); !s) {
            m_err << tr("The good rows were imported, but the rejected rows could not be saved: %1")
                         .arg(s.error().message)
                  << Qt::endl;
            return Failed;
        }
        m_err << tr("%1 row(s) rejected; they and their reasons are in %2.")
                     .arg(report->rejects.size())
                     .arg(QDir::toNativeSeparators(rejectsPath))
              << Qt::endl;
    }
    return Done;
}
