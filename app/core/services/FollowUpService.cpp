#include "FollowUpService.h"

#include "calendar/WorkCalendar.h"
#include "cases/CaseLifecycle.h"
#include "common/Clock.h"
#include "repositories/CalendarRepository.h"
#include "repositories/CaseRepository.h"
#include "repositories/FollowUpRepository.h"
#include "repositories/SlaPolicyRepository.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/SlaService.h"

#include <QJsonObject>

namespace {
constexpr int kMaxNoteChars = 4000;

Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}

CaseEvent eventOn(const Case& c, CaseEventKind kind, const Ref& actor, const QDateTime& at, const QString& note)
{
    CaseEvent e;
    e.caseId = c.id;
    e.at = at;
    e.kind = kind;
    e.actor = actor;
    e.fromStatus = c.status;
    e.toStatus = c.status;
    e.note = note;
    return e;
}

QString ratingFact(int rating)
{
    return QStringLiteral("%1/5").arg(rating);
}

bool sameActor(const Ref& a, const Ref& b)
{
    return (a.id != 0 || b.id != 0) ? a.id == b.id : a.name == b.name;
}
} // namespace

FollowUpService::FollowUpService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Result<Case> FollowUpService::lockedCase(qint64 caseId, Permission permission)
{
    // Checked under the write lock: an account disabled or demoted a moment ago cannot act any more.
    if (auto denied = m_session.denyNow(*m_repos.users, permission)) {
        return *denied;
    }
    return m_repos.cases->find(caseId);
}

Status FollowUpService::writeCase(const Case& c, const QList<CaseEvent>& events, const QString& auditAction,
                                  const QJsonObject& detail)
{
    if (auto updated = m_repos.cases->update(c); !updated) {
        return updated.error();
    }
    for (const CaseEvent& e : events) {
        if (auto added = m_repos.cases->addEvent(e); !added) {
            return added.error();
        }
    }
    return m_audit.record(m_session, auditAction, QStringLiteral("case"), c.id, detail);
}

Result<FollowUpRecord> FollowUpService::record(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    return m_repos.followUps->record(caseId);
}

