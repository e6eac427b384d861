#include "SlaService.h"

#include "common/Clock.h"
#include "repositories/CalendarRepository.h"
#include "repositories/CasePauseRepository.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/SlaPolicyRepository.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/CaseChange.h"
#include "sla/SlaPolicyJson.h"

#include <QJsonObject>

namespace {
/** The rectification's stages (核实 → 整改 → 反馈): the last RectificationProgressed is the feedback. */
constexpr int kRectificationStages = 3;

Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}

/** Stored notes read the same in every UI language: the pause's kind as the hall's own term. */
QString kindFact(SlaPauseKind kind)
{
    return kind == SlaPauseKind::ThirdParty ? QStringLiteral("等待第三方") : QStringLiteral("补正材料");
}
} // namespace

SlaService::SlaService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Result<SlaPolicy> SlaService::policy()
{
    // Desks read the rules through the clocks; admins, who see no cases, read them to change them.
    const Permission needed =
        m_session.can(Permission::ManageReferenceData) ? Permission::ManageReferenceData : Permission::ViewCases;
    if (auto denied = m_session.denyNow(*m_repos.users, needed)) {
        return *denied;
    }
    return SlaPolicies::current(m_repos);
}

Status SlaService::savePolicy(const SlaPolicy& policy)
{
    if (!m_repos.slaPolicy) {
        return invalid(tr("This database cannot store deadline rules."));
    }
    const QStringList problems = SlaPolicyJson::problems(policy);
    if (!problems.isEmpty()) {
        return invalid(problems.join(QLatin1Char('\n')));
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    const auto before = m_repos.slaPolicy->load();
    if (!before) {
        return before.error();
    }
    const QDateTime now = m_clock.now();
    if (auto saved = m_repos.slaPolicy->save(policy, m_session.actor().name, now); !saved) {
        return saved;
    }
    const QJsonObject detail{{QStringLiteral("before"), QString::fromUtf8(SlaPolicyJson::toJson(*before))},
                             {QStringLiteral("after"), QString::fromUtf8(SlaPolicyJson::toJson(policy))}};
    if (auto a = m_audit.record(m_session, QStringLiteral("sla.policy"), QStringLiteral("sla_policy"), 1, detail); !a) {
        return a;
    }
    return tx.commit();
}

Result<SlaEngine> SlaService::engine()
{
    return engineOf(m_repos);
}

Result<SlaEngine> SlaService::engineOf(const Repositories& repos)
{
    auto policy = SlaPolicies::current(repos);
    if (!policy) {
        return policy.error();
    }
    auto calendar = repos.calendar->load();
    if (!calendar) {
        return calendar.error();
    }
    return SlaEngine(std::move(policy).value(), std::move(calendar).value());
}

SlaFacts SlaService::factsFrom(const Case& c, qint64 topCategoryId, const QList<CaseEvent>& timeline,
                               const QList<SlaPause>& pauses)
{
    SlaFacts f;
    f.channel = c.channel;
    f.categoryId = topCategoryId;
    f.receivedAt = c.receivedAt;
    f.acknowledgedAt = c.acknowledgedAt;
    f.answeredAt = c.answeredAt;
    f.resolvedAt = c.resolvedAt;
    f.pauses = pauses;
    int stagesDone = 0;
    bool extended = false;
    QDateTime lastResolved;
    for (const CaseEvent& e : timeline) {
        switch (e.kind) {
        case CaseEventKind::Resolved:
            lastResolved = e.at;
            break;
        case CaseEventKind::Reopened:
            f.restartedAt = e.at;
            extended = false; // an extension belonged to the handling before the reopening
            break;
        case CaseEventKind::ExtensionApproved:
            extended = true;
            break;
        case CaseEventKind::RectificationStarted:
            f.rectifyStartedAt = e.at;
            f.rectifyFeedbackAt = {};
            f.secondFollowUpAt = {};
            stagesDone = 0;
            break;
        case CaseEventKind::RectificationProgressed:
            if (f.rectifyStartedAt.isValid() && ++stagesDone == kRectificationStages) {
                f.rectifyFeedbackAt = e.at;
            }
            break;
        case CaseEventKind::FollowedUp:
            if (f.rectifyFeedbackAt.isValid() && !f.secondFollowUpAt.isValid()) {
                f.secondFollowUpAt = e.at;
            }
            break;
        default:
            break;
        }
    }
    // A rectification (差评整改) hands the case back for handling (FollowUpService clears resolved_at), but the case
    // was resolved: its resolve clock stays met, and the rectify clock is the one that counts.
    if (!f.resolvedAt.isValid() && f.rectifyStartedAt.isValid() && lastResolved.isValid() &&
        lastResolved <= f.rectifyStartedAt) {
        f.resolvedAt = lastResolved;
    }
    // The approved extension's date (ExtensionService keeps it on the case); an extension approved before a
    // reopening belonged to the earlier handling and no longer applies.
    if (extended && c.extendedDueAt.isValid()) {
        f.extendedTo = c.extendedDueAt;
    }
    return f;
}

Result<SlaFacts> SlaService::facts(const Case& c, const QList<CaseEvent>& pending)
{
    qint64 top = c.category.id;
    for (int depth = 0; top != 0 && depth < 8; ++depth) {
        const auto category = m_repos.reference->find(ReferenceKind::Category, top);
        if (!category || category->parentId == 0) {
            break;
        }
        top = category->parentId;
    }
    QList<CaseEvent> timeline;
    if (c.id != 0) { // a case being created has no timeline and no pauses yet
        auto stored = m_repos.cases->events(c.id);
        if (!stored) {
            return stored.error();
        }
        timeline = std::move(stored).value();
    }
    timeline += pending;
    QList<SlaPause> pauses;
    if (m_repos.casePauses && c.id != 0) {
        auto stored = m_repos.casePauses->forCase(c.id);
        if (!stored) {
            return stored.error();
        }
        pauses = std::move(stored).value();
    }
    return factsFrom(c, top, timeline, pauses);
}

Result<SlaService::CaseClocks> SlaService::clocks(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error();
    }
    const auto e = engine();
    if (!e) {
        return e.error();
    }
    const auto f = facts(*found);
    if (!f) {
        return f.error();
    }
    CaseClocks result;
    result.value = std::move(found).value();
    result.clocks = e->clocks(*f, m_clock.now());
    result.pauses = f->pauses;
    return result;
}

