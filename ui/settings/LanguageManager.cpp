#include "settings/LanguageManager.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace {
struct Installed
{
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
    QString language;
};

Installed& installed()
{
    static Installed state;
    return state;
}

std::unique_ptr<QTranslator> load(const QString& baseName, const QString& language)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/%1_%2.qm").arg(baseName, language))) {
        return nullptr;
    }
    QCoreApplication::installTranslator(translator.get());
    return translator;
}
} // namespace

QString LanguageManager::resolve(const QString& languageSetting)
{
    if (languageSetting == QLatin1String("zh_CN") || languageSetting == QLatin1String("en")) {
        return languageSetting;
    }
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

void LanguageManager::apply(const QString& languageSetting)
{
    const QString language = resolve(languageSetting);
    Installed& state = installed();
    if (state.app) {
        QCoreApplication::removeTranslator(state.app.get());
        state.app.reset();
    }
    if (state.qt) {
        QCoreApplication::removeTranslator(state.qt.get());
        state.qt.reset();
    }
    QLocale::setDefault(language == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                                           : QLocale(QLocale::English, QLocale::UnitedStates));
    // English is the source language: without a translator every text shows as written.
    if (language != QLatin1String("en")) {
        state.qt = load(QStringLiteral("qtbase"), language);
        state.app = load(QStringLiteral("qingting"), language);
    }
    state.language = language;
    if (QCoreApplication::instance()) {
        // Deliver the change now, also when no translator changed (the default locale did, or a .qm is missing).
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }
}

QString LanguageManager::current()
{
    return installed().language;
}
