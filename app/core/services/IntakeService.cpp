#include "IntakeService.h"

#include "cases/CitizenValidator.h"
#include "common/Clock.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/CaseService.h"
#include "services/RiskService.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace {
constexpr int kMaxComplaintChars = 20000;
constexpr int kMaxFieldChars = 4000;
constexpr int kMaxTicketChars = 32;
constexpr int kMaxWaitedMinutes = 24 * 60;
constexpr int kFoundCitizensLimit = 20;

FieldProblem problem(const char* field, const QString& message)
{
    return {QLatin1String(field), message};
}

/** Whole seconds, as stored: a time stamped a few milliseconds after the clock's "now" second is not "future". */
qint64 secs(const QDateTime& t)
{
    return t.toSecsSinceEpoch();
}

/** Without trailing punctuation, so that parts can be joined with "，". */
QString clause(const QString& text)
{
    static const QRegularExpression trailing(QStringLiteral("[，,。．.！!？?；;、\\s]+$"));
    QString s = text.trimmed();
    s.remove(trailing);
    return s;
}

QString amendmentAction(IntakePart part)
{
    switch (part) {
    case IntakePart::Facts:
        return QStringLiteral("case.amend_facts");
    case IntakePart::Impact:
        return QStringLiteral("case.amend_impact");
    case IntakePart::Steps:
        return QStringLiteral("case.amend_steps");
    }
    return QStringLiteral("case.amend_facts");
}
} // namespace

namespace {
// The frame of a restatement: said to the citizen as a question, printed on the receipt as what was agreed.
constexpr QStringView kFactsLead = u"您反映的是：";
constexpr QStringView kImpactLead = u"我跟您确认一下：";
constexpr QStringView kQuestionTail = u"，对吗？";
} // namespace

QString IntakeService::agreedStatement(const QString& restatement)
{
    QString text = restatement.trimmed();
    for (const QStringView lead : {kFactsLead, kImpactLead}) {
        if (text.startsWith(lead)) {
            text.remove(0, lead.size());
        }
    }
    if (text.endsWith(kQuestionTail)) {
        text.chop(kQuestionTail.size());
        text += QStringLiteral("。");
    }
    return text;
}

IntakeService::IntakeService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

