#pragma once

#include <QString>

/**
 * Installs the translations embedded in the binary (resource prefix /i18n): Qingting's own and Qt's, for one
 * language. Shared by the desktop app and qingting-cli, which print their messages in the user's language.
 */
namespace Translations {
/** "" = follow the system locale (Chinese -> zh_CN, anything else -> English), else "zh_CN" or "en". */
QString resolve(const QString& languageSetting);
/** Replaces the installed translators with those of the language; returns the language applied. */
QString install(const QString& languageSetting);
} // namespace Translations
