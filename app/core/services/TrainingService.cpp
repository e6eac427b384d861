#include "services/TrainingService.h"

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "common/Clock.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/TrainingRepository.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/HallWords.h"
#include "training/TrainingSet.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace {
Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}

/** Joins the non-empty parts with the separator. */
QString joined(const QStringList& parts, const QString& separator)
{
    QStringList kept;
    for (const QString& p : parts) {
        if (!p.trimmed().isEmpty()) {
            kept << p.trimmed();
        }
    }
    return kept.join(separator);
}

/** The first sentence of a text (up to and including 。！？!?), or the whole text. */
QString firstSentence(const QString& text)
{
    static const QRegularExpression end(QStringLiteral("[。！？!?]"));
    const QString t = text.trimmed();
    const auto m = end.match(t);
    return m.hasMatch() ? t.left(m.capturedEnd()) : t;
}

// The stages' texts are stored data that travel between halls, in the hall's language (Chinese), like the
// anonymizer's masks: not tr().
QString severityWords(const std::optional<Severity>& s)
{
    if (!s) {
        return {};
    }
    switch (*s) {
    case Severity::Minor:
        return QStringLiteral(u"影响不算大");
    case Severity::Moderate:
        return QStringLiteral(u"影响一般");
    case Severity::Serious:
        return QStringLiteral(u"影响很严重");
    case Severity::Critical:
        return QStringLiteral(u"影响特别重大");
    }
    return {};
}

/** The facts as the citizen would say them (IntakeFacts), else the case's restatement. */
QString citizenFacts(const Case& c)
{
    const IntakeFacts& f = c.intake.facts;
    const QString said = joined({f.when, f.where.isEmpty() ? QString() : QStringLiteral(u"在") + f.where, f.what},
                                QStringLiteral(u"，"));
    QString text = said.isEmpty() ? QString() : said + QStringLiteral(u"。");
    if (!f.involved.trimmed().isEmpty()) {
        text += QStringLiteral(u"当时是%1。").arg(f.involved.trimmed());
    }
    return text.isEmpty() ? c.facts : text;
}

QString citizenImpact(const Case& c)
{
    const IntakeImpact& i = c.intake.impact;
    QStringList parts;
    if (!i.affected.trimmed().isEmpty()) {
        parts << QStringLiteral(u"受影响的是%1").arg(i.affected.trimmed());
    }
    parts << severityWords(i.severity);
    QString text = joined(parts, QStringLiteral(u"，"));
    if (!text.isEmpty()) {
        text += QStringLiteral(u"。");
    }
    if (!i.demand.trimmed().isEmpty()) {
        text += QStringLiteral(u"我的诉求是：%1。").arg(i.demand.trimmed());
    }
    return text.isEmpty() ? c.impact : text;
}

QString citizenSteps(const Case& c)
{
    QString text = QStringLiteral(u"那接下来怎么处理？什么时候能给我一个结果？");
    if (!c.intake.impact.demand.trimmed().isEmpty()) {
        text += QStringLiteral(u"我希望%1。").arg(c.intake.impact.demand.trimmed());
    }
    return text;
}

QString modelSteps(const Case& c)
{
    QStringList parts{c.steps, c.intake.steps.replyText};
    if (c.promisedAt.isValid()) {
        parts << QStringLiteral(u"我们会在%1前给您答复。")
                     .arg(c.promisedAt.toString(QStringLiteral(u"yyyy年M月d日 HH:mm")));
    }
    return joined(parts, QStringLiteral("\n"));
}

/** What kind of data a leak is, for the message (never the value itself). */
QString leakKind(const QString& leak, const QList<KnownPerson>& people, const QString& address)
{
    if (!address.isEmpty() && leak == address) {
        return TrainingService::tr("the citizen's address");
    }
    for (const KnownPerson& p : people) {
        if (p.name.trimmed() == leak) {
            return p.kind == KnownPerson::Kind::Citizen ? TrainingService::tr("the citizen's name")
                                                        : TrainingService::tr("a staff member's name");
        }
    }
    return TrainingService::tr("a known phone or ID number");
}
} // namespace

