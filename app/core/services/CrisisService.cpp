#include "services/CrisisService.h"

#include "cases/CaseEvent.h"
#include "common/Clock.h"
#include "improvement/Improvement.h"
#include "repositories/CaseRepository.h"
#include "repositories/CrisisRepository.h"
#include "repositories/ReplyRuleRepository.h"
#include "repositories/SlaPolicyRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/ImprovementService.h"
#include "sla/SlaPolicy.h"

#include <QJsonArray>

#include <algorithm>

namespace {
Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}

QJsonArray caseIdsOf(const CrisisDetail& d)
{
    QJsonArray a;
    for (const CrisisCase& c : d.cases) {
        a.append(c.caseId);
    }
    return a;
}

QString crisisFact(const Crisis& k)
{
    return QStringLiteral("危机#%1").arg(k.id);
}

QString clipped(const QString& text, int chars)
{
    const QString simple = text.simplified();
    return simple.size() > chars ? simple.left(chars - 1) + QChar(0x2026) : simple;
}
} // namespace

CrisisService::CrisisService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Result<int> CrisisService::goldenHours()
{
    const auto policy = SlaPolicies::current(m_repos);
    if (!policy) {
        return policy.error();
    }
    return policy->crisisGoldenHours == Crises::kStrictGoldenHours ? Crises::kStrictGoldenHours
                                                                   : Crises::kDefaultGoldenHours;
}

Result<CrisisDetail> CrisisService::load(qint64 id)
{
    CrisisDetail d;
    auto crisis = m_repos.crises->find(id);
    if (!crisis) {
        return crisis.error();
    }
    d.crisis = std::move(crisis).value();
    auto cases = m_repos.crises->cases(id);
    if (!cases) {
        return cases.error();
    }
    d.cases = std::move(cases).value();
    auto steps = m_repos.crises->steps(id);
    if (!steps) {
        return steps.error();
    }
    d.steps = std::move(steps).value();
    auto statements = m_repos.crises->statements(id);
    if (!statements) {
        return statements.error();
    }
    d.statements = std::move(statements).value();
    auto review = m_repos.crises->review(id);
    if (!review) {
        return review.error();
    }
    d.review = std::move(review).value();
    return d;
}

Result<CrisisDetail> CrisisService::detail(qint64 id)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageCrises)) {
        return *denied;
    }
    return load(id);
}

Result<QList<Crisis>> CrisisService::list(bool openOnly, int limit)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageCrises)) {
        return *denied;
    }
    return m_repos.crises->list(openOnly, limit);
}

Result<std::optional<Crisis>> CrisisService::crisisOfCase(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    const auto id = m_repos.crises->crisisOfCase(caseId);
    if (!id) {
        return id.error();
    }
    if (*id == 0) {
        return std::optional<Crisis>();
    }
    auto crisis = m_repos.crises->find(*id);
    if (!crisis) {
        return crisis.error();
    }
    return std::optional<Crisis>(std::move(crisis).value());
}

