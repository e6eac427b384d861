#pragma once

#include "repositories/ReferenceRepository.h"
#include "services/ImprovementService.h"
#include "services/ReferenceService.h"
#include "users/Session.h"
#include "workers/DatabaseWorker.h"

/** Jobs for the database worker: the improvement register (issue 14, helper "register"). */
namespace ImprovementJobs {

/** The reference lists the register's filters and the action dialog choose from (active rows). */
struct ReferenceLists
{
    QList<ReferenceItem> departments;
    QList<ReferenceItem> categories;
    QList<ReferenceItem> serviceItems;
};

inline auto references(const Session& session)
{
    return [session](const WorkerScope& scope) -> Result<ReferenceLists> {
        ReferenceService reference(session, scope.repos, scope.clock);
        ReferenceLists lists;
        const struct
        {
            ReferenceKind kind;
            QList<ReferenceItem>* into;
        } kinds[] = {{ReferenceKind::Department, &lists.departments},
                     {ReferenceKind::Category, &lists.categories},
                     {ReferenceKind::ServiceItem, &lists.serviceItems}};
        for (const auto& k : kinds) {
            auto items = reference.list(k.kind);
            if (!items) {
                return items.error();
            }
            *k.into = std::move(items).value();
        }
        return lists;
    };
}

inline auto list(const Session& session, const ImprovementFilter& filter)
{
    return [session, filter](const WorkerScope& scope) {
        return ImprovementService(session, scope.repos, scope.clock).list(filter);
    };
}

/** For the dashboard: active actions past their deadline on the clock's today. */
inline auto overdue(const Session& session, int limit = 100)
{
    return [session, limit](const WorkerScope& scope) {
        return ImprovementService(session, scope.repos, scope.clock).overdue(scope.clock.now().date(), limit);
    };
}

/** What the action dialog shows: the action, its cases and analyses, and its effect check. */
struct Loaded
{
    ImprovementDetail detail;
    EffectCheck effect;
};

inline auto load(const Session& session, qint64 id, int weeks)
{
    return [session, id, weeks](const WorkerScope& scope) -> Result<Loaded> {
        ImprovementService service(session, scope.repos, scope.clock);
        Loaded loaded;
        auto detail = service.detail(id);
        if (!detail) {
            return detail.error();
        }
        loaded.detail = std::move(detail).value();
        auto effect = service.effect(id, weeks);
        if (!effect) {
            return effect.error();
        }
        loaded.effect = std::move(effect).value();
        return loaded;
    };
}

inline auto effect(const Session& session, qint64 id, int weeks)
{
    return [session, id, weeks](const WorkerScope& scope) {
        return ImprovementService(session, scope.repos, scope.clock).effect(id, weeks);
    };
}

inline auto caseByNumber(const Session& session, const QString& caseNo)
{
    return [session, caseNo](const WorkerScope& scope) {
        return ImprovementService(session, scope.repos, scope.clock).caseByNumber(caseNo);
    };
}

/** "Add to an existing action…": links the case to the action as stored now. */
inline auto addCase(const Session& session, qint64 id, qint64 caseId)
{
    return [session, id, caseId](const WorkerScope& scope) {
        return ImprovementService(session, scope.repos, scope.clock).addCase(id, caseId);
    };
}

/** An alert's cases, listed by number before the action is saved. */
inline auto casesByIds(const Session& session, const QList<qint64>& caseIds)
{
    return [session, caseIds](const WorkerScope& scope) {
        return ImprovementService(session, scope.repos, scope.clock).casesByIds(caseIds);
    };
}

/**
 * The dialog's Save: a new action (id 0) or the edited one at `version`, then its status when it differs. Two
 * transactions: a status refused after the save leaves the saved fields (the error says why).
 */
inline auto save(const Session& session, qint64 id, int version, const ImprovementDraft& draft,
                 ImprovementStatus status)
{
    return [session, id, version, draft, status](const WorkerScope& scope) -> Result<ImprovementAction> {
        ImprovementService service(session, scope.repos, scope.clock);
        auto saved = id == 0 ? service.create(draft) : service.save(id, version, draft);
        if (!saved || saved->status == status) {
            return saved;
        }
        return service.setStatus(saved->id, saved->version, status);
    };
}

} // namespace ImprovementJobs