TrainingService::TrainingService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

std::optional<Error> TrainingService::denyRead()
{
    if (auto ended = m_session.denyNow(*m_repos.users)) {
        return ended;
    }
    if (!mayRead()) {
        return m_session.deny(Permission::RunDrills);
    }
    return std::nullopt;
}

Result<QList<KnownPerson>> TrainingService::staff()
{
    const auto users = m_repos.users->list();
    if (!users) {
        return users.error();
    }
    QList<KnownPerson> people;
    for (const User& u : *users) {
        if (u.displayName.trimmed().size() >= 2) {
            people.append(KnownPerson{KnownPerson::Kind::Staff, u.displayName.trimmed(), {}});
        }
    }
    // Logins after all display names: a short login must not take a label from a longer name containing it.
    for (const User& u : *users) {
        if (u.login.size() >= 3) {
            people.append(KnownPerson{KnownPerson::Kind::Staff, u.login, {}});
        }
    }
    return people;
}

QStringList TrainingService::hallWords()
{
    return ::hallWords(*m_repos.reference);
}

Result<std::optional<KnownPerson>> TrainingService::citizenOf(const Case& c, QString* address)
{
    if (c.isAnonymous()) {
        return std::optional<KnownPerson>();
    }
    const auto citizen = m_repos.cases->citizen(c.citizenId);
    if (!citizen) {
        if (citizen.error().code == Error::Code::NotFound) {
            return std::optional<KnownPerson>();
        }
        return citizen.error();
    }
    if (address && citizen->address.trimmed().size() >= 4) {
        *address = citizen->address.trimmed();
    }
    return std::optional<KnownPerson>(KnownPerson::ofCitizen(*citizen));
}

std::optional<Error> TrainingService::leakCheck(const TrainingCase& t, const QList<KnownPerson>& people,
                                                const QString& address)
{
    for (const TrainingSet::Field& field : TrainingSet::texts(t)) {
        QStringList leaks = Anonymizer::leaks(field.text, people);
        if (!address.isEmpty() && field.text.contains(address)) {
            leaks.prepend(address);
        }
        if (!leaks.isEmpty()) {
            return invalid(tr("Not saved: the field \"%1\" still contains %2. Remove it and save again.")
                               .arg(field.name, leakKind(leaks.first(), people, address)));
        }
    }
    return std::nullopt;
}

std::optional<Error> TrainingService::patternCheck(const QString& field, const QString& text, bool allKinds)
{
    Anonymizer anonymizer;
    anonymizer.addKeepWords(hallWords());
    QList<PersonalItem> items;
    anonymizer.anonymize(text, &items);
    for (const PersonalItem& item : items) {
        switch (item.kind) {
        case PersonalItemKind::Mobile:
        case PersonalItemKind::Landline:
        case PersonalItemKind::IdNumber:
        case PersonalItemKind::BankCard:
        case PersonalItemKind::Email:
            break;
        default:
            if (!allKinds) {
                continue;
            }
        }
        return invalid(tr("Not saved: the field \"%1\" contains personal data (%2). Remove it and try again.")
                           .arg(field, Anonymizer::label(item.kind)));
    }
    return std::nullopt;
}

Status TrainingService::audit(const QString& action, qint64 id, const QJsonObject& detail)
{
    return m_audit.record(m_session, action, QStringLiteral("training_case"), id, detail);
}

