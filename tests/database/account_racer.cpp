// account_racer: a helper process for tst_account_race, not a test. Opens the database named on its command line,
// waits until a given instant so that several racers start together, then makes one change to the administrators:
//
//   account_racer (--db PATH | --pg URL) --start-ms EPOCH_MS --mode first-admin --login NEW
//   account_racer (--db PATH | --pg URL) --start-ms EPOCH_MS --mode disable|demote --login ACTOR --target LOGIN
//
// Exit 0 when the change was made, 3 when it was refused (someone else won), 1 on another failure, 2 on bad usage.

#include "Database.h"
#include "common/Clock.h"
#include "repositories/UserRepository.h"
#include "services/AuthService.h"
#include "services/UserService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>
#include <QThread>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    QHash<QString, QString> options;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        options.insert(args.at(i).mid(2), args.at(i + 1));
    }
    const QString mode = options.value(QStringLiteral("mode"));
    const QString login = options.value(QStringLiteral("login"));
    const QString target = options.value(QStringLiteral("target"));
    const qint64 startMs = options.value(QStringLiteral("start-ms")).toLongLong();
    const bool knownMode = mode == QLatin1String("first-admin") ||
                           ((mode == QLatin1String("disable") || mode == QLatin1String("demote")) && !target.isEmpty());
    if (options.contains(QStringLiteral("db")) == options.contains(QStringLiteral("pg")) || !knownMode ||
        login.isEmpty() || startMs <= 0) {
        err << "usage: see the head of account_racer.cpp" << Qt::endl;
        return 2;
    }
    const DatabaseLocation location = options.contains(QStringLiteral("db"))
                                          ? DatabaseLocation::sqlite(options.value(QStringLiteral("db")))
                                          : DatabaseLocation::postgres(options.value(QStringLiteral("pg")));
    auto db = Database::open(location);
    if (!db) {
        err << login << ": open failed: " << db.error().message << Qt::endl;
        return 1;
    }
    const Repositories repos = (*db)->repositories();
    const SystemClock clock;
    const PasswordHasher hasher(PasswordHasher::Strength::Minimal);

    Status result;
    if (mode == QLatin1String("first-admin")) {
        const QString password = QStringLiteral("racer-password-1");
        AuthService auth(repos, clock, hasher);
        while (QDateTime::currentMSecsSinceEpoch() < startMs) {
            QThread::usleep(200);
        }
        const auto session = auth.createFirstAdmin(login, QString(), password);
        if (!session) {
            result = session.error();
        }
    } else {
        const auto actor = repos.users->findByLogin(login);
        if (!actor) {
            err << login << ": " << actor.error().message << Qt::endl;
            return 1;
        }
        UserService users(Session::forUser(actor->id, actor->login, actor->displayName, actor->role), repos, clock,
                          hasher);
        while (QDateTime::currentMSecsSinceEpoch() < startMs) {
            QThread::usleep(200);
        }
        result = mode == QLatin1String("disable") ? users.disable(target) : users.setRole(target, Role::Clerk);
    }
    if (result.ok()) {
        return 0;
    }
    err << login << ": " << result.error().message << Qt::endl;
    const auto code = result.error().code;
    return code == Error::Code::PermissionDenied || code == Error::Code::Invalid || code == Error::Code::SessionEnded
               ? 3
               : 1;
}
