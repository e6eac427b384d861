#include "DemoService.h"

#include "common/Clock.h"
#include "demo/DemoBatchQueue.h"
#include "demo/DemoGenerator.h"
#include "demo/DemoImprovements.h" // register (issue 14)
#include "repositories/CalendarRepository.h"
#include "repositories/DemoRepository.h"
#include "repositories/ImprovementRepository.h" // register (issue 14)
#include "repositories/ReferenceRepository.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/AuditWriter.h"

#include <QJsonObject>

namespace {
/** Display names of the demo accounts: clerks first, then supervisors. */
const char16_t* const kDemoNames[] = {u"演示·王芳", u"演示·李娜", u"演示·张伟",   u"演示·刘洋",   u"演示·陈静",
                                      u"演示·杨磊", u"演示·赵敏", u"演示·黄婷",   u"演示·周涛",   u"演示·吴霞",
                                      u"演示·徐明", u"演示·孙丽", u"演示·马主任", u"演示·朱主任", u"演示·胡主任"};

QList<Demo::User> demoUsers()
{
    QList<Demo::User> users;
    for (int i = 0; i < DemoService::kClerks + DemoService::kSupervisors; ++i) {
        const bool clerk = i < DemoService::kClerks;
        Demo::User u;
        u.login = clerk
                      ? QStringLiteral("demo_clerk%1").arg(i + 1, 2, 10, QLatin1Char('0'))
                      : QStringLiteral("demo_supervisor%1").arg(i - DemoService::kClerks + 1, 2, 10, QLatin1Char('0'));
        u.displayName = QString::fromUtf16(kDemoNames[i]);
        u.role = clerk ? Role::Clerk : Role::Supervisor;
        users.append(u);
    }
    return users;
}

Result<QList<ReferenceItem>> activeItems(ReferenceRepository& repo, ReferenceKind kind)
{
    auto all = repo.list(kind);
    if (!all) {
        return all.error();
    }
    QList<ReferenceItem> active;
    for (const auto& item : *all) {
        if (item.active) {
            active.append(item);
        }
    }
    return active;
}
} // namespace

