#include "SqlImportWriter.h"

#include "BulkStatement.h"
#include "SqlCaseRepository.h"
#include "cases/CitizenValidator.h"
#include "cases/Intake.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace {
const QString kCitizenByPhoneSql =
    QStringLiteral("SELECT id FROM citizens WHERE phone_key = ? AND phone_key <> '' ORDER BY id LIMIT 1");
const QString kCitizenByIdNumberSql =
    QStringLiteral("SELECT id FROM citizens WHERE id_number = ? AND id_number <> '' ORDER BY id LIMIT 1");
const QString kCounterSql = QStringLiteral(
    "INSERT INTO case_counters (day, last_no) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET last_no = "
    "CASE WHEN case_counters.last_no < excluded.last_no THEN excluded.last_no ELSE case_counters.last_no END");

struct Event
{
    qint64 at;
    CaseEventKind kind;
    CaseStatus to;
};
} // namespace

SqlImportWriter::SqlImportWriter(const SqlContext& sql)
    : m_sql(sql)
{}

SqlImportWriter::~SqlImportWriter()
{
    endRun();
}

Result<QSet<QString>> SqlImportWriter::existingCaseNos(const QStringList& caseNos)
{
    QSet<QString> found;
    if (caseNos.isEmpty()) {
        return found;
    }
    QVariantList values;
    values.reserve(caseNos.size());
    for (const QString& n : caseNos) {
        values << n;
    }
    auto q = m_sql.exec(QStringLiteral("SELECT case_no FROM cases WHERE case_no IN (%1)")
                            .arg(QStringList(caseNos.size(), QStringLiteral("?")).join(QLatin1Char(','))),
                        values);
    if (!q) {
        return q.error();
    }
    while (q->next()) {
        found.insert(q->value(0).toString());
    }
    return found;
}

Result<QSet<QString>> SqlImportWriter::existingTickets(const QString& issuedDay)
{
    QSet<QString> found;
    auto q = m_sql.exec(QStringLiteral("SELECT ticket FROM queue_visits WHERE issued_day = ?"), {issuedDay});
    if (!q) {
        return q.error();
    }
    while (q->next()) {
        found.insert(q->value(0).toString());
    }
    return found;
}

Status SqlImportWriter::beginRun()
{
    endRun();
    m_searchIndexChecked = false;
    if (m_sql.dialect().isSqlite()) {
        // Outside the run's transaction (SQLite ignores them inside one): a large page cache, so that the one
        // transaction's index pages stay in memory instead of spilling to the file; statement journals in memory;
        // and foreign-key checks off, as SqlDemoWriter has them: the writer refers only to rows it has just read or
        // written (reference rows, citizens, the chunk's cases), and `verify` runs foreign_key_check. Durability stays
        // as it is (unlike SqlDemoWriter's bulk settings): imported history is real.
        QSqlQuery q(m_sql.db());
        for (const QString& p :
             {QStringLiteral("PRAGMA cache_size = -262144"), QStringLiteral("PRAGMA temp_store = MEMORY"),
              QStringLiteral("PRAGMA foreign_keys = OFF")}) {
            q.exec(p);
        }
        m_pragmas = true;
    }
    using Shape = BulkStatements::Shape;
    const BulkStatements statements(m_sql);
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    for (const auto& [sql, shape, into] : {std::tuple{kCitizenByPhoneSql, Shape::OneByOne, &m_citizenByPhone},
                                           std::tuple{kCitizenByIdNumberSql, Shape::OneByOne, &m_citizenByIdNumber},
                                           std::tuple{BulkSql::citizenInsert, Shape::OneByOne, &m_citizen},
                                           std::tuple{BulkSql::caseInsert(index), Shape::NewId, &m_case},
                                           std::tuple{BulkSql::eventInsert, Shape::Plain, &m_event},
                                           std::tuple{BulkSql::followUpInsert, Shape::Plain, &m_followUp},
                                           std::tuple{kCounterSql, Shape::OneByOne, &m_counter},
                                           std::tuple{BulkSql::visitInsert, Shape::Plain, &m_visit}}) {
        if (auto s = statements.make(sql, shape, into); !s) {
            return s;
        }
    }
    if (index.column.isEmpty()) {
        return statements.make(index.insertOf(1), Shape::Plain, &m_search);
    }
    return {};
}

void SqlImportWriter::endRun()
{
    for (auto* s : {&m_citizenByPhone, &m_citizenByIdNumber, &m_citizen, &m_case, &m_event, &m_followUp, &m_search,
                    &m_counter, &m_visit}) {
        s->reset();
    }
    m_citizens.clear();
    m_counters.clear();
    if (m_pragmas) {
        QSqlQuery q(m_sql.db());
        for (const QString& p :
             {QStringLiteral("PRAGMA cache_size = -2000"), QStringLiteral("PRAGMA temp_store = DEFAULT"),
              QStringLiteral("PRAGMA foreign_keys = ON")}) {
            q.exec(p);
        }
        m_pragmas = false;
    }
}

