#pragma once

#include <QString>

/**
 * Switches the desktop app's language live: core's Translations installs the translators, this sets the default
 * locale to match and sends QEvent::LanguageChange, so open windows retranslate at once.
 */
class LanguageManager
{
public:
    /** "" (follow the system), "zh_CN" or "en" -> the language to use: "zh_CN" for a Chinese system, else "en". */
    static QString resolve(const QString& languageSetting);
    /** Replaces the installed translators with those of the resolved language. */
    static void apply(const QString& languageSetting);
    /** The language applied last ("zh_CN" or "en"); empty before the first apply(). */
    static QString current();
};
