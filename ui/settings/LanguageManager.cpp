#include "settings/LanguageManager.h"

#include "common/Translations.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>

namespace {
QString& appliedLanguage()
{
    static QString language;
    return language;
}
} // namespace

QString LanguageManager::resolve(const QString& languageSetting)
{
    return Translations::resolve(languageSetting);
}

void LanguageManager::apply(const QString& languageSetting)
{
    const QString language = Translations::resolve(languageSetting);
    // Dates, numbers and Qt's own dialogs follow the language, not only the translated texts.
    QLocale::setDefault(language == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                                           : QLocale(QLocale::English, QLocale::UnitedStates));
    appliedLanguage() = Translations::install(language);
    if (QCoreApplication::instance()) {
        // Deliver the change now, also when no translator changed (the default locale did, or a .qm is missing).
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }
}

QString LanguageManager::current()
{
    return appliedLanguage();
}
