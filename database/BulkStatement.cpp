#include "BulkStatement.h"

#include "Dialect.h"
#include "cases/FollowUp.h"
#include "cases/Intake.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringEncoder>

#include <sqlite3.h>

namespace {

class SqliteStatement final : public BulkStatement
{
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
        : m_db(db)
        , m_stmt(stmt)
        , m_buffers(std::size_t(sqlite3_bind_parameter_count(stmt)))
    {}
    ~SqliteStatement() override { sqlite3_finalize(m_stmt); }

    void bindInt(int i, qint64 v) override { sqlite3_bind_int64(m_stmt, i + 1, v); }
    void bindNull(int i) override { sqlite3_bind_null(m_stmt, i + 1); }
    /** Encodes to UTF-8 into a buffer per parameter that is reused row after row (no allocation per row). */
    void bindText(int i, const QString& s) override
    {
        QByteArray& buffer = m_buffers[std::size_t(i)];
        buffer.resize(s.size() * 3 + 1);
        char* end = m_encoder.appendToBuffer(buffer.data(), s);
        sqlite3_bind_text(m_stmt, i + 1, buffer.constData(), int(end - buffer.constData()), SQLITE_STATIC);
    }
    Result<std::optional<qint64>> exec() override
    {
        std::optional<qint64> first;
        int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            first = sqlite3_column_int64(m_stmt, 0);
            while (rc == SQLITE_ROW) {
                rc = sqlite3_step(m_stmt);
            }
        }
        if (rc != SQLITE_DONE) {
            const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
            sqlite3_reset(m_stmt);
            return Error::make(Error::Code::Storage,
                               BulkStatements::tr("Writing to the database failed: %1").arg(message));
        }
        sqlite3_reset(m_stmt);
        return first;
    }
    qint64 insertedId(const std::optional<qint64>&) override { return sqlite3_last_insert_rowid(m_db); }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
    std::vector<QByteArray> m_buffers;
    QStringEncoder m_encoder{QStringConverter::Utf8, QStringConverter::Flag::Stateless};
};

class QtStatement final : public BulkStatement
{
public:
    QtStatement(const SqlContext& sql, QSqlQuery query)
        : m_sql(sql)
        , m_query(std::move(query))
    {}

    void bindInt(int i, qint64 v) override { m_query.bindValue(i, v); }
    void bindNull(int i) override { m_query.bindValue(i, QVariant(QMetaType(QMetaType::LongLong))); }
    void bindText(int i, const QString& s) override
    {
        m_query.bindValue(i, s.isNull() ? QStringLiteral("") : s); // a null QString would bind NULL
    }
    Result<std::optional<qint64>> exec() override
    {
        if (!m_query.exec()) {
            return m_sql.errorFrom(m_query.lastError());
        }
        std::optional<qint64> first;
        if (m_query.isSelect() && m_query.next()) {
            first = m_query.value(0).toLongLong();
        }
        m_query.finish();
        return first;
    }
    qint64 insertedId(const std::optional<qint64>& returned) override { return returned.value_or(0); }

private:
    const SqlContext& m_sql;
    QSqlQuery m_query;
};

/**
 * PostgreSQL: rows of an INSERT that returns nothing are sent kRows at a time in one multi-row statement, which
 * saves a round trip per row. `row` is the statement's VALUES tuple, repeated for each row.
 */
class BufferedInsert final : public BulkStatement
{
public:
    static constexpr int kRows = 200;

    BufferedInsert(const SqlContext& sql, QString insertHead, QString row)
        : m_sql(sql)
        , m_head(std::move(insertHead))
        , m_rowSql(std::move(row))
    {
        m_row.resize(m_rowSql.count(QLatin1Char('?')));
    }

    void bindInt(int i, qint64 v) override { m_row[i] = v; }
    void bindNull(int i) override { m_row[i] = QVariant(QMetaType(QMetaType::LongLong)); }
    void bindText(int i, const QString& s) override { m_row[i] = s.isNull() ? QStringLiteral("") : s; }
    Result<std::optional<qint64>> exec() override
    {
        m_rows.append(m_row);
        if (m_rows.size() >= kRows) {
            if (auto s = flush(); !s) {
                return s.error();
            }
        }
        return std::optional<qint64>();
    }
    qint64 insertedId(const std::optional<qint64>&) override { return 0; }
    Status flush() override
    {
        if (m_rows.isEmpty()) {
            return {};
        }
        QSqlQuery& q = m_rows.size() == kRows ? m_full : m_partial;
        if (&q == &m_partial || !m_fullPrepared) {
            q = QSqlQuery(m_sql.db());
            if (!q.prepare(m_head + QStringList(int(m_rows.size()), m_rowSql).join(QLatin1Char(',')))) {
                return m_sql.errorFrom(q.lastError());
            }
            m_fullPrepared = m_fullPrepared || &q == &m_full;
        }
        int i = 0;
        for (const QVariantList& row : std::as_const(m_rows)) {
            for (const QVariant& v : row) {
                q.bindValue(i++, v);
            }
        }
        m_rows.clear();
        if (!q.exec()) {
            return m_sql.errorFrom(q.lastError());
        }
        q.finish();
        return {};
    }

private:
    const SqlContext& m_sql;
    QString m_head;
    QString m_rowSql;
    QVariantList m_row;
    QList<QVariantList> m_rows;
    QSqlQuery m_full;
    QSqlQuery m_partial;
    bool m_fullPrepared = false;
};