Result<Case> FollowUpService::recordFollowUp(qint64 caseId, const FollowUpInput& input)
{
    const QString note = input.note.trimmed();
    if (note.size() > kMaxNoteChars) {
        return invalid(tr("The note is longer than %1 characters.").arg(kMaxNoteChars));
    }
    if (input.reached) {
        if (!input.rating || *input.rating < 1 || *input.rating > 5) {
            return invalid(tr("Record the citizen's rating, from 1 (very dissatisfied) to 5 (very satisfied)."));
        }
        if (input.nps && (*input.nps < 0 || *input.nps > 10)) {
            return invalid(tr("The recommendation score runs from 0 to 10."));
        }
    } else if (input.rating || input.nps) {
        return invalid(tr("A citizen who was not reached gave no rating."));
    }

    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto found = lockedCase(caseId, Permission::WorkCase);
    if (!found) {
        return found.error();
    }
    Case c = std::move(found).value();
    if (const auto allowed = CaseLifecycle::target(c, CaseAction::FollowUp); !allowed) {
        return allowed.error();
    }
    const auto policy = SlaPolicies::current(m_repos);
    if (!policy) {
        return policy.error();
    }
    auto rectification = m_repos.followUps->latestRectification(c.id);
    if (!rectification) {
        return rectification.error();
    }
    std::optional<Rectification> open = *rectification;
    if (open && !open->isOpen()) {
        open.reset();
    }
    if (open && open->stage != RectificationStage::SecondFollowUp) {
        return invalid(tr("Finish the rectification (verify, put right, tell the citizen) before the second "
                          "follow-up."));
    }

    const QDateTime now = m_clock.now();
    const Ref actor = m_session.actor();
    QList<CaseEvent> events;
    QJsonObject detail{{QStringLiteral("case_no"), c.caseNo},
                       {QStringLiteral("method"), FollowUpMethods::code(input.method)},
                       {QStringLiteral("reached"), input.reached}};
    QString auditAction;

    if (!input.reached) {
        auditAction = QStringLiteral("case.follow_up_attempt");
        c.followUpAttempts += 1;
        const int limit = std::max(1, policy->unreachableAfterAttempts);
        events << eventOn(c, CaseEventKind::FollowUpAttempted, actor, now,
                          CaseEventNotes::withFact(QStringLiteral("%1/%2").arg(c.followUpAttempts).arg(limit), note));
        detail.insert(QStringLiteral("attempt"), c.followUpAttempts);
        if (c.followUpAttempts >= limit && !c.unreachableAt.isValid()) {
            c.unreachableAt = now;
            events << eventOn(
                c, CaseEventKind::MarkedUnreachable, actor, now,
                CaseEventNotes::withFact(QStringLiteral("%1/%2").arg(c.followUpAttempts).arg(limit), QString()));
            detail.insert(QStringLiteral("unreachable"), true);
        }
        const FollowUpAttempt attempt{0, c.id, now, input.method, note, actor};
        if (auto a = m_repos.followUps->addAttempt(attempt); !a) {
            return a.error();
        }
    } else {
        auditAction = QStringLiteral("case.follow_up");
        const int rating = *input.rating;
        CaseEvent followed =
            eventOn(c, CaseEventKind::FollowedUp, actor, now, CaseEventNotes::withFact(ratingFact(rating), note));
        followed.toStatus = CaseStatus::FollowedUp;
        events << followed;
        c.status = CaseStatus::FollowedUp;
        c.followedUpAt = now;
        c.rating = rating;
        c.nps = input.nps;
        c.ratingExcluded = false;
        c.followUpAttempts = 0;
        c.unreachableAt = {};
        detail.insert(QStringLiteral("rating"), rating);
        if (input.nps) {
            detail.insert(QStringLiteral("nps"), *input.nps);
        }
        const FollowUp followUp{0, c.id, now, input.method, rating, input.nps, note, actor};
        const auto followUpId = m_repos.cases->addFollowUp(followUp);
        if (!followUpId) {
            return followUpId.error();
        }
        if (open) {
            // The second follow-up closes the rectification, whatever the new rating: the original is kept.
            open->stage = RectificationStage::Done;
            open->secondFollowUpId = *followUpId;
            open->doneAt = now;
            if (auto u = m_repos.followUps->updateRectification(*open); !u) {
                return u.error();
            }
            events << eventOn(c, CaseEventKind::RectificationProgressed, actor, now,
                              CaseEventNotes::withFact(RectificationStages::fact(RectificationStage::SecondFollowUp) +
                                                           QStringLiteral(" → ") + ratingFact(rating),
                                                       QString()));
            detail.insert(QStringLiteral("rectification_id"), open->id);
            detail.insert(QStringLiteral("previous_rating"), open->badRating);
        } else if (isBadRating(rating)) {
            // 差评整改: handling reopens with its own deadline; the bad rating stays on the case and in follow_ups.
            SlaService sla(m_session, m_repos, m_clock);
            const auto engine = sla.engine();
            if (!engine) {
                return engine.error();
            }
            const auto due = engine->rectifyDue(now);
            if (!due) {
                return due.error();
            }
            Rectification r;
            r.caseId = c.id;
            r.followUpId = *followUpId;
            r.badRating = rating;
            r.stage = RectificationStage::Verify;
            r.startedAt = now;
            r.dueAt = *due;
            r.startedBy = actor.name;
            const auto id = m_repos.followUps->insertRectification(r);
            if (!id) {
                return id.error();
            }
            CaseEvent started = eventOn(c, CaseEventKind::RectificationStarted, actor, now,
                                        CaseEventNotes::withFact(ratingFact(rating), QString()));
            started.toStatus = CaseStatus::InProgress;
            events << started;
            c.status = CaseStatus::InProgress;
            c.resolvedAt = {};
            // The case's deadline from the engine: the rectify clock is the one still counting.
            if (auto d = sla.recomputeDue(c, events); !d) {
                return d.error();
            }
            detail.insert(QStringLiteral("rectification_id"), *id);
            detail.insert(QStringLiteral("rectify_due_at"), due->toSecsSinceEpoch());
        }
    }

    c.updatedAt = now;
    if (auto written = writeCase(c, events, auditAction, detail); !written) {
        return written.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}

Result<Case> FollowUpService::advanceRectification(qint64 caseId, const QString& note)
{
    const QString words = note.trimmed();
    if (words.isEmpty()) {
        return invalid(tr("Write what was done at this stage."));
    }
    if (words.size() > kMaxNoteChars) {
        return invalid(tr("The note is longer than %1 characters.").arg(kMaxNoteChars));
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto found = lockedCase(caseId, Permission::WorkCase);
    if (!found) {
        return found.error();
    }
    Case c = std::move(found).value();
    auto latest = m_repos.followUps->latestRectification(c.id);
    if (!latest) {
        return latest.error();
    }
    if (!*latest || !(*latest)->isOpen()) {
        return invalid(tr("The case has no rectification under way."));
    }
    Rectification r = **latest;
    const QDateTime now = m_clock.now();
    const RectificationStage done = r.stage;
    CaseEvent event = eventOn(c, CaseEventKind::RectificationProgressed, m_session.actor(), now,
                              CaseEventNotes::withFact(RectificationStages::fact(done), words));
    QJsonObject detail{{QStringLiteral("case_no"), c.caseNo},
                       {QStringLiteral("rectification_id"), r.id},
                       {QStringLiteral("stage"), RectificationStages::code(done)}};
    switch (done) {
    case RectificationStage::Verify:
        r.verifiedAt = now;
        r.verifyNote = words;
        r.stage = RectificationStage::Rectify;
        break;
    case RectificationStage::Rectify:
        r.rectifiedAt = now;
        r.rectifyNote = words;
        r.stage = RectificationStage::Feedback;
        break;
    case RectificationStage::Feedback: {
        // Being handled (the usual path), or resolved already through the case's own Resolve action.
        const bool resolvedAlready = c.status == CaseStatus::Resolved;
        if (!resolvedAlready && (!CaseStatuses::isOpen(c.status) || !c.acknowledgedAt.isValid())) {
            return Error::make(Error::Code::InvalidTransition,
                               tr("The case is \"%1\"; the citizen can only be told of the rectification while it "
                                  "is being handled.")
                                   .arg(CaseStatuses::label(c.status)));
        }
        const auto engine = SlaService(m_session, m_repos, m_clock).engine();
        if (!engine) {
            return engine.error();
        }
        const auto secondDue = engine->secondFollowUpDue(now);
        if (!secondDue) {
            return secondDue.error();
        }
        r.feedbackAt = now;
        r.feedbackNote = words;
        r.stage = RectificationStage::SecondFollowUp;
        r.secondDueAt = *secondDue;
        // Telling the citizen what was put right resolves the case again; the second follow-up rates it.
        event.toStatus = CaseStatus::Resolved;
        c.status = CaseStatus::Resolved;
        if (!resolvedAlready) {
            c.resolvedAt = now;
        }
        c.followUpAttempts = 0;
        c.unreachableAt = {};
        detail.insert(QStringLiteral("second_due_at"), secondDue->toSecsSinceEpoch());
        break;
    }
    case RectificationStage::SecondFollowUp:
        return invalid(tr("The rectification waits for the second follow-up: record it as a follow-up."));
    case RectificationStage::Done:
        break;
    }
    if (auto u = m_repos.followUps->updateRectification(r); !u) {
        return u.error();
    }
    c.updatedAt = now;
    if (auto written = writeCase(c, {event}, QStringLiteral("case.rectification"), detail); !written) {
        return written.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}

Result<RatingAppeal> FollowUpService::requestAppeal(qint64 caseId, AppealReason kind, const QString& reason)
{
    const QString words = reason.trimmed();
    if (words.isEmpty()) {
        return invalid(tr("Say why the rating is mistaken or malicious."));
    }
    if (words.size() > kMaxNoteChars) {
        return invalid(tr("The reason is longer than %1 characters.").arg(kMaxNoteChars));
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto found = lockedCase(caseId, Permission::ApproveCase);
    if (!found) {
        return found.error();
    }
    Case c = std::move(found).value();
    if (!c.rating) {
        return invalid(tr("The case has no rating to appeal against."));
    }
    if (c.ratingExcluded) {
        return invalid(tr("The rating is already left out of the figures."));
    }
    const auto record = m_repos.followUps->record(c.id);
    if (!record) {
        return record.error();
    }
    if (record->pendingAppeal()) {
        return invalid(tr("An appeal against this rating awaits a second supervisor already."));
    }
    const auto latest = m_repos.followUps->latestFollowUp(c.id);
    if (!latest) {
        return latest.error();
    }
    const QDateTime now = m_clock.now();
    RatingAppeal appeal;
    appeal.caseId = c.id;
    appeal.followUpId = latest->rating == *c.rating ? latest->id : 0;
    appeal.rating = *c.rating;
    appeal.reasonKind = kind;
    appeal.reason = words;
    appeal.requestedBy = m_session.actor();
    appeal.requestedAt = now;
    appeal.state = AppealState::Pending;
    const auto id = m_repos.followUps->insertAppeal(appeal);
    if (!id) {
        return id.error();
    }
    appeal.id = *id;
    c.updatedAt = now;
    const CaseEvent event = eventOn(c, CaseEventKind::AppealRequested, m_session.actor(), now,
                                    CaseEventNotes::withFact(ratingFact(appeal.rating), words));
    if (auto written = writeCase(c, {event}, QStringLiteral("rating.appeal.request"),
                                 {{QStringLiteral("case_no"), c.caseNo},
                                  {QStringLiteral("appeal_id"), appeal.id},
                                  {QStringLiteral("rating"), appeal.rating},
                                  {QStringLiteral("reason_kind"), AppealReasons::code(kind)},
                                  {QStringLiteral("reason"), words}});
        !written) {
        return written.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return appeal;
}

Result<RatingAppeal> FollowUpService::decideAppeal(qint64 appealId, bool approve, const QString& note)
{
    const QString words = note.trimmed();
    if (!approve && words.isEmpty()) {
        return invalid(tr("Say why the appeal is refused."));
    }
    if (words.size() > kMaxNoteChars) {
        return invalid(tr("The note is longer than %1 characters.").arg(kMaxNoteChars));
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ApproveCase)) {
        return *denied;
    }
    auto found = m_repos.followUps->appeal(appealId);
    if (!found) {
        return found.error();
    }
    RatingAppeal appeal = std::move(found).value();
    if (appeal.state != AppealState::Pending) {
        return invalid(tr("The appeal was decided already (%1).").arg(AppealStates::label(appeal.state)));
    }
    if (sameActor(appeal.requestedBy, m_session.actor())) {
        return Error::make(Error::Code::PermissionDenied,
                           tr("A second supervisor must decide: you asked for this appeal yourself."));
    }
    auto foundCase = m_repos.cases->find(appeal.caseId);
    if (!foundCase) {
        return foundCase.error();
    }
    Case c = std::move(foundCase).value();
    const QDateTime now = m_clock.now();
    appeal.state = approve ? AppealState::Approved : AppealState::Refused;
    appeal.decidedBy = m_session.actor();
    appeal.decidedAt = now;
    appeal.decisionNote = words;
    if (auto d = m_repos.followUps->decideAppeal(appeal); !d) {
        return d.error();
    }
    if (approve) {
        if (appeal.followUpId != 0) {
            if (auto s = m_repos.followUps->setFollowUpExcluded(appeal.followUpId, true); !s) {
                return s.error();
            }
        }
        // The case's rating leaves the figures if it is still the appealed one (a later follow-up replaces it).
        if (c.rating && *c.rating == appeal.rating) {
            const auto latest = m_repos.followUps->latestFollowUp(c.id);
            if (!latest) {
                return latest.error();
            }
            if (latest->id == appeal.followUpId) {
                c.ratingExcluded = true;
            }
        }
    }
    c.updatedAt = now;
    const CaseEvent event = eventOn(c, approve ? CaseEventKind::AppealApproved : CaseEventKind::AppealRefused,
                                    m_session.actor(), now, CaseEventNotes::withFact(ratingFact(appeal.rating), words));
    const QString action = approve ? QStringLiteral("rating.appeal.approve") : QStringLiteral("rating.appeal.refuse");
    if (auto written = writeCase(c, {event}, action,
                                 {{QStringLiteral("case_no"), c.caseNo},
                                  {QStringLiteral("appeal_id"), appeal.id},
                                  {QStringLiteral("rating"), appeal.rating},
                                  {QStringLiteral("requested_by"), appeal.requestedBy.name},
                                  {QStringLiteral("excluded"), approve && c.ratingExcluded},
                                  {QStringLiteral("note"), words}});
        !written) {
        return written.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return appeal;
}

Result<QList<RatingAppeal>> FollowUpService::pendingAppeals(int limit)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ApproveCase)) {
        return *denied;
    }
    return m_repos.followUps->pendingAppeals(limit);
}

Result<int> FollowUpService::applyNoRatingRule(int limit)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ApproveCase)) {
        return *denied;
    }
    const auto policy = SlaPolicies::current(m_repos);
    if (!policy) {
        return policy.error();
    }
    if (!policy->noRatingRuleEnabled) {
        return 0;
    }
    if (policy->noRatingLevel < 1 || policy->noRatingLevel > 5 || policy->noRatingDays < 1) {
        return invalid(tr("The no-rating rule needs a level from 1 to 5 and at least one day."));
    }
    const QDateTime now = m_clock.now();
    const auto due = m_repos.followUps->unratedResolvedCases(now.addDays(-policy->noRatingDays), limit);
    if (!due) {
        return due.error();
    }
    int rated = 0;
    for (qint64 id : *due) {
        auto found = m_repos.cases->find(id);
        if (!found) {
            return found.error();
        }
        Case c = std::move(found).value();
        if (c.status != CaseStatus::Resolved || c.rating || c.isAnonymous()) {
            continue;
        }
        CaseEvent event = eventOn(c, CaseEventKind::RatingDefaulted, m_session.actor(), now,
                                  CaseEventNotes::withFact(ratingFact(policy->noRatingLevel),
                                                           QStringLiteral("%1 d").arg(policy->noRatingDays)));
        event.toStatus = CaseStatus::FollowedUp;
        c.status = CaseStatus::FollowedUp;
        c.followedUpAt = now;
        c.rating = policy->noRatingLevel;
        c.nps.reset();
        c.ratingExcluded = false;
        c.updatedAt = now;
        if (auto written = writeCase(c, {event}, QStringLiteral("case.rating_default"),
                                     {{QStringLiteral("case_no"), c.caseNo},
                                      {QStringLiteral("rating"), policy->noRatingLevel},
                                      {QStringLiteral("days"), policy->noRatingDays},
                                      {QStringLiteral("resolved_at"), c.resolvedAt.toSecsSinceEpoch()}});
            !written) {
            return written.error();
        }
        ++rated;
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return rated;
}

Result<RatingFigures> FollowUpService::figures(const QDate& from, const QDate& to)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    if (!from.isValid() || !to.isValid() || to < from) {
        return invalid(tr("The period must run from a date to the same or a later date."));
    }
    return m_repos.followUps->figures(QDateTime(from, QTime(0, 0)), QDateTime(to.addDays(1), QTime(0, 0)));
}
