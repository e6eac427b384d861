#include "SqlCaseRepository.h"

#include <QSqlRecord>

#include "cases/CitizenValidator.h"
#include "search/SearchGrams.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>

namespace {
/**
 * One list of the columns a Case is read from: the SELECT is built from it and the mapping reads by the same
 * positions, so adding a column is one line here. `list` marks what the case list shows (the list leaves out the
 * long texts: it reads the first kListTextChars characters of the complaint for the summary and tooltip).
 */
struct ReadColumn
{
    const char* expression;
    const char* listExpression; ///< nullptr = not read for lists
    void (*read)(Case&, const QVariant&);
};

// clang-format off
const ReadColumn kReadColumns[] = {
    {"c.id", "c.id", [](Case& c, const QVariant& v) { c.id = v.toLongLong(); }},
    {"c.case_no", "c.case_no", [](Case& c, const QVariant& v) { c.caseNo = v.toString(); }},
    {"c.status", "c.status", [](Case& c, const QVariant& v) { c.status = CaseStatuses::fromCode(v.toString()).value_or(CaseStatus::Received); }},
    {"c.channel", "c.channel", [](Case& c, const QVariant& v) { c.channel = Channels::fromCode(v.toString()).value_or(Channel::Window); }},
    {"c.window_id", "c.window_id", [](Case& c, const QVariant& v) { c.window.id = v.toLongLong(); }},
    {"c.window_name", "c.window_name", [](Case& c, const QVariant& v) { c.window.name = v.toString(); }},
    {"c.service_item_id", "c.service_item_id", [](Case& c, const QVariant& v) { c.serviceItem.id = v.toLongLong(); }},
    {"s.name", "s.name", [](Case& c, const QVariant& v) { c.serviceItem.name = v.toString(); }},
    {"c.category_id", "c.category_id", [](Case& c, const QVariant& v) { c.category.id = v.toLongLong(); }},
    {"c.category_name", "c.category_name", [](Case& c, const QVariant& v) { c.category.name = v.toString(); }},
    {"c.department_id", "c.department_id", [](Case& c, const QVariant& v) { c.department.id = v.toLongLong(); }},
    {"d.name", "d.name", [](Case& c, const QVariant& v) { c.department.name = v.toString(); }},
    {"c.assignee_id", "c.assignee_id", [](Case& c, const QVariant& v) { c.assignee.id = v.toLongLong(); }},
    {"COALESCE(NULLIF(u.display_name, ''), u.login)", "COALESCE(NULLIF(u.display_name, ''), u.login)", [](Case& c, const QVariant& v) { c.assignee.name = v.toString(); }},
    {"c.created_by_id", "c.created_by_id", [](Case& c, const QVariant& v) { c.createdBy.id = v.toLongLong(); }},
    {"c.created_by", "c.created_by", [](Case& c, const QVariant& v) { c.createdBy.name = v.toString(); }},
    {"c.citizen_id", "c.citizen_id", [](Case& c, const QVariant& v) { c.citizenId = v.toLongLong(); }},
    {"c.waited_minutes", "c.waited_minutes", [](Case& c, const QVariant& v) { c.waitedMinutes = SqlContext::toOptionalInt(v); }},
    {"c.complaint_text", "substr(c.complaint_text, 1, 400)", [](Case& c, const QVariant& v) { c.complaintText = v.toString(); }},
    {"c.facts", nullptr, [](Case& c, const QVariant& v) { c.facts = v.toString(); }},
    {"c.impact", nullptr, [](Case& c, const QVariant& v) { c.impact = v.toString(); }},
    {"c.steps", nullptr, [](Case& c, const QVariant& v) { c.steps = v.toString(); }},
    {"c.received_at", "c.received_at", [](Case& c, const QVariant& v) { c.receivedAt = SqlContext::toTime(v); }},
    {"c.acknowledged_at", "c.acknowledged_at", [](Case& c, const QVariant& v) { c.acknowledgedAt = SqlContext::toTime(v); }},
    {"c.answered_at", "c.answered_at", [](Case& c, const QVariant& v) { c.answeredAt = SqlContext::toTime(v); }},
    {"c.promised_at", "c.promised_at", [](Case& c, const QVariant& v) { c.promisedAt = SqlContext::toTime(v); }},
    {"c.due_at", "c.due_at", [](Case& c, const QVariant& v) { c.dueAt = SqlContext::toTime(v); }},
    {"c.resolved_at", "c.resolved_at", [](Case& c, const QVariant& v) { c.resolvedAt = SqlContext::toTime(v); }},
    {"c.followed_up_at", "c.followed_up_at", [](Case& c, const QVariant& v) { c.followedUpAt = SqlContext::toTime(v); }},
    {"c.closed_at", "c.closed_at", [](Case& c, const QVariant& v) { c.closedAt = SqlContext::toTime(v); }},
    {"c.updated_at", "c.updated_at", [](Case& c, const QVariant& v) { c.updatedAt = SqlContext::toTime(v); }},
    {"c.version", "c.version", [](Case& c, const QVariant& v) { c.version = v.toInt(); }},
    {"c.transfer_count", "c.transfer_count", [](Case& c, const QVariant& v) { c.transferCount = v.toInt(); }},
    {"c.escalation_level", "c.escalation_level", [](Case& c, const QVariant& v) { c.escalationLevel = v.toInt(); }},
    {"c.rating", "c.rating", [](Case& c, const QVariant& v) { c.rating = SqlContext::toOptionalInt(v); }},
    {"c.nps", "c.nps", [](Case& c, const QVariant& v) { c.nps = SqlContext::toOptionalInt(v); }},
    // The guided intake's fields (migration 0008): read when one case is opened, never for lists.
    {"c.emotion", nullptr, [](Case& c, const QVariant& v) { c.intake.emotion = IntakeCodes::emotionFromCode(v.toString()); }},
    {"c.facts_what", nullptr, [](Case& c, const QVariant& v) { c.intake.facts.what = v.toString(); }},
    {"c.facts_when", nullptr, [](Case& c, const QVariant& v) { c.intake.facts.when = v.toString(); }},
    {"c.facts_where", nullptr, [](Case& c, const QVariant& v) { c.intake.facts.where = v.toString(); }},
    {"c.facts_involved", nullptr, [](Case& c, const QVariant& v) { c.intake.facts.involved = v.toString(); }},
    {"c.facts_window_id", nullptr, [](Case& c, const QVariant& v) { c.intake.facts.involvedWindowId = v.toLongLong(); }},
    {"c.affected", nullptr, [](Case& c, const QVariant& v) { c.intake.impact.affected = v.toString(); }},
    {"c.severity", nullptr, [](Case& c, const QVariant& v) { c.intake.impact.severity = IntakeCodes::severityFromCode(v.toString()); }},
    {"c.scope", nullptr, [](Case& c, const QVariant& v) { c.intake.impact.scope = IntakeCodes::scopeFromCode(v.toString()); }},
    {"c.recurrence", nullptr, [](Case& c, const QVariant& v) { c.intake.impact.recurrence = IntakeCodes::recurrenceFromCode(v.toString()); }},
    {"c.demand", nullptr, [](Case& c, const QVariant& v) { c.intake.impact.demand = v.toString(); }},
    {"c.reasonableness", nullptr, [](Case& c, const QVariant& v) { c.intake.impact.reasonableness = IntakeCodes::reasonablenessFromCode(v.toString()); }},
    {"c.responsibility", nullptr, [](Case& c, const QVariant& v) { c.intake.impact.responsibility = IntakeCodes::responsibilityFromCode(v.toString()); }},
    {"c.remedies", nullptr, [](Case& c, const QVariant& v) { c.intake.steps.remedies = IntakeCodes::remediesFromCodes(v.toString()); }},
    {"c.remedy_note", nullptr, [](Case& c, const QVariant& v) { c.intake.steps.remedyNote = v.toString(); }},
    {"c.promise_reason", nullptr, [](Case& c, const QVariant& v) { c.intake.steps.promiseReason = v.toString(); }},
    {"c.reply_text", nullptr, [](Case& c, const QVariant& v) { c.intake.steps.replyText = v.toString(); }},
    {"c.resolved_on_spot", nullptr, [](Case& c, const QVariant& v) { c.intake.resolvedOnSpot = v.toInt() != 0; }},
    {"c.queue_ticket", nullptr, [](Case& c, const QVariant& v) { c.intake.queueTicket = v.toString(); }},
    // issue 12, helper "sla": read for lists too (the list marks paused cases)
    {"c.paused_at", "c.paused_at", [](Case& c, const QVariant& v) { c.pausedAt = SqlContext::toTime(v); }},
    // followup (issue 12): follow-up attempts, the unreachable mark, a rating left out by an appeal.
    {"c.followup_attempts", "c.followup_attempts", [](Case& c, const QVariant& v) { c.followUpAttempts = v.toInt(); }},
    {"c.unreachable_at", "c.unreachable_at", [](Case& c, const QVariant& v) { c.unreachableAt = SqlContext::toTime(v); }},
    {"c.rating_excluded", "c.rating_excluded", [](Case& c, const QVariant& v) { c.ratingExcluded = v.toInt() != 0; }},
    // supervise (issue 12): reminders, shown in the list's deadline column.
    {"c.reminder_level", "c.reminder_level", [](Case& c, const QVariant& v) { c.reminderLevel = v.toInt(); }},
    {"c.reminded_at", "c.reminded_at", [](Case& c, const QVariant& v) { c.remindedAt = SqlContext::toTime(v); }},
    // transfer (issue 12): the latest transfer's state (lists show it) and the approved extension's date.
    {"c.transfer_state", "c.transfer_state", [](Case& c, const QVariant& v) { c.transferState = TransferStates::fromCode(v.toString()); }},
    {"c.extended_due_at", nullptr, [](Case& c, const QVariant& v) { c.extendedDueAt = SqlContext::toTime(v); }},
    // risk (issue 16, migration 0026): read for lists too (a list may show the level)
    {"c.risk_score", "c.risk_score", [](Case& c, const QVariant& v) { c.riskScore = SqlContext::toOptionalInt(v); }},
    {"c.risk_level", "c.risk_level", [](Case& c, const QVariant& v) { c.riskLevel = RiskLevels::fromCode(v.toString()); }},
    {"c.risk_signals", "c.risk_signals", [](Case& c, const QVariant& v) { c.riskSignals = v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts); }},
};
// clang-format on