/**
 * PostgreSQL: an INSERT whose rows need their new ids (cases, citizens: later rows refer to them) without a round
 * trip per row. The ids are drawn from the table's identity sequence beforehand, one statement for a batch
 * (reserve()), and written explicitly through a BufferedInsert whose column 0 is the id.
 */
class ReservedIdInsert final : public BulkStatement
{
public:
    ReservedIdInsert(const SqlContext& sql, QString table, std::unique_ptr<BufferedInsert> insert)
        : m_sql(sql)
        , m_table(std::move(table))
        , m_insert(std::move(insert))
    {}

    Status reserve(qsizetype n)
    {
        m_ids.clear();
        m_next = 0;
        if (n == 0) {
            return {};
        }
        auto q = m_sql.exec(QStringLiteral("SELECT nextval(pg_get_serial_sequence('%1', 'id')) "
                                           "FROM generate_series(1, ?)")
                                .arg(m_table),
                            {qint64(n)});
        if (!q) {
            return q.error();
        }
        m_ids.reserve(n);
        while (q->next()) {
            m_ids.append(q->value(0).toLongLong());
        }
        return {};
    }

    void bindInt(int i, qint64 v) override { m_insert->bindInt(i + 1, v); }
    void bindNull(int i) override { m_insert->bindNull(i + 1); }
    void bindText(int i, const QString& s) override { m_insert->bindText(i + 1, s); }
    Result<std::optional<qint64>> exec() override
    {
        if (m_next >= m_ids.size()) {
            return Error::make(Error::Code::Storage, QStringLiteral("no reserved id left for %1").arg(m_table));
        }
        const qint64 id = m_ids.at(m_next++);
        m_insert->bindInt(0, id);
        if (auto r = m_insert->exec(); !r) {
            return r.error();
        }
        return std::optional<qint64>(id);
    }
    qint64 insertedId(const std::optional<qint64>& returned) override { return returned.value_or(0); }
    Status flush() override { return m_insert->flush(); }

private:
    const SqlContext& m_sql;
    QString m_table;
    std::unique_ptr<BufferedInsert> m_insert;
    QList<qint64> m_ids;
    qsizetype m_next = 0;
};

/**
 * The connection's sqlite3 handle, if the Qt plugin runs the same SQLite library as the one we link (Debian's does);
 * otherwise nullptr, and the writer takes the slower Qt SQL path.
 */
sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("SELECT sqlite_version()")) || !version.next() ||
        version.value(0).toString() != QLatin1String(sqlite3_libversion())) {
        return nullptr;
    }
    return *static_cast<sqlite3* const*>(v.constData());
}

const QString kCaseSql = QStringLiteral(
    "INSERT INTO cases (case_no, status, channel, window_id, service_item_id, category_id, department_id, "
    "assignee_id, created_by_id, created_by, citizen_id, waited_minutes, complaint_text, facts, impact, steps, "
    "received_at, acknowledged_at, answered_at, promised_at, due_at, resolved_at, followed_up_at, closed_at, "
    "updated_at, version, transfer_count, escalation_level, rating, nps, "
    "paused_at, followup_attempts, unreachable_at, rating_excluded, reminder_level, reminded_at, transfer_state, "
    "extended_due_at, "
    "emotion, facts_what, facts_when, facts_where, facts_involved, facts_window_id, affected, severity, scope, "
    "recurrence, demand, reasonableness, responsibility, remedies, remedy_note, promise_reason, reply_text, "
    "resolved_on_spot, queue_ticket, "
    "status_rank, window_name, category_name, waited_key, open_due_at, risk_score, risk_level, risk_signals) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "COALESCE((SELECT name FROM windows WHERE id = ?), ''), COALESCE((SELECT name FROM categories WHERE id = ?), ''), "
    "?, ?, ?, ?, ?)");
} // namespace

BulkStatements::BulkStatements(const SqlContext& sql)
    : m_sql(sql)
{}

