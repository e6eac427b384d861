#include "CliApp.h"

#include "common/AppIdentity.h"
#include "common/LocalTimeZone.h"
#include "common/Translations.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {
/** CLI.md promises one line of reason on stderr: Qt's own driver warnings stay out unless QINGTING_DEBUG is set. */
void quietMessages(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    static const bool debug = qEnvironmentVariableIsSet("QINGTING_DEBUG");
    if (debug || type == QtFatalMsg) {
        qFormatLogMessage(type, context, message);
        fprintf(stderr, "%s\n", qPrintable(message));
    }
}
} // namespace

int main(int argc, char* argv[])
{
    LocalTimeZone::pin(); // before Qt: local-time conversions without a zone-file check each
    qInstallMessageHandler(quietMessages);
    // `report` draws its PDF with QPainter and needs a QGuiApplication (fonts); every other command stays headless.
    bool report = false;
    for (int i = 1; i < argc; ++i) { // the command: the first word that is not an option or --db/--pg's value
        if (qstrcmp(argv[i], "--db") == 0 || qstrcmp(argv[i], "--pg") == 0) {
            ++i;
        } else if (argv[i][0] != '-') {
            report = qstrcmp(argv[i], "report") == 0;
            break;
        }
    }
    // It never shows a window: offscreen unless QT_QPA_PLATFORM says otherwise, also with a display set (a stale
    // DISPLAY over ssh would abort the run).
    if (report && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    std::unique_ptr<QCoreApplication> app =
        report ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    AppIdentity::apply();
    Translations::install(QString()); // messages in the user's language, from the system locale

    QTextStream out(stdout);
    QTextStream err(stderr);
    CliApp cli(out, err);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    const int code = cli.run(args);
    out.flush();
    err.flush();
    return code;
}
