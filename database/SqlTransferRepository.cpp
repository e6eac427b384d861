#include "SqlTransferRepository.h"

namespace {
const QLatin1String kTransferColumns(
    "t.id, t.case_id, t.from_department_id, fd.name, t.to_department_id, td.name, t.reason, t.transferred_at, "
    "t.transferred_by_id, COALESCE(NULLIF(tu.display_name, ''), t.transferred_by), t.state, t.decided_at, "
    "t.decided_by_id, COALESCE(NULLIF(du.display_name, ''), t.decided_by), t.decision_note");
// People are shown by name, as on the timeline (the rows keep the login they acted under).
const QLatin1String kTransferFrom(" FROM case_transfers t "
                                  "LEFT JOIN departments fd ON fd.id = t.from_department_id "
                                  "LEFT JOIN departments td ON td.id = t.to_department_id "
                                  "LEFT JOIN users tu ON tu.id = t.transferred_by_id "
                                  "LEFT JOIN users du ON du.id = t.decided_by_id");

CaseTransfer transferFrom(const QSqlQuery& q)
{
    CaseTransfer t;
    t.id = q.value(0).toLongLong();
    t.caseId = q.value(1).toLongLong();
    t.fromDepartment = {q.value(2).toLongLong(), q.value(3).toString()};
    t.toDepartment = {q.value(4).toLongLong(), q.value(5).toString()};
    t.reason = q.value(6).toString();
    t.transferredAt = SqlContext::toTime(q.value(7));
    t.transferredBy = {q.value(8).toLongLong(), q.value(9).toString()};
    t.state = TransferStates::fromCode(q.value(10).toString());
    t.decidedAt = SqlContext::toTime(q.value(11));
    t.decidedBy = {q.value(12).toLongLong(), q.value(13).toString()};
    t.decisionNote = q.value(14).toString();
    return t;
}

const QLatin1String kExtensionColumns(
    "e.id, e.case_id, c.case_no, e.requested_at, e.requested_by_id, COALESCE(NULLIF(ru.display_name, ''), "
    "e.requested_by), e.reason, e.previous_due_at, e.requested_due_at, e.state, e.decided_at, e.decided_by_id, "
    "COALESCE(NULLIF(du.display_name, ''), e.decided_by), e.decision_note");
const QLatin1String kExtensionFrom(" FROM case_extensions e JOIN cases c ON c.id = e.case_id "
                                   "LEFT JOIN users ru ON ru.id = e.requested_by_id "
                                   "LEFT JOIN users du ON du.id = e.decided_by_id");

CaseExtension extensionFrom(const QSqlQuery& q)
{
    CaseExtension e;
    e.id = q.value(0).toLongLong();
    e.caseId = q.value(1).toLongLong();
    e.caseNo = q.value(2).toString();
    e.requestedAt = SqlContext::toTime(q.value(3));
    e.requestedBy = {q.value(4).toLongLong(), q.value(5).toString()};
    e.reason = q.value(6).toString();
    e.previousDueAt = SqlContext::toTime(q.value(7));
    e.requestedDueAt = SqlContext::toTime(q.value(8));
    e.state = ExtensionStates::fromCode(q.value(9).toString()).value_or(ExtensionState::Pending);
    e.decidedAt = SqlContext::toTime(q.value(10));
    e.decidedBy = {q.value(11).toLongLong(), q.value(12).toString()};
    e.decisionNote = q.value(13).toString();
    return e;
}

// The supervisors' list of cases passed around: one backward walk of the partial index cases_transferred.
const QLatin1String kFlaggedSql(
    "SELECT c.id, c.case_no, c.status, c.department_id, d.name, c.transfer_count, c.transfer_state, c.received_at "
    "FROM cases c LEFT JOIN departments d ON d.id = c.department_id "
    "WHERE c.transfer_count > 0 AND c.transfer_count > ? "
    "ORDER BY c.transfer_count DESC, c.received_at DESC, c.id DESC LIMIT ?");
const QLatin1String kPendingExtensionsWhere(" WHERE e.state = 'pending' ORDER BY e.requested_at, e.id LIMIT ?");

std::optional<qint64> optionalSeconds(const QVariant& v)
{
    if (v.isNull()) {
        return std::nullopt;
    }
    return qRound64(v.toDouble());
}
} // namespace

