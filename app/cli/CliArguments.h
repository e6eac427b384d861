#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * The words of one qingting-cli call: `--name value` / `--name=value` options, flags and positional words.
 * Each command says which options it knows; anything else is a usage error (exit 2).
 */
class CliArguments
{
public:
    /** Splits `args` (without the program name). `flags` are the options that take no value. */
    static std::optional<CliArguments> parse(const QStringList& args, const QSet<QString>& flags, QString* error);

    const QStringList& positional() const { return m_positional; }
    bool has(const QString& name) const { return m_options.contains(name) || m_flags.contains(name); }
    QString value(const QString& name) const { return m_options.value(name); }
    /** The names given that are not in `known` (options and flags together). */
    QStringList unknown(const QSet<QString>& known) const;

private:
    QStringList m_positional;
    QHash<QString, QString> m_options;
    QSet<QString> m_flags;
};
