// bench_supervise: the supervision views on a large SQLite file (issue 12, helper "supervise"): the first page and
// the count of "due today", "overdue" (alone, per sort column, and for one clerk), "awaiting follow-up", "awaiting
// sign-for", "paused", and a desk's notice look-up, each the median of REPEAT runs on a new connection ("first",
// as a desk's worker runs its first list) and again on that connection ("warm"). Prints RESULT lines.
//   bench_supervise FILE.sqlite "YYYY-MM-DD HH:MM" [REPEAT]
// FILE is opened (and migrated) in place: pass a copy, never the original.

#include "BenchSupport.h"
#include "Database.h"
#include "common/Clock.h"
#include "common/DateTimeText.h"
#include "repositories/CaseRepository.h"
#include "repositories/SupervisionRepository.h"
#include "services/CaseService.h"
#include "services/SuperviseService.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Bench;

namespace {

double timed(const std::function<void()>& f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        out(QStringLiteral("usage: bench_supervise FILE.sqlite \"YYYY-MM-DD HH:MM\" [REPEAT]"));
        return 2;
    }
    const DatabaseLocation location = DatabaseLocation::sqlite(args.at(1));
    const auto now = DateTimeText::parseDateTime(args.at(2));
    if (!now) {
        out(QStringLiteral("bad time: ") + args.at(2));
        return 2;
    }
    const int repeat = std::max(3, args.size() > 3 ? args.at(3).toInt() : 5);
    FixedClock clock(*now);

    QElapsedTimer migrating;
    migrating.start();
    {
        auto db = Database::open(location);
        if (!db) {
            out(QStringLiteral("cannot open: ") + db.error().message);
            return 1;
        }
    }
    out(QStringLiteral("RESULT|supervise: open (and migrate) the file|%1|ms||").arg(migrating.elapsed()));

    // A clerk with open cases: the assignee of the most recently received open case.
    qint64 clerk = 0;
    {
        auto db = Database::open(location);
        CaseService cases(Session::commandLine(), (*db)->repositories(), clock);
        CaseQuery open;
        open.statuses = {CaseStatus::Received, CaseStatus::Acknowledged, CaseStatus::InProgress};
        open.limit = 50;
        const auto page = cases.list(open);
        for (const Case& c : page ? page->cases : QList<Case>()) {
            if (c.assignee.id != 0) {
                clerk = c.assignee.id;
                break;
            }
        }
    }

    const QDateTime endOfDay(now->date().addDays(1), QTime(0, 0));
    struct View
    {
        QString name;
        CaseQuery query;
    };
    QList<View> views;
    const auto add = [&views](const QString& name, const std::function<void(CaseQuery&)>& set) {
        CaseQuery q;
        q.limit = 200;
        set(q);
        views.append({name, q});
    };
    const QList<QPair<QString, CaseSortKey>> sorts{{QStringLiteral("received"), CaseSortKey::ReceivedAt},
                                                   {QStringLiteral("case_no"), CaseSortKey::CaseNo},
                                                   {QStringLiteral("status"), CaseSortKey::Status},
                                                   {QStringLiteral("category"), CaseSortKey::Category}};
    for (const auto& [sortName, key] : sorts) {
        add(QStringLiteral("due today, sort %1").arg(sortName), [&, key = key](CaseQuery& q) {
            q.dueFrom = *now;
            q.overdueAt = endOfDay;
            q.sortKey = key;
        });
        add(QStringLiteral("overdue, sort %1").arg(sortName), [&, key = key](CaseQuery& q) {
            q.overdueAt = *now;
            q.sortKey = key;
        });
    }
    add(QStringLiteral("my due today (one clerk)"), [&](CaseQuery& q) {
        q.dueFrom = *now;
        q.overdueAt = endOfDay;
        q.assigneeId = clerk;
    });
    add(QStringLiteral("my overdue (one clerk)"), [&](CaseQuery& q) {
        q.overdueAt = *now;
        q.assigneeId = clerk;
    });
    add(QStringLiteral("awaiting follow-up"), [](CaseQuery& q) { q.statuses = {CaseStatus::Resolved}; });
    add(QStringLiteral("awaiting sign-for"), [](CaseQuery& q) { q.awaitingSignFor = true; });
    add(QStringLiteral("paused"), [](CaseQuery& q) { q.pausedOnly = true; });

    for (const View& view : views) {
        QList<double> first, warm, counts;
        qsizetype rows = 0;
        qint64 total = 0;
        for (int i = 0; i < repeat; ++i) {
            auto db = Database::open(location);
            if (!db) {
                out(QStringLiteral("cannot open: ") + db.error().message);
                return 1;
            }
            CaseService cases(Session::commandLine(), (*db)->repositories(), clock);
            first << timed([&] {
                const auto page = cases.list(view.query);
                rows = page ? page->cases.size() : -1;
            });
            warm << timed([&] { (void)cases.list(view.query); });
            counts << timed([&] {
                const auto n = cases.count(view.query);
                total = n ? n->value : -1;
            });
        }
        const double page = median(first);
        out(QStringLiteral("RESULT|supervise list %1: first page (%2 rows of %3)|%4|ms|100|%5")
                .arg(view.name)
                .arg(rows)
                .arg(total)
                .arg(page, 0, 'f', 1)
                .arg(page <= 100 ? QStringLiteral("ok") : QStringLiteral("FAIL")));
        out(QStringLiteral("RESULT|supervise list %1: warm page|%2|ms||").arg(view.name).arg(median(warm), 0, 'f', 1));
        out(QStringLiteral("RESULT|supervise list %1: count|%2|ms||").arg(view.name).arg(median(counts), 0, 'f', 1));
    }

    // A desk's look at what concerns it: the newest event id, then the events after the one it saw last.
    QList<double> looks, latests, warmLooks;
    for (int i = 0; i < repeat; ++i) {
        auto db = Database::open(location);
        const Repositories repos = (*db)->repositories();
        qint64 latest = 0;
        latests << timed([&] {
            const auto id = repos.supervision->latestEventId();
            latest = id ? *id : 0;
        });
        looks << timed([&] {
            (void)repos.supervision->notices(latest - 1000, clerk, SuperviseService::noticeKinds(),
                                             SuperviseService::kNoticeBatch);
        });
        warmLooks << timed([&] {
            (void)repos.supervision->notices(latest - 1000, clerk, SuperviseService::noticeKinds(),
                                             SuperviseService::kNoticeBatch);
        });
    }
    out(QStringLiteral("RESULT|supervise notices: newest event id|%1|ms||").arg(median(latests), 0, 'f', 1));
    out(QStringLiteral("RESULT|supervise notices: warm|%1|ms||").arg(median(warmLooks), 0, 'f', 1));
    out(QStringLiteral("RESULT|supervise notices: the last 1000 events, first on a connection|%1|ms|100|%2")
            .arg(median(looks), 0, 'f', 1)
            .arg(median(looks) <= 100 ? QStringLiteral("ok") : QStringLiteral("FAIL")));
    return 0;
}