QString SqlTransferRepository::awaitingSignSql()
{
    return QStringLiteral("SELECT c.id FROM cases c WHERE c.transfer_state = ? "
                          "ORDER BY c.received_at DESC, c.id DESC LIMIT 50");
}

Result<qint64> SqlTransferRepository::insertTransfer(const CaseTransfer& t)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO case_transfers (case_id, from_department_id, to_department_id, reason, "
                       "transferred_at, transferred_by_id, transferred_by, state, decided_at, decided_by_id, "
                       "decided_by, decision_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {t.caseId, SqlContext::id(t.fromDepartment.id), t.toDepartment.id, t.reason, SqlContext::time(t.transferredAt),
         SqlContext::id(t.transferredBy.id), t.transferredBy.name, TransferStates::code(t.state),
         SqlContext::time(t.decidedAt), SqlContext::id(t.decidedBy.id), t.decidedBy.name, t.decisionNote});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlTransferRepository::updateTransfer(const CaseTransfer& t)
{
    return m_sql.execOne(QStringLiteral("UPDATE case_transfers SET state = ?, decided_at = ?, decided_by_id = ?, "
                                        "decided_by = ?, decision_note = ? WHERE id = ?"),
                         {TransferStates::code(t.state), SqlContext::time(t.decidedAt), SqlContext::id(t.decidedBy.id),
                          t.decidedBy.name, t.decisionNote, t.id});
}

Result<QList<CaseTransfer>> SqlTransferRepository::readTransfers(const QString& condition, const QVariantList& values)
{
    auto q = m_sql.exec(QStringLiteral("SELECT ") + kTransferColumns + kTransferFrom + condition, values);
    if (!q) {
        return q.error();
    }
    QList<CaseTransfer> result;
    while (q->next()) {
        result.append(transferFrom(*q));
    }
    return result;
}

Result<std::optional<CaseTransfer>> SqlTransferRepository::awaitingTransfer(qint64 caseId)
{
    const auto rows = readTransfers(
        QStringLiteral(" WHERE t.case_id = ? AND t.state = 'awaiting_sign' ORDER BY t.id DESC LIMIT 1"), {caseId});
    if (!rows) {
        return rows.error();
    }
    if (rows->isEmpty()) {
        return std::optional<CaseTransfer>();
    }
    return std::optional<CaseTransfer>(rows->first());
}

Result<QList<CaseTransfer>> SqlTransferRepository::transfers(qint64 caseId)
{
    return readTransfers(QStringLiteral(" WHERE t.case_id = ? ORDER BY t.id"), {caseId});
}

Result<qint64> SqlTransferRepository::insertExtension(const CaseExtension& e)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO case_extensions (case_id, requested_at, requested_by_id, requested_by, reason, "
                       "previous_due_at, requested_due_at, state, decided_at, decided_by_id, decided_by, "
                       "decision_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {e.caseId, SqlContext::time(e.requestedAt), SqlContext::id(e.requestedBy.id), e.requestedBy.name, e.reason,
         SqlContext::time(e.previousDueAt), SqlContext::time(e.requestedDueAt), ExtensionStates::code(e.state),
         SqlContext::time(e.decidedAt), SqlContext::id(e.decidedBy.id), e.decidedBy.name, e.decisionNote});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Status SqlTransferRepository::updateExtension(const CaseExtension& e)
{
    return m_sql.execOne(QStringLiteral("UPDATE case_extensions SET state = ?, decided_at = ?, decided_by_id = ?, "
                                        "decided_by = ?, decision_note = ? WHERE id = ?"),
                         {ExtensionStates::code(e.state), SqlContext::time(e.decidedAt), SqlContext::id(e.decidedBy.id),
                          e.decidedBy.name, e.decisionNote, e.id});
}

Result<QList<CaseExtension>> SqlTransferRepository::readExtensions(const QString& condition, const QVariantList& values)
{
    auto q = m_sql.exec(QStringLiteral("SELECT ") + kExtensionColumns + kExtensionFrom + condition, values);
    if (!q) {
        return q.error();
    }
    QList<CaseExtension> result;
    while (q->next()) {
        result.append(extensionFrom(*q));
    }
    return result;
}