enum class Shape
{
    Full, ///< every column: one case opened
    List, ///< what the case list shows
};

QString selectClause(Shape shape)
{
    QStringList parts;
    for (const auto& column : kReadColumns) {
        const char* e = shape == Shape::Full ? column.expression : column.listExpression;
        if (e) {
            parts << QLatin1String(e);
        }
    }
    return QLatin1String("SELECT ") + parts.join(QLatin1String(", "));
}

// Window and category names are stored on the case (they are sort keys); the rest is joined by primary key.
const QLatin1String kFrom(" FROM cases c "
                          "LEFT JOIN service_items s ON s.id = c.service_item_id "
                          "LEFT JOIN departments d ON d.id = c.department_id "
                          "LEFT JOIN users u ON u.id = c.assignee_id");

/** Reads a row laid out by selectClause(shape); returns the number of columns read. */
int readCase(const QSqlQuery& q, Shape shape, Case* c)
{
    int position = 0;
    for (const auto& column : kReadColumns) {
        if (shape == Shape::Full || column.listExpression) {
            column.read(*c, q.value(position++));
        }
    }
    return position;
}

/** The stored column a sort key orders by (never NULL), and the index that serves it. */
QLatin1String sortColumn(CaseSortKey key)
{
    switch (key) {
    case CaseSortKey::ReceivedAt:
        return QLatin1String("c.received_at");
    case CaseSortKey::CaseNo:
        return QLatin1String("c.case_no");
    case CaseSortKey::Status:
        return QLatin1String("c.status_rank");
    case CaseSortKey::WaitedMinutes:
        return QLatin1String("c.waited_key");
    case CaseSortKey::Category:
        return QLatin1String("c.category_name");
    case CaseSortKey::Window:
        return QLatin1String("c.window_name");
    }
    return QLatin1String("c.received_at");
}

/** The text a case is found by: its number and every text the desk recorded. */
QString searchableText(const Case& c)
{
    return QStringList{c.caseNo, c.complaintText, c.facts, c.impact, c.steps}.join(QLatin1Char('\n'));
}

/** The sort key of a status: its place in the lifecycle. */
int statusRank(CaseStatus s)
{
    return static_cast<int>(s);
}

/** An intake code as stored: its stable code, or NULL when not recorded. */
template <typename Enum> QVariant optionalCode(const std::optional<Enum>& value)
{
    return value ? QVariant(IntakeCodes::code(*value)) : QVariant();
}

struct WriteColumn
{
    const char* name;
    const char* placeholder; ///< how the value is written; "?" for plain values
    QVariant (*value)(const Case&);
};

// clang-format off
/** Every column an insert or update writes, derived sort keys included, from one list. */
const WriteColumn kWriteColumns[] = {
    {"status", "?", [](const Case& c) { return QVariant(CaseStatuses::code(c.status)); }},
    {"status_rank", "?", [](const Case& c) { return QVariant(statusRank(c.status)); }},
    {"channel", "?", [](const Case& c) { return QVariant(Channels::code(c.channel)); }},
    {"window_id", "?", [](const Case& c) { return SqlContext::id(c.window.id); }},
    {"window_name", "COALESCE((SELECT name FROM windows WHERE id = ?), '')", [](const Case& c) { return SqlContext::id(c.window.id); }},
    {"service_item_id", "?", [](const Case& c) { return SqlContext::id(c.serviceItem.id); }},
    {"category_id", "?", [](const Case& c) { return SqlContext::id(c.category.id); }},
    {"category_name", "COALESCE((SELECT name FROM categories WHERE id = ?), '')", [](const Case& c) { return SqlContext::id(c.category.id); }},
    {"department_id", "?", [](const Case& c) { return SqlContext::id(c.department.id); }},
    {"assignee_id", "?", [](const Case& c) { return SqlContext::id(c.assignee.id); }},
    {"citizen_id", "?", [](const Case& c) { return SqlContext::id(c.citizenId); }},
    {"waited_minutes", "?", [](const Case& c) { return SqlContext::optionalInt(c.waitedMinutes); }},
    {"waited_key", "?", [](const Case& c) { return QVariant(c.waitedMinutes.value_or(-1)); }},
    {"complaint_text", "?", [](const Case& c) { return QVariant(c.complaintText); }},
    {"facts", "?", [](const Case& c) { return QVariant(c.facts); }},
    {"impact", "?", [](const Case& c) { return QVariant(c.impact); }},
    {"steps", "?", [](const Case& c) { return QVariant(c.steps); }},
    {"received_at", "?", [](const Case& c) { return SqlContext::time(c.receivedAt); }},
    {"acknowledged_at", "?", [](const Case& c) { return SqlContext::time(c.acknowledgedAt); }},
    {"answered_at", "?", [](const Case& c) { return SqlContext::time(c.answeredAt); }},
    {"promised_at", "?", [](const Case& c) { return SqlContext::time(c.promisedAt); }},
    {"due_at", "?", [](const Case& c) { return SqlContext::time(c.dueAt); }},
    // A paused case is not overdue (issue 12, helper "sla"): open_due_at is NULL while its clocks stand still.
    {"open_due_at", "?", [](const Case& c) { return CaseStatuses::isOpen(c.status) && !c.pausedAt.isValid() ? SqlContext::time(c.dueAt) : QVariant(); }},
    {"resolved_at", "?", [](const Case& c) { return SqlContext::time(c.resolvedAt); }},
    {"followed_up_at", "?", [](const Case& c) { return SqlContext::time(c.followedUpAt); }},
    {"closed_at", "?", [](const Case& c) { return SqlContext::time(c.closedAt); }},
    {"updated_at", "?", [](const Case& c) { return SqlContext::time(c.updatedAt); }},
    {"transfer_count", "?", [](const Case& c) { return QVariant(c.transferCount); }},
    {"escalation_level", "?", [](const Case& c) { return QVariant(c.escalationLevel); }},
    {"rating", "?", [](const Case& c) { return SqlContext::optionalInt(c.rating); }},
    {"nps", "?", [](const Case& c) { return SqlContext::optionalInt(c.nps); }},
    {"emotion", "?", [](const Case& c) { return optionalCode(c.intake.emotion); }},
    {"facts_what", "?", [](const Case& c) { return QVariant(c.intake.facts.what); }},
    {"facts_when", "?", [](const Case& c) { return QVariant(c.intake.facts.when); }},
    {"facts_where", "?", [](const Case& c) { return QVariant(c.intake.facts.where); }},
    {"facts_involved", "?", [](const Case& c) { return QVariant(c.intake.facts.involved); }},
    {"facts_window_id", "?", [](const Case& c) { return SqlContext::id(c.intake.facts.involvedWindowId); }},
    {"affected", "?", [](const Case& c) { return QVariant(c.intake.impact.affected); }},
    {"severity", "?", [](const Case& c) { return optionalCode(c.intake.impact.severity); }},
    {"scope", "?", [](const Case& c) { return optionalCode(c.intake.impact.scope); }},
    {"recurrence", "?", [](const Case& c) { return optionalCode(c.intake.impact.recurrence); }},
    {"demand", "?", [](const Case& c) { return QVariant(c.intake.impact.demand); }},
    {"reasonableness", "?", [](const Case& c) { return optionalCode(c.intake.impact.reasonableness); }},
    {"responsibility", "?", [](const Case& c) { return optionalCode(c.intake.impact.responsibility); }},
    {"remedies", "?", [](const Case& c) { return QVariant(IntakeCodes::codes(c.intake.steps.remedies)); }},
    {"remedy_note", "?", [](const Case& c) { return QVariant(c.intake.steps.remedyNote); }},
    {"promise_reason", "?", [](const Case& c) { return QVariant(c.intake.steps.promiseReason); }},
    {"reply_text", "?", [](const Case& c) { return QVariant(c.intake.steps.replyText); }},
    {"resolved_on_spot", "?", [](const Case& c) { return QVariant(c.intake.resolvedOnSpot ? 1 : 0); }},
    {"queue_ticket", "?", [](const Case& c) { return QVariant(c.intake.queueTicket); }},
    // issue 12, helper "sla"
    {"paused_at", "?", [](const Case& c) { return SqlContext::time(c.pausedAt); }},
    // followup (issue 12)
    {"followup_attempts", "?", [](const Case& c) { return QVariant(c.followUpAttempts); }},
    {"unreachable_at", "?", [](const Case& c) { return SqlContext::time(c.unreachableAt); }},
    {"rating_excluded", "?", [](const Case& c) { return QVariant(c.ratingExcluded ? 1 : 0); }},
    // supervise (issue 12)
    {"reminder_level", "?", [](const Case& c) { return QVariant(c.reminderLevel); }},
    {"reminded_at", "?", [](const Case& c) { return SqlContext::time(c.remindedAt); }},
    // transfer (issue 12)
    {"transfer_state", "?", [](const Case& c) { return c.transferState == TransferState::None ? QVariant() : QVariant(TransferStates::code(c.transferState)); }},
    {"extended_due_at", "?", [](const Case& c) { return SqlContext::time(c.extendedDueAt); }},
    // risk (issue 16)
    {"risk_score", "?", [](const Case& c) { return SqlContext::optionalInt(c.riskScore); }},
    {"risk_level", "?", [](const Case& c) { return c.riskLevel ? QVariant(RiskLevels::code(*c.riskLevel)) : QVariant(); }},
    {"risk_signals", "?", [](const Case& c) { return QVariant(c.riskSignals.join(QLatin1Char(','))); }},
};
// clang-format on

