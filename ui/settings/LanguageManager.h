#pragma once

#include <QString>

/**
 * Installs the translators for the chosen language: Qingting's own (:/i18n/qingting_<lang>.qm) and Qt's
 * (:/i18n/qtbase_<lang>.qm). Installing them sends QEvent::LanguageChange, so open windows retranslate live.
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