DemoService::DemoService(Session session, const Repositories& repos, DemoRepository& demo, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_demo(demo)
    , m_clock(clock)
{}

Result<QList<Demo::User>> DemoService::ensureUsers(const QDateTime& createdAt)
{
    m_usersCreated = 0;
    QList<Demo::User> users = demoUsers();
    for (auto& u : users) {
        const auto found = m_repos.users->findByLogin(u.login);
        if (found) {
            u.id = found->id;
            continue;
        }
        if (found.error().code != Error::Code::NotFound) {
            return found.error();
        }
        User user;
        user.login = u.login;
        user.displayName = u.displayName;
        user.role = u.role;
        user.active = true;
        user.createdAt = createdAt;
        const auto id = m_repos.users->insert(user, QString::fromLatin1(kNoLoginHash));
        if (!id) {
            return id.error();
        }
        u.id = *id;
        ++m_usersCreated;
    }
    return users;
}

Result<qint64> DemoService::writeImprovements(const DemoOptions& options, const DemoReference& reference)
{
    if (!m_repos.improvements) {
        return qint64(0);
    }
    const QDate first = options.end.addDays(1 - options.days);
    const auto planned = DemoImprovements::plan(options.seed, first, options.end, options.asOf, reference);
    qint64 written = 0;
    for (const DemoImprovements::Planned& p : planned) {
        ImprovementAction a = p.action;
        a.createdBy = m_session.actor();
        const auto id = m_repos.improvements->insert(a);
        if (!id) {
            return id.error();
        }
        // The cases that led to it: the latest few of its category and item in the two weeks before.
        if (a.category.isSet() && a.serviceItem.isSet()) {
            const auto cases = m_repos.improvements->recentCases(a.category.id, a.serviceItem.id,
                                                                 a.createdAt.addDays(-14), a.createdAt, 6);
            if (!cases) {
                return cases.error();
            }
            for (qint64 caseId : *cases) {
                if (auto s = m_repos.improvements->linkCase(*id, caseId); !s) {
                    return s.error();
                }
            }
        }
        if (auto s = m_repos.improvements->replaceWhys(*id, p.whys.whys); !s) {
            return s.error();
        }
        if (auto s = m_repos.improvements->replaceCauses(*id, p.fishbone); !s) {
            return s.error();
        }
        ++written;
    }
    return written;
}

Result<Demo::Counts> DemoService::generate(const Options& options, const Progress& progress, const Cancelled& cancelled)
{
    m_warnings.clear();
    m_cancelled = false;
    for (Permission p : {Permission::CreateCase, Permission::ManageUsers}) {
        if (auto denied = m_session.deny(p)) {
            return *denied;
        }
    }
    const QDateTime now = m_clock.now();
    const QDate end = options.end.isValid() ? options.end : now.date();
    if (options.cases < 1 || options.cases > kMaxCases) {
        return Error::make(Error::Code::Invalid, tr("The number of cases must be between 1 and %1.").arg(kMaxCases));
    }
    if (options.days < 1 || options.days > kMaxDays) {
        return Error::make(Error::Code::Invalid, tr("The number of days must be between 1 and %1.").arg(kMaxDays));
    }
    if (end > now.date()) {
        return Error::make(Error::Code::Invalid,
                           tr("The end date %1 lies in the future.").arg(end.toString(Qt::ISODate)));
    }
    const auto existing = m_demo.caseCount();
    if (!existing) {
        return existing.error();
    }
    if (*existing > 0 && !options.append) {
        return Error::make(Error::Code::Conflict,
                           tr("The database already holds %1 cases; demo data is added to them only when appending "
                              "(--append). Nothing was written.")
                               .arg(*existing));
    }

    DemoReference reference;
    const struct
    {
        ReferenceKind kind;
        QList<ReferenceItem>* into;
    } kinds[] = {{ReferenceKind::Window, &reference.windows},
                 {ReferenceKind::Department, &reference.departments},
                 {ReferenceKind::ServiceItem, &reference.serviceItems},
                 {ReferenceKind::Category, &reference.categories}};
    for (const auto& k : kinds) {
        auto items = activeItems(*m_repos.reference, k.kind);
        if (!items) {
            return items.error();
        }
        *k.into = *items;
    }
    const auto calendar = m_repos.calendar->load();
    if (!calendar) {
        return calendar.error();
    }

    DemoOptions generatorOptions;
    generatorOptions.cases = options.cases;
    generatorOptions.days = options.days;
    generatorOptions.end = end;
    generatorOptions.seed = options.seed;
    generatorOptions.asOf = std::min(QDateTime(end, QTime(23, 59, 59)).toSecsSinceEpoch(), now.toSecsSinceEpoch());
    QList<Demo::User> users = demoUsers();
    DemoGenerator generator(generatorOptions, reference, *calendar, users, kClerks);
    m_warnings = generator.warnings();

    if (auto bulk = m_demo.beginBulk(); !bulk) {
        return bulk.error();
    }
    struct EndBulk
    {
        DemoRepository& demo;
        ~EndBulk() { demo.endBulk(); }
    } endBulk{m_demo};

    Demo::Counts counts;
    AuditWriter audit(*m_repos.audit, m_clock);
    auto detail = [&](bool complete) {
        QJsonObject d{{QStringLiteral("cases"), counts.cases},
                      {QStringLiteral("events"), counts.events},
                      {QStringLiteral("follow_ups"), counts.followUps},
                      {QStringLiteral("queue_visits"), counts.queueVisits},
                      {QStringLiteral("citizens"), counts.citizens},
                      {QStringLiteral("users_created"), counts.usersCreated},
                      {QStringLiteral("improvements"), counts.improvements},
                      {QStringLiteral("seed"), QString::number(options.seed)},
                      {QStringLiteral("days"), options.days},
                      {QStringLiteral("end"), end.toString(Qt::ISODate)},
                      {QStringLiteral("append"), options.append},
                      {QStringLiteral("generator"), kGeneratorVersion}};
        if (!complete) {
            d.insert(QStringLiteral("cancelled"), true);
        }
        return d;
    };
    const QString action = QStringLiteral("demo.generate");
    const QString entity = QStringLiteral("database");

    bool first = true;
    bool audited = false;
    Demo::Batch batch;
    bool last = false;
    DemoBatchQueue queue(generator, options.batchCases);
    while (true) {
        if (cancelled && cancelled()) {
            m_cancelled = true;
            break;
        }
        if (!queue.take(batch, &last)) {
            break;
        }
        WriteTransaction tx(*m_repos.unitOfWork);
        if (!tx.started()) {
            return tx.started().error();
        }
        if (first) {
            // Dated at the start of the demo period, so that the same seed gives the same rows.
            const auto ensured = ensureUsers(QDateTime(end.addDays(1 - options.days), QTime(8, 0)));
            if (!ensured) {
                return ensured.error();
            }
            users = *ensured;
            counts.usersCreated = m_usersCreated;
        }
        const auto written = m_demo.write(batch, users);
        if (!written) {
            return written.error();
        }
        counts.cases += written->cases;
        counts.events += written->events;
        counts.followUps += written->followUps;
        counts.queueVisits += written->queueVisits;
        counts.citizens += written->citizens;
        if (last) {
            if (auto finished = m_demo.finishRows(); !finished) {
                return finished.error();
            }
            // register (issue 14): the improvement actions, once every case is there to link.
            const auto improvements = writeImprovements(generatorOptions, reference);
            if (!improvements) {
                return improvements.error();
            }
            counts.improvements = *improvements;
            if (auto a = audit.record(m_session, action, entity, 0, detail(true)); !a) {
                return a.error();
            }
            audited = true;
        }
        if (auto c = tx.commit(); !c) {
            return c.error();
        }
        first = false;
        if (progress) {
            progress(counts.cases, options.cases);
        }
    }
    if (!audited) {
        WriteTransaction tx(*m_repos.unitOfWork);
        Status s = tx.started();
        if (s) {
            s = audit.record(m_session, action, entity, 0, detail(!m_cancelled));
        }
        if (s) {
            s = tx.commit();
        }
        if (!s) {
            return s.error();
        }
    }
    return counts;
}
