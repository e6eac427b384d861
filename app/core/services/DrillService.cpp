#include "services/DrillService.h"

#include "common/Clock.h"
#include "repositories/DrillResultRepository.h"
#include "repositories/ReplyRuleRepository.h"
#include "repositories/UnitOfWork.h"
#include "training/DrillScorer.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <map>

namespace {
Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}
} // namespace

DrillService::DrillService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Result<DrillResult> DrillService::submit(const TrainingCase& trainingCase, const QList<DrillAnswer>& answers,
                                         const QDateTime& startedAt, int timeLimitSeconds)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::RunDrills)) {
        return *denied;
    }
    if (m_session.userId() == 0) {
        return invalid(tr("A drill is run by a logged-in user; the command line cannot run one."));
    }
    const QDateTime now = m_clock.now();
    if (!startedAt.isValid() || startedAt > now) {
        return invalid(tr("The drill's start time is missing or in the future."));
    }
    if (timeLimitSeconds < 0 || timeLimitSeconds > kMaxTimeLimitSeconds) {
        return invalid(tr("The timer must be between 0 (none) and %1 seconds.").arg(kMaxTimeLimitSeconds));
    }
    QSet<int> seen;
    for (const DrillAnswer& a : answers) {
        if (seen.contains(int(a.stage))) {
            return invalid(tr("The stage “%1” is answered twice.").arg(DrillCodes::label(a.stage)));
        }
        seen.insert(int(a.stage));
        if (a.seconds < 0) {
            return invalid(tr("The time taken for “%1” cannot be negative.").arg(DrillCodes::label(a.stage)));
        }
        if (a.text.size() > kMaxAnswerLength) {
            return invalid(tr("The answer to “%1” is longer than %2 characters.")
                               .arg(DrillCodes::label(a.stage))
                               .arg(kMaxAnswerLength));
        }
    }

    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    const auto rules = m_repos.replyRules->list(false);
    if (!rules) {
        return rules.error();
    }
    DrillResult result = DrillScorer(*rules).scoreAll(trainingCase, answers);
    result.trainee = {m_session.userId(),
                      m_session.displayName().isEmpty() ? m_session.login() : m_session.displayName()};
    result.startedAt = startedAt;
    result.finishedAt = now;
    result.timeLimitSeconds = timeLimitSeconds;
    const auto id = m_repos.drillResults->insert(result);
    if (!id) {
        return id.error();
    }
    const QJsonObject detail{{QStringLiteral("training_case_id"), result.trainingCaseId},
                             {QStringLiteral("training_title"), result.trainingTitle},
                             {QStringLiteral("points"), result.points()},
                             {QStringLiteral("max_points"), result.maxPoints()},
                             {QStringLiteral("percent"), result.percent()}};
    if (auto s = m_audit.record(m_session, QStringLiteral("drill.submit"), QStringLiteral("drill_result"), *id, detail);
        !s) {
        return s.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    result.id = *id;
    return result;
}

Result<QList<DrillResultSummary>> DrillService::myResults(DrillResultFilter filter)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::RunDrills)) {
        return *denied;
    }
    if (m_session.userId() == 0) {
        return QList<DrillResultSummary>{};
    }
    filter.traineeId = m_session.userId();
    return m_repos.drillResults->list(filter);
}

Result<DrillResult> DrillService::find(qint64 id)
{
    if (auto denied = m_session.denyNow(*m_repos.users)) {
        return *denied;
    }
    if (!mayView() && !mayRun()) {
        return *m_session.deny(Permission::RunDrills);
    }
    auto found = m_repos.drillResults->find(id);
    if (!found) {
        return found;
    }
    if (!mayView() && found->trainee.id != m_session.userId()) {
        return *m_session.deny(Permission::ViewDrillResults);
    }
    return found;
}

Result<QList<DrillResultSummary>> DrillService::results(const DrillResultFilter& filter)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewDrillResults)) {
        return *denied;
    }
    return m_repos.drillResults->list(filter);
}

Result<QList<TraineeSeries>> DrillService::traineeSeries(const QDateTime& from, const QDateTime& to, qint64 traineeId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewDrillResults)) {
        return *denied;
    }
    DrillResultFilter filter;
    filter.traineeId = traineeId;
    filter.from = from;
    filter.to = to;
    filter.limit = 100000;
    const auto rows = m_repos.drillResults->list(filter);
    if (!rows) {
        return rows.error();
    }
    std::map<qint64, TraineeSeries> byTrainee;
    // Rows come newest first: walk them backwards for oldest first.
    for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
        TraineeSeries& s = byTrainee[it->trainee.id];
        s.trainee = it->trainee;
        s.finishedAt << it->finishedAt;
        s.percents << it->percent();
    }
    QList<TraineeSeries> out;
    for (auto& [id, s] : byTrainee) {
        out << s;
    }
    std::stable_sort(out.begin(), out.end(), [](const TraineeSeries& a, const TraineeSeries& b) {
        return a.trainee.name.localeAwareCompare(b.trainee.name) < 0;
    });
    return out;
}

Result<QList<MissedCriterion>> DrillService::missedCriteria(const QDateTime& from, const QDateTime& to,
                                                            qint64 traineeId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewDrillResults)) {
        return *denied;
    }
    auto found = m_repos.drillResults->missedCriteria(from, to, traineeId);
    if (!found) {
        return found;
    }
    QList<MissedCriterion> out = *found;
    std::stable_sort(out.begin(), out.end(), [](const MissedCriterion& a, const MissedCriterion& b) {
        if (a.share() != b.share()) {
            return a.share() > b.share();
        }
        if (a.missed != b.missed) {
            return a.missed > b.missed;
        }
        return a.criterion < b.criterion;
    });
    return out;
}

Result<QList<Ref>> DrillService::trainees()
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ViewDrillResults)) {
        return *denied;
    }
    return m_repos.drillResults->trainees();
}
