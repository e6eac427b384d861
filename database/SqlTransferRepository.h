#pragma once

#include "SqlSupport.h"
#include "repositories/TransferRepository.h"

/** case_transfers and case_extensions in SQL (issue 12, helper "transfer"); see migration 0018_transfer. */
class SqlTransferRepository final : public TransferRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlTransferRepository)

public:
    explicit SqlTransferRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<qint64> insertTransfer(const CaseTransfer& transfer) override;
    Status updateTransfer(const CaseTransfer& transfer) override;
    Result<std::optional<CaseTransfer>> awaitingTransfer(qint64 caseId) override;
    Result<QList<CaseTransfer>> transfers(qint64 caseId) override;

    Result<qint64> insertExtension(const CaseExtension& extension) override;
    Status updateExtension(const CaseExtension& extension) override;
    Result<std::optional<CaseExtension>> pendingExtension(qint64 caseId) override;
    Result<QList<CaseExtension>> extensions(qint64 caseId) override;
    Result<QList<CaseExtension>> pendingExtensions(int limit) override;

    Result<QList<DepartmentTransferFigures>> departmentFigures() override;
    Result<QList<FlaggedTransferCase>> flaggedCases(int threshold, int limit) override;

    // The plans of the list shapes, for tests (EXPLAIN QUERY PLAN / EXPLAIN lines).
    /** The case list's view "awaiting sign-for": `transfer_state = 'awaiting_sign'`, newest received first. */
    Result<QStringList> explainAwaitingSign() const;
    Result<QStringList> explainFlaggedCases(int threshold) const;
    Result<QStringList> explainPendingExtensions() const;
    Result<QStringList> explainCaseTransfers(qint64 caseId) const;

    /** The SQL of the "awaiting sign-for" list shape (ids, newest received first), as plan tests check it. */
    static QString awaitingSignSql();

private:
    Result<QList<CaseTransfer>> readTransfers(const QString& condition, const QVariantList& values);
    Result<QList<CaseExtension>> readExtensions(const QString& condition, const QVariantList& values);

    const SqlContext& m_sql;
};
