#include "services/ImprovementService.h"

#include "common/Clock.h"
#include "dashboard/Dashboard.h"
#include "repositories/CaseRepository.h"
#include "repositories/ImprovementRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/UnitOfWork.h"

#include <QJsonArray>

#include <algorithm>

namespace {
Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}

LinkedCase linkedCaseOf(const Case& found)
{
    LinkedCase c;
    c.caseId = found.id;
    c.caseNo = found.caseNo;
    c.status = found.status;
    c.receivedAt = found.receivedAt;
    c.category = found.category.name;
    c.serviceItem = found.serviceItem.name;
    return c;
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids) {
        a.append(id);
    }
    return a;
}
} // namespace

ImprovementService::ImprovementService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

bool ImprovementService::mayRead() const
{
    return m_session.can(Permission::ViewFigures) || m_session.can(Permission::ManageImprovements);
}

std::optional<Error> ImprovementService::denyRead()
{
    if (auto ended = m_session.denyNow(*m_repos.users)) {
        return ended;
    }
    if (!mayRead()) {
        return m_session.deny(Permission::ViewFigures);
    }
    return std::nullopt;
}

Status ImprovementService::applyFields(ImprovementAction& a, const ImprovementDraft& fields)
{
    if (const QString problem = Improvements::validateFields(fields); !problem.isEmpty()) {
        return invalid(problem);
    }
    const auto owner = m_repos.reference->find(ReferenceKind::Department, fields.ownerDepartmentId);
    if (!owner || (!owner->active && owner->id != a.owner.id)) {
        return invalid(tr("The chosen department does not exist or is no longer active."));
    }
    Ref category;
    if (fields.categoryId != 0) {
        const auto found = m_repos.reference->find(ReferenceKind::Category, fields.categoryId);
        if (!found) {
            return invalid(tr("The chosen category does not exist."));
        }
        category = {found->id, found->name};
    }
    Ref item;
    if (fields.serviceItemId != 0) {
        const auto found = m_repos.reference->find(ReferenceKind::ServiceItem, fields.serviceItemId);
        if (!found) {
            return invalid(tr("The chosen service item does not exist."));
        }
        item = {found->id, found->name};
    }
    a.title = fields.title.trimmed();
    a.description = fields.description.trimmed();
    a.owner = {owner->id, owner->name};
    a.deadline = fields.deadline;
    a.category = category;
    a.serviceItem = item;
    return {};
}

Status ImprovementService::checkCases(const QList<qint64>& caseIds)
{
    for (qint64 id : caseIds) {
        const auto found = m_repos.cases->find(id);
        if (!found) {
            return found.error().code == Error::Code::NotFound ? invalid(tr("Case %1 does not exist.").arg(id))
                                                               : found.error();
        }
    }
    return {};
}

Status ImprovementService::audit(const QString& verb, const ImprovementAction& a, QJsonObject detail)
{
    detail.insert(QStringLiteral("title"), a.title);
    detail.insert(QStringLiteral("version"), a.version);
    return m_audit.record(m_session, QStringLiteral("improvement.") + verb, QStringLiteral("improvement"), a.id,
                          detail);
}

Status ImprovementService::writeChange(ImprovementAction& a)
{
    a.version += 1;
    a.updatedAt = m_clock.now();
    return m_repos.improvements->update(a);
}

Result<ImprovementAction> ImprovementService::reload(qint64 id)
{
    return m_repos.improvements->find(id);
}

Result<ImprovementAction> ImprovementService::loadForChange(qint64 id, int expectedVersion)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageImprovements)) {
        return *denied;
    }
    auto found = m_repos.improvements->find(id);
    if (!found) {
        return found.error();
    }
    if (expectedVersion >= 0 && found->version != expectedVersion) {
        return Error::make(Error::Code::Conflict,
                           tr("The action \"%1\" was changed by someone else after you opened it; reopen it to see "
                              "the changes, then try again.")
                               .arg(found->title));
    }
    return found;
}