QVariantList writeValues(const Case& c)
{
    QVariantList values;
    for (const auto& column : kWriteColumns) {
        values << column.value(c);
    }
    return values;
}

} // namespace

QString SqlCaseRepository::formatCaseNo(const QDate& day, qint64 sequence)
{
    return QStringLiteral("QT-%1-%2")
        .arg(day.toString(QStringLiteral("yyyyMMdd")))
        .arg(sequence, 4, 10, QLatin1Char('0'));
}

Result<QString> SqlCaseRepository::allocateCaseNo(const QDate& day)
{
    const QString key = day.toString(Qt::ISODate);
    if (auto q = m_sql.exec(QStringLiteral("INSERT INTO case_counters (day, last_no) VALUES (?, 0) "
                                           "ON CONFLICT (day) DO NOTHING"),
                            {key});
        !q) {
        return q.error();
    }
    // The update takes the row lock (PostgreSQL) inside the write transaction (SQLite), so numbers never repeat.
    const auto next = m_sql.scalar(
        QStringLiteral("UPDATE case_counters SET last_no = last_no + 1 WHERE day = ? RETURNING last_no"), {key});
    if (!next) {
        return next.error();
    }
    return formatCaseNo(day, next->toLongLong());
}

Result<qint64> SqlCaseRepository::insert(const Case& c)
{
    QStringList columns{QStringLiteral("case_no"), QStringLiteral("created_by_id"), QStringLiteral("created_by")};
    QStringList placeholders(3, QStringLiteral("?"));
    QVariantList values{c.caseNo, SqlContext::id(c.createdBy.id), c.createdBy.name};
    for (const auto& column : kWriteColumns) {
        columns << QLatin1String(column.name);
        placeholders << QLatin1String(column.placeholder);
    }
    values << writeValues(c);
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    if (!index.column.isEmpty()) {
        // PostgreSQL: the grams are a column of the case, written by the same statement.
        columns << index.column;
        placeholders << index.columnValue;
        values << index.documentOfText(searchableText(c));
    }
    const auto id = m_sql.scalar(QStringLiteral("INSERT INTO cases (%1) VALUES (%2) RETURNING id")
                                     .arg(columns.join(QLatin1String(", ")), placeholders.join(QLatin1String(", "))),
                                 values);
    if (!id) {
        return id.error();
    }
    if (index.column.isEmpty()) {
        if (auto indexed = indexText(id->toLongLong(), searchableText(c)); !indexed) {
            return indexed.error();
        }
    }
    return id->toLongLong();
}

Status SqlCaseRepository::update(const Case& c)
{
    // The search index follows the text: look at what is stored before overwriting it.
    auto stored = m_sql.exec(
        QStringLiteral("SELECT case_no, complaint_text, facts, impact, steps FROM cases WHERE id = ? AND version = ?"),
        {c.id, c.version});
    if (!stored) {
        return stored.error();
    }
    QString storedText;
    const bool found = stored->next();
    if (found) {
        storedText = QStringList{stored->value(0).toString(), stored->value(1).toString(), stored->value(2).toString(),
                                 stored->value(3).toString(), stored->value(4).toString()}
                         .join(QLatin1Char('\n'));
    }
    stored->finish();

    QStringList assignments;
    for (const auto& column : kWriteColumns) {
        assignments << QLatin1String(column.name) + QLatin1String(" = ") + QLatin1String(column.placeholder);
    }
    QVariantList values = writeValues(c);
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    const QString text = searchableText(c);
    const bool textChanged = found && text != storedText;
    if (textChanged && !index.column.isEmpty()) {
        // PostgreSQL: the grams are a column of the case (left alone when the text is, so the update can stay HOT).
        assignments << index.column + QLatin1String(" = ") + index.columnValue;
        values << index.documentOfText(text);
    }
    values << c.id << c.version;
    const auto q = m_sql.exec(QStringLiteral("UPDATE cases SET %1, version = version + 1 WHERE id = ? AND version = ?")
                                  .arg(assignments.join(QLatin1String(", "))),
                              values);
    if (!q) {
        return q.error();
    }
    if (!found || q->numRowsAffected() != 1) {
        return Error::make(Error::Code::Conflict,
                           tr("Case %1 was changed by someone else meanwhile; reopen it and try again.").arg(c.caseNo));
    }
    if (textChanged && index.column.isEmpty()) {
        if (auto removed = unindexText(c.id, storedText); !removed) {
            return removed;
        }
        return indexText(c.id, text);
    }
    return {};
}

Status SqlCaseRepository::indexText(qint64 caseId, const QString& text)
{
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    if (!m_indexInsert) {
        QSqlQuery query(m_sql.db());
        query.setForwardOnly(true);
        if (!query.prepare(index.insertOf(1))) {
            return m_sql.errorFrom(query.lastError());
        }
        m_indexInsert = std::move(query);
    }
    QString document = index.documentOfText(text);
    if (document.isNull()) {
        document = QLatin1String(""); // an empty document, not SQL NULL (as SqlContext::exec binds it)
    }
    m_indexInsert->bindValue(0, caseId);
    m_indexInsert->bindValue(1, document);
    const bool ok = m_indexInsert->exec();
    const QSqlError error = m_indexInsert->lastError();
    m_indexInsert->finish();
    if (!ok) {
        return m_sql.errorFrom(error);
    }
    return {};
}

Status SqlCaseRepository::unindexText(qint64 caseId, const QString& text)
{
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    const auto q = m_sql.exec(index.remove, {caseId, index.documentOfText(text)});
    if (!q) {
        return q.error();
    }
    return {};
}

