#pragma once

#include "SqlSupport.h"
#include "repositories/RiskRepository.h"

/** The risk rules' versions, the alerts and the risk queue in SQL (migration 0026). */
class SqlRiskRepository final : public RiskRepository
{
public:
    explicit SqlRiskRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<qint64> saveRules(const RiskRulesVersion& version) override;
    Result<std::optional<RiskRulesVersion>> newestRules() override;
    Result<qint64> newestRulesId() override;
    Result<QList<RiskRulesVersion>> rulesVersions(int limit) override;

    Result<qint64> raiseAlert(const RiskAlert& alert) override;
    Result<RiskAlert> alert(qint64 alertId) override;
    Result<QList<RiskAlert>> openAlerts(int limit) override;
    Result<bool> takeAlert(qint64 alertId, qint64 userId, const QDateTime& at) override;
    Result<RiskAlertState> openAlertState() override;

    Result<RiskQueuePage> queue(const std::optional<RiskQueueCursor>& after, int limit) override;

    /** The plans of the queue's first and further pages and of the open alerts' state, for the plan tests. */
    Result<QStringList> explainQueue(const std::optional<RiskQueueCursor>& after) const;
    Result<QStringList> explainOpenAlertState() const;

private:
    const SqlContext& m_sql;
};