Result<ImprovementAction> ImprovementService::create(const ImprovementDraft& draft)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageImprovements)) {
        return *denied;
    }
    ImprovementAction a;
    if (auto s = applyFields(a, draft); !s) {
        return s.error();
    }
    const FiveWhys whys = Improvements::normalized(draft.whys);
    const Fishbone fishbone = Improvements::normalized(draft.fishbone);
    for (const QString& problem : {Improvements::validateWhys(whys), Improvements::validateFishbone(fishbone)}) {
        if (!problem.isEmpty()) {
            return invalid(problem);
        }
    }
    QList<qint64> caseIds = draft.caseIds;
    std::sort(caseIds.begin(), caseIds.end());
    caseIds.erase(std::unique(caseIds.begin(), caseIds.end()), caseIds.end());
    if (auto s = checkCases(caseIds); !s) {
        return s.error();
    }
    const QDateTime now = m_clock.now();
    a.status = ImprovementStatus::Open;
    a.source = draft.source;
    a.createdAt = now;
    a.updatedAt = now;
    a.createdBy = m_session.actor();
    a.version = 1;
    a.rootCause = whys.rootCause;
    a.countermeasure = whys.countermeasure;
    a.problem = fishbone.problem;
    const auto id = m_repos.improvements->insert(a);
    if (!id) {
        return id.error();
    }
    a.id = *id;
    for (qint64 caseId : caseIds) {
        if (auto s = m_repos.improvements->linkCase(a.id, caseId); !s) {
            return s.error();
        }
    }
    if (auto s = m_repos.improvements->replaceWhys(a.id, whys.whys); !s) {
        return s.error();
    }
    if (auto s = m_repos.improvements->replaceCauses(a.id, fishbone); !s) {
        return s.error();
    }
    QJsonObject detail{{QStringLiteral("owner_department"), a.owner.id},
                       {QStringLiteral("deadline"), a.deadline.toString(Qt::ISODate)},
                       {QStringLiteral("source"), ImprovementSources::code(a.source)},
                       {QStringLiteral("cases"), idArray(caseIds)}};
    if (a.category.isSet()) {
        detail.insert(QStringLiteral("category"), a.category.id);
    }
    if (a.serviceItem.isSet()) {
        detail.insert(QStringLiteral("service_item"), a.serviceItem.id);
    }
    if (auto s = audit(QStringLiteral("create"), a, detail); !s) {
        return s.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return reload(a.id);
}

Result<ImprovementAction> ImprovementService::createFromAlert(const Dashboard::SystemicAlert& alert,
                                                              qint64 ownerDepartmentId, const QDate& deadline)
{
    ImprovementDraft draft = Improvements::draftFromAlert(alert, m_clock.now().date());
    draft.ownerDepartmentId = ownerDepartmentId;
    if (deadline.isValid()) {
        draft.deadline = deadline;
    }
    return create(draft);
}

Result<ImprovementAction> ImprovementService::createFromCase(qint64 caseId, qint64 ownerDepartmentId,
                                                             const QDate& deadline)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageImprovements)) {
        return *denied;
    }
    const auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error().code == Error::Code::NotFound ? invalid(tr("Case %1 does not exist.").arg(caseId))
                                                           : found.error();
    }
    ImprovementDraft draft = Improvements::draftFromCase(*found, m_clock.now().date());
    draft.ownerDepartmentId = ownerDepartmentId;
    if (deadline.isValid()) {
        draft.deadline = deadline;
    }
    return create(draft);
}

Result<ImprovementAction> ImprovementService::addCase(qint64 id, qint64 caseId)
{
    return change(id, -1, QStringLiteral("link_case"), [&](ImprovementAction& a, QJsonObject& detail) {
        if (!ImprovementStatuses::isActive(a.status)) {
            return Status(invalid(tr("The action \"%1\" is %2; only open actions and those in progress take cases.")
                                      .arg(a.title, ImprovementStatuses::label(a.status))));
        }
        const auto c = m_repos.cases->find(caseId);
        if (!c) {
            return Status(c.error().code == Error::Code::NotFound ? invalid(tr("Case %1 does not exist.").arg(caseId))
                                                                  : c.error());
        }
        const auto linked = m_repos.improvements->linkedCases(id);
        if (!linked) {
            return Status(linked.error());
        }
        if (std::any_of(linked->cbegin(), linked->cend(), [&](const LinkedCase& l) { return l.caseId == caseId; })) {
            return Status(invalid(tr("Case %1 is already linked to the action \"%2\".").arg(c->caseNo, a.title)));
        }
        if (linked->size() >= Improvements::kMaxLinkedCases) {
            return Status(invalid(tr("An action links at most %1 cases.").arg(Improvements::kMaxLinkedCases)));
        }
        detail.insert(QStringLiteral("case"), caseId);
        detail.insert(QStringLiteral("case_no"), c->caseNo);
        return m_repos.improvements->linkCase(id, caseId);
    });
}