Result<QList<TrainingCandidate>> TrainingService::candidates(const TrainingCandidateFilter& filter)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageTraining)) {
        return *denied;
    }
    if (filter.minRating && filter.maxRating && *filter.minRating > *filter.maxRating) {
        return invalid(tr("The lowest rating must not be above the highest."));
    }
    if (filter.closedFrom.isValid() && filter.closedTo.isValid() && filter.closedFrom > filter.closedTo) {
        return invalid(tr("The closed-from date must not be after the closed-to date."));
    }
    if (!filter.risk.isEmpty() && !RiskLevels::fromCode(filter.risk)) {
        return invalid(tr("Unknown risk level “%1” (expected low, medium or high).").arg(filter.risk));
    }
    const auto rows = m_repos.training->candidates(filter);
    if (!rows) {
        return rows.error();
    }
    const auto staffPeople = staff();
    if (!staffPeople) {
        return staffPeople.error();
    }
    const QStringList keep = hallWords();
    QList<TrainingCandidate> result;
    for (const TrainingRepository::CandidateRow& row : *rows) {
        // One anonymizer per case: its citizen and every staff member, read here and dropped.
        Anonymizer anonymizer;
        anonymizer.addKeepWords(keep);
        QList<KnownPerson> people = *staffPeople;
        QString address;
        if (row.citizenId != 0) {
            Case owner;
            owner.citizenId = row.citizenId;
            const auto citizen = citizenOf(owner, &address);
            if (!citizen) {
                return citizen.error();
            }
            if (*citizen) {
                people.prepend(**citizen);
            }
        }
        for (const KnownPerson& p : people) {
            anonymizer.addKnownPerson(p);
        }
        QString text = row.complaintText;
        if (!address.isEmpty()) {
            text.replace(address, Anonymizer::label(PersonalItemKind::Address));
        }
        text = anonymizer.anonymize(text).simplified();
        TrainingCandidate c = row.candidate;
        c.preview = text.size() > TrainingLimits::kPreviewChars
                        ? text.left(TrainingLimits::kPreviewChars) + QStringLiteral("…")
                        : text;
        if (!Anonymizer::leaks(c.preview, people).isEmpty()) {
            c.preview = tr("(not shown: personal data could not be masked)");
        }
        result.append(c);
    }
    return result;
}

Result<TrainingCase> TrainingService::buildFromCase(qint64 caseId)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageTraining)) {
        return *denied;
    }
    const auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error().code == Error::Code::NotFound ? invalid(tr("Case %1 does not exist.").arg(caseId))
                                                           : found.error();
    }
    const Case& c = *found;
    if (c.status != CaseStatus::Closed) {
        return invalid(tr("Case %1 is not closed: only closed cases become training cases.").arg(c.caseNo));
    }
    const auto built = m_repos.training->builtFrom(caseId);
    if (!built) {
        return built.error();
    }
    if (*built != 0) {
        return Error::make(Error::Code::Conflict, tr("A training case was built from case %1 already.").arg(c.caseNo));
    }
    QString address;
    const auto citizen = citizenOf(c, &address);
    if (!citizen) {
        return citizen.error();
    }
    const auto events = m_repos.cases->events(caseId);
    if (!events) {
        return events.error();
    }
    auto people = staff();
    if (!people) {
        return people.error();
    }
    if (*citizen) {
        people->prepend(**citizen);
    }
    Anonymizer anonymizer;
    anonymizer.addKeepWords(hallWords());
    for (const KnownPerson& p : *people) {
        anonymizer.addKnownPerson(p);
    }
    const QString addressMask = Anonymizer::label(PersonalItemKind::Address);
    auto anon = [&](QString text) {
        if (!address.isEmpty()) {
            text.replace(address, addressMask);
        }
        return anonymizer.anonymize(text);
    };

    TrainingCase t;
    t.category = c.category.name;
    t.serviceItem = c.serviceItem.name;
    t.title = joined({t.category, t.serviceItem}, QStringLiteral(" · "));
    if (t.title.isEmpty()) {
        t.title = tr("Training case");
    }
    t.title = anon(t.title);
    t.channel = Channels::code(c.channel);
    if (c.intake.impact.reasonableness) {
        t.outcome = IntakeCodes::code(*c.intake.impact.reasonableness);
    }
    t.rating = c.rating;
    t.complaintText = anon(c.complaintText);
    t.facts = anon(c.facts);
    t.impact = anon(c.impact);
    t.steps = anon(c.steps);
    const QString emotion = c.intake.emotion ? IntakeCodes::code(*c.intake.emotion) : QString();
    t.stages = {
        TrainingStage{DrillStage::Listen, anon(c.complaintText), emotion,
                      anon(firstSentence(c.intake.steps.replyText))},
        TrainingStage{DrillStage::Facts, anon(citizenFacts(c)), emotion, anon(c.facts)},
        TrainingStage{DrillStage::Impact, anon(citizenImpact(c)), emotion, anon(c.impact)},
        TrainingStage{DrillStage::Steps, anon(citizenSteps(c)), emotion, anon(modelSteps(c))},
    };
    for (const CaseEvent& e : *events) {
        t.timeline.append(TrainingEvent{e.at, CaseEventKinds::code(e.kind), anon(e.note)});
    }
    const QDateTime now = m_clock.now();
    t.createdAt = now;
    t.updatedAt = now;
    t.createdBy = m_session.actor();
    t.version = 1;

    if (auto leak = leakCheck(t, *people, address)) {
        return *leak;
    }
    const auto id = m_repos.training->insert(t, caseId);
    if (!id) {
        return id.error();
    }
    t.id = *id;
    if (auto s = audit(QStringLiteral("training.create"), t.id,
                       {{QStringLiteral("case_no"), c.caseNo},
                        {QStringLiteral("stages"), int(t.stages.size())},
                        {QStringLiteral("timeline"), int(t.timeline.size())}});
        !s) {
        return s.error();
    }
    if (auto s = tx.commit(); !s) {
        return s.error();
    }
    return m_repos.training->find(t.id);
}

