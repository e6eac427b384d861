#include "SqlRetentionRepository.h"

#include <QSqlQuery>

#include <array>

namespace {
/**
 * The free text of a case's records, table by table. **Coupling:** a new free-text column on a record of a case
 * belongs here, or the purge leaves it as it was (tst_cli's retention test reads every TEXT column of every table
 * for the purged citizens' phone and ID numbers).
 */
struct TextColumns
{
    const char* table;
    std::array<const char*, 3> columns; ///< nullptr-terminated
};
constexpr TextColumns kRecordTexts[] = {
    {"case_events", {"note", nullptr, nullptr}},
    {"follow_ups", {"note", nullptr, nullptr}},
    {"follow_up_attempts", {"note", nullptr, nullptr}},
    {"case_pauses", {"reason", "resume_note", nullptr}},
    {"case_transfers", {"reason", "decision_note", nullptr}},
    {"case_extensions", {"reason", "decision_note", nullptr}},
    {"rectifications", {"verify_note", "rectify_note", "feedback_note"}},
    {"rating_appeals", {"reason", "decision_note", nullptr}},
    {"risk_alerts", {"signals", nullptr, nullptr}},
};
constexpr int kIdsPerStatement = 500;
} // namespace

Result<QList<RetentionRepository::Due>> SqlRetentionRepository::due(qint64 closedBefore)
{
    // One sequential pass over the cases, grouped by citizen: through cases_citizen_received every case would be a
    // random read of its row for closed_at (81 s for 705,157 citizens at 1 M cases, none of them due). SQLite is
    // told not to use the index; PostgreSQL's planner hashes on its own.
    const QString cases = m_sql.dialect().isSqlite() ? QStringLiteral("cases NOT INDEXED") : QStringLiteral("cases");
    auto q = m_sql.exec(QStringLiteral("SELECT g.citizen_id, g.n FROM (SELECT citizen_id, COUNT(*) AS n, "
                                       "COUNT(closed_at) AS closed, MAX(closed_at) AS last FROM %1 WHERE citizen_id IS "
                                       "NOT NULL GROUP BY citizen_id) g JOIN citizens z ON z.id = g.citizen_id WHERE "
                                       "g.n = g.closed AND g.last < ? AND z.purged_at IS NULL ORDER BY g.citizen_id")
                            .arg(cases),
                        {closedBefore});
    if (!q) {
        return q.error();
    }
    QList<Due> due;
    while (q->next()) {
        due.append(Due{q->value(0).toLongLong(), q->value(1).toLongLong()});
    }
    return due;
}

Result<qint64> SqlRetentionRepository::purgedCount()
{
    const auto n = m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM citizens WHERE purged_at IS NOT NULL"));
    if (!n) {
        return n.error();
    }
    return n->toLongLong();
}

Result<QList<qint64>> SqlRetentionRepository::caseIds(qint64 citizenId)
{
    return m_sql.ids(QStringLiteral("SELECT id FROM cases WHERE citizen_id = ? ORDER BY id"), {citizenId});
}

Result<QList<RetentionRepository::Text>> SqlRetentionRepository::recordTexts(const QList<qint64>& caseIds)
{
    QList<Text> texts;
    for (qsizetype from = 0; from < caseIds.size(); from += kIdsPerStatement) {
        const QList<qint64> slice = caseIds.mid(from, kIdsPerStatement);
        QStringList marks;
        QVariantList values;
        for (qint64 id : slice) {
            marks << QStringLiteral("?");
            values << id;
        }
        for (const TextColumns& t : kRecordTexts) {
            QStringList columns;
            for (const char* c : t.columns) {
                if (c) {
                    columns << QLatin1String(c);
                }
            }
            auto q = m_sql.exec(
                QStringLiteral("SELECT id, case_id, %1 FROM %2 WHERE case_id IN (%3) ORDER BY id")
                    .arg(columns.join(QLatin1String(", ")), QLatin1String(t.table), marks.join(QLatin1String(", "))),
                values);
            if (!q) {
                return q.error();
            }
            while (q->next()) {
                for (int i = 0; i < columns.size(); ++i) {
                    const QString text = q->value(2 + i).toString();
                    if (!text.trimmed().isEmpty()) {
                        texts.append(Text{QLatin1String(t.table), columns.at(i), q->value(0).toLongLong(),
                                          q->value(1).toLongLong(), text});
                    }
                }
            }
        }
    }
    return texts;
}

Status SqlRetentionRepository::rewrite(const QList<Text>& texts)
{
    for (const Text& t : texts) {
        // Table and column come from kRecordTexts (recordTexts()), never from input: checked again here.
        bool known = false;
        for (const TextColumns& k : kRecordTexts) {
            if (t.table == QLatin1String(k.table)) {
                for (const char* c : k.columns) {
                    known = known || (c && t.column == QLatin1String(c));
                }
            }
        }
        if (!known) {
            return Error::make(Error::Code::Invalid,
                               QStringLiteral("unknown text column %1.%2").arg(t.table, t.column));
        }
        if (auto s = m_sql.execOne(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(t.table, t.column),
                                   {t.text, t.rowId});
            !s) {
            return s;
        }
    }
    return {};
}

Status SqlRetentionRepository::erase(qint64 citizenId, qint64 purgedAt)
{
    return m_sql.execOne(QStringLiteral("UPDATE citizens SET name = '', phone = '', phone_key = '', id_number = '', "
                                        "address = '', purged_at = ? WHERE id = ? AND purged_at IS NULL"),
                         {purgedAt, citizenId});
}