Result<ImprovementAction> ImprovementService::change(qint64 id, int expectedVersion, const QString& verb,
                                                     const Change& apply)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto loaded = loadForChange(id, expectedVersion);
    if (!loaded) {
        return loaded.error();
    }
    ImprovementAction a = std::move(loaded).value();
    QJsonObject detail;
    if (auto s = apply(a, detail); !s) {
        return s.error();
    }
    if (auto s = writeChange(a); !s) {
        return s.error();
    }
    if (auto s = audit(verb, a, detail); !s) {
        return s.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return reload(id);
}

Result<ImprovementAction> ImprovementService::update(qint64 id, int expectedVersion, const ImprovementDraft& fields)
{
    return change(id, expectedVersion, QStringLiteral("update"), [&](ImprovementAction& a, QJsonObject& detail) {
        if (auto s = applyFields(a, fields); !s) {
            return s;
        }
        detail.insert(QStringLiteral("owner_department"), a.owner.id);
        detail.insert(QStringLiteral("deadline"), a.deadline.toString(Qt::ISODate));
        return Status();
    });
}

Result<ImprovementAction> ImprovementService::setStatus(qint64 id, int expectedVersion, ImprovementStatus status)
{
    return change(id, expectedVersion, QStringLiteral("status"), [&](ImprovementAction& a, QJsonObject& detail) {
        if (a.status == status) {
            return Status(invalid(tr("The action is already \"%1\".").arg(ImprovementStatuses::label(status))));
        }
        detail.insert(QStringLiteral("from"), ImprovementStatuses::code(a.status));
        detail.insert(QStringLiteral("to"), ImprovementStatuses::code(status));
        a.status = status;
        a.doneAt = status == ImprovementStatus::Done ? m_clock.now() : QDateTime();
        return Status();
    });
}

Result<ImprovementAction> ImprovementService::linkCase(qint64 id, int expectedVersion, qint64 caseId)
{
    return change(id, expectedVersion, QStringLiteral("link_case"), [&](ImprovementAction& a, QJsonObject& detail) {
        const auto c = m_repos.cases->find(caseId);
        if (!c) {
            return Status(c.error().code == Error::Code::NotFound ? invalid(tr("Case %1 does not exist.").arg(caseId))
                                                                  : c.error());
        }
        if (a.linkedCases >= Improvements::kMaxLinkedCases) {
            return Status(invalid(tr("An action links at most %1 cases.").arg(Improvements::kMaxLinkedCases)));
        }
        detail.insert(QStringLiteral("case"), caseId);
        detail.insert(QStringLiteral("case_no"), c->caseNo);
        return m_repos.improvements->linkCase(id, caseId);
    });
}

Result<ImprovementAction> ImprovementService::linkCaseNo(qint64 id, int expectedVersion, const QString& caseNo)
{
    const auto found = caseByNumber(caseNo);
    if (!found) {
        return found.error();
    }
    return linkCase(id, expectedVersion, found->caseId);
}

Result<ImprovementAction> ImprovementService::unlinkCase(qint64 id, int expectedVersion, qint64 caseId)
{
    return change(id, expectedVersion, QStringLiteral("unlink_case"), [&](ImprovementAction&, QJsonObject& detail) {
        detail.insert(QStringLiteral("case"), caseId);
        if (auto s = m_repos.improvements->unlinkCase(id, caseId); !s) {
            return s.error().code == Error::Code::NotFound
                       ? Status(invalid(tr("That case is not linked to the action.")))
                       : s;
        }
        return Status();
    });
}

ImprovementDraft ImprovementService::draftOf(const ImprovementDetail& d)
{
    ImprovementDraft draft;
    draft.title = d.action.title;
    draft.description = d.action.description;
    draft.ownerDepartmentId = d.action.owner.id;
    draft.deadline = d.action.deadline;
    draft.categoryId = d.action.category.id;
    draft.serviceItemId = d.action.serviceItem.id;
    draft.source = d.action.source;
    for (const LinkedCase& c : d.cases) {
        draft.caseIds.append(c.caseId);
    }
    draft.whys = d.whys;
    draft.fishbone = d.fishbone;
    return draft;
}

