#include "ImportService.h"

#include "common/Clock.h"
#include "imports/CsvParser.h"
#include "imports/ImportDecoder.h"
#include "imports/ImportFormat.h"
#include "repositories/ImportRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "risk/RiskScorer.h"
#include "services/AuditWriter.h"
#include "services/RiskService.h"
#include "services/SlaService.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringEncoder>

#include <algorithm>

namespace {
constexpr qint64 kMaxFileBytes = qint64(512) << 20; ///< 512 MiB: some millions of rows
constexpr int kChunkRows = 2000;                    ///< rows per write call: progress and cancel between them

bool allEmpty(const QStringList& fields)
{
    for (const QString& f : fields) {
        for (QChar c : f) {
            if (!c.isSpace()) {
                return false;
            }
        }
    }
    return true;
}

/** The file read and its header matched. */
struct Loaded
{
    Import::Encoding encoding = Import::Encoding::Utf8;
    QString text;
    qint64 headerLine = 1;
    QStringList header;
};
} // namespace

ImportService::ImportService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
{}

Result<QString> ImportService::readText(const QString& path, Import::Encoding* encoding)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(file.exists() ? Error::Code::Storage : Error::Code::NotFound,
                           tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    if (file.size() > kMaxFileBytes) {
        return Error::make(Error::Code::Invalid, tr("%1 is larger than %2 MB; split it into smaller files.")
                                                     .arg(QDir::toNativeSeparators(path))
                                                     .arg(kMaxFileBytes >> 20));
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() > kMaxFileBytes) {
        return Error::make(Error::Code::Invalid, tr("%1 is larger than %2 MB; split it into smaller files.")
                                                     .arg(QDir::toNativeSeparators(path))
                                                     .arg(kMaxFileBytes >> 20));
    }
    if (file.error() != QFileDevice::NoError) {
        return Error::make(Error::Code::Storage,
                           tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    auto decoded = ImportDecoder::decode(bytes);
    if (!decoded) {
        return decoded.error();
    }
    *encoding = decoded->encoding;
    return std::move(decoded->text);
}

Result<Import::Preview> ImportService::preview(const QString& path, Import::Kind kind, int rows)
{
    Import::Preview preview;
    preview.kind = kind;
    auto text = readText(path, &preview.encoding);
    if (!text) {
        return text.error();
    }
    CsvParser parser(*text);
    CsvParser::Record record;
    bool header = true;
    while (parser.next(&record)) {
        if (header) {
            if (allEmpty(record.fields)) {
                continue;
            }
            const ImportFormat format(kind, record.fields);
            preview.columns = format.columns();
            preview.missingRequired = format.missingRequired();
            header = false;
            continue;
        }
        if (allEmpty(record.fields) && record.problem.isEmpty()) {
            continue;
        }
        if (preview.firstRows.size() < rows) {
            preview.firstRows.append(record.fields);
        }
        ++preview.dataLines;
    }
    if (header) {
        return Error::make(Error::Code::Invalid, tr("line 1: the file is empty: it has no header and no rows."));
    }
    return preview;
}

Result<Import::Report> ImportService::run(const QString& path, const Import::Options& options, const Progress& progress,
                                          const Cancelled& cancelled)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ImportRecords)) {
        return *denied;
    }
    if (!m_repos.imports) {
        return Error::make(Error::Code::Storage, tr("This database cannot import."));
    }
    for (int k = 0; k < 4; ++k) { // a former run's rows may have been rolled back
        m_referenceIds[k].clear();
        m_referenceLoaded[k] = false;
    }
    m_parentOf.clear();
    m_referenceCreated = 0;
    Import::Report report;
    report.kind = options.kind;
    auto text = readText(path, &report.encoding);
    if (!text) {
        return text.error();
    }
    CsvParser parser(*text);
    CsvParser::Record record;
    std::optional<ImportFormat> format;
    while (!format && parser.next(&record)) {
        if (!record.problem.isEmpty()) {
            return Error::make(Error::Code::Invalid,
                               tr("line %1: the header cannot be read: %2").arg(record.line).arg(record.problem));
        }
        if (!allEmpty(record.fields)) {
            format.emplace(options.kind, record.fields);
            report.header = record.fields;
        }
    }
    if (!format) {
        return Error::make(Error::Code::Invalid, tr("line 1: the file is empty: it has no header and no rows."));
    }
    if (!format->problem().isEmpty()) {
        return Error::make(Error::Code::Invalid, format->problem());
    }

    QList<Import::CaseRow> cases;
    QList<Import::QueueRow> visits;
    QHash<QString, qint64> seen; // case_no, or day + ticket -> line
    const auto reject = [&](QString reason) {
        report.rejects.append(Import::Reject{record.line, std::move(reason), record.fields});
    };
    QString reason;
    while (parser.next(&record)) {
        if (record.problem.isEmpty() && allEmpty(record.fields)) {
            continue; // an empty row, as spreadsheets leave them at the end
        }
        ++report.records;
        if (options.kind == Import::Kind::Cases) {
            Import::CaseRow row;
            if (!format->caseRow(record, &row, &reason)) {
                reject(reason);
                continue;
            }
            if (const qint64 first = seen.value(row.caseNo); first != 0) {
                reject(tr("The case number \"%1\" appears already on line %2.").arg(row.caseNo).arg(first));
                continue;
            }
            seen.insert(row.caseNo, row.line);
            cases.append(std::move(row));
        } else {
            Import::QueueRow row;
            if (!format->queueRow(record, &row, &reason)) {
                reject(reason);
                continue;
            }
            const QString key = row.issuedDay + QLatin1Char('\t') + row.ticket;
            if (const qint64 first = seen.value(key); first != 0) {
                reject(tr("The ticket \"%1\" of %2 appears already on line %3.")
                           .arg(row.ticket, row.issuedDay)
                           .arg(first));
                continue;
            }
            seen.insert(key, row.line);
            visits.append(std::move(row));
        }
    }
    text->clear();
    if (report.records == 0) {
        return Error::make(Error::Code::Invalid, tr("The file has a header but no rows; nothing was imported."));
    }
    if (!report.rejects.isEmpty() && !options.skipBad) {
        return report; // all or nothing: nothing written
    }
    if (cancelled && cancelled()) {
        report.cancelled = true;
        return report;
    }

    // The run's statements and settings before the transaction (SQLite keeps the statement journal in memory only
    // when told so outside one), and put back after it has ended.
    if (auto s = m_repos.imports->beginRun(); !s) {
        return s.error();
    }
    struct EndRun
    {
        ImportRepository& imports;
        ~EndRun() { imports.endRun(); }
    } endRun{*m_repos.imports};
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    const bool isCases = options.kind == Import::Kind::Cases;
    const qint64 total = isCases ? cases.size() : visits.size();
    if (auto s = isCases ? dropExistingCases(&cases, &report) : dropExistingVisits(&visits, &report); !s) {
        return s.error();
    }
    if ((isCases ? cases.size() : visits.size()) == 0) {
        if (progress) {
            progress(total, total);
        }
        return report; // nothing new: a re-import changes nothing (and is not audited)
    }
    if (auto s = isCases ? prepareCases(&cases) : prepareVisits(&visits); !s) {
        return s.error();
    }
    const qint64 rows = isCases ? cases.size() : visits.size();
    qint64 done = report.duplicates;
    for (qint64 from = 0; from < rows; from += kChunkRows) {
        if (cancelled && cancelled()) {
            report.cancelled = true;
            return report; // the transaction rolls back: nothing written
        }
        const qint64 n = std::min<qint64>(kChunkRows, rows - from);
        const Status s = isCases ? m_repos.imports->writeCases(cases.mid(from, n), m_session.actor())
                                 : m_repos.imports->writeVisits(visits.mid(from, n));
        if (!s) {
            return s.error();
        }
        report.imported += n;
        done += n;
        if (progress) {
            progress(done, total);
        }
    }
    if (cancelled && cancelled()) {
        report.cancelled = true;
        return report;
    }
    AuditWriter audit(*m_repos.audit, m_clock);
    const QJsonObject detail{{QStringLiteral("file"), QFileInfo(path).fileName()},
                             {QStringLiteral("encoding"), Import::encodingName(report.encoding)},
                             {QStringLiteral("records"), report.records},
                             {QStringLiteral("imported"), report.imported},
                             {QStringLiteral("duplicates"), report.duplicates},
                             {QStringLiteral("rejected"), qint64(report.rejects.size())},
                             {QStringLiteral("skip_bad"), options.skipBad}};
    if (auto a = audit.record(m_session, isCases ? QStringLiteral("import.cases") : QStringLiteral("import.queue"),
                              QStringLiteral("import"), 0, detail);
        !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    report.committed = true;
    return report;
}