Result<CrisisDetail> CrisisService::loadForChange(qint64 id, bool mustBeOpen)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageCrises)) {
        return *denied;
    }
    auto d = load(id);
    if (!d) {
        return d;
    }
    if (mustBeOpen && !d->crisis.isOpen()) {
        return invalid(tr("The crisis \"%1\" was closed on %2.")
                           .arg(d->crisis.title, d->crisis.closedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }
    return d;
}

Status CrisisService::record(const CrisisDetail& d, CaseEventKind kind, const QString& note, const QString& verb,
                             QJsonObject auditDetail)
{
    const QDateTime now = m_clock.now();
    for (const CrisisCase& c : d.cases) {
        CaseEvent event;
        event.caseId = c.caseId;
        event.at = now;
        event.kind = kind;
        event.actor = m_session.actor();
        event.fromStatus = c.status;
        event.toStatus = c.status;
        event.note = note;
        if (auto e = m_repos.cases->addEvent(event); !e) {
            return e.error();
        }
    }
    auditDetail.insert(QStringLiteral("title"), d.crisis.title);
    auditDetail.insert(QStringLiteral("cases"), caseIdsOf(d));
    return m_audit.record(m_session, QStringLiteral("crisis.") + verb, QStringLiteral("crisis"), d.crisis.id,
                          auditDetail);
}

Result<CrisisDetail> CrisisService::change(qint64 id, bool mustBeOpen, const Change& apply)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto d = loadForChange(id, mustBeOpen);
    if (!d) {
        return d;
    }
    if (auto s = apply(*d); !s) {
        return s.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return load(id);
}

Result<CrisisDetail> CrisisService::open(const QList<qint64>& caseIdsIn, const QString& titleIn)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageCrises)) {
        return *denied;
    }
    QList<qint64> caseIds = caseIdsIn;
    std::sort(caseIds.begin(), caseIds.end());
    caseIds.erase(std::unique(caseIds.begin(), caseIds.end()), caseIds.end());
    if (caseIds.isEmpty()) {
        return invalid(tr("Choose at least one case for crisis mode."));
    }
    if (caseIds.size() > Crises::kMaxCases) {
        return invalid(tr("A crisis covers at most %1 cases.").arg(Crises::kMaxCases));
    }
    QStringList caseNos;
    for (qint64 caseId : caseIds) {
        const auto found = m_repos.cases->find(caseId);
        if (!found) {
            return found.error().code == Error::Code::NotFound ? invalid(tr("Case %1 does not exist.").arg(caseId))
                                                               : found.error();
        }
        const auto inCrisis = m_repos.crises->openCrisisOfCase(caseId);
        if (!inCrisis) {
            return inCrisis.error();
        }
        if (*inCrisis != 0) {
            const auto other = m_repos.crises->find(*inCrisis);
            return Error::make(Error::Code::Conflict,
                               tr("Case %1 is already in the open crisis \"%2\"; open that one instead.")
                                   .arg(found->caseNo, other ? other->title : QString::number(*inCrisis)));
        }
        caseNos << found->caseNo;
    }
    const QString title = titleIn.trimmed().isEmpty() ? Crises::defaultTitle(caseNos) : titleIn.trimmed();
    if (title.size() > Crises::kMaxTitleChars) {
        return invalid(tr("The title is longer than %1 characters.").arg(Crises::kMaxTitleChars));
    }
    const auto hours = goldenHours();
    if (!hours) {
        return hours.error();
    }
    Crisis k;
    k.title = title;
    k.openedAt = m_clock.now();
    k.openedBy = m_session.actor();
    k.goldenHours = *hours;
    const auto id = m_repos.crises->insert(k);
    if (!id) {
        return id.error();
    }
    for (qint64 caseId : caseIds) {
        if (auto s = m_repos.crises->addCase(*id, caseId); !s) {
            return s.error();
        }
    }
    auto d = load(*id);
    if (!d) {
        return d;
    }
    const QString fact = QStringLiteral("%1 · 黄金%2小时").arg(crisisFact(d->crisis)).arg(k.goldenHours);
    QJsonArray numbers;
    for (const QString& n : caseNos) {
        numbers.append(n);
    }
    if (auto s = record(*d, CaseEventKind::CrisisOpened, CaseEventNotes::withFact(fact, title), QStringLiteral("open"),
                        {{QStringLiteral("golden_hours"), k.goldenHours}, {QStringLiteral("case_nos"), numbers}});
        !s) {
        return s.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return load(*id);
}

Result<CrisisDetail> CrisisService::doStep(qint64 id, CrisisStep step, const QString& noteIn)
{
    const QString note = noteIn.trimmed();
    return change(id, true, [&](CrisisDetail& d) -> Status {
        if (const auto* done = d.step(step)) {
            return invalid(tr("\"%1\" was already done on %2 by %3.")
                               .arg(CrisisSteps::label(step), done->doneAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                    done->doneBy.name));
        }
        if (note.size() > Crises::kMaxNoteChars) {
            return invalid(tr("The note is longer than %1 characters.").arg(Crises::kMaxNoteChars));
        }
        if (step == CrisisStep::NameSpokesperson) {
            if (note.isEmpty()) {
                return invalid(tr("Write the spokesperson's name in the note."));
            }
            if (note.size() > 100) {
                return invalid(tr("The spokesperson's name is longer than %1 characters.").arg(100));
            }
        }
        CrisisStepRecord r{step, m_clock.now(), m_session.actor(), note};
        if (auto s = m_repos.crises->addStep(d.crisis.id, r); !s) {
            return s;
        }
        if (step == CrisisStep::NameSpokesperson) {
            if (auto s = m_repos.crises->setSpokesperson(d.crisis.id, note); !s) {
                return s;
            }
        }
        return record(d, CaseEventKind::CrisisStepDone, CaseEventNotes::withFact(CrisisSteps::storedName(step), note),
                      QStringLiteral("step"), {{QStringLiteral("step"), CrisisSteps::code(step)}});
    });
}