QString IntakeService::joined(const QList<FieldProblem>& problems)
{
    QStringList lines;
    for (const FieldProblem& p : problems) {
        if (!lines.contains(p.message)) {
            lines << p.message;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QDateTime IntakeService::receivedAt(const IntakeDraft& draft) const
{
    if (draft.base.receivedAt.isValid()) {
        return draft.base.receivedAt;
    }
    const QDateTime now = m_clock.now();
    if (draft.confirmed.acknowledgedAt.isValid() && secs(draft.confirmed.acknowledgedAt) <= secs(now)) {
        return QDateTime::fromSecsSinceEpoch(secs(draft.confirmed.acknowledgedAt));
    }
    return now;
}

QDateTime IntakeService::latestPromise(const IntakeDraft& draft) const
{
    return receivedAt(draft).addSecs(qint64(CaseService::kAnswerDueHours) * 3600);
}

void IntakeService::checkReference(QList<FieldProblem>* problems, const char* field, ReferenceKind kind,
                                   qint64 id) const
{
    if (id == 0) {
        return;
    }
    const auto item = m_repos.reference->find(kind, id);
    if (item && item->active) {
        return;
    }
    switch (kind) {
    case ReferenceKind::Window:
        *problems << problem(field, tr("The chosen window does not exist or is no longer in use."));
        break;
    case ReferenceKind::ServiceItem:
        *problems << problem(field, tr("The chosen service item does not exist or is no longer in use."));
        break;
    case ReferenceKind::Category:
        *problems << problem(field, tr("The chosen category does not exist or is no longer in use."));
        break;
    case ReferenceKind::Department:
        *problems << problem(field, tr("The chosen department does not exist or is no longer in use."));
        break;
    }
}

QString IntakeService::referenceName(ReferenceKind kind, qint64 id) const
{
    if (id == 0) {
        return {};
    }
    const auto item = m_repos.reference->find(kind, id);
    return item ? item->name : QString();
}

void IntakeService::checkConfirmation(QList<FieldProblem>* problems, const char* field, const QDateTime& at,
                                      const QDateTime& earliest, bool required) const
{
    if (!at.isValid()) {
        if (required) {
            *problems << problem(field, tr("Confirm this step with the citizen before saving."));
        }
        return;
    }
    if (secs(at) > secs(m_clock.now())) {
        *problems << problem(field, tr("The time of the confirmation lies in the future."));
    } else if (earliest.isValid() && secs(at) < secs(earliest)) {
        *problems << problem(field, tr("The confirmations must follow each other: this one lies before the one "
                                       "before it (or before the complaint was received)."));
    }
}

void IntakeService::validateFacts(QList<FieldProblem>* problems, const IntakeFacts& facts) const
{
    if (facts.what.trimmed().isEmpty()) {
        *problems << problem("facts.what", tr("Record what happened, as the citizen confirmed it."));
    }
    for (const auto& [field, text] :
         {std::pair{"facts.what", &facts.what}, std::pair{"facts.when", &facts.when},
          std::pair{"facts.where", &facts.where}, std::pair{"facts.involved", &facts.involved}}) {
        if (text->size() > kMaxFieldChars) {
            *problems << problem(field, tr("The text is longer than %1 characters.").arg(kMaxFieldChars));
        }
    }
    checkReference(problems, "facts.involvedWindowId", ReferenceKind::Window, facts.involvedWindowId);
}

void IntakeService::validateImpact(QList<FieldProblem>* problems, const IntakeImpact& impact) const
{
    if (impact.demand.trimmed().isEmpty()) {
        *problems << problem("impact.demand", tr("Record what the citizen asks for (the demand)."));
    } else if (impact.demand.size() > kMaxFieldChars) {
        *problems << problem("impact.demand", tr("The text is longer than %1 characters.").arg(kMaxFieldChars));
    }
    if (impact.affected.size() > kMaxFieldChars) {
        *problems << problem("impact.affected", tr("The text is longer than %1 characters.").arg(kMaxFieldChars));
    }
    if (!impact.severity) {
        *problems << problem("impact.severity", tr("Choose how serious the impact is."));
    }
    if (!impact.scope) {
        *problems << problem("impact.scope", tr("Choose whom the problem reaches: one person, a group or the public."));
    }
    if (!impact.recurrence) {
        *problems << problem("impact.recurrence", tr("Choose whether this happened for the first time, again, or "
                                                     "keeps happening."));
    }
    if (!impact.reasonableness) {
        *problems << problem("impact.reasonableness", tr("Choose whether the complaint is reasonable (or still to be "
                                                         "verified)."));
    }
    if (!impact.responsibility) {
        *problems << problem("impact.responsibility", tr("Choose where responsibility lies (or that it is still to "
                                                         "be verified)."));
    }
}

void IntakeService::validatePromise(QList<FieldProblem>* problems, const QDateTime& promisedAt,
                                    const QDateTime& received, const QString& promiseReason, bool required) const
{
    if (!promisedAt.isValid()) {
        if (required) {
            *problems << problem("promisedAt", tr("Promise the citizen a time for the answer."));
        }
        return;
    }
    if (secs(promisedAt) <= secs(received)) {
        *problems << problem("promisedAt", tr("The promised time must lie after the complaint was received."));
        return;
    }
    const QDateTime latest = received.addSecs(qint64(CaseService::kAnswerDueHours) * 3600);
    if (secs(promisedAt) > secs(latest) && promiseReason.trimmed().isEmpty()) {
        *problems << problem("promiseReason", tr("The promised time is later than the %1 hours the hall allows: say "
                                                 "why.")
                                                  .arg(CaseService::kAnswerDueHours));
    }
}

QList<FieldProblem> IntakeService::validatePage(const IntakeDraft& draft, IntakePage page) const
{
    QList<FieldProblem> problems;
    const bool review = page == IntakePage::Review;
    const CaseDraft& base = draft.base;
    const IntakeConfirmations& confirmed = draft.confirmed;
    const QDateTime received = receivedAt(draft);

    if (review || page == IntakePage::Listen) {
        if (base.complaintText.trimmed().isEmpty()) {
            problems << problem("complaintText", tr("Record the complaint in the citizen's own words."));
        } else if (base.complaintText.size() > kMaxComplaintChars) {
            problems << problem("complaintText",
                                tr("The complaint text is longer than %1 characters.").arg(kMaxComplaintChars));
        }
        if (base.channel == Channel::StaffReport) {
            problems << problem("channel", tr("A problem staff saw themselves is recorded as a staff report."));
        }
        if (base.waitedMinutes && (*base.waitedMinutes < 0 || *base.waitedMinutes > kMaxWaitedMinutes)) {
            problems << problem("waitedMinutes",
                                tr("Waiting time must be between 0 and %1 minutes.").arg(kMaxWaitedMinutes));
        }
        if (base.receivedAt.isValid() && secs(base.receivedAt) > secs(m_clock.now())) {
            problems << problem("receivedAt", tr("The time received lies in the future."));
        }
        checkReference(&problems, "windowId", ReferenceKind::Window, base.windowId);
        checkReference(&problems, "serviceItemId", ReferenceKind::ServiceItem, base.serviceItemId);
        checkReference(&problems, "categoryId", ReferenceKind::Category, base.categoryId);
        if (draft.detail.queueTicket.trimmed().size() > kMaxTicketChars) {
            problems << problem("queueTicket",
                                tr("The queue ticket is longer than %1 characters.").arg(kMaxTicketChars));
        }
        if (draft.citizenId != 0) {
            if (!m_repos.cases->citizen(draft.citizenId)) {
                problems << problem("citizenId", tr("The citizen found earlier no longer exists; look them up "
                                                    "again."));
            }
        } else {
            // One field at a time, so that each message lands next to its field.
            const Citizen& c = base.citizen;
            for (const auto& [field, only] : {std::pair{"citizen.name", Citizen{0, c.name, {}, {}, {}}},
                                              std::pair{"citizen.phone", Citizen{0, {}, c.phone, {}, {}}},
                                              std::pair{"citizen.idNumber", Citizen{0, {}, {}, c.idNumber, {}}},
                                              std::pair{"citizen.address", Citizen{0, {}, {}, {}, c.address}}}) {
                for (const QString& message : CitizenValidator::problems(only)) {
                    problems << problem(field, message);
                }
            }
        }
        if (!draft.detail.emotion) {
            problems << problem("emotion", tr("Choose how the citizen sounded: it selects the acknowledgement."));
        }
        if (!confirmed.acknowledgedAt.isValid()) {
            problems << problem("acknowledgedAt", tr("Acknowledge the citizen's feelings before going on."));
        } else {
            checkConfirmation(&problems, "acknowledgedAt", confirmed.acknowledgedAt, received, true);
        }
    }
    if (review || page == IntakePage::Facts) {
        validateFacts(&problems, draft.detail.facts);
        checkConfirmation(&problems, "factsConfirmedAt", confirmed.factsConfirmedAt, confirmed.acknowledgedAt, review);
    }
    if (review || page == IntakePage::Impact) {
        validateImpact(&problems, draft.detail.impact);
        checkConfirmation(&problems, "impactConfirmedAt", confirmed.impactConfirmedAt, confirmed.factsConfirmedAt,
                          review);
    }
    if (review || page == IntakePage::Steps) {
        const IntakeSteps& steps = draft.detail.steps;
        if (base.departmentId == 0) {
            problems << problem("departmentId", tr("Choose the department responsible for the answer."));
        } else {
            checkReference(&problems, "departmentId", ReferenceKind::Department, base.departmentId);
        }
        if (draft.assigneeId != 0) {
            const auto user = m_repos.users->find(draft.assigneeId);
            if (!user || !user->active || !Permissions::allows(user->role, Permission::WorkCase)) {
                problems << problem("assigneeId", tr("Cases can only be assigned to an active clerk or supervisor."));
            }
        }
        const bool onSpot = draft.detail.resolvedOnSpot;
        if (!onSpot && base.steps.trimmed().isEmpty()) {
            problems << problem("steps", tr("Explain the next steps to the citizen."));
        } else if (base.steps.size() > kMaxFieldChars) {
            problems << problem("steps", tr("The text is longer than %1 characters.").arg(kMaxFieldChars));
        }
        validatePromise(&problems, base.promisedAt, received, steps.promiseReason, !onSpot);
        if (onSpot) {
            if (draft.onSpotResolution.trimmed().isEmpty()) {
                problems << problem("onSpotResolution", tr("Describe what was done for the citizen on the spot."));
            }
            if (steps.remedies.isEmpty()) {
                problems << problem("steps.remedies", tr("Choose the remedy given on the spot."));
            }
        }
        if (steps.remedies.contains(Remedy::Other) && steps.remedyNote.trimmed().isEmpty()) {
            problems << problem("steps.remedyNote", tr("Describe the other remedy."));
        }
        checkConfirmation(&problems, "stepsExplainedAt", confirmed.stepsExplainedAt, confirmed.impactConfirmedAt,
                          review);
    }
    return problems;
}

QString IntakeService::restateFacts(const IntakeFacts& facts, const QString& serviceItemName, const QString& windowName)
{
    // Said aloud to the citizen and kept on the case: Chinese whatever the interface language (like the scripts).
    QStringList parts;
    if (const QString when = clause(facts.when); !when.isEmpty()) {
        parts << when;
    }
    QString place = clause(facts.where);
    if (place.isEmpty()) {
        place = clause(windowName);
    }
    QString scene;
    if (!place.isEmpty()) {
        scene = place.startsWith(QStringLiteral("在")) ? place : QStringLiteral("在") + place;
    }
    if (const QString item = clause(serviceItemName); !item.isEmpty()) {
        scene += QStringLiteral("办理") + item + QStringLiteral("时");
    }
    if (!scene.isEmpty()) {
        parts << scene;
    }
    QString what = clause(facts.what);
    const QString involved = clause(facts.involved);
    if (!involved.isEmpty() && !what.contains(involved)) {
        what = what.isEmpty() ? QString(QStringLiteral("涉及") + involved)
                              : QString(what + QStringLiteral("（涉及：") + involved + QStringLiteral("）"));
    }
    if (!what.isEmpty()) {
        parts << what;
    }
    if (what.isEmpty() && parts.isEmpty()) {
        return {};
    }
    return kFactsLead.toString() + parts.join(QStringLiteral("，")) + kQuestionTail.toString();
}

QString IntakeService::restateImpact(const IntakeImpact& impact)
{
    // Said aloud to the citizen: who and how badly, how often, and what they ask for. The hall's own judgement
    // (reasonableness, responsibility) is not part of it.
    QStringList parts;
    if (const QString affected = clause(impact.affected); !affected.isEmpty()) {
        parts << QStringLiteral("这件事影响到") + affected;
    }
    if (impact.scope) {
        switch (*impact.scope) {
        case ImpactScope::Individual:
            if (parts.isEmpty()) {
                parts << QStringLiteral("这件事影响到您本人");
            }
            break;
        case ImpactScope::Group:
            parts << QStringLiteral("涉及一批办事群众");
            break;
        case ImpactScope::Public:
            parts << QStringLiteral("涉及广大办事群众");
            break;
        }
    }
    if (impact.severity) {
        switch (*impact.severity) {
        case Severity::Minor:
            parts << QStringLiteral("影响较轻");
            break;
        case Severity::Moderate:
            parts << QStringLiteral("造成了一定影响");
            break;
        case Severity::Serious:
            parts << QStringLiteral("影响比较严重");
            break;
        case Severity::Critical:
            parts << QStringLiteral("影响非常严重");
            break;
        }
    }
    if (impact.recurrence) {
        switch (*impact.recurrence) {
        case Recurrence::First:
            parts << QStringLiteral("这是第一次遇到");
            break;
        case Recurrence::Repeat:
            parts << QStringLiteral("之前也遇到过");
            break;
        case Recurrence::Systemic:
            parts << QStringLiteral("这种情况反复出现");
            break;
        }
    }
    const QString demand = clause(impact.demand);
    if (parts.isEmpty() && demand.isEmpty()) {
        return {};
    }
    QString sentence = kImpactLead.toString();
    sentence += parts.join(QStringLiteral("，"));
    if (!demand.isEmpty()) {
        sentence += (parts.isEmpty() ? QString() : QStringLiteral("；")) + QStringLiteral("您希望") + demand;
    }
    return sentence + kQuestionTail.toString();
}

Result<QList<Citizen>> IntakeService::findCitizens(const QString& phoneOrIdNumber)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewPersonalData)) {
        return *denied;
    }
    const QString typed = phoneOrIdNumber.trimmed();
    static const QRegularExpression phoneShape(QStringLiteral("^\\d{7,20}$"));
    static const QRegularExpression idShape(QStringLiteral("^\\d{17}[\\dX]$"));
    QString phoneKey = CitizenValidator::normalizedPhone(typed);
    QString idNumber = CitizenValidator::normalizedIdNumber(typed);
    if (!phoneShape.match(phoneKey).hasMatch()) {
        phoneKey.clear();
    }
    if (!idShape.match(idNumber).hasMatch()) {
        idNumber.clear();
    }
    if (phoneKey.isEmpty() && idNumber.isEmpty()) {
        return QList<Citizen>{};
    }
    // Every citizen shown is a read of personal data: audited in the read's own transaction (no entry, no data).
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto found = m_repos.cases->findCitizens(phoneKey, idNumber, kFoundCitizensLimit);
    if (!found) {
        return found.error();
    }
    for (const Citizen& c : *found) {
        const bool byId = !idNumber.isEmpty() && c.idNumber == idNumber;
        if (auto a = m_audit.record(
                m_session, QStringLiteral("citizen.read"), QStringLiteral("citizen"), c.id,
                {{QStringLiteral("lookup"), byId ? QStringLiteral("id_number") : QStringLiteral("phone")}});
            !a) {
            return a.error();
        }
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return found;
}

Result<QList<Case>> IntakeService::citizenCases(qint64 citizenId, int limit)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    if (citizenId == 0) {
        return QList<Case>{};
    }
    return m_repos.cases->citizenCases(citizenId, limit);
}