Status SqlCaseRepository::rebuildSearchIndexIfNeeded()
{
    auto flag = m_sql.exec(QStringLiteral("SELECT value FROM qingting_meta WHERE key = 'search_index'") +
                           m_sql.dialect().forUpdate());
    if (!flag) {
        return flag.error();
    }
    const bool needed = flag->next() && flag->value(0).toString() == QLatin1String("rebuild");
    flag->finish();
    if (!needed) {
        return {};
    }
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    if (!index.clear.isEmpty()) {
        if (auto cleared = m_sql.exec(index.clear); !cleared) {
            return cleared.error();
        }
    }
    QString saved;
    if (!index.bulkLoadSaved.isEmpty()) {
        auto setting = m_sql.scalar(index.bulkLoadSaved);
        if (!setting) {
            return setting.error();
        }
        saved = setting->toString();
    }
    const QString end = index.bulkLoadEnd.isEmpty() ? QString() : index.bulkLoadEnd.arg(saved);
    if (!index.bulkLoadBegin.isEmpty()) {
        if (auto begun = m_sql.exec(index.bulkLoadBegin); !begun) {
            return begun.error();
        }
    }
    for (const QString& statement : index.rebuildBegin) {
        if (auto begun = m_sql.exec(statement); !begun) {
            return begun.error();
        }
    }
    if (auto indexed = indexAllCases(); !indexed) {
        if (!end.isEmpty()) {
            (void)m_sql.exec(end); // the failure of the rebuild is what is reported
        }
        return indexed;
    }
    for (const QString& statement : index.rebuildEnd) {
        if (auto ended = m_sql.exec(statement); !ended) {
            return ended.error();
        }
    }
    if (!end.isEmpty()) {
        if (auto ended = m_sql.exec(end); !ended) {
            return ended.error();
        }
    }
    return m_sql.execOne(QStringLiteral("UPDATE qingting_meta SET value = 'ok' WHERE key = 'search_index'"));
}

Status SqlCaseRepository::indexAllCases()
{
    qint64 after = 0;
    for (;;) {
        // In slices by id, so that a large database is never held in memory at once.
        auto q = m_sql.exec(QStringLiteral("SELECT id, case_no, complaint_text, facts, impact, steps FROM cases "
                                           "WHERE id > ? ORDER BY id LIMIT 5000"),
                            {after});
        if (!q) {
            return q.error();
        }
        QList<QPair<qint64, QString>> slice;
        while (q->next()) {
            slice.append({q->value(0).toLongLong(),
                          QStringList{q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                                      q->value(4).toString(), q->value(5).toString()}
                              .join(QLatin1Char('\n'))});
        }
        q->finish();
        if (slice.isEmpty()) {
            break;
        }
        if (auto indexed = indexSlice(slice); !indexed) {
            return indexed;
        }
        after = slice.constLast().first;
    }
    return {};
}

Status SqlCaseRepository::indexSlice(const QList<QPair<qint64, QString>>& slice)
{
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    if (index.bulkRows <= 1) {
        for (const auto& [id, text] : slice) {
            if (auto indexed = indexText(id, text); !indexed) {
                return indexed;
            }
        }
        return {};
    }
    for (qsizetype from = 0; from < slice.size(); from += index.bulkRows) {
        const qsizetype rows = std::min<qsizetype>(index.bulkRows, slice.size() - from);
        QVariantList values;
        values.reserve(2 * rows);
        for (qsizetype i = from; i < from + rows; ++i) {
            values << slice.at(i).first << index.documentOfText(slice.at(i).second);
        }
        if (auto q = m_sql.exec(index.insertOf(int(rows)), values); !q) {
            return q.error();
        }
    }
    return {};
}

Result<Case> SqlCaseRepository::findWhere(const QString& condition, const QVariant& value)
{
    auto q = m_sql.exec(selectClause(Shape::Full) + kFrom + QLatin1String(" WHERE ") + condition, {value});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("There is no case %1.").arg(value.toString()));
    }
    Case c;
    readCase(*q, Shape::Full, &c);
    return c;
}

Result<Case> SqlCaseRepository::find(qint64 id)
{
    return findWhere(QStringLiteral("c.id = ?"), id);
}

Result<Case> SqlCaseRepository::findByNumber(const QString& caseNo)
{
    return findWhere(QStringLiteral("c.case_no = ?"), caseNo);
}

/**
 * The WHERE conditions of a query's filters. With `useIndexes` false the filter columns are wrapped so that
 * SQLite's planner cannot drive the query from them (it then walks the sort order's index, see list()). With
 * `useIndexes` true only one filter is left to drive, the one that narrows most in a hall's data: a search term
 * (through the search index, added by the caller), else "overdue" (open cases past due; with an assignee, both
 * through the (assignee_id, open_due_at) index), else the statuses, else the assignee. SQLite has no per-value
 * statistics here and would otherwise pick the assignee's index (an equality) over the overdue range and read a
 * clerk's whole history.
 */
QStringList SqlCaseRepository::filterConditions(const CaseQuery& query, bool useIndexes, QVariantList* values,
                                                bool confirmTerm) const
{
    const Dialect& dialect = m_sql.dialect();
    const bool searched = !SearchGrams::ofTerm(SearchGrams::normalizedTerm(query.text)).isEmpty();
    const char* driver = nullptr;
    if (useIndexes && !searched) {
        // supervise (issue 12): the due-time range of "due today", then the two small views, drive before the rest.
        driver = query.overdueAt.isValid() || query.dueFrom.isValid() ? "c.open_due_at"
                 : query.awaitingSignFor                              ? "c.transfer_state"
                 : query.pausedOnly                                   ? "c.paused_at"
                 : !query.statuses.isEmpty()                          ? "c.status"
                 : query.assigneeId != 0                              ? "c.assignee_id"
                                                                      : nullptr;
    }
    const bool assigneeAndOverdue =
        useIndexes && !searched && (query.overdueAt.isValid() || query.dueFrom.isValid()) && query.assigneeId != 0;
    const auto column = [&](const char* name) {
        const QString c = QLatin1String(name);
        const bool drives =
            (driver && qstrcmp(driver, name) == 0) || (assigneeAndOverdue && qstrcmp(name, "c.assignee_id") == 0);
        return drives ? c : dialect.withoutIndex(c);
    };
    QStringList conditions;
    if (!query.statuses.isEmpty()) {
        QStringList marks;
        for (CaseStatus s : query.statuses) {
            marks << QStringLiteral("?");
            values->append(CaseStatuses::code(s));
        }
        conditions << QStringLiteral("%1 IN (%2)").arg(column("c.status"), marks.join(QLatin1String(", ")));
    }
    if (query.assigneeId != 0) {
        conditions << column("c.assignee_id") + QLatin1String(" = ?");
        values->append(query.assigneeId);
    }
    if (query.overdueAt.isValid()) {
        // Case::isOverdue in SQL: open_due_at is the due time while the case is open, NULL otherwise.
        conditions << column("c.open_due_at") + QLatin1String(" < ?");
        values->append(SqlContext::time(query.overdueAt));
    }
    // supervise (issue 12): the views. open_due_at is NULL for cases no longer open, so the range keeps only open
    // ones; the two small views match their partial indexes (cases_transfer_state, cases_paused).
    if (query.dueFrom.isValid()) {
        conditions << column("c.open_due_at") + QLatin1String(" >= ?");
        values->append(SqlContext::time(query.dueFrom));
    }
    if (query.awaitingSignFor) {
        conditions << column("c.transfer_state") + QLatin1String(" = 'awaiting_sign'");
    }
    if (query.pausedOnly) {
        conditions << column("c.paused_at") + QLatin1String(" IS NOT NULL");
    }
    const QString term = SearchGrams::normalizedTerm(query.text);
    if (!term.isEmpty() && confirmTerm) {
        // The index only narrows; the text itself confirms the match.
        const bool uncased = term == term.toLower() && term == term.toUpper();
        QStringList fields;
        for (const char* field : {"c.case_no", "c.complaint_text", "c.facts", "c.impact", "c.steps"}) {
            fields << (uncased ? dialect.containsUncasedText(QLatin1String(field))
                               : dialect.containsText(QLatin1String(field)));
            values->append(term);
        }
        conditions << QLatin1Char('(') + fields.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    return conditions;
}

Result<SqlCaseRepository::SearchPlan> SqlCaseRepository::planSearch(const CaseQuery& query) const
{
    SearchPlan plan;
    const QString term = SearchGrams::normalizedTerm(query.text);
    const QStringList grams = SearchGrams::ofTerm(term);
    if (!grams.isEmpty()) {
        const SearchIndexSql& index = m_sql.dialect().searchIndex();
        plan.candidates = index.candidates;
        plan.argument = index.argument(grams);
        // A term that is one gram (one character, or two in one run) is in a text exactly when its gram is.
        plan.exact = grams.size() == 1 && grams.constFirst() == term;
        const int smallSet = searchSmallSet();
        if (!index.estimate.isEmpty()) {
            // The planner's estimate from the column's statistics (most common elements) is cheap; when it is
            // already past the threshold, the probe below would only read thousands of pages to say so.
            const auto estimated = estimatedRows(index.estimate.arg(index.document(grams)));
            if (!estimated) {
                return estimated.error();
            }
            if (*estimated >= smallSet) {
                plan.candidateCount = smallSet;
                return plan;
            }
        }
        const auto n = scalarThroughIndex(
            QStringLiteral("SELECT COUNT(*) FROM (%1 LIMIT %2) AS t").arg(index.candidates).arg(smallSet),
            {plan.argument});
        if (!n) {
            return n.error();
        }
        plan.candidateCount = n->toLongLong();
        plan.small = plan.candidateCount < smallSet;
        return plan;
    }
    const bool filtered = !query.statuses.isEmpty() || query.assigneeId != 0 || query.overdueAt.isValid() ||
                          query.dueFrom.isValid() || query.awaitingSignFor || query.pausedOnly; // supervise
    if (!filtered || !term.isEmpty()) {
        // No filter, or a term without letters or digits (nothing to look up): walk the sort order.
        return plan;
    }
    QVariantList values;
    const QStringList conditions = filterConditions(query, true, &values);
    const auto n = m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM cases c WHERE %1 LIMIT %2) AS t")
                                    .arg(conditions.join(QLatin1String(" AND ")))
                                    .arg(m_smallSet),
                                values);
    if (!n) {
        return n.error();
    }
    plan.small = n->toLongLong() < m_smallSet;
    return plan;
}

