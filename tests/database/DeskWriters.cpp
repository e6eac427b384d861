#include "DeskWriters.h"

#include "services/AuditService.h"

#include <QHash>
#include <QSet>

namespace DeskWriters {

QStringList arguments(const TestDatabase& database, const QString& tag)
{
    QStringList args = database.isPostgres() ? QStringList{QStringLiteral("--pg"), database.postgresUrl()}
                                             : QStringList{QStringLiteral("--db"), database.sqlitePath()};
    args << QStringLiteral("--tag") << tag;
    return args;
}

QStringList reportedNumbers(const QByteArray& output)
{
    QStringList numbers;
    const qsizetype end = output.lastIndexOf('\n');
    if (end < 0) {
        return numbers;
    }
    const QList<QByteArray> lines = output.left(end).split('\n');
    for (const QByteArray& line : lines) {
        const QByteArray number = line.split('\t').constFirst().trimmed();
        if (!number.isEmpty()) {
            numbers << QString::fromLatin1(number);
        }
    }
    return numbers;
}

Check check(const DatabaseLocation& location, const QStringList& reported)
{
    Check result;
    QStringList& problems = result.problems;
    QSet<QString> unique;
    for (const QString& number : reported) {
        if (unique.contains(number)) {
            problems << QStringLiteral("%1 was reported by two saves").arg(number);
        }
        unique.insert(number);
    }

    auto opened = Database::open(location, Database::OpenMode::ExistingOnly);
    if (!opened) {
        problems << QStringLiteral("open: %1").arg(opened.error().message);
        return result;
    }
    const std::unique_ptr<Database> db = std::move(opened).value();
    const auto integrity = db->integrityProblems();
    if (!integrity) {
        problems << QStringLiteral("integrity check: %1").arg(integrity.error().message);
    } else {
        problems << *integrity;
    }
    const auto verified = AuditService(Session::commandLine(), db->repositories()).verify();
    if (!verified) {
        problems << QStringLiteral("audit verify: %1").arg(verified.error().message);
    } else if (!verified->ok) {
        problems << QStringLiteral("audit chain: %1").arg(verified->problem);
    }

    const std::unique_ptr<RawConnection> connection = location.kind == DatabaseLocation::Kind::Postgres
                                                          ? RawConnection::toPostgres(location.postgresUrl)
                                                          : RawConnection::toSqlite(location.sqlitePath);
    RawConnection& raw = *connection;
    if (!raw.isOpen()) {
        problems << raw.error();
        return result;
    }
    QSet<QString> stored;
    QHash<QString, qint64> highestPerDay; // "yyyyMMdd" -> highest sequence stored
    QHash<QString, qint64> casesPerDay;
    const auto cases = raw.rows(QStringLiteral("SELECT case_no FROM cases"));
    for (const QVariantList& row : cases) {
        const QString number = row.constFirst().toString();
        if (stored.contains(number)) {
            problems << QStringLiteral("%1 is stored twice").arg(number);
        }
        stored.insert(number);
        const QStringList parts = number.split(QLatin1Char('-'));
        if (parts.size() == 3) {
            highestPerDay[parts.at(1)] = std::max(highestPerDay.value(parts.at(1)), parts.at(2).toLongLong());
            casesPerDay[parts.at(1)] += 1;
        }
    }
    result.cases = stored.size();
    for (const QString& number : std::as_const(unique)) {
        if (!stored.contains(number)) {
            problems << QStringLiteral("%1 was reported saved but is missing").arg(number);
        }
    }
    const auto counters = raw.rows(QStringLiteral("SELECT day, last_no FROM case_counters"));
    for (const QVariantList& row : counters) {
        const QString day = row.at(0).toString().remove(QLatin1Char('-'));
        const qint64 last = row.at(1).toLongLong();
        // A rolled-back save gives its number back, so each day's numbers run 1..last_no without gaps.
        if (casesPerDay.value(day) != last || highestPerDay.value(day) != last) {
            problems << QStringLiteral("day %1: counter at %2, %3 cases, highest number %4")
                            .arg(day)
                            .arg(last)
                            .arg(casesPerDay.value(day))
                            .arg(highestPerDay.value(day));
        }
    }
    const qint64 created =
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM case_events WHERE kind = 'created'")).toLongLong();
    const qint64 audited =
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.create'")).toLongLong();
    if (created != result.cases || audited != result.cases) {
        problems << QStringLiteral("%1 cases, but %2 created events and %3 case.create audit entries")
                        .arg(result.cases)
                        .arg(created)
                        .arg(audited);
    }
    return result;
}

} // namespace DeskWriters