Result<ImprovementAction> ImprovementService::saveWhys(qint64 id, int expectedVersion, const FiveWhys& whys)
{
    auto current = detail(id);
    if (!current) {
        return current.error();
    }
    ImprovementDraft draft = draftOf(*current);
    draft.whys = whys;
    return save(id, expectedVersion, draft);
}

Result<ImprovementAction> ImprovementService::saveFishbone(qint64 id, int expectedVersion, const Fishbone& fishbone)
{
    auto current = detail(id);
    if (!current) {
        return current.error();
    }
    ImprovementDraft draft = draftOf(*current);
    draft.fishbone = fishbone;
    return save(id, expectedVersion, draft);
}

Result<ImprovementAction> ImprovementService::save(qint64 id, int expectedVersion, const ImprovementDraft& draft)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto loaded = loadForChange(id, expectedVersion);
    if (!loaded) {
        return loaded.error();
    }
    ImprovementAction a = std::move(loaded).value();
    const ImprovementAction before = a;
    if (auto s = applyFields(a, draft); !s) {
        return s.error();
    }
    const FiveWhys whys = Improvements::normalized(draft.whys);
    const Fishbone fishbone = Improvements::normalized(draft.fishbone);
    for (const QString& problem : {Improvements::validateWhys(whys), Improvements::validateFishbone(fishbone)}) {
        if (!problem.isEmpty()) {
            return invalid(problem);
        }
    }
    const auto storedWhys = m_repos.improvements->whys(id);
    const auto storedCauses = m_repos.improvements->causes(id);
    const auto storedCases = m_repos.improvements->linkedCases(id);
    if (!storedWhys || !storedCauses || !storedCases) {
        return !storedWhys ? storedWhys.error() : !storedCauses ? storedCauses.error() : storedCases.error();
    }
    QList<qint64> wanted = draft.caseIds;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    QList<qint64> stored;
    for (const LinkedCase& c : *storedCases) {
        stored.append(c.caseId);
    }
    std::sort(stored.begin(), stored.end());
    QList<qint64> added;
    QList<qint64> removed;
    std::set_difference(wanted.begin(), wanted.end(), stored.begin(), stored.end(), std::back_inserter(added));
    std::set_difference(stored.begin(), stored.end(), wanted.begin(), wanted.end(), std::back_inserter(removed));
    if (auto s = checkCases(added); !s) {
        return s.error();
    }

    FiveWhys oldWhys{*storedWhys, before.rootCause, before.countermeasure};
    Fishbone oldFishbone = *storedCauses;
    oldFishbone.problem = before.problem;
    const bool fieldsChanged = a.title != before.title || a.description != before.description ||
                               a.owner.id != before.owner.id || a.deadline != before.deadline ||
                               a.category.id != before.category.id || a.serviceItem.id != before.serviceItem.id;
    const bool whysChanged = !(whys == oldWhys);
    const bool fishboneChanged = !(fishbone == oldFishbone);
    if (!fieldsChanged && !whysChanged && !fishboneChanged && added.isEmpty() && removed.isEmpty()) {
        return before; // nothing to write
    }

    for (qint64 caseId : added) {
        if (auto s = m_repos.improvements->linkCase(id, caseId); !s) {
            return s.error();
        }
    }
    for (qint64 caseId : removed) {
        if (auto s = m_repos.improvements->unlinkCase(id, caseId); !s) {
            return s.error();
        }
    }
    if (whysChanged) {
        if (auto s = m_repos.improvements->replaceWhys(id, whys.whys); !s) {
            return s.error();
        }
        a.rootCause = whys.rootCause;
        a.countermeasure = whys.countermeasure;
    }
    if (fishboneChanged) {
        if (auto s = m_repos.improvements->replaceCauses(id, fishbone); !s) {
            return s.error();
        }
        a.problem = fishbone.problem;
    }
    if (auto s = writeChange(a); !s) {
        return s.error();
    }
    if (fieldsChanged) {
        if (auto s = audit(QStringLiteral("update"), a,
                           {{QStringLiteral("owner_department"), a.owner.id},
                            {QStringLiteral("deadline"), a.deadline.toString(Qt::ISODate)}});
            !s) {
            return s.error();
        }
    }
    if (!added.isEmpty() || !removed.isEmpty()) {
        if (auto s =
                audit(QStringLiteral("cases"), a,
                      {{QStringLiteral("linked"), idArray(added)}, {QStringLiteral("unlinked"), idArray(removed)}});
            !s) {
            return s.error();
        }
    }
    if (whysChanged) {
        if (auto s = audit(QStringLiteral("whys"), a, {{QStringLiteral("whys"), int(whys.whys.size())}}); !s) {
            return s.error();
        }
    }
    if (fishboneChanged) {
        if (auto s = audit(QStringLiteral("fishbone"), a, {{QStringLiteral("causes"), fishbone.causeCount()}}); !s) {
            return s.error();
        }
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return reload(id);
}

