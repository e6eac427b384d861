#pragma once

#include "CliArguments.h"
#include "Database.h"
#include "imports/Import.h"

#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <memory>

class UserService;
namespace Metrics {
struct Figures;
}

/** qingting-cli: the headless contract of CLI.md. Every change it makes is audited under the actor "cli". */
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)

public:
    enum ExitCode
    {
        Done = 0,
        Failed = 1,
        Usage = 2,
        Rejected = 3
    };

    CliApp(QTextStream& out, QTextStream& err);
    int run(const QStringList& args);

private:
    int usage(const QString& problem);
    /** The option names a command knows, with --db and --pg. */
    static QSet<QString> withGlobals(std::initializer_list<QString> names);
    int fail(const Error& error);
    /** One line of text for a tab-separated field: tabs and line breaks become spaces. */
    static QString tabField(QString text);
    std::unique_ptr<Database> openDatabase(Database::OpenMode mode, int* exitCode);
    /**
     * The database when one is named (--db, --pg, QINGTING_PG) or the default file exists, opened as it is (never
     * created). nullptr with `exitCode` Done when there is none; nullptr with the failure's code when it cannot be
     * opened (the reason is on stderr).
     */
    std::unique_ptr<Database> openDatabaseIfAny(const CliArguments& args, int* exitCode);

    int cmdVersion(const CliArguments& args);
    int cmdInit(const CliArguments& args);
    int cmdVerify(const CliArguments& args);
    int cmdAudit(const CliArguments& args);
    int cmdDeadline(const CliArguments& args);
    int cmdBackup(const CliArguments& args);
    int cmdRestore(const CliArguments& args);
    int cmdRetention(const CliArguments& args);
    int cmdCalendar(const CliArguments& args);
    int cmdDemo(const CliArguments& args); ///< in CliDemo.cpp
    int cmdCases(const CliArguments& args);
    int cmdLintReply(const CliArguments& args); ///< in LintReplyCommand.cpp
    int cmdAnonymize(const CliArguments& args); ///< in AnonymizeCommand.cpp (drills, issue 15)
    int cmdRisk(const CliArguments& args);      ///< in RiskCommand.cpp (risk, issue 16)
    int cmdStats(const CliArguments& args);     ///< in StatsCommand.cpp (metrics, issue 13)
    static QString statsText(const Metrics::Figures& figures);
    int cmdReport(const CliArguments& args); ///< in ReportCommand.cpp (review report, issue 14)
    /** --from and --to of stats and report: whole days, from ≤ to; nullopt after saying why on stderr (usage). */
    std::optional<std::pair<QDate, QDate>> readPeriod(const CliArguments& args, const QString& command);
    /** --as-of into `asOf` when given (else `asOf` stays); false after saying why on stderr (usage). */
    bool readAsOf(const CliArguments& args, QDateTime& asOf);
    /** import-cases / import-queue (issue 13), in ImportCommand.cpp. */
    int cmdImport(const CliArguments& args, Import::Kind kind);
    int cmdUser(const CliArguments& args);
    int cmdUserAdd(const CliArguments& args);
    int cmdUserList(const CliArguments& args);
    int cmdUserDisable(const CliArguments& args);

    /** Opens the database and runs `work` with a UserService acting as "cli"; returns its exit code. */
    int withUserService(Database::OpenMode mode, const std::function<int(UserService&)>& work);
    /** The password for `user add`: the first line of stdin, or asked twice without echo on a terminal. */
    std::optional<QString> readNewPassword();

    QTextStream& m_out;
    QTextStream& m_err;
    DatabaseLocation m_location;
};
