#pragma once

#include "SqlSupport.h"
#include "repositories/AuditRepository.h"

/** The hash-chained audit log in SQL; audit_head serialises appends on both databases. */
class SqlAuditRepository final : public AuditRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlAuditRepository)

public:
    explicit SqlAuditRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<AuditEntry> append(AuditEntry entry) override;
    Result<QList<AuditEntry>> latest(int limit) override;
    Result<AuditVerification> verify() override;

private:
    const SqlContext& m_sql;
};
