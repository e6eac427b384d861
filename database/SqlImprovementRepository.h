#pragma once

#include "SqlSupport.h"
#include "repositories/ImprovementRepository.h"

/** The improvement register in SQL (issue 14, helper "register"); see migration 0022_improvement. */
class SqlImprovementRepository final : public ImprovementRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlImprovementRepository)

public:
    /**
     * PostgreSQL: every insert and update of an action announces it on this channel (NOTIFY, delivered at commit;
     * one per transaction, PostgreSQL folds repeats), so that desks listening learn of it at once. SQLite desks poll
     * changeStamp() instead.
     */
    static constexpr const char* kChannel = "qingting_improvements";

    explicit SqlImprovementRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<qint64> insert(const ImprovementAction& action) override;
    Status update(const ImprovementAction& action) override;
    Result<ImprovementAction> find(qint64 id) override;
    Result<QList<ImprovementAction>> list(const ImprovementFilter& filter) override;
    Result<QList<LinkedCase>> linkedCases(qint64 actionId) override;
    Status linkCase(qint64 actionId, qint64 caseId) override;
    Status unlinkCase(qint64 actionId, qint64 caseId) override;
    Result<QList<Why>> whys(qint64 actionId) override;
    Status replaceWhys(qint64 actionId, const QList<Why>& whys) override;
    Result<Fishbone> causes(qint64 actionId) override;
    Status replaceCauses(qint64 actionId, const Fishbone& fishbone) override;
    Result<Metrics::Input> effectInput(qint64 categoryId, qint64 serviceItemId, const Metrics::Period& period) override;
    Result<QList<qint64>> recentCases(qint64 categoryId, qint64 serviceItemId, const QDateTime& from,
                                      const QDateTime& to, int limit) override;
    Result<qint64> changeStamp() override;

    // The plans of the register's shapes, for the plan tests.
    /** The register's default view and the dashboard's overdue list: active actions by deadline. */
    Result<QStringList> explainList(const ImprovementFilter& filter) const;
    /** The effect check's read of one category and service item. */
    Result<QStringList> explainEffectInput(qint64 categoryId, qint64 serviceItemId,
                                           const Metrics::Period& period) const;

private:
    /** NOTIFY kChannel on PostgreSQL; nothing on SQLite. */
    Status announce();
    /** The WHERE … ORDER BY … LIMIT of a list and its values. */
    static QString listSql(const ImprovementFilter& filter, QVariantList& values);
    static QString effectSql(qint64 categoryId, qint64 serviceItemId, QVariantList& values,
                             const Metrics::Period& period);

    const SqlContext& m_sql;
};