int SqlCaseRepository::searchSmallSet() const
{
    if (m_searchSmallSet > 0) {
        return m_searchSmallSet;
    }
    const int dialects = m_sql.dialect().searchIndex().smallSet;
    return dialects > 0 ? dialects : m_smallSet;
}

Result<qint64> SqlCaseRepository::estimatedRows(const QString& explainSql) const
{
    // EXPLAIN cannot be prepared on PostgreSQL; the statement holds only letters, digits and quotes it made itself.
    QSqlQuery q(m_sql.db());
    q.setForwardOnly(true);
    if (!q.exec(explainSql)) {
        return m_sql.errorFrom(q.lastError());
    }
    static const QRegularExpression rows(QStringLiteral("rows=(\\d+)"));
    const QRegularExpressionMatch match = q.next() ? rows.match(q.value(0).toString()) : QRegularExpressionMatch();
    return match.hasMatch() ? match.captured(1).toLongLong() : qint64(0);
}

Status SqlCaseRepository::setPlanner(const QString& name, const QString& value) const
{
    // SET cannot be prepared on PostgreSQL; the words come from the dialect (setSessionOption checks callers').
    // Quoted: a value with a unit (work_mem's 4MB, as SHOW gives it back) is no literal unquoted.
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    QSqlQuery q(m_sql.db());
    if (!q.exec(QStringLiteral("SET %1 = '%2'").arg(name, quoted))) {
        return m_sql.errorFrom(q.lastError());
    }
    return {};
}

template <typename Run>
auto SqlCaseRepository::withPlanner(const SearchIndexSql::PlannerSetting& setting, Run&& run) const -> decltype(run())
{
    if (setting.name.isEmpty()) {
        return run();
    }
    QSqlQuery show(m_sql.db());
    if (!show.exec(QStringLiteral("SHOW ") + setting.name) || !show.next()) {
        return m_sql.errorFrom(show.lastError());
    }
    const QString saved = show.value(0).toString();
    show.finish();
    if (auto set = setPlanner(setting.name, setting.value); !set) {
        return set.error();
    }
    auto result = run();
    if (auto reset = setPlanner(setting.name, saved); !reset && result) {
        return reset.error();
    }
    return result;
}

template <typename Run>
auto SqlCaseRepository::withPlanner(const QList<SearchIndexSql::PlannerSetting>& settings, Run&& run) const
    -> decltype(run())
{
    if (settings.isEmpty()) {
        return run();
    }
    // One round trip to read the settings, one to set them, one to put them back (set_config can be prepared).
    QStringList reads;
    QStringList writes;
    QVariantList names;
    QVariantList values;
    for (const auto& setting : settings) {
        reads << QStringLiteral("current_setting(?)");
        writes << QStringLiteral("set_config(?, ?, false)");
        names << setting.name;
        values << setting.name << setting.value;
    }
    auto shown = m_sql.exec(QStringLiteral("SELECT ") + reads.join(QLatin1String(", ")), names);
    if (!shown) {
        return shown.error();
    }
    QVariantList saved;
    if (!shown->next()) {
        return m_sql.errorFrom(shown->lastError());
    }
    for (qsizetype i = 0; i < settings.size(); ++i) {
        saved << settings.at(i).name << shown->value(int(i));
    }
    shown->finish();
    const QString write = QStringLiteral("SELECT ") + writes.join(QLatin1String(", "));
    if (auto set = m_sql.exec(write, values); !set) {
        return set.error();
    }
    auto result = run();
    if (auto reset = m_sql.exec(write, saved); !reset && result) {
        return reset.error();
    }
    return result;
}

Result<QVariant> SqlCaseRepository::scalarThroughIndex(const QString& sql, const QVariantList& values) const
{
    return withPlanner(m_sql.dialect().searchIndex().throughIndex, [&] { return m_sql.scalar(sql, values); });
}

Status SqlCaseRepository::warmUp()
{
    if (!m_sql.dialect().warmsUpConnections()) {
        return {};
    }
    // The shapes a desk's list meets, one row each: every sort key plain and through a filter's index, the overdue
    // range, a clerk's cases, a term of one common gram (the window of the order, and the walk by value of a key
    // with few values) and a term found nowhere (the estimate, the probe through the index, the collection), and
    // the counts under them. What they load stays with the session: the catalog entries of `cases` and its
    // indexes, the column statistics, the operators and functions the statements use.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<CaseQuery> queries;
    const CaseSortKey keys[] = {CaseSortKey::ReceivedAt, CaseSortKey::CaseNo, CaseSortKey::Status,
                                CaseSortKey::Category,   CaseSortKey::Window, CaseSortKey::WaitedMinutes};
    for (const CaseSortKey key : keys) {
        CaseQuery plain;
        plain.sortKey = key;
        plain.limit = 1;
        queries << plain;
        CaseQuery open = plain;
        for (const CaseStatus status : CaseStatuses::all()) {
            if (CaseStatuses::isOpen(status)) {
                open.statuses << status;
            }
        }
        queries << open;
    }
    CaseQuery overdue;
    overdue.limit = 1;
    overdue.overdueAt = now;
    overdue.assigneeId = -1; // nobody's: the (assignee_id, open_due_at) range, empty
    queries << overdue;
    overdue.assigneeId = 0;
    queries << overdue;
    CaseQuery common;
    common.limit = 1;
    common.text = QStringLiteral("2"); // in every case number
    queries << common;
    CaseQuery nowhere = common;
    nowhere.text = QStringLiteral("\u9fa5\u9fa4"); // two rare characters: a probe through the index that finds nothing
    queries << nowhere;
    for (const CaseQuery& query : queries) {
        if (auto page = list(query); !page) {
            return page.error();
        }
    }
    if (auto counted = count(overdue); !counted) {
        return counted.error();
    }
    if (auto counted = count(nowhere); !counted) {
        return counted.error();
    }
    // A search sorted by a key with few values, walked value by value: the key's btree ranges and the search
    // index intersected (the term is found nowhere, so each value costs two index descents).
    nowhere.sortKey = CaseSortKey::Category;
    const auto plan = planSearch(nowhere);
    if (!plan) {
        return plan.error();
    }
    if (!m_sql.dialect().searchIndex().byValue.isEmpty()) {
        if (auto page = listByValue(nowhere, *plan); !page) {
            return page.error();
        }
    }
    return {};
}

Result<SqlCaseRepository::Statement> SqlCaseRepository::listStatement(const CaseQuery& query, bool collect) const
{
    const auto plan = planSearch(query);
    if (!plan) {
        return plan.error();
    }
    return listStatement(query, *plan, collect, nullptr);
}