Result<StatementChecker> CrisisService::checkerFor(const CrisisDetail& d)
{
    QList<ReplyRule> rules;
    if (m_repos.replyRules) {
        auto stored = m_repos.replyRules->list(false);
        if (!stored) {
            return stored.error();
        }
        rules = std::move(stored).value();
    }
    if (rules.isEmpty()) {
        rules = ReplyChecker::defaultRules();
    }
    QList<Citizen> citizens;
    QStringList keep;
    for (const CrisisCase& c : d.cases) {
        if (c.citizenId != 0) {
            auto citizen = m_repos.cases->citizen(c.citizenId);
            if (!citizen) {
                return citizen.error();
            }
            citizens << *citizen;
        }
        if (!c.serviceItem.isEmpty()) {
            keep << c.serviceItem;
        }
    }
    return StatementChecker(std::move(rules), citizens, keep);
}

Result<StatementCheck> CrisisService::checkStatement(qint64 id, const QString& text)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageCrises)) {
        return *denied;
    }
    auto d = load(id);
    if (!d) {
        return d.error();
    }
    auto checker = checkerFor(*d);
    if (!checker) {
        return checker.error();
    }
    return checker->check(text);
}

Result<CrisisDetail> CrisisService::publish(qint64 id, StatementKind kind, const QString& textIn)
{
    const QString text = textIn.trimmed();
    return change(id, true, [&](CrisisDetail& d) -> Status {
        if (text.size() > Crises::kMaxStatementChars) {
            return invalid(tr("The statement is longer than %1 characters.").arg(Crises::kMaxStatementChars));
        }
        auto checker = checkerFor(d);
        if (!checker) {
            return checker.error();
        }
        const StatementCheck check = checker->check(text);
        if (const QString refusal = check.refusal(); !refusal.isEmpty()) {
            return invalid(refusal);
        }
        const QDateTime now = m_clock.now();
        CrisisStatement s;
        s.crisisId = d.crisis.id;
        s.kind = kind;
        s.text = text;
        s.publishedAt = now;
        s.by = m_session.actor();
        const auto statementId = m_repos.crises->addStatement(s);
        if (!statementId) {
            return statementId.error();
        }
        const bool first = !d.crisis.statementAt.isValid();
        if (first) {
            if (auto m = m_repos.crises->markFirstStatement(d.crisis.id, now); !m) {
                return m;
            }
        }
        GoldenClock clock = d.crisis.clock();
        clock.stoppedAt = first ? now : d.crisis.statementAt;
        QString fact = StatementKinds::storedName(kind);
        if (first) {
            fact += clock.isOverdue(now) ? QStringLiteral(" · 首次发布（超出黄金时间）")
                                         : QStringLiteral(" · 首次发布（黄金时间内）");
        }
        return record(d, CaseEventKind::CrisisStatement, CaseEventNotes::withFact(fact, clipped(text, 300)),
                      QStringLiteral("statement"),
                      {{QStringLiteral("statement"), *statementId},
                       {QStringLiteral("kind"), StatementKinds::code(kind)},
                       {QStringLiteral("first"), first},
                       {QStringLiteral("within_golden_hours"), !clock.isOverdue(now)}});
    });
}

