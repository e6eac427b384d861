#pragma once

#include "cases/CaseStatus.h"
#include "common/Ref.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** The checklist of crisis mode (issue 16); the stored codes are stable. */
enum class CrisisStep
{
    AssessImpact,     ///< "assess_impact": 评估影响
    NameSpokesperson, ///< "name_spokesperson": 确定发言人 (the note is the spokesperson)
    AgreeStatement,   ///< "agree_statement": 统一口径
    InvolveLegal,     ///< "involve_legal": 法务合规介入
    InformLeadership, ///< "inform_leadership": 报告领导
};

namespace CrisisSteps {
QList<CrisisStep> all();
QString code(CrisisStep step);
std::optional<CrisisStep> fromCode(const QString& code);
/** Translated, for screens. */
QString label(CrisisStep step);
/** The Chinese name stored in timeline notes, which read the same in every UI language (评估影响 …). */
QString storedName(CrisisStep step);
} // namespace CrisisSteps

/** What a public statement is. */
enum class StatementKind
{
    Holding,     ///< "holding": 情况说明 / 第一时间回应, before the facts are known
    PublicReply, ///< "public_reply": the public reply once they are
};

namespace StatementKinds {
QList<StatementKind> all();
QString code(StatementKind kind);
std::optional<StatementKind> fromCode(const QString& code);
QString label(StatementKind kind);
/** The Chinese name stored in timeline notes (情况通报, 公开回应). */
QString storedName(StatementKind kind);
} // namespace StatementKinds

/**
 * The golden-hours clock (黄金4小时, strict 1 hour): from the crisis's opening to the first public statement, in
 * wall-clock hours (not working time). Stopped by the first published statement.
 */
struct GoldenClock
{
    QDateTime openedAt;
    int hours = 4;
    QDateTime stoppedAt; ///< the first statement; invalid while the clock runs

    QDateTime deadline() const { return openedAt.addSecs(qint64(hours) * 3600); }
    bool isStopped() const { return stoppedAt.isValid(); }
    /** Seconds left at `now` (at the stop once stopped); negative when past the deadline. */
    qint64 remainingSeconds(const QDateTime& now) const;
    /** Running past the deadline, or stopped after it (the statement came late). */
    bool isOverdue(const QDateTime& now) const { return remainingSeconds(now) < 0; }
    /** Running with less than an hour left, or overdue: shown in red. */
    bool isUrgent(const QDateTime& now) const;
    /** "3:59:59", "0:05:00", "−0:12:03" (overdue). */
    static QString format(qint64 seconds);
};

/** A case in a crisis, as the crisis page lists it. */
struct CrisisCase
{
    qint64 caseId = 0;
    QString caseNo;
    CaseStatus status = CaseStatus::Received;
    QString summary;
    QString serviceItem;
    QString riskLevel; ///< "" = never scored
    qint64 citizenId = 0;
};

struct CrisisStepRecord
{
    CrisisStep step = CrisisStep::AssessImpact;
    QDateTime doneAt;
    Ref doneBy;
    QString note;
};

struct CrisisStatement
{
    qint64 id = 0;
    qint64 crisisId = 0;
    StatementKind kind = StatementKind::Holding;
    QString text;
    QDateTime publishedAt;
    Ref by;
};

/** One lesson of a review; improvementId is the action it became (0 = none). */
struct CrisisLesson
{
    QString text;
    qint64 improvementId = 0;
};

/** The post-crisis review (复盘). */
struct CrisisReview
{
    QString whatHappened;
    QString whatWorked;
    QString whatDidNot;
    QList<CrisisLesson> lessons;
    QDateTime reviewedAt;
    Ref reviewedBy;
};

/** A lesson as the review form fills it in: with an owner department it becomes an improvement action. */
struct CrisisLessonDraft
{
    QString text;
    bool makeAction = false;
    qint64 ownerDepartmentId = 0;
    QDate deadline; ///< invalid = 30 days on
};

struct CrisisReviewDraft
{
    QString whatHappened;
    QString whatWorked;
    QString whatDidNot;
    QList<CrisisLessonDraft> lessons;
};

/** One crisis: its clock and state. */
struct Crisis
{
    qint64 id = 0;
    QString title;
    QDateTime openedAt;
    Ref openedBy;
    int goldenHours = 4;
    QString spokesperson;
    QDateTime statementAt; ///< the first public statement
    QDateTime closedAt;
    Ref closedBy;
    QString closeNote;
    int caseCount = 0; ///< filled in by lists and find()

    bool isOpen() const { return !closedAt.isValid(); }
    GoldenClock clock() const { return {openedAt, goldenHours, statementAt}; }
};

/** Everything the crisis page shows. */
struct CrisisDetail
{
    Crisis crisis;
    QList<CrisisCase> cases;
    QList<CrisisStepRecord> steps;
    QList<CrisisStatement> statements;
    std::optional<CrisisReview> review;

    const CrisisStepRecord* step(CrisisStep s) const;
};

namespace Crises {
constexpr int kDefaultGoldenHours = 4;
constexpr int kStrictGoldenHours = 1;
constexpr int kMaxTitleChars = 200;
constexpr int kMaxNoteChars = 2000;
constexpr int kMaxStatementChars = 4000;
constexpr int kMaxReviewChars = 4000;
constexpr int kMaxLessons = 20;
constexpr int kMaxCases = 200;

/** "Crisis: QT-20261130-0042 and 2 more" style default title (Chinese data, stored). */
QString defaultTitle(const QStringList& caseNos);
} // namespace Crises