Result<QList<Case>> IntakeService::similarCases(qint64 serviceItemId, qint64 categoryId, int limit)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    if (serviceItemId == 0 || categoryId == 0) {
        return QList<Case>{};
    }
    return m_repos.cases->similarCases(serviceItemId, categoryId, m_clock.now().addDays(-kSimilarCasesDays), limit);
}

Result<Case> IntakeService::submit(const IntakeDraft& draft)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::CreateCase)) {
        return *denied;
    }
    if (const auto problems = validatePage(draft, IntakePage::Review); !problems.isEmpty()) {
        return Error::make(Error::Code::Invalid, joined(problems));
    }
    const QDateTime now = m_clock.now();
    const CaseDraft& base = draft.base;
    const IntakeConfirmations& confirmed = draft.confirmed;
    const auto stamp = [](const QDateTime& t) {
        return QDateTime::fromSecsSinceEpoch(secs(t));
    };
    const bool onSpot = draft.detail.resolvedOnSpot;

    CaseService::NewCase n;
    Case& c = n.c;
    c.status = onSpot ? CaseStatus::Resolved : CaseStatus::Acknowledged;
    c.channel = base.channel;
    c.window.id = base.windowId;
    c.serviceItem.id = base.serviceItemId;
    c.category.id = base.categoryId;
    c.department.id = base.departmentId;
    c.assignee.id = draft.assigneeId != 0 ? draft.assigneeId : m_session.userId();
    c.createdBy = m_session.actor();
    c.waitedMinutes = base.waitedMinutes;
    c.complaintText = base.complaintText.trimmed();

    IntakeDetail& detail = c.intake;
    detail = draft.detail;
    detail.facts.what = detail.facts.what.trimmed();
    detail.facts.when = detail.facts.when.trimmed();
    detail.facts.where = detail.facts.where.trimmed();
    detail.facts.involved = detail.facts.involved.trimmed();
    detail.impact.affected = detail.impact.affected.trimmed();
    detail.impact.demand = detail.impact.demand.trimmed();
    detail.steps.remedyNote = detail.steps.remedyNote.trimmed();
    detail.steps.promiseReason = detail.steps.promiseReason.trimmed();
    detail.steps.replyText = detail.steps.replyText.trimmed();
    detail.queueTicket = detail.queueTicket.trimmed();

    c.facts = base.facts.trimmed();
    if (c.facts.isEmpty()) {
        c.facts = restateFacts(detail.facts, referenceName(ReferenceKind::ServiceItem, base.serviceItemId),
                               referenceName(ReferenceKind::Window, detail.facts.involvedWindowId != 0
                                                                        ? detail.facts.involvedWindowId
                                                                        : base.windowId));
    }
    c.impact = base.impact.trimmed();
    if (c.impact.isEmpty()) {
        c.impact = restateImpact(detail.impact);
    }
    c.steps = base.steps.trimmed();
    if (c.steps.isEmpty() && onSpot) {
        c.steps = draft.onSpotResolution.trimmed();
    }

    c.receivedAt = stamp(receivedAt(draft));
    c.acknowledgedAt = stamp(confirmed.acknowledgedAt);
    c.answeredAt = stamp(confirmed.stepsExplainedAt); // a concrete answer or timetable was given then
    c.promisedAt = base.promisedAt.isValid() ? stamp(base.promisedAt) : QDateTime();
    if (onSpot) {
        c.resolvedAt = now;
    }
    c.updatedAt = now;
    if (draft.citizenId != 0) {
        c.citizenId = draft.citizenId;
    } else {
        n.citizen = base.citizen;
    }
    n.createdAt = c.receivedAt;

    // Each confirmation is its own timeline event with its own time.
    const Ref actor = m_session.actor();
    const auto event = [&](CaseEventKind kind, const QDateTime& at, const QString& note,
                           std::optional<CaseStatus> from = std::nullopt, std::optional<CaseStatus> to = std::nullopt) {
        CaseEvent e;
        e.at = at;
        e.kind = kind;
        e.actor = actor;
        e.fromStatus = from;
        e.toStatus = to;
        e.note = note;
        n.events.append(e);
    };
    event(CaseEventKind::Acknowledged, c.acknowledgedAt, QString(), CaseStatus::Received, CaseStatus::Acknowledged);
    event(CaseEventKind::FactsConfirmed, stamp(confirmed.factsConfirmedAt), c.facts);
    event(CaseEventKind::ImpactConfirmed, stamp(confirmed.impactConfirmedAt), c.impact);
    event(CaseEventKind::StepsConfirmed, stamp(confirmed.stepsExplainedAt), c.steps);
    if (onSpot) {
        event(CaseEventKind::Resolved, now, draft.onSpotResolution.trimmed(), CaseStatus::Acknowledged,
              CaseStatus::Resolved);
    }
    n.auditDetail = {{QStringLiteral("intake"), true},
                     {QStringLiteral("resolved_on_spot"), onSpot},
                     {QStringLiteral("known_citizen"), draft.citizenId != 0}};
    if (onSpot) {
        n.auditDetail.insert(QStringLiteral("remedies"), IntakeCodes::codes(detail.steps.remedies));
    }
    CaseService cases(m_session, m_repos, m_clock);
    return cases.store(std::move(n));
}