Result<Case> SlaService::lockedOpenCase(qint64 caseId, int expectedVersion)
{
    if (!m_repos.casePauses) {
        return invalid(tr("This database cannot record pauses."));
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::WorkCase)) {
        return *denied;
    }
    auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error();
    }
    if (expectedVersion >= 0 && found->version != expectedVersion) {
        return Error::make(Error::Code::Conflict,
                           tr("Someone else changed the case meanwhile. Reload it and try again."));
    }
    return found;
}

Status SlaService::recomputeDue(Case& c, const QList<CaseEvent>& pending)
{
    const auto e = engine();
    if (!e) {
        return e.error();
    }
    const auto f = facts(c, pending);
    if (!f) {
        return f.error();
    }
    c.dueAt = dueFrom(*e, *f, m_clock.now(), c.dueAt);
    return {};
}

QDateTime SlaService::dueFrom(const SlaEngine& engine, const SlaFacts& facts, const QDateTime& now,
                              const QDateTime& current)
{
    const QList<SlaClock> clocks = engine.clocks(facts, now, SlaEngine::Explain::No); // the due time only
    if (const QDateTime due = SlaEngine::caseDue(clocks); due.isValid()) {
        return due;
    }
    if (!current.isValid()) {
        for (const SlaClock& clock : clocks) {
            if (clock.kind == SlaClockKind::Answer && clock.due.isValid()) {
                return clock.due;
            }
        }
    }
    return current;
}

