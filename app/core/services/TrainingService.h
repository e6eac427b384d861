#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"
#include "services/AuditWriter.h"
#include "training/Anonymizer.h"
#include "training/TrainingLibrary.h"
#include "users/Session.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

class Clock;
struct Case;

/**
 * The trainer's library of training cases (issue 15, helper "train15"). The trainer has no ViewCases: this service is
 * the gate. It shows closed cases only as anonymized previews (candidates), builds a training case from one through
 * the Anonymizer (the citizen's personal data and every staff name read here, never returned) and refuses to store
 * any text in which a known name, phone, ID number or address survives (the leak check). Building, editing,
 * deleting, exporting and importing need ManageTraining; reading the library RunDrills or ManageTraining. Every call
 * checks the session against the database; each write is one transaction with its audit entry.
 */
class TrainingService
{
    Q_DECLARE_TR_FUNCTIONS(TrainingService)

public:
    TrainingService(Session session, const Repositories& repos, const Clock& clock);

    /** Closed cases matching the filter, newest closed first, as anonymized previews. */
    Result<QList<TrainingCandidate>> candidates(const TrainingCandidateFilter& filter);
    /** Builds and stores the training case of a closed case not built yet; audited "training.create". */
    Result<TrainingCase> buildFromCase(qint64 caseId);

    /** The library, newest first: a category (exact) and part of the title (case-insensitive for ASCII). */
    Result<QList<TrainingSummary>> list(const TrainingFilter& filter = {});
    /** The categories the library holds, sorted (the library's category filter). */
    Result<QStringList> categories();
    Result<TrainingCase> find(qint64 id);
    /** Writes the trainer's edits to the case seen at `expectedVersion` after the leak check; audited. */
    Result<TrainingCase> update(qint64 id, int expectedVersion, const TrainingEdits& edits);
    /** Deletes a training case; audited "training.delete". */
    Status remove(qint64 id);

    /** The training-set file of these cases (TrainingSet::write); no ids, no live-case link, no login. */
    Result<QByteArray> exportSet(const QList<qint64>& ids);
    /**
     * Imports a training-set file: validated whole first (TrainingSet::read) and every text through the anonymizer,
     * which must find no personal item; then all cases in one transaction, audited "training.import". Returns the
     * new ids, in file order.
     */
    Result<QList<qint64>> importSet(const QByteArray& bytes);

    bool mayRead() const { return m_session.can(Permission::RunDrills) || mayManage(); }
    bool mayManage() const { return m_session.can(Permission::ManageTraining); }

private:
    std::optional<Error> denyRead();
    /** Every user's display name and login as staff (logins of fewer than 3 characters are left out). */
    Result<QList<KnownPerson>> staff();
    /**
     * The hall's own names (windows, departments, service items, categories): the anonymizer keeps them even where
     * they hold a surname character. A failed read gives fewer keep-words, which only masks more.
     */
    QStringList hallWords();
    /** The citizen of a live case as a known person; nullopt for an anonymous case. Never leaves the service. */
    Result<std::optional<KnownPerson>> citizenOf(const Case& c, QString* address);
    /** The leak check over every text of `t`: Invalid naming the field and the kind of data, never the value. */
    std::optional<Error> leakCheck(const TrainingCase& t, const QList<KnownPerson>& people, const QString& address);
    /** Refuses a text in which the anonymizer still finds a phone, ID, card or e-mail pattern. */
    std::optional<Error> patternCheck(const QString& field, const QString& text, bool allKinds);
    Status audit(const QString& action, qint64 id, const QJsonObject& detail);

    Session m_session;
    Repositories m_repos;
    const Clock& m_clock;
    AuditWriter m_audit;
};
