#pragma once

#include "cases/Case.h"
#include "cases/CaseStatus.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

/** The columns a case list can be ordered by; each maps to one raw value in the repository. */
enum class CaseSortKey
{
    ReceivedAt,
    CaseNo,
    Status,
    WaitedMinutes,
    Category,
    Window,
};

/** Where the previous page ended: the sort value and id of its last row (keyset pagination). */
struct CaseCursor
{
    QVariant sortValue;
    qint64 id = 0;

    bool isValid() const { return id != 0; }
};

/** A page of the case list: filters, order and where to continue. */
struct CaseQuery
{
    QList<CaseStatus> statuses; ///< empty = every status
    QString text;               ///< matched anywhere in the case number or the complaint (Chinese terms of any length)
    qint64 assigneeId = 0;      ///< 0 = anyone's cases
    QDateTime overdueAt;        ///< valid = only cases still open and due before this time (Case::isOverdue)
    // supervise (issue 12): the views of the case list.
    QDateTime dueFrom;            ///< valid = only open cases due at or after this time (with overdueAt: "due today")
    bool awaitingSignFor = false; ///< only cases a department has not signed for yet (transfer_state 'awaiting_sign')
    bool pausedOnly = false;      ///< only cases whose clocks are paused (paused_at set)
    CaseSortKey sortKey = CaseSortKey::ReceivedAt;
    bool descending = true;
    CaseCursor after; ///< invalid = first page
    int limit = 200;
};

/**
 * How many cases match a query. Exact where counting is cheap; past a cap the repository stops counting and
 * reports a lower bound, so the number under the list never costs a scan of a million rows.
 */
struct CaseCount
{
    qint64 value = 0;
    bool exact = true; ///< false: at least `value` cases match

    friend bool operator==(const CaseCount&, const CaseCount&) = default;
};

/** One page of cases and the cursor that continues after it. */
struct CasePage
{
    QList<Case> cases;
    CaseCursor next;   ///< pass as CaseQuery::after for the following page
    bool atEnd = true; ///< no rows after this page
};
