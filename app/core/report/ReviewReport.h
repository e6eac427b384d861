#pragma once

#include "dashboard/Dashboard.h"
#include "improvement/Improvement.h"
#include "metrics/Metrics.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

/**
 * The periodic review report (复盘报告, issue 14, helper "report"): everything it shows, as plain values, assembled
 * by ReportService and written as PDF, .xlsx or CSV by app/report (ReportWriter). No personal data: case numbers,
 * dates, reference names and figures only.
 */
namespace Report {

/** How a metric's value reads: a count, a duration, a rate 0–1, the NPS or a plain ratio. */
enum class Unit
{
    Count,
    Minutes,
    Hours,
    Rate, ///< 0–1, shown as a percentage
    Nps,  ///< −100…100
    Ratio,
};

/** One row of the metric table: a figure of `stats --json` now and in the previous period of the same length. */
struct MetricRow
{
    QString key; ///< the stats --json key, dotted for nested ones: "cases", "waiting_minutes.p90", "csat_n"
    QString label;
    Unit unit = Unit::Count;
    std::optional<double> current; ///< nullopt where stats --json says null
    std::optional<double> previous;
    /** current − previous; nullopt when either is null. */
    std::optional<double> delta() const;
    /** delta / |previous|; nullopt when either is null or previous is 0. */
    std::optional<double> relative() const;
};
/** The rows of the metric table in the order of CLI.md's stats --json. */
QList<MetricRow> metricRows(const Metrics::Figures& current, const Metrics::Figures& previous);

/** A case open and past its due time at the report's as-of; no personal data. */
struct OverdueCase
{
    QString caseNo;
    QDateTime received;
    QString category;
    QString serviceItem;
    QString department;
    QDateTime due;
    int daysOver = 0; ///< whole days past due at as-of
};

/** A systemic alert of the period, with its cases' numbers. */
struct AlertItem
{
    QString category;
    QString serviceItem;
    QDate windowFrom;
    QDate windowTo;
    int cases = 0;       ///< all its cases
    QStringList caseNos; ///< the first kMaxAlertCaseNos of them
};

/** An improvement action: the open ones, and those done in the period. */
struct ActionItem
{
    QString title;
    QString owner; ///< the owner department
    QDate deadline;
    ImprovementStatus status = ImprovementStatus::Open;
    QDateTime doneAt;
    bool overdue = false; ///< active with a deadline before as-of's day
    int linkedCases = 0;
};

/** Whether the audit chain held when the report was made. */
enum class AuditCheck
{
    Held,       ///< verify walked the chain and it holds
    Broken,     ///< verify found a broken entry (note says which)
    NotChecked, ///< only the head was read (note says why)
};

/** The audit chain's head as the report prints it: a "paper witness" to compare with the chain later. */
struct AuditHead
{
    bool present = false; ///< false: the log is empty
    qint64 seq = 0;
    QString hash;
    QDateTime at;
    QString keyId; ///< empty: a legacy (unkeyed) entry
    AuditCheck check = AuditCheck::NotChecked;
    QString note;         ///< translated: what the check found or why it did not run
    qint64 verifyMs = -1; ///< how long verify took; -1 when it did not run
};

/** The report itself. */
struct ReviewReport
{
    Dashboard::Range range;
    Dashboard::Range previous; ///< the same number of days before range
    QString hallName;
    QDateTime generatedAt;
    QDateTime asOf;

    Metrics::Figures figures;         ///< exactly `stats --from --to --as-of` of range
    Metrics::Figures previousFigures; ///< exactly `stats` of previous, same as-of
    QList<MetricRow> metrics;

    Dashboard::Grain grain = Dashboard::Grain::Day;
    QList<Dashboard::WaitingPoint> waiting;
    QList<Dashboard::SatisfactionPoint> satisfaction;
    QList<Dashboard::ServicePoint> service;

    QList<Metrics::CategoryRow> pareto; ///< = figures.byCategory
    int vitalFew = 0;                   ///< the first rows that make up 80 % (Dashboard::vitalFew)

    QList<Dashboard::BreakdownRow> byWindow;
    QList<Dashboard::BreakdownRow> byServiceItem;
    QList<Dashboard::BreakdownRow> byDepartment;

    QList<OverdueCase> overdueCases; ///< oldest due first, at most the cap
    qint64 overdueMore = 0;          ///< overdue cases left out of the list
    bool overdueMoreExact = true;    ///< false: at least overdueMore

    Dashboard::AlertRule rule;
    QList<AlertItem> alerts;

    QList<ActionItem> actions;
    int actionsMore = 0;

    AuditHead audit;
};

/** The caps of the lists: long lists end with "and N more". */
constexpr int kMaxOverdueCases = 200;
constexpr int kMaxActions = 200;
constexpr int kMaxAlertCaseNos = 20; // each is a case read: 72 alerts of a quarter on 1 M cases cost 0.5 s

/** The longest period one report covers (days). */
constexpr qint64 kMaxRangeDays = 400;

/** Translated texts shared by the writers. */
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ReportText)

public:
    static QString title();
    static QString unitLabel(Unit unit);
    static QString checkLabel(AuditCheck check);
    static QString grainLabel(Dashboard::Grain grain);
    static QString channelLabel(int channel);
};

} // namespace Report
