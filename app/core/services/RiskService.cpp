#include "services/RiskService.h"

#include "common/Clock.h"
#include "repositories/CaseRepository.h"
#include "repositories/UnitOfWork.h"
#include "risk/RiskScorer.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <mutex>

namespace {
/**
 * The last rules compiled in this process and the JSON they came from: every save of a case reads the version in
 * force, and compiling its lexicons and patterns again each time would cost more than the save itself.
 */
Result<RiskRules> compiledRules(const QByteArray& json)
{
    static std::mutex mutex;
    static QByteArray lastJson;
    static std::optional<RiskRules> lastRules;
    {
        const std::lock_guard lock(mutex);
        if (lastRules && lastJson == json) {
            return *lastRules;
        }
    }
    auto rules = RiskRules::fromJson(json);
    if (!rules) {
        return rules.error();
    }
    const std::lock_guard lock(mutex);
    lastJson = json;
    lastRules = *rules;
    return rules;
}

/** How many of the citizen's earlier cases the history rules may weigh; more than this counts as this many. */
constexpr int kHistoryLookup = 20;

QString scoreFact(int score, RiskLevel level)
{
    return QStringLiteral("%1 %2").arg(score).arg(RiskLevels::code(level));
}
} // namespace

RiskService::RiskService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

QString RiskService::scoredText(const Case& c)
{
    // The next steps are the desk's own words (what we will do, whom the citizen may call): not the citizen's threat.
    QStringList parts;
    for (const QString& part : {c.complaintText, c.facts, c.impact}) {
        if (!part.trimmed().isEmpty()) {
            parts << part.trimmed();
        }
    }
    return parts.join(QLatin1Char('\n'));
}

Result<RiskRules> RiskService::rules()
{
    if (m_rules) {
        return *m_rules;
    }
    if (!m_repos.risk) {
        m_rules = RiskRules::builtIn();
        return *m_rules;
    }
    const auto newest = m_repos.risk->newestRules();
    if (!newest) {
        return newest.error();
    }
    if (!newest->has_value()) {
        m_rules = RiskRules::builtIn();
        return *m_rules;
    }
    auto compiled = compiledRules((*newest)->json);
    if (!compiled) {
        // Saved rules were checked when they were saved; a version that no longer loads (a newer build's format)
        // must not stop intake: the built-in rules score meanwhile.
        m_rules = RiskRules::builtIn();
        return *m_rules;
    }
    m_rules = std::move(compiled).value();
    return *m_rules;
}

Result<std::optional<RiskRulesVersion>> RiskService::currentRulesVersion()
{
    if (auto denied = m_session.denyNow(*m_repos.users, kRulesPermission)) {
        return *denied;
    }
    return m_repos.risk->newestRules();
}

Result<QList<RiskRulesVersion>> RiskService::rulesVersions()
{
    if (auto denied = m_session.denyNow(*m_repos.users, kRulesPermission)) {
        return *denied;
    }
    return m_repos.risk->rulesVersions(200);
}

Result<qint64> RiskService::saveRules(const QByteArray& json, const QString& note)
{
    if (auto denied = m_session.deny(kRulesPermission)) {
        return *denied;
    }
    if (json.size() > kMaxRulesBytes) {
        return Error::make(Error::Code::Invalid, tr("The risk rules are longer than %1 bytes.").arg(kMaxRulesBytes));
    }
    const QString why = note.trimmed();
    if (why.size() > kMaxNoteChars) {
        return Error::make(Error::Code::Invalid, tr("The note is longer than %1 characters.").arg(kMaxNoteChars));
    }
    // Checked before the write lock: compiling the rules takes a while.
    const auto checked = RiskRules::fromJson(json);
    if (!checked) {
        return Error::make(Error::Code::Invalid, checked.error().message);
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = m_session.denyNow(*m_repos.users, kRulesPermission)) {
        return *denied;
    }
    RiskRulesVersion version;
    version.json = json;
    version.savedAt = m_clock.now();
    version.savedBy = m_session.actor();
    version.note = why;
    const auto id = m_repos.risk->saveRules(version);
    if (!id) {
        return id.error();
    }
    const QJsonObject detail{{QStringLiteral("version"), *id},
                             {QStringLiteral("rules_version"), checked->version},
                             {QStringLiteral("bytes"), int(json.size())},
                             {QStringLiteral("note"), why}};
    if (auto a =
            m_audit.record(m_session, QStringLiteral("risk.rules.save"), QStringLiteral("risk_rules"), *id, detail);
        !a) {
        return a.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    m_rules = *checked;
    return *id;
}

Result<RiskService::Explanation> RiskService::explain(qint64 caseId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewCases)) {
        return *denied;
    }
    auto found = m_repos.cases->find(caseId);
    if (!found) {
        return found.error();
    }
    const auto rulesInForce = rules();
    if (!rulesInForce) {
        return rulesInForce.error();
    }
    const auto earlier = earlierCases(*found);
    if (!earlier) {
        return earlier.error();
    }
    Explanation e;
    e.c = std::move(found).value();
    e.text = scoredText(e.c);
    e.result = RiskScorer(*rulesInForce).score(RiskInput{e.text, *earlier, e.c.channel});
    return e;
}

bool RiskService::maySupervise() const
{
    return m_session.can(kSupervisePermission);
}

std::optional<Error> RiskService::denySupervise() const
{
    if (!m_repos.risk) {
        return Error::make(Error::Code::Storage, tr("The risk queue is not available on this connection."));
    }
    return m_session.denyNow(*m_repos.users, kSupervisePermission);
}