Result<CrisisDetail> CrisisService::close(qint64 id, const QString& noteIn)
{
    const QString note = noteIn.trimmed();
    return change(id, true, [&](CrisisDetail& d) -> Status {
        if (note.size() > Crises::kMaxNoteChars) {
            return invalid(tr("The note is longer than %1 characters.").arg(Crises::kMaxNoteChars));
        }
        if (auto s = m_repos.crises->close(d.crisis.id, m_clock.now(), m_session.actor(), note); !s) {
            return s;
        }
        QJsonObject detail{{QStringLiteral("statements"), int(d.statements.size())},
                           {QStringLiteral("steps"), int(d.steps.size())}};
        if (d.crisis.statementAt.isValid()) {
            detail.insert(QStringLiteral("statement_at"), d.crisis.statementAt.toSecsSinceEpoch());
        }
        return record(d, CaseEventKind::CrisisClosed, CaseEventNotes::withFact(crisisFact(d.crisis), note),
                      QStringLiteral("close"), detail);
    });
}

Result<CrisisDetail> CrisisService::review(qint64 id, const CrisisReviewDraft& draft)
{
    return change(id, false, [&](CrisisDetail& d) -> Status {
        if (d.crisis.isOpen()) {
            return invalid(tr("Close the crisis before its review."));
        }
        if (d.review) {
            return invalid(tr("The crisis \"%1\" was reviewed already on %2.")
                               .arg(d.crisis.title, d.review->reviewedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        }
        CrisisReview r;
        r.whatHappened = draft.whatHappened.trimmed();
        r.whatWorked = draft.whatWorked.trimmed();
        r.whatDidNot = draft.whatDidNot.trimmed();
        if (r.whatHappened.isEmpty()) {
            return invalid(tr("Write what happened."));
        }
        for (const QString* t : {&r.whatHappened, &r.whatWorked, &r.whatDidNot}) {
            if (t->size() > Crises::kMaxReviewChars) {
                return invalid(tr("A field of the review is longer than %1 characters.").arg(Crises::kMaxReviewChars));
            }
        }
        QList<CrisisLessonDraft> lessons;
        for (const CrisisLessonDraft& l : draft.lessons) {
            CrisisLessonDraft t = l;
            t.text = l.text.trimmed();
            if (!t.text.isEmpty()) {
                lessons << t;
            }
        }
        if (lessons.size() > Crises::kMaxLessons) {
            return invalid(tr("A review keeps at most %1 lessons.").arg(Crises::kMaxLessons));
        }
        const QDate today = m_clock.now().date();
        QList<qint64> caseIds;
        for (const CrisisCase& c : d.cases) {
            caseIds << c.caseId;
        }
        QJsonArray actions;
        ImprovementService improvements(m_session, m_repos, m_clock);
        for (const CrisisLessonDraft& l : lessons) {
            if (l.text.size() > Improvements::kMaxTitleChars) {
                return invalid(tr("A lesson is longer than %1 characters.").arg(Improvements::kMaxTitleChars));
            }
            CrisisLesson lesson{l.text, 0};
            if (l.makeAction) {
                if (l.ownerDepartmentId == 0) {
                    return invalid(tr("Choose the department that owns the action for the lesson \"%1\".").arg(l.text));
                }
                ImprovementDraft action;
                action.title = l.text;
                action.description = QStringLiteral("危机处置复盘（%1）的经验教训：%2").arg(d.crisis.title, l.text);
                action.ownerDepartmentId = l.ownerDepartmentId;
                action.deadline = l.deadline.isValid() ? l.deadline : today.addDays(30);
                action.source = ImprovementSource::Case;
                action.caseIds = caseIds;
                const auto created = improvements.create(action);
                if (!created) {
                    return created.error();
                }
                lesson.improvementId = created->id;
                actions.append(created->id);
            }
            r.lessons << lesson;
        }
        r.reviewedAt = m_clock.now();
        r.reviewedBy = m_session.actor();
        if (auto s = m_repos.crises->saveReview(d.crisis.id, r); !s) {
            return s;
        }
        const QString fact = QStringLiteral("%1 · %2条经验教训").arg(crisisFact(d.crisis)).arg(r.lessons.size());
        return record(d, CaseEventKind::CrisisReviewed, CaseEventNotes::withFact(fact, clipped(r.whatHappened, 200)),
                      QStringLiteral("review"),
                      {{QStringLiteral("lessons"), int(r.lessons.size())}, {QStringLiteral("improvements"), actions}});
    });
}
