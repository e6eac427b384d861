#include "ReplyRuleService.h"

#include "common/Clock.h"
#include "repositories/ReplyRuleRepository.h"
#include "repositories/UnitOfWork.h"

#include <QJsonObject>

namespace {
constexpr int kMaxPattern = 500;
constexpr int kMaxAdvice = 500;

QJsonObject describe(const ReplyRule& rule)
{
    return {{QStringLiteral("kind"), ReplyFindingKinds::code(rule.kind)},
            {QStringLiteral("pattern"), rule.pattern},
            {QStringLiteral("regex"), rule.isRegex},
            {QStringLiteral("unless_constructive"), rule.unlessConstructive},
            {QStringLiteral("advice"), rule.advice}};
}
} // namespace

ReplyRuleService::ReplyRuleService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Result<QList<ReplyRule>> ReplyRuleService::activeRules()
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::WorkCase)) {
        return *denied;
    }
    return m_repos.replyRules->list(false);
}

Result<QList<ReplyRule>> ReplyRuleService::allRules()
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    return m_repos.replyRules->list(true);
}

QString ReplyRuleService::validate(const ReplyRule& rule)
{
    if (rule.pattern.trimmed().isEmpty()) {
        return tr("A rule needs a phrase or a pattern.");
    }
    if (rule.pattern.size() > kMaxPattern) {
        return tr("A pattern has at most %1 characters.").arg(kMaxPattern);
    }
    if (rule.pattern.contains(QLatin1Char('\n')) || rule.pattern.contains(QLatin1Char('\r'))) {
        return tr("A pattern is one line.");
    }
    if (const QString why = ReplyChecker::patternError(rule.pattern, rule.isRegex); !why.isEmpty()) {
        return tr("The pattern is not a usable regular expression: %1.").arg(why);
    }
    if (rule.advice.trimmed().isEmpty()) {
        return tr("A rule needs advice for the clerk.");
    }
    if (rule.advice.size() > kMaxAdvice) {
        return tr("Advice has at most %1 characters.").arg(kMaxAdvice);
    }
    if (rule.unlessConstructive && rule.kind != ReplyFindingKind::Defensive) {
        return tr("Only defensive rules can be excused by a constructive reply.");
    }
    return {};
}

Result<ReplyRule> ReplyRuleService::add(const ReplyRule& input)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    ReplyRule rule = input;
    rule.pattern = rule.pattern.trimmed();
    rule.advice = rule.advice.trimmed();
    rule.active = true;
    if (const QString why = validate(rule); !why.isEmpty()) {
        return Error::make(Error::Code::Invalid, why);
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    const auto existing = m_repos.replyRules->list(false);
    if (!existing) {
        return existing.error();
    }
    for (const ReplyRule& other : *existing) {
        if (other.kind == rule.kind && other.pattern == rule.pattern && other.isRegex == rule.isRegex) {
            return Error::make(Error::Code::Conflict, tr("An active rule of this kind has this pattern already."));
        }
    }
    const QDateTime now = m_clock.now();
    const auto id = m_repos.replyRules->insert(rule, m_session.login(), now);
    if (!id) {
        return id.error();
    }
    if (auto a = m_audit.record(m_session, QStringLiteral("reply_rule.add"), QStringLiteral("reply_rule"), *id,
                                describe(rule));
        !a) {
        return a.error();
    }
    auto stored = m_repos.replyRules->find(*id);
    if (!stored) {
        return stored.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return stored;
}

Result<ReplyRule> ReplyRuleService::change(const ReplyRule& rule, const QString& action, QJsonObject detail)
{
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto s = m_repos.replyRules->update(rule, m_session.login(), m_clock.now()); !s) {
        return s.error();
    }
    if (auto a = m_audit.record(m_session, action, QStringLiteral("reply_rule"), rule.id, detail); !a) {
        return a.error();
    }
    auto stored = m_repos.replyRules->find(rule.id);
    if (!stored) {
        return stored.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return stored;
}

Result<ReplyRule> ReplyRuleService::edit(const ReplyRule& input)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    const auto stored = m_repos.replyRules->find(input.id);
    if (!stored) {
        return stored.error();
    }
    ReplyRule rule = *stored;
    rule.kind = input.kind;
    rule.pattern = input.pattern.trimmed();
    rule.isRegex = input.isRegex;
    rule.unlessConstructive = input.unlessConstructive;
    rule.advice = input.advice.trimmed();
    rule.version = input.version;
    if (const QString why = validate(rule); !why.isEmpty()) {
        return Error::make(Error::Code::Invalid, why);
    }
    return change(rule, QStringLiteral("reply_rule.edit"),
                  {{QStringLiteral("from"), describe(*stored)}, {QStringLiteral("to"), describe(rule)}});
}

Result<ReplyRule> ReplyRuleService::setActive(qint64 id, int version, bool active)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    const auto stored = m_repos.replyRules->find(id);
    if (!stored) {
        return stored.error();
    }
    ReplyRule rule = *stored;
    rule.active = active;
    rule.version = version;
    return change(rule, active ? QStringLiteral("reply_rule.restore") : QStringLiteral("reply_rule.retire"),
                  describe(rule));
}
