// qingting: the desktop app's composition root. It opens the database, builds repositories and services, asks who
// is at the desk and shows the main window. Nothing here knows SQL or draws widgets of its own.

#include "Database.h"
#include "SqlDatabaseConnector.h"
#include "common/AppIdentity.h"
#include "common/AppSettings.h"
#include "common/Clock.h"
#include "common/LocalTimeZone.h"
#include "login/FirstAdminDialog.h"
#include "login/LoginDialog.h"
#include "mainwindow/MainWindow.h"
#include "services/AuthService.h"
#include "settings/LanguageManager.h"
#include "users/PasswordHasher.h"
#include "workers/DatabaseWorker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QIcon>
#include <QMessageBox>

#include <memory>
#include <optional>

namespace {
/** Where to work: --db / --pg on the command line, then QINGTING_PG, then the settings, then the default file. */
DatabaseLocation chooseLocation(const QCommandLineParser& args, const AppSettings& settings)
{
    if (args.isSet(QStringLiteral("db"))) {
        return DatabaseLocation::sqlite(args.value(QStringLiteral("db")));
    }
    if (args.isSet(QStringLiteral("pg"))) {
        return DatabaseLocation::postgres(args.value(QStringLiteral("pg")));
    }
    if (const QString env = qEnvironmentVariable("QINGTING_PG"); !env.isEmpty()) {
        return DatabaseLocation::postgres(env);
    }
    if (const QString url = settings.string(AppSettings::Key::PostgresUrl); !url.isEmpty()) {
        return DatabaseLocation::postgres(url);
    }
    if (const QString path = settings.string(AppSettings::Key::DatabasePath); !path.isEmpty()) {
        return DatabaseLocation::sqlite(path);
    }
    return DatabaseLocation::defaultLocation();
}

/** Who is at the desk: the first administrator of a new database, or a login. Nullopt = the user gave up. */
std::optional<Session> askWhoIsThere(AuthService& auth, DatabaseWorker& worker, AppSettings& settings,
                                     const QString& message)
{
    const auto needsAdmin = auth.needsFirstAdmin();
    if (!needsAdmin) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Qingting"), needsAdmin.error().message);
        return std::nullopt;
    }
    if (*needsAdmin) {
        FirstAdminDialog dialog(worker);
        return dialog.exec() == QDialog::Accepted ? dialog.session() : std::nullopt;
    }
    LoginDialog dialog(worker, settings);
    if (!message.isEmpty()) {
        dialog.showMessage(message);
    }
    return dialog.exec() == QDialog::Accepted ? dialog.session() : std::nullopt;
}
} // namespace

int main(int argc, char* argv[])
{
    LocalTimeZone::pin(); // before Qt: local-time conversions without a zone-file check each
    QApplication app(argc, argv);
    AppIdentity::apply();
    QApplication::setApplicationDisplayName(QStringLiteral("Qingting 倾听台"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/qingting-256.png")));
    QApplication::setDesktopFileName(QStringLiteral("qingting"));

    AppSettings settings;
    LanguageManager::apply(settings.string(AppSettings::Key::Language));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Complaint desk for government service halls"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"), QCoreApplication::translate("main", "Work on this SQLite file."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("pg"),
                      QCoreApplication::translate(
                          "main", "Work on this PostgreSQL database (postgresql://user:password@host:port/db)."),
                      QStringLiteral("url")});
    parser.process(app);

    const DatabaseLocation location = chooseLocation(parser, settings);
    auto opened = Database::open(location);
    if (!opened) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Qingting cannot start"),
                              opened.error().message);
        return 1;
    }
    const std::unique_ptr<Database> db = std::move(opened).value();
    // Without the hall's audit key this desk could not record anything (every change is audited): say how to fix it.
    if (const QString keyProblem = db->auditKeyProblem(); !keyProblem.isEmpty()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Qingting cannot start"), keyProblem);
        return 1;
    }
    for (const QString& warning : db->warnings()) {
        QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Qingting"), warning);
    }
    const Repositories repos = db->repositories();
    const SystemClock clock;
    const PasswordHasher hasher;
    AuthService auth(repos, clock, hasher);
    // The database thread: its own connection to the same database, for everything a screen may wait on.
    DatabaseWorker worker(std::make_shared<SqlDatabaseConnector>(location), clock, hasher);
    // Its connection opens and warms itself now, while the login dialog waits for the user (PostgreSQL: the first
    // list of a new server session would otherwise load catalog entries and statistics, up to 0.8 s).
    worker.warmUp();

    // One pass per login: "Log out" closes the window and asks again; so does a session that ended because an
    // administrator disabled the account or changed its role (with the reason on the login dialog); closing the
    // window otherwise quits.
    QString reason;
    for (;;) {
        const auto session = askWhoIsThere(auth, worker, settings, reason);
        if (!session) {
            return 0;
        }
        reason.clear();
        MainWindow window(*session, repos, clock, hasher, settings, worker);
        bool loggedOut = false;
        QObject::connect(&window, &MainWindow::logoutRequested, &window, [&loggedOut] { loggedOut = true; });
        QObject::connect(&window, &MainWindow::sessionEnded, &window, [&](const QString& why) {
            reason = why;
            loggedOut = true;
            // Dialogs still open on the ended session go too, so that nothing keeps the window's event loop alive.
            for (QWidget* w : QApplication::topLevelWidgets()) {
                if (auto* dialog = qobject_cast<QDialog*>(w); dialog && dialog->isVisible()) {
                    dialog->reject();
                }
            }
            window.close();
        });
        window.show();
        const int code = QApplication::exec();
        if (!loggedOut) {
            return code;
        }
    }
}
