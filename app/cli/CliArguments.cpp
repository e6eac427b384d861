#include "CliArguments.h"

#include <QCoreApplication>

std::optional<CliArguments> CliArguments::parse(const QStringList& args, const QSet<QString>& flags, QString* error)
{
    CliArguments result;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--")) {
            result.m_positional << arg;
            continue;
        }
        QString name = arg.mid(2);
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            result.m_options.insert(name.left(eq), name.mid(eq + 1));
            continue;
        }
        if (flags.contains(name)) {
            result.m_flags.insert(name);
            continue;
        }
        if (i + 1 >= args.size()) {
            *error = QCoreApplication::translate("CliArguments", "The option --%1 needs a value.").arg(name);
            return std::nullopt;
        }
        result.m_options.insert(name, args.at(++i));
    }
    return result;
}

QStringList CliArguments::unknown(const QSet<QString>& known) const
{
    QStringList result;
    for (auto it = m_options.cbegin(); it != m_options.cend(); ++it) {
        if (!known.contains(it.key())) {
            result << QLatin1String("--") + it.key();
        }
    }
    for (const QString& flag : m_flags) {
        if (!known.contains(flag)) {
            result << QLatin1String("--") + flag;
        }
    }
    return result;
}