Result<qint64> SqlImportWriter::citizenId(const Import::CaseRow& row)
{
    const bool byId = !row.idNumber.isEmpty();
    const QString phoneKey = byId ? QString() : CitizenValidator::normalizedPhone(row.phone);
    const QString key = Import::citizenKey(row);
    if (const auto it = m_citizens.constFind(key); it != m_citizens.cend()) {
        return *it;
    }
    BulkStatement& find = byId ? *m_citizenByIdNumber : *m_citizenByPhone;
    find.bindText(0, byId ? row.idNumber : phoneKey);
    const auto found = find.exec();
    if (!found) {
        return found.error();
    }
    qint64 id = found->value_or(0);
    if (id == 0) {
        m_citizen->bindText(0, QString());
        m_citizen->bindText(1, row.phone);
        m_citizen->bindText(2, phoneKey);
        m_citizen->bindText(3, row.idNumber);
        m_citizen->bindText(4, QString());
        m_citizen->bindInt(5, row.receivedAt);
        const auto r = m_citizen->exec();
        if (!r) {
            return r.error();
        }
        id = m_citizen->insertedId(*r);
    }
    m_citizens.insert(key, id);
    return id;
}

Status SqlImportWriter::writeCases(const QList<Import::CaseRow>& rows, const Ref& actor)
{
    if (!m_case) {
        return Error::make(Error::Code::Storage, QStringLiteral("SqlImportWriter: beginRun() was not called"));
    }
    if (!m_searchIndexChecked) {
        // Rows are indexed as they are written; an index still waiting for its rebuild after a migration is rebuilt
        // first, inside the run's transaction (as SqlDemoWriter does).
        SqlCaseRepository cases(m_sql);
        if (auto rebuilt = cases.rebuildSearchIndexIfNeeded(); !rebuilt) {
            return rebuilt.error();
        }
        m_searchIndexChecked = true;
    }
    const BulkSql::Codes& codes = BulkSql::codes();
    const SearchIndexSql& index = m_sql.dialect().searchIndex();
    static const QRegularExpression deskNumber(QStringLiteral("^QT-(\\d{4})(\\d{2})(\\d{2})-(\\d{1,9})$"));

    QList<qint64> citizenIds;
    citizenIds.reserve(rows.size());
    for (const Import::CaseRow& r : rows) {
        if (r.phone.isEmpty() && r.idNumber.isEmpty()) {
            citizenIds.append(0);
            continue;
        }
        const auto id = citizenId(r);
        if (!id) {
            return id.error();
        }
        citizenIds.append(*id);
    }
    if (auto s = BulkStatements::reserve(m_case.get(), rows.size()); !s) {
        return s;
    }
    QList<qint64> caseIds;
    caseIds.reserve(rows.size());
    QList<QString> documents;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Import::CaseRow& r = rows.at(i);
        const qint64 updated =
            std::max({r.receivedAt, r.acknowledgedAt, r.answeredAt, r.resolvedAt, r.followedUpAt, r.closedAt});
        QString document = index.documentOfText(r.caseNo + QLatin1Char('\n') + r.summary);
        BulkStatement& s = *m_case;
        s.bindText(0, r.caseNo);
        s.bindText(1, codes.status[std::size_t(r.status)]);
        s.bindText(2, codes.channel[std::size_t(r.channel)]);
        s.bindId(3, r.windowId);
        s.bindId(4, r.serviceItemId);
        s.bindId(5, r.categoryId);
        s.bindNull(6);
        s.bindNull(7);
        s.bindId(8, actor.id);
        s.bindText(9, actor.name);
        s.bindId(10, citizenIds.at(i));
        s.bindOptional(11, r.waitedMinutes);
        s.bindText(12, r.summary);
        s.bindText(13, QString());
        s.bindText(14, QString());
        s.bindText(15, QString());
        s.bindInt(16, r.receivedAt);
        s.bindTime(17, r.acknowledgedAt);
        s.bindTime(18, r.answeredAt);
        s.bindNull(19);
        s.bindTime(20, r.dueAt);
        s.bindTime(21, r.resolvedAt);
        s.bindTime(22, r.followedUpAt);
        s.bindTime(23, r.closedAt);
        s.bindInt(24, updated);
        s.bindInt(25, 0);
        s.bindInt(26, r.transfers);
        s.bindInt(27, 0);
        s.bindOptional(28, r.rating);
        s.bindOptional(29, r.nps);
        s.bindNull(30);
        s.bindInt(31, 0);
        s.bindNull(32);
        s.bindInt(33, 0);
        s.bindInt(34, 0);
        s.bindNull(35);
        s.bindNull(36);
        s.bindNull(37);
        BulkSql::bindIntake(s, 38, IntakeDetail{}); // imported cases did not go through the intake
        s.bindInt(57, int(r.status));
        s.bindId(58, r.windowId);
        s.bindId(59, r.categoryId);
        s.bindInt(60, r.waitedMinutes);
        s.bindTime(61, CaseStatuses::isOpen(r.status) ? r.dueAt : 0);
        if (r.riskLevel.isEmpty()) { // not scored (ImportService always scores; a writer test may not)
            s.bindNull(62);
            s.bindNull(63);
        } else {
            s.bindInt(62, r.riskScore);
            s.bindText(63, r.riskLevel);
        }
        s.bindText(64, r.riskSignals);
        if (!index.column.isEmpty()) {
            s.bindText(65, document);
        }
        const auto inserted = s.exec();
        if (!inserted) {
            return inserted.error();
        }
        caseIds.append(s.insertedId(*inserted));
        if (index.column.isEmpty()) {
            documents.append(std::move(document));
        }
        if (const auto m = deskNumber.match(r.caseNo); m.hasMatch()) {
            // A number in the desk's own form: the day's counter moves past it, so a new case never takes it.
            const QString day = QStringLiteral("%1-%2-%3").arg(m.captured(1), m.captured(2), m.captured(3));
            qint64& last = m_counters[day];
            last = std::max(last, m.captured(4).toLongLong());
        }
    }
    if (auto s = m_case->flush(); !s) {
        return s;
    }

    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Import::CaseRow& r = rows.at(i);
        const qint64 caseId = caseIds.at(i);
        // The timeline of the given times, in time order (the lifecycle's order between equal times).
        std::array<Event, 6> events{};
        int n = 0;
        events[n++] = {r.receivedAt, CaseEventKind::Created, CaseStatus::Received};
        for (const Event& e : {Event{r.acknowledgedAt, CaseEventKind::Acknowledged, CaseStatus::Acknowledged},
                               Event{r.answeredAt, CaseEventKind::Started, CaseStatus::InProgress},
                               Event{r.resolvedAt, CaseEventKind::Resolved, CaseStatus::Resolved},
                               Event{r.followedUpAt, CaseEventKind::FollowedUp, CaseStatus::FollowedUp},
                               Event{r.closedAt, CaseEventKind::Closed, CaseStatus::Closed}}) {
            if (e.at != 0) {
                events[n++] = e;
            }
        }
        std::stable_sort(events.begin(), events.begin() + n,
                         [](const Event& a, const Event& b) { return a.at < b.at; });
        std::optional<CaseStatus> from;
        for (int k = 0; k < n; ++k) {
            const CaseStatus to = from ? std::max(*from, events[k].to) : events[k].to;
            BulkStatement& ev = *m_event;
            ev.bindInt(0, caseId);
            ev.bindInt(1, events[k].at);
            ev.bindText(2, codes.event[std::size_t(events[k].kind)]);
            ev.bindId(3, actor.id);
            ev.bindText(4, actor.name);
            from ? ev.bindText(5, codes.status[std::size_t(*from)]) : ev.bindNull(5);
            ev.bindText(6, codes.status[std::size_t(to)]);
            ev.bindText(7, events[k].kind == CaseEventKind::Created      ? tr("Imported from a file.")
                           : events[k].kind == CaseEventKind::FollowedUp ? QStringLiteral("%1/5").arg(r.rating)
                                                                         : QString());
            if (auto e = ev.exec(); !e) {
                return e.error();
            }
            from = to;
        }
        if (r.rating >= 1) {
            BulkStatement& fu = *m_followUp;
            fu.bindInt(0, caseId);
            fu.bindInt(1, r.followedUpAt);
            fu.bindText(2, codes.method[std::size_t(FollowUpMethod::Phone)]);
            fu.bindInt(3, r.rating);
            fu.bindOptional(4, r.nps);
            fu.bindText(5, tr("Imported from a file."));
            fu.bindId(6, actor.id);
            fu.bindText(7, actor.name);
            fu.bindInt(8, 0);
            if (auto e = fu.exec(); !e) {
                return e.error();
            }
        }
    }
    if (m_search) {
        // After the batch's cases: FTS5 would otherwise write a segment per interleaved row (SqlDemoWriter).
        for (qsizetype i = 0; i < documents.size(); ++i) {
            m_search->bindInt(0, caseIds.at(i));
            m_search->bindText(1, documents.at(i));
            if (auto e = m_search->exec(); !e) {
                return e.error();
            }
        }
    }
    for (BulkStatement* buffered : {m_event.get(), m_followUp.get(), m_search.get()}) {
        if (buffered) {
            if (auto s = buffered->flush(); !s) {
                return s;
            }
        }
    }
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        m_counter->bindText(0, it.key());
        m_counter->bindInt(1, it.value());
        if (auto e = m_counter->exec(); !e) {
            return e.error();
        }
    }
    m_counters.clear();
    return {};
}

Status SqlImportWriter::writeVisits(const QList<Import::QueueRow>& rows)
{
    if (!m_visit) {
        return Error::make(Error::Code::Storage, QStringLiteral("SqlImportWriter: beginRun() was not called"));
    }
    for (const Import::QueueRow& v : rows) {
        BulkStatement& q = *m_visit;
        q.bindText(0, v.ticket);
        q.bindText(1, v.issuedDay);
        q.bindId(2, v.serviceItemId);
        q.bindId(3, v.windowId);
        q.bindInt(4, v.issuedAt);
        q.bindTime(5, v.calledAt);
        q.bindTime(6, v.finishedAt);
        if (auto r = q.exec(); !r) {
            return r.error();
        }
    }
    return m_visit->flush();
}
