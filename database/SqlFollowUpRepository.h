#pragma once

#include "SqlSupport.h"
#include "repositories/FollowUpRepository.h"

/** Follow-up attempts, rectifications, rating appeals and the rating figures in SQL (issue 12, helper "followup"). */
class SqlFollowUpRepository final : public FollowUpRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlFollowUpRepository)

public:
    explicit SqlFollowUpRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<FollowUpRecord> record(qint64 caseId) override;
    Result<qint64> addAttempt(const FollowUpAttempt& attempt) override;
    Result<std::optional<Rectification>> latestRectification(qint64 caseId) override;
    Result<qint64> insertRectification(const Rectification& r) override;
    Status updateRectification(const Rectification& r) override;
    Result<FollowUp> latestFollowUp(qint64 caseId) override;
    Status setFollowUpExcluded(qint64 followUpId, bool excluded) override;
    Result<RatingAppeal> appeal(qint64 appealId) override;
    Result<qint64> insertAppeal(const RatingAppeal& appeal) override;
    Status decideAppeal(const RatingAppeal& appeal) override;
    Result<QList<RatingAppeal>> pendingAppeals(int limit) override;
    Result<QList<qint64>> unratedResolvedCases(const QDateTime& resolvedBefore, int limit) override;
    Result<RatingFigures> figures(const QDateTime& from, const QDateTime& to) override;

    /** The plans of the list shapes (pending appeals, the no-rating sweep, one case's rows), for tests. */
    Result<QStringList> explainPendingAppeals() const;
    Result<QStringList> explainUnratedResolved(const QDateTime& resolvedBefore) const;
    Result<QStringList> explainCaseRows() const;

private:
    Result<QList<RatingAppeal>> appeals(const QString& where, const QVariantList& values);
    Result<QList<Rectification>> rectifications(const QString& where, const QVariantList& values);

    const SqlContext& m_sql;
};
