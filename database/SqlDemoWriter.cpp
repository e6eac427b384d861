#include "SqlDemoWriter.h"

#include "BulkStatement.h"
#include "SqlCaseRepository.h"
#include "SqlDeferredIndexes.h"
#include "SqlMetricsDaily.h"
#include "cases/CitizenValidator.h"
#include "search/SearchGrams.h"

#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringEncoder>

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

namespace {
const QString kTransferSql =
    QStringLiteral("INSERT INTO case_transfers (case_id, from_department_id, to_department_id, reason, transferred_at, "
                   "transferred_by_id, transferred_by, state, decided_at, decided_by_id, decided_by, decision_note) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString kPauseSql = QStringLiteral(
    "INSERT INTO case_pauses (case_id, kind, reason, paused_at, paused_by_id, paused_by, resumed_at, resumed_by_id, "
    "resumed_by, resume_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString kExtensionSql = QStringLiteral(
    "INSERT INTO case_extensions (case_id, requested_at, requested_by_id, requested_by, reason, previous_due_at, "
    "requested_due_at, state, decided_at, decided_by_id, decided_by, decision_note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString kAttemptSql = QStringLiteral("INSERT INTO follow_up_attempts (case_id, at, method, note, actor_id, "
                                           "actor) VALUES (?, ?, ?, ?, ?, ?)");
const QString kRectificationSql = QStringLiteral(
    "INSERT INTO rectifications (case_id, follow_up_id, bad_rating, stage, started_at, due_at, verified_at, "
    "verify_note, rectified_at, rectify_note, feedback_at, feedback_note, second_due_at, second_follow_up_id, "
    "done_at, started_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString kAppealSql = QStringLiteral(
    "INSERT INTO rating_appeals (case_id, follow_up_id, rating, reason_kind, reason, requested_by_id, requested_by, "
    "requested_at, state, decided_by_id, decided_by, decided_at, decision_note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString kTransferStates[] = {QStringLiteral("awaiting_sign"), QStringLiteral("signed"),
                                   QStringLiteral("returned")};
const QString kDecisionStates[] = {QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("refused")};
const QString kStages[] = {QStringLiteral("verify"), QStringLiteral("rectify"), QStringLiteral("feedback"),
                           QStringLiteral("second_follow_up"), QStringLiteral("done")};
const QString kCounterReadSql = QStringLiteral("SELECT last_no FROM case_counters WHERE day = ?");
const QString kCounterWriteSql = QStringLiteral("INSERT INTO case_counters (day, last_no) VALUES (?, ?) "
                                                "ON CONFLICT (day) DO UPDATE SET last_no = excluded.last_no");

} // namespace

SqlDemoWriter::SqlDemoWriter(const SqlContext& sql)
    : m_sql(sql)
{}

SqlDemoWriter::~SqlDemoWriter()
{
    endBulk();
}

Result<qint64> SqlDemoWriter::caseCount()
{
    const auto n = m_sql.scalar(QStringLiteral("SELECT COUNT(*) FROM cases"));
    if (!n) {
        return n.error();
    }
    return n->toLongLong();
}

Status SqlDemoWriter::beginBulk()
{
    const QStringList pragmas =
        m_sql.dialect().isSqlite()
            ? QStringList{QStringLiteral("PRAGMA synchronous = OFF"), QStringLiteral("PRAGMA cache_size = -262144"),
                          QStringLiteral("PRAGMA temp_store = MEMORY"), QStringLiteral("PRAGMA foreign_keys = OFF"),
                          QStringLiteral("PRAGMA wal_autocheckpoint = 16384"),
                          // Debian's SQLite overwrites freed cell space with zeros (SQLITE_SECURE_DELETE); nothing
                          // is deleted here, but B-tree balancing frees and zeroes cells all the time.
                          QStringLiteral("PRAGMA secure_delete = OFF")}
            : QStringList{QStringLiteral("SET synchronous_commit = off")};
    const QStringList all = pragmas + m_sql.dialect().searchIndex().bulkWriteBegin;
    QSqlQuery q(m_sql.db());
    if (m_sql.dialect().isSqlite()) {
        if (!q.exec(QStringLiteral("PRAGMA secure_delete")) || !q.next()) {
            return m_sql.errorFrom(q.lastError());
        }
        m_secureDelete = q.value(0).toInt();
        q.finish();
        // A file without cases (new, or refused had it held any) is written without a journal: each commit writes
        // its pages once, into the file, instead of into the WAL and again at the checkpoint, and keeps no copy of
        // the pages it changes (a journal in memory held 200 MB more at 1 M cases and took 6 % longer). A crash of
        // the machine or the process, or a batch that fails and rolls back, may leave the file unusable, which a
        // new demo file can afford; endBulk() puts it back into WAL mode. Leaving WAL needs the only connection to
        // the file: with another one open, the run keeps the WAL.
        if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM cases)")) || !q.next()) {
            return m_sql.errorFrom(q.lastError());
        }
        const bool fresh = q.value(0).toInt() == 0;
        q.finish();
        if (fresh && q.exec(QStringLiteral("PRAGMA journal_mode = OFF")) && q.next()) {
            m_journalOff = q.value(0).toString() == QLatin1String("off");
        }
        q.finish();
        // On the same condition (a new file, no other connection) most secondary indexes of the big tables the run
        // fills are built once at the end (finishRows()): one scan and sort each, instead of a million B-tree
        // inserts that cost more than that (docs/BENCHMARKS.md, "The demo's indexes built at the end"). Those that
        // stay are cheap to keep: their keys grow with the rows (appended, not inserted at random), or they are
        // partial and nearly empty, so building them would cost a scan of the table for nothing.
        if (m_journalOff) {
            const auto deferred = SqlDeferredIndexes::defer(
                m_sql, {QStringLiteral("cases"), QStringLiteral("citizens"), QStringLiteral("queue_visits")},
                {QStringLiteral("cases_received"), QStringLiteral("cases_paused"), QStringLiteral("cases_risk_queue"),
                 QStringLiteral("cases_transfer_state"), QStringLiteral("cases_transferred"),
                 QStringLiteral("cases_unrated_resolved"), QStringLiteral("queue_visits_issued")});
            if (!deferred) {
                return deferred.error();
            }
            m_indexesDeferred = *deferred > 0;
        }
        // The insert triggers the writer stands in for, batch by batch (standAside(), standBack()).
        if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                   "('cases_insert', 'metrics_visits_insert') ORDER BY name"))) {
            return m_sql.errorFrom(q.lastError());
        }
        m_triggers.clear();
        while (q.next()) {
            m_triggers.append({q.value(0).toString(), q.value(1).toString()});
        }
        q.finish();
        if (m_triggers.size() != 2) {
            m_triggers.clear(); // not the schema standBack() stands in for: the triggers stay and fire
        }
    }
    for (const QString& p : all) {
        if (!q.exec(p)) { // not prepared: PostgreSQL cannot prepare SET
            return m_sql.errorFrom(q.lastError());
        }
    }
    m_bulk = true;
    m_sql.deferDailyFigures(true);
    return prepare();
}

