// qingting-cli report: the periodic review report (复盘报告, issue 14, helper "report") as PDF, .xlsx or CSV.
// ReportService assembles it (the same figures as `stats`), ReportWriter writes it; this file reads the options.

#include "CliApp.h"
#include "common/AppSettings.h"
#include "common/Clock.h"
#include "common/DateTimeText.h"
#include "report/ReportWriter.h"
#include "services/ReportService.h"

#include <QElapsedTimer>
#include <QFileInfo>

int CliApp::cmdReport(const CliArguments& args)
{
    if (const QStringList extra =
            args.unknown(withGlobals({QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("format"),
                                      QStringLiteral("out"), QStringLiteral("force"), QStringLiteral("as-of")}));
        !extra.isEmpty() || args.positional().size() != 1) {
        return usage(extra.isEmpty() ? tr("report takes no arguments besides its options.")
                                     : tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    const auto period = readPeriod(args, QStringLiteral("report"));
    if (!period) {
        return Usage;
    }
    const Dashboard::Range range{period->first, period->second};
    if (range.days() > Report::kMaxRangeDays) {
        m_err << ReportService::tooLongMessage() << Qt::endl;
        return Usage;
    }
    if (!args.has(QStringLiteral("format"))) {
        m_err << tr("report needs --format pdf, xlsx or csv.") << Qt::endl;
        return Usage;
    }
    const auto format = ReportWriter::fromCode(args.value(QStringLiteral("format")));
    if (!format) {
        m_err << tr("--format takes pdf, xlsx or csv, not \"%1\".").arg(args.value(QStringLiteral("format")))
              << Qt::endl;
        return Usage;
    }
    const QString out = args.value(QStringLiteral("out"));
    if (!args.has(QStringLiteral("out")) || out.isEmpty()) {
        m_err << tr("report needs --out FILE.") << Qt::endl;
        return Usage;
    }
    ReportService::Options options;
    if (args.has(QStringLiteral("as-of"))) {
        QDateTime asOf;
        if (!readAsOf(args, asOf)) {
            return Usage;
        }
        options.asOf = asOf;
    }
    const QFileInfo target(out);
    if (target.exists() && !args.has(QStringLiteral("force"))) {
        m_err << tr("%1 exists; use --force to replace it.").arg(out) << Qt::endl;
        return Failed;
    }
    if (target.isDir()) {
        m_err << tr("%1 is a folder, not a file.").arg(out) << Qt::endl;
        return Failed;
    }

    int code = Done;
    const auto db = openDatabase(Database::OpenMode::ExistingOnly, &code);
    if (!db) {
        return code;
    }
    options.hallName = AppSettings().string(AppSettings::Key::HallName);
    const SystemClock clock;
    ReportService service(Session::commandLine(), db->repositories(), clock);
    QElapsedTimer timer;
    timer.start();
    // Progress on stderr, each line with the seconds so far (where a slow report spends its time).
    const auto seconds = [&timer] {
        return QString::number(double(timer.elapsed()) / 1000.0, 'f', 1);
    };
    const auto report = service.build(range, options, [this, &seconds](int percent, const QString& step) {
        m_err << QStringLiteral("%1% [%2 s] ").arg(percent, 3).arg(seconds()) << step << Qt::endl;
    });
    if (!report) {
        return fail(report.error());
    }
    if (const Status written = ReportWriter::write(*report, *format, out); !written) {
        QString message = written.error().message;
        m_err << message.replace(QLatin1Char('\n'), QLatin1String("; ")) << Qt::endl;
        return Failed;
    }
    m_err << QStringLiteral("100% [%1 s] ").arg(seconds()) << tr("Done.") << Qt::endl;
    m_out << target.absoluteFilePath() << Qt::endl;
    return Done;
}
