#pragma once

#include "report/ReviewReport.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

/**
 * The review report's tables as plain typed cells, one model for the three writers: the CSV writes each as a
 * section, the .xlsx as a sheet, the PDF as a printed table. A null QVariant is an empty cell (stats' null).
 */
namespace ReportTables {

enum class CellType
{
    Text,
    Integer,
    Number,   ///< a double, two decimals when printed
    Percent,  ///< a fraction 0–1, printed as a percentage
    Date,     ///< QDate
    DateTime, ///< QDateTime (local time)
    Delta,    ///< a signed change of a count or a number: "+12", "-3.50"
    Points,   ///< a signed change of a rate (fraction): percentage points, "+1.4 pp"
};

struct Column
{
    QString header;
    CellType type = CellType::Text;
    int width = 12; ///< in characters, for the .xlsx and the PDF's proportions
};

/** Which table; the order of the enum is the order of the sheets and sections. */
enum class Id
{
    Metrics,
    Pareto,
    Series,
    Breakdowns,
    Overdue,
    Alerts,
    Actions,
    Audit,
};

struct Table
{
    Id id = Id::Metrics;
    QString title;     ///< translated section title
    QString sheetName; ///< translated short name, made a valid sheet name by sheetName()
    QList<Column> columns;
    QList<QVariantList> rows;
    /** Per-row cell types where a row differs from its columns (the metric table's rates); empty = the columns'. */
    QList<QList<CellType>> rowTypes;
    QString note; ///< "and N more", or empty
};

/** The type of cell (row, column): rowTypes where given, else the column's. */
CellType typeOf(const Table& table, int row, int column);

/** Every table of the report, in the order of Id. */
QList<Table> all(const Report::ReviewReport& report);
/** The breakdown rows of one dimension, as the Breakdowns table lays them out (for the PDF's three tables). */
Table breakdown(const Report::ReviewReport& report, Dashboard::Dimension dimension);

/** A valid .xlsx sheet name: at most 31 characters, none of []:*?/\, not empty, not starting or ending with '. */
QString sheetName(const QString& wanted);

/** A cell as text for the PDF (localized numbers, two decimals, percentages). */
QString display(const QVariant& value, CellType type);

class PeriodText
{
    Q_DECLARE_TR_FUNCTIONS(PeriodText)

public:
    static QString periodLine(const Report::ReviewReport& report);
    static QString previousLine(const Report::ReviewReport& report);
};

} // namespace ReportTables
