#pragma once

#include "SqlSupport.h"
#include "repositories/CaseRepository.h"

/** Cases, case events, follow-ups and citizens in SQL. */
class SqlCaseRepository final : public CaseRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlCaseRepository)

public:
    explicit SqlCaseRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<QString> allocateCaseNo(const QDate& day) override;
    Result<qint64> insert(const Case& c) override;
    Status update(const Case& c) override;
    Result<Case> find(qint64 id) override;
    Result<Case> findByNumber(const QString& caseNo) override;
    Result<CasePage> list(const CaseQuery& query) override;
    Result<CaseCount> count(const CaseQuery& query) override;

    Result<qint64> addEvent(const CaseEvent& event) override;
    Result<QList<CaseEvent>> events(qint64 caseId) override;
    Result<qint64> addFollowUp(const FollowUp& followUp) override;
    Result<QList<FollowUp>> followUps(qint64 caseId) override;

    Result<qint64> insertCitizen(const Citizen& citizen) override;
    Result<Citizen> citizen(qint64 id) override;

    /** The number format: QT-YYYYMMDD-NNNN (more digits past 9999 a day). */
    static QString formatCaseNo(const QDate& day, qint64 sequence);

private:
    Result<Case> findWhere(const QString& condition, const QVariant& value);
    QString filterClause(const CaseQuery& query, QVariantList* values) const;

    const SqlContext& m_sql;
};