Status BulkStatements::make(const QString& sql, Shape shape, std::unique_ptr<BulkStatement>* into) const
{
    const QSqlDatabase db = m_sql.db();
    sqlite3* handle = m_sql.dialect().isSqlite() ? sqliteHandle(db) : nullptr;
    if (handle) {
        sqlite3_stmt* stmt = nullptr;
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(handle, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
            SQLITE_OK) {
            return Error::make(Error::Code::Storage,
                               tr("Writing to the database failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
        }
        *into = std::make_unique<SqliteStatement>(handle, stmt);
        return {};
    }
    const qsizetype values = sql.indexOf(QLatin1String(" VALUES ("));
    if (shape != Shape::OneByOne && values > 0 && !sql.contains(QLatin1String("ON CONFLICT"))) {
        const QString head = sql.left(values) + QLatin1String(" VALUES ");
        const QString row = sql.mid(values + 8);
        if (shape == Shape::Plain) {
            *into = std::make_unique<BufferedInsert>(m_sql, head, row);
            return {};
        }
        // "INSERT INTO t (a, …) VALUES (?, …)" becomes "INSERT INTO t (id, a, …) VALUES (?, ?, …)".
        const qsizetype open = head.indexOf(QLatin1Char('('));
        const QString table = head.mid(12, open - 12).trimmed();
        *into = std::make_unique<ReservedIdInsert>(
            m_sql, table,
            std::make_unique<BufferedInsert>(m_sql, head.left(open + 1) + QLatin1String("id, ") + head.mid(open + 1),
                                             QLatin1String("(?, ") + row.mid(1)));
        return {};
    }
    QSqlQuery q(db);
    const bool returningId =
        shape == Shape::NewId || (shape == Shape::OneByOne && sql.startsWith(QLatin1String("INSERT")) &&
                                  !sql.contains(QLatin1String("ON CONFLICT")));
    if (!q.prepare(returningId ? sql + QLatin1String(" RETURNING id") : sql)) {
        return m_sql.errorFrom(q.lastError());
    }
    *into = std::make_unique<QtStatement>(m_sql, std::move(q));
    return {};
}

void BulkStatements::beforeFirstConnection()
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); // SQLITE_MISUSE once SQLite is initialized: then nothing changes
}

Status BulkStatements::reserve(BulkStatement* statement, qsizetype n)
{
    auto* reserved = dynamic_cast<ReservedIdInsert*>(statement);
    return reserved ? reserved->reserve(n) : Status{};
}

namespace BulkSql {

const QString citizenInsert =
    QStringLiteral("INSERT INTO citizens (name, phone, phone_key, id_number, address, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
QString caseInsert(const SearchIndexSql& index)
{
    if (index.column.isEmpty()) {
        return kCaseSql;
    }
    QString sql = kCaseSql;
    sql.replace(QLatin1String(", risk_signals) "),
                QLatin1String(", risk_signals, ") + index.column + QLatin1String(") "));
    sql.chop(1); // the closing parenthesis of the values
    return sql + QLatin1String(", ") + index.columnValue + QLatin1Char(')');
}
const QString eventInsert = QStringLiteral("INSERT INTO case_events (case_id, at, kind, actor_id, actor, from_status, "
                                           "to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
const QString followUpInsert = QStringLiteral("INSERT INTO follow_ups (case_id, at, method, rating, nps, note, "
                                              "actor_id, actor, excluded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString visitInsert = QStringLiteral("INSERT INTO queue_visits (ticket, issued_day, service_item_id, window_id, "
                                           "issued_at, called_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)");

Codes::Codes()
{
    for (CaseStatus s : CaseStatuses::all()) {
        status[std::size_t(s)] = CaseStatuses::code(s);
    }
    for (Channel c : Channels::all()) {
        channel[std::size_t(c)] = Channels::code(c);
    }
    for (int k = 0; k < int(event.size()); ++k) {
        event[std::size_t(k)] = CaseEventKinds::code(CaseEventKind(k));
    }
    for (int m = 0; m < 3; ++m) {
        method[std::size_t(m)] = FollowUpMethods::code(FollowUpMethod(m));
    }
}

const Codes& codes()
{
    static const Codes c;
    return c;
}

} // namespace BulkSql

namespace {
/** An intake code as stored: its stable code, or NULL when not recorded (as SqlCaseRepository writes it). */
template <typename Enum> void bindCode(BulkStatement& s, int i, const std::optional<Enum>& value)
{
    value ? s.bindText(i, IntakeCodes::code(*value)) : s.bindNull(i);
}
} // namespace

/** The guided intake's 19 columns (migration 0011), from `first` on, in kCaseSql's order. */
void BulkSql::bindIntake(BulkStatement& s, int first, const IntakeDetail& x)
{
    int i = first;
    bindCode(s, i++, x.emotion);
    s.bindText(i++, x.facts.what);
    s.bindText(i++, x.facts.when);
    s.bindText(i++, x.facts.where);
    s.bindText(i++, x.facts.involved);
    s.bindId(i++, x.facts.involvedWindowId);
    s.bindText(i++, x.impact.affected);
    bindCode(s, i++, x.impact.severity);
    bindCode(s, i++, x.impact.scope);
    bindCode(s, i++, x.impact.recurrence);
    s.bindText(i++, x.impact.demand);
    bindCode(s, i++, x.impact.reasonableness);
    bindCode(s, i++, x.impact.responsibility);
    s.bindText(i++, IntakeCodes::codes(x.steps.remedies));
    s.bindText(i++, x.steps.remedyNote);
    s.bindText(i++, x.steps.promiseReason);
    s.bindText(i++, x.steps.replyText);
    s.bindInt(i++, x.resolvedOnSpot ? 1 : 0);
    s.bindText(i, x.queueTicket);
}