Status ImportService::dropExistingCases(QList<Import::CaseRow>* rows, Import::Report* report)
{
    QSet<QString> existing;
    constexpr int kBatch = 500;
    for (qsizetype from = 0; from < rows->size(); from += kBatch) {
        QStringList numbers;
        for (qsizetype i = from; i < std::min<qsizetype>(rows->size(), from + kBatch); ++i) {
            numbers << rows->at(i).caseNo;
        }
        auto found = m_repos.imports->existingCaseNos(numbers);
        if (!found) {
            return found.error();
        }
        existing.unite(*found);
    }
    if (existing.isEmpty()) {
        return {};
    }
    const qsizetype before = rows->size();
    rows->removeIf([&](const Import::CaseRow& r) { return existing.contains(r.caseNo); });
    report->duplicates += before - rows->size();
    return {};
}

Status ImportService::dropExistingVisits(QList<Import::QueueRow>* rows, Import::Report* report)
{
    QHash<QString, QSet<QString>> byDay;
    for (const Import::QueueRow& r : std::as_const(*rows)) {
        if (!byDay.contains(r.issuedDay)) {
            auto found = m_repos.imports->existingTickets(r.issuedDay);
            if (!found) {
                return found.error();
            }
            byDay.insert(r.issuedDay, *found);
        }
    }
    const qsizetype before = rows->size();
    rows->removeIf([&](const Import::QueueRow& r) { return byDay.value(r.issuedDay).contains(r.ticket); });
    report->duplicates += before - rows->size();
    return {};
}