QList<FieldProblem> IntakeService::validateStaffReport(const StaffReportDraft& draft) const
{
    QList<FieldProblem> problems;
    if (draft.whatHappened.trimmed().isEmpty()) {
        problems << problem("whatHappened", tr("Describe what you saw; thank you for reporting it."));
    } else if (draft.whatHappened.size() > kMaxComplaintChars) {
        problems << problem("whatHappened", tr("The text is longer than %1 characters.").arg(kMaxComplaintChars));
    }
    if (draft.suggestion.size() > kMaxFieldChars) {
        problems << problem("suggestion", tr("The text is longer than %1 characters.").arg(kMaxFieldChars));
    }
    checkReference(&problems, "windowId", ReferenceKind::Window, draft.windowId);
    checkReference(&problems, "serviceItemId", ReferenceKind::ServiceItem, draft.serviceItemId);
    checkReference(&problems, "categoryId", ReferenceKind::Category, draft.categoryId);
    return problems;
}

Result<Case> IntakeService::submitStaffReport(const StaffReportDraft& draft)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::CreateCase)) {
        return *denied;
    }
    if (const auto problems = validateStaffReport(draft); !problems.isEmpty()) {
        return Error::make(Error::Code::Invalid, joined(problems));
    }
    const QDateTime now = m_clock.now();
    CaseService::NewCase n;
    Case& c = n.c;
    c.status = CaseStatus::Received;
    c.channel = Channel::StaffReport;
    c.window.id = draft.windowId;
    c.serviceItem.id = draft.serviceItemId;
    c.category.id = draft.categoryId;
    c.assignee.id = m_session.userId();
    c.createdBy = m_session.actor();
    // Stored text, the same in every interface language; it describes the problem, never blames the reporter.
    c.complaintText = draft.whatHappened.trimmed();
    if (const QString suggestion = draft.suggestion.trimmed(); !suggestion.isEmpty()) {
        c.complaintText += QStringLiteral("\n\n改进建议：") + suggestion;
    }
    c.receivedAt = now;
    c.updatedAt = now;
    n.createdAt = now;
    n.auditDetail = {{QStringLiteral("staff_report"), true}};
    CaseService cases(m_session, m_repos, m_clock);
    auto stored = cases.store(std::move(n));
    return stored;
}