Result<ImprovementAction> ImprovementService::find(qint64 id)
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    return m_repos.improvements->find(id);
}

Result<ImprovementDetail> ImprovementService::detail(qint64 id)
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    ImprovementDetail d;
    auto a = m_repos.improvements->find(id);
    if (!a) {
        return a.error();
    }
    d.action = std::move(a).value();
    auto cases = m_repos.improvements->linkedCases(id);
    if (!cases) {
        return cases.error();
    }
    d.cases = std::move(cases).value();
    auto whys = m_repos.improvements->whys(id);
    if (!whys) {
        return whys.error();
    }
    d.whys = {std::move(whys).value(), d.action.rootCause, d.action.countermeasure};
    auto causes = m_repos.improvements->causes(id);
    if (!causes) {
        return causes.error();
    }
    d.fishbone = std::move(causes).value();
    d.fishbone.problem = d.action.problem;
    return d;
}

Result<QList<ImprovementAction>> ImprovementService::list(const ImprovementFilter& filter)
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    ImprovementFilter f = filter;
    if (f.overdueOnly && !f.today.isValid()) {
        f.today = m_clock.now().date();
    }
    return m_repos.improvements->list(f);
}

Result<QList<ImprovementAction>> ImprovementService::overdue(const QDate& today, int limit)
{
    ImprovementFilter f;
    f.overdueOnly = true;
    f.today = today.isValid() ? today : m_clock.now().date();
    f.limit = limit;
    return list(f);
}

Result<qint64> ImprovementService::changeStamp()
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    return m_repos.improvements->changeStamp();
}

Result<LinkedCase> ImprovementService::caseByNumber(const QString& caseNo)
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    const QString number = caseNo.trimmed();
    if (number.isEmpty()) {
        return invalid(tr("Type a case number."));
    }
    const auto found = m_repos.cases->findByNumber(number);
    if (!found) {
        return found.error().code == Error::Code::NotFound ? invalid(tr("There is no case %1.").arg(number))
                                                           : found.error();
    }
    return linkedCaseOf(*found);
}

Result<QList<LinkedCase>> ImprovementService::casesByIds(const QList<qint64>& caseIds)
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    if (caseIds.size() > Improvements::kMaxLinkedCases) {
        return invalid(tr("An action links at most %1 cases.").arg(Improvements::kMaxLinkedCases));
    }
    QList<LinkedCase> cases;
    for (qint64 id : caseIds) {
        const auto found = m_repos.cases->find(id);
        if (!found) {
            return found.error().code == Error::Code::NotFound ? invalid(tr("Case %1 does not exist.").arg(id))
                                                               : found.error();
        }
        cases.append(linkedCaseOf(*found));
    }
    return cases;
}

Result<EffectCheck> ImprovementService::effect(qint64 id, int weeks)
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    if (weeks < 1 || weeks > 52) {
        return invalid(tr("Compare between 1 and 52 weeks."));
    }
    const auto a = m_repos.improvements->find(id);
    if (!a) {
        return a.error();
    }
    const QDateTime now = m_clock.now();
    const QDate created = a->createdAt.date();
    EffectCheck check;
    check.weeks = weeks;
    check.before = Improvements::beforePeriod(created, weeks);
    check.after = Improvements::afterPeriod(created, weeks, now.date());
    for (EffectPeriod* p : {&check.before, &check.after}) {
        if (p->days() == 0) {
            continue;
        }
        const Metrics::Period period{p->from, p->to, now};
        const auto input = m_repos.improvements->effectInput(a->category.id, a->serviceItem.id, period);
        if (!input) {
            return input.error();
        }
        Improvements::fill(*p, Metrics::compute(period, *input));
    }
    return check;
}