SqlCaseRepository::Statement SqlCaseRepository::listStatement(const CaseQuery& query, const SearchPlan& searchPlan,
                                                              bool collect, const QVariant* keyValue) const
{
    const SearchPlan* plan = &searchPlan;
    const Dialect& dialect = m_sql.dialect();
    // A small set is collected through the filters' indexes (or the search index) and sorted; a large one is read
    // in the sort order's index, which stops after a page. Hiding the other side's columns from SQLite's planner
    // keeps it to that shape.
    const bool small = plan->small || collect;
    Statement statement;
    const SearchIndexSql& index = dialect.searchIndex();
    const bool searched = !plan->candidates.isEmpty();
    // PostgreSQL walks a window of the order for a search term, and collects the candidates if it held no page.
    const int window = m_walkWindow >= 0 ? m_walkWindow : index.walkWindow;
    const bool windowed = searched && !small && window > 0;
    const QString matches = !searched ? QString() : small ? index.matches : index.walkMatches;
    CaseQuery filters = query;
    if (windowed) {
        filters.text.clear(); // the term is confirmed outside the window
    }
    // One status in received order ("awaiting follow-up", or a status chosen in the list), no term: the
    // (status, received_at, id) index holds the rows in the page's order, so the status drives and the order is
    // read from the same index, small set or large: the read stops after a page, instead of collecting and sorting
    // every case of the status (5,473 resolved cases took 144 ms at 1 M cases) or walking the whole received order
    // past the other statuses' cases.
    const bool statusInOrder = !searched && query.statuses.size() == 1 && query.sortKey == CaseSortKey::ReceivedAt &&
                               !query.overdueAt.isValid() && !query.dueFrom.isValid() && !query.awaitingSignFor &&
                               !query.pausedOnly;
    const bool hideOrder = small && !statusInOrder;
    QStringList conditions =
        filterConditions(filters, small || statusInOrder, &statement.values, !(plan->exact && !matches.isEmpty()));
    if (!matches.isEmpty()) {
        conditions.prepend(matches);
        statement.values.prepend(plan->argument);
    }
    const QString key = sortColumn(query.sortKey);
    const QString keyExpr = hideOrder ? dialect.withoutIndex(key) : key;
    const QString idExpr = hideOrder ? dialect.withoutIndex(QStringLiteral("c.id")) : QStringLiteral("c.id");
    const QLatin1String dir(query.descending ? "DESC" : "ASC");
    if (!small && query.sortKey == CaseSortKey::Status && !query.statuses.isEmpty()) {
        // Sorted by status and filtered by status: start the walk at the first wanted status, not at the top of
        // 950,000 closed cases.
        const auto [lowest, highest] = std::minmax_element(query.statuses.cbegin(), query.statuses.cend());
        conditions
            << QStringLiteral("%1 BETWEEN %2 AND %3").arg(key).arg(statusRank(*lowest)).arg(statusRank(*highest));
    }
    if (keyValue) {
        // One value of a low-cardinality sort key (listByValue): one range of the (key, id) index. Written as a
        // range, not `=`: with an equality PostgreSQL drops the key from the order and walks the primary key
        // instead, filtering the value's rows out of the whole table.
        conditions << QStringLiteral("%1 >= ? AND %1 <= ?").arg(key);
        statement.values << *keyValue << *keyValue;
    }
    if (query.after.isValid()) {
        // Row values: both planners turn `(key, id) < (?, ?)` into one range of the (key, id) index.
        conditions
            << QStringLiteral("(%1, %2) %3 (?, ?)").arg(keyExpr, idExpr, QLatin1String(query.descending ? "<" : ">"));
        statement.values << query.after.sortValue << query.after.id;
    }
    const int limit = std::clamp(query.limit, 1, 5000);
    const QString where =
        conditions.isEmpty() ? QString() : QLatin1String(" WHERE ") + conditions.join(QLatin1String(" AND "));
    const QString order = QStringLiteral(" ORDER BY %1 %3, %2 %3").arg(keyExpr, idExpr, dir);
    QString from = kFrom;
    QString outerWhere = where;
    if (windowed) {
        // The first walkWindow rows of the order that pass the other filters, then the term among them.
        from.replace(QLatin1String(" FROM cases c "),
                     QStringLiteral(" FROM (SELECT c.* FROM cases c%1%2 LIMIT %3) c ").arg(where, order).arg(window));
        CaseQuery term;
        term.text = query.text;
        const QStringList confirm = filterConditions(term, false, &statement.values);
        outerWhere = QLatin1String(" WHERE ") + confirm.join(QLatin1String(" AND "));
    }
    // One row more than asked tells whether another page follows.
    statement.sql = selectClause(Shape::List) + QLatin1String(", ") + key + from + outerWhere + order +
                    QStringLiteral(" LIMIT %1").arg(limit + 1);
    statement.small = small;
    statement.windowed = windowed;
    statement.collectsSearch = searched && small;
    statement.byValue = keyValue != nullptr;
    return statement;
}

Result<QStringList> SqlCaseRepository::explainList(const CaseQuery& query) const
{
    const auto statement = listStatement(query);
    if (!statement) {
        return statement.error();
    }
    return explain(*statement);
}

Result<QStringList> SqlCaseRepository::explain(const Statement& statement) const
{
    QStringList lines;
    if (m_sql.dialect().isSqlite()) {
        auto q = m_sql.exec(m_sql.dialect().explain() + statement.sql, statement.values);
        if (!q) {
            return q.error();
        }
        while (q->next()) {
            lines << q->value(3).toString(); // EXPLAIN QUERY PLAN: id, parent, notused, detail
        }
        return lines;
    }
    // PostgreSQL cannot prepare EXPLAIN: the values go in as literals, formatted by the driver.
    QString sql = statement.sql;
    const QSqlDriver* driver = m_sql.db().driver();
    qsizetype at = 0;
    for (const QVariant& value : statement.values) {
        at = sql.indexOf(QLatin1Char('?'), at);
        if (at < 0) {
            break;
        }
        QSqlField field(QString(), value.metaType());
        field.setValue(value);
        const QString literal = driver->formatValue(field);
        sql.replace(at, 1, literal);
        at += literal.size();
    }
    const auto run = [&]() -> Result<QStringList> {
        QSqlQuery q(m_sql.db());
        if (!q.exec(m_sql.dialect().explain() + sql)) {
            return m_sql.errorFrom(q.lastError());
        }
        while (q.next()) {
            lines << q.value(0).toString();
        }
        return lines;
    };
    if (statement.collectsSearch && statement.byValue) {
        return withPlanner(m_sql.dialect().searchIndex().byValue, run);
    }
    return statement.collectsSearch ? withPlanner(m_sql.dialect().searchIndex().collect, run) : run();
}

Status SqlCaseRepository::setSessionOption(const QString& name, const QString& value)
{
    if (m_sql.dialect().isSqlite()) {
        return {};
    }
    static const QRegularExpression word(QStringLiteral("^[a-z_]+$"));
    if (!word.match(name).hasMatch() || !word.match(value).hasMatch()) {
        return Error::make(Error::Code::Invalid, QStringLiteral("bad session option"));
    }
    // SET cannot be prepared on PostgreSQL: run it as it is (both words were checked above).
    QSqlQuery q(m_sql.db());
    if (!q.exec(QStringLiteral("SET %1 = %2").arg(name, value))) {
        return m_sql.errorFrom(q.lastError());
    }
    return {};
}

Result<CasePage> SqlCaseRepository::list(const CaseQuery& query)
{
    const auto plan = planSearch(query);
    if (!plan) {
        return plan.error();
    }
    return pageOf(query, *plan, nullptr);
}

namespace {
/** Sort keys with a handful of values (a hall's categories, windows, the statuses): walked one value at a time. */
bool fewValues(CaseSortKey key)
{
    return key == CaseSortKey::Category || key == CaseSortKey::Window || key == CaseSortKey::Status;
}
} // namespace

Result<CasePage> SqlCaseRepository::pageOf(const CaseQuery& query, const SearchPlan& plan, const QVariant* keyValue)
{
    const Statement statement = listStatement(query, plan, false, keyValue);
    auto page = readPage(statement, query.limit);
    if (page && statement.windowed && page->atEnd) {
        // The window held no whole page: the term is rare in this order (it follows the sort key, or is rare
        // itself). A key with few values is walked value by value where the search index says there are
        // candidates; otherwise collecting the candidates costs a page read each, but no more than that.
        if (!keyValue && fewValues(query.sortKey) && !m_sql.dialect().searchIndex().byValue.isEmpty()) {
            return listByValue(query, plan);
        }
        return readPage(listStatement(query, plan, true, keyValue), query.limit);
    }
    return page;
}