Result<qint64> ImportService::referenceId(ReferenceKind kind, const QString& name)
{
    if (name.isEmpty()) {
        return qint64(0);
    }
    QHash<QString, qint64>& ids = m_referenceIds[int(kind)];
    if (!m_referenceLoaded[int(kind)]) {
        auto all = m_repos.reference->list(kind);
        if (!all) {
            return all.error();
        }
        for (const ReferenceItem& item : *all) {
            // The first of a name wins (categories: a top-level one before a child of the same name).
            if (!ids.contains(item.name) || (kind == ReferenceKind::Category && item.parentId == 0 &&
                                             m_parentOf.value(ids.value(item.name)) != 0)) {
                ids.insert(item.name, item.id);
            }
            if (kind == ReferenceKind::Category) {
                m_parentOf.insert(item.id, item.parentId);
            }
        }
        m_referenceLoaded[int(kind)] = true;
    }
    if (const auto it = ids.constFind(name); it != ids.cend()) {
        return *it;
    }
    ReferenceItem item;
    item.kind = kind;
    item.name = name;
    item.active = true;
    auto id = m_repos.reference->insert(item);
    if (!id) {
        return id.error();
    }
    ids.insert(name, *id);
    ++m_referenceCreated;
    return *id;
}

Status ImportService::prepareCases(QList<Import::CaseRow>* rows)
{
    const auto engine = SlaService::engineOf(m_repos); // one engine for the whole run
    if (!engine) {
        return engine.error();
    }
    const QDateTime now = m_clock.now();
    const auto at = [](qint64 t) {
        return t != 0 ? QDateTime::fromSecsSinceEpoch(t) : QDateTime();
    };
    // Risk (issue 16): every summary is scored under the rules in force, as a case written at the desk is. The
    // citizen's history is the file's own: the rows of the same phone or ID number received before this one. History
    // is not alerted: an import raises no alert and writes no RiskScored event.
    const auto rules = RiskService(m_session, m_repos, m_clock).rules();
    if (!rules) {
        return rules.error();
    }
    const RiskScorer scorer(*rules);
    const QList<int> earlier = earlierRowsOfCitizen(*rows);
    qsizetype index = 0;
    for (Import::CaseRow& r : *rows) {
        const RiskResult risk = scorer.score(RiskInput{r.summary, earlier.at(index++), r.channel});
        r.riskScore = risk.score;
        r.riskLevel = RiskLevels::code(risk.level);
        r.riskSignals = risk.signalCodes().join(QLatin1Char(','));
        for (const auto& [kind, name, into] : {std::tuple{ReferenceKind::Window, &r.window, &r.windowId},
                                               std::tuple{ReferenceKind::ServiceItem, &r.serviceItem, &r.serviceItemId},
                                               std::tuple{ReferenceKind::Category, &r.category, &r.categoryId}}) {
            auto id = referenceId(kind, *name);
            if (!id) {
                return id.error();
            }
            *into = *id;
        }
        const bool rated = r.rating >= 1 || r.nps >= 0;
        if (r.closedAt != 0) {
            r.status = CaseStatus::Closed;
        } else if (r.resolvedAt != 0 && rated) {
            r.status = CaseStatus::FollowedUp;
        } else if (r.resolvedAt != 0) {
            r.status = CaseStatus::Resolved;
        } else if (r.answeredAt != 0) {
            r.status = CaseStatus::InProgress;
        } else if (r.acknowledgedAt != 0) {
            r.status = CaseStatus::Acknowledged;
        } else {
            r.status = CaseStatus::Received;
        }
        if (r.rating >= 1) {
            // The rating was given at the follow-up, after the resolution and before the closing.
            r.followedUpAt = r.resolvedAt != 0 ? r.resolvedAt
                             : r.closedAt != 0 ? r.closedAt
                                               : std::max({r.receivedAt, r.acknowledgedAt, r.answeredAt});
        }
        qint64 top = r.categoryId;
        for (int depth = 0; depth < 8 && m_parentOf.value(top) != 0; ++depth) {
            top = m_parentOf.value(top);
        }
        SlaFacts facts;
        facts.channel = r.channel;
        facts.categoryId = top;
        facts.receivedAt = at(r.receivedAt);
        facts.acknowledgedAt = at(r.acknowledgedAt);
        facts.answeredAt = at(r.answeredAt);
        facts.resolvedAt = at(r.resolvedAt);
        const QDateTime due = SlaService::dueFrom(*engine, facts, now, QDateTime());
        r.dueAt = due.isValid() ? due.toSecsSinceEpoch() : 0;
    }
    return {};
}

