// qingting-cli demo: realistic synthetic cases for trying the desk and for the benchmarks.
#include "CliApp.h"

#include "BulkStatement.h"
#include "SqlDemoWriter.h"
#include "common/Clock.h"
#include "services/DemoService.h"

#include <QElapsedTimer>

#include <atomic>
#include <csignal>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {
std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}
} // namespace

int CliApp::cmdDemo(const CliArguments& args)
{
    const QSet<QString> known{QStringLiteral("db"),    QStringLiteral("pg"),  QStringLiteral("cases"),
                              QStringLiteral("days"),  QStringLiteral("end"), QStringLiteral("seed"),
                              QStringLiteral("append")};
    if (const QStringList extra = args.unknown(known); !extra.isEmpty() || args.positional().size() != 1) {
        return usage(extra.isEmpty() ? tr("demo takes no positional arguments.")
                                     : tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    DemoService::Options options;
    bool ok = false;
    options.cases = args.value(QStringLiteral("cases")).toLongLong(&ok);
    if (!ok || options.cases < 1 || options.cases > DemoService::kMaxCases) {
        return usage(tr("demo needs --cases N, a whole number from 1 to %1.").arg(DemoService::kMaxCases));
    }
    if (args.has(QStringLiteral("days"))) {
        options.days = args.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || options.days < 1 || options.days > DemoService::kMaxDays) {
            return usage(tr("--days must be a whole number from 1 to %1.").arg(DemoService::kMaxDays));
        }
    }
    const SystemClock clock;
    if (args.has(QStringLiteral("end"))) {
        options.end = QDate::fromString(args.value(QStringLiteral("end")), Qt::ISODate);
        if (!options.end.isValid()) {
            return usage(tr("--end needs a date, YYYY-MM-DD."));
        }
        if (options.end > clock.now().date()) {
            return usage(tr("--end must not lie in the future."));
        }
    }
    if (args.has(QStringLiteral("seed"))) {
        options.seed = args.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            return usage(tr("--seed must be a whole number, 0 or more."));
        }
    }
    options.append = args.has(QStringLiteral("append"));

#if defined(__GLIBC__)
    // Batches are allocated and freed over and over: keep the memory instead of handing it back to the system and
    // faulting it in again for the next batch.
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
#endif
    int code = Done;
    BulkStatements::beforeFirstConnection();
    const auto db = openDatabase(Database::OpenMode::CreateOrMigrate, &code);
    if (!db) {
        return code;
    }
    SqlDemoWriter writer(db->sqlContext());
    DemoService demo(Session::commandLine(), db->repositories(), writer, clock);

    QElapsedTimer timer;
    timer.start();
    int lastStep = -1;
    const auto progress = [&](qint64 done, qint64 total) {
        const int step = int(done * 20 / std::max<qint64>(1, total)); // every 5 %
        if (step != lastStep) {
            lastStep = step;
            m_err << tr("demo: %1 of %2 cases (%3 s)")
                         .arg(done)
                         .arg(total)
                         .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                  << Qt::endl;
        }
    };
    g_interrupted = false;
    const auto previous = std::signal(SIGINT, onInterrupt);
    const auto counts = demo.generate(options, progress, [] { return g_interrupted.load(); });
    std::signal(SIGINT, previous);
    for (const QString& w : demo.warnings()) {
        m_err << tr("warning: %1").arg(w) << Qt::endl;
    }
    if (!counts) {
        if (counts.error().code == Error::Code::Conflict) {
            m_err << counts.error().message << Qt::endl;
            return Failed;
        }
        return fail(counts.error());
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    m_out << tr("cases %1, events %2, follow-ups %3, queue visits %4, citizens %5, seconds %6")
                 .arg(counts->cases)
                 .arg(counts->events)
                 .arg(counts->followUps)
                 .arg(counts->queueVisits)
                 .arg(counts->citizens)
                 .arg(seconds, 0, 'f', 1)
          << Qt::endl;
    if (demo.wasCancelled()) {
        m_err << tr("Interrupted: the cases written so far stay, and the audit log records them.") << Qt::endl;
        return Failed;
    }
    return Done;
}