Result<QList<TrainingSummary>> TrainingService::list(const TrainingFilter& filter)
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    return m_repos.training->list(filter);
}

Result<QStringList> TrainingService::categories()
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    return m_repos.training->categories();
}

Result<TrainingCase> TrainingService::find(qint64 id)
{
    if (auto denied = denyRead()) {
        return *denied;
    }
    return m_repos.training->find(id);
}

Result<TrainingCase> TrainingService::update(qint64 id, int expectedVersion, const TrainingEdits& edits)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageTraining)) {
        return *denied;
    }
    auto found = m_repos.training->find(id);
    if (!found) {
        return found.error();
    }
    TrainingCase t = *found;
    if (t.version != expectedVersion) {
        return Error::make(Error::Code::Conflict,
                           tr("The training case \"%1\" was changed by someone else after you opened it; reopen it "
                              "to see the changes, then try again.")
                               .arg(t.title));
    }
    const QString title = edits.title.trimmed();
    if (title.isEmpty()) {
        return invalid(tr("A training case needs a title."));
    }
    if (title.size() > TrainingLimits::kTitle) {
        return invalid(tr("The title is longer than %1 characters.").arg(TrainingLimits::kTitle));
    }
    t.title = title;
    t.trainerNote = edits.trainerNote.trimmed();
    for (const TrainingStage& edit : edits.stages) {
        auto it = std::find_if(t.stages.begin(), t.stages.end(),
                               [&](const TrainingStage& s) { return s.stage == edit.stage; });
        if (it == t.stages.end()) {
            t.stages.append(TrainingStage{edit.stage, edit.citizenText.trimmed(), edit.emotion, {}});
            it = t.stages.end() - 1;
        }
        if (edit.citizenText.trimmed().isEmpty()) {
            return invalid(tr("The citizen's words of the stage \"%1\" are empty.").arg(DrillCodes::label(edit.stage)));
        }
        it->citizenText = edit.citizenText.trimmed();
        it->modelAnswer = edit.modelAnswer.trimmed();
    }
    std::sort(t.stages.begin(), t.stages.end(),
              [](const TrainingStage& a, const TrainingStage& b) { return int(a.stage) < int(b.stage); });
    for (const TrainingSet::Field& field : TrainingSet::texts(t)) {
        if (field.text.size() > TrainingLimits::kText) {
            return invalid(
                tr("The field \"%1\" is longer than %2 characters.").arg(field.name).arg(TrainingLimits::kText));
        }
    }

    // The leak check: the source case's citizen (while the live case exists) and every staff member.
    auto people = staff();
    if (!people) {
        return people.error();
    }
    QString address;
    const auto source = m_repos.training->sourceCaseId(id);
    if (!source) {
        return source.error();
    }
    if (*source != 0) {
        const auto live = m_repos.cases->find(*source);
        if (live) {
            const auto citizen = citizenOf(*live, &address);
            if (!citizen) {
                return citizen.error();
            }
            if (*citizen) {
                people->prepend(**citizen);
            }
        } else if (live.error().code != Error::Code::NotFound) {
            return live.error();
        }
    }
    if (auto leak = leakCheck(t, *people, address)) {
        return *leak;
    }
    QList<TrainingSet::Field> edited{{tr("title"), t.title}, {tr("trainer's note"), t.trainerNote}};
    for (const TrainingStage& s : t.stages) {
        edited.append({tr("%1: the citizen's words").arg(DrillCodes::label(s.stage)), s.citizenText});
        edited.append({tr("%1: the model answer").arg(DrillCodes::label(s.stage)), s.modelAnswer});
    }
    for (const TrainingSet::Field& field : edited) {
        if (auto found = patternCheck(field.name, field.text, false)) {
            return *found;
        }
    }
    t.version += 1;
    t.updatedAt = m_clock.now();
    if (auto s = m_repos.training->update(t); !s) {
        return s.error();
    }
    if (auto s = audit(QStringLiteral("training.update"), t.id, {{QStringLiteral("version"), t.version}}); !s) {
        return s.error();
    }
    if (auto s = tx.commit(); !s) {
        return s.error();
    }
    return m_repos.training->find(id);
}