QList<FieldProblem> IntakeService::validateAmendment(const IntakeAmendment& amendment, const Case& c) const
{
    QList<FieldProblem> problems;
    switch (amendment.part) {
    case IntakePart::Facts:
        validateFacts(&problems, amendment.detail.facts);
        break;
    case IntakePart::Impact:
        validateImpact(&problems, amendment.detail.impact);
        break;
    case IntakePart::Steps: {
        const bool onSpot = c.intake.resolvedOnSpot;
        if (!onSpot && amendment.restatement.trimmed().isEmpty()) {
            problems << problem("restatement", tr("Explain the next steps to the citizen."));
        }
        validatePromise(&problems, amendment.promisedAt, c.receivedAt, amendment.detail.steps.promiseReason, !onSpot);
        if (amendment.detail.steps.remedies.contains(Remedy::Other) &&
            amendment.detail.steps.remedyNote.trimmed().isEmpty()) {
            problems << problem("steps.remedyNote", tr("Describe the other remedy."));
        }
        break;
    }
    }
    if (amendment.restatement.size() > kMaxFieldChars) {
        problems << problem("restatement", tr("The text is longer than %1 characters.").arg(kMaxFieldChars));
    }
    return problems;
}

Result<Case> IntakeService::amend(qint64 caseId, const IntakeAmendment& amendment)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    // Checked under the write lock, on the current state of the case (as CaseService::perform does).
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::WorkCase)) {
        return *denied;
    }
    auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error();
    }
    Case c = std::move(found).value();
    if (c.version != amendment.expectedVersion) {
        return Error::make(Error::Code::Conflict,
                           tr("Case %1 was changed by someone else after you opened it; reopen it to see the "
                              "changes, then amend again.")
                               .arg(c.caseNo));
    }
    if (c.status == CaseStatus::Closed) {
        return Error::make(Error::Code::InvalidTransition,
                           tr("Case %1 is closed; reopen it before amending it.").arg(c.caseNo));
    }
    if (const auto problems = validateAmendment(amendment, c); !problems.isEmpty()) {
        return Error::make(Error::Code::Invalid, joined(problems));
    }

    const QDateTime now = m_clock.now();
    const QString restatement = amendment.restatement.trimmed();
    CaseEvent event;
    event.caseId = c.id;
    event.at = now;
    event.actor = m_session.actor();
    QJsonObject detail{{QStringLiteral("case_no"), c.caseNo}, {QStringLiteral("version"), c.version}};
    switch (amendment.part) {
    case IntakePart::Facts: {
        IntakeFacts facts = amendment.detail.facts;
        facts.what = facts.what.trimmed();
        facts.when = facts.when.trimmed();
        facts.where = facts.where.trimmed();
        facts.involved = facts.involved.trimmed();
        c.intake.facts = facts;
        c.facts = !restatement.isEmpty()
                      ? restatement
                      : restateFacts(facts, c.serviceItem.name,
                                     referenceName(ReferenceKind::Window,
                                                   facts.involvedWindowId != 0 ? facts.involvedWindowId : c.window.id));
        event.kind = CaseEventKind::FactsAmended;
        event.note = c.facts;
        break;
    }
    case IntakePart::Impact: {
        IntakeImpact impact = amendment.detail.impact;
        impact.affected = impact.affected.trimmed();
        impact.demand = impact.demand.trimmed();
        c.intake.impact = impact;
        c.impact = !restatement.isEmpty() ? restatement : restateImpact(impact);
        event.kind = CaseEventKind::ImpactAmended;
        event.note = c.impact;
        break;
    }
    case IntakePart::Steps: {
        IntakeSteps steps = amendment.detail.steps;
        steps.remedyNote = steps.remedyNote.trimmed();
        steps.promiseReason = steps.promiseReason.trimmed();
        steps.replyText = steps.replyText.trimmed();
        c.intake.steps = steps;
        if (!restatement.isEmpty()) {
            c.steps = restatement;
        }
        if (amendment.promisedAt.isValid()) {
            if (c.promisedAt.isValid()) {
                detail.insert(QStringLiteral("previous_promised_at"), c.promisedAt.toSecsSinceEpoch());
            }
            c.promisedAt = QDateTime::fromSecsSinceEpoch(secs(amendment.promisedAt));
            detail.insert(QStringLiteral("promised_at"), c.promisedAt.toSecsSinceEpoch());
        }
        event.kind = CaseEventKind::StepsAmended;
        event.note = c.steps;
        break;
    }
    }
    if (const QString why = amendment.note.trimmed(); !why.isEmpty()) {
        event.note = event.note.isEmpty() ? why : event.note + QStringLiteral(" \u00b7 ") + why;
    }
    c.updatedAt = now;
    // Every edit of the text is scored again (issue 16): the new score is written with the amendment.
    RiskService risk(m_session, m_repos, m_clock);
    const auto riskChange = risk.rescore(c);
    if (!riskChange) {
        return riskChange.error();
    }
    if (auto updated = m_repos.cases->update(c); !updated) {
        return updated.error();
    }
    if (auto e = m_repos.cases->addEvent(event); !e) {
        return e.error();
    }
    if (auto scored = risk.record(c, *riskChange); !scored) {
        return scored.error();
    }
    if (auto a = m_audit.record(m_session, amendmentAction(amendment.part), QStringLiteral("case"), c.id, detail); !a) {
        return a.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.cases->find(c.id);
}
