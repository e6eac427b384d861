#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "cases/CaseQuery.h"
#include "cases/Citizen.h"
#include "cases/FollowUp.h"
#include "common/Result.h"

#include <QList>

/** Storage of cases, their timelines and the citizens behind them. Callers hold the transaction. */
class CaseRepository
{
public:
    virtual ~CaseRepository() = default;

    /** The next number of the day: QT-YYYYMMDD-NNNN. Must run inside the transaction that inserts the case. */
    virtual Result<QString> allocateCaseNo(const QDate& day) = 0;
    /** Inserts the case (id 0, caseNo set) and returns its id. */
    virtual Result<qint64> insert(const Case& c) = 0;
    /** Writes every field of an existing case. */
    virtual Status update(const Case& c) = 0;
    virtual Result<Case> find(qint64 id) = 0;
    virtual Result<Case> findByNumber(const QString& caseNo) = 0;
    virtual Result<CasePage> list(const CaseQuery& query) = 0;
    /** How many cases match the query's filters (ignores order, cursor and limit); see CaseCount. */
    virtual Result<CaseCount> count(const CaseQuery& query) = 0;

    virtual Result<qint64> addEvent(const CaseEvent& event) = 0;
    /** The timeline, oldest first. */
    virtual Result<QList<CaseEvent>> events(qint64 caseId) = 0;

    virtual Result<qint64> addFollowUp(const FollowUp& followUp) = 0;
    /** Oldest first. */
    virtual Result<QList<FollowUp>> followUps(qint64 caseId) = 0;

    virtual Result<qint64> insertCitizen(const Citizen& citizen) = 0;
    virtual Result<Citizen> citizen(qint64 id) = 0;

    // The guided intake's look-ups: each is one index range, also on a million cases.
    /**
     * Citizens whose normalised phone (CitizenValidator::normalizedPhone) equals `phoneKey` or whose ID number
     * (CitizenValidator::normalizedIdNumber) equals `idNumber`; an empty key is not looked up. Newest first.
     */
    virtual Result<QList<Citizen>> findCitizens(const QString& phoneKey, const QString& idNumber, int limit) = 0;
    /** The citizen's cases, newest received first; the list's columns only (as list() reads them). */
    virtual Result<QList<Case>> citizenCases(qint64 citizenId, int limit) = 0;
    /** Cases of this service item and category received at or after `since`, newest first; list columns only. */
    virtual Result<QList<Case>> similarCases(qint64 serviceItemId, qint64 categoryId, const QDateTime& since,
                                             int limit) = 0;
};