Result<QVariant> SqlCaseRepository::nextKeyValue(CaseSortKey sortKey, bool descending, const QVariant* after) const
{
    // One descent of the (key, id) index each: the next value in the list's order, NULL past the last.
    const QString key = sortColumn(sortKey);
    QString sql = QStringLiteral("SELECT %1(%2) FROM cases c").arg(QLatin1String(descending ? "MAX" : "MIN"), key);
    QVariantList values;
    if (after) {
        sql += QStringLiteral(" WHERE %1 %2 ?").arg(key, QLatin1String(descending ? "<" : ">"));
        values << *after;
    }
    return m_sql.scalar(sql, values);
}

SqlCaseRepository::Statement SqlCaseRepository::candidatesOfValue(const CaseQuery& query, const SearchPlan& plan,
                                                                  const QVariant& value) const
{
    // The key's btree range (from the cursor, on the cursor's value) AND the term's GIN entries: a BitmapAnd that
    // reads no row for a value without candidates. Capped at the small set: past it the value is walked.
    const QString key = sortColumn(query.sortKey);
    Statement statement;
    QString range = QStringLiteral("%1 >= ? AND %1 <= ?").arg(key);
    statement.values << value << value;
    if (query.after.isValid()) {
        range += QStringLiteral(" AND (%1, c.id) %2 (?, ?)").arg(key, QLatin1String(query.descending ? "<" : ">"));
        statement.values << query.after.sortValue << query.after.id;
    }
    statement.values << plan.argument;
    statement.sql = QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM cases c WHERE %1 AND %2 LIMIT %3) AS t")
                        .arg(range, m_sql.dialect().searchIndex().matches)
                        .arg(searchSmallSet());
    statement.collectsSearch = true;
    statement.byValue = true;
    return statement;
}

Result<QStringList> SqlCaseRepository::explainByValue(const CaseQuery& query)
{
    const auto plan = planSearch(query);
    if (!plan) {
        return plan.error();
    }
    QVariant value = query.after.sortValue;
    if (!query.after.isValid()) {
        auto first = nextKeyValue(query.sortKey, query.descending, nullptr);
        if (!first) {
            return first.error();
        }
        value = *first;
    }
    // The three statements of one value: its candidates, their collection, the walk of its range.
    QStringList lines;
    SearchPlan walk = *plan;
    walk.small = false;
    for (const Statement& statement :
         {candidatesOfValue(query, *plan, value), listStatement(query, *plan, true, &value),
          listStatement(query, walk, false, &value)}) {
        const auto explained = explain(statement);
        if (!explained) {
            return explained.error();
        }
        lines << *explained << QString();
    }
    return lines;
}

Result<CasePage> SqlCaseRepository::listByValue(const CaseQuery& query, const SearchPlan& plan)
{
    // For each value of the key in the list's order, from the cursor's: how many candidates the search index
    // holds for it, counted on the intersection of the key's btree range and the term's GIN entries (BitmapAnd;
    // no row is read when the visibility map says the pages are all visible). A value without candidates costs
    // its index range only, instead of walking or collecting its rows. A value with few candidates has them
    // collected and sorted by id; one with many is walked (a window of its range first, as the whole list is).
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    const int limit = std::clamp(query.limit, 1, 5000);
    const int smallSet = searchSmallSet();
    CasePage page;
    QVariantList keys; // the sort value of each row in `page`
    QVariant value;
    if (query.after.isValid()) {
        value = query.after.sortValue;
    } else {
        auto first = nextKeyValue(query.sortKey, query.descending, nullptr);
        if (!first) {
            return first.error();
        }
        value = *first;
    }
    CaseQuery part = query;
    while (!value.isNull() && page.cases.size() <= limit) {
        const Statement probe = candidatesOfValue(part, plan, value);
        const auto candidates = withPlanner(index.byValue + QList{index.throughIndex},
                                            [&] { return m_sql.scalar(probe.sql, probe.values); });
        if (!candidates) {
            return candidates.error();
        }
        if (candidates->toLongLong() > 0) {
            part.limit = limit + 1 - int(page.cases.size());
            SearchPlan valuePlan = plan;
            valuePlan.small = candidates->toLongLong() < smallSet;
            const auto rows = valuePlan.small ? readPage(listStatement(part, valuePlan, true, &value), part.limit)
                                              : pageOf(part, valuePlan, &value);
            if (!rows) {
                return rows.error();
            }
            for (const Case& c : rows->cases) {
                page.cases.append(c);
                keys.append(value);
            }
        }
        part.after = CaseCursor();
        auto next = nextKeyValue(query.sortKey, query.descending, &value);
        if (!next) {
            return next.error();
        }
        value = *next;
    }
    page.atEnd = page.cases.size() <= limit;
    if (!page.atEnd) {
        page.cases.resize(limit);
    }
    if (!page.cases.isEmpty()) {
        page.next = {keys.at(page.cases.size() - 1), page.cases.constLast().id};
    }
    return page;
}

Result<CasePage> SqlCaseRepository::readPage(const Statement& statement, int pageSize)
{
    const int limit = std::clamp(pageSize, 1, 5000);
    // The rows are read before a planner setting is put back: QPSQL drops a result another statement follows.
    const auto run = [&]() -> Result<CasePage> {
        auto q = m_sql.exec(statement.sql, statement.values);
        if (!q) {
            return q.error();
        }
        CasePage page;
        QVariant lastKey;
        while (q->next()) {
            if (page.cases.size() == limit) {
                page.atEnd = false;
                break;
            }
            Case c;
            const int keyColumn = readCase(*q, Shape::List, &c);
            page.cases.append(std::move(c));
            lastKey = q->value(keyColumn);
        }
        q->finish();
        if (!page.cases.isEmpty()) {
            page.next = {lastKey, page.cases.constLast().id};
        }
        return page;
    };
    if (statement.collectsSearch && statement.byValue) {
        return withPlanner(m_sql.dialect().searchIndex().byValue, run);
    }
    return statement.collectsSearch ? withPlanner(m_sql.dialect().searchIndex().collect, run) : run();
}

Result<CaseCount> SqlCaseRepository::count(const CaseQuery& query)
{
    const bool onlyStatuses = query.assigneeId == 0 && !query.overdueAt.isValid() &&
                              SearchGrams::normalizedTerm(query.text).isEmpty() && !query.dueFrom.isValid() &&
                              !query.awaitingSignFor && !query.pausedOnly; // supervise
    if (onlyStatuses) {
        // Kept by triggers on every write: exact, and no rows are counted.
        QStringList marks;
        QVariantList values;
        for (CaseStatus s : query.statuses) {
            marks << QStringLiteral("?");
            values << CaseStatuses::code(s);
        }
        const QString where =
            marks.isEmpty() ? QString() : QStringLiteral(" WHERE status IN (%1)").arg(marks.join(QLatin1String(", ")));
        const auto n =
            m_sql.scalar(QStringLiteral("SELECT COALESCE(SUM(n), 0) FROM case_status_counts") + where, values);
        if (!n) {
            return n.error();
        }
        return CaseCount{n->toLongLong(), true};
    }
    const auto plan = planSearch(query);
    if (!plan) {
        return plan.error();
    }
    QVariantList values;
    const bool searched = !plan->candidates.isEmpty();
    QStringList conditions = filterConditions(query, true, &values, !plan->exact);
    bool boundedByCandidates = false;
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    if (searched) {
        // Past the small set, only the first candidates are confirmed: what they hold is a lower bound.
        boundedByCandidates = !plan->small;
        const int sample = m_countSample > 0            ? m_countSample
                           : index.largeCountSample > 0 ? index.largeCountSample
                                                        : searchSmallSet();
        conditions.prepend(boundedByCandidates
                               ? QStringLiteral("c.id IN (%1 LIMIT %2)").arg(index.candidates).arg(sample)
                               : index.matches);
        values.prepend(plan->argument);
    }
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM cases c WHERE %1 LIMIT %2) AS t")
                            .arg(conditions.join(QLatin1String(" AND ")))
                            .arg(m_countCap + 1);
    const auto n = searched ? scalarThroughIndex(sql, values) : m_sql.scalar(sql, values);
    if (!n) {
        return n.error();
    }
    const qint64 counted = n->toLongLong();
    if (counted > m_countCap) {
        return CaseCount{m_countCap, false};
    }
    if (boundedByCandidates) {
        // The sample is the first candidates in the table's order: for a term whose matches are all recent (today's
        // case numbers) it may hold none while the list shows a page. The count never says less than the first
        // page holds, and is exact when that page is the whole list.
        CaseQuery first = query;
        first.after = CaseCursor();
        const auto page = list(first);
        if (!page) {
            return page.error();
        }
        const qint64 shown = page->cases.size();
        if (page->atEnd) {
            return CaseCount{shown, true};
        }
        return CaseCount{std::max(counted, shown), false};
    }
    return CaseCount{counted, !boundedByCandidates};
}

