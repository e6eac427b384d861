#pragma once

#include "SqlSupport.h"
#include "repositories/ReferenceRepository.h"

/** Windows, departments, service items and categories in SQL, one table each. */
class SqlReferenceRepository final : public ReferenceRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlReferenceRepository)

public:
    explicit SqlReferenceRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<QList<ReferenceItem>> list(ReferenceKind kind) override;
    Result<ReferenceItem> find(ReferenceKind kind, qint64 id) override;
    Result<qint64> insert(const ReferenceItem& item) override;
    Status update(const ReferenceItem& item) override;

    static QString table(ReferenceKind kind);

private:
    const SqlContext& m_sql;
};