void SqlDemoWriter::endBulk()
{
    m_citizen.reset();
    m_case.reset();
    m_event.reset();
    m_followUp.reset();
    m_transfer.reset();
    m_pause.reset();
    m_extension.reset();
    m_attempt.reset();
    m_rectification.reset();
    m_appeal.reset();
    m_visit.reset();
    m_counterRead.reset();
    m_counterWrite.reset();
    m_search.reset();
    if (!m_bulk) {
        return;
    }
    m_bulk = false;
    // Indexes still deferred (a cancelled or failed run) are built before the daily figures read them.
    if (m_indexesDeferred) {
        QSqlQuery tx(m_sql.db());
        if (tx.exec(m_sql.dialect().beginWrite())) {
            const auto restored = SqlDeferredIndexes::restore(m_sql);
            tx.exec(restored ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
        }
        m_indexesDeferred = false; // what failed here, Database::open builds next time (the records stay)
    }
    // The days the run touched, each rebuilt once (the batches' commits deferred it), while the large cache is there.
    // Should this fail, the marks stay and the next commit rebuilds them.
    m_sql.deferDailyFigures(false);
    {
        QSqlQuery tx(m_sql.db());
        if (tx.exec(m_sql.dialect().beginWrite())) {
            const Status flushed = SqlMetricsDaily(m_sql).flush();
            tx.exec(flushed ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
        }
    }
    // The index's own settings first (SQLite: merge what the run left unmerged, while the large cache is there).
    const QStringList pragmas =
        m_sql.dialect().searchIndex().bulkWriteEnd +
        (m_sql.dialect().isSqlite()
             ? QStringList{QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("PRAGMA cache_size = -2000"),
                           QStringLiteral("PRAGMA temp_store = DEFAULT"), QStringLiteral("PRAGMA foreign_keys = ON"),
                           QStringLiteral("PRAGMA wal_autocheckpoint = 1000"),
                           QStringLiteral("PRAGMA secure_delete = %1").arg(m_secureDelete),
                           m_journalOff ? QStringLiteral("PRAGMA journal_mode = WAL")
                                        : QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}
             // A fresh hall's planner needs statistics of what was just written (autovacuum would gather them
             // only some time later).
             : QStringList{QStringLiteral("RESET synchronous_commit"), QStringLiteral("ANALYZE")});
    QSqlQuery q(m_sql.db());
    for (const QString& p : pragmas) {
        q.exec(p);
        q.finish();
    }
    m_journalOff = false;
    m_triggers.clear();
}

Status SqlDemoWriter::finishRows()
{
    if (!m_indexesDeferred) {
        return {};
    }
    const auto restored = SqlDeferredIndexes::restore(m_sql);
    if (!restored) {
        return restored.error();
    }
    m_indexesDeferred = false;
    return {};
}

Status SqlDemoWriter::prepare()
{
    using Shape = BulkStatements::Shape;
    const BulkStatements statements(m_sql);
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    for (const auto& [sql, shape, into] :
         {std::tuple{BulkSql::citizenInsert, Shape::NewId, &m_citizen},
          std::tuple{BulkSql::caseInsert(index), Shape::NewId, &m_case},
          std::tuple{BulkSql::eventInsert, Shape::Plain, &m_event},
          std::tuple{BulkSql::followUpInsert, Shape::NewId, &m_followUp},
          std::tuple{kTransferSql, Shape::Plain, &m_transfer}, std::tuple{kPauseSql, Shape::Plain, &m_pause},
          std::tuple{kExtensionSql, Shape::Plain, &m_extension}, std::tuple{kAttemptSql, Shape::Plain, &m_attempt},
          std::tuple{kRectificationSql, Shape::Plain, &m_rectification},
          std::tuple{kAppealSql, Shape::Plain, &m_appeal}, std::tuple{BulkSql::visitInsert, Shape::Plain, &m_visit},
          std::tuple{kCounterReadSql, Shape::OneByOne, &m_counterRead},
          std::tuple{kCounterWriteSql, Shape::OneByOne, &m_counterWrite}}) {
        if (auto s = statements.make(sql, shape, into); !s) {
            return s;
        }
    }
    if (index.column.isEmpty()) {
        // SQLite: the separate index table; PostgreSQL writes the grams with the case row.
        return statements.make(index.insertOf(1), Shape::Plain, &m_search);
    }
    return {};
}

Result<qint64> SqlDemoWriter::caseNumber(const QDate& day)
{
    auto it = m_counters.find(day);
    if (it == m_counters.end()) {
        const QString key = day.toString(Qt::ISODate);
        m_counterRead->bindText(0, key);
        const auto last = m_counterRead->exec();
        if (!last) {
            return last.error();
        }
        it = m_counters.insert(day, last->value_or(0));
        m_dirtyDays.append(day);
    }
    return ++it.value();
}

Status SqlDemoWriter::saveCounters()
{
    for (const QDate& day : std::as_const(m_dirtyDays)) {
        const QString key = day.toString(Qt::ISODate);
        m_counterWrite->bindText(0, key);
        m_counterWrite->bindInt(1, m_counters.value(day));
        if (auto r = m_counterWrite->exec(); !r) {
            return r.error();
        }
    }
    m_dirtyDays.clear();
    return {};
}

Status SqlDemoWriter::writeLoop(const Demo::Case& c, qint64 caseId, const QList<Demo::User>& users)
{
    for (const Demo::Transfer& t : c.transfers) {
        BulkStatement& q = *m_transfer;
        const bool decided = t.state != Demo::Transfer::State::AwaitingSign;
        q.bindInt(0, caseId);
        q.bindId(1, t.fromDepartmentId);
        q.bindInt(2, t.toDepartmentId);
        q.bindText(3, t.reason);
        q.bindInt(4, t.at);
        q.bindId(5, users[t.by].id);
        q.bindText(6, users[t.by].login);
        q.bindText(7, kTransferStates[std::size_t(t.state)]);
        q.bindTime(8, t.decidedAt);
        decided ? q.bindId(9, users[t.decidedBy].id) : q.bindNull(9);
        q.bindText(10, decided ? users[t.decidedBy].login : QString());
        q.bindText(11, t.note);
        if (auto e = q.exec(); !e) {
            return e.error();
        }
    }
    for (const Demo::Pause& p : c.pauses) {
        BulkStatement& q = *m_pause;
        const bool resumed = p.to != 0;
        q.bindInt(0, caseId);
        q.bindText(1, SlaPauseKinds::code(p.kind));
        q.bindText(2, p.reason);
        q.bindInt(3, p.from);
        q.bindId(4, users[p.by].id);
        q.bindText(5, users[p.by].login);
        q.bindTime(6, p.to);
        resumed ? q.bindId(7, users[p.resumedBy].id) : q.bindNull(7);
        q.bindText(8, resumed ? users[p.resumedBy].login : QString());
        q.bindText(9, p.resumeNote);
        if (auto e = q.exec(); !e) {
            return e.error();
        }
    }
    if (c.extension) {
        const Demo::Extension& x = *c.extension;
        BulkStatement& q = *m_extension;
        const bool decided = x.state != Demo::Extension::State::Pending;
        q.bindInt(0, caseId);
        q.bindInt(1, x.requestedAt);
        q.bindId(2, users[x.by].id);
        q.bindText(3, users[x.by].login);
        q.bindText(4, x.reason);
        q.bindInt(5, x.previousDueAt);
        q.bindInt(6, x.requestedDueAt);
        q.bindText(7, kDecisionStates[std::size_t(x.state)]);
        q.bindTime(8, x.decidedAt);
        decided ? q.bindId(9, users[x.decidedBy].id) : q.bindNull(9);
        q.bindText(10, decided ? users[x.decidedBy].login : QString());
        q.bindText(11, x.note);
        if (auto e = q.exec(); !e) {
            return e.error();
        }
    }
    const BulkSql::Codes& codes = BulkSql::codes();
    for (const Demo::Attempt& a : c.attempts) {
        BulkStatement& q = *m_attempt;
        q.bindInt(0, caseId);
        q.bindInt(1, a.at);
        q.bindText(2, codes.method[std::size_t(a.method)]);
        q.bindText(3, a.note);
        q.bindId(4, users[a.actor].id);
        q.bindText(5, users[a.actor].login);
        if (auto e = q.exec(); !e) {
            return e.error();
        }
    }
    return {};
}

Status SqlDemoWriter::standAside()
{
    for (const auto& trigger : std::as_const(m_triggers)) {
        if (auto dropped = m_sql.exec(QStringLiteral("DROP TRIGGER %1").arg(trigger.first)); !dropped) {
            return dropped.error();
        }
    }
    return {};
}

Status SqlDemoWriter::standBack(const Demo::Batch& batch, qint64 firstCaseId)
{
    const BulkSql::Codes& codes = BulkSql::codes();
    std::array<qint64, std::tuple_size_v<decltype(codes.status)>> perStatus{};
    std::vector<qint64> hours;
    hours.reserve(std::size_t(batch.cases.size() + batch.visits.size()));
    for (const Demo::Case& c : batch.cases) {
        ++perStatus[std::size_t(c.status)];
        hours.push_back(c.receivedAt / 3600);
    }
    for (const Demo::QueueVisit& v : batch.visits) {
        hours.push_back(v.issuedAt / 3600);
    }
    std::sort(hours.begin(), hours.end());
    hours.erase(std::unique(hours.begin(), hours.end()), hours.end());
    for (std::size_t s = 0; s < perStatus.size(); ++s) {
        if (perStatus[s] == 0) {
            continue;
        }
        if (auto r = m_sql.exec(QStringLiteral("UPDATE case_status_counts SET n = n + ? WHERE status = ?"),
                                {perStatus[s], codes.status[s]});
            !r) {
            return r.error();
        }
    }
    for (qint64 hour : hours) {
        if (auto r = m_sql.exec(QStringLiteral("INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (?)"), {hour});
            !r) {
            return r.error();
        }
    }
    // The recurrence marks: the hours of earlier cases of the same citizen closed in the 30 days before a new case
    // (the new case makes them recur). Earlier cases of this batch are marked above anyway, and so is every case of
    // a run that began on a file without cases (m_journalOff): its earlier cases are its own, marked in their batch
    // and not flushed before endBulk(). That run defers cases_citizen_received, which this join would need.
    if (firstCaseId > 0 && !m_journalOff) {
        if (auto r = m_sql.exec(
                QStringLiteral(
                    "INSERT OR IGNORE INTO metrics_dirty (utc_hour) SELECT p.received_at / 3600 FROM cases n "
                    "JOIN cases p ON p.citizen_id = n.citizen_id AND p.closed_at >= n.received_at - 2592000 "
                    "AND p.closed_at < n.received_at WHERE n.id >= ? AND n.citizen_id IS NOT NULL"),
                {firstCaseId});
            !r) {
            return r.error();
        }
    }
    for (const auto& trigger : std::as_const(m_triggers)) {
        if (auto created = m_sql.exec(trigger.second); !created) {
            return created.error();
        }
    }
    return {};
}

Result<Demo::Counts> SqlDemoWriter::write(const Demo::Batch& batch, const QList<Demo::User>& users)
{
    if (!m_case) {
        if (auto s = prepare(); !s) {
            return s.error();
        }
    }
    const BulkSql::Codes& codes = BulkSql::codes();
    if (!m_searchIndexChecked) {
        // Rows are indexed as they are written (below); an index still waiting for its rebuild after a migration
        // is rebuilt first, so that it is whole again when the run ends.
        SqlCaseRepository cases(m_sql);
        if (auto rebuilt = cases.rebuildSearchIndexIfNeeded(); !rebuilt) {
            return rebuilt.error();
        }
        m_searchIndexChecked = true;
    }
    // SQLite: the insert triggers of cases and queue_visits stand aside for the batch (standBack() below does their
    // work once per batch and restores them before the commit, so no other connection ever sees them missing).
    const bool standingAside = !m_triggers.isEmpty();
    if (standingAside) {
        if (auto s = standAside(); !s) {
            return s.error();
        }
    }
    const SearchIndexSql& searchIndex = m_sql.dialect().searchIndex();
    // Index rows are written together after the batch's other rows. FTS5 writes out what it holds in memory
    // whenever a statement opens a statement journal (any insert with triggers or subqueries does), so rows
    // interleaved with the cases would each become a segment of their own to merge: 2.3 times the CPU of the
    // whole run (50,000 cases, measured).
    QList<QPair<qint64, QString>> searchRows;
    searchRows.reserve(batch.cases.size());
    // Counters are read afresh in every transaction: another desk may have numbered cases in between.
    m_counters.clear();
    m_dirtyDays.clear();
    Demo::Counts counts;

    if (m_citizenIds.size() != std::size_t(batch.firstCitizen)) {
        m_citizenIds.resize(std::size_t(batch.firstCitizen), 0);
    }
    // PostgreSQL: the batch's ids first (one statement each), then rows many to a statement. Rows that others
    // refer to are flushed before those others are written (foreign keys are checked at once).
    const auto reserve = &BulkStatements::reserve;
    if (auto s = reserve(m_citizen.get(), batch.citizens.size()); !s) {
        return s.error();
    }
    if (auto s = reserve(m_case.get(), batch.cases.size()); !s) {
        return s.error();
    }
    for (const Demo::Citizen& c : batch.citizens) {
        m_citizen->bindText(0, c.name);
        m_citizen->bindText(1, c.phone);
        m_citizen->bindText(2, CitizenValidator::normalizedPhone(c.phone));
        m_citizen->bindText(3, c.idNumber);
        m_citizen->bindText(4, c.address);
        m_citizen->bindInt(5, c.createdAt);
        const auto r = m_citizen->exec();
        if (!r) {
            return r.error();
        }
        m_citizenIds.push_back(m_citizen->insertedId(*r));
        ++counts.citizens;
    }
    if (auto s = m_citizen->flush(); !s) {
        return s.error();
    }

    qsizetype followUps = 0;
    for (const Demo::Case& c : batch.cases) {
        followUps += c.followUps.size();
    }
    if (auto s = reserve(m_followUp.get(), followUps); !s) {
        return s.error();
    }
    QList<qint64> followUpIds;
    followUpIds.reserve(followUps);

    QString caseNo;
    QList<qint64> caseIds;
    caseIds.reserve(batch.cases.size());
    for (const Demo::Case& c : batch.cases) {
        const auto number = caseNumber(c.day);
        if (!number) {
            return number.error();
        }
        caseNo = SqlCaseRepository::formatCaseNo(c.day, *number);
        const Demo::User& creator = users[c.createdBy];
        // The grams of the text came from the generator thread; the case number's are added here. A gram in both
        // is listed twice, which neither index minds (FTS5 detail=none keeps a case once per gram; GIN holds sets).
        const QString numberGrams = SearchGrams::joined(caseNo, {}, u" ", {});
        QString document = searchIndex.documentOfJoined(
            c.searchGrams.isEmpty() ? numberGrams : c.searchGrams + QLatin1Char(' ') + numberGrams);
        BulkStatement& s = *m_case;
        s.bindText(0, caseNo);
        s.bindText(1, codes.status[std::size_t(c.status)]);
        s.bindText(2, codes.channel[std::size_t(c.channel)]);
        s.bindId(3, c.windowId);
        s.bindId(4, c.serviceItemId);
        s.bindId(5, c.categoryId);
        s.bindId(6, c.departmentId);
        s.bindId(7, users[c.assignee].id);
        s.bindId(8, creator.id);
        s.bindText(9, creator.login);
        s.bindId(10, c.citizen >= 0 ? m_citizenIds[std::size_t(c.citizen)] : 0);
        s.bindOptional(11, c.waitedMinutes);
        s.bindText(12, c.complaintText);
        s.bindText(13, c.facts);
        s.bindText(14, c.impact);
        s.bindText(15, c.steps);
        s.bindInt(16, c.receivedAt);
        s.bindTime(17, c.acknowledgedAt);
        s.bindTime(18, c.answeredAt);
        s.bindTime(19, c.promisedAt);
        s.bindTime(20, c.dueAt);
        s.bindTime(21, c.resolvedAt);
        s.bindTime(22, c.followedUpAt);
        s.bindTime(23, c.closedAt);
        s.bindInt(24, c.updatedAt);
        s.bindInt(25, std::max<qint64>(0, c.events.size() - 1)); // every change after the intake bumps it
        s.bindInt(26, c.transferCount);
        s.bindInt(27, c.escalationLevel);
        s.bindOptional(28, c.rating);
        s.bindOptional(29, c.nps);
        // The closed loop (issue 12).
        const qint64 pausedAt = c.pausedAt();
        s.bindTime(30, pausedAt);
        s.bindInt(31, c.followUpAttempts);
        s.bindTime(32, c.unreachableAt);
        s.bindInt(33, c.ratingExcluded ? 1 : 0);
        s.bindInt(34, c.reminderLevel);
        s.bindTime(35, c.remindedAt);
        if (c.transfers.isEmpty()) {
            s.bindNull(36);
        } else {
            s.bindText(36, kTransferStates[std::size_t(c.transfers.constLast().state)]);
        }
        s.bindTime(37, c.extendedDueAt);
        BulkSql::bindIntake(s, 38, c.intake);
        // The derived sort keys SqlCaseRepository writes with every case (migration 0004_case_list_at_scale); a
        // paused case is not overdue (open_due_at NULL, as SqlCaseRepository writes it).
        s.bindInt(57, int(c.status));
        s.bindId(58, c.windowId);
        s.bindId(59, c.categoryId);
        s.bindInt(60, c.waitedMinutes);
        s.bindTime(61, CaseStatuses::isOpen(c.status) && !pausedAt ? c.dueAt : 0);
        // Risk (issue 16): demo cases are not scored (NULL, as cases older than migration 0026): scoring a million
        // texts would cost the generator about a fifth of its time. A desk scores a case when its text is written.
        s.bindNull(62);
        s.bindNull(63);
        s.bindText(64, QString());
        if (!searchIndex.column.isEmpty()) {
            s.bindText(65, document);
        }
        const auto r = s.exec();
        if (!r) {
            return r.error();
        }
        caseIds.append(s.insertedId(*r));
        if (searchIndex.column.isEmpty()) {
            searchRows.append({caseIds.constLast(), std::move(document)});
        }
        ++counts.cases;
    }
    if (auto s = m_case->flush(); !s) {
        return s.error();
    }
    for (qsizetype i = 0; i < batch.cases.size(); ++i) {
        const Demo::Case& c = batch.cases.at(i);
        const qint64 caseId = caseIds.at(i);

        for (const Demo::Event& e : c.events) {
            const Demo::User& actor = users[e.actor];
            BulkStatement& ev = *m_event;
            ev.bindInt(0, caseId);
            ev.bindInt(1, e.at);
            ev.bindText(2, codes.event[std::size_t(e.kind)]);
            ev.bindId(3, actor.id);
            ev.bindText(4, actor.login);
            if (e.from) {
                ev.bindText(5, codes.status[std::size_t(*e.from)]);
            } else {
                ev.bindNull(5);
            }
            if (e.to) {
                ev.bindText(6, codes.status[std::size_t(*e.to)]);
            } else {
                ev.bindNull(6);
            }
            ev.bindText(7, e.note);
            if (auto er = ev.exec(); !er) {
                return er.error();
            }
            ++counts.events;
        }
        for (const Demo::FollowUpRecord& f : c.followUps) {
            const Demo::User& actor = users[f.actor];
            BulkStatement& fu = *m_followUp;
            fu.bindInt(0, caseId);
            fu.bindInt(1, f.at);
            fu.bindText(2, codes.method[std::size_t(f.method)]);
            fu.bindInt(3, f.rating);
            fu.bindOptional(4, f.nps);
            fu.bindText(5, f.note);
            fu.bindId(6, actor.id);
            fu.bindText(7, actor.login);
            fu.bindInt(8, f.excluded ? 1 : 0);
            const auto fr = fu.exec();
            if (!fr) {
                return fr.error();
            }
            followUpIds.append(fu.insertedId(*fr));
            ++counts.followUps;
        }
        if (auto st = writeLoop(c, caseId, users); !st) {
            return st.error();
        }
    }
    // Rectifications and appeals refer to the follow-ups: written once those are (PostgreSQL buffers rows).
    if (auto st = m_followUp->flush(); !st) {
        return st.error();
    }
    qsizetype nextFollowUp = 0;
    for (qsizetype i = 0; i < batch.cases.size(); ++i) {
        const Demo::Case& c = batch.cases.at(i);
        const qint64 firstFollowUp = c.followUps.isEmpty() ? 0 : followUpIds.at(nextFollowUp);
        const qint64 secondFollowUp = c.followUps.size() > 1 ? followUpIds.at(nextFollowUp + 1) : 0;
        nextFollowUp += c.followUps.size();
        if (c.rectification) {
            const Demo::Rectification& r = *c.rectification;
            BulkStatement& q = *m_rectification;
            q.bindInt(0, caseIds.at(i));
            q.bindId(1, firstFollowUp);
            q.bindInt(2, r.badRating);
            q.bindText(3, kStages[std::size_t(r.stage)]);
            q.bindInt(4, r.startedAt);
            q.bindInt(5, r.dueAt);
            q.bindTime(6, r.verifiedAt);
            q.bindText(7, r.verifyNote);
            q.bindTime(8, r.rectifiedAt);
            q.bindText(9, r.rectifyNote);
            q.bindTime(10, r.feedbackAt);
            q.bindText(11, r.feedbackNote);
            q.bindTime(12, r.secondDueAt);
            q.bindId(13, secondFollowUp);
            q.bindTime(14, r.doneAt);
            q.bindText(15, users[r.startedBy].login);
            if (auto e = q.exec(); !e) {
                return e.error();
            }
        }
        if (c.appeal) {
            const Demo::Appeal& a = *c.appeal;
            BulkStatement& q = *m_appeal;
            q.bindInt(0, caseIds.at(i));
            q.bindId(1, firstFollowUp);
            q.bindInt(2, a.rating);
            q.bindText(3, a.malicious ? QStringLiteral("malicious") : QStringLiteral("mistaken"));
            q.bindText(4, a.reason);
            q.bindId(5, users[a.by].id);
            q.bindText(6, users[a.by].login);
            q.bindInt(7, a.at);
            q.bindText(8, kDecisionStates[std::size_t(a.state)]);
            const bool decided = a.state != Demo::Appeal::State::Pending;
            decided ? q.bindId(9, users[a.decidedBy].id) : q.bindNull(9);
            decided ? q.bindText(10, users[a.decidedBy].login) : q.bindNull(10);
            q.bindTime(11, a.decidedAt);
            q.bindText(12, a.note);
            if (auto e = q.exec(); !e) {
                return e.error();
            }
        }
    }

    QString day;
    QDate ticketDay;
    QHash<QChar, int> ticketOffset;
    QSet<QString> taken;
    QString ticket;
    for (const Demo::QueueVisit& v : batch.visits) {
        if (v.day != ticketDay) {
            // Tickets count per day and letter; an appended run continues after the tickets the day has.
            ticketDay = v.day;
            day = v.day.toString(Qt::ISODate);
            ticketOffset.clear();
            taken.clear();
            auto existing = m_sql.exec(QStringLiteral("SELECT ticket FROM queue_visits WHERE issued_day = ?"), {day});
            if (!existing) {
                return existing.error();
            }
            while (existing->next()) {
                const QString t = existing->value(0).toString();
                taken.insert(t);
                bool numeric = false;
                const int number = t.mid(1).toInt(&numeric);
                if (!t.isEmpty() && numeric) {
                    ticketOffset[t.at(0)] = std::max(ticketOffset.value(t.at(0)), number);
                }
            }
        }
        ticket = v.ticket;
        if (!taken.isEmpty()) {
            int number = v.ticket.mid(1).toInt() + ticketOffset.value(v.ticket.at(0));
            do {
                ticket = v.ticket.at(0) + QString::number(number++).rightJustified(3, QLatin1Char('0'));
            } while (taken.contains(ticket));
        }
        BulkStatement& q = *m_visit;
        q.bindText(0, ticket);
        q.bindText(1, day);
        q.bindId(2, v.serviceItemId);
        q.bindId(3, v.windowId);
        q.bindInt(4, v.issuedAt);
        q.bindTime(5, v.calledAt);
        q.bindTime(6, v.finishedAt);
        if (auto r = q.exec(); !r) {
            return r.error();
        }
        ++counts.queueVisits;
    }
    for (const auto& [caseId, document] : std::as_const(searchRows)) {
        m_search->bindInt(0, caseId);
        m_search->bindText(1, document);
        if (auto r = m_search->exec(); !r) {
            return r.error();
        }
    }
    for (BulkStatement* buffered :
         {m_event.get(), m_followUp.get(), m_transfer.get(), m_pause.get(), m_extension.get(), m_attempt.get(),
          m_rectification.get(), m_appeal.get(), m_visit.get(), m_search.get()}) {
        if (!buffered) {
            continue; // PostgreSQL: no separate search rows
        }
        if (auto s = buffered->flush(); !s) {
            return s.error();
        }
    }
    if (auto s = saveCounters(); !s) {
        return s.error();
    }
    if (standingAside) {
        if (auto s = standBack(batch, caseIds.isEmpty() ? 0 : caseIds.constFirst()); !s) {
            return s.error();
        }
    }
    return counts;
}