Result<Case> SlaService::pause(qint64 caseId, SlaPauseKind kind, const QString& reason, int expectedVersion)
{
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        return invalid(tr("Say what the case is waiting for."));
    }
    if (why.size() > kMaxReasonChars) {
        return invalid(tr("The reason is longer than %1 characters.").arg(kMaxReasonChars));
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto found = lockedOpenCase(caseId, expectedVersion);
    if (!found) {
        return found.error();
    }
    Case c = std::move(found).value();
    if (!CaseStatuses::isOpen(c.status)) {
        return invalid(tr("Only the clocks of an open case can be paused."));
    }
    if (c.pausedAt.isValid()) {
        return invalid(tr("The case's clocks are already paused."));
    }
    const QDateTime now = m_clock.now();
    SlaPause p;
    p.caseId = c.id;
    p.kind = kind;
    p.reason = why;
    p.from = now;
    const auto pauseId = m_repos.casePauses->open(p, m_session.actor());
    if (!pauseId) {
        return pauseId.error();
    }
    const QDateTime before = c.dueAt;
    c.pausedAt = now;
    if (auto due = recomputeDue(c); !due) {
        return due.error();
    }
    CaseEvent event;
    event.at = now;
    event.kind = CaseEventKind::Paused;
    event.note = CaseEventNotes::withFact(kindFact(kind), why);
    QJsonObject detail{{QStringLiteral("pause_id"), *pauseId}, {QStringLiteral("kind"), SlaPauseKinds::code(kind)}};
    if (before.isValid()) {
        detail.insert(QStringLiteral("due_at"), before.toSecsSinceEpoch());
    }
    if (auto written = CaseChange::write(m_session, m_repos, m_audit, c, event, QStringLiteral("pause"), detail);
        !written) {
        return written.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}

Result<Case> SlaService::resume(qint64 caseId, const QString& note, int expectedVersion)
{
    const QString words = note.trimmed();
    if (words.size() > kMaxReasonChars) {
        return invalid(tr("The note is longer than %1 characters.").arg(kMaxReasonChars));
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto found = lockedOpenCase(caseId, expectedVersion);
    if (!found) {
        return found.error();
    }
    Case c = std::move(found).value();
    if (!c.pausedAt.isValid()) {
        return invalid(tr("The case's clocks are running; there is nothing to resume."));
    }
    const auto pauses = m_repos.casePauses->forCase(c.id);
    if (!pauses) {
        return pauses.error();
    }
    const SlaPause* open = nullptr;
    for (const SlaPause& p : *pauses) {
        if (p.isOpen()) {
            open = &p;
        }
    }
    if (!open) {
        return invalid(tr("The case's clocks are running; there is nothing to resume."));
    }
    const QDateTime now = m_clock.now();
    if (auto closed = m_repos.casePauses->close(open->id, now, m_session.actor(), words); !closed) {
        return closed.error();
    }
    const QDateTime before = c.dueAt;
    c.pausedAt = {};
    if (auto due = recomputeDue(c); !due) {
        return due.error();
    }
    CaseEvent event;
    event.at = now;
    event.kind = CaseEventKind::Resumed;
    event.note = CaseEventNotes::withFact(c.dueAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), words);
    QJsonObject detail{{QStringLiteral("pause_id"), open->id},
                       {QStringLiteral("paused_seconds"), open->from.secsTo(now)},
                       {QStringLiteral("due_at"), c.dueAt.toSecsSinceEpoch()}};
    if (before.isValid()) {
        detail.insert(QStringLiteral("previous_due_at"), before.toSecsSinceEpoch());
    }
    if (auto written = CaseChange::write(m_session, m_repos, m_audit, c, event, QStringLiteral("resume"), detail);
        !written) {
        return written.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}
