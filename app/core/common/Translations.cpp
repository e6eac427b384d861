#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace Translations {

QString resolve(const QString& languageSetting)
{
    if (languageSetting == QLatin1String("zh_CN") || languageSetting == QLatin1String("en")) {
        return languageSetting;
    }
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString install(const QString& languageSetting)
{
    static std::vector<std::unique_ptr<QTranslator>> installed;
    for (const auto& t : installed) {
        QCoreApplication::removeTranslator(t.get());
    }
    installed.clear();
    const QString language = resolve(languageSetting);
    if (language == QLatin1String("en")) {
        return language; // English is the source language
    }
    for (const QString& base : {QStringLiteral("qingting_"), QStringLiteral("qtbase_")}) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(base + language, QStringLiteral(":/i18n"))) {
            QCoreApplication::installTranslator(translator.get());
            installed.push_back(std::move(translator));
        }
    }
    return language;
}

} // namespace Translations
