// qingting-cli stats: the figures of a period (CLI.md, "stats --json"). The core computes (Metrics::compute through
// MetricsService); this file only reads the options and formats the figures.

#include "CliApp.h"
#include "common/Clock.h"
#include "common/DateTimeText.h"
#include "services/MetricsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>

namespace {
/** A JSON number: whole numbers as they are, fractions with every digit a double holds (the shortest exact form). */
QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString number(const std::optional<double>& value)
{
    return value ? number(*value) : QStringLiteral("null");
}

QString string(const QString& text)
{
    // QJsonDocument writes the string's escapes; the array's brackets come off.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString summary(const Metrics::Summary& s, bool withP90)
{
    QString text = QStringLiteral("{\"mean\": %1, \"median\": %2").arg(number(s.mean), number(s.median));
    if (withP90) {
        text += QStringLiteral(", \"p90\": %1").arg(number(s.p90));
    }
    return text + QStringLiteral(", \"n\": %1}").arg(s.n);
}

/** The figures as CLI.md shows them, keys in its order. */
QString json(const Metrics::Figures& f)
{
    QStringList lines;
    lines << QStringLiteral("\"from\": %1, \"to\": %2, \"as_of\": %3")
                 .arg(string(f.period.from.toString(Qt::ISODate)), string(f.period.to.toString(Qt::ISODate)),
                      string(DateTimeText::format(f.period.asOf)))
          << QStringLiteral("\"cases\": %1").arg(f.cases)
          << QStringLiteral("\"first_response_minutes\": %1").arg(summary(f.firstResponseMinutes, false))
          << QStringLiteral("\"resolution_hours\": %1").arg(summary(f.resolutionHours, false))
          << QStringLiteral("\"within_48h_rate\": %1, \"within_48h_n\": %2")
                 .arg(number(f.within48hRate))
                 .arg(f.within48hN)
          << QStringLiteral("\"csat\": %1, \"csat_n\": %2").arg(number(f.csat)).arg(f.csatN)
          << QStringLiteral("\"nps\": %1, \"nps_n\": %2").arg(number(f.nps)).arg(f.npsN)
          << QStringLiteral("\"negative_recurrence_rate\": %1, \"negative_recurrence_n\": %2")
                 .arg(number(f.negativeRecurrenceRate))
                 .arg(f.negativeRecurrenceN)
          << QStringLiteral("\"waiting_minutes\": %1").arg(summary(f.waitingMinutes, true))
          << QStringLiteral("\"transfers_per_case\": %1").arg(number(f.transfersPerCase));
    QStringList rows;
    for (const Metrics::CategoryRow& row : f.byCategory) {
        rows << QStringLiteral("    {\"category\": %1, \"cases\": %2, \"share\": %3, \"cumulative_share\": %4}")
                    .arg(string(row.category))
                    .arg(row.cases)
                    .arg(number(row.share), number(row.cumulativeShare));
    }
    lines << (rows.isEmpty() ? QStringLiteral("\"by_category\": []")
                             : QStringLiteral("\"by_category\": [\n%1\n  ]").arg(rows.join(QLatin1String(",\n"))));
    return QStringLiteral("{\n  %1\n}\n").arg(lines.join(QLatin1String(",\n  ")));
}

QString fixed(const std::optional<double>& value)
{
    return value ? QString::number(*value, 'f', 2) : QStringLiteral("-");
}

QString percent(const std::optional<double>& value)
{
    return value ? QString::number(*value * 100.0, 'f', 2) + QLatin1Char('%') : QStringLiteral("-");
}
} // namespace

QString CliApp::statsText(const Metrics::Figures& f)
{
    const auto line = [](const QString& label, const QString& value) -> QString {
        return label + QStringLiteral(": ") + value;
    };
    const auto summaryText = [](const Metrics::Summary& s, bool withP90) -> QString {
        QString text = tr("mean %1, median %2").arg(fixed(s.mean), fixed(s.median));
        if (withP90) {
            text += tr(", p90 %1").arg(fixed(s.p90));
        }
        return text + tr(" (n %1)").arg(s.n);
    };
    QStringList lines;
    lines << line(tr("Period"), tr("%1 to %2, as of %3")
                                    .arg(f.period.from.toString(Qt::ISODate), f.period.to.toString(Qt::ISODate),
                                         DateTimeText::format(f.period.asOf)))
          << line(tr("Cases"), QString::number(f.cases))
          << line(tr("First response (minutes)"), summaryText(f.firstResponseMinutes, false))
          << line(tr("Resolution (hours)"), summaryText(f.resolutionHours, false))
          << line(tr("Answered within 48 hours"), tr("%1 (n %2)").arg(percent(f.within48hRate)).arg(f.within48hN))
          << line(tr("CSAT (rated 4 or 5)"), tr("%1 (n %2)").arg(percent(f.csat)).arg(f.csatN))
          << line(tr("NPS"), tr("%1 (n %2)").arg(fixed(f.nps)).arg(f.npsN))
          << line(tr("Recurrence within 30 days of closing"),
                  tr("%1 (n %2)").arg(percent(f.negativeRecurrenceRate)).arg(f.negativeRecurrenceN))
          << line(tr("Waiting in the queue (minutes)"), summaryText(f.waitingMinutes, true))
          << line(tr("Transfers per case"), fixed(f.transfersPerCase));
    lines << tr("Cases by category (most first):");
    for (const Metrics::CategoryRow& row : f.byCategory) {
        lines << tr("  %1: %2 (%3, cumulative %4)")
                     .arg(row.category.isEmpty() ? tr("(none)") : row.category)
                     .arg(row.cases)
                     .arg(percent(row.share), percent(row.cumulativeShare));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

std::optional<std::pair<QDate, QDate>> CliApp::readPeriod(const CliArguments& args, const QString& command)
{
    std::optional<QDate> dates[2];
    const QString names[2] = {QStringLiteral("from"), QStringLiteral("to")};
    for (int i = 0; i < 2; ++i) {
        if (!args.has(names[i])) {
            m_err << tr("%1 needs --%2 DATE (YYYY-MM-DD).").arg(command, names[i]) << Qt::endl;
            return std::nullopt;
        }
        dates[i] = DateTimeText::parseDate(args.value(names[i]));
        if (!dates[i]) {
            m_err << tr("--%1 needs a date as YYYY-MM-DD, not \"%2\".").arg(names[i], args.value(names[i])) << Qt::endl;
            return std::nullopt;
        }
    }
    if (*dates[0] > *dates[1]) {
        m_err << tr("--from (%1) is after --to (%2).")
                     .arg(dates[0]->toString(Qt::ISODate), dates[1]->toString(Qt::ISODate))
              << Qt::endl;
        return std::nullopt;
    }
    return std::pair{*dates[0], *dates[1]};
}

bool CliApp::readAsOf(const CliArguments& args, QDateTime& asOf)
{
    if (!args.has(QStringLiteral("as-of"))) {
        return true;
    }
    const auto parsed = DateTimeText::parseDateTime(args.value(QStringLiteral("as-of")));
    if (!parsed) {
        m_err << tr("--as-of needs a date and time as YYYY-MM-DD HH:MM[:SS], not \"%1\".")
                     .arg(args.value(QStringLiteral("as-of")))
              << Qt::endl;
        return false;
    }
    asOf = *parsed;
    return true;
}

int CliApp::cmdStats(const CliArguments& args)
{
    if (const QStringList extra =
            args.unknown(withGlobals({QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("as-of"),
                                      QStringLiteral("json"), QStringLiteral("recompute")}));
        !extra.isEmpty() || args.positional().size() != 1) {
        return usage(extra.isEmpty() ? tr("stats takes no arguments besides its options.")
                                     : tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    const auto period = readPeriod(args, QStringLiteral("stats"));
    if (!period) {
        return Usage;
    }
    QDateTime asOf = SystemClock().now();
    if (!readAsOf(args, asOf)) {
        return Usage;
    }

    int code = Done;
    const auto db = openDatabase(Database::OpenMode::ExistingOnly, &code);
    if (!db) {
        return code;
    }
    MetricsService metrics(Session::commandLine(), db->repositories());
    // --recompute: from every case and visit of the period instead of the daily aggregates (slow; for checks).
    const auto figures = args.has(QStringLiteral("recompute")) ? metrics.recomputed(period->first, period->second, asOf)
                                                               : metrics.figures(period->first, period->second, asOf);
    if (!figures) {
        // The options were checked above: what is left is the database's failure.
        QString message = figures.error().message;
        m_err << message.replace(QLatin1Char('\n'), QLatin1String("; ")) << Qt::endl;
        return Failed;
    }
    m_out << (args.has(QStringLiteral("json")) ? json(*figures) : statsText(*figures));
    m_out.flush();
    return Done;
}
