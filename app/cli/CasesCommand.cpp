// qingting-cli cases: the case list as the desk shows it, through the same service and query (CLI.md).

#include "CliApp.h"
#include "SqlCaseRepository.h"
#include "common/Clock.h"
#include "common/DateTimeText.h"
#include "repositories/UserRepository.h"
#include "services/CaseService.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
std::optional<CaseSortKey> sortKeyFrom(const QString& name)
{
    static const QHash<QString, CaseSortKey> keys{
        {QStringLiteral("received"), CaseSortKey::ReceivedAt}, {QStringLiteral("case_no"), CaseSortKey::CaseNo},
        {QStringLiteral("status"), CaseSortKey::Status},       {QStringLiteral("category"), CaseSortKey::Category},
        {QStringLiteral("window"), CaseSortKey::Window},       {QStringLiteral("waited"), CaseSortKey::WaitedMinutes},
    };
    const auto it = keys.constFind(name);
    return it == keys.constEnd() ? std::nullopt : std::optional<CaseSortKey>(*it);
}
} // namespace

int CliApp::cmdCases(const CliArguments& args)
{
    if (const QStringList extra = args.unknown(withGlobals(
            {QStringLiteral("status"), QStringLiteral("overdue"), QStringLiteral("assignee"), QStringLiteral("search"),
             QStringLiteral("sort"), QStringLiteral("desc"), QStringLiteral("limit"), QStringLiteral("json"),
             QStringLiteral("explain"), QStringLiteral("timing")}));
        !extra.isEmpty() || args.positional().size() != 1) {
        return usage(tr("Unknown option %1.").arg(extra.join(QLatin1String(", "))));
    }
    CaseQuery query;
    query.descending = args.has(QStringLiteral("desc"));
    if (args.has(QStringLiteral("status"))) {
        // One status, several separated by commas, or "open" for every status still owed to the citizen.
        for (const QString& code : args.value(QStringLiteral("status")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (code.trimmed() == QLatin1String("open")) {
                for (CaseStatus s : CaseStatuses::all()) {
                    if (CaseStatuses::isOpen(s)) {
                        query.statuses << s;
                    }
                }
                continue;
            }
            const auto status = CaseStatuses::fromCode(code.trimmed());
            if (!status) {
                return usage(tr("Unknown status \"%1\"; use received, acknowledged, in_progress, resolved, "
                                "followed_up, closed or open.")
                                 .arg(code));
            }
            query.statuses << *status;
        }
        if (query.statuses.isEmpty()) {
            return usage(tr("--status needs a status."));
        }
    }
    query.sortKey = CaseSortKey::ReceivedAt;
    if (args.has(QStringLiteral("sort"))) {
        const auto key = sortKeyFrom(args.value(QStringLiteral("sort")));
        if (!key) {
            return usage(tr("--sort takes received, case_no, status, category, window or waited."));
        }
        query.sortKey = *key;
    }
    int limit = 200;
    if (args.has(QStringLiteral("limit"))) {
        bool isNumber = false;
        limit = args.value(QStringLiteral("limit")).toInt(&isNumber);
        if (!isNumber || limit < 1) {
            return usage(tr("--limit needs a whole number, 1 or more."));
        }
    }
    query.text = args.value(QStringLiteral("search"));
    const SystemClock clock;
    if (args.has(QStringLiteral("overdue"))) {
        query.overdueAt = clock.now();
    }

    int code = Done;
    const auto db = openDatabase(Database::OpenMode::ExistingOnly, &code);
    if (!db) {
        return code;
    }
    const Repositories repos = db->repositories();
    if (args.has(QStringLiteral("assignee"))) {
        const auto user = repos.users->findByLogin(args.value(QStringLiteral("assignee")));
        if (!user) {
            m_err << tr("There is no user \"%1\".").arg(args.value(QStringLiteral("assignee"))) << Qt::endl;
            return Rejected;
        }
        query.assigneeId = user->id;
    }
    if (args.has(QStringLiteral("explain"))) {
        // The plan the database chooses for the first page: for benchmarks and for a hall's administrator.
        query.limit = std::min(limit, 5000);
        const auto plan = db->caseRepository().explainList(query);
        if (!plan) {
            return fail(plan.error());
        }
        for (const QString& line : *plan) {
            m_out << line << Qt::endl;
        }
        return Done;
    }

    CaseService cases(Session::commandLine(), repos, clock);
    if (args.has(QStringLiteral("timing"))) {
        // For benchmarks: the first page and the count under the list, each timed inside the process; then both
        // again on the same connection ("warm"), as a desk's worker connection runs every list after its first
        // (on PostgreSQL a new server session first loads its catalog caches).
        CaseQuery first = query;
        first.limit = std::min(limit, 5000);
        QElapsedTimer timer;
        double pageMs[2] = {0, 0};
        double countMs[2] = {0, 0};
        for (int run = 0; run < 2; ++run) {
            timer.start();
            const auto page = cases.list(first);
            pageMs[run] = double(timer.nsecsElapsed()) / 1e6;
            timer.restart();
            const auto n = cases.count(first);
            countMs[run] = double(timer.nsecsElapsed()) / 1e6;
            if (!page || !n) {
                return fail(page ? n.error() : page.error());
            }
            if (run == 0) {
                m_err << QStringLiteral("timing: first page %1 ms (%2 rows), count %3 ms (%4%5)")
                             .arg(pageMs[0], 0, 'f', 2)
                             .arg(page->cases.size())
                             .arg(countMs[0], 0, 'f', 2)
                             .arg(n->value)
                             .arg(n->exact ? QString() : QStringLiteral("+"));
            }
        }
        m_err << QStringLiteral("; warm: page %1 ms, count %2 ms").arg(pageMs[1], 0, 'f', 2).arg(countMs[1], 0, 'f', 2);
        // Then the first list as a desk meets it: on another new connection that warmed itself after opening, as
        // the desk's database worker does while the login dialog waits (DatabaseWorker::warmUp).
        const auto desk = openDatabase(Database::OpenMode::ExistingOnly, &code);
        if (!desk) {
            return code;
        }
        timer.start();
        if (const auto warmed = desk->caseRepository().warmUp(); !warmed) {
            return fail(warmed.error());
        }
        const double warmUpMs = double(timer.nsecsElapsed()) / 1e6;
        CaseService deskCases(Session::commandLine(), desk->repositories(), clock);
        timer.restart();
        const auto deskPage = deskCases.list(first);
        const double deskPageMs = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        const auto deskCount = deskCases.count(first);
        const double deskCountMs = double(timer.nsecsElapsed()) / 1e6;
        if (!deskPage || !deskCount) {
            return fail(deskPage ? deskCount.error() : deskPage.error());
        }
        m_err << QStringLiteral("; after warm-up (%1 ms): page %2 ms, count %3 ms")
                     .arg(warmUpMs, 0, 'f', 2)
                     .arg(deskPageMs, 0, 'f', 2)
                     .arg(deskCountMs, 0, 'f', 2)
              << Qt::endl;
    }
    const bool json = args.has(QStringLiteral("json"));
    QJsonArray array;
    int printed = 0;
    while (printed < limit) {
        query.limit = std::min(limit - printed, 1000);
        const auto page = cases.list(query);
        if (!page) {
            return fail(page.error());
        }
        for (const Case& c : page->cases) {
            const QString received = DateTimeText::format(c.receivedAt);
            if (json) {
                array.append(QJsonObject{
                    {QStringLiteral("case_no"), c.caseNo},
                    {QStringLiteral("received"), received},
                    {QStringLiteral("status"), CaseStatuses::code(c.status)},
                    {QStringLiteral("channel"), Channels::code(c.channel)},
                    {QStringLiteral("window"), c.window.name},
                    {QStringLiteral("service_item"), c.serviceItem.name},
                    {QStringLiteral("category"), c.category.name},
                    {QStringLiteral("summary"), c.summary()},
                    {QStringLiteral("department"), c.department.name},
                    {QStringLiteral("waited_minutes"), c.waitedMinutes ? QJsonValue(*c.waitedMinutes) : QJsonValue()},
                    {QStringLiteral("due"),
                     c.dueAt.isValid() ? QJsonValue(DateTimeText::format(c.dueAt)) : QJsonValue()},
                    {QStringLiteral("overdue"), c.isOverdue(clock.now())},
                });
            } else {
                m_out << c.caseNo << '\t' << received << '\t' << CaseStatuses::code(c.status) << '\t'
                      << Channels::code(c.channel) << '\t' << tabField(c.window.name) << '\t'
                      << tabField(c.serviceItem.name) << '\t' << tabField(c.category.name) << '\t'
                      << tabField(c.summary()) << '\n';
            }
        }
        printed += int(page->cases.size());
        if (page->atEnd || page->cases.isEmpty()) {
            break;
        }
        query.after = page->next;
    }
    if (json) {
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    }
    m_out.flush();
    return Done;
}
