#include "RetentionService.h"

#include "cases/Case.h"
#include "common/Clock.h"
#include "repositories/CaseRepository.h"
#include "repositories/RetentionRepository.h"
#include "repositories/UnitOfWork.h"
#include "services/HallWords.h"
#include "training/Anonymizer.h"

#include <QJsonObject>

namespace {
constexpr qsizetype kCitizensPerTransaction = 200;
} // namespace

RetentionService::RetentionService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

Result<RetentionReport> RetentionService::purge(int years, const QDate& asOf, bool dryRun, const Progress& progress,
                                                const Cancelled& cancelled)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::PurgePersonalData)) {
        return *denied;
    }
    if (!m_repos.retention) {
        return Error::make(Error::Code::Invalid, tr("This database cannot purge personal data."));
    }
    if (years < 1 || years > 50) {
        return Error::make(Error::Code::Invalid, tr("The retention period is 1 to 50 years."));
    }
    if (!asOf.isValid()) {
        return Error::make(Error::Code::Invalid, tr("The purge needs the day it is counted from."));
    }
    RetentionReport report;
    report.dryRun = dryRun;
    report.closedBefore = asOf.addYears(-years);
    const qint64 cutoff = QDateTime(report.closedBefore, QTime(0, 0)).toSecsSinceEpoch();
    const auto before = m_repos.retention->purgedCount();
    if (!before) {
        return before.error();
    }
    report.purgedBefore = *before;
    const QStringList keep = hallWords(*m_repos.reference);

    const auto due = m_repos.retention->due(cutoff);
    if (!due) {
        return due.error();
    }
    if (dryRun) {
        for (const RetentionRepository::Due& d : *due) {
            report.cases += d.cases;
        }
        report.citizens = due->size();
        return report;
    }
    // Citizens a batch to a transaction: each commit rebuilds the daily figures of the days its cases touched once
    // (one citizen a transaction took 12 ms each at 1 M cases, most of it that rebuild). A batch is whole or not
    // there; a cancelled run keeps the batches before.
    bool stopped = false;
    for (qsizetype from = 0; from < due->size(); from += kCitizensPerTransaction) {
        if (cancelled && cancelled()) {
            stopped = true;
            break;
        }
        WriteTransaction tx(*m_repos.unitOfWork);
        if (!tx.started()) {
            return tx.started().error();
        }
        qint64 citizens = 0;
        qint64 cases = 0;
        for (const RetentionRepository::Due& d : due->mid(from, kCitizensPerTransaction)) {
            const auto citizen = m_repos.cases->citizen(d.citizenId);
            if (!citizen) {
                return citizen.error();
            }
            const auto n = purgeOne(*citizen, keep, &report.textsChanged);
            if (!n) {
                return n.error();
            }
            cases += *n;
            ++citizens;
        }
        if (auto c = tx.commit(); !c) {
            return c.error();
        }
        report.citizens += citizens;
        report.cases += cases;
        if (progress) {
            progress(report.citizens);
        }
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    Status s = tx.started();
    if (s) {
        QJsonObject detail{{QStringLiteral("years"), years},
                           {QStringLiteral("closed_before"), report.closedBefore.toString(Qt::ISODate)},
                           {QStringLiteral("citizens"), report.citizens},
                           {QStringLiteral("cases"), report.cases},
                           {QStringLiteral("texts_masked"), report.textsChanged}};
        if (stopped) {
            detail.insert(QStringLiteral("cancelled"), true);
        }
        s = m_audit.record(m_session, QStringLiteral("retention.purge"), QStringLiteral("database"), 0, detail);
    }
    if (s) {
        s = tx.commit();
    }
    if (!s) {
        return s.error();
    }
    return report;
}

Result<qint64> RetentionService::purgeOne(const Citizen& citizen, const QStringList& keepWords, qint64* textsChanged)
{
    Anonymizer anonymizer;
    anonymizer.addKeepWords(keepWords);
    anonymizer.addKnownPerson(KnownPerson::ofCitizen(citizen));
    const QString address = citizen.address.trimmed();
    auto mask = [&](QString& text) {
        if (text.trimmed().isEmpty()) {
            return false;
        }
        QString masked = text;
        if (address.size() >= 4) {
            masked.replace(address, Anonymizer::label(PersonalItemKind::Address));
        }
        masked = anonymizer.anonymize(masked);
        if (masked == text) {
            return false;
        }
        text = masked;
        ++*textsChanged;
        return true;
    };

    const auto ids = m_repos.retention->caseIds(citizen.id);
    if (!ids) {
        return ids.error();
    }
    for (qint64 id : *ids) {
        auto c = m_repos.cases->find(id);
        if (!c) {
            return c.error();
        }
        bool changed = false;
        IntakeDetail& in = c->intake;
        for (QString* text : {&c->complaintText, &c->facts, &c->impact, &c->steps, &in.facts.what, &in.facts.when,
                              &in.facts.where, &in.facts.involved, &in.impact.affected, &in.impact.demand,
                              &in.steps.remedyNote, &in.steps.promiseReason, &in.steps.replyText}) {
            changed = mask(*text) || changed;
        }
        if (changed) {
            // Through the case repository, so that the search index forgets the old words.
            if (auto s = m_repos.cases->update(*c); !s) {
                return s.error();
            }
        }
    }
    auto records = m_repos.retention->recordTexts(*ids);
    if (!records) {
        return records.error();
    }
    QList<RetentionRepository::Text> changed;
    for (RetentionRepository::Text& t : *records) {
        if (mask(t.text)) {
            changed.append(t);
        }
    }
    if (auto s = m_repos.retention->rewrite(changed); !s) {
        return s.error();
    }
    if (auto s = m_repos.retention->erase(citizen.id, m_clock.now().toSecsSinceEpoch()); !s) {
        return s.error();
    }
    return qint64(ids->size());
}