Result<std::optional<CaseExtension>> SqlTransferRepository::pendingExtension(qint64 caseId)
{
    const auto rows = readExtensions(
        QStringLiteral(" WHERE e.case_id = ? AND e.state = 'pending' ORDER BY e.id DESC LIMIT 1"), {caseId});
    if (!rows) {
        return rows.error();
    }
    if (rows->isEmpty()) {
        return std::optional<CaseExtension>();
    }
    return std::optional<CaseExtension>(rows->first());
}

Result<QList<CaseExtension>> SqlTransferRepository::extensions(qint64 caseId)
{
    return readExtensions(QStringLiteral(" WHERE e.case_id = ? ORDER BY e.id"), {caseId});
}

Result<QList<CaseExtension>> SqlTransferRepository::pendingExtensions(int limit)
{
    return readExtensions(kPendingExtensionsWhere, {limit});
}

Result<QList<DepartmentTransferFigures>> SqlTransferRepository::departmentFigures()
{
    // One pass over case_transfers, grouped by the receiving department (transfers are a small share of cases).
    auto q = m_sql.exec(QStringLiteral("SELECT t.to_department_id, d.name, COUNT(*), "
                                       "SUM(CASE WHEN t.state = 'signed' THEN 1 ELSE 0 END), "
                                       "SUM(CASE WHEN t.state = 'returned' THEN 1 ELSE 0 END), "
                                       "SUM(CASE WHEN t.state = 'awaiting_sign' THEN 1 ELSE 0 END), "
                                       "AVG(CASE WHEN t.state = 'signed' THEN t.decided_at - t.transferred_at END), "
                                       "MAX(CASE WHEN t.state = 'signed' THEN t.decided_at - t.transferred_at END) "
                                       "FROM case_transfers t JOIN departments d ON d.id = t.to_department_id "
                                       "GROUP BY t.to_department_id, d.name ORDER BY d.name, t.to_department_id"));
    if (!q) {
        return q.error();
    }
    QList<DepartmentTransferFigures> result;
    while (q->next()) {
        DepartmentTransferFigures f;
        f.department = {q->value(0).toLongLong(), q->value(1).toString()};
        f.transfers = q->value(2).toInt();
        f.signedFor = q->value(3).toInt();
        f.returned = q->value(4).toInt();
        f.awaiting = q->value(5).toInt();
        f.averageSecondsToSign = optionalSeconds(q->value(6));
        f.longestSecondsToSign = optionalSeconds(q->value(7));
        result.append(f);
    }
    return result;
}

Result<QList<FlaggedTransferCase>> SqlTransferRepository::flaggedCases(int threshold, int limit)
{
    auto q = m_sql.exec(kFlaggedSql, {threshold, limit});
    if (!q) {
        return q.error();
    }
    QList<FlaggedTransferCase> result;
    while (q->next()) {
        FlaggedTransferCase f;
        f.caseId = q->value(0).toLongLong();
        f.caseNo = q->value(1).toString();
        f.status = CaseStatuses::fromCode(q->value(2).toString()).value_or(CaseStatus::Received);
        f.department = {q->value(3).toLongLong(), q->value(4).toString()};
        f.transferCount = q->value(5).toInt();
        f.transferState = TransferStates::fromCode(q->value(6).toString());
        f.receivedAt = SqlContext::toTime(q->value(7));
        result.append(f);
    }
    return result;
}

Result<QStringList> SqlTransferRepository::explainAwaitingSign() const
{
    return m_sql.explain(awaitingSignSql(), {TransferStates::code(TransferState::AwaitingSign)});
}

Result<QStringList> SqlTransferRepository::explainFlaggedCases(int threshold) const
{
    return m_sql.explain(kFlaggedSql, {threshold, 200});
}

Result<QStringList> SqlTransferRepository::explainPendingExtensions() const
{
    return m_sql.explain(QStringLiteral("SELECT ") + kExtensionColumns + kExtensionFrom + kPendingExtensionsWhere,
                         {200});
}

Result<QStringList> SqlTransferRepository::explainCaseTransfers(qint64 caseId) const
{
    return m_sql.explain(QStringLiteral("SELECT ") + kTransferColumns + kTransferFrom +
                             QStringLiteral(" WHERE t.case_id = ? ORDER BY t.id"),
                         {caseId});
}