Result<RiskQueuePage> RiskService::queue(const std::optional<RiskQueueCursor>& after, int limit)
{
    if (auto denied = denySupervise()) {
        return *denied;
    }
    return m_repos.risk->queue(after, limit);
}

Result<QList<RiskAlert>> RiskService::openAlerts()
{
    if (auto denied = denySupervise()) {
        return *denied;
    }
    return m_repos.risk->openAlerts(kAlertsShown);
}

Result<RiskAlertState> RiskService::alertState()
{
    if (auto denied = denySupervise()) {
        return *denied;
    }
    return m_repos.risk->openAlertState();
}

Result<RiskAlert> RiskService::takeAlert(qint64 alertId)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto denied = denySupervise()) {
        return *denied;
    }
    const auto found = m_repos.risk->alert(alertId);
    if (!found) {
        return found.error();
    }
    const RiskAlert& alert = *found;
    const auto alreadyTaken = [&](const RiskAlert& a) {
        return Error::make(Error::Code::Conflict,
                           tr("The alert on case %1 was already taken by %2 at %3.")
                               .arg(a.caseNo, a.takenBy.name, a.takenAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    };
    if (!alert.isOpen()) {
        return alreadyTaken(alert);
    }
    const QDateTime now = m_clock.now();
    const auto taken = m_repos.risk->takeAlert(alertId, m_session.userId(), now);
    if (!taken) {
        return taken.error();
    }
    if (!*taken) {
        // Another desk took it between the read and the write (PostgreSQL reads do not wait for the write lock).
        const auto again = m_repos.risk->alert(alertId);
        return again ? alreadyTaken(*again) : again.error();
    }
    CaseEvent event;
    event.caseId = alert.caseId;
    event.at = now;
    event.kind = CaseEventKind::RiskAlertTaken;
    event.actor = m_session.actor();
    event.note = CaseEventNotes::withFact(QString::number(alert.score), alert.signalCodes.join(QLatin1Char(',')));
    if (auto e = m_repos.cases->addEvent(event); !e) {
        return e.error();
    }
    const QJsonObject detail{{QStringLiteral("alert"), alert.id},
                             {QStringLiteral("case_no"), alert.caseNo},
                             {QStringLiteral("score"), alert.score},
                             {QStringLiteral("signals"), QJsonArray::fromStringList(alert.signalCodes)},
                             {QStringLiteral("raised_at"), alert.raisedAt.toSecsSinceEpoch()}};
    if (auto a =
            m_audit.record(m_session, QStringLiteral("risk.alert.take"), QStringLiteral("case"), alert.caseId, detail);
        !a) {
        return a.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return m_repos.risk->alert(alertId);
}

Result<int> RiskService::earlierCases(const Case& c)
{
    if (c.citizenId == 0) {
        return 0;
    }
    const auto history = m_repos.cases->citizenCases(c.citizenId, kHistoryLookup + 1);
    if (!history) {
        return history.error();
    }
    int count = 0;
    for (const Case& other : *history) {
        // The case itself is not its own history, nor a case received after it.
        if (other.id != c.id && (c.id == 0 || !c.receivedAt.isValid() || other.receivedAt <= c.receivedAt)) {
            ++count;
        }
    }
    return std::min(count, kHistoryLookup);
}

Result<RiskService::Change> RiskService::rescore(Case& c)
{
    const auto rulesInForce = rules();
    if (!rulesInForce) {
        return rulesInForce.error();
    }
    const auto earlier = earlierCases(c);
    if (!earlier) {
        return earlier.error();
    }
    Change change;
    change.result = RiskScorer(*rulesInForce).score(RiskInput{scoredText(c), *earlier, c.channel});
    const RiskResult& r = change.result;
    // A case never scored counts as 0, low: a new case's first score is news (an event) only when it is not 0.
    change.changed = c.riskScore.value_or(0) != r.score || c.riskLevel.value_or(RiskLevel::Low) != r.level;
    change.becameHigh = r.level == RiskLevel::High && c.riskLevel != RiskLevel::High;
    c.riskScore = r.score;
    c.riskLevel = r.level;
    c.riskSignals = r.signalCodes();
    return change;
}

CaseEvent RiskService::scoredEvent(const Case& c, const QDateTime& at) const
{
    CaseEvent event;
    event.caseId = c.id;
    event.at = at;
    event.kind = CaseEventKind::RiskScored;
    event.actor = m_session.actor();
    event.note = CaseEventNotes::withFact(scoreFact(c.riskScore.value_or(0), c.riskLevel.value_or(RiskLevel::Low)),
                                          c.riskSignals.join(QLatin1Char(',')));
    return event;
}

Status RiskService::raiseAlert(const Case& c, const QDateTime& at)
{
    if (!m_repos.risk) {
        return {};
    }
    RiskAlert alert;
    alert.caseId = c.id;
    alert.raisedAt = at;
    alert.score = c.riskScore.value_or(0);
    alert.signalCodes = c.riskSignals;
    const auto id = m_repos.risk->raiseAlert(alert);
    if (!id) {
        return id.error();
    }
    return {};
}

Status RiskService::record(const Case& c, const Change& change)
{
    const QDateTime now = m_clock.now();
    if (change.changed) {
        if (auto e = m_repos.cases->addEvent(scoredEvent(c, now)); !e) {
            return e.error();
        }
    }
    if (change.becameHigh) {
        return raiseAlert(c, now);
    }
    return {};
}