QList<int> ImportService::earlierRowsOfCitizen(const QList<Import::CaseRow>& rows)
{
    QHash<QString, QList<std::pair<qint64, qsizetype>>> byCitizen; // key -> (received, row)
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (const QString key = Import::citizenKey(rows.at(i)); !key.isEmpty()) {
            byCitizen[key].append({rows.at(i).receivedAt, i});
        }
    }
    QList<int> earlier(rows.size(), 0);
    for (auto& received : byCitizen) {
        std::sort(received.begin(), received.end());
        for (qsizetype k = 0; k < received.size(); ++k) {
            earlier[received.at(k).second] = int(k);
        }
    }
    return earlier;
}

Status ImportService::prepareVisits(QList<Import::QueueRow>* rows)
{
    for (Import::QueueRow& r : *rows) {
        auto item = referenceId(ReferenceKind::ServiceItem, r.serviceItem);
        if (!item) {
            return item.error();
        }
        r.serviceItemId = *item;
        auto window = referenceId(ReferenceKind::Window, r.window);
        if (!window) {
            return window.error();
        }
        r.windowId = *window;
    }
    return {};
}

Status ImportService::writeRejects(const QString& path, const QStringList& header, const QList<Import::Reject>& rejects)
{
    QSaveFile file(path); // written to a temporary file and renamed: an existing file is never left half-written
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(Error::Code::Storage,
                           tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    const auto field = [](const QString& s) -> QString {
        if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) &&
            !s.contains(QLatin1Char('\r'))) {
            return s;
        }
        QString quoted = s;
        quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    };
    QString out;
    // line, reason, then the file's own header: fix the rows and import this file again (the two extra columns are
    // ignored like any other).
    QStringList head{QStringLiteral("line"), QStringLiteral("reason")};
    for (const QString& h : header) {
        head << field(QString(h).remove(QChar(0)));
    }
    out += head.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const Import::Reject& r : rejects) {
        QStringList row{QString::number(r.line), field(r.reason)};
        for (const QString& f : r.fields) {
            row << field(QString(f).remove(QChar(0)));
        }
        out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    file.write("\xEF\xBB\xBF");
    file.write(out.toUtf8());
    if (!file.commit()) {
        return Error::make(Error::Code::Storage,
                           tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return {};
}