Result<qint64> SqlCaseRepository::addEvent(const CaseEvent& e)
{
    const auto id = m_sql.scalar(
        QStringLiteral("INSERT INTO case_events (case_id, at, kind, actor_id, actor, from_status, to_status, note) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {e.caseId, SqlContext::time(e.at), CaseEventKinds::code(e.kind), SqlContext::id(e.actor.id), e.actor.name,
         e.fromStatus ? QVariant(CaseStatuses::code(*e.fromStatus)) : QVariant(),
         e.toStatus ? QVariant(CaseStatuses::code(*e.toStatus)) : QVariant(), e.note});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<QList<CaseEvent>> SqlCaseRepository::events(qint64 caseId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT e.id, e.case_id, e.at, e.kind, e.actor_id, "
                                       "COALESCE(NULLIF(u.display_name, ''), e.actor), e.from_status, e.to_status, "
                                       "e.note FROM case_events e LEFT JOIN users u ON u.id = e.actor_id "
                                       "WHERE e.case_id = ? ORDER BY e.id"),
                        {caseId});
    if (!q) {
        return q.error();
    }
    QList<CaseEvent> result;
    while (q->next()) {
        CaseEvent e;
        e.id = q->value(0).toLongLong();
        e.caseId = q->value(1).toLongLong();
        e.at = SqlContext::toTime(q->value(2));
        e.kind = CaseEventKinds::fromCode(q->value(3).toString()).value_or(CaseEventKind::NoteAdded);
        e.actor = {q->value(4).toLongLong(), q->value(5).toString()};
        e.fromStatus = CaseStatuses::fromCode(q->value(6).toString());
        e.toStatus = CaseStatuses::fromCode(q->value(7).toString());
        e.note = q->value(8).toString();
        result.append(e);
    }
    return result;
}

Result<qint64> SqlCaseRepository::addFollowUp(const FollowUp& f)
{
    const auto id =
        m_sql.scalar(QStringLiteral("INSERT INTO follow_ups (case_id, at, method, rating, nps, note, actor_id, actor) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                     {f.caseId, SqlContext::time(f.at), FollowUpMethods::code(f.method), f.rating,
                      SqlContext::optionalInt(f.nps), f.note, SqlContext::id(f.actor.id), f.actor.name});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<QList<FollowUp>> SqlCaseRepository::followUps(qint64 caseId)
{
    auto q = m_sql.exec(QStringLiteral("SELECT id, case_id, at, method, rating, nps, note, actor_id, actor "
                                       "FROM follow_ups WHERE case_id = ? ORDER BY id"),
                        {caseId});
    if (!q) {
        return q.error();
    }
    QList<FollowUp> result;
    while (q->next()) {
        FollowUp f;
        f.id = q->value(0).toLongLong();
        f.caseId = q->value(1).toLongLong();
        f.at = SqlContext::toTime(q->value(2));
        f.method = FollowUpMethods::fromCode(q->value(3).toString()).value_or(FollowUpMethod::Phone);
        f.rating = q->value(4).toInt();
        f.nps = SqlContext::toOptionalInt(q->value(5));
        f.note = q->value(6).toString();
        f.actor = {q->value(7).toLongLong(), q->value(8).toString()};
        result.append(f);
    }
    return result;
}

Result<qint64> SqlCaseRepository::insertCitizen(const Citizen& citizen)
{
    const auto id =
        m_sql.scalar(QStringLiteral("INSERT INTO citizens (name, phone, phone_key, id_number, address, created_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                     {citizen.name, citizen.phone, CitizenValidator::normalizedPhone(citizen.phone), citizen.idNumber,
                      citizen.address, QDateTime::currentSecsSinceEpoch()});
    if (!id) {
        return id.error();
    }
    return id->toLongLong();
}

Result<Citizen> SqlCaseRepository::citizen(qint64 id)
{
    auto q = m_sql.exec(QStringLiteral("SELECT id, name, phone, id_number, address FROM citizens WHERE id = ?"), {id});
    if (!q) {
        return q.error();
    }
    if (!q->next()) {
        return Error::make(Error::Code::NotFound, tr("The citizen record no longer exists."));
    }
    return Citizen{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                   q->value(4).toString()};
}

SqlCaseRepository::Statement SqlCaseRepository::findCitizensStatement(const QString& phoneKey, const QString& idNumber,
                                                                      int limit)
{
    // Each key is one range of its own index (phone_key, id_number); an empty key is never looked up.
    QStringList conditions;
    Statement statement;
    if (!phoneKey.isEmpty()) {
        conditions << QStringLiteral("phone_key = ?");
        statement.values << phoneKey;
    }
    if (!idNumber.isEmpty()) {
        conditions << QStringLiteral("id_number = ?");
        statement.values << idNumber;
    }
    statement.sql = QStringLiteral("SELECT id, name, phone, id_number, address FROM citizens WHERE %1 "
                                   "ORDER BY id DESC LIMIT %2")
                        .arg(conditions.join(QLatin1String(" OR ")))
                        .arg(std::clamp(limit, 1, 500));
    return statement;
}

Result<QList<Citizen>> SqlCaseRepository::findCitizens(const QString& phoneKey, const QString& idNumber, int limit)
{
    if (phoneKey.isEmpty() && idNumber.isEmpty()) {
        return QList<Citizen>{};
    }
    const Statement statement = findCitizensStatement(phoneKey, idNumber, limit);
    auto q = m_sql.exec(statement.sql, statement.values);
    if (!q) {
        return q.error();
    }
    QList<Citizen> result;
    while (q->next()) {
        result.append(Citizen{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                              q->value(3).toString(), q->value(4).toString()});
    }
    return result;
}

SqlCaseRepository::Statement SqlCaseRepository::citizenCasesStatement(qint64 citizenId, int limit)
{
    // One backward range of cases_citizen_received (citizen_id, received_at, id): no sort, stops after `limit`.
    Statement statement;
    statement.sql = selectClause(Shape::List) + kFrom +
                    QStringLiteral(" WHERE c.citizen_id = ? ORDER BY c.received_at DESC, c.id DESC LIMIT %1")
                        .arg(std::clamp(limit, 1, 500));
    statement.values << citizenId;
    return statement;
}

SqlCaseRepository::Statement SqlCaseRepository::similarCasesStatement(qint64 serviceItemId, qint64 categoryId,
                                                                      const QDateTime& since, int limit)
{
    // One backward range of cases_item_category_received (service_item_id, category_id, received_at, id).
    Statement statement;
    statement.sql = selectClause(Shape::List) + kFrom +
                    QStringLiteral(" WHERE c.service_item_id = ? AND c.category_id = ? AND c.received_at >= ? "
                                   "ORDER BY c.received_at DESC, c.id DESC LIMIT %1")
                        .arg(std::clamp(limit, 1, 500));
    statement.values << serviceItemId << categoryId << SqlContext::time(since);
    return statement;
}

Result<QList<Case>> SqlCaseRepository::listCases(const Statement& statement)
{
    auto q = m_sql.exec(statement.sql, statement.values);
    if (!q) {
        return q.error();
    }
    QList<Case> result;
    while (q->next()) {
        Case c;
        readCase(*q, Shape::List, &c);
        result.append(std::move(c));
    }
    return result;
}

Result<QList<Case>> SqlCaseRepository::citizenCases(qint64 citizenId, int limit)
{
    return listCases(citizenCasesStatement(citizenId, limit));
}

Result<QList<Case>> SqlCaseRepository::similarCases(qint64 serviceItemId, qint64 categoryId, const QDateTime& since,
                                                    int limit)
{
    return listCases(similarCasesStatement(serviceItemId, categoryId, since, limit));
}

Result<QStringList> SqlCaseRepository::explainFindCitizens(const QString& phoneKey, const QString& idNumber) const
{
    return explain(findCitizensStatement(phoneKey, idNumber, 20));
}

Result<QStringList> SqlCaseRepository::explainCitizenCases(qint64 citizenId) const
{
    return explain(citizenCasesStatement(citizenId, 50));
}

Result<QStringList> SqlCaseRepository::explainSimilarCases(qint64 serviceItemId, qint64 categoryId,
                                                           const QDateTime& since) const
{
    return explain(similarCasesStatement(serviceItemId, categoryId, since, 50));
}