Status TrainingService::remove(qint64 id)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageTraining)) {
        return *denied;
    }
    const auto found = m_repos.training->find(id);
    if (!found) {
        return found.error();
    }
    if (auto s = m_repos.training->remove(id); !s) {
        return s;
    }
    if (auto s = audit(QStringLiteral("training.delete"), id, {{QStringLiteral("title"), found->title}}); !s) {
        return s;
    }
    return tx.commit();
}

Result<QByteArray> TrainingService::exportSet(const QList<qint64>& ids)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageTraining)) {
        return *denied;
    }
    if (ids.isEmpty()) {
        return invalid(tr("Choose at least one training case to export."));
    }
    QList<TrainingCase> cases;
    for (qint64 id : ids) {
        const auto found = m_repos.training->find(id);
        if (!found) {
            return found.error();
        }
        cases.append(*found);
    }
    return TrainingSet::write(cases, m_clock.now());
}

Result<QList<qint64>> TrainingService::importSet(const QByteArray& bytes)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageTraining)) {
        return *denied;
    }
    const auto cases = TrainingSet::read(bytes);
    if (!cases) {
        return cases.error();
    }
    if (cases->isEmpty()) {
        return invalid(tr("The training set holds no cases."));
    }
    for (int i = 0; i < cases->size(); ++i) {
        for (const TrainingSet::Field& field : TrainingSet::texts(cases->at(i))) {
            if (auto found = patternCheck(tr("case %1, %2").arg(i + 1).arg(field.name), field.text, true)) {
                return invalid(tr("The training set was not imported: %1").arg(found->message));
            }
        }
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageTraining)) {
        return *denied;
    }
    const QDateTime now = m_clock.now();
    QList<qint64> ids;
    for (TrainingCase t : *cases) {
        t.createdAt = now;
        t.updatedAt = now;
        t.createdBy = m_session.actor();
        t.version = 1;
        const auto id = m_repos.training->insert(t, 0);
        if (!id) {
            return id.error();
        }
        ids.append(*id);
    }
    QJsonArray idList;
    for (qint64 id : ids) {
        idList.append(id);
    }
    if (auto s = audit(QStringLiteral("training.import"), ids.first(),
                       {{QStringLiteral("cases"), int(ids.size())}, {QStringLiteral("ids"), idList}});
        !s) {
        return s.error();
    }
    if (auto s = tx.commit(); !s) {
        return s.error();
    }
    return ids;
}
